// @ts-check
/**
 * /__sandbox/webhooks: the webhook sender (../webhook-sender.js) for other processes, e.g. the end-to-end suite.
 * Each POST names the webhook URL and answers with what the trigger answered: { status, body, payload, ... }.
 *   POST /webhooks/message  {url, type?, ...message options, ...delivery options} (withoutPhone: true: a customer
 *                           with a username and no phone number, by BSUID only; userId, parentUserId, username)
 *   POST /webhooks/statuses {url, messageId?, outcome?: "read" | "failed", userId?, withoutPhone?, ...delivery
 *                           options} (no messageId: the last message the sandbox accepted; a message sent to a
 *                           BSUID, userId or withoutPhone: the statuses carry the recipient's BSUID)
 *   POST /webhooks/batch    {url, messages?: [{type, ...}], statuses?: [{messageId, status}], ...delivery options}
 *   POST /webhooks/seed     {url, name, ...delivery options}   (one of Cunnekt's samples, byte for byte)
 *   POST /webhooks/raw      {url, body, contentType?, headers?} (any body, e.g. to try bad input)
 *   POST /webhooks/retry    {}                                 (the last request again)
 *   GET  /webhooks          every delivery made
 * Delivery options: query, headers, contentType, appSecret, wrongSignature, envelope.
 * With `accept: text/plain` the answer is one line for a person: what was posted and what n8n answered to each
 * post, in words (an empty 200 from the Cunnekt Trigger: the workflow started).
 */
const { answers } = require('../errors');
const { createWebhookSender } = require('../webhook-sender');

/**
 * n8n's answer to one post, in words: its status and its text; an empty 200 is how the Cunnekt Trigger says an
 * execution started (every answer that starts none says why).
 */
function answerWords(response) {
	if (response.status === 200 && !response.body) return '200 (an empty answer: the workflow started)';
	return `${response.status}${response.body ? ` (${response.body})` : ''}`;
}

/** Who wrote, as a person reads it: the number, or the BSUID and username of a customer without one. */
function senderWords(value) {
	const [message] = value.messages;
	if (message.from) return message.from;
	const [contact] = value.contacts;
	return `${message.from_user_id} (username ${contact.profile.username ?? 'none'}, no phone number)`;
}

const article = (word) => (/^[aeiou]/i.test(word) ? 'an' : 'a');

module.exports = function registerWebhookSender(control, sandbox) {
	const sender = createWebhookSender(sandbox);
	sandbox.webhooks = sender;

	/**
	 * Runs a send; a refusal of the sender itself (a bad URL, an unknown message id) is a 400 with its reason. The
	 * answer's text (for `accept: text/plain`) says what was posted and what n8n answered to each post.
	 */
	const sending = (send, what = () => 'Posted', answered = (responses) => responses.map(answerWords).join(', ')) => async (req) => {
		const body = typeof req.body === 'object' && req.body !== null ? req.body : {};
		if (typeof body.url !== 'string' && !req.path.endsWith('/retry')) return answers.malformed('url is required');
		try {
			const result = await send(body);
			const responses = Array.isArray(result) ? result : [result];
			return { status: 200, body: result, text: `${what(body, result)} to ${body.url ?? 'the same URL'}: n8n answered ${answered(responses)}.` };
		} catch (error) {
			return answers.malformed(error instanceof Error ? error.message : String(error));
		}
	};
	/** The statuses posted, one per request, in order (the first status of each payload). */
	const statusesOf = (responses) => responses.map((response) => JSON.parse(response.payload ?? '{}').statuses?.[0] ?? {});

	control.route('GET', '/webhooks', () => ({ status: 200, body: sender.deliveries }));
	control.route(
		'POST',
		'/webhooks/message',
		sending(
			(body) => sender.message(body.url, body.type ?? 'text', body),
			(body, result) => `Posted ${article(body.type ?? 'text')} ${body.type ?? 'text'} message from ${senderWords(result.value)}`,
		),
	);
	control.route(
		'POST',
		'/webhooks/statuses',
		sending(
			(body) => sender.statuses(body.url, String(body.messageId ?? ''), body),
			(body, responses) =>
				`Posted the statuses ${statusesOf(responses).map((status) => status.status).join(', ')} of message ${statusesOf(responses)[0]?.id}`,
			(responses) => {
				const statuses = statusesOf(responses);
				const each = responses.map((response, index) => `${answerWords(response)} to "${statuses[index].status}"`);
				return each.length > 1 ? `${each.slice(0, -1).join(', ')} and ${each[each.length - 1]}` : each.join('');
			},
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
