import type { IDataObject, IExecuteFunctions, IN8nHttpFullResponse, IWebhookFunctions } from 'n8n-workflow';

import { redact } from '../errors';
import { executionOf } from '../execution';
import type { ExecutionCredentials } from '../execution';
import { connectionOf } from '../platforms';
import type { Connection, CunnektCredentialData } from '../platforms';
import { requestFor } from '../platforms/platform';
import type { CunnektMessage } from '../platforms/platform';
import { CREDENTIAL_NAME, exchange } from './exchange';
import type { CunnektFunctions, CunnektRequest } from './exchange';

/**
 * The only code that speaks HTTP to Cunnekt: the credential (read once per execution), the platform it names, and the
 * exchange (exchange.ts: pace, retries, errors). A neutral message goes one way: the operation hands it here, the
 * credential's platform spells it (platforms/), the exchange sends it.
 */

export { CREDENTIAL_NAME };
export type { CunnektFunctions, CunnektRequest };

export interface CunnektFileResponse {
	body: Buffer;
	headers: Record<string, string>;
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

/**
 * Sends a neutral message (a reply, a template message, a campaign) on the credential's platform and returns the
 * answer. What the platform cannot send is an InputError, before any request.
 */
export async function sendMessage(this: IExecuteFunctions, message: CunnektMessage, itemIndex: number): Promise<unknown> {
	const { connection } = await credentialsOf(this);
	return await cunnektApiRequest.call(this, await requestFor(connection.platform, message), itemIndex);
}

/** Fetches a file: the bytes and the answer's headers. A non-2xx answer is a NodeApiError with Cunnekt's words. */
export async function cunnektFileRequest(
	this: CunnektFunctions,
	request: CunnektRequest,
	itemIndex?: number,
): Promise<CunnektFileResponse> {
	const credentials = await credentialsOf(this);
	const response = await exchange(this, credentials, request, true, itemIndex);
	const body = Buffer.isBuffer(response.body) ? response.body : Buffer.from(response.body as ArrayBuffer);
	return { body, headers: response.headers };
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
