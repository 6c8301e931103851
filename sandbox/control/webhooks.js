// @ts-check
/**
 * /__sandbox/webhooks: the webhook sender (../webhook-sender.js) for other processes, e.g. the end-to-end suite.
 * Each POST names the webhook URL and answers with what the trigger answered: { status, body, payload, ... }.
 *   POST /webhooks/message  {url, type?, ...message options, ...delivery options}
 *   POST /webhooks/statuses {url, messageId?, outcome?: "read" | "failed", ...delivery options} (no messageId: the
 *                           last message the sandbox accepted)
 *   POST /webhooks/batch    {url, messages?: [{type, ...}], statuses?: [{messageId, status}], ...delivery options}
 *   POST /webhooks/seed     {url, name, ...delivery options}   (one of Cunnekt's samples, byte for byte)
 *   POST /webhooks/raw      {url, body, contentType?, headers?} (any body, e.g. to try bad input)
 *   POST /webhooks/retry    {}                                 (the last request again)
 *   GET  /webhooks          every delivery made
 * Delivery options: query, headers, contentType, appSecret, wrongSignature, envelope.
 * With `accept: text/plain` the answer is one line for a person: what was posted and what n8n answered.
 */
const { answers } = require('../errors');
const { createWebhookSender } = require('../webhook-sender');

module.exports = function registerWebhookSender(control, sandbox) {
	const sender = createWebhookSender(sandbox);
	sandbox.webhooks = sender;

	/**
	 * Runs a send; a refusal of the sender itself (a bad URL, an unknown message id) is a 400 with its reason. The
	 * answer's text (for `accept: text/plain`) says what was posted and what n8n answered.
	 */
	const sending = (send, what = () => 'Posted') => async (req) => {
		const body = typeof req.body === 'object' && req.body !== null ? req.body : {};
		if (typeof body.url !== 'string' && !req.path.endsWith('/retry')) return answers.malformed('url is required');
		try {
			const result = await send(body);
			const answered = (Array.isArray(result) ? result : [result]).map((response) => `${response.status}${response.body ? ` ${response.body}` : ''}`);
			return { status: 200, body: result, text: `${what(body, result)} to ${body.url ?? 'the same URL'}: n8n answered ${answered.join(', ')}.` };
		} catch (error) {
			return answers.malformed(error instanceof Error ? error.message : String(error));
		}
	};
	/** The message id of the statuses posted (the first payload's first status). */
	const statusesOf = (responses) => JSON.parse(responses[0]?.payload ?? '{}').statuses?.[0]?.id;

	control.route('GET', '/webhooks', () => ({ status: 200, body: sender.deliveries }));
	control.route(
		'POST',
		'/webhooks/message',
		sending(
			(body) => sender.message(body.url, body.type ?? 'text', body),
			(body, result) => `Posted a ${body.type ?? 'text'} message from ${result.value.messages[0].from}`,
		),
	);
	control.route(
		'POST',
		'/webhooks/statuses',
		sending(
			(body) => sender.statuses(body.url, String(body.messageId ?? ''), body),
			(body, responses) => `Posted the statuses ${body.outcome === 'failed' ? 'sent, failed' : 'sent, delivered, read'} of message ${statusesOf(responses)}`,
		),
	);
	control.route(
		'POST',
		'/webhooks/batch',
		sending((body) => sender.batch(body.url, { messages: body.messages ?? [], statuses: body.statuses ?? [] }, body)),
	);
	control.route('POST', '/webhooks/seed', sending((body) => sender.seed(body.url, String(body.name ?? ''), body)));
	control.route('POST', '/webhooks/raw', sending((body) => sender.deliver(body.url, String(body.body ?? ''), body)));
	control.route('POST', '/webhooks/retry', sending(() => sender.retry()));
};
