/**
 * What the node says about a failure, as tests expect it: the fields of an error item (nodes/shared/whatsappErrors.ts)
 * and the note the transport adds to a 401 or 404 (where the request went, and what to check).
 */
import type { Disposition } from '../../nodes/shared/whatsappErrors';
import { HTTP_STATUS_ERRORS, WHATSAPP_ERRORS } from '../../nodes/shared/whatsappErrors';

/** The fields of a failure without a WhatsApp code (a refusal before sending, a connection that failed, …). */
export const withoutCode = (disposition: Disposition, explanation: string | null = null) => ({
	errorCode: null,
	errorTitle: null,
	explanation,
	disposition,
	retryAfterSeconds: null,
	retryNotBefore: null,
});

/** A value the node refused before sending. */
export const REFUSED_FIELDS = withoutCode('fixInput');

/** The fields of a failure with a WhatsApp code the table has, as the answer titled it (not retryLater). */
export function codeFields(code: number, title: string) {
	const rule = WHATSAPP_ERRORS[String(code)];
	if (rule.disposition === 'retryLater') throw new Error(`${code} is retryLater: its retryNotBefore depends on the time`);
	return { errorCode: code, errorTitle: title, explanation: rule.explanation, disposition: rule.disposition, retryAfterSeconds: null, retryNotBefore: null };
}

/** The fields of an HTTP status the table has, without a WhatsApp code (not retryLater). */
export const statusFields = (status: 401 | 403 | 404 | 502 | 504) =>
	withoutCode(HTTP_STATUS_ERRORS[String(status)].disposition, HTTP_STATUS_ERRORS[String(status)].explanation);

/** The sentence the transport adds to a 404: where the request went, and what to check. */
export function notFoundNote(baseUrl: string, call: string, platform: 'Classic' | 'Current' = 'Classic', customisedPaths = false): string {
	return (
		`Cunnekt's ${platform} platform at ${baseUrl.replace(/\/+$/, '')} answered 404 to ${call}. If that exists, check the credential's Platform and Base URL` +
		` (Classic: https://app2.cunnekt.com/v1, Current: https://app.cunnekt.com)${customisedPaths ? ', and its Endpoint Paths' : ''}.`
	);
}

/** A 404's whole description: what it means, then where the request went. */
export const notFoundDescription = (baseUrl: string, call: string, platform: 'Classic' | 'Current' = 'Classic') =>
	`${HTTP_STATUS_ERRORS['404'].explanation} ${notFoundNote(baseUrl, call, platform)}`;

/** A 401's whole description: what it means, then where the request went and that a key of the other platform fails. */
export const unauthorizedDescription = (baseUrl: string, call: string, platform: 'Classic' | 'Current' = 'Classic') =>
	`${HTTP_STATUS_ERRORS['401'].explanation} Cunnekt's ${platform} platform at ${baseUrl.replace(/\/+$/, '')} answered 401 to ${call}. ` +
	"A key of one platform is refused by the other: check the credential's Platform and Base URL too (on app2.cunnekt.com choose Classic, on app.cunnekt.com choose Current).";

/** The error item of a 404 from the sandbox (classic platform) for `call`, with Cunnekt's words. */
export const notFoundItem = (baseUrl: string, error: string, call: string, item: number) => ({
	json: { error, description: notFoundDescription(baseUrl, call), httpCode: '404', ...statusFields(404) },
	pairedItem: { item },
});
