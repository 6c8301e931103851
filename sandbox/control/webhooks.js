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
 *   POST /webhooks/tap      {url, answer, mobile?, messageId?, ...delivery options} (a person taps the button, list
 *                           row or template quick reply labelled `answer` on a message the sandbox accepted: the one
 *                           named, else the last one to `mobile` with buttons, else the last one with buttons)
 *   GET  /webhooks          every delivery made
 * Delivery options: query, headers, contentType, appSecret, wrongSignature, envelope.
 * With `accept: text/plain` the answer is one line for a person: what was posted and what n8n answered to each
 * post, in words (an empty 200 from the Cunnekt Trigger: the workflow started).
 */
const { answers } = require('../errors');
const { createWebhookSender } = require('../webhook-sender');

/** "a text", "an image": how a message's type is named in a sentence. */
const withArticle = (word) => `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;

/**
 * What a person can tap on a message the sandbox accepted, as WhatsApp reports the tap: reply buttons
 * (button_reply), list rows (list_reply), both platforms' shapes; a template's quick replies (button, with the
 * payload the send gave and the button's text from the template).
 */
function tapsOn(sent, templates) {
	const taps = [];
	const walk = (value, key) => {
		if (Array.isArray(value)) return value.forEach((entry) => walk(entry, key));
		if (typeof value !== 'object' || value === null) return;
		if (typeof value.id === 'string' && typeof value.title === 'string') {
			taps.push({ type: key === 'reply' ? 'button_reply' : 'list_reply', replyId: value.id, title: value.title });
		}
		for (const [name, entry] of Object.entries(value)) walk(entry, name);
	};
	walk(sent.body, '');
	const body = /** @type {any} */ (sent.body) ?? {};
	const template = templates.get(String(body.templateid)) ?? [...templates.values()].find((entry) => entry.name === body.template?.name);
	const buttons = (template?.components ?? []).find((component) => String(component.type).toUpperCase() === 'BUTTONS')?.buttons ?? [];
	for (const component of body.template?.components ?? []) {
		if (String(component.sub_type).toLowerCase() !== 'quick_reply') continue;
		const title = buttons[Number(component.index)]?.text ?? String(component.index);
		taps.push({ type: 'button', payload: component.parameters?.[0]?.payload, title });
	}
	return taps;
}

/** The message a tap answers (see POST /webhooks/tap), or why there is none. */
function messageToTap(state, { messageId, mobile }) {
	const withTaps = state.sent.filter((message) => tapsOn(message, state.templates).length > 0);
	if (messageId) {
		const named = state.sent.find((message) => message.id === messageId);
		if (!named) throw new Error(`No message with id ${messageId} was sent through the sandbox`);
		return named;
	}
	const candidates = mobile ? withTaps.filter((message) => message.mobile === String(mobile).replace(/\D/g, '')) : withTaps;
	const last = candidates[candidates.length - 1];
	if (!last) {
		throw new Error(`The sandbox has accepted no message with buttons${mobile ? ` to ${mobile}` : ''} yet, so there is nothing to tap`);
	}
	return last;
}

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
			(body, result) => `Posted ${withArticle(body.type ?? 'text')} message from ${senderWords(result.value)}`,
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
	control.route(
		'POST',
		'/webhooks/tap',
		sending(
			async (body) => {
				const message = messageToTap(sandbox.state, body);
				const taps = tapsOn(message, sandbox.state.templates);
				const tap = taps.find((candidate) => candidate.title.toLowerCase() === String(body.answer ?? '').trim().toLowerCase());
				if (!tap) {
					throw new Error(`The message ${message.id} to ${message.mobile} has no button ${JSON.stringify(body.answer ?? '')}; its buttons: ${taps.map((candidate) => candidate.title).join(', ')}`);
				}
				const result = await sender.message(body.url, tap.type, { ...body, ...tap, from: message.mobile, context: { id: message.id } });
				return { ...result, tapped: { messageId: message.id, mobile: message.mobile, title: tap.title } };
			},
			(body, result) => `${result.tapped.mobile} tapped "${result.tapped.title}" on message ${result.tapped.messageId}; posted as Cunnekt posts it`,
		),
	);
};
