/** What the transport sends again: real connection errors from Node and axios, Retry-After, backoff, the words. */
import * as http from 'http';
import type { AddressInfo } from 'net';

import axios from 'axios';

import {
	answerRetry,
	backoffMs,
	classifyConnectionFailure,
	formatSeconds,
	gaveUp,
	parseRetryAfter,
} from '../../nodes/shared/retries';

/** A server doing `handle` with each request, and the error axios gives for one POST to it (as n8n sends it). */
async function errorFrom(handle: (req: http.IncomingMessage, res: http.ServerResponse) => void, timeout = 2000) {
	const server = http.createServer(handle);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	const { port } = server.address() as AddressInfo;
	try {
		await axios({ method: 'POST', url: `http://127.0.0.1:${port}/v1/x`, data: { mobile: '1' }, timeout, httpAgent: new http.Agent() });
		throw new Error('expected the request to fail');
	} catch (error) {
		return error;
	} finally {
		server.closeAllConnections();
		server.close();
	}
}

/** As n8n hands it to the node: a NodeApiError whose cause is axios's error. */
const wrapped = (cause: unknown) => Object.assign(new Error('The service refused the connection'), { cause });

describe('classifyConnectionFailure (real errors)', () => {
	it('connection refused: never sent', async () => {
		const server = http.createServer();
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
		const { port } = server.address() as AddressInfo;
		await new Promise((resolve) => server.close(resolve));
		const error = await axios({ method: 'POST', url: `http://127.0.0.1:${port}/`, data: {}, httpAgent: new http.Agent() }).catch(
			(failure: unknown) => failure,
		);
		expect(classifyConnectionFailure(wrapped(error))).toEqual({
			outcome: 'notSent',
			timedOut: false,
			reason: `connect ECONNREFUSED 127.0.0.1:${port}`,
		});
	});

	it('reset before the body was read: the request had left, so the outcome is unknown', async () => {
		const error = await errorFrom((req) => req.socket.resetAndDestroy());
		expect(classifyConnectionFailure(wrapped(error))).toEqual({
			outcome: 'unknownOutcome',
			timedOut: false,
			reason: 'read ECONNRESET',
		});
	});

	it('closed after the body was read: unknown', async () => {
		const error = await errorFrom((req) => {
			req.resume();
			req.on('end', () => req.socket.destroy());
		});
		expect(classifyConnectionFailure(wrapped(error))).toMatchObject({ outcome: 'unknownOutcome', reason: 'socket hang up' });
	});

	it('no answer within the timeout: unknown, timed out', async () => {
		const error = await errorFrom((req) => req.resume(), 150);
		expect(classifyConnectionFailure(wrapped(error))).toEqual({
			outcome: 'unknownOutcome',
			timedOut: true,
			reason: 'timeout of 150ms exceeded',
		});
	});

	it('a DNS server that did not answer, and resets while connecting: never sent', () => {
		const dns = Object.assign(new Error('getaddrinfo EAI_AGAIN app2.cunnekt.com'), {
			code: 'EAI_AGAIN',
			syscall: 'getaddrinfo',
		});
		expect(classifyConnectionFailure(wrapped({ code: 'EAI_AGAIN', cause: dns })).outcome).toBe('notSent');
		const resetOnConnect = Object.assign(new Error('connect ECONNRESET 127.0.0.1:1'), {
			code: 'ECONNRESET',
			syscall: 'connect',
		});
		expect(classifyConnectionFailure(wrapped(resetOnConnect)).outcome).toBe('notSent');
	});

	it('a host name that does not exist: never sent, and nothing to retry', () => {
		const dns = Object.assign(new Error('getaddrinfo ENOTFOUND app2.cunnekt.invalid'), {
			code: 'ENOTFOUND',
			syscall: 'getaddrinfo',
		});
		expect(classifyConnectionFailure(wrapped({ code: 'ENOTFOUND', cause: dns }))).toEqual({
			outcome: 'local',
			timedOut: false,
			reason: 'getaddrinfo ENOTFOUND app2.cunnekt.invalid',
		});
	});

	it('a reset with nothing of the request handed to the system: never sent', () => {
		const error = { code: 'ECONNRESET', message: 'socket hang up', request: { socket: { _bytesDispatched: 0 } } };
		expect(classifyConnectionFailure(wrapped(error)).outcome).toBe('notSent');
		const sent = { ...error, request: { socket: { _bytesDispatched: 251 } } };
		expect(classifyConnectionFailure(wrapped(sent)).outcome).toBe('unknownOutcome');
	});

	it('a cancelled execution, and errors that never reached the network', () => {
		expect(classifyConnectionFailure(wrapped({ code: 'ERR_CANCELED', message: 'canceled' })).outcome).toBe('cancelled');
		expect(classifyConnectionFailure(wrapped(new TypeError('Invalid URL'))).outcome).toBe('local');
	});
});

