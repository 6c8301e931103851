// @ts-check
/**
 * The fault switchboard: what can go wrong between the node and Cunnekt, per endpoint. Tests set it from JavaScript
 * (`sandbox.faults.set(rule)`), other processes over HTTP (`POST /__sandbox/faults`, see control/faults.js).
 *
 * A rule names a path under /v1 (`/sendnotification`), or `*` for every path without a rule of its own, and any of:
 *   latencyMs   a delay before every answer: a number, or [min, max] for a random one
 *   rateCap     at most this many requests let through in any one second; the others get WhatsApp's 429 (130429)
 *   fault       one of FAULT_KINDS, for the first `times` requests (every request when `times` is absent)
 *   times       how many requests get the fault
 *   retryAfter  the Retry-After header of 429 and 503 answers, in seconds (decimals allowed, to keep tests quick);
 *               'auto' (rate cap only): exactly until the window has room; null: no header. Default 1.
 *   status, body  the status (default 200; a 4xx or 5xx too, e.g. a WhatsApp error as Cunnekt may pass it on) and the
 *               body of an `errorBody` answer
 */
const { whatsappError } = require('./errors');

const FAULT_KINDS = {
	/** 429 with Retry-After and WhatsApp's throughput error (130429): nothing is sent. */
	tooManyRequests: 'tooManyRequests',
	/** 503 Service Unavailable (with Retry-After): nothing is sent. */
	unavailable: 'unavailable',
	/** The connection is reset as soon as the request arrives; its body is never handled: nothing is sent. */
	resetBeforeBody: 'resetBeforeBody',
	/** The request is handled (the message is recorded as sent), then the connection is reset before any answer. */
	resetAfterBody: 'resetAfterBody',
	/** A proxy's HTML 502 page: nothing is sent. */
	badGatewayHtml: 'badGatewayHtml',
	/** An answer (HTTP 200 unless the rule says) whose body reports a failure: nothing is sent. */
	errorBody: 'errorBody',
	/** The request is handled (the message is recorded as sent) and the answer never comes. */
	noAnswer: 'noAnswer',
};

const RULE_FIELDS = ['path', 'latencyMs', 'rateCap', 'fault', 'times', 'retryAfter', 'status', 'body'];
const WINDOW_MS = 1000;

const BAD_GATEWAY_PAGE =
	'<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

const isNumber = (value) => typeof value === 'number' && Number.isFinite(value);

/** A rule as given, checked; throws an Error saying what is wrong. */
function checkRule(rule) {
	if (typeof rule !== 'object' || rule === null || Array.isArray(rule)) throw new Error('a fault rule must be an object');
	const unknown = Object.keys(rule).filter((key) => !RULE_FIELDS.includes(key));
	if (unknown.length > 0) throw new Error(`unknown field ${unknown.join(', ')}; a rule has ${RULE_FIELDS.join(', ')}`);
	const { path, latencyMs, rateCap, fault, times, retryAfter, status } = rule;
	if (typeof path !== 'string' || (path !== '*' && !path.startsWith('/')))
		throw new Error('path must be an API path such as "/sendnotification", or "*"');
	const latencyOk =
		latencyMs === undefined ||
		(isNumber(latencyMs) && latencyMs >= 0) ||
		(Array.isArray(latencyMs) && latencyMs.length === 2 && latencyMs.every(isNumber) && 0 <= latencyMs[0] && latencyMs[0] <= latencyMs[1]);
	if (!latencyOk) throw new Error('latencyMs must be a number of milliseconds or [min, max]');
	if (rateCap !== undefined && !(isNumber(rateCap) && rateCap > 0)) throw new Error('rateCap must be a positive number of requests per second');
	if (fault !== undefined && !(fault in FAULT_KINDS)) throw new Error(`fault must be one of ${Object.keys(FAULT_KINDS).join(', ')}`);
	if (times !== undefined && !(Number.isInteger(times) && times >= 0)) throw new Error('times must be a whole number, 0 or more');
	if (times !== undefined && fault === undefined) throw new Error('times counts a fault: give fault too');
	if (!(retryAfter === undefined || retryAfter === null || retryAfter === 'auto' || (isNumber(retryAfter) && retryAfter >= 0)))
		throw new Error('retryAfter must be seconds, "auto" or null');
	if (status !== undefined && !(Number.isInteger(status) && status >= 200 && status < 600)) throw new Error('status must be an HTTP status, 200 to 599');
	return rule;
}

