import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	IWebhookFunctions,
} from 'n8n-workflow';

import { joinUrl } from './endpoints';
import { bodyReportsFailure, readFailure, redact, toNodeApiError } from './errors';

/**
 * The only module that speaks HTTP to Cunnekt: base URL, the API key (through the credential's generic
 * authentication), and turning every failure into a NodeApiError with Cunnekt's own words.
 */

export const CREDENTIAL_NAME = 'cunnektApi';

export interface CunnektCredentials {
	apiKey: string;
	baseUrl: string;
}

export type CunnektFunctions = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions | IWebhookFunctions;

export interface CunnektRequest {
	method: IHttpRequestMethods;
	path: string;
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

/** One request through n8n's authenticated helper; HTTP errors come back as answers, not exceptions. */
async function send(
	context: CunnektFunctions,
	credentials: CunnektCredentials,
	request: CunnektRequest,
	asFile: boolean,
	itemIndex: number | undefined,
): Promise<RawResponse> {
	const options: IHttpRequestOptions = {
		method: request.method,
		url: joinUrl(credentials.baseUrl, request.path),
		qs: request.qs,
		body: request.body,
		json: !asFile,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	};
	if (asFile) options.encoding = 'arraybuffer';
	let response: IN8nHttpFullResponse;
	try {
		response = (await context.helpers.httpRequestWithAuthentication.call(
			context,
			CREDENTIAL_NAME,
			options,
		)) as IN8nHttpFullResponse;
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		throw toNodeApiError(
			context.getNode(),
			{
				httpCode: null,
				message: `Could not reach Cunnekt at ${joinUrl(credentials.baseUrl, '')}: ${reason}`,
				details: 'Check the Base URL in the Cunnekt credential and that the server is reachable.',
				body: { error: reason },
			},
			{ itemIndex, secret: credentials.apiKey },
		);
	}
	return {
		statusCode: response.statusCode,
		headers: headerMap(response.headers),
		body: response.body,
	};
}

async function credentialsOf(context: CunnektFunctions): Promise<CunnektCredentials> {
	return await context.getCredentials<CunnektCredentials>(CREDENTIAL_NAME);
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

/** Sends a JSON request and returns the parsed answer; any failure (HTTP or in a 2xx body) is a NodeApiError. */
export async function cunnektApiRequest(
	this: CunnektFunctions,
	request: CunnektRequest,
	itemIndex?: number,
): Promise<unknown> {
	const credentials = await credentialsOf(this);
	const response = await send(this, credentials, request, false, itemIndex);
	const ok = response.statusCode >= 200 && response.statusCode < 300;
	if (!ok || bodyReportsFailure(response.body)) {
		throw toNodeApiError(this.getNode(), readFailure(response.statusCode, response.body), {
			itemIndex,
			secret: credentials.apiKey,
		});
	}
	return redact(response.body, credentials.apiKey);
}

/** Fetches a file: the bytes and the answer's headers. A non-2xx answer is a NodeApiError with Cunnekt's words. */
export async function cunnektFileRequest(
	this: CunnektFunctions,
	request: CunnektRequest,
	itemIndex?: number,
): Promise<CunnektFileResponse> {
	const credentials = await credentialsOf(this);
	const response = await send(this, credentials, request, true, itemIndex);
	if (response.statusCode < 200 || response.statusCode >= 300) {
		throw toNodeApiError(this.getNode(), readFailure(response.statusCode, decodeText(response.body)), {
			itemIndex,
			secret: credentials.apiKey,
		});
	}
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
