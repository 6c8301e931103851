// @ts-check
/**
 * The sandbox as Cunnekt's webhook sender: it posts, over real HTTP, what Cunnekt posts (built by webhooks.js) to
 * a URL on this machine: inbound messages, status sequences for messages the sandbox accepted, batches, retries of
 * the same event, Cunnekt's samples, with a right or wrong X-Hub-Signature-256. An inbound message opens the
 * sender's 24-hour service window, as on Cunnekt, and a media message leaves its file for GET /getmediafile.
 */
const http = require('http');
const { openWindow } = require('./state');
const {
	BUSINESS,
	MEDIA,
	SEED_WEBHOOKS,
	batchValue,
	envelope,
	inboundMessage,
	mediaBytes,
	messageToReport,
	sign,
	statusFor,
} = require('./webhooks');

/** Only loopback targets: the sandbox never posts beyond this machine. */
function checkTarget(url) {
	let target;
	try {
		target = new URL(url);
	} catch {
		throw new Error(`Not a URL: ${JSON.stringify(url)}`);
	}
	if (target.protocol !== 'http:' || !['127.0.0.1', 'localhost', '[::1]'].includes(target.hostname)) {
		throw new Error(`The sandbox posts only to http://127.0.0.1 or localhost, not ${url}`);
	}
	return target;
}

function post(target, body, headers) {
	return new Promise((resolve, reject) => {
		const request = http.request(
			target,
			{ method: 'POST', agent: false, headers: { ...headers, 'content-length': String(body.length) } },
			(response) => {
				const chunks = [];
				response.on('data', (chunk) => chunks.push(chunk));
				response.on('end', () =>
					resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }),
				);
				response.on('error', reject);
			},
		);
		request.on('error', reject);
		request.end(body);
	});
}

/**
 * The sender bound to a sandbox (its state: accepted messages, windows, media files).
 * Every send takes the webhook URL and these delivery options: query (object, added to the URL), headers,
 * contentType, appSecret (signs the body), wrongSignature (signs it with another secret), envelope (wraps a `value`
 * in WhatsApp's envelope). Every send answers { status, headers, body, payload } (payload: the text posted).
 */
function createWebhookSender(sandbox) {
	/** every delivery: { url, headers, payload, status, response, at } */
	const deliveries = [];
	let last;

	async function deliver(url, payload, options = {}) {
		const target = checkTarget(url);
		for (const [name, value] of Object.entries(options.query ?? {})) target.searchParams.set(name, String(value));
		const raw = Buffer.isBuffer(payload) ? payload : Buffer.from(typeof payload === 'string' ? payload : JSON.stringify(payload));
		const headers = { 'content-type': options.contentType ?? 'application/json', ...(options.headers ?? {}) };
		if (options.appSecret !== undefined) {
			headers['x-hub-signature-256'] = sign(raw, options.wrongSignature ? `not-${options.appSecret}` : options.appSecret);
		}
		last = { url: target.toString(), raw, headers };
		return await send(last);
	}

	/** Posts a request and records it with the answer. */
	async function send({ url, raw, headers }) {
		const response = await post(new URL(url), raw, headers);
		deliveries.push({ url, headers, payload: raw.toString('utf8'), status: response.status, response: response.body, at: Date.now() });
		return { ...response, payload: raw.toString('utf8') };
	}

	/** A `value` as sent: wrapped in the envelope when asked. */
	const shaped = (value, options) => (options.envelope ? envelope([value]) : value);

	/**
	 * What an inbound message does on Cunnekt's side: the window opens (for the number, or the BSUID of a customer
	 * without one), a media file becomes downloadable.
	 */
	function receive(built, type) {
		openWindow(sandbox.state, built.address);
		sandbox.state.received.set(built.messageId, built.address);
		if (MEDIA[type]) {
			const media = built.message[type];
			sandbox.state.media.set(built.messageId, { bytes: mediaBytes(type, built.messageId), mimeType: media.mime_type, fileName: media.filename });
		}
	}

	return {
		deliveries,
		deliver,
		/** One inbound message of a type (see inboundMessage for its options). */
		async message(url, type = 'text', options = {}) {
			const built = inboundMessage(type, options);
			receive(built, type);
			const response = await deliver(url, shaped(built.value, options), options);
			return { ...response, messageId: built.messageId, value: built.value };
		},
		/**
		 * The statuses of a message the sandbox accepted, one request each: sent → delivered → read
		 * (outcome "read", the default), or sent → failed with 131047 (outcome "failed"). Without a message id: the
		 * last message the sandbox accepted (see messageToReport). A message sent to a BSUID names its recipient by
		 * BSUID; options userId (the recipient's BSUID beside their number) and withoutPhone (no number) too.
		 */
		async statuses(url, messageId, options = {}) {
			messageId ||= messageToReport(sandbox.state);
			const sequence = options.outcome === 'failed' ? ['sent', 'failed'] : ['sent', 'delivered', 'read'];
			const start = options.at ?? Date.now();
			const values = sequence.map((status, index) => ({
				messaging_product: 'whatsapp',
				metadata: { ...BUSINESS },
				statuses: [statusFor(sandbox.state, messageId, status, start + index * 3000, options)],
			}));
			const responses = [];
			for (const value of values) responses.push(await deliver(url, shaped(value, options), options));
			return responses;
		},
		/**
		 * Several events in one request: messages [{type, ...options}] and statuses [{messageId, status, userId?,
		 * withoutPhone?}] of messages the sandbox accepted.
		 */
		async batch(url, { messages = [], statuses = [] }, options = {}) {
			const built = messages.map((message) => {
				const one = inboundMessage(message.type, message);
				receive(one, message.type);
				return one;
			});
			const statusValues = statuses.map((status) => ({
				statuses: [statusFor(sandbox.state, status.messageId, status.status ?? 'sent', Date.now(), status)],
			}));
			const value = batchValue([...built.map((one) => one.value), ...statusValues]);
			const response = await deliver(url, shaped(value, options), options);
			return { ...response, messageIds: built.map((one) => one.messageId), value };
		},
		/** The last request again, byte for byte with the same headers: a sender's retry. */
		async retry() {
			if (!last) throw new Error('Nothing was sent yet, so there is nothing to retry');
			return await send(last);
		},
		/** One of Cunnekt's own samples (webhook-samples.js), byte for byte: text, buttonReply, listReply, document, image, sent, delivered, read. */
		async seed(url, name, options = {}) {
			const sample = SEED_WEBHOOKS[name];
			if (sample === undefined) throw new Error(`No seed sample ${JSON.stringify(name)}; known: ${Object.keys(SEED_WEBHOOKS).join(', ')}`);
			return await deliver(url, sample, options);
		},
	};
}

module.exports = { createWebhookSender };
