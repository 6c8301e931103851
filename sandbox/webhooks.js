// @ts-check
/**
 * What Cunnekt posts to the URL set in its dashboard, as the sandbox builds it: inbound messages of every type, the
 * statuses of messages the sandbox accepted, batches, WhatsApp's own envelope and its X-Hub-Signature-256; and
 * Cunnekt's own samples (webhook-samples.js). webhook-sender.js posts them.
 */
const crypto = require('crypto');
const { answers } = require('./errors');
const { newWamid } = require('./state');
const { SEED_WEBHOOKS } = require('./webhook-samples');

/** The business number of Cunnekt's samples. */
const BUSINESS = { display_phone_number: '919873617805', phone_number_id: '123456789' };
/**
 * The sample customer: a phone number, and the business-scoped user id (BSUID) and username WhatsApp gives a customer
 * who writes with a username (webhooks carry them on request: options userId, username, withoutPhone).
 */
const CUSTOMER = { mobile: '919999999999', name: 'Vivek Kumar', userId: 'IN.13491208655302741918', username: 'vivek.kumar' };

/** A BSUID: a country code, a dot, optionally `ENT.` (a parent BSUID), then letters and digits. */
const isUserId = (address) => /^[A-Z]{2}\.(ENT\.)?[A-Za-z0-9]{1,128}$/.test(String(address ?? ''));

const MEDIA = {
	image: { mimeType: 'image/jpeg', caption: 'Our shop front' },
	video: { mimeType: 'video/mp4', caption: 'Unboxing' },
	audio: { mimeType: 'audio/ogg', voice: true },
	document: { mimeType: 'application/pdf', fileName: 'Invoice INV-77.pdf', caption: 'My invoice' },
	sticker: { mimeType: 'image/webp', animated: false },
};

/** Whole seconds, as WhatsApp's string timestamps. */
const seconds = (at) => String(Math.floor(at / 1000));

/** The content of an inbound message, per type; an unknown type name yields a message of that type as given. */
function messageContent(type, options, messageId) {
	switch (type) {
		case 'text':
			return { type: 'text', text: { body: options.text ?? 'hello' } };
		case 'button':
			return { type: 'button', button: { payload: options.payload ?? 'STOP_PROMOTIONS', text: options.title ?? 'Stop promotions' } };
		case 'button_reply':
			return {
				type: 'interactive',
				interactive: { type: 'button_reply', button_reply: { id: options.replyId ?? '1', title: options.title ?? 'WhatsApp Onboarding' } },
			};
		case 'list_reply':
			return {
				type: 'interactive',
				interactive: {
					type: 'list_reply',
					list_reply: {
						id: options.replyId ?? 'button2_4',
						title: options.title ?? 'button2',
						description: options.description ?? 'The second option',
					},
				},
			};
		case 'nfm_reply':
			return {
				type: 'interactive',
				interactive: {
					type: 'nfm_reply',
					nfm_reply: {
						name: 'flow',
						body: 'Sent',
						response_json: JSON.stringify(options.form ?? { flow_token: 'flows-token-1', name: 'Asha Rao', email: 'asha@example.com' }),
					},
				},
			};
		case 'image':
		case 'video':
		case 'audio':
		case 'document':
		case 'sticker': {
			const media = MEDIA[type];
			const content = {
				...(options.fileName ?? media.fileName ? { filename: options.fileName ?? media.fileName } : {}),
				mime_type: options.mimeType ?? media.mimeType,
				sha256: crypto.createHash('sha256').update(mediaBytes(type, messageId)).digest('base64'),
				id: options.mediaId ?? String(1288177442071795 + Math.floor(Math.random() * 1e6)),
				...(options.caption ?? media.caption ? { caption: options.caption ?? media.caption } : {}),
				...(media.voice !== undefined ? { voice: media.voice } : {}),
				...(media.animated !== undefined ? { animated: media.animated } : {}),
			};
			return { type, [type]: content };
		}
		case 'location':
			return {
				type: 'location',
				location: { latitude: 28.6129, longitude: 77.2295, name: 'India Gate', address: 'Kartavya Path, New Delhi' },
			};
		case 'contacts':
			return {
				type: 'contacts',
				contacts: [
					{
						name: { formatted_name: 'Asha Rao', first_name: 'Asha', last_name: 'Rao' },
						phones: [{ phone: '+91 98765 43210', wa_id: '919876543210', type: 'MOBILE' }],
					},
				],
			};
		case 'reaction':
			return { type: 'reaction', reaction: { message_id: options.reactTo ?? 'wamid.earlier', emoji: options.emoji ?? '👍' } };
		case 'unsupported':
			return {
				type: 'unsupported',
				errors: [
					{
						code: 131051,
						title: 'Message type unknown',
						message: 'Message type unknown',
						error_data: { details: 'Message type is currently not supported.' },
					},
				],
			};
		default:
			return { type, [type]: options.content ?? {} };
	}
}

/** The bytes of a media message's file (what GET /getmediafile returns for it). */
function mediaBytes(type, messageId) {
	return Buffer.from(`sandbox ${type} file of ${messageId}`);
}

/**
 * Who writes: their phone number and, when asked for, their BSUID, parent BSUID and username. `withoutPhone` is a
 * customer with a username whose number WhatsApp leaves out (`from` and `wa_id` absent): their BSUID and username
 * default to the sample customer's.
 */
