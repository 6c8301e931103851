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

/** "Trigger On" as the editor names its choices. */
const EVENT_NAMES: Readonly<Record<TriggerEvent['event'], string>> = {
	message: 'Messages',
	status: 'Statuses',
	error: 'Errors',
	templateStatus: 'Template Status Updates',
};

const listed = (values: string[]) => (values.length === 0 ? 'none' : values.join(', '));

/**
 * Why an event does not start the workflow, in the editor's words (e.g. `status "sent" is not among Statuses
 * (failed)`), or undefined when it passes the filters.
 */
export function filteredOutBecause(event: TriggerEvent, filters: TriggerFilters): string | undefined {
	if (!filters.events.includes(event.event)) {
		return `${EVENT_NAMES[event.event]} are not among Trigger On (${listed(filters.events.map((name) => EVENT_NAMES[name as TriggerEvent['event']] ?? name))})`;
	}
	if (!fromBusiness(event, filters.businessNumbers)) {
		const number = event.businessDisplayNumber ?? event.businessPhoneNumberId ?? 'unknown';
		return `business number ${number} is not among Business Numbers (${listed(filters.businessNumbers)})`;
	}
	if (event.event === 'status' && filters.statuses.length > 0 && !filters.statuses.includes(event.status)) {
		return `status "${event.status}" is not among Statuses (${listed(filters.statuses)})`;
	}
	if (event.event === 'message' && filters.messageTypes.length > 0 && !filters.messageTypes.includes(messageKind(event))) {
		const kindName = (kind: string) => MESSAGE_KINDS[kind] ?? 'Other Types';
		return `message type "${kindName(messageKind(event))}" is not among Message Types (${listed(filters.messageTypes.map(kindName))})`;
	}
	return undefined;
}

export function passesFilters(event: TriggerEvent, filters: TriggerFilters): boolean {
	return filteredOutBecause(event, filters) === undefined;
}
