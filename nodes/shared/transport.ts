import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	IWebhookFunctions,
	JsonObject,
} from 'n8n-workflow';

import { NodeApiError, sleep } from 'n8n-workflow';

import { joinUrl, pathOf } from './endpoints';
import type { EndpointRef } from './endpoints';
import { bodyReportsFailure, readFailure, redact, toNodeApiError } from './errors';
import type { CunnektFailure } from './errors';
import { executionOf } from './execution';
import type { ExecutionCredentials } from './execution';
import type { SendingSettings } from './pacing';
import {
	answerRetry,
	BACKOFF_BASE_MS,
	backoffMs,
	classifyConnectionFailure,
	formatSeconds,
	gaveUp,
	MAX_WAIT_MS,
	unknownOutcomeAdvice,
	waitTooLong,
} from './retries';
import type { ConnectionFailure } from './retries';
import { connectionOf } from './platforms';
import type { Connection, CunnektCredentialData } from './platforms';

/**
 * The only module that speaks HTTP to Cunnekt: base URL, the API key (through the credential's generic
 * authentication), the pace of each execution (pacing.ts, with the run's Sending Options from execution.ts),
 * retries of what certainly did not go through (retries.ts), and turning every failure into a NodeApiError with
 * Cunnekt's own words.
 */

export const CREDENTIAL_NAME = 'cunnektApi';

export type CunnektFunctions = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions | IWebhookFunctions;

export interface CunnektRequest {
	method: IHttpRequestMethods;
	/** An endpoint of the platform's path table (endpoints.ts), or a path as is. */
	path: EndpointRef | string;
	body?: IDataObject | IDataObject[];
	qs?: IDataObject;
}

export interface CunnektFileResponse {
	body: Buffer;
	headers: Record<string, string>;
}

interface RawResponse {
	statusCode: number;
	headers: Record<string, string>;
	body: unknown;
}

function headerMap(headers: IN8nHttpFullResponse['headers'] | undefined): Record<string, string> {
	const result: Record<string, string> = {};
	for (const [name, value] of Object.entries(headers ?? {})) {
		if (value !== undefined) result[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
	}
	return result;
}

/** One request through n8n's authenticated helper; HTTP errors come back as answers, failures to connect throw. */
async function sendOnce(
	context: CunnektFunctions,
	credentials: ExecutionCredentials,
	request: CunnektRequest,
	asFile: boolean,
	timeoutMs: number,
): Promise<RawResponse> {
	const options: IHttpRequestOptions = {
		method: request.method,
		url: joinUrl(
			credentials.connection.baseUrl,
			typeof request.path === 'string' ? request.path : pathOf(credentials.connection.paths, request.path),
		),
		qs: request.qs,
		body: request.body,
		json: !asFile,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: timeoutMs,
	};
	if (asFile) options.encoding = 'arraybuffer';
	// The credentials already read for this execution: without them n8n's helper reads (and decrypts) them again for
	// every request, which costs more than the request itself at a few hundred a second.
	const response = (await context.helpers.httpRequestWithAuthentication.call(
		context,
		CREDENTIAL_NAME,
		options,
		{ credentialsDecrypted: { ...credentials.decrypted, data: { ...credentials.decrypted.data } } },
	)) as IN8nHttpFullResponse;
	return {
		statusCode: response.statusCode,
		headers: headerMap(response.headers),
		body: response.body,
	};
}

/** The failure an answer reports, or undefined for a success (a 2xx whose body, for JSON, reports no failure). */
function failureOf(response: RawResponse, asFile: boolean): CunnektFailure | undefined {
	const ok = response.statusCode >= 200 && response.statusCode < 300;
	if (asFile) return ok ? undefined : readFailure(response.statusCode, decodeText(response.body));
	return ok && !bodyReportsFailure(response.body) ? undefined : readFailure(response.statusCode, response.body);
}

/** A request that got no answer, in the user's words: what happened, and whether the message may have gone. */
function connectionFailure(
	credentials: ExecutionCredentials,
	failure: ConnectionFailure,
	settings: SendingSettings,
): CunnektFailure {
	if (failure.outcome !== 'unknownOutcome') {
		return {
			httpCode: null,
			message: `Could not reach Cunnekt at ${joinUrl(credentials.connection.baseUrl, '')}: ${failure.reason}`,
			details: 'Check the Base URL in the Cunnekt credential and that the server is reachable.',
			body: { error: failure.reason },
		};
	}
	return {
		httpCode: null,
		message: failure.timedOut
			? `Cunnekt did not answer within ${formatSeconds(settings.requestTimeoutMs)}`
			: `The connection to Cunnekt closed before an answer came (${failure.reason})`,
		details: unknownOutcomeAdvice(settings.retryOnTimeout),
		body: { error: failure.reason },
	};
}

function cancelSignalOf(context: CunnektFunctions): AbortSignal | undefined {
	return 'getExecutionCancelSignal' in context ? context.getExecutionCancelSignal() : undefined;
}

/**
 * Sends a request at this execution's pace and retries what is safe to retry; returns the successful answer or
 * throws a NodeApiError that says what happened and, after retries, how many and for how long.
 */
async function exchange(
	context: CunnektFunctions,
	credentials: ExecutionCredentials,
	request: CunnektRequest,
	asFile: boolean,
	itemIndex: number | undefined,
): Promise<RawResponse> {
	const { sending: settings, pace } = executionOf(context);
	const signal = cancelSignalOf(context);
	const startedAt = Date.now();
	const fail = (failure: CunnektFailure, suffix = '') =>
		toNodeApiError(context.getNode(), failure, { itemIndex, secret: credentials.apiKey, suffix });
	for (let retries = 0; ; retries += 1) {
		const ticket = await pace.acquire(signal);
		let response: RawResponse;
		try {
			response = await sendOnce(context, credentials, request, asFile, settings.requestTimeoutMs);
		} catch (error) {
			pace.finished(ticket, false);
			const failure = classifyConnectionFailure(error);
			// Stopped by the user: n8n's own error (a NodeApiError already) goes up as it is.
			if (failure.outcome === 'cancelled') throw new NodeApiError(context.getNode(), error as JsonObject);
			const retriable =
				failure.outcome === 'notSent' || (failure.outcome === 'unknownOutcome' && settings.retryOnTimeout);
			if (retriable && retries < settings.maxRetries) {
				await sleep(backoffMs(retries + 1), signal);
				continue;
			}
			const suffix = retriable ? gaveUp(retries, Date.now() - startedAt) : '';
			throw fail(connectionFailure(credentials, failure, settings), suffix);
		}
		const failure = failureOf(response, asFile);
		const retry = failure && answerRetry(failure, response.headers);
		pace.finished(ticket, retry === undefined);
		if (!failure) return response;
		if (!retry) throw fail(failure);
		if (retry.unknownOutcome) {
			const advice = unknownOutcomeAdvice(settings.retryOnTimeout);
			failure.details = failure.details ? `${failure.details} ${advice}` : advice;
			if (!settings.retryOnTimeout) throw fail(failure);
		}
		const wait = retry.waitMs ?? backoffMs(retries + 1);
		if (retry.slowDown) pace.rateLimited(ticket);
		// A refusal for everyone (429, 503) holds every request of the run, for as long as Cunnekt asks, or one
		// second (the window WhatsApp counts in): the others would be refused too.
		if (retry.holdAll) pace.pause(Math.min(retry.waitMs ?? BACKOFF_BASE_MS, MAX_WAIT_MS));
		if (wait > MAX_WAIT_MS) throw fail(failure, waitTooLong(wait));
		if (retries >= settings.maxRetries) throw fail(failure, gaveUp(retries, Date.now() - startedAt));
		await sleep(wait, signal);
	}
}

async function readCredentials(context: CunnektFunctions): Promise<ExecutionCredentials> {
	const data = await context.getCredentials(CREDENTIAL_NAME);
	const stored = context.getNode().credentials?.[CREDENTIAL_NAME];
	return {
		apiKey: String(data.apiKey ?? ''),
		connection: connectionOf(data as CunnektCredentialData),
		decrypted: { id: stored?.id ?? '', name: stored?.name ?? CREDENTIAL_NAME, type: CREDENTIAL_NAME, data: { ...data } },
	};
}

/**
 * The execution's credentials, read once (execution.ts): n8n reads them from its database and decrypts them on
 * every call. The next execution reads them afresh.
 */
async function credentialsOf(context: CunnektFunctions): Promise<ExecutionCredentials> {
	const execution = executionOf(context);
	execution.credentials ??= readCredentials(context);
	return await execution.credentials;
}

/** The platform, base URL and paths of this execution's credential. */
export async function connectionFor(context: CunnektFunctions): Promise<Connection> {
	return (await credentialsOf(context)).connection;
}

/** Decodes a file request's body when it is not a file after all (an error page or a JSON error). */
function decodeText(body: unknown): unknown {
	const text = Buffer.isBuffer(body) ? body.toString('utf8') : body instanceof ArrayBuffer ? Buffer.from(body).toString('utf8') : body;
	if (typeof text !== 'string') return text;
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return text;
	}
}

