import { isObject } from '../../shared/values';
import type { Json } from '../../shared/values';
import type { MessageEvent, ReplyInfo } from '../events';
import { compact, errorDetails, isoFromSeconds, numberOrNull, replyAddress, text, timesOf } from './fields';
import type { Business } from './fields';

/** A customer's message (an entry of a `value` object's `messages`) as a message event. */

const SERVICE_WINDOW_SECONDS = 24 * 60 * 60;

/**
 * The sender's profile: the contact whose wa_id is the sender's number or whose user_id is the sender's BSUID (a
 * customer with a username may have no number in the webhook), or the only contact there is.
 */
function contactFor(message: Json, contacts: Json[]): Json | undefined {
	const from = text(message.from);
	const userId = text(message.from_user_id);
	const isSender = (contact: Json) =>
		(from !== null && text(contact.wa_id) === from) || (userId !== null && text(contact.user_id) === userId);
	return contacts.find(isSender) ?? (contacts.length === 1 ? contacts[0] : undefined);
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

/** What an interactive message answers (its `interactive.type`), and the answer: a button, a list row, a form. */
function interactiveContent(message: Json): Partial<MessageEvent> {
	const interactive = isObject(message.interactive) ? message.interactive : {};
	const answer = (key: string): Json => (isObject(interactive[key]) ? (interactive[key] as Json) : {});
	const interactiveType = text(interactive.type);
	switch (interactiveType) {
		case 'button_reply': {
			const button = answer('button_reply');
			return { interactiveType, reply: reply('button', { id: text(button.id), title: text(button.title) }) };
		}
		case 'list_reply': {
			const row = answer('list_reply');
			return {
				interactiveType,
				reply: reply('list', { id: text(row.id), title: text(row.title), description: text(row.description) }),
			};
		}
		case 'nfm_reply':
			return { interactiveType, form: parseForm(answer('nfm_reply').response_json) };
		default:
			return { interactiveType };
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

export function messageEvent(message: Json, contacts: Json[], business: Business): MessageEvent {
	const contact = contactFor(message, contacts);
	const profile = isObject(contact?.profile) ? contact.profile : {};
	const type = text(message.type) ?? 'unknown';
	const times = timesOf(message.timestamp);
	const context = isObject(message.context) ? message.context : {};
	const contextId = text(context.id);
	const from = text(message.from);
	const waId = text(contact?.wa_id);
	const userId = text(message.from_user_id) ?? text(contact?.user_id);
	const parentUserId = text(message.from_parent_user_id) ?? text(contact?.parent_user_id);
	return compact<MessageEvent>({
		event: 'message',
		messageId: text(message.id),
		from,
		contactName: text(profile.name),
		waId,
		userId,
		parentUserId,
		username: text(profile.username),
		replyTo: replyAddress(from, waId, userId, parentUserId),
		...times,
		...business,
		type,
		...content(message, type),
		context: contextId === null ? undefined : { messageId: contextId, from: text(context.from) },
		errors: errorDetails(message.errors),
		serviceWindowExpiresAt: isoFromSeconds(times.timestampUnix === null ? null : times.timestampUnix + SERVICE_WINDOW_SECONDS),
		raw: message,
	});
}
