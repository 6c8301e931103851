import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { InputError } from '../../shared/errors';
import type { AddressedReply, Recipient, TemplateMessage } from '../../shared/platforms/message';
import { sendMessage } from '../../shared/transport';
import type { SendResponse } from '../../shared/types';
import { parseRecipient } from '../whatsapp/recipient';

/** Shared fields and helpers of the action node's operations: one definition, used by every operation that needs it. */

/** The recipient field of every send (named `mobile`, as workflows saved before BSUIDs store it). */
export const mobileProperty: INodeProperties = {
	displayName: 'Recipient',
	name: 'mobile',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 919999999999, +91 99999 99999 or IN.13491208655302741918',
	description:
		"The customer's phone number (country code and number; spaces, dashes, parentheses, a leading + or 00 are removed) or, for a customer who writes with a WhatsApp username, their business-scoped user ID (BSUID). From the Cunnekt Trigger, map its replyTo field: it is whichever of the two WhatsApp sent.",
	hint: 'A BSUID (e.g. IN.13491208655302741918) needs the current platform (app.cunnekt.com)',
};

/** Reads the recipient of one item: a phone number (normalised) or a BSUID (as it is). */
export function readRecipient(this: IExecuteFunctions, itemIndex: number, name = 'mobile'): Recipient {
	return parseRecipient(this.getNodeParameter(name, itemIndex), 'Recipient');
}

/** Reads a string parameter, trimmed; a required one that is empty is an InputError naming the field. */
export function readText(
	this: IExecuteFunctions,
	name: string,
	itemIndex: number,
	field: string,
	required = true,
): string {
	const value = this.getNodeParameter(name, itemIndex, '') as unknown;
	const textValue = value === undefined || value === null ? '' : String(value);
	if (required && textValue.trim() === '') throw new InputError(`${field} is empty; it is required`);
	return textValue;
}

/** The id a resource locator holds, whichever mode (From List, By ID); empty is an InputError naming the field. */
export function readLocatorId(this: IExecuteFunctions, name: string, itemIndex: number, field: string): string {
	const id = String(this.getNodeParameter(name, itemIndex, '', { extractValue: true }) ?? '').trim();
	if (id === '') throw new InputError(`${field} is empty; choose one from the list or enter its ID`);
	return id;
}

/** The message id of a send answer, wherever Cunnekt put it. */
export function messageIdOf(response: unknown): string | undefined {
	if (typeof response !== 'object' || response === null) return undefined;
	const body = response as SendResponse & IDataObject;
	const fromMessages = body.messages?.[0]?.id;
	if (typeof fromMessages === 'string') return fromMessages;
	for (const key of ['messageId', 'message_id', 'wamid', 'id']) {
		if (typeof body[key] === 'string') return body[key];
	}
	const data = body.data;
	return typeof data === 'object' && data !== null ? messageIdOf(data) : undefined;
}

/** An answer as an item's JSON: the object as it came, anything else (an array, text, nothing) under `response`. */
export function answerJson(response: unknown): IDataObject {
	return typeof response === 'object' && response !== null && !Array.isArray(response)
		? (response as IDataObject)
		: { response: response as IDataObject['response'] };
}

/** The BSUID a send answer gives for its recipient (WhatsApp's `contacts[].user_id`), wherever Cunnekt put it. */
export function userIdOf(response: unknown): string | undefined {
	if (typeof response !== 'object' || response === null) return undefined;
	const body = response as SendResponse & IDataObject;
	const userId = body.contacts?.[0]?.user_id;
	if (typeof userId === 'string' && userId !== '') return userId;
	const data = body.data;
	return typeof data === 'object' && data !== null ? userIdOf(data) : undefined;
}

/**
 * The output of every send: the message id lifted to the top, the recipient (`mobile`, the normalised phone number,
 * or `userId`, the BSUID; the answer's BSUID lifted too), then the answer as is.
 */
export function sendOutput(to: Recipient, response: unknown): INodeExecutionData[] {
	const answer = answerJson(response);
	const messageId = messageIdOf(response);
	const userId = to.kind === 'userId' ? to.userId : userIdOf(response);
	const recipient = to.kind === 'phone' ? { mobile: to.phone } : {};
	return [{ json: { ...(messageId ? { messageId } : {}), ...recipient, ...(userId ? { userId } : {}), ...answer } }];
}

/** Sends a reply or a template message on the credential's platform; its output item, as every send has it. */
export async function sendWithOutput(
	this: IExecuteFunctions,
	itemIndex: number,
	message: AddressedReply | TemplateMessage,
): Promise<INodeExecutionData[]> {
	return sendOutput(message.to, await sendMessage.call(this, message, itemIndex));
}