/**
 * Sends a JSON request at the execution's pace and returns the parsed answer; any failure (HTTP, in a 2xx body, or
 * no answer) is a NodeApiError, after the retries that are safe.
 */
export async function cunnektApiRequest(
	this: CunnektFunctions,
	request: CunnektRequest,
	itemIndex?: number,
): Promise<unknown> {
	const credentials = await credentialsOf(this);
	const response = await exchange(this, credentials, request, false, itemIndex);
	return redact(response.body, credentials.apiKey);
}

/** Fetches a file: the bytes and the answer's headers. A non-2xx answer is a NodeApiError with Cunnekt's words. */
export async function cunnektFileRequest(
	this: CunnektFunctions,
	request: CunnektRequest,
	itemIndex?: number,
): Promise<CunnektFileResponse> {
	const credentials = await credentialsOf(this);
	const response = await exchange(this, credentials, request, true, itemIndex);
	const body = Buffer.isBuffer(response.body)
		? response.body
		: Buffer.from(response.body as ArrayBuffer);
	return { body, headers: response.headers };
}

/** A list answer as an array, whether Cunnekt sends a bare array or wraps it (`{data}`, `{templates}`, …). */
export function unwrapList(response: unknown, keys: string[] = ['data', 'items', 'results']): IDataObject[] {
	if (Array.isArray(response)) return response as IDataObject[];
	if (typeof response === 'object' && response !== null) {
		const body = response as IDataObject;
		for (const key of keys) {
			const value = body[key];
			if (Array.isArray(value)) return value as IDataObject[];
			if (typeof value === 'object' && value !== null) {
				const nested = unwrapList(value, keys);
				if (nested.length > 0) return nested;
			}
		}
	}
	return [];
}

/**
 * The package's one request that is not to Cunnekt: the Cunnekt Trigger handing a Send and Wait tap to n8n's own
 * waiting-webhook route (nodes/CunnektTrigger/resume.ts). No credential; any answer comes back, a failure to connect
 * throws.
 */
export async function postToOwnN8n(
	context: IWebhookFunctions,
	url: string,
	body: IDataObject,
): Promise<{ statusCode: number; body: unknown }> {
	const response = (await context.helpers.httpRequest({
		method: 'POST',
		url,
		body,
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	})) as IN8nHttpFullResponse;
	return { statusCode: response.statusCode, body: response.body };
}
