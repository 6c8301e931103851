import type { TriggerEvent } from './events';
import { RecentKeys } from './memory';

/**
 * The events this process has already let through, per trigger (workflow id + node id), to drop a sender's retries.
 * Kept in memory on purpose: inside webhook(), n8n throws away static-data changes whenever the call starts an
 * execution (n8n 2.41), concurrent calls lose updates, and the deduplication store is out of reach. So the guarantee
 * holds for one n8n process until it restarts; docs/cunnekt-trigger.md (Duplicates) says what to add for several
 * webhook processors.
 */

export const MAX_REMEMBERED_KEYS = 10_000;

const memories = new Map<string, RecentKeys>();

/**
 * The key a retry of this event repeats: a message's id; a status's id and status; for a template status update the
 * template, its status and when WhatsApp sent it (a template may be approved again later); for a payload-level error
 * (which has no id) what identifies it: the business number, code, timestamp (when the error carries one), title,
 * message and details. A message or status without an id has no key.
 */
export function dedupeKey(event: TriggerEvent): string | undefined {
	if (event.event === 'templateStatus') {
		const template = event.templateId ?? event.templateName;
		return template === null ? undefined : `templateStatus:${template}:${event.status}:${event.timestampUnix ?? ''}`;
	}
	if (event.event === 'error') {
		const { businessPhoneNumberId, code, timestampUnix, title, message, details } = event;
		return `error:${JSON.stringify([businessPhoneNumberId, code, timestampUnix, title, message, details])}`;
	}
	if (event.messageId === null) return undefined;
	return event.event === 'message' ? `message:${event.messageId}` : `status:${event.messageId}:${event.status}`;
}

/**
 * The events not seen within the window by this trigger (scope), in order; the rest are remembered as seen. A
 * repeat inside one request counts as a duplicate too. Events without a key always pass.
 */
export function dropDuplicates<T extends TriggerEvent>(
	scope: string,
	events: T[],
	windowMs: number,
	now: number = Date.now(),
): T[] {
	if (windowMs <= 0) return events;
	let memory = memories.get(scope);
	if (!memory) {
		memory = new RecentKeys(MAX_REMEMBERED_KEYS);
		memories.set(scope, memory);
	}
	const fresh: T[] = [];
	for (const event of events) {
		const key = dedupeKey(event);
		if (key === undefined || !memory.seenBefore(key, now, windowMs)) fresh.push(event);
	}
	return fresh;
}
