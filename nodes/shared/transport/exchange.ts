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

import { joinUrl, pathOf } from '../endpoints';
import type { EndpointRef } from '../endpoints';
import { bodyReportsFailure, readFailure, toNodeApiError } from '../errors';
import type { CunnektFailure } from '../errors';
import { executionOf } from '../execution';
import type { ExecutionCredentials } from '../execution';
import type { SendingSettings } from '../pacing';
import { PLATFORMS } from '../platforms';
import type { Connection } from '../platforms';
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
} from '../retries';
import type { ConnectionFailure } from '../retries';

/**
 * One request to Cunnekt, exchanged at the execution's pace (pacing.ts, with the run's Sending Options from
 * execution.ts), retried where it certainly did not go through (retries.ts), every failure turned into a
 * NodeApiError with Cunnekt's own words. index.ts is the transport's face; this is its engine.
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

export interface RawResponse {
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
			// Nothing was sent: a refused connection may be over later; an address that cannot work needs fixing.
			disposition: failure.outcome === 'notSent' ? 'retryLater' : 'fixInput',
			body: { error: failure.reason },
		};
	}
	return {
		httpCode: null,
		disposition: 'unknown',
		message: failure.timedOut
			? `Cunnekt did not answer within ${formatSeconds(settings.requestTimeoutMs)}`
			: `The connection to Cunnekt closed before an answer came (${failure.reason})`,
		details: unknownOutcomeAdvice(settings.retryOnTimeout),
		body: { error: failure.reason },
	};
}

/** How a user tells the platforms apart, as the credential's Platform field says it. */
const HOW_TO_TELL = Object.values(PLATFORMS)
	.map((platform) => `on ${platform.host} choose ${platform.label}`)
	.join(', ');
const DEFAULT_BASE_URLS = Object.values(PLATFORMS)
	.map((platform) => `${platform.label}: ${platform.defaultBaseUrl}`)
	.join(', ');

/**
 * Where a refused request went, for the two answers a credential of the other platform gets (401: a key of the
 * other platform; 404: its base URL or paths): the platform, the base URL, the path, and what to check. The
 * credential's test says the same when it is saved (credentials/CunnektApi.credentials.ts).
 */
function platformNote(connection: Connection, request: CunnektRequest, failure: CunnektFailure): string | undefined {
	if (failure.code !== undefined || (failure.httpCode !== 401 && failure.httpCode !== 404)) return undefined;
	const ref = typeof request.path === 'string' ? undefined : request.path;
	const path = ref ? pathOf(connection.paths, ref) : (request.path as string);
	const called = `Cunnekt's ${connection.platform.label} platform at ${connection.baseUrl.trim().replace(/\/+$/, '')} answered ${failure.httpCode} to ${request.method} ${path}`;
	if (failure.httpCode === 401) {
		return `${called}. A key of one platform is refused by the other: check the credential's Platform and Base URL too (${HOW_TO_TELL}).`;
	}
	const customised = ref !== undefined && connection.paths[ref.endpoint] !== connection.platform.paths[ref.endpoint];
	return `${called}. If that exists, check the credential's Platform and Base URL (${DEFAULT_BASE_URLS})${customised ? ', and its Endpoint Paths' : ''}.`;
}

function cancelSignalOf(context: CunnektFunctions): AbortSignal | undefined {
	return 'getExecutionCancelSignal' in context ? context.getExecutionCancelSignal() : undefined;
}

/**
 * Sends a request at this execution's pace and retries what is safe to retry; returns the successful answer or
 * throws a NodeApiError that says what happened and, after retries, how many and for how long.
 */
export async function exchange(
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
		toNodeApiError(context.getNode(), failure, {
			itemIndex,
			secret: credentials.apiKey,
			suffix,
			note: platformNote(credentials.connection, request, failure),
		});
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
		failure.retryAfterMs = retry.waitMs;
		if (wait > MAX_WAIT_MS) throw fail(failure, waitTooLong(wait));
		if (retries >= settings.maxRetries) throw fail(failure, gaveUp(retries, Date.now() - startedAt));
		await sleep(wait, signal);
	}
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
