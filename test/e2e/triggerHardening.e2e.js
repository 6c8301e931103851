// @ts-check
/**
 * The Cunnekt Trigger against what only a real n8n shows: its secrets in the Cunnekt Webhook API credential (absent
 * from the workflow n8n's API returns and from an export), an over-deep body refused while the deepest allowed one
 * stays readable through the public API, and what n8n itself answers before the trigger runs.
 */
const assert = require('assert/strict');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { runN8nCommand } = require('../../playground/n8n/processes');
const { createWorkflow, productionWebhookUrl } = require('../../playground/stack');
const { inboundMessage, sign } = require('../../sandbox/webhooks');
const { chainWorkflow, finishedExecutions, node, outputOf } = require('./harness');

const TRIGGER = 'Cunnekt Trigger';
const SECRETS = {
	sharedSecret: 'e2e-shared-secret-7f3a9c2b',
	appSecret: '5d41402abc4b2a76b9719d911017c592',
	verifyToken: 'e2e-verify-token-91c7',
};

/**
 * Runs checks against a published workflow "Cunnekt Trigger → No Operation" with these trigger parameters (given its
 * id and production URL), and unpublishes it afterwards.
 */
async function withPublishedTrigger(stack, { name, parameters, credentials = {} }, checks) {
	const trigger = node(TRIGGER, 'n8n-nodes-cunnekt.cunnektTrigger', parameters, { webhookId: crypto.randomUUID(), credentials });
	const workflow = chainWorkflow(name, [trigger, node('No Operation', 'n8n-nodes-base.noOp')]);
	const created = await createWorkflow(stack, workflow, { publish: true });
	try {
		await checks({ id: created.id, url: await productionWebhookUrl(stack, workflow, TRIGGER) });
	} finally {
		await stack.api.unpublishWorkflow(created.id);
	}
}

/** Posts bytes to a URL; answers the status and the body as text. */
async function post(url, body, headers = {}) {
	const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
	return { status: response.status, body: await response.text() };
}

/** A text message as Cunnekt posts it, as the exact bytes sent. */
const textMessage = (id) => JSON.stringify(inboundMessage('text', { id, text: `hello ${id}` }).value);

/** The part of n8n's JSON error answer a sender reads: status and message. */
function n8nError(answer) {
	try {
		return [answer.status, JSON.parse(answer.body).message];
	} catch {
		return [answer.status, answer.body];
	}
}

function assertAbsent(text, where) {
	for (const [field, value] of Object.entries(SECRETS)) assert.ok(!text.includes(value), `${where} holds the credential's ${field}`);
}

