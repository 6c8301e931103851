import { inspect } from 'util';

import type { RunResult } from '../../helpers/n8n';
import { REPLY_TEST_KEY, runReply, SEED_MOBILE, useReplySandbox } from '../../helpers/reply';
import { startSandbox } from '../../helpers/sandbox';
import type { Sandbox } from '../../helpers/sandbox';

const context = useReplySandbox();

interface InterceptedRequest {
	path: string;
	body: unknown;
	headers: Record<string, string | string[] | undefined>;
}
type Interceptor = (request: InterceptedRequest) => { status: number; body: object } | undefined;

/** Answers replies whose text matches, with the given answer, for the duration of `run` only. */
async function withAnswers<T>(sandbox: Sandbox, intercept: Interceptor, run: () => Promise<T>): Promise<T> {
	const interceptors = sandbox.interceptors as Interceptor[];
	interceptors.push(intercept);
	try {
		return await run();
	} finally {
		interceptors.splice(interceptors.indexOf(intercept), 1);
	}
}

const textOf = (request: InterceptedRequest) => (request.body as { text?: string } | undefined)?.text;

describe('Reply: a 2xx answer whose body reports a failure is a failure', () => {
	it.each([
		[
			'status "error" with a message',
			{ status: 'error', message: 'Insufficient wallet balance' },
			'Insufficient wallet balance',
			undefined,
		],
		[
			'success false with a WhatsApp error',
			{ success: false, error: { code: 131026, message: 'Message undeliverable' } },
			'Message undeliverable (131026)',
			"The message could not be delivered: the number may not be on WhatsApp. It also happens when the customer's WhatsApp is too old or they have not accepted WhatsApp's current terms. Do not send it again as it is; reach the customer another way.",
		],
	])('%s', async (_shape, answer, message, description) => {
		const { sandbox } = context;
		const { items, error } = await withAnswers(
			sandbox,
			(request) => (request.path === '/sendreplymessage' ? { status: 200, body: answer } : undefined),
			() => runReply(sandbox, 'sendText', { text: 'Hello' }),
		);
		expect(items).toEqual([]);
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe(message);
		expect(error?.description).toBe(description);
		expect((error as { httpCode?: string } | undefined)?.httpCode).toBe('200');
		expect(sandbox.requests).toHaveLength(1);
	});
});

describe('Reply: the API key never appears in what a run shows', () => {
	const KEY = 'sk-LIVE-7Qz9-unmistakable-4411';

	/** Everything a run leaves for a user to see: the run data, the items and the error with its stack and cause. */
	const seen = (result: RunResult) =>
		[JSON.stringify(result.run), JSON.stringify(result.items), inspect(result.error, { depth: null, showHidden: true })].join('\n');

	/** A careless server that repeats the key it received in its error messages. */
	const echoKey: Interceptor = (request) => {
		const received = String(request.headers['api-key']);
		if (textOf(request) === 'echo 200') return { status: 200, body: { status: 'failed', message: `Key ${received} has no credit` } };
		if (textOf(request) === 'echo 500') return { status: 500, body: { error: { message: `Internal error for ${received}`, code: 1 } } };
		return undefined;
	};

	it('with Continue On Fail: sent, refused, closed window, and failures that echo the key', async () => {
		const sandbox = await startSandbox({ apiKey: KEY });
		try {
			sandbox.openWindow(SEED_MOBILE);
			const result = await withAnswers(sandbox, echoKey, () =>
				runReply(
					sandbox,
					'sendText',
					{ mobile: '={{ $json.mobile }}', text: '={{ $json.text }}' },
					{
						apiKey: KEY,
						continueOnFail: true,
						items: [
							{ mobile: SEED_MOBILE, text: 'sent' },
							{ mobile: SEED_MOBILE, text: '' },
							{ mobile: '447700900123', text: 'window closed' },
							{ mobile: SEED_MOBILE, text: 'echo 200' },
							{ mobile: SEED_MOBILE, text: 'echo 500' },
						],
					},
				),
			);
			expect(result.items.map((item) => Object.keys(item.json)[0])).toEqual(['messageId', 'error', 'error', 'error', 'error']);
			expect(result.items[3].json.error).toBe('Key *** has no credit');
			expect(result.items[4].json.error).toBe('Internal error for *** (1)');
			expect(seen(result)).not.toContain(KEY);
			expect(sandbox.requests.map((request) => request.headers['api-key'])).toEqual([KEY, KEY, KEY, KEY]);
		} finally {
			await sandbox.close();
		}
	});

	it('a wrong key, stopping the run', async () => {
		const { sandbox } = context;
		const wrongKey = 'sk-WRONG-5Yb2-unmistakable-8830';
		const result = await runReply(sandbox, 'sendText', { text: 'Hello' }, { apiKey: wrongKey });
		expect(result.error?.message).toBe('Invalid API key');
		expect(sandbox.requests[0].headers['api-key']).toBe(wrongKey);
		expect(seen(result)).not.toContain(wrongKey);
		expect(seen(result)).not.toContain(REPLY_TEST_KEY);
	});

	it('a revoked key (403), stopping the run, with what to do', async () => {
		const revokedKey = 'sk-REVOKED-81c4-unmistakable-2267';
		const sandbox = await startSandbox({ apiKey: REPLY_TEST_KEY, revokedKeys: [revokedKey] });
		try {
			sandbox.openWindow(SEED_MOBILE);
			const result = await runReply(sandbox, 'sendText', { text: 'Hello' }, { apiKey: revokedKey });
			expect(result.error?.message).toBe('API key revoked');
			expect(result.error?.description).toBe(
				'The API key was refused (revoked or without access): check the Cunnekt credential.',
			);
			expect(sandbox.requests.map((request) => request.status)).toEqual([403]);
			expect(sandbox.state.sent).toEqual([]);
			expect(seen(result)).not.toContain(revokedKey);
		} finally {
			await sandbox.close();
		}
	});

	it('a wrong key that the server echoes, stopping the run', async () => {
		const { sandbox } = context;
		const wrongKey = 'sk-WRONG-2Kc7-unmistakable-1904';
		const result = await withAnswers(
			sandbox,
			(request) => ({ status: 401, body: { status: 'error', message: `API key ${String(request.headers['api-key'])} is not valid` } }),
			() => runReply(sandbox, 'sendButtons', { body: 'Rate us', buttons: { button: [{ title: 'Good', id: '' }] } }, { apiKey: wrongKey }),
		);
		expect(result.error?.message).toBe('API key *** is not valid');
		expect(seen(result)).not.toContain(wrongKey);
	});
});
