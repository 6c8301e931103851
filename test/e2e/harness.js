// @ts-check
/** Workflows for the end-to-end checks, and running them in the real n8n. */
const assert = require('assert/strict');
const fs = require('fs');
const path = require('path');
const { runN8nCommand } = require('../../playground/n8n/processes');
const { createWorkflow, CURRENT_CREDENTIAL_NAME } = require('../../playground/stack');

const CUNNEKT = 'n8n-nodes-cunnekt.cunnekt';

/** A node of the workflow being built; position is set by the builder. */
function node(name, type, parameters = {}, extra = {}) {
	return { id: `${name.replace(/\W+/g, '-').toLowerCase()}`, name, type, typeVersion: 1, parameters, ...extra };
}

/** A Cunnekt action node (its credential is set when the workflow is created). */
function cunnekt(name, parameters, extra = {}) {
	return node(name, CUNNEKT, parameters, { credentials: { cunnektApi: { id: 'set-on-import', name: 'Cunnekt' } }, ...extra });
}

/** A Cunnekt action node on the current platform's credential (see withCredential in playground/stack.js). */
function cunnektCurrent(name, parameters, extra = {}) {
	return cunnekt(name, parameters, { credentials: { cunnektApi: { id: 'set-on-import', name: CURRENT_CREDENTIAL_NAME } }, ...extra });
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
	return await executeById(stack, created.id);
}

/** Runs a workflow n8n already has with `n8n execute`; returns its stored execution (see execute). */
async function executeById(stack, workflowId) {
	const result = await runN8nCommand(stack.install, stack.userFolder, ['execute', `--id=${workflowId}`], { env: stack.env });
	const [execution] = await stack.api.executions({ workflowId });
	if (!execution) {
		throw new Error(`n8n execute --id=${workflowId} stored no execution (exit ${result.code}): ${result.stdout.slice(-800)}${result.stderr.slice(-800)}`);
	}
	return {
		workflowId,
		execution,
		exitCode: result.code,
		/** The items a node output (its first run, first output), as [{json, pairedItem}]. */
		output: (nodeName) => outputOf(execution, nodeName),
		error: (nodeName) => execution.data?.resultData?.runData?.[nodeName]?.[0]?.error,
	};
}

/**
 * The executions of a workflow once `count` of them have finished, oldest first (a trigger's executions run after
 * the webhook has answered). Fails if more than `count` exist.
 */
