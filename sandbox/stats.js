// @ts-check
/**
 * Figures computed from the sandbox's record, for tests and the benchmark: how many requests came and how they were
 * answered, the most that arrived in any one-second window, the most in flight at once, and the messages sent more
 * than once (the same endpoint and body accepted twice).
 */
const { WINDOW_MS } = require('./faults');

/** The most arrival times inside any window [t, t + windowMs). */
function maxPerWindow(times, windowMs) {
	const sorted = [...times].sort((a, b) => a - b);
	let most = 0;
	let first = 0;
	for (let last = 0; last < sorted.length; last++) {
		while (sorted[last] - sorted[first] >= windowMs) first++;
		most = Math.max(most, last - first + 1);
	}
	return most;
}

/**
 * The most requests between arrival and the end of their exchange at the same moment. On the clock of fractions of a
 * millisecond when the record has it: in whole milliseconds a request answered within the millisecond it came in
 * would end as it starts and never count as in flight.
 */
function maxInFlight(requests) {
	const events = [];
	for (const request of requests) {
		events.push([request.startedAt ?? request.at, 1]);
		events.push([request.endedAt ?? request.doneAt ?? Infinity, -1]);
	}
	events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
	let current = 0;
	let most = 0;
	for (const [, change] of events) {
		current += change;
		most = Math.max(most, current);
	}
	return most;
}

/** Messages accepted more than once: same endpoint, same body. */
function duplicatesOf(sent) {
	const copies = new Map();
	for (const message of sent) {
		const key = `${message.endpoint} ${JSON.stringify(message.body)}`;
		const entry = copies.get(key) ?? { mobile: message.mobile, endpoint: message.endpoint, copies: 0 };
		entry.copies += 1;
		copies.set(key, entry);
	}
	return [...copies.values()].filter((entry) => entry.copies > 1);
}

/**
 * @param {any} sandbox
 * @param {{path?: string, windowMs?: number}} [options] path: one API path (e.g. '/sendnotification'), else all
 */
function statsOf(sandbox, options = {}) {
	const windowMs = options.windowMs ?? WINDOW_MS;
	const requests = options.path ? sandbox.requestsTo(options.path) : sandbox.requests;
	const answered = {};
	let unanswered = 0;
	for (const request of requests) {
		if (request.status === undefined) unanswered += 1;
		else answered[request.status] = (answered[request.status] ?? 0) + 1;
	}
	const sent = sandbox.state.sent.filter((message) => !options.path || `/${message.endpoint}` === options.path);
	const duplicated = duplicatesOf(sent);
	return {
		path: options.path ?? '*',
		windowMs,
		/** requests that arrived */
		requests: requests.length,
		/** status → how many were answered with it */
		answered,
		/** answered 429 (rate limited) */
		rejected: answered[429] ?? 0,
		/** reset, abandoned or still waiting: no answer was sent */
		unanswered,
		/** the most requests that arrived within any windowMs */
		maxPerWindow: maxPerWindow(
			requests.map((request) => request.at),
			windowMs,
		),
		/** the most requests in flight (arrived, not yet answered) at once */
		maxInFlight: maxInFlight(requests),
		/** messages accepted (state.sent) */
		sent: sent.length,
		/** extra copies of messages accepted more than once */
		duplicates: duplicated.reduce((sum, entry) => sum + entry.copies - 1, 0),
		duplicated,
	};
}

module.exports = { statsOf, maxPerWindow, maxInFlight, duplicatesOf };
