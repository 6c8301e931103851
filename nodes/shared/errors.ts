import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, INode, JsonObject, NodeOperationError } from 'n8n-workflow';

import { isObject } from './values';
import type { Json } from './values';
import { failureFields, httpStatusRule, WINDOW_CLOSED_CODE, whatsappErrorRule } from './whatsappErrors';
import type { Disposition, FailureFields } from './whatsappErrors';

/**
 * The package's error types: InputError (what the node refuses itself), and Cunnekt and WhatsApp failures turned
 * into NodeApiErrors that keep the provider's own words and say what to do (whatsappErrors.ts: what each code means
 * and what a workflow should do next).
 * Cunnekt documents no error shape, so the reader accepts the common ones (Meta's `{error:{code,message}}`,
 * `{status:"error", message}`, `{success:false, error}`, `{errors:[…]}`).
 */

export { WINDOW_CLOSED_CODE };

/**
 * A problem with one item that the node finds itself, not Cunnekt: a value refused before sending (the message names
 * the field, the limit and what was received), a template the list does not hold, a file answer that is not a file.
 * actions/itemErrors.ts adds the item number and turns it into a NodeOperationError.
 */
export class InputError extends Error {
	constructor(
		message: string,
		readonly description?: string,
	) {
		super(message);
		this.name = 'InputError';
	}
}

export interface CunnektFailure {
	/** The HTTP status, or null when no answer arrived. */
	httpCode: number | null;
	/** The provider's own words. */
	message: string;
	/** WhatsApp's error code when the answer carried one. */
	code?: string;
	/** The error's title, when the answer carried one apart from its message. */
	title?: string;
	details?: string;
	/** What to do next, when the transport knows better than the codes (a request that got no answer). */
	disposition?: Disposition;
	/** How long the answer asked to wait (Retry-After), in milliseconds. */
	retryAfterMs?: number;
	/** The answer's body, as received (the API key removed). */
	body?: unknown;
}

function text(value: unknown): string | undefined {
	if (typeof value === 'string' && value.trim() !== '') return value.trim();
	if (typeof value === 'number') return String(value);
	return undefined;
}

/** True when a 2xx body still reports a failure (`status: "error"|"failed"|false`, `success: false`, an `error`). */
export function bodyReportsFailure(body: unknown): boolean {
	if (!isObject(body)) return false;
	const status = body.status;
	if (status === false) return true;
	if (typeof status === 'string' && ['error', 'failed', 'failure', 'fail'].includes(status.toLowerCase()))
		return true;
	if (body.success === false) return true;
	if (body.error !== undefined && body.error !== null && body.error !== false && body.error !== '')
		return true;
	return Array.isArray(body.errors) && body.errors.length > 0;
}

/** Finds the provider's message, code and details in whatever shape the body has. */
export function readFailure(httpCode: number | null, body: unknown): CunnektFailure {
	const candidates: Json[] = [];
	if (isObject(body)) {
		if (isObject(body.error)) candidates.push(body.error);
		if (Array.isArray(body.errors) && isObject(body.errors[0])) candidates.push(body.errors[0]);
		candidates.push(body);
	}
	let message: string | undefined;
	let code: string | undefined;
	let details: string | undefined;
	let title: string | undefined;
	for (const candidate of candidates) {
		message ??=
			text(candidate.message) ??
			text(candidate.error_user_msg) ??
			text(candidate.title) ??
			text(candidate.error_message) ??
			text(candidate.msg);
		code ??= text(candidate.code) ?? text(candidate.error_code);
		title ??= text(candidate.title);
		const data = candidate.error_data;
		details ??= isObject(data) ? text(data.details) : text(candidate.details);
	}
	if (!message && isObject(body)) message = text(body.error);
	if (!message && typeof body === 'string') message = describeNonJson(body);
	return {
		httpCode,
		message: message ?? (httpCode ? `Cunnekt answered HTTP ${httpCode}` : 'Cunnekt reported a failure'),
		code,
		...(title === undefined ? {} : { title }),
		details,
		body,
	};
}

/** An HTML page (a proxy's 502, a login page) or other text, summed up instead of dumped. */
function describeNonJson(body: string): string {
	const title = /<title[^>]*>([^<]*)<\/title>/i.exec(body)?.[1]?.trim();
	if (/<html|<!doctype/i.test(body)) return `Cunnekt answered with an HTML page${title ? ` ("${title}")` : ''}, not JSON`;
	const line = body.trim().split('\n')[0] ?? '';
	return line.length > 200 ? `${line.slice(0, 200)}…` : line || 'Cunnekt answered with an empty body';
}

/** The explanation for a failure: by WhatsApp code first, then by HTTP status. */
export function explain(failure: CunnektFailure): string | undefined {
	return (whatsappErrorRule(failure.code) ?? httpStatusRule(failure.httpCode))?.explanation;
}

/** Keeps the fields a workflow branches on with the error; actions/itemErrors.ts puts them on the error item. */
export function withFailureFields<E extends NodeApiError | NodeOperationError>(error: E, fields: FailureFields): E {
	error.context.failure = { ...fields } as IDataObject;
	return error;
}

/** The fields kept with an error by withFailureFields, or undefined. */
export function failureFieldsOf(error: NodeApiError | NodeOperationError): FailureFields | undefined {
	const fields = error.context.failure;
	return isObject(fields) ? (fields as unknown as FailureFields) : undefined;
}

/** Whether a request failed because Cunnekt answered 131047 (never a request that got no answer: its code is unknown). */
export function isWindowClosed(error: unknown): boolean {
	return error instanceof NodeApiError && readFailure(null, error.errorResponse).code === WINDOW_CLOSED_CODE;
}

/** Replaces every occurrence of the secret in a string or JSON value. */
export function redact<T>(value: T, secret: string | undefined): T {
	if (!secret || secret.length < 4 || value === undefined || value === null) return value;
	if (typeof value === 'string') return value.split(secret).join('***') as T;
	if (typeof value !== 'object' || Buffer.isBuffer(value)) return value;
	const serialised = JSON.stringify(value);
	return serialised.includes(secret) ? (JSON.parse(serialised.split(secret).join('***')) as T) : value;
}

/** The NodeApiError a user sees: Cunnekt's words (with the WhatsApp code), then what it means and what to do. */
export function toNodeApiError(
	node: INode,
	failure: CunnektFailure,
	options: { itemIndex?: number; secret?: string; prefix?: string; suffix?: string; note?: string } = {},
): NodeApiError {
	const code = failure.code ? ` (${failure.code})` : '';
	const message = redact(`${options.prefix ?? ''}${failure.message}${code}${options.suffix ?? ''}`, options.secret);
	const description = redact(
		[explain(failure), failure.details, options.note].filter((part) => part !== undefined).join(' ') || undefined,
		options.secret,
	);
	const response: JsonObject = isObject(failure.body)
		? (redact(failure.body, options.secret) as JsonObject)
		: { body: redact(String(failure.body ?? ''), options.secret) };
	const error = new NodeApiError(node, response, {
		message,
		description,
		httpCode: failure.httpCode === null ? undefined : String(failure.httpCode),
		itemIndex: options.itemIndex,
	});
	// NodeApiError rewrites messages for well-known HTTP codes; keep Cunnekt's own words.
	error.message = message;
	if (description !== undefined) error.description = description;
	return withFailureFields(error, redact(failureFields(failure, Date.now()), options.secret));
}
