import { sleep } from 'n8n-workflow';

/**
 * The pace of one node execution: at most R requests in any second, spaced evenly, slowed down when Cunnekt or
 * WhatsApp answers 429 and paused when they ask to wait (Retry-After). Used by the transport alone, one Pace per
 * execution (execution.ts).
 */

/** What the Sending Options set; every call without them (lists, the trigger's downloads) uses the defaults. */
export interface SendingSettings {
	maxRequestsPerSecond: number;
	maxConcurrentRequests: number;
	maxRetries: number;
	retryOnTimeout: boolean;
	requestTimeoutMs: number;
}

export const SENDING_DEFAULTS: Readonly<SendingSettings> = {
	// WhatsApp's default throughput per business number.
	maxRequestsPerSecond: 80,
	// Little's law: 80 requests/s × 0.3 s latency = 24 in flight; a third more absorbs slow answers and the new
	// connection every request opens.
	maxConcurrentRequests: 32,
	maxRetries: 5,
	// A repeated send is a duplicate message on a customer's phone: retrying an unknown outcome is opt-in.
	retryOnTimeout: false,
	requestTimeoutMs: 30_000,
};

/**
 * The window the cap is kept in: one second plus a margin for what the bookkeeping cannot see (the moment between
 * a start and the request's first byte on the wire, and clocks that count whole milliseconds).
 */
export const WINDOW_MS = 1008;
/** Never slower than this many requests per second, however many 429s come. */
const MIN_RATE = 0.5;
/** After a slow-down, the sending time (answered requests ÷ rate) to climb back to just below the refused rate. */
const RECOVERY_MS = 2000;
/** How close below a refused rate the pace returns to. */
const BELOW_CEILING = 0.95;
/** Refused again near the same rate, the cap is real: hold just below it this long before probing again. */
const HOLD_MS = 10_000;
/** Then the pace probes for more: ceiling × PROBE × (seconds since)², gentle first, faster the longer it holds. */
const PROBE = 0.05;

export interface Clock {
	now(): number;
	sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

const systemClock: Clock = {
	now: () => Date.now(),
	sleep: async (ms, signal) => await sleep(ms, signal),
};

/** One request's times, for the window: its start, and when its answer (or failure) came. */
interface Exchange {
	start: number;
	end?: number;
	/** It got a final answer: it passed the cap. */
	answered?: boolean;
	/** The run's first request, which went alone (slow start). */
	first: boolean;
}

/** Handed out with every start; give it back to finished(). */
export interface PaceTicket {
	/** A 429 slows the pace only once for all requests started at the same pace. */
	epoch: number;
	exchange: Exchange;
}

interface SlowDown {
	/** The rate refused, an estimate of the real cap. */
	ceiling: number;
	/** The rate right after the slow-down. */
	from: number;
	/** Since the slow-down, the time spent sending with answers: each answered request adds 1 ÷ the rate. */
	sendingMs: number;
	/** Refused near a rate refused before: a real cap, not a passing refusal. */
	confirmed: boolean;
}

export class Pace {
	private nextSlot = 0;

	private pausedUntil = 0;

	private epoch = 0;

	private slowDown: SlowDown | undefined;

	/** Requests in flight, and those answered within the last window, oldest first. */
	private exchanges: Exchange[] = [];

	/** The fastest round trip seen, but the first's (which includes n8n's warm-up). */
	private fastestRoundTrip: number | undefined;

	/**
	 * Slow start: the first request of a run goes alone until it is answered. n8n's HTTP helper initialises itself
	 * on first use; requests started meanwhile would wait for it and then leave together, above the cap.
	 */
	private warmedUp = false;

	private firstAnswered: Promise<void> | undefined;

	private releaseOthers: (() => void) | undefined;

	constructor(
		readonly configuredRate: number,
		private readonly clock: Clock = systemClock,
	) {}

	/**
	 * The rate in force: the configured one, or the way back to it after a slow-down. The way back is measured in
	 * answers, not in time, so that a pause or a slow stretch does not count as evidence that more would pass.
	 */
	get rate(): number {
		const slow = this.slowDown;
		if (!slow) return this.configuredRate;
		const elapsed = slow.sendingMs;
		const target = Math.max(slow.from, Math.min(this.configuredRate, BELOW_CEILING * slow.ceiling));
		if (elapsed < RECOVERY_MS) return slow.from + ((target - slow.from) * elapsed) / RECOVERY_MS;
		const probing = Math.max(0, elapsed - RECOVERY_MS - (slow.confirmed ? HOLD_MS : 0)) / 1000;
		return Math.min(this.configuredRate, target + slow.ceiling * PROBE * probing * probing);
	}

	/**
	 * The latest moment a request can have reached Cunnekt: no later than its answer, and, as the answer took at
	 * least the fastest round trip after it, no later than that much before it (a request held up on its way, by a
	 * stall of the process, counts where it arrived, not where it started). In flight: any moment yet.
	 */
	private arrivedBy(exchange: Exchange): number {
		if (exchange.end === undefined) return Infinity;
		if (exchange.first || this.fastestRoundTrip === undefined) return exchange.end;
		return Math.max(exchange.start, exchange.end - this.fastestRoundTrip);
	}

