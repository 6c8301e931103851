/**
 * Running one Reply operation against the sandbox, for the reply tests: a sandbox per test file with the service
 * window of Cunnekt's example recipient open, a runner that fills in resource, operation and recipient, and the assertions
 * every reply test makes (what reached the sandbox, or that nothing did).
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runCunnekt } from './n8n';
import type { RunOptions, RunResult } from './n8n';
import { credentialsFor, currentCredentialsFor, startSandbox } from './sandbox';
import type { Sandbox } from './sandbox';

/** The recipient of Cunnekt's examples (its Postman collection, docs/api-contract.md). */
export const SEED_MOBILE = '919999999999';
export const REPLY_TEST_KEY = 'reply-key-3b71e0';

/** Starts a sandbox for the file's tests; before each test it is reset and SEED_MOBILE's window is open. */
export function useReplySandbox(): { sandbox: Sandbox } {
	const context = {} as { sandbox: Sandbox };
	beforeAll(async () => {
		context.sandbox = await startSandbox({ apiKey: REPLY_TEST_KEY });
	});
	afterAll(async () => await context.sandbox.close());
	beforeEach(() => {
		context.sandbox.reset();
		context.sandbox.openWindow(SEED_MOBILE);
	});
	return context;
}

export interface ReplyRunOptions {
	items?: IDataObject[];
	continueOnFail?: boolean;
	onError?: RunOptions['onError'];
	apiKey?: string;
	/** The credential's platform; classic when absent, as a credential saved before the Platform field. */
	platform?: 'classic' | 'current';
}

/** Runs Reply → `operation` with `parameters` (the recipient defaults to SEED_MOBILE) in n8n's real engine. */
export async function runReply(
	sandbox: Sandbox,
	operation: string,
	parameters: INodeParameters,
	options: ReplyRunOptions = {},
): Promise<RunResult> {
	return await runCunnekt({
		parameters: { resource: 'reply', operation, mobile: SEED_MOBILE, ...parameters },
		items: options.items,
		credentials:
			options.platform === 'current'
				? currentCredentialsFor(sandbox, options.apiKey)
				: credentialsFor(sandbox, options.apiKey),
		continueOnFail: options.continueOnFail,
		onError: options.onError,
	});
}

/** Asserts that exactly one reply reached the sandbox, as Cunnekt expects it, and returns its body. */
export function onlyReplySent(sandbox: Sandbox): unknown {
	expect(sandbox.requests).toHaveLength(1);
	const [request] = sandbox.requests;
	expect(request.method).toBe('POST');
	expect(request.path).toBe('/sendreplymessage');
	expect(request.headers['api-key']).toBe(REPLY_TEST_KEY);
	expect(request.headers['content-type']).toMatch(/application\/json/);
	expect(sandbox.state.sent).toHaveLength(1);
	return request.body;
}

/** Asserts the run succeeded with one item: the message id the sandbox gave, the recipient, the answer. */
export function expectSentItem(sandbox: Sandbox, result: RunResult): void {
	expect(result.error).toBeUndefined();
	const wamid = sandbox.state.sent[0].id;
	expect(result.items).toEqual([
		{
			json: {
				messageId: wamid,
				mobile: SEED_MOBILE,
				messaging_product: 'whatsapp',
				contacts: [{ input: SEED_MOBILE, wa_id: SEED_MOBILE }],
				messages: [{ id: wamid }],
			},
			pairedItem: { item: 0 },
		},
	]);
}

/** Asserts the run stopped on an input error with exactly this message, and nothing was sent. */
export function expectRefused(sandbox: Sandbox, result: RunResult, message: string): void {
	expect(result.items).toEqual([]);
	expect(result.error?.message).toBe(message);
	expect(result.error?.name).toBe('NodeOperationError');
	expect(sandbox.requests).toEqual([]);
}
