// @ts-check
/**
 * /__sandbox/webhooks: the webhook sender (../webhooks.js) for other processes, e.g. the end-to-end suite. Each POST
 * names the webhook URL and answers with what the trigger answered: { status, body, payload, ... }.
 *   POST /webhooks/message  {url, type?, ...message options, ...delivery options}
 *   POST /webhooks/statuses {url, messageId, outcome?: "read" | "failed", ...delivery options}
 *   POST /webhooks/batch    {url, messages?: [{type, ...}], statuses?: [{messageId, status}], ...delivery options}
 *   POST /webhooks/seed     {url, name, ...delivery options}   (one of Cunnekt's samples, byte for byte)
 *   POST /webhooks/raw      {url, body, contentType?, headers?} (any body, e.g. to try bad input)
 *   POST /webhooks/retry    {}                                 (the last request again)
 *   GET  /webhooks          every delivery made
 * Delivery options: query, headers, contentType, appSecret, wrongSignature, envelope.
 */
const { answers } = require('../errors');
const { createWebhookSender } = require('../webhooks');

module.exports = function registerWebhookSender(control, sandbox) {
	const sender = createWebhookSender(sandbox);
	sandbox.webhooks = sender;

	/** Runs a send; a refusal of the sender itself (a bad URL, an unknown message id) is a 400 with its reason. */
	const sending = (send) => async (req) => {
		const body = typeof req.body === 'object' && req.body !== null ? req.body : {};
		if (typeof body.url !== 'string' && !req.path.endsWith('/retry')) return answers.malformed('url is required');
		try {
			return { status: 200, body: await send(body) };
		} catch (error) {
			return answers.malformed(error instanceof Error ? error.message : String(error));
		}
	};

	control.route('GET', '/webhooks', () => ({ status: 200, body: sender.deliveries }));
	control.route('POST', '/webhooks/message', sending((body) => sender.message(body.url, body.type ?? 'text', body)));
	control.route('POST', '/webhooks/statuses', sending((body) => sender.statuses(body.url, String(body.messageId ?? ''), body)));
	control.route(
		'POST',
		'/webhooks/batch',
		sending((body) => sender.batch(body.url, { messages: body.messages ?? [], statuses: body.statuses ?? [] }, body)),
	);
	control.route('POST', '/webhooks/seed', sending((body) => sender.seed(body.url, String(body.name ?? ''), body)));
	control.route('POST', '/webhooks/raw', sending((body) => sender.deliver(body.url, String(body.body ?? ''), body)));
	control.route('POST', '/webhooks/retry', sending(() => sender.retry()));
};
