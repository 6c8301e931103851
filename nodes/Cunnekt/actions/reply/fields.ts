import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkCount, checkHttpUrl, checkLength, checkUnique, LIMITS } from '../../whatsapp/limits';
import type { Range } from '../../whatsapp/limits';
import { checkMediaLink } from '../../whatsapp/media';
import type { LinkedMediaType } from '../../whatsapp/media';
import type { Recipient } from '../../../shared/platforms/message';
import { mobileProperty, readRecipient, readText } from '../common';

/** The fields replies share and their readers: the interactive header and body, and list entries (buttons, rows). */

const headerTextProperty: INodeProperties = {
	displayName: 'Header Text',
	name: 'headerText',
	type: 'string',
	default: '',
	placeholder: 'e.g. Dear Customer!',
	description: `Optional bold line above the body, at most ${LIMITS.headerText.max} characters. Leave empty for no header.`,
};

const messageBodyProperty: INodeProperties = {
	displayName: 'Body',
	name: 'body',
	type: 'string',
	required: true,
	default: '',
	typeOptions: { rows: 4 },
	description: `The message text, 1 to ${LIMITS.interactiveBody.max} characters`,
};

/**
 * The fields an interactive reply starts with, as readInteractive reads them: the recipient, the optional text header
 * (Buttons and List have one) and the body, each with `overrides` where an operation words it its own way.
 */
export function interactiveProperties(
	hasHeader: boolean,
	overrides: { mobile?: Partial<INodeProperties>; body?: Partial<INodeProperties> } = {},
): INodeProperties[] {
	return [
		{ ...mobileProperty, ...overrides.mobile },
		...(hasHeader ? [headerTextProperty] : []),
		{ ...messageBodyProperty, ...overrides.body },
	];
}

/** The customer's message a reply is about (Send Reaction, Mark as Read): its WhatsApp message ID. */
export function messageIdProperty(description: string): INodeProperties {
	return {
		displayName: 'Message ID',
		name: 'messageId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. wamid.HBgMOTE5OTk5OTk5OTk5FQIAEhgUM0FCMDQ0NTk2QjJGRDc4MjE1NjEA',
		description,
		hint: "Map the Cunnekt Trigger's messageId",
	};
}

/**
 * Reads a text field and checks its length; an optional one left empty (or blank) comes back as ''. The field's name in
 * messages is the one the user sees ("Button label is 23 characters; WhatsApp allows at most 20").
 */
export function readLimitedText(
	this: IExecuteFunctions,
	name: string,
	itemIndex: number,
	field: string,
	range: Range,
): string {
	const text = readText.call(this, name, itemIndex, field, range.min > 0);
	return text.trim() === '' ? '' : checkLength(text, field, range);
}

/** A link to a file WhatsApp downloads (media, a sticker): absolute http(s), its name showing a type WhatsApp takes. */
export function readMediaLink(
	this: IExecuteFunctions,
	name: string,
	itemIndex: number,
	field: string,
	type: LinkedMediaType,
): string {
	return checkMediaLink(checkHttpUrl(readText.call(this, name, itemIndex, field), field), type, field);
}

/** What every interactive reply starts with: the recipient, the optional text header and the body text. */
export interface InteractiveStart {
	to: Recipient;
	header?: string;
	body: string;
}

/**
 * The start of an interactive reply, read in the order the fields show: recipient, the optional text header
 * (Buttons and List have one) and the body text (1 to 1024 characters). The operation adds its own fields.
 */
export function readInteractive(this: IExecuteFunctions, itemIndex: number, hasHeader: boolean): InteractiveStart {
	const to = readRecipient.call(this, itemIndex);
	const header = hasHeader
		? readLimitedText.call(this, 'headerText', itemIndex, 'Header text', LIMITS.headerText)
		: '';
	const body = readLimitedText.call(this, 'body', itemIndex, 'Body', LIMITS.interactiveBody);
	return { to, ...(header ? { header } : {}), body };
}

/** The entries of a fixedCollection with multiple values (`buttons.button`, `rows.row`), in order, counted. */
export function readEntries(
	this: IExecuteFunctions,
	path: string,
	itemIndex: number,
	field: string,
	count: Range,
): IDataObject[] {
	const value = this.getNodeParameter(path, itemIndex, []) as IDataObject[] | IDataObject | undefined;
	const entries = Array.isArray(value) ? value : value ? [value] : [];
	checkCount(entries.length, field, count);
	return entries;
}

/** An entry's value as text (an expression may give a number); empty when missing. */
export function entryText(entry: IDataObject, key: string): string {
	const value = entry[key];
	return value === undefined || value === null ? '' : String(value);
}

/** The Title field of a button or list row: what the customer sees; `description` says its limit. */
export function entryTitleProperty(example: string, description: string): INodeProperties {
	return {
		displayName: 'Title',
		name: 'title',
		type: 'string',
		required: true,
		default: '',
		placeholder: `e.g. ${example}`,
		description,
	};
}

/** The ID field of a button or list row: what comes back in the webhook; read with readEntryIds. */
export function entryIdProperty(entry: 'button' | 'row', action: string, max: number, example: string): INodeProperties {
	return {
		displayName: 'ID',
		name: 'id',
		type: 'string',
		default: '',
		placeholder: `e.g. ${example}`,
		description: `What your webhook receives when the customer ${action} this ${entry}, at most ${max} characters. Leave empty to use the ${entry}'s position (1, 2, 3, …).`,
	};
}

/**
 * An entry's reply ID: the one given (trimmed; WhatsApp refuses leading or trailing spaces), or its position from 1,
 * as in Cunnekt's examples. IDs come back in the webhook when the customer taps, so they must be unique.
 */
export function readEntryIds(entries: IDataObject[], label: string, range: Range): string[] {
	const ids = entries.map((entry, position) => {
		const id = entryText(entry, 'id').trim();
		return id === '' ? String(position + 1) : checkLength(id, `${label} ${position + 1} ID`, range);
	});
	checkUnique(ids, `${label} IDs`);
	return ids;
}
