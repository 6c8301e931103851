// @ts-check
/** Workflows for the end-to-end checks, and running them in the real n8n. */
const assert = require('assert/strict');
const { runN8nCommand } = require('../n8n/runtime');
const { createWorkflow } = require('../n8n/stack');

const CUNNEKT = 'n8n-nodes-cunnekt.cunnekt';

/** A node of the workflow being built; position is set by the builder. */
function node(name, type, parameters = {}, extra = {}) {
	return { id: `${name.replace(/\W+/g, '-').toLowerCase()}`, name, type, typeVersion: 1, parameters, ...extra };
}

/** A Cunnekt action node (its credential is set when the workflow is created). */
function cunnekt(name, parameters, extra = {}) {
	return node(name, CUNNEKT, parameters, { credentials: { cunnektApi: { id: 'set-on-import', name: 'Cunnekt' } }, ...extra });
}

/** A Code node that outputs these items' json. */
function items(name, rows) {
	return node(name, 'n8n-nodes-base.code', { jsCode: `return ${JSON.stringify(rows.map((json) => ({ json })))};` }, { typeVersion: 2 });
}

/** Manual Trigger → nodes, one after another: a workflow a person would run with "Execute workflow". */
function manualWorkflow(name, nodes) {
	return chainWorkflow(name, [node('When clicking ‘Execute workflow’', 'n8n-nodes-base.manualTrigger'), ...nodes]);
}

/** The nodes connected one after another, the first one starting the workflow. */
function chainWorkflow(name, nodes) {
	const all = nodes.map((entry, index) => ({
		...entry,
		position: [index * 220, 0],
	}));
	const connections = {};
	for (let index = 0; index + 1 < all.length; index++) {
		connections[all[index].name] = { main: [[{ node: all[index + 1].name, type: 'main', index: 0 }]] };
	}
	return { name, nodes: all, connections, settings: { executionOrder: 'v1' } };
}

/**
 * Creates the workflow in n8n, runs it with `n8n execute` (as a person's manual run, in a process of its own next to
 * the server) and returns the execution n8n stored, read through the public API.
 */
async function execute(stack, workflow) {
	const created = await createWorkflow(stack, workflow, { publish: false });
	const result = await runN8nCommand(stack.install, stack.userFolder, ['execute', `--id=${created.id}`]);
	const [execution] = await stack.api.executions({ workflowId: created.id });
	if (!execution) {
		throw new Error(`n8n execute --id=${created.id} stored no execution (exit ${result.code}): ${result.stdout.slice(-800)}${result.stderr.slice(-800)}`);
	}
	return {
		workflowId: created.id,
		execution,
		exitCode: result.code,
		/** The items a node output (its first run, first output), as [{json, pairedItem}]. */
		output: (nodeName) => {
			const run = execution.data?.resultData?.runData?.[nodeName]?.[0];
			if (!run) throw new Error(`node "${nodeName}" did not run; execution ${execution.id} is ${execution.status}`);
			if (run.error) throw new Error(`node "${nodeName}" failed: ${run.error.message} ${run.error.description ?? ''}`);
			return (run.data?.main?.[0] ?? []).map(({ json, pairedItem }) => ({ json, pairedItem }));
		},
		error: (nodeName) => execution.data?.resultData?.runData?.[nodeName]?.[0]?.error,
	};
}

/** The API requests the sandbox received, as [method, path, body], and a check that each carried the key. */
function receivedRequests(sandbox) {
	for (const request of sandbox.requests) assert.equal(request.headers['api-key'], sandbox.apiKey, `API-KEY of ${request.path}`);
	return sandbox.requests.map((request) => [request.method, request.path, request.body]);
}

/** What a send answers, as the node outputs it: the message id the sandbox gave, the recipient, the answer. */
function sendOutput(sandbox, mobile, nth) {
	const sent = sandbox.state.sent.filter((message) => message.mobile === mobile)[nth];
	assert.ok(sent, `the sandbox accepted no message #${nth + 1} for ${mobile}`);
	return {
		messageId: sent.id,
		mobile,
		messaging_product: 'whatsapp',
		contacts: [{ input: mobile, wa_id: mobile }],
		messages: [{ id: sent.id }],
	};
}

module.exports = { CUNNEKT, node, cunnekt, items, manualWorkflow, chainWorkflow, execute, receivedRequests, sendOutput };
