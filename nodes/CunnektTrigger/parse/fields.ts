import { asObjects, isObject } from '../../shared/values';
import { failureFields, whatsappErrorRule } from '../../shared/whatsappErrors';
import type { FailureFields } from '../../shared/whatsappErrors';
import type { Json } from '../../shared/values';
import type { ErrorDetail } from '../events';

/** How the parsers read WhatsApp's fields: text, numbers and Unix times, errors, the business number. */

export function text(value: unknown): string | null {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return null;
}

export function numberOrNull(value: unknown): number | null {
	const parsed = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof parsed === 'number' && Number.isFinite(parsed) ? parsed : null;
}

export function isoFromSeconds(seconds: number | null): string | null {
	if (seconds === null) return null;
	const date = new Date(seconds * 1000);
	return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** WhatsApp's time of an event (Unix seconds, usually as text): ISO 8601 and Unix seconds, or nulls. */
export function timesOf(value: unknown): { timestamp: string | null; timestampUnix: number | null } {
	const timestampUnix = numberOrNull(value);
	return { timestamp: isoFromSeconds(timestampUnix), timestampUnix };
}

/**
 * The address a Reply to a customer uses: the first known of their phone number and their BSUIDs (Cloud API sends
 * take a phone number in `to` and a BSUID in `recipient`; a phone number wins when both are known).
 */
export function replyAddress(...addresses: Array<string | null>): string | null {
	return addresses.find((address) => address !== null) ?? null;
}

/** Drops keys whose value is undefined, so an item shows only what applies to it. */
export function compact<T extends Json>(value: T): T {
	for (const key of Object.keys(value)) if (value[key] === undefined) delete value[key];
	return value;
}

/** One WhatsApp error, with what its code means and what to do next (shared/whatsappErrors.ts). */
export function errorDetail(error: Json): ErrorDetail {
	const code = typeof error.code === 'number' || typeof error.code === 'string' ? error.code : null;
	const data = isObject(error.error_data) ? error.error_data : {};
	const rule = whatsappErrorRule(code);
	return {
		code,
		title: text(error.title),
		message: text(error.message),
		details: text(data.details) ?? text(error.details),
		explanation: rule?.explanation ?? null,
		disposition: rule?.disposition ?? 'unknown',
	};
}

/**
 * The first error of a failed status as the fields a workflow branches on, at the top of its item (a Switch on
 * `disposition` or `errorCode`); `retryNotBefore` counts from the status's time.
 */
export function failureOf(error: ErrorDetail, timestampUnix: number | null): FailureFields {
	return failureFields({ code: error.code, title: error.title }, timestampUnix === null ? null : timestampUnix * 1000);
}

/** A message's or status's errors, or undefined when it has none (the item then has no `errors`). */
export function errorDetails(value: unknown): ErrorDetail[] | undefined {
	const errors = asObjects(value);
	return errors.length > 0 ? errors.map(errorDetail) : undefined;
}

export interface Business {
	businessPhoneNumberId: string | null;
	businessDisplayNumber: string | null;
}

/** The business number a `value` object's events were sent to or from (its `metadata`). */
export function businessOf(value: Json): Business {
	const metadata = isObject(value.metadata) ? value.metadata : {};
	return {
		businessPhoneNumberId: text(metadata.phone_number_id),
		businessDisplayNumber: text(metadata.display_phone_number),
	};
}
