import type { CunnektFailure } from './errors';
import { whatsappErrorRule } from './whatsappErrors';

/**
 * What the transport may send again, and how long it waits first. The rule: send again only what certainly did not
 * go through (429 and 503 answers, connections that failed before the request left), never what may have (no answer
 * after sending), unless the user opts in with Retry on Timeout: a repeated send is a duplicate message. Nor what
 * WhatsApp says must wait longer or must not be sent again (whatsappErrors.ts).
 */

/** The first wait without Retry-After; each retry doubles it (1, 2, 4, 8, 16 s ± a quarter). */
export const BACKOFF_BASE_MS = 1000;
/** The longest the node waits before one retry; a longer Retry-After ends the retries. */
export const MAX_WAIT_MS = 60_000;

/**
 * How a request without an answer ended.
 * - notSent: nothing reached Cunnekt (refused, no answer from the DNS, reset while connecting): safe to send again.
 * - unknownOutcome: the request left and no answer came (timeout, reset after sending): it may have been sent.
 * - cancelled: the execution was stopped.
 * - local: it never reached Cunnekt and never will as it is (an invalid URL, a blocked address, a host name that does
 *   not exist): sending again changes nothing.
 */
export type ConnectionOutcome = 'notSent' | 'unknownOutcome' | 'cancelled' | 'local';

export interface ConnectionFailure {
	outcome: ConnectionOutcome;
	timedOut: boolean;
	/** The lowest-level words, e.g. "connect ECONNREFUSED 127.0.0.1:4000" or "read ECONNRESET". */
	reason: string;
}

/**
 * A host name the DNS says does not exist: a mistyped Base URL, as a rule. Not sent, but not worth retrying either:
 * five retries would make the user wait half a minute for the same answer. (EAI_AGAIN, a DNS server that did not
 * answer, is retried.)
 */
const NO_SUCH_HOST = 'ENOTFOUND';
/** Errors from connect() or the DNS lookup: the request was never written. */
const NOT_CONNECTED_CODES = new Set([
	'ECONNREFUSED',
	NO_SUCH_HOST,
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'ENETDOWN',
	'EADDRNOTAVAIL',
]);
const NOT_CONNECTED_SYSCALLS = new Set(['connect', 'getaddrinfo']);
const NETWORK_CODES = new Set([
	...NOT_CONNECTED_CODES,
	'ECONNRESET',
	'EPIPE',
	'ETIMEDOUT',
	'ECONNABORTED',
	'ESOCKETTIMEDOUT',
	'ERR_STREAM_PREMATURE_CLOSE',
]);
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ECONNABORTED', 'ESOCKETTIMEDOUT']);

type Link = Record<string, unknown>;

/** The error and its causes (n8n's NodeApiError → axios's AxiosError → Node's system error). */
function chainOf(error: unknown): Link[] {
	const chain: Link[] = [];
	let link: unknown = error;
	while (typeof link === 'object' && link !== null && chain.length < 6 && !chain.includes(link as Link)) {
		chain.push(link as Link);
		link = (link as Link).cause;
	}
	return chain;
}

/**
 * Bytes the request's socket handed to the operating system, when the error carries its request (axios's
 * `error.request`, or the request follow-redirects wraps). 0 means nothing of the request left this machine.
 */
function bytesDispatched(chain: Link[]): number | undefined {
	for (const link of chain) {
		const request = link.request as Link | undefined;
		if (typeof request !== 'object' || request === null) continue;
		const current = request._currentRequest as Link | undefined;
		const socket = (request.socket ?? current?.socket) as Link | undefined;
		const dispatched = socket?._bytesDispatched;
		if (typeof dispatched === 'number') return dispatched;
	}
	return undefined;
}

const stringsOf = (chain: Link[], key: string) =>
	chain.map((link) => link[key]).filter((value): value is string => typeof value === 'string');

/**
 * Tells "never sent" from "outcome unknown" for a request that got no answer. Sent-or-not is decided, in order, by:
 * a host name that does not exist (never sent, and not retried); connect/DNS error codes or syscalls (the request is
 * written only once connected); a TLS handshake that failed; then the socket's count of bytes handed to the system
 * (0: nothing left). Anything else had left: unknown.
 */