module.exports = [
	{
		name: 'trigger hardening: the Cunnekt Webhook API credential keeps its secrets out of the workflow API, executions and exports; a secret and signed call and the handshake pass with it; its test',
		async run({ stack, step }) {
			step('create the Cunnekt Webhook API credential and a workflow whose trigger selects it');
			const credential = await stack.api.createCredential({ name: 'Cunnekt Webhook', type: 'cunnektWebhookApi', data: SECRETS });
			const setup = {
				name: 'Trigger with the webhook credential',
				parameters: { authentication: 'sharedSecretAndSignature' },
				credentials: { cunnektWebhookApi: { id: credential.id, name: credential.name } },
			};
			await withPublishedTrigger(stack, setup, async (flow) => {
				step('n8n\'s credential test (the trigger\'s testedBy method)');
				assert.deepEqual(await stack.api.testCredential(credential.id), {
					status: 'OK',
					message:
						'Well-formed: Shared Secret, App Secret, Verify Token. Whether they match is known only when Cunnekt or WhatsApp calls the webhook: n8n cannot ask Cunnekt.',
				});

				step('a call with the secret and the signature starts the workflow; without them it gets 401');
				const body = textMessage('wamid.credential-1');
				const url = `${flow.url}?secret=${SECRETS.sharedSecret}`;
				assert.deepEqual(await post(url, body, { 'x-hub-signature-256': sign(body, SECRETS.appSecret) }), { status: 200, body: '' });
				assert.deepEqual(await post(url, body, { 'x-hub-signature-256': sign(body, 'another-app-secret') }), {
					status: 401,
					body: 'Unauthorized: X-Hub-Signature-256 does not match the body (check the App Secret)',
				});
				assert.deepEqual(await post(flow.url, body), { status: 401, body: 'Unauthorized: the shared secret (query parameter secret) is missing' });
				const challenge = await fetch(`${flow.url}?hub.mode=subscribe&hub.verify_token=${SECRETS.verifyToken}&hub.challenge=8675309`);
				assert.deepEqual([challenge.status, await challenge.text()], [200, '8675309']);
				const [execution] = await finishedExecutions(stack, flow.id, 1);
				assert.equal(outputOf(execution, TRIGGER)[0].json.messageId, 'wamid.credential-1');

				step('GET /api/v1/workflows/{id} and the execution through the API: the credential\'s reference, none of its secrets');
				const workflow = await stack.api.call('GET', `/workflows/${flow.id}`);
				const trigger = workflow.nodes.find((entry) => entry.name === TRIGGER);
				assert.deepEqual(trigger.credentials.cunnektWebhookApi, { id: credential.id, name: credential.name });
				assertAbsent(JSON.stringify(workflow), 'GET /workflows/{id}');
				assertAbsent(JSON.stringify(await stack.api.call('GET', `/executions/${execution.id}?includeData=true`)), 'GET /executions/{id}');

				step('n8n export:workflow');
				const file = path.join(stack.dir, `export-${flow.id}.json`);
				const exported = await runN8nCommand(stack.install, stack.userFolder, ['export:workflow', `--id=${flow.id}`, `--output=${file}`], { env: stack.env });
				assert.equal(exported.code, 0, `n8n export:workflow failed: ${exported.stderr.slice(-800)}`);
				const exportedText = fs.readFileSync(file, 'utf8');
				assert.ok(exportedText.includes(credential.id), 'the export names the credential');
				assertAbsent(exportedText, 'the export');
			});
		},
	},
	{
		name: 'trigger hardening: a body nested deeper than 32 levels gets 400 and starts nothing; the deepest allowed one is stored and readable through the public API',
		async run({ stack, step }) {
			await withPublishedTrigger(stack, { name: 'Trigger for deep bodies', parameters: { authentication: 'none' } }, async (flow) => {
				/** A message whose `order` field nests objects so that the whole body is `levels` deep. */
				const nestedBody = (levels, id) => {
					let order = { id: 'innermost' };
					for (let level = 4; level < levels; level++) order = { inner: order };
					return JSON.stringify(inboundMessage('order', { id, content: order }).value);
				};
				step('10,000 levels and 33 levels: 400 with the reason');
				const reason = 'The JSON nests deeper than 32 levels; this trigger accepts at most 32 (WhatsApp\'s webhooks nest about a dozen)';
				// Built as text: JSON.stringify itself recurses.
				const abyss = JSON.stringify(inboundMessage('order', { id: 'wamid.abyss', content: { deep: 'DEEP' } }).value).replace(
					'"DEEP"',
					`${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`,
				);
				assert.deepEqual(await post(flow.url, abyss), { status: 400, body: reason });
				assert.deepEqual(await post(flow.url, nestedBody(33, 'wamid.deep33')), { status: 400, body: reason });

				step('32 levels: one execution, read back whole through GET /api/v1/executions/{id}?includeData=true');
				const allowed = nestedBody(32, 'wamid.deep32');
				assert.deepEqual(await post(flow.url, allowed), { status: 200, body: '' });
				const [listed] = await finishedExecutions(stack, flow.id, 1);
				const execution = await stack.api.call('GET', `/executions/${listed.id}?includeData=true`);
				assert.equal(execution.status, 'success');
				assert.deepEqual(
					outputOf(execution, TRIGGER).map((item) => item.json.raw),
					JSON.parse(allowed).messages,
				);
			});
		},
	},
	{
		name: 'trigger hardening: what n8n answers before the trigger runs (gzip/deflate claims, a body over N8N_PAYLOAD_SIZE_MAX, JSON as other content types) and the 403 of a failed verification',
		async run({ stack, step }) {
			const setup = { name: 'Trigger for n8n\'s own answers', parameters: { authentication: 'none' } };
			await withPublishedTrigger(stack, setup, async (flow) => {
				step('send each: a plain body claiming gzip or deflate, one over N8N_PAYLOAD_SIZE_MAX (16 MB by default), JSON as other content types');
				const plain = textMessage('wamid.plain-gzip');
				const huge = JSON.stringify({ messaging_product: 'whatsapp', padding: 'x'.repeat(17 * 1024 * 1024) });
				const as = (type, id) => post(flow.url, textMessage(id), { 'content-type': type });
				const answers = {
					gzipClaim: n8nError(await post(flow.url, plain, { 'content-encoding': 'gzip' })),
					deflateClaim: n8nError(await post(flow.url, plain, { 'content-encoding': 'deflate' })),
					overPayloadSizeMax: n8nError(await post(flow.url, huge)),
					textPlain: n8nError(await as('text/plain', 'wamid.as-text')),
					formUrlencoded: n8nError(await as('application/x-www-form-urlencoded', 'wamid.as-form')),
					octetStream: n8nError(await as('application/octet-stream', 'wamid.as-octets')),
					xml: n8nError(await as('application/xml', 'wamid.as-xml')),
				};
				step('n8n\'s answers, as the README\'s "What the sender gets back" gives them');
				const workflowProblem = [500, 'There was a problem executing the workflow'];
				assert.deepEqual(answers, {
					gzipClaim: workflowProblem,
					deflateClaim: workflowProblem,
					overPayloadSizeMax: workflowProblem,
					textPlain: [200, ''],
					formUrlencoded: [200, ''],
					octetStream: [200, ''],
					xml: [422, 'Failed to parse request body'],
				});
				const executions = await finishedExecutions(stack, flow.id, 3);
				assert.deepEqual(
					executions.map((execution) => outputOf(execution, TRIGGER)[0].json.messageId).sort(),
					['wamid.as-form', 'wamid.as-octets', 'wamid.as-text'],
				);

				step('GET verification without a token, with another hub.mode, without a challenge: 403');
				const notTheHandshake = 'Expected WhatsApp\'s verification request (hub.mode=subscribe, hub.verify_token, hub.challenge)';
				for (const query of ['hub.mode=subscribe&hub.challenge=1', 'hub.mode=unsubscribe&hub.verify_token=t&hub.challenge=1', 'hub.mode=subscribe&hub.verify_token=t', '']) {
					const answer = await fetch(`${flow.url}?${query}`);
					assert.deepEqual([answer.status, await answer.text()], [403, notTheHandshake], `GET ?${query}`);
				}
			});
		},
	},
];
