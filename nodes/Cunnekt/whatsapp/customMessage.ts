/**
 * A Cloud API message body the user writes (Send Custom Message (JSON)), for the message types the node does not
 * name. WhatsApp reads every message from the key its `type` names (`"type": "location"` with `"location": {…}`),
 * so a body must be an object with a string `type` and that key. The envelope is the node's: it addresses the
 * message from the Recipient field, so the body may not name a recipient of its own.
 */

import type { IDataObject } from 'n8n-workflow';

import { InputError } from '../../shared/errors';
import { isObject } from '../../shared/values';
import { parseJsonField, showValue } from './limits';

const EXAMPLE = 'For example {"type": "text", "text": {"preview_url": true, "body": "Our catalogue: https://example.com/catalogue"}}.';

/** The envelope's fields: a body may repeat WhatsApp's value (as Meta's examples do), which the envelope carries. */
const ENVELOPE_VALUES: Readonly<Record<string, string>> = { messaging_product: 'whatsapp', recipient_type: 'individual' };
/** Who a message goes to: the Recipient field's alone. */
const RECIPIENT_KEYS = ['to', 'recipient'];

const owns = (object: object, key: string) => Object.prototype.hasOwnProperty.call(object, key);

function kindOf(value: unknown): string {
	if (Array.isArray(value)) return 'a list';
	return value === null ? 'null' : `${typeof value === 'object' ? 'an' : 'a'} ${typeof value}`;
}

/** The message as the user wrote it, checked, without the envelope's fields; `field` names it in errors. */
export function checkCustomMessage(value: unknown, field = 'Message (JSON)'): IDataObject & { type: string } {
	const body = parseJsonField(value, field, EXAMPLE);
	if (!isObject(body)) throw new InputError(`${field} must be a JSON object; received ${kindOf(body)}`, EXAMPLE);
	const { type } = body;
	if (typeof type !== 'string' || type.trim() === '') {
		throw new InputError(`${field} has no "type"; WhatsApp needs it to read the message (text, image, location, …)`, EXAMPLE);
	}
	if (!owns(body, type) || body[type] === null) {
		throw new InputError(
			`${field} is of type ${JSON.stringify(type)} but has no ${JSON.stringify(type)}; WhatsApp reads the message from the key its type names`,
			EXAMPLE,
		);
	}
	const recipient = RECIPIENT_KEYS.find((key) => owns(body, key));
	if (recipient) {
		throw new InputError(
			`${field} holds "${recipient}"; the node sends the message to the Recipient field, so remove it`,
			`Received: ${showValue(JSON.stringify(body[recipient]) ?? '')}`,
		);
	}
	const content: IDataObject = {};
	for (const [key, entry] of Object.entries(body)) {
		if (!owns(ENVELOPE_VALUES, key)) content[key] = entry as IDataObject[string];
		else if (entry !== ENVELOPE_VALUES[key]) {
			throw new InputError(`${field} holds "${key}": ${JSON.stringify(entry)}; WhatsApp takes only ${JSON.stringify(ENVELOPE_VALUES[key])}, which the node sends`);
		}
	}
	return content as IDataObject & { type: string };
}