export function classifyConnectionFailure(error: unknown): ConnectionFailure {
	const chain = chainOf(error);
	const codes = stringsOf(chain, 'code');
	const messages = stringsOf(chain, 'message');
	const reason = messages[messages.length - 1] ?? String(error);
	const timedOut = codes.some((code) => TIMEOUT_CODES.has(code)) && messages.some((text) => /timeout|timed out/i.test(text));
	const cancelled =
		codes.includes('ERR_CANCELED') || stringsOf(chain, 'name').some((name) => ['CanceledError', 'AbortError'].includes(name));
	if (cancelled) return { outcome: 'cancelled', timedOut: false, reason };
	if (codes.includes(NO_SUCH_HOST)) return { outcome: 'local', timedOut: false, reason };
	const dispatched = bytesDispatched(chain);
	const notSent =
		codes.some((code) => NOT_CONNECTED_CODES.has(code)) ||
		stringsOf(chain, 'syscall').some((syscall) => NOT_CONNECTED_SYSCALLS.has(syscall)) ||
		messages.some((text) => text.includes('before secure TLS connection was established')) ||
		dispatched === 0;
	if (notSent) return { outcome: 'notSent', timedOut, reason };
	if (dispatched === undefined && !codes.some((code) => NETWORK_CODES.has(code))) {
		return { outcome: 'local', timedOut, reason };
	}
	return { outcome: 'unknownOutcome', timedOut, reason };
}

/** Retry-After in milliseconds: seconds (decimals accepted) or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
	if (value === undefined) return undefined;
	const text = value.trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
	const date = Date.parse(text);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The wait before retry number `retry` (1, 2, …) when the answer gave no Retry-After. */
export function backoffMs(retry: number, random = Math.random()): number {
	return Math.min(MAX_WAIT_MS, BACKOFF_BASE_MS * 2 ** (retry - 1) * (0.75 + 0.5 * random));
}

/** What to do after an answer that reports a failure. */
export interface AnswerRetry {
	/** The answer says the request was refused for going too fast (429, 130429): slow the pace. */
	slowDown: boolean;
	/** Every request of the run would be refused too (429, 130429, 503): hold them all while this one waits. */
	holdAll: boolean;
	/** Whether the answer leaves it unknown if the request went through (a gateway's 502 or 504). */
	unknownOutcome: boolean;
	/** Retry-After, when the answer gave one. */
	waitMs?: number;
}

/**
 * Whether a failed answer may be retried, and how; undefined when it is final. A WhatsApp code decides first
 * (whatsappErrors.ts): the node retries at once only a code whose disposition is retryLater within the node's wait
 * (130429 and 131056 among them: rate limits), never one to retry hours later (131049) or not at all (131050), even
 * in a 429 or 503 answer. The HTTP status decides for an answer without a code the table knows.
 */
export function answerRetry(failure: CunnektFailure, headers: Record<string, string>): AnswerRetry | undefined {
	const waitMs = parseRetryAfter(headers['retry-after']);
	const rule = whatsappErrorRule(failure.code);
	if (rule && !(rule.disposition === 'retryLater' && (rule.retryAfterSeconds ?? 0) * 1000 <= MAX_WAIT_MS)) {
		return undefined;
	}
	const status = failure.httpCode;
	const rateLimit = rule?.disposition === 'retryLater' ? rule.rateLimit : undefined;
	if (rateLimit !== undefined || status === 429) {
		// Too many messages to one recipient: retried, but the pace for everyone else stays.
		const forEveryone = rateLimit !== 'pair';
		return { slowDown: forEveryone, holdAll: forEveryone, unknownOutcome: false, waitMs };
	}
	if (status === 503) return { slowDown: false, holdAll: true, unknownOutcome: false, waitMs };
	if (status === 502 || status === 504) return { slowDown: false, holdAll: false, unknownOutcome: true, waitMs };
	return undefined;
}

/** "0.3 s", "4.2 s", "31 s". */
export function formatSeconds(ms: number): string {
	const seconds = ms / 1000;
	return seconds < 10 ? `${Math.round(seconds * 10) / 10} s` : `${Math.round(seconds)} s`;
}

/** The end of the message when retries ran out: "; gave up after 5 retries over 31 s". */
export function gaveUp(retries: number, elapsedMs: number): string {
	if (retries === 0) return '';
	return `; gave up after ${retries} ${retries === 1 ? 'retry' : 'retries'} over ${formatSeconds(elapsedMs)}`;
}

/** The end of the message when Cunnekt asked for a longer wait than the node waits. */
export function waitTooLong(waitMs: number): string {
	return `; Cunnekt asked to wait ${formatSeconds(waitMs)} before retrying, longer than the node waits (${formatSeconds(MAX_WAIT_MS)})`;
}

/** Said of every request that may have gone through. */
export function unknownOutcomeAdvice(retried: boolean): string {
	return retried
		? 'The requests reached Cunnekt but no answer says whether the message went out, so it may have been sent, even more than once: check the conversation before sending it again.'
		: 'The request reached Cunnekt but no answer says whether the message went out, so it may have been sent. It was not sent again, to avoid a duplicate: check the conversation before sending it again, or turn on Sending Options → Retry on Timeout.';
}
