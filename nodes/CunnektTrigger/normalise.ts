import { asObjects, isObject } from '../shared/values';
import type { Json } from '../shared/values';
import type { ErrorEvent, TriggerEvent } from './events';
import { businessOf, errorDetail, text, timesOf } from './parse/fields';
import { messageEvent } from './parse/message';
import { statusEvent } from './parse/status';
import {
	bareTemplateStatusEvent,
	isTemplateStatusShape,
	TEMPLATE_STATUS_FIELD,
	templateStatusEvent,
} from './parse/templateStatus';

/**
 * A webhook payload in, typed flat events out (events.ts). Pure: it knows neither n8n nor HTTP. Accepts Cunnekt's
 * payload (the `value` object of WhatsApp's webhook, as in docs/api-contract.md), a template status update as
 * Cunnekt forwards it, and WhatsApp's full envelope (`{object, entry:[{changes:[{field, value}]}]}`), and a JSON
 * array of these. The parsers by what they parse are in parse/: message.ts, status.ts, templateStatus.ts.
 */

export type NormaliseResult = { ok: true; events: TriggerEvent[] } | { ok: false; reason: string };

export const UNKNOWN_SHAPE =
	'The JSON is not a WhatsApp webhook: expected Cunnekt\'s payload ({messaging_product, metadata, messages or statuses}) or WhatsApp\'s envelope ({object, entry})';

function isValueShape(value: Json): boolean {
	return (
		Array.isArray(value.messages) ||
		Array.isArray(value.statuses) ||
		Array.isArray(value.errors) ||
		value.messaging_product === 'whatsapp' ||
		isObject(value.metadata)
	);
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
			(error): ErrorEvent => ({
				event: 'error',
				...errorDetail(error),
				...timesOf(error.timestamp),
				...business,
				raw: error,
			}),
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
					return [templateStatusEvent(change.value as Json, text(entry.id), entry.time)];
				return change.field === undefined || change.field === 'messages' ? valueEvents(change.value as Json) : [];
			}),
	);
}

function payloadEvents(payload: unknown): TriggerEvent[] | undefined {
	if (!isObject(payload)) return undefined;
	if (isEnvelope(payload)) return envelopeEvents(payload);
	if (isTemplateStatusShape(payload)) return [bareTemplateStatusEvent(payload)];
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