async function finishedExecutions(stack, workflowId, count) {
	for (let attempt = 0; attempt < 600; attempt++) {
		const executions = await stack.api.executions({ workflowId });
		const finished = executions.filter((execution) => execution.stoppedAt);
		if (executions.length > count) throw new Error(`workflow ${workflowId} has ${executions.length} executions; expected ${count}`);
		if (finished.length === count) return finished.sort((a, b) => Number(a.id) - Number(b.id));
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error(`workflow ${workflowId} did not finish ${count} executions; log: ${stack.logFile}`);
}

/** Fails with n8n's own error message unless a stored execution succeeded. */
function assertSucceeded(execution) {
	if (execution.status === 'success') return;
	const error = execution.data?.resultData?.error;
	const node = error?.node?.name ?? execution.data?.resultData?.lastNodeExecuted;
	throw new Error(`execution ${execution.id} is ${execution.status}: ${node ? `node "${node}": ` : ''}${error?.message ?? 'no error recorded'} ${error?.description ?? ''}`);
}

/** The items a node output in a stored execution (its first run, first output), as [{json, pairedItem}]. */
function outputOf(execution, nodeName, outputIndex = 0) {
	const run = execution.data?.resultData?.runData?.[nodeName]?.[0];
	if (!run) throw new Error(`node "${nodeName}" did not run in execution ${execution.id} (${execution.status})`);
	if (run.error) throw new Error(`node "${nodeName}" failed: ${run.error.message} ${run.error.description ?? ''}`);
	return (run.data?.main?.[outputIndex] ?? []).map(({ json, pairedItem }) => ({ json, pairedItem }));
}

/** The bytes of a binary field in a stored execution (n8n keeps them in the user folder's storage, filesystem mode). */
function binaryBytes(stack, binary) {
	const id = String(binary?.id ?? '');
	if (!id.startsWith('filesystem-v2:')) throw new Error(`binary data not stored on disk: ${JSON.stringify(binary)}`);
	return fs.readFileSync(path.join(stack.userFolder, '.n8n', 'storage', id.slice('filesystem-v2:'.length)));
}

/** Calls the sandbox's control API (what a person does with curl): e.g. POST /webhooks/message. */
async function sandboxControl(stack, method, controlPath, body) {
	const response = await fetch(`${stack.sandbox.url}/__sandbox${controlPath}`, {
		method,
		headers: { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const answer = await response.json();
	if (!response.ok) throw new Error(`${method} /__sandbox${controlPath} answered ${response.status}: ${JSON.stringify(answer)}`);
	return answer;
}

/** The API requests the sandbox received, as [method, path, body], after checking that each carried the key. */
function receivedRequests(sandbox) {
	for (const request of sandbox.requests) assert.equal(request.headers['api-key'], sandbox.apiKey, `API-KEY of ${request.path}`);
	return sandbox.requests.map((request) => [request.method, request.path, request.body]);
}

/**
 * Checks the sandbox received exactly these requests, given per node in the order the nodes ran. A node sends its
 * items' requests side by side (Sending Options → Max Concurrent Requests), so within one node's group any order
 * is right.
 */
function assertRequests(sandbox, groups) {
	const received = receivedRequests(sandbox);
	const key = (request) => JSON.stringify(request);
	const sorted = (requests) => [...requests].sort((a, b) => key(a).localeCompare(key(b)));
	let start = 0;
	const actualGroups = groups.map((group) => received.slice(start, (start += group.length)));
	assert.deepEqual(
		{ groups: actualGroups.map(sorted), more: received.slice(start) },
		{ groups: groups.map(sorted), more: [] },
	);
}

/** What a send answers, as the node outputs it: the message id the sandbox gave, the recipient, the answer. */
function sendOutputOf(sent) {
	return {
		messageId: sent.id,
		mobile: sent.mobile,
		messaging_product: 'whatsapp',
		contacts: [{ input: sent.mobile, wa_id: sent.mobile }],
		messages: [{ id: sent.id }],
	};
}

/** The output of the nth message (from 0) the sandbox accepted for a number. */
function sendOutput(sandbox, mobile, nth) {
	const sent = sandbox.state.sent.filter((message) => message.mobile === mobile)[nth];
	assert.ok(sent, `the sandbox accepted no message #${nth + 1} for ${mobile}`);
	return sendOutputOf(sent);
}

/** Two customers, their numbers typed as people type them (normalised to 919999999999 and 919888888888). */
const customers = () =>
	items('Customers', [
		{ name: 'Asha', mobile: '+91 99999-99999', amount: 'Rs. 999' },
		{ name: 'Vivek', mobile: '0091 98888 88888', amount: 'Rs. 1,250' },
	]);

const ORDER_PICTURE = 'https://example.com/order.jpg';

/** The /sendnotification body of the sandbox's template order_update: its image header and two body variables. */
function orderUpdateBody(mobile, name, amount) {
	return {
		mobile,
		templateid: 'sdsdDSDdssd',
		template: {
			components: [
				{ type: 'header', parameters: [{ type: 'image', image: { link: ORDER_PICTURE } }] },
				{ type: 'body', parameters: [{ type: 'text', text: name }, { type: 'text', text: amount }] },
			],
		},
	};
}

/** Reads until it gives something other than undefined (every 200 ms, 600 times at most); fails naming `what`. */
async function poll(what, read, attempts = 600) {
	for (let attempt = 0; attempt < attempts; attempt++) {
		const value = await read();
		if (value !== undefined) return value;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error(`gave up waiting for ${what}`);
}

/** A workflow's executions with their data, oldest first. */
async function executionsOf(stack, workflowId) {
	return (await stack.api.executions({ workflowId })).sort((a, b) => Number(a.id) - Number(b.id));
}

/** The bodies of the replies (POST /sendreplymessage) the sandbox received, in order. */
function replyBodies(sandbox) {
	return sandbox.requests.filter((request) => request.path === '/sendreplymessage').map((request) => request.body);
}

module.exports = {
	poll,
	executionsOf,
	replyBodies,
	CUNNEKT,
	ORDER_PICTURE,
	node,
	cunnekt,
	cunnektCurrent,
	items,
	customers,
	manualWorkflow,
	chainWorkflow,
	execute,
	executeById,
	finishedExecutions,
	outputOf,
	assertSucceeded,
	binaryBytes,
	sandboxControl,
	receivedRequests,
	assertRequests,
	sendOutput,
	sendOutputOf,
	orderUpdateBody,
};