	/**
	 * When the window has room for one more start at this rate: fewer than ⌊rate⌋ requests may have reached Cunnekt
	 * within the last window. While requests in flight fill it, look again one interval later.
	 */
	private windowOpensAt(rate: number, now: number): number {
		const room = Math.max(1, Math.floor(rate));
		// Fewer than `room` kept at all leaves room: the list is pruned only when it could be full (at a high cap,
		// pruning it on every start cost more than the rest of the pacing).
		if (this.exchanges.length < room) return 0;
		this.exchanges = this.exchanges.filter((exchange) => this.arrivedBy(exchange) > now - WINDOW_MS);
		if (this.exchanges.length < room) return 0;
		const arrivals = this.exchanges.map((exchange) => this.arrivedBy(exchange)).sort((a, b) => b - a);
		const blocking = arrivals[room - 1];
		return blocking === Infinity ? now + WINDOW_MS / rate : blocking + WINDOW_MS;
	}

	/**
	 * When the next start may be, besides its reserved slot: after a pause, when the window has room, and at least
	 * half an interval after the last start, so that slots overdue after a stall drain at twice the rate at most
	 * instead of all at once.
	 */
	private earliestStart(rate: number, now: number): number {
		const lastStart = this.exchanges[this.exchanges.length - 1]?.start;
		const gap = lastStart === undefined ? 0 : lastStart + WINDOW_MS / rate / 2;
		return Math.max(this.pausedUntil, this.windowOpensAt(rate, now), gap);
	}

	/** Waits for this request's turn; call right before sending, and finished() once it has an answer or failed. */
	async acquire(signal?: AbortSignal): Promise<PaceTicket> {
		while (!this.warmedUp && this.firstAnswered) await this.firstAnswered;
		// Reserve a slot on the grid of evenly spaced starts (first come, first served; a pause moves the grid). If
		// the window or the gap holds this start back, it waits without moving the grid for the others.
		const now = this.clock.now();
		const slot = Math.max(now, this.nextSlot, this.pausedUntil);
		this.nextSlot = slot + WINDOW_MS / this.rate;
		let turn = slot;
		for (;;) {
			const before = this.clock.now();
			if (turn > before) await this.clock.sleep(Math.ceil(turn - before), signal);
			while (!this.warmedUp && this.firstAnswered) await this.firstAnswered;
			const woke = this.clock.now();
			turn = this.earliestStart(this.rate, woke);
			if (woke >= turn) break;
		}
		const exchange: Exchange = { start: this.clock.now(), first: !this.warmedUp };
		this.exchanges.push(exchange);
		if (!this.warmedUp) this.firstAnswered = new Promise((resolve) => (this.releaseOthers = resolve));
		return { epoch: this.epoch, exchange };
	}

	/**
	 * The request of this ticket has its answer, or failed; `answered`: a final answer (not a refusal, not a
	 * failure to connect), which moves the way back after a slow-down. After the first request, the others may go.
	 */
	finished(ticket: PaceTicket, answered: boolean): void {
		const { exchange } = ticket;
		exchange.end = this.clock.now();
		exchange.answered = answered;
		if (answered && this.slowDown) this.slowDown.sendingMs += WINDOW_MS / this.rate;
		if (!exchange.first) {
			const roundTrip = exchange.end - exchange.start;
			this.fastestRoundTrip = Math.min(this.fastestRoundTrip ?? roundTrip, roundTrip);
		}
		if (this.warmedUp) return;
		this.warmedUp = true;
		this.releaseOthers?.();
	}

	/**
	 * A 429 for a request that started with this ticket. The cap is at most what passed within the last window (or
	 * the rate, if less): halve from there, or, refused again near the same cap, go a tenth below it. Either
	 * way, climb back to just below the cap within two seconds of sending, then probe for more (after holding, when
	 * the cap is confirmed). Requests started before the last slow-down do not slow it again.
	 */
	rateLimited(ticket: PaceTicket): void {
		if (ticket.epoch !== this.epoch) return;
		this.epoch += 1;
		const now = this.clock.now();
		const passed = this.exchanges.filter(
			(exchange) => exchange.answered && this.arrivedBy(exchange) > now - WINDOW_MS,
		).length;
		const current = this.rate;
		const ceiling = passed > 0 ? Math.min(current, passed) : current;
		const confirmed = this.slowDown !== undefined && ceiling >= 0.85 * this.slowDown.ceiling;
		const from = Math.max(MIN_RATE, (confirmed ? 0.9 : 0.5) * ceiling);
		this.slowDown = { ceiling, from, sendingMs: 0, confirmed };
	}

	/** Cunnekt asked every request to wait (Retry-After, or the backoff of a refused request). */
	pause(ms: number): void {
		this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + ms);
	}
}
