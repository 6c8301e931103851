import { NodeApiError } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

import { isObject } from './values';
import type { Json } from './values';

/**
 * The package's error types: InputError (what the node refuses itself), and Cunnekt and WhatsApp failures turned
 * into NodeApiErrors that keep the provider's own words and say what to do.
 * Cunnekt documents no error shape, so the reader accepts the common ones (Meta's `{error:{code,message}}`,
 * `{status:"error", message}`, `{success:false, error}`, `{errors:[…]}`).
 */

/** WhatsApp's code for a free-form message to a customer who has not written in the last 24 hours. */
export const WINDOW_CLOSED_CODE = '131047';

/** What each WhatsApp code (and the auth statuses) means for the user, from the contract's table. */
export const WHATSAPP_EXPLANATIONS: Readonly<Record<string, string>> = {
	[WINDOW_CLOSED_CODE]:
		'The 24-hour service window is closed: the customer has not written in the last 24 hours. Send a template message instead.',
	'130429':
		'Rate limited by WhatsApp (throughput limit). Slow down; the node retries as set in its Sending Options.',
	'131056':
		'Too many messages to this recipient in a short time (pair rate limit). Slow down for this number.',
	'132000':
		'The number of template variables does not match what the template expects: check the body, header and button values.',
	'132012':
		'A template parameter has the wrong format: the header or a variable is not of the type the template defines.',
	'131026': 'The message could not be delivered: the number may not be on WhatsApp.',
	'131030':
		'The recipient is not in the allowed list: test numbers only reach allow-listed recipients.',
	'429': 'Too many requests: Cunnekt refused to go faster. The node slowed down and retried as set in its Sending Options; lower Max Requests per Second if this keeps happening.',
	'502': 'Cunnekt\'s gateway could not get an answer from its server (502 Bad Gateway).',
	'503': 'Cunnekt is temporarily unavailable. The node retried as set in its Sending Options; try again later.',
	'504': 'Cunnekt\'s gateway timed out waiting for its server (504 Gateway Timeout).',
	'401': 'Invalid API key: check the API Key in the Cunnekt credential (Cunnekt → API Settings).',
	'403': 'The API key was refused (revoked or without access): check the Cunnekt credential.',
};

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
	details?: string;
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
	for (const candidate of candidates) {
		message ??=
			text(candidate.message) ??
			text(candidate.error_user_msg) ??
			text(candidate.title) ??
			text(candidate.error_message) ??
			text(candidate.msg);
		code ??= text(candidate.code) ?? text(candidate.error_code);
		const data = candidate.error_data;
		details ??= isObject(data) ? text(data.details) : text(candidate.details);
	}
	if (!message && isObject(body)) message = text(body.error);
	if (!message && typeof body === 'string') message = describeNonJson(body);
	return {
		httpCode,
		message: message ?? (httpCode ? `Cunnekt answered HTTP ${httpCode}` : 'Cunnekt reported a failure'),
		code,
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
	return (
		(failure.code ? WHATSAPP_EXPLANATIONS[failure.code] : undefined) ??
		(failure.httpCode ? WHATSAPP_EXPLANATIONS[String(failure.httpCode)] : undefined)
	);
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
	options: { itemIndex?: number; secret?: string; prefix?: string; suffix?: string } = {},
): NodeApiError {
	const code = failure.code ? ` (${failure.code})` : '';
	const message = redact(`${options.prefix ?? ''}${failure.message}${code}${options.suffix ?? ''}`, options.secret);
	const description = redact(
		[explain(failure), failure.details].filter((part) => part !== undefined).join(' ') || undefined,
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
	return error;
}
