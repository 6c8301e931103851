/** The sandbox's fault switchboard and stats over its control API, as the end-to-end suite and the benchmark use them. */
import { startSandbox } from '../helpers/sandbox';
import type { Sandbox, SandboxStats } from '../helpers/sandbox';

const { maxPerWindow, maxInFlight } = require('../../sandbox/stats') as {
	maxPerWindow(times: number[], windowMs: number): number;
	maxInFlight(requests: Array<{ at: number; doneAt?: number }>): number;
};

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ apiKey: 'switchboard-key' });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const control = async (method: string, path: string, body?: unknown) => {
	const response = await fetch(`${sandbox.url}/__sandbox${path}`, {
		method,
		...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
	});
	return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

const reply = async (mobile = '919999999999') => {
	sandbox.openWindow(mobile);
	const response = await fetch(`${sandbox.baseUrl}/sendreplymessage`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'api-key': 'switchboard-key' },
		body: JSON.stringify({ mobile, type: 'text', text: 'hello' }),
	});
	return { status: response.status, retryAfter: response.headers.get('retry-after'), body: await response.text() };
};

describe('POST/GET/DELETE /__sandbox/faults', () => {
	it('sets a fault for the first K requests to an endpoint, then lets requests through', async () => {
		const set = await control('POST', '/faults', { path: '/sendreplymessage', fault: 'tooManyRequests', times: 2, retryAfter: 0.5 });
		expect(set).toEqual({
			status: 200,
			body: { faults: [{ path: '/sendreplymessage', fault: 'tooManyRequests', times: 2, retryAfter: 0.5, remaining: 2 }] },
		});
		const first = await reply();
		expect(first.status).toBe(429);
		expect(first.retryAfter).toBe('0.5');
		expect(JSON.parse(first.body)).toEqual({
			status: 'error',
			message: 'Rate limit hit',
			error: {
				code: 130429,
				title: 'Rate limit hit',
				message: 'Rate limit hit',
				error_data: { details: 'Cloud API message throughput has been reached.' },
			},
		});
		expect((await reply()).status).toBe(429);
		expect((await reply()).status).toBe(200);
		expect((await control('GET', '/faults')).body).toEqual({
			faults: [{ path: '/sendreplymessage', fault: 'tooManyRequests', times: 2, retryAfter: 0.5, remaining: 0 }],
		});
		expect((await control('DELETE', '/faults')).body).toEqual({ faults: [] });
	});

	it('answers each fault kind as described', async () => {
		const answerTo = async (fault: string) => {
			await control('POST', '/faults', { path: '/sendreplymessage', fault, times: 1 });
			return await reply().catch((error: Error & { cause?: { code?: string } }) => ({ failed: error.cause?.code }));
		};
		expect(await answerTo('unavailable')).toEqual({
			status: 503,
			retryAfter: '1',
			body: '{"status":"error","message":"Service temporarily unavailable"}',
		});
		expect(await answerTo('badGatewayHtml')).toMatchObject({ status: 502, body: expect.stringContaining('<title>502 Bad Gateway</title>') });
		expect(await answerTo('errorBody')).toEqual({
			status: 200,
			retryAfter: null,
			body: '{"status":"error","message":"Message could not be processed"}',
		});
		expect(sandbox.state.sent).toHaveLength(0);
		expect(await answerTo('resetBeforeBody')).toEqual({ failed: 'ECONNRESET' });
		expect(sandbox.state.sent).toHaveLength(0);
		expect(await answerTo('resetAfterBody')).toEqual({ failed: 'ECONNRESET' });
		expect(sandbox.state.sent).toHaveLength(1);
	});

	it('holds a response that never arrives, after handling the request', async () => {
		await control('POST', '/faults', { path: '/sendreplymessage', fault: 'noAnswer' });
		sandbox.openWindow('919999999999');
		const abort = new AbortController();
		const pending = fetch(`${sandbox.baseUrl}/sendreplymessage`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'api-key': 'switchboard-key' },
			body: JSON.stringify({ mobile: '919999999999', type: 'text', text: 'hello' }),
			signal: abort.signal,
		}).catch((error: Error) => error.name);
		while (sandbox.requests.length === 0 || sandbox.state.sent.length === 0) await new Promise((resolve) => setImmediate(resolve));
		abort.abort();
		expect(await pending).toBe('AbortError');
		expect(sandbox.stats()).toMatchObject({ requests: 1, unanswered: 1, sent: 1 });
	});

	it('refuses a rule it does not understand, saying why', async () => {
		expect(await control('POST', '/faults', { path: '/sendreplymessage', fault: 'explode' })).toEqual({
			status: 400,
			body: {
				status: 'error',
				message:
					'Malformed request: fault must be one of tooManyRequests, unavailable, resetBeforeBody, resetAfterBody, badGatewayHtml, errorBody, noAnswer',
			},
		});
		expect((await control('POST', '/faults', { path: '/x', latency: 5 })).body.message).toBe(
			'Malformed request: unknown field latency; a rule has path, latencyMs, rateCap, fault, times, retryAfter, status, body',
		);
		expect((await control('POST', '/faults', { path: '/x', times: 2 })).body.message).toBe(
			'Malformed request: times counts a fault: give fault too',
		);
	});
});

describe('the rate cap and GET /__sandbox/stats', () => {
	it('lets rateCap requests through per second and refuses the rest with 429, Retry-After until there is room', async () => {
		await control('POST', '/faults', { path: '*', rateCap: 3, retryAfter: 'auto' });
		const answers = await Promise.all([0, 1, 2, 3, 4].map((index) => reply(`91999999000${index}`)));
		expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 200, 429, 429]);
		const refused = answers.filter((answer) => answer.status === 429);
		for (const answer of refused) {
			expect(Number(answer.retryAfter)).toBeGreaterThan(0);
			expect(Number(answer.retryAfter)).toBeLessThanOrEqual(1);
		}
		const { status, body } = await control('GET', '/stats?path=/sendreplymessage');
		expect(status).toBe(200);
		expect(body as unknown as SandboxStats).toMatchObject({
			path: '/sendreplymessage',
			windowMs: 1000,
			requests: 5,
			answered: { 200: 3, 429: 2 },
			rejected: 2,
			unanswered: 0,
			sent: 3,
			duplicates: 0,
			duplicated: [],
		});
	});

	it('counts the messages accepted more than once', async () => {
		await reply('919999999991');
		await reply('919999999991');
		await reply('919999999992');
		const stats = sandbox.stats({ windowMs: 600_000 });
		expect(stats.maxPerWindow).toBe(3);
		expect(stats.maxInFlight).toBe(1);
		expect(stats.duplicates).toBe(1);
		expect(stats.duplicated).toEqual([{ mobile: '919999999991', endpoint: 'sendreplymessage', copies: 2 }]);
	});

	it('computes the most arrivals in any window [t, t + window) and the most in flight at once', () => {
		expect(maxPerWindow([0, 500, 999, 1000, 1500, 2600], 1000)).toBe(3);
		expect(maxPerWindow([0, 1, 2, 1001], 1000)).toBe(3);
		expect(maxPerWindow([], 1000)).toBe(0);
		expect(maxInFlight([{ at: 0, doneAt: 10 }, { at: 5, doneAt: 20 }, { at: 10, doneAt: 30 }, { at: 12 }])).toBe(3);
	});
});
