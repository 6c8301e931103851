/** The pace on a simulated clock: what it lets start when, and how it slows down and climbs back. */
import { Pace, WINDOW_MS } from '../../nodes/shared/pacing';
import type { Clock, PaceTicket } from '../../nodes/shared/pacing';

const { maxPerWindow } = require('../../sandbox/stats') as { maxPerWindow(times: number[], windowMs: number): number };

/** A clock that only moves when someone sleeps on it. */
function simulatedClock(start = 1_000_000): Clock & { time: number } {
	const clock = {
		time: start,
		now: () => clock.time,
		sleep: async (ms: number) => {
			clock.time += ms;
		},
	};
	return clock;
}

/** n requests one after another, each answered after `roundTrip` ms; returns their start times. */
async function sendInTurn(pace: Pace, clock: ReturnType<typeof simulatedClock>, count: number, roundTrip = 0) {
	const starts: number[] = [];
	for (let index = 0; index < count; index++) {
		const ticket = await pace.acquire();
		starts.push(clock.now());
		clock.time += roundTrip;
		pace.finished(ticket, true);
	}
	return starts;
}

/** One request refused with a 429, reported as the transport reports it. */
async function refuse(pace: Pace) {
	const ticket = await pace.acquire();
	pace.finished(ticket, false);
	pace.rateLimited(ticket);
}

describe('Pace', () => {
	it('spaces starts evenly and never lets more than the rate into a one-second window', async () => {
		const clock = simulatedClock();
		const pace = new Pace(80, clock);
		const starts = await sendInTurn(pace, clock, 400);
		expect(maxPerWindow(starts, 1000)).toBe(80);
		const gaps = starts.slice(1).map((start, index) => start - starts[index]);
		expect(Math.min(...gaps)).toBeGreaterThanOrEqual(Math.floor(WINDOW_MS / 80));
		expect(Math.max(...gaps)).toBeLessThanOrEqual(Math.ceil(WINDOW_MS / 80));
	});

	it('counts a request where it can have arrived: held up on its way, it holds the next ones back', async () => {
		const clock = simulatedClock();
		const pace = new Pace(5, clock);
		await sendInTurn(pace, clock, 2, 10);
		// The third request starts on time but is answered 400 ms later (held up in the process before leaving).
		const late = await pace.acquire();
		const lateStart = clock.now();
		clock.time += 400;
		pace.finished(late, true);
		const starts = await sendInTurn(pace, clock, 5, 10);
		// It counts as arrived at its answer less the fastest round trip (10 ms): with it and the next four in the
		// window, the fifth after it waits a full window from there (counted from its start, it would go ~390 ms
		// earlier).
		const arrived = lateStart + 400 - 10;
		expect(starts[4]).toBeGreaterThanOrEqual(arrived + WINDOW_MS - 1);
		expect(starts[3]).toBeLessThan(arrived + WINDOW_MS - 1);
	});

	it('sends the first request of a run alone until it is answered (slow start)', async () => {
		const clock = simulatedClock();
		const pace = new Pace(80, clock);
		const first = await pace.acquire();
		const second = { ticket: undefined as PaceTicket | undefined };
		const waiting = pace.acquire().then((ticket) => (second.ticket = ticket));
		await Promise.resolve();
		await Promise.resolve();
		expect(second.ticket).toBeUndefined();
		pace.finished(first, true);
		await waiting;
		expect(second.ticket).toBeDefined();
	});

	it('waits out a pause', async () => {
		const clock = simulatedClock();
		const pace = new Pace(80, clock);
		await sendInTurn(pace, clock, 1);
		const pausedAt = clock.now();
		pace.pause(700);
		await sendInTurn(pace, clock, 1);
		expect(clock.now()).toBeGreaterThanOrEqual(pausedAt + 700);
	});

	it('after a 429, sets the cap to what passed in the last window, halves from there, and climbs back with answers', async () => {
		const clock = simulatedClock();
		const pace = new Pace(80, clock);
		await sendInTurn(pace, clock, 20, 5);
		await refuse(pace);
		expect(pace.rate).toBe(10);
		// The climb is measured in answers, not time: waiting changes nothing.
		clock.time += 60_000;
		expect(pace.rate).toBe(10);
		// Two seconds of answered sending bring it to just below the cap (0.95 × 20).
		await sendInTurn(pace, clock, 40, 5);
		expect(pace.rate).toBeCloseTo(19, 0);
	});

	it('slows down once for all the requests started before the slow-down', async () => {
		const clock = simulatedClock();
		const pace = new Pace(80, clock);
		await sendInTurn(pace, clock, 20, 5);
		const inFlight = [await pace.acquire(), await pace.acquire(), await pace.acquire()];
		for (const ticket of inFlight) {
			pace.finished(ticket, false);
			pace.rateLimited(ticket);
		}
		expect(pace.rate).toBe(10);
		// A request started after the slow-down and refused too slows it again.
		await refuse(pace);
		expect(pace.rate).toBeLessThan(10);
	});

	it('refused again near the same cap, goes a tenth below it and holds there before probing', async () => {
		const clock = simulatedClock();
		const pace = new Pace(80, clock);
		await sendInTurn(pace, clock, 20, 5);
		await refuse(pace);
		// Climb back and past (probing), until refused again with about 20 passing per second.
		let rate = pace.rate;
		while (rate < 20.5) {
			await sendInTurn(pace, clock, 1, 5);
			rate = pace.rate;
		}
		await refuse(pace);
		const lowered = pace.rate;
		expect(lowered).toBeLessThan(20);
		expect(lowered).toBeGreaterThanOrEqual(0.9 * 18);
		// Confirmed: after the climb to 0.95 × the cap it holds for ten seconds of sending.
		await sendInTurn(pace, clock, 150, 5);
		const held = pace.rate;
		expect(held).toBeLessThanOrEqual(0.95 * 20 + 0.01);
		expect(held).toBeGreaterThan(0.9 * 18);
	});

	it('never goes above the configured rate while probing', async () => {
		const clock = simulatedClock();
		const pace = new Pace(10, clock);
		await sendInTurn(pace, clock, 3, 5);
		await refuse(pace);
		expect(pace.rate).toBe(1.5);
		await sendInTurn(pace, clock, 300, 5);
		expect(pace.rate).toBe(10);
	});
});
