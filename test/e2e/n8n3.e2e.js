// @ts-check
/**
 * n8n 3's rules on the n8n 2.41 we run (docs/n8n-3.md). The suite's n8n already runs with n8n 3's settings
 * (playground/n8n/processes.js N8N3_SETTINGS); these checks add what the other checks do not show: the trigger's
 * Download Media in filesystem mode, how n8n's SSRF protection judges a Cunnekt host and this n8n's own URL, what
 * the trigger logs when that protection refuses a tap, n8n's own migration report with every workflow loaded, and
 * docker/ against the packed package and this n8n's settings.
 */
const assert = require('assert/strict');
const crypto = require('crypto');
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { publicApi, setupOwner } = require('../../playground/n8n/api');
const { startN8n } = require('../../playground/n8n/processes');
const { createUserFolder } = require('../../playground/n8n/user-folder');
const { createWorkflow, loadExamples, waitForWebhook } = require('../../playground/stack');
const { dockerProblems, n8nVariables } = require('../package/docker');
const { assertSucceeded, binaryBytes, chainWorkflow, CUNNEKT, finishedExecutions, node, outputOf, poll } = require('./harness');

/** A workflow with only the Cunnekt Trigger (every message, no secret); its production URL path. */
function triggerOnly(name, options = {}) {
	const webhookId = crypto.randomUUID();
	return { webhookId, workflow: chainWorkflow(name, [node('Cunnekt Trigger', `${CUNNEKT}Trigger`, { events: ['message'], options }, { webhookId })]) };
}

/** n8n's migration report for n8n 3 (Settings → Migration Report), as the editor asks for it. */
async function migrationReport(rest) {
	const { data } = await rest('POST', '/rest/breaking-changes/report/refresh?version=v3');
	return data;
}

/** The instance rules a report flags, but the one that depends on whether this machine is a container. */
const instanceRules = (report) => report.report.instanceResults.map((result) => result.ruleId).filter((id) => id !== 'docker-only-deployment-v3');

/**
 * n8n's own SSRF check (SsrfProtectionService of the installed n8n, run by its Node) on URLs, with the settings in
 * env and a DNS answer per name: what a request of the node to that URL meets. Returns 'allowed' or n8n's error name.
 */
function ssrfVerdicts(stack, env, addresses, urls) {
	const script = `
		const { SsrfProtectionService } = require('@n8n/backend-network');
		const { Container } = require('@n8n/di');
		const { SsrfProtectionConfig } = require('@n8n/config');
		const addresses = ${JSON.stringify(addresses)};
		const resolver = { lookup: async (name) => [{ address: addresses[name], family: 4 }] };
		const logger = { scoped: () => ({ warn() {}, debug() {} }) };
		const service = new SsrfProtectionService(Container.get(SsrfProtectionConfig), resolver, logger);
		(async () => {
			const verdicts = {};
			for (const url of ${JSON.stringify(urls)}) {
				const result = await service.validateUrl(url);
				verdicts[url] = result.ok ? 'allowed' : result.error.name;
			}
			process.stdout.write(JSON.stringify(verdicts));
		})();`;
	const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('N8N_SSRF_')));
	const result = spawnSync(stack.install.nodeBin, ['-e', script], { cwd: stack.install.dir, env: { ...clean, ...env }, encoding: 'utf8' });
	if (result.status !== 0) throw new Error(`n8n's SSRF check did not run: ${result.stderr}`);
	return JSON.parse(result.stdout);
}