function latencyOf(rule) {
	if (rule.latencyMs === undefined) return 0;
	if (!Array.isArray(rule.latencyMs)) return rule.latencyMs;
	const [min, max] = rule.latencyMs;
	return min + Math.random() * (max - min);
}

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Seconds as a Retry-After value: whole seconds stay whole, quick test values keep their decimals. */
function retryAfterHeader(seconds) {
	return seconds === null || seconds === undefined ? {} : { 'retry-after': String(Math.round(seconds * 1000) / 1000) };
}

function withRetryAfter(answer, seconds) {
	return { ...answer, headers: { ...(answer.headers ?? {}), ...retryAfterHeader(seconds) } };
}

const rateLimited = (seconds) =>
	withRetryAfter(whatsappError(429, 130429, 'Rate limit hit', 'Cloud API message throughput has been reached.'), seconds);

/** The answers of the fault kinds that answer at all. */
const FAULT_ANSWERS = {
	tooManyRequests: (rule) => rateLimited(rule.retryAfter === 'auto' ? 1 : (rule.retryAfter ?? 1)),
	unavailable: (rule) =>
		withRetryAfter(
			{ status: 503, body: { status: 'error', message: 'Service temporarily unavailable' } },
			rule.retryAfter === 'auto' ? 1 : (rule.retryAfter ?? 1),
		),
	badGatewayHtml: () => ({ status: 502, headers: { 'content-type': 'text/html' }, raw: BAD_GATEWAY_PAGE }),
	errorBody: (rule) => ({
		status: rule.status ?? 200,
		body: rule.body ?? { status: 'error', message: 'Message could not be processed' },
	}),
};

/** @param {any} sandbox */
function createFaults(sandbox) {
	/** path → { rule, remaining, letThrough: arrival times the rate cap let through in the last second } */
	const rules = new Map();

	const ruleFor = (path) => rules.get(path) ?? rules.get('*');

	/** Whether the rate cap lets a request through now, and if not the Retry-After it answers with. */
	function admit(entry, now) {
		const { rateCap, retryAfter } = entry.rule;
		if (rateCap === undefined) return { admitted: true };
		while (entry.letThrough.length > 0 && entry.letThrough[0] <= now - WINDOW_MS) entry.letThrough.shift();
		if (entry.letThrough.length < rateCap) {
			entry.letThrough.push(now);
			return { admitted: true };
		}
		if (retryAfter !== 'auto') return { admitted: false, seconds: retryAfter === undefined ? 1 : retryAfter };
		return { admitted: false, seconds: Math.max(0.001, (entry.letThrough[0] + WINDOW_MS - now) / 1000) };
	}

	/** The interceptor: runs before the route for every API request. */
	async function intercept(request) {
		const entry = ruleFor(request.path);
		if (!entry) return undefined;
		const now = Date.now();
		let fault;
		let refusal;
		if (entry.rule.fault && entry.remaining > 0) {
			entry.remaining -= 1;
			fault = entry.rule.fault;
		} else {
			const decision = admit(entry, now);
			if (!decision.admitted) refusal = rateLimited(decision.seconds);
		}
		if (fault || refusal) request.recorded.fault = fault ?? 'rateCap';
		const wait = latencyOf(entry.rule);
		if (wait > 0) await delay(wait);
		if (refusal) return refusal;
		if (!fault) return undefined;
		if (fault in FAULT_ANSWERS) return FAULT_ANSWERS[fault](entry.rule);
		if (fault === 'resetAfterBody' || fault === 'noAnswer') await sandbox.handle(request);
		if (fault !== 'noAnswer') request.socket.resetAndDestroy();
		return 'handled';
	}

	return {
		FAULT_KINDS,
		intercept,
		/** Adds rules (one, or an array); a rule replaces the one for the same path. Returns the rules in force. */
		set(ruleOrRules) {
			const list = (Array.isArray(ruleOrRules) ? ruleOrRules : [ruleOrRules]).map(checkRule);
			for (const rule of list) {
				rules.set(rule.path, { rule: { ...rule }, remaining: rule.times ?? Infinity, letThrough: [] });
			}
			return this.list();
		},
		/** Removes the rule for one path, or every rule. */
		clear(path) {
			if (path === undefined) rules.clear();
			else rules.delete(path);
		},
		/** The rules in force, with how many faults each has left to give (null: unlimited). */
		list() {
			return [...rules.values()].map(({ rule, remaining }) => ({
				...rule,
				...(rule.fault ? { remaining: Number.isFinite(remaining) ? remaining : null } : {}),
			}));
		},
	};
}

module.exports = { createFaults, FAULT_KINDS, WINDOW_MS };