describe('answerRetry', () => {
	const failure = (httpCode: number, code?: string) => ({ httpCode, message: 'x', code });

	it('retries 429 and WhatsApp\'s 130429 (wherever it comes) and slows down for them', () => {
		expect(answerRetry(failure(429, '130429'), { 'retry-after': '2' })).toEqual({
			slowDown: true,
			holdAll: true,
			unknownOutcome: false,
			waitMs: 2000,
		});
		expect(answerRetry(failure(200, '130429'), {})).toMatchObject({ slowDown: true, holdAll: true, unknownOutcome: false });
	});

	it('retries the pair rate limit (131056) without slowing the others', () => {
		expect(answerRetry(failure(400, '131056'), {})).toMatchObject({ slowDown: false, holdAll: false, unknownOutcome: false });
	});

	it('retries 503; marks 502 and 504 as unknown outcomes; leaves the rest final', () => {
		expect(answerRetry(failure(503), {})).toEqual({ slowDown: false, holdAll: true, unknownOutcome: false, waitMs: undefined });
		expect(answerRetry(failure(502), {})).toMatchObject({ holdAll: false, unknownOutcome: true });
		expect(answerRetry(failure(504), {})).toMatchObject({ holdAll: false, unknownOutcome: true });
		for (const status of [200, 400, 401, 403, 404, 500]) expect(answerRetry(failure(status, '131047'), {})).toBeUndefined();
	});

	it('never retries at once what WhatsApp says must wait for hours or must not be sent again, even in a 429 or 503', () => {
		for (const status of [200, 400, 429, 503]) {
			expect([status, answerRetry(failure(status, '131049'), { 'retry-after': '1' })]).toEqual([status, undefined]); // 24 hours
			expect([status, answerRetry(failure(status, '131050'), {})]).toEqual([status, undefined]); // opted out
			expect([status, answerRetry(failure(status, '131048'), {})]).toEqual([status, undefined]); // spam limit, a day
			expect([status, answerRetry(failure(status, '132015'), {})]).toEqual([status, undefined]); // template paused, hours
			expect([status, answerRetry(failure(status, '80007'), {})]).toEqual([status, undefined]); // account limit, an hour
			expect([status, answerRetry(failure(status, '131062'), {})]).toEqual([status, undefined]); // fix the recipient
		}
	});

	it('a brief WhatsApp outage (131016) follows the HTTP status: retried in a 503, final in a 500; a code the table lacks too', () => {
		expect(answerRetry(failure(503, '131016'), {})).toMatchObject({ holdAll: true, unknownOutcome: false });
		expect(answerRetry(failure(500, '131016'), {})).toBeUndefined();
		expect(answerRetry(failure(429, '999001'), {})).toMatchObject({ slowDown: true, holdAll: true });
		expect(answerRetry(failure(400, '999001'), {})).toBeUndefined();
	});
});

describe('waits and words', () => {
	it('reads Retry-After as seconds or as an HTTP date', () => {
		const now = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');
		expect(parseRetryAfter('3', now)).toBe(3000);
		expect(parseRetryAfter(' 0.25 ', now)).toBe(250);
		expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:30 GMT', now)).toBe(30_000);
		expect(parseRetryAfter('Wed, 21 Oct 2015 07:27:00 GMT', now)).toBe(0);
		expect(parseRetryAfter('soon', now)).toBeUndefined();
		expect(parseRetryAfter(undefined, now)).toBeUndefined();
	});

	it('backs off 1, 2, 4, 8, 16 s, a quarter either way, at most 60 s', () => {
		expect([1, 2, 3, 4, 5].map((retry) => backoffMs(retry, 0.5))).toEqual([1000, 2000, 4000, 8000, 16000]);
		expect(backoffMs(1, 0)).toBe(750);
		expect(backoffMs(1, 1)).toBe(1250);
		expect(backoffMs(9, 1)).toBe(60_000);
	});

	it('says how often and for how long it tried', () => {
		expect(gaveUp(5, 31_000)).toBe('; gave up after 5 retries over 31 s');
		expect(gaveUp(1, 940)).toBe('; gave up after 1 retry over 0.9 s');
		expect(gaveUp(0, 10)).toBe('');
		expect(formatSeconds(300)).toBe('0.3 s');
		expect(formatSeconds(30_000)).toBe('30 s');
	});
});
