#!/usr/bin/env node
// @ts-check
/**
 * `npm run test:n8n-version -- <version>`: a smoke test of the packed package on another n8n than the pinned one
 * (docs/n8n-versions.md): it loads, its credential test passes, a template send, a reply with buttons, the trigger
 * starting an execution, and a Send and Wait resumed by a tap. Not part of `npm test` (each version is one more
 * install of about 2.8 GB, and 1.x depends on a replacement for a package outside the registry: install-n8n.js).
 *
 * The n8n goes into a cache of its own, not the pinned one's: $CUNNEKT_N8N_CACHE, else
 * ~/.cache/n8n-nodes-cunnekt-versions. Other arguments as every suite: parts of check names, --no-build.
 */
const os = require('os');
const path = require('path');

const [version] = process.argv.slice(2).filter((arg) => /^\d+\.\d+\.\d+$/.test(arg));
if (!version && !process.env.CUNNEKT_N8N_VERSION) {
	console.error('usage: npm run test:n8n-version -- <n8n version, e.g. 1.123.81> [check name…] [--no-build]');
	process.exit(2);
}
process.env.CUNNEKT_N8N_VERSION ??= version;
process.env.CUNNEKT_N8N_CACHE ??= path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'n8n-nodes-cunnekt-versions');
process.argv = process.argv.filter((arg) => arg !== version);

const assert = require('assert/strict');
const { REPO_DIR, N8N_VERSION } = require('../../playground/runtime/pin');
const { unwrap } = require('../../playground/n8n/api');
const { createWorkflow, loadExamples, productionWebhookUrl, startStack } = require('../../playground/stack');
const { REPLY_BODIES, RECIPIENT } = require('../fixtures/replyBodies');
const { runSuite } = require('../helpers/suite');
const harness = require('../e2e/harness');

const { assertSucceeded, cunnekt, executionsOf, finishedExecutions, manualWorkflow, outputOf, poll, replyBodies, sandboxControl, sendOutput } = harness;
const { runN8nCommand } = require('../../playground/n8n/processes');
const RUN_DIR = path.join(REPO_DIR, '.e2e', `n8n-${N8N_VERSION}`);
const MANAGER = '919000000001';

/** Publishes (n8n 2) or activates (n8n 1, whose public API has no publish) a workflow n8n already has. */
async function publish(stack, id) {
	try {
		await stack.api.publishWorkflow(id);
	} catch (error) {
		if (![404, 405].includes(/** @type {any} */ (error).status)) throw error;
		await stack.api.call('POST', `/workflows/${id}/activate`);
	}
}

/** An example, created and published; its trigger's production URL and secret. */
async function published(stack, file, triggerName) {
	const { workflow } = /** @type {{ workflow: any }} */ (loadExamples().find((entry) => entry.file === file));
	const created = await createWorkflow(stack, workflow, { publish: false });
	await publish(stack, created.id);
	const trigger = workflow.nodes.find((node) => node.name === triggerName);
	return { id: created.id, workflow, url: await productionWebhookUrl(stack, workflow, triggerName), secret: trigger.parameters.secret ?? stack.webhookSecret };
}

