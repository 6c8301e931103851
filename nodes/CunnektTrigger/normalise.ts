import { WHATSAPP_EXPLANATIONS, WINDOW_CLOSED_CODE } from '../shared/errors';
import { asObjects, isObject } from '../shared/values';
import type { Json } from '../shared/values';

/**
 * A webhook payload in, typed flat events out. Pure: it knows neither n8n nor HTTP. Accepts Cunnekt's payload (the
 * `value` object of WhatsApp's webhook, as in docs/api-contract.md) and WhatsApp's full envelope (`{object, entry:[{changes:[{field,
 * value}]}]}`), and a JSON array of either. Every event keeps what it was made from under `raw`.
 */


/** One WhatsApp error as an item shows it, with what the code means when the contract explains it. */
export type ErrorDetail = {
	code: number | string | null;
	title: string | null;
	message: string | null;
	details: string | null;
	explanation: string | null;
};

export type MediaInfo = { id: string | null; mimeType: string | null; sha256: string | null; fileName: string | null };

export type ReplyInfo = {
	type: 'button' | 'list' | 'quick_reply';
	id: string | null;
	title: string | null;
	description: string | null;
	payload: string | null;
};

export type MessageEvent = {
	event: 'message';
	messageId: string | null;
	from: string | null;
	contactName: string | null;
	waId: string | null;
	/** WhatsApp's business-scoped user id, when the payload carries one. */
	userId?: string;
	username?: string;
	timestamp: string | null;
	timestampUnix: number | null;
	businessPhoneNumberId: string | null;
	businessDisplayNumber: string | null;
	/** WhatsApp's message type as received (`text`, `image`, `interactive`, `button`, … or one this code never heard of). */
	type: string;
	text?: string;
	caption?: string;
	media?: MediaInfo;
	reply?: ReplyInfo;
	/** A WhatsApp Flow answer (`nfm_reply`): its `response_json`, parsed. */
	form?: Json | null;
	location?: { latitude: number | null; longitude: number | null; name: string | null; address: string | null; url: string | null };
	contacts?: unknown[];
	reaction?: { messageId: string | null; emoji: string | null };
	/** The earlier message this one answers. */
	context?: { messageId: string; from: string | null };
	errors?: ErrorDetail[];
	/** The message time plus 24 hours: until then the business may reply freely. */
	serviceWindowExpiresAt: string | null;
	raw: Json;
};

export type StatusEvent = {
	event: 'status';
	status: string;
	messageId: string | null;
	recipient: string | null;
	recipientUserId?: string;
	timestamp: string | null;
	timestampUnix: number | null;
	businessPhoneNumberId: string | null;
	businessDisplayNumber: string | null;
	conversation: { id: string | null; category: string | null; expiresAt: string | null } | null;
	pricing: { billable: boolean | null; pricingModel: string | null; category: string | null } | null;
	errors?: ErrorDetail[];
	/** On a failed status with 131047: the message was refused because the 24-hour service window was closed. */
	windowClosed?: true;
	raw: Json;
};

export type ErrorEvent = {
	event: 'error';
	businessPhoneNumberId: string | null;
	businessDisplayNumber: string | null;
	raw: Json;
} & ErrorDetail;

/** WhatsApp's `message_template_status_update`: a template approved, rejected, paused, disabled, … */
export type TemplateStatusEvent = {
	event: 'templateStatus';
	templateId: string | null;
	templateName: string | null;
	language: string | null;
	/** The template's new status as WhatsApp names it: APPROVED, REJECTED, PAUSED, DISABLED, … */
	status: string;
	/** Why, when WhatsApp says (a rejection's reason); null for "NONE". */
	reason: string | null;
	/** The WhatsApp Business Account the template belongs to (the envelope's entry id). */
	businessAccountId: string | null;
	timestamp: string | null;
	timestampUnix: number | null;
	/** Templates belong to the account, not to one number: these stay null. */
	businessPhoneNumberId: null;
	businessDisplayNumber: null;
	raw: Json;
};