function senderOf(options) {
	if (options.withoutPhone) {
		return {
			userId: options.userId ?? CUSTOMER.userId,
			parentUserId: options.parentUserId,
			username: options.username ?? CUSTOMER.username,
		};
	}
	return { from: options.from ?? CUSTOMER.mobile, userId: options.userId, parentUserId: options.parentUserId, username: options.username };
}

/** The fields present, in WhatsApp's order: absent ones are left out, as WhatsApp leaves them out. */
const present = (fields) => Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));

/**
 * A message from a customer as Cunnekt posts it (the `value` shape of webhook-samples.js).
 * Options: from, name, id, at (ms), context {id, from}, text, title, replyId, payload, form, caption, fileName,
 * mimeType, reactTo, emoji, content (for an unknown type); userId, parentUserId, username (the customer's BSUIDs
 * and username, as WhatsApp's webhooks carry them since 2026), withoutPhone (no phone number: see senderOf).
 */
function inboundMessage(type = 'text', options = {}) {
	const sender = senderOf(options);
	const id = options.id ?? newWamid();
	const message = {
		...(options.context ? { context: present({ from: options.context.from ?? sender.from, id: options.context.id }) } : {}),
		...present({ from: sender.from, from_user_id: sender.userId, from_parent_user_id: sender.parentUserId }),
		id,
		timestamp: seconds(options.at ?? Date.now()),
		...messageContent(type, options, id),
	};
	const contact = present({
		profile: present({ name: options.name ?? CUSTOMER.name, username: sender.username }),
		wa_id: sender.from,
		user_id: sender.userId,
		parent_user_id: sender.parentUserId,
	});
	const value = {
		messaging_product: 'whatsapp',
		metadata: { ...BUSINESS },
		contacts: [contact],
		messages: [message],
	};
	return { value, message, messageId: id, from: sender.from, userId: sender.userId, address: sender.from ?? sender.userId };
}

/**
 * The message whose statuses to post when none is named: the last one the sandbox accepted, or, before anything was
 * sent, a template message to the sample customer that the sandbox records as sent, as if n8n had sent it.
 */
function messageToReport(state) {
	const last = state.sent[state.sent.length - 1];
	if (last) return last.id;
	const template = [...state.templates.values()].find((candidate) => candidate.status === 'APPROVED');
	const id = newWamid();
	state.sent.push({ id, mobile: CUSTOMER.mobile, endpoint: 'sendnotification', body: { mobile: CUSTOMER.mobile, templateid: template?.id }, at: Date.now() });
	return id;
}

/**
 * Who a status is about, as WhatsApp writes it: `recipient_id` (the phone number) and `recipient_user_id` (the
 * BSUID). A message sent to a BSUID, or with `withoutPhone`, has no phone number; `userId` names the recipient's
 * BSUID beside their number.
 */
function recipientOf(sent, options) {
	const address = sent.body?.recipient ?? sent.mobile;
	if (isUserId(address)) return { recipient_user_id: address };
	return present({
		recipient_id: options.withoutPhone ? undefined : address,
		recipient_user_id: options.userId ?? (options.withoutPhone ? CUSTOMER.userId : undefined),
	});
}

/**
 * A status for a message the sandbox accepted; the recipient and pricing category come from that message. Options:
 * userId, withoutPhone (see recipientOf).
 */
function statusFor(state, messageId, status, at = Date.now(), options = {}) {
	const sent = state.sent.find((message) => message.id === messageId);
	if (!sent) throw new Error(`No message with id ${messageId} was sent through the sandbox`);
	const template = sent.endpoint === 'sendnotification' ? state.templates.get(String(sent.body?.templateid)) : undefined;
	const category = String(template?.category ?? 'service').toLowerCase();
	const base = { id: messageId, status, timestamp: seconds(at), ...recipientOf(sent, options) };
	const conversation = { id: crypto.createHash('md5').update(`${sent.mobile}:${category}`).digest('hex'), origin: { type: category } };
	const pricing = { billable: category !== 'service', pricing_model: 'CBP', category };
	switch (status) {
		case 'sent':
			return { ...base, conversation: { ...conversation, expiration_timestamp: seconds(at + 24 * 3600 * 1000) }, pricing };
		case 'delivered':
			return { ...base, conversation, pricing };
		case 'failed':
			return { ...base, errors: [answers.windowClosed().body.error] };
		default:
			return base;
	}
}

/** Several events in one `value`, as WhatsApp batches them. */
function batchValue(values) {
	const merged = { messaging_product: 'whatsapp', metadata: { ...BUSINESS } };
	for (const value of values) {
		for (const key of ['contacts', 'messages', 'statuses', 'errors']) {
			if (Array.isArray(value[key])) merged[key] = [...(merged[key] ?? []), ...value[key]];
		}
	}
	return merged;
}

/** WhatsApp's own envelope around one or more `value` objects. */
function envelope(values, wabaId = '102290129340398') {
	return {
		object: 'whatsapp_business_account',
		entry: [{ id: wabaId, changes: values.map((value) => ({ value, field: 'messages' })) }],
	};
}

/** X-Hub-Signature-256 for a body, as WhatsApp computes it. */
function sign(body, appSecret) {
	return `sha256=${crypto.createHmac('sha256', appSecret).update(body).digest('hex')}`;
}

module.exports = {
	BUSINESS,
	CUSTOMER,
	MEDIA,
	isUserId,
	inboundMessage,
	messageToReport,
	statusFor,
	batchValue,
	envelope,
	sign,
	mediaBytes,
	SEED_WEBHOOKS,
};
