import { isObject } from '../../shared/values';
import type { Json } from '../../shared/values';
import type { TemplateStatusEvent } from '../events';
import { text, timesOf } from './fields';

/**
 * WhatsApp's `message_template_status_update` as a template status event: inside the envelope (a change of that
 * field, the entry naming the account and the time) or as Cunnekt forwards it alone.
 */

export const TEMPLATE_STATUS_FIELD = 'message_template_status_update';

/** A template status update as Cunnekt forwards it: the change's `value`, or the change itself `{field, value}`. */
export function isTemplateStatusShape(value: Json): boolean {
	if (value.field === TEMPLATE_STATUS_FIELD && isObject(value.value)) return true;
	return typeof value.event === 'string' && (value.message_template_id !== undefined || value.message_template_name !== undefined);
}

/** One update; the account and the time (Unix seconds) come from the envelope's entry, when there is one. */
export function templateStatusEvent(update: Json, businessAccountId: string | null, time: unknown): TemplateStatusEvent {
	const reason = text(update.reason);
	return {
		event: 'templateStatus',
		templateId: text(update.message_template_id),
		templateName: text(update.message_template_name),
		language: text(update.message_template_language),
		status: text(update.event) ?? 'unknown',
		reason: reason === null || reason.toUpperCase() === 'NONE' ? null : reason,
		businessAccountId,
		...timesOf(time),
		businessPhoneNumberId: null,
		businessDisplayNumber: null,
		raw: update,
	};
}

/** An update Cunnekt forwarded on its own (no envelope): no account, no time. */
export function bareTemplateStatusEvent(value: Json): TemplateStatusEvent {
	const update = value.field === TEMPLATE_STATUS_FIELD && isObject(value.value) ? value.value : value;
	return templateStatusEvent(update, null, null);
}
