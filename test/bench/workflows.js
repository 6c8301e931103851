// @ts-check
/**
 * The benchmark's workflows: a Webhook that answers when the run is done, N recipients, and a sender (our Template
 * Message Send, or n8n's HTTP Request node posting the same body); and the two triggers compared.
 */
const crypto = require('crypto');
const { CUNNEKT, node, cunnekt, chainWorkflow } = require('../e2e/harness');

const TEMPLATE_ID = 'asdasdDSDsd'; // welcome_message: no variables, so both senders post {mobile, templateid}

/** The Webhook that starts a benchmark run and answers once its last node is done, so a POST times the run. */
function startNode(path) {
	return node(
		'Start',
		'n8n-nodes-base.webhook',
		{ httpMethod: 'POST', path, responseMode: 'lastNode', responseData: 'noData', options: {} },
		{ typeVersion: 2, webhookId: crypto.randomUUID() },
	);
}

/** `count` items {mobile}, distinct numbers. */
function recipients(count) {
	return node(
		'Recipients',
		'n8n-nodes-base.code',
		{ jsCode: `return Array.from({ length: ${count} }, (_, n) => ({ json: { mobile: String(918000000000 + n) } }));` },
		{ typeVersion: 2 },
	);
}

/** Our node with the given Sending Options ({} = the defaults). */
function ourSender(sendingOptions = {}) {
	return cunnekt('Send', {
		resource: 'templateMessage',
		operation: 'send',
		mobile: '={{ $json.mobile }}',
		templateId: { __rl: true, mode: 'id', value: TEMPLATE_ID },
		...(Object.keys(sendingOptions).length > 0 ? { sendingOptions } : {}),
	});
}

/**
 * n8n's HTTP Request node posting what our node posts; batching {batchSize, batchInterval} or none (its default).
 * The API key goes as a plain header, or, with `credential`, through our Cunnekt credential (n8n's "Predefined
 * Credential Type"), which makes n8n evaluate the credential's header expression per request as it does for our node.
 */
function httpSender(sandbox, batching, { credential = false } = {}) {
	const authentication = credential
		? { authentication: 'predefinedCredentialType', nodeCredentialType: 'cunnektApi' }
		: { sendHeaders: true, headerParameters: { parameters: [{ name: 'API-KEY', value: sandbox.apiKey }] } };
	return node(
		'Send',
		'n8n-nodes-base.httpRequest',
		{
			method: 'POST',
			url: `${sandbox.baseUrl}/sendnotification`,
			...authentication,
			sendBody: true,
			specifyBody: 'json',
			jsonBody: `={{ JSON.stringify({ mobile: $json.mobile, templateid: '${TEMPLATE_ID}' }) }}`,
			options: batching ? { batching: { batch: batching } } : {},
		},
		{
			typeVersion: 4.2,
			...(credential ? { credentials: { cunnektApi: { id: 'set-on-import', name: 'Cunnekt' } } } : {}),
		},
	);
}

/** Webhook → recipients → sender. */
function sendWorkflow(name, path, count, sender) {
	return chainWorkflow(name, [startNode(path), recipients(count), sender]);
}

/** A trigger followed by a No Operation node: what the trigger costs and nothing else. */
function triggerWorkflow(name, trigger) {
	return chainWorkflow(name, [trigger, node('Done', 'n8n-nodes-base.noOp')]);
}

const ourTrigger = () => node('Trigger', `${CUNNEKT}Trigger`, {}, { webhookId: crypto.randomUUID() });
const webhookTrigger = (path) =>
	node('Trigger', 'n8n-nodes-base.webhook', { httpMethod: 'POST', path, options: {} }, { typeVersion: 2, webhookId: crypto.randomUUID() });

/** Cunnekt Trigger → Reply → Send and Wait (Approve / Decline to the sender) → No Operation. */
function sendAndWaitWorkflow(name) {
	const ask = cunnekt('Ask', {
		resource: 'reply',
		operation: 'sendAndWait',
		mobile: '={{ $json.from }}',
		message: 'Approve?',
		approvalOptions: { values: { approvalType: 'double' } },
	});
	return chainWorkflow(name, [ourTrigger(), ask, node('Done', 'n8n-nodes-base.noOp')]);
}

module.exports = { sendWorkflow, ourSender, httpSender, triggerWorkflow, ourTrigger, webhookTrigger, sendAndWaitWorkflow };