const checks = [
	{
		name: 'smoke: n8n loads both nodes and the credentials; the credential test passes with the key and fails without it',
		async run({ stack, step }) {
			step('the node types n8n loaded');
			const types = unwrap(await stack.rest('GET', '/types/nodes.json')) ?? [];
			const names = (Array.isArray(types) ? types : []).map((type) => type.name);
			assert.ok(names.includes('n8n-nodes-cunnekt.cunnekt') && names.includes('n8n-nodes-cunnekt.cunnektTrigger'), `loaded: ${names.filter((name) => name.includes('cunnekt'))}`);
			step('the credential test, as the editor runs it');
			const test = async (apiKey) =>
				unwrap(
					await stack.rest('POST', '/rest/credentials/test', {
						credentials: { id: stack.credential.id, name: stack.credential.name, type: 'cunnektApi', data: { platform: 'classic', apiKey, baseUrl: stack.sandbox.baseUrl } },
					}),
				);
			assert.deepEqual(await test(stack.sandbox.apiKey), { status: 'OK', message: 'Connection successful!' });
			assert.equal((await test('wrong-key')).status, 'Error');
		},
	},
	{
		name: 'smoke: Template Message → Send and Reply → Send Buttons, run as a person runs a workflow',
		async run({ stack, step }) {
			const { sandbox } = stack;
			sandbox.openWindow(RECIPIENT);
			const buttons = /** @type {any} */ (REPLY_BODIES.find((row) => row.operation === 'sendButtons'));
			step('n8n execute: a template, then buttons');
			const created = await createWorkflow(
				stack,
				manualWorkflow('smoke: sends', [
					cunnekt('Template', { resource: 'templateMessage', operation: 'send', mobile: RECIPIENT, templateId: { __rl: true, mode: 'id', value: 'asdasdDSDsd' } }),
					cunnekt('Buttons', { resource: 'reply', operation: 'sendButtons', mobile: RECIPIENT, ...buttons.parameters }),
				]),
				{ publish: false },
			);
			await runN8nCommand(stack.install, stack.userFolder, ['execute', `--id=${created.id}`], { env: stack.env });
			// n8n 1.x's CLI may exit before the stored execution says it stopped.
			const [execution] = await finishedExecutions(stack, created.id, 1);
			assertSucceeded(execution);
			const run = { output: (name) => outputOf(execution, name) };
			assert.deepEqual(sandbox.requestsTo('/sendnotification').map((request) => request.body), [{ mobile: RECIPIENT, templateid: 'asdasdDSDsd' }]);
			assert.deepEqual(replyBodies(sandbox), [buttons.classic.body]);
			assert.deepEqual(run.output('Template'), [{ json: sendOutput(sandbox, RECIPIENT, 0), pairedItem: { item: 0 } }]);
			assert.deepEqual(run.output('Buttons'), [{ json: sendOutput(sandbox, RECIPIENT, 1), pairedItem: { item: 0 } }]);
		},
	},
	{
		name: 'smoke: the published trigger starts one execution for a customer text, and a Send and Wait resumes on the tap (examples/refund-approval.json)',
		async run({ stack, step }) {
			const { sandbox } = stack;
			step('publish examples/refund-approval.json');
			const flow = await published(stack, 'refund-approval.json', "Cunnekt Trigger (manager's taps)");
			sandbox.openWindow(MANAGER);
			sandbox.openWindow(RECIPIENT);
			const post = (messages) => sandboxControl(stack, 'POST', '/webhooks/batch', { url: flow.url, messages, query: { secret: flow.secret } });
			step('a text from the manager starts one execution of the trigger');
			assert.equal((await post([{ type: 'text', from: MANAGER, text: 'hello' }])).status, 200);
			const [text] = await poll('the text execution', async () => {
				const all = await executionsOf(stack, flow.id);
				return all.length === 1 && all[0].status === 'success' ? all : undefined;
			});
			assert.equal(outputOf(text, "Cunnekt Trigger (manager's taps)")[0].json.text, 'hello');
			step('a refund waits for the manager; the Approve tap resumes it');
			const refund = flow.workflow.nodes.find((node) => node.name === 'Refund request');
			const started = await fetch(`${stack.n8n.url}/webhook/${refund.parameters.path}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ order: 'A-1042', amount: 250, customer: RECIPIENT, reason: 'damaged' }),
			});
			assert.equal(started.status, 200);
			const waiting = await poll('the refund to wait', async () => (await executionsOf(stack, flow.id)).find((execution) => execution.status === 'waiting'));
			const question = replyBodies(sandbox).find((body) => body.mobile === MANAGER);
			const approve = question.buttons[0].reply.id;
			const tap = await post([{ type: 'button_reply', from: MANAGER, replyId: approve, title: 'Approve', context: { id: sandbox.state.sent[0].id } }]);
			assert.equal(tap.status, 200);
			const resumed = await poll('the refund to finish', async () => {
				const execution = (await executionsOf(stack, flow.id)).find((candidate) => candidate.id === waiting.id);
				return execution?.status === 'success' ? execution : undefined;
			});
			assert.equal(outputOf(resumed, 'Ask the manager')[0].json.data.approved, true);
			assert.deepEqual(replyBodies(sandbox).at(-1), { mobile: RECIPIENT, type: 'text', text: 'Good news: your refund of 250 EUR for order A-1042 is approved.' });
		},
	},
];

void runSuite({
	title: (count) => `Smoke test: n8n ${N8N_VERSION} (cache ${process.env.CUNNEKT_N8N_CACHE}) with the packed n8n-nodes-cunnekt and the sandbox (${count} checks)`,
	checks,
	start: ({ build, step }) => startStack({ dir: RUN_DIR, build, step }),
	logs: () => `logs: ${path.relative(process.cwd(), path.join(RUN_DIR, 'n8n.log'))}`,
	beforeEach: (stack) => stack.sandbox.reset(),
	contextFor: (stack, { step }) => ({ stack, step }),
});
