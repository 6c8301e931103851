import { WINDOW_CLOSED_CODE } from '../../shared/errors';
import { asObjects, isObject } from '../../shared/values';
import type { Json } from '../../shared/values';
import type { StatusEvent } from '../events';
import { compact, errorDetails, failureOf, isoFromSeconds, numberOrNull, replyAddress, text, timesOf } from './fields';
import type { Business } from './fields';

/** What happened to a message the business sent (an entry of a `value` object's `statuses`) as a status event. */
export function statusEvent(status: Json, business: Business): StatusEvent {
	const conversation = isObject(status.conversation) ? status.conversation : undefined;
	const origin = isObject(conversation?.origin) ? conversation.origin : {};
	const pricing = isObject(status.pricing) ? status.pricing : undefined;
	const times = timesOf(status.timestamp);
	const errors = errorDetails(status.errors);
	return compact<StatusEvent>({
		event: 'status',
		status: text(status.status) ?? 'unknown',
		messageId: text(status.id),
		recipient: text(status.recipient_id),
		recipientUserId: text(status.recipient_user_id),
		recipientParentUserId: text(status.recipient_parent_user_id),
		replyTo: replyAddress(text(status.recipient_id), text(status.recipient_user_id), text(status.recipient_parent_user_id)),
		...times,
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
					type: text(pricing.type),
				}
			: null,
		errors,
		// The first error's code, disposition and wait at the top, where a Switch or If node reads them.
		...(errors ? failureOf(errors[0], times.timestampUnix) : {}),
		windowClosed: asObjects(status.errors).some((error) => String(error.code) === WINDOW_CLOSED_CODE) || undefined,
		raw: status,
	});
}