export type TriggerEvent = MessageEvent | StatusEvent | ErrorEvent | TemplateStatusEvent;

export type NormaliseResult = { ok: true; events: TriggerEvent[] } | { ok: false; reason: string };

const SERVICE_WINDOW_SECONDS = 24 * 60 * 60;

export const UNKNOWN_SHAPE =
	'The JSON is not a WhatsApp webhook: expected Cunnekt\'s payload ({messaging_product, metadata, messages or statuses}) or WhatsApp\'s envelope ({object, entry})';

function text(value: unknown): string | null {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return null;
}

function numberOrNull(value: unknown): number | null {
	const parsed = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof parsed === 'number' && Number.isFinite(parsed) ? parsed : null;
}

function isoFromSeconds(seconds: number | null): string | null {
	if (seconds === null) return null;
	const date = new Date(seconds * 1000);
	return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** Drops keys whose value is undefined, so an item shows only what applies to it. */
function compact<T extends Json>(value: T): T {
	for (const key of Object.keys(value)) if (value[key] === undefined) delete value[key];
	return value;
}

function errorDetails(value: unknown): ErrorDetail[] | undefined {
	const errors = asObjects(value);
	return errors.length > 0 ? errors.map(errorDetail) : undefined;
}

function errorDetail(error: Json): ErrorDetail {
	const code = typeof error.code === 'number' || typeof error.code === 'string' ? error.code : null;
	const data = isObject(error.error_data) ? error.error_data : {};
	return {
		code,
		title: text(error.title),
		message: text(error.message),
		details: text(data.details) ?? text(error.details),
		explanation: code === null ? null : (WHATSAPP_EXPLANATIONS[String(code)] ?? null),
	};
}

interface Business {
	businessPhoneNumberId: string | null;
	businessDisplayNumber: string | null;
}

function businessOf(value: Json): Business {
	const metadata = isObject(value.metadata) ? value.metadata : {};
	return {
		businessPhoneNumberId: text(metadata.phone_number_id),
		businessDisplayNumber: text(metadata.display_phone_number),
	};
}

/** The sender's profile: the contact whose wa_id is the sender, or the only contact there is. */
function contactFor(message: Json, contacts: Json[]): Json | undefined {
	const from = text(message.from);
	return contacts.find((contact) => from !== null && text(contact.wa_id) === from) ?? (contacts.length === 1 ? contacts[0] : undefined);
}

const MEDIA_TYPES = ['image', 'video', 'audio', 'document', 'sticker'];

function mediaContent(message: Json, type: string): Partial<MessageEvent> {
	const media = isObject(message[type]) ? (message[type] as Json) : {};
	return {
		caption: text(media.caption) ?? undefined,
		media: {
			id: text(media.id),
			mimeType: text(media.mime_type),
			sha256: text(media.sha256),
			fileName: text(media.filename),
		},
	};
}

function reply(type: ReplyInfo['type'], fields: Partial<Omit<ReplyInfo, 'type'>>): ReplyInfo {
	return {
		type,
		id: fields.id ?? null,
		title: fields.title ?? null,
		description: fields.description ?? null,
		payload: fields.payload ?? null,
	};
}

function parseForm(responseJson: unknown): Json | null {
	if (isObject(responseJson)) return responseJson;
	if (typeof responseJson !== 'string') return null;
	try {
		const parsed: unknown = JSON.parse(responseJson);
		return isObject(parsed) ? parsed : null;
	} catch {
		// WhatsApp always sends JSON here; anything else stays readable under raw.
		return null;
	}
}

function interactiveContent(message: Json): Partial<MessageEvent> {
	const interactive = isObject(message.interactive) ? message.interactive : {};
	const answer = (key: string): Json => (isObject(interactive[key]) ? (interactive[key] as Json) : {});
	switch (interactive.type) {
		case 'button_reply': {
			const button = answer('button_reply');
			return { reply: reply('button', { id: text(button.id), title: text(button.title) }) };
		}
		case 'list_reply': {
			const row = answer('list_reply');
			return {
				reply: reply('list', { id: text(row.id), title: text(row.title), description: text(row.description) }),
			};
		}
		case 'nfm_reply':
			return { form: parseForm(answer('nfm_reply').response_json) };
		default:
			return {};
	}
}

/** The content fields for a message type; an unknown type has none (its content stays under raw). */
function content(message: Json, type: string): Partial<MessageEvent> {
	if (MEDIA_TYPES.includes(type)) return mediaContent(message, type);
	const body = isObject(message[type]) ? (message[type] as Json) : {};
	switch (type) {
		case 'text':
			return { text: text(body.body) ?? '' };
		case 'interactive':
			return interactiveContent(message);
		case 'button':
			return { reply: reply('quick_reply', { title: text(body.text), payload: text(body.payload) }) };
		case 'location':
			return {
				location: {
					latitude: numberOrNull(body.latitude),
					longitude: numberOrNull(body.longitude),
					name: text(body.name),
					address: text(body.address),
					url: text(body.url),
				},
			};
		case 'contacts':
			return { contacts: Array.isArray(message.contacts) ? message.contacts : [] };
		case 'reaction':
			return { reaction: { messageId: text(body.message_id), emoji: text(body.emoji) } };
		default:
			return {};
	}
}

function messageEvent(message: Json, contacts: Json[], business: Business): MessageEvent {
	const contact = contactFor(message, contacts);
	const profile = isObject(contact?.profile) ? contact.profile : {};
	const type = text(message.type) ?? 'unknown';
	const timestampUnix = numberOrNull(message.timestamp);
	const context = isObject(message.context) ? message.context : {};
	const contextId = text(context.id);
	return compact<MessageEvent>({
		event: 'message',
		messageId: text(message.id),
		from: text(message.from),
		contactName: text(profile.name),
		waId: text(contact?.wa_id),
		userId: text(contact?.user_id) ?? text(message.from_user_id) ?? undefined,
		username: text(profile.username) ?? undefined,
		timestamp: isoFromSeconds(timestampUnix),
		timestampUnix,
		...business,
		type,
		...content(message, type),
		context: contextId === null ? undefined : { messageId: contextId, from: text(context.from) },
		errors: errorDetails(message.errors),
		serviceWindowExpiresAt: isoFromSeconds(timestampUnix === null ? null : timestampUnix + SERVICE_WINDOW_SECONDS),
		raw: message,
	});
}

function statusEvent(status: Json, business: Business): StatusEvent {
	const timestampUnix = numberOrNull(status.timestamp);
	const conversation = isObject(status.conversation) ? status.conversation : undefined;
	const origin = isObject(conversation?.origin) ? conversation.origin : {};
	const pricing = isObject(status.pricing) ? status.pricing : undefined;
	return compact<StatusEvent>({
		event: 'status',
		status: text(status.status) ?? 'unknown',
		messageId: text(status.id),
		recipient: text(status.recipient_id),
		recipientUserId: text(status.recipient_user_id) ?? undefined,
		timestamp: isoFromSeconds(timestampUnix),
		timestampUnix,
		...business,
		conversation: conversation
			? {
					id: text(conversation.id),
					category: text(origin.type),
					expiresAt: isoFromSeconds(numberOrNull(conversation.expiration_timestamp)),
				}
			: null,
		pricing: pricing
			? {
					billable: typeof pricing.billable === 'boolean' ? pricing.billable : null,
					pricingModel: text(pricing.pricing_model),
					category: text(pricing.category),
				}
			: null,
		errors: errorDetails(status.errors),
		windowClosed: asObjects(status.errors).some((error) => String(error.code) === WINDOW_CLOSED_CODE) || undefined,
		raw: status,
	});
}

function isValueShape(value: Json): boolean {
	return (
		Array.isArray(value.messages) ||
		Array.isArray(value.statuses) ||
		Array.isArray(value.errors) ||
		value.messaging_product === 'whatsapp' ||
		isObject(value.metadata)
	);
}

const TEMPLATE_STATUS_FIELD = 'message_template_status_update';

/** A template status update as Cunnekt forwards it: the change's `value`, or the change itself `{field, value}`. */
function isTemplateStatusShape(value: Json): boolean {
	if (value.field === TEMPLATE_STATUS_FIELD && isObject(value.value)) return true;
	return typeof value.event === 'string' && (value.message_template_id !== undefined || value.message_template_name !== undefined);
}

function templateStatusEvent(update: Json, businessAccountId: string | null, timestampUnix: number | null): TemplateStatusEvent {
	const reason = text(update.reason);
	return {
		event: 'templateStatus',
		templateId: text(update.message_template_id),
		templateName: text(update.message_template_name),
		language: text(update.message_template_language),
		status: text(update.event) ?? 'unknown',
		reason: reason === null || reason.toUpperCase() === 'NONE' ? null : reason,
		businessAccountId,
		timestamp: isoFromSeconds(timestampUnix),
		timestampUnix,
		businessPhoneNumberId: null,
		businessDisplayNumber: null,
		raw: update,
	};
}

function bareTemplateStatusEvents(value: Json): TriggerEvent[] {
	const update = value.field === TEMPLATE_STATUS_FIELD && isObject(value.value) ? value.value : value;
	return [templateStatusEvent(update, null, null)];
}

function isEnvelope(value: Json): boolean {
	return Array.isArray(value.entry);
}

/** The events of one `value` object: its messages, then its statuses, then its errors, in payload order. */
function valueEvents(value: Json): TriggerEvent[] {
	const business = businessOf(value);
	const contacts = asObjects(value.contacts);
	return [
		...asObjects(value.messages).map((message) => messageEvent(message, contacts, business)),
		...asObjects(value.statuses).map((status) => statusEvent(status, business)),
		...asObjects(value.errors).map(
			(error): ErrorEvent => ({ event: 'error', ...errorDetail(error), ...business, raw: error }),
		),
	];
}

/** The envelope's `messages` and template status changes; other fields (account updates, …) carry no events. */
function envelopeEvents(envelope: Json): TriggerEvent[] {
	return asObjects(envelope.entry).flatMap((entry) =>
		asObjects(entry.changes)
			.filter((change) => isObject(change.value))
			.flatMap((change): TriggerEvent[] => {
				if (change.field === TEMPLATE_STATUS_FIELD)
					return [templateStatusEvent(change.value as Json, text(entry.id), numberOrNull(entry.time))];
				return change.field === undefined || change.field === 'messages' ? valueEvents(change.value as Json) : [];
			}),
	);
}

function payloadEvents(payload: unknown): TriggerEvent[] | undefined {
	if (!isObject(payload)) return undefined;
	if (isEnvelope(payload)) return envelopeEvents(payload);
	if (isTemplateStatusShape(payload)) return bareTemplateStatusEvents(payload);
	if (isValueShape(payload)) return valueEvents(payload);
	return undefined;
}

/** Turns a parsed webhook body into events, or says why it is not a webhook this trigger knows. */
export function normalisePayload(payload: unknown): NormaliseResult {
	const parts = Array.isArray(payload) ? payload : [payload];
	if (parts.length === 0) return { ok: false, reason: UNKNOWN_SHAPE };
	const events: TriggerEvent[] = [];
	for (const part of parts) {
		const partEvents = payloadEvents(part);
		if (!partEvents) return { ok: false, reason: UNKNOWN_SHAPE };
		events.push(...partEvents);
	}
	return { ok: true, events };
}
