import type { MessageEvent, TriggerEvent } from './events';

/** Which events start the workflow: the node's "Trigger On", "Statuses" and filter options, as plain data. */
export interface TriggerFilters {
	/** 'message' | 'status' | 'error' */
	events: string[];
	/** Status values that pass; empty: every status. */
	statuses: string[];
	/** Message kinds that pass (see messageKind); empty: every kind. */
	messageTypes: string[];
	/** phone_number_id values or display numbers; empty: every business number. */
	businessNumbers: string[];
}

/** The message kinds the "Message Types" option offers, with the names the editor shows; anything else is 'other'. */
export const MESSAGE_KINDS: Readonly<Record<string, string>> = {
	audio: 'Audio',
	button: 'Template Quick Reply',
	button_reply: 'Button Reply',
	contacts: 'Contacts',
	document: 'Document',
	image: 'Image',
	list_reply: 'List Reply',
	location: 'Location',
	nfm_reply: 'Form Answer (WhatsApp Flow)',
	reaction: 'Reaction',
	sticker: 'Sticker',
	text: 'Text',
	video: 'Video',
};

const KNOWN_KINDS = new Set(Object.keys(MESSAGE_KINDS));

/** A message's kind for filtering: an interactive answer counts as what it answers (button, list, form). */
export function messageKind(event: MessageEvent): string {
	const kind = event.type === 'interactive' ? (event.interactiveType ?? 'other') : event.type;
	return KNOWN_KINDS.has(kind) ? kind : 'other';
}

const digits = (value: string) => value.replace(/\D+/g, '');

/** The "Business Numbers" option: separated by commas (or semicolons, or lines); "+91 98736 17805" is one number. */
export function parseBusinessNumbers(value: string): string[] {
	return value
		.split(/[,;\n]+/)
		.map(digits)
		.filter((number) => number !== '');
}

function fromBusiness(event: TriggerEvent, numbers: string[]): boolean {
	if (numbers.length === 0) return true;
	const own = [event.businessPhoneNumberId, event.businessDisplayNumber]
		.filter((value): value is string => value !== null)
		.map(digits);
	return own.some((number) => numbers.includes(number));
}

export function passesFilters(event: TriggerEvent, filters: TriggerFilters): boolean {
	if (!filters.events.includes(event.event)) return false;
	if (!fromBusiness(event, filters.businessNumbers)) return false;
	if (event.event === 'status') return filters.statuses.length === 0 || filters.statuses.includes(event.status);
	if (event.event === 'message')
		return filters.messageTypes.length === 0 || filters.messageTypes.includes(messageKind(event));
	return true;
}