module.exports = [
	{
		name: "n8n 3: the trigger's Download Media keeps the customer's file as binary data on disk (filesystem mode), byte for byte",
		async run({ stack, step }) {
			step('publish a trigger with Download Media');
			const { webhookId, workflow } = triggerOnly('n8n 3: download media', { downloadMedia: true });
			const created = await createWorkflow(stack, workflow, { publish: true });
			try {
				const url = await waitForWebhook(`${stack.n8n.url}/webhook/${webhookId}/webhook`, stack.logFile);
				step('the sandbox posts a document');
				const posted = await stack.sandbox.webhooks.message(url, 'document', {});
				assert.equal(posted.status, 200);
				const [execution] = await finishedExecutions(stack, created.id, 1);
				assertSucceeded(execution);
				step('the item carries the file, stored on disk by n8n');
				const [stored] = execution.data.resultData.runData['Cunnekt Trigger'][0].data.main[0];
				assert.equal(stored.binary.data.data, 'filesystem-v2');
				assert.equal(outputOf(execution, 'Cunnekt Trigger')[0].json.messageId, posted.messageId);
				assert.ok(binaryBytes(stack, stored.binary.data).equals(stack.sandbox.state.media.get(posted.messageId).bytes), 'the stored file is the one the customer sent');
			} finally {
				await stack.api.unpublishWorkflow(created.id);
			}
		},
	},
	{
		name: "n8n 3: SSRF protection as n8n applies it: a Cunnekt host's public address passes; this n8n's own address passes only when allowed, by N8N_SSRF_ALLOWED_IP_RANGES (not …_HOSTNAMES); an internal name by N8N_SSRF_ALLOWED_HOSTNAMES",
		async run({ stack, step }) {
			// n8n resolves a name and judges the addresses it gets, not the name. No internet here: the public address
			// stands in for what app.cunnekt.com and app2.cunnekt.com resolve to (any address outside the blocked ranges).
			const addresses = { 'app.cunnekt.com': '13.232.10.20', 'app2.cunnekt.com': '13.232.10.21', n8n: '172.18.0.3' };
			const cunnekt = ['https://app.cunnekt.com/api/v1/', 'https://app2.cunnekt.com/v1/'];
			const own = 'http://127.0.0.1:5678/webhook-waiting/12/node';
			const internal = 'http://n8n:5678/webhook-waiting/12/node';
			const on = { N8N_SSRF_PROTECTION_ENABLED: 'true' };
			step("n8n 3's protection, nothing allowed");
			assert.deepEqual(ssrfVerdicts(stack, on, addresses, [...cunnekt, own, internal]), {
				[cunnekt[0]]: 'allowed',
				[cunnekt[1]]: 'allowed',
				[own]: 'SsrfBlockedIpError',
				[internal]: 'SsrfBlockedIpError',
			});
			step('the setting the trigger names for each');
			assert.deepEqual(ssrfVerdicts(stack, { ...on, N8N_SSRF_ALLOWED_HOSTNAMES: 'n8n,127.0.0.1' }, addresses, [own, internal]), {
				[own]: 'SsrfBlockedIpError',
				[internal]: 'allowed',
			});
			assert.deepEqual(ssrfVerdicts(stack, { ...on, N8N_SSRF_ALLOWED_IP_RANGES: '127.0.0.1/32' }, addresses, [...cunnekt, own]), {
				[cunnekt[0]]: 'allowed',
				[cunnekt[1]]: 'allowed',
				[own]: 'allowed',
			});
			step("this suite's n8n runs with n8n 3's protection and the address allowed");
			const environment = fs.readFileSync(`/proc/${stack.n8n.pid}/environ`, 'utf8').split('\0');
			assert.deepEqual(
				environment.filter((entry) => /^N8N_(SSRF_|DEFAULT_BINARY_DATA_MODE|UNVERIFIED_PACKAGES_ENABLED)/.test(entry)).sort(),
				['N8N_DEFAULT_BINARY_DATA_MODE=filesystem', 'N8N_SSRF_ALLOWED_IP_RANGES=127.0.0.1/32', 'N8N_SSRF_PROTECTION_ENABLED=true', 'N8N_UNVERIFIED_PACKAGES_ENABLED=true'],
			);
		},
	},
	{
		name: 'n8n 3: an n8n with SSRF protection on and nothing allowed logs a refused tap with the setting to add; its migration report names "unverified packages"',
		async run({ stack, step }) {
			step('a second n8n with the package: SSRF protection on, nothing allowed, N8N_UNVERIFIED_PACKAGES_ENABLED unset');
			const dir = path.join(stack.dir, 'ssrf-refused');
			const n8n = await startN8n({
				install: stack.install,
				userFolder: createUserFolder({ dir, tarball: stack.tarball }),
				env: { N8N_SSRF_ALLOWED_IP_RANGES: /** @type {any} */ (undefined), N8N_UNVERIFIED_PACKAGES_ENABLED: /** @type {any} */ (undefined) },
			});
			try {
				const { rest, apiKey } = await setupOwner(n8n);
				const api = publicApi(n8n, apiKey);
				const { webhookId, workflow } = triggerOnly('n8n 3: refused tap');
				const created = await api.createWorkflow(workflow);
				await api.publishWorkflow(created.id);
				const url = await waitForWebhook(`${n8n.url}/webhook/${webhookId}/webhook`, n8n.logFile);
				step('a tap on a Send and Wait request: answered 200 with the setting to add, refused by SSRF protection, logged with the setting');
				const replyId = `sw1:41:ask-the-manager:a1:k2x9:${'ab'.repeat(32)}`;
				const tap = await stack.sandbox.webhooks.message(url, 'button_reply', { from: '919000000001', replyId, title: 'Approve' });
				assert.deepEqual(
					[tap.status, tap.body],
					[
						200,
						"Received an answer to Send and Wait from 919000000001: it resumed nothing, as n8n's resume URL could not be reached; the same tap sent again tries again (n8n's SSRF protection refused this n8n's own URL: add N8N_SSRF_ALLOWED_IP_RANGES=127.0.0.1/32 to n8n's environment)",
					],
				);
				const advice =
					`Cunnekt Trigger: a tap on a Send and Wait request was not handed to its waiting execution, because n8n's SSRF protection refused this n8n's own URL ${n8n.url} ` +
					'("The request was blocked because it resolves to a restricted IP address"). Add N8N_SSRF_ALLOWED_IP_RANGES=127.0.0.1/32 to n8n\'s environment (beside any value it already has, comma-separated), or set WEBHOOK_URL to an address of this n8n that SSRF protection allows.';
				await poll('the refusal in n8n\'s log', () => (fs.readFileSync(n8n.logFile, 'utf8').includes(advice) ? true : undefined), 150);
				assert.deepEqual(await api.executions({ workflowId: created.id }), [], 'the tap started nothing');
				step("that n8n's migration report: unverified packages, beside the instance's own settings");
				const report = await migrationReport(rest);
				assert.deepEqual(report.report.workflowResults, []);
				assert.deepEqual(instanceRules(report), [
					'compression-node-limits-v3',
					'ssrf-default-blocked-ranges-v3',
					'task-runner-task-timeout-v3',
					'unverified-packages-v3',
					'workflow-import-url-removed-v3',
				]);
			} finally {
				await n8n.stop();
			}
		},
	},
	{
		name: "n8n 3: n8n's migration report (the v3 rules) with every example and every workflow of this run loaded: no workflow issue; only the instance's own settings",
		async run({ stack, step }) {
			step('every example, created (not published: the other checks publish them)');
			const created = [];
			for (const { workflow } of loadExamples()) created.push(await createWorkflow(stack, workflow, { publish: false }));
			try {
				step("Settings → Migration Report, refreshed");
				const report = await migrationReport(stack.rest);
				assert.ok(report.totalWorkflows >= created.length, `the report read ${report.totalWorkflows} workflows`);
				assert.deepEqual(report.report.workflowResults, [], 'no rule flags a workflow: our nodes and examples are ready for n8n 3');
				assert.deepEqual(instanceRules(report), ['compression-node-limits-v3', 'ssrf-default-blocked-ranges-v3', 'task-runner-task-timeout-v3', 'workflow-import-url-removed-v3']);
				assert.doesNotMatch(JSON.stringify(report), /cunnekt/i, 'nothing in the report is about this package');
			} finally {
				for (const workflow of created) await stack.api.call('DELETE', `/workflows/${workflow.id}`);
			}
		},
	},
	{
		name: "docker: docker/Dockerfile installs the packed package's name and version; every variable docker/ sets is one this n8n reads",
		async run({ stack, step }) {
			step('the packed package.json');
			const unpacked = spawnSync('tar', ['xzf', stack.tarball, '-O', 'package/package.json'], { encoding: 'utf8' });
			const { name, version } = JSON.parse(unpacked.stdout);
			step("the variables in n8n's code (its settings and process.env reads)");
			const knownVariables = n8nVariables(stack.install.dir);
			assert.ok(knownVariables.has('N8N_UNVERIFIED_PACKAGES_ENABLED') && knownVariables.has('EXECUTIONS_MODE'));
			assert.deepEqual(dockerProblems({ name, version, knownVariables }), []);
		},
	},
];
