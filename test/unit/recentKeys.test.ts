/** The trigger's one bounded memory (nodes/CunnektTrigger/memory.ts): what dedupe.ts and resume.ts remember. */
import { RecentKeys } from '../../nodes/CunnektTrigger/memory';

const MINUTE = 60_000;

describe('RecentKeys', () => {
	it('a key is new once, then seen until its lifetime ends, counted from the first sight; then new again', () => {
		const keys = new RecentKeys(10);
		expect(keys.seenBefore('a', 0, 10 * MINUTE)).toBe(false);
		expect(keys.seenBefore('a', 9 * MINUTE, 10 * MINUTE)).toBe(true);
		expect(keys.seenBefore('a', 10 * MINUTE - 1, 10 * MINUTE)).toBe(true);
		expect(keys.seenBefore('a', 10 * MINUTE, 10 * MINUTE)).toBe(false);
		expect(keys.seenBefore('a', 19 * MINUTE, 10 * MINUTE)).toBe(true);
		expect(keys.seenBefore('a', 20 * MINUTE, 10 * MINUTE)).toBe(false);
	});

	it('without a lifetime a key is remembered until it is forgotten; forgotten, it is new again', () => {
		const keys = new RecentKeys(10);
		expect(keys.seenBefore('tap')).toBe(false);
		expect(keys.seenBefore('tap')).toBe(true);
		expect(keys.seenBefore('tap', Number.MAX_SAFE_INTEGER)).toBe(true);
		keys.forget('tap');
		expect(keys.seenBefore('tap')).toBe(false);
		expect(keys.seenBefore('tap')).toBe(true);
		keys.forget('never-seen');
		expect(keys.seenBefore('never-seen')).toBe(false);
	});

	it('holds at most its capacity: the oldest key is forgotten first', () => {
		const keys = new RecentKeys(3);
		expect(['a', 'b', 'c', 'd'].map((key) => keys.seenBefore(key))).toEqual([false, false, false, false]);
		// a was pushed out by d; b, c and d are still remembered.
		expect(['b', 'c', 'd'].map((key) => keys.seenBefore(key))).toEqual([true, true, true]);
		expect(keys.seenBefore('a')).toBe(false);
		// a came back as the newest, pushing out b, the oldest.
		expect(['c', 'd', 'a', 'b'].map((key) => keys.seenBefore(key))).toEqual([true, true, true, false]);
	});

	it('a key that expired and comes back is remembered anew, as the newest: the capacity pushes out older ones first', () => {
		const keys = new RecentKeys(2);
		expect(keys.seenBefore('a', 0, MINUTE)).toBe(false);
		expect(keys.seenBefore('b', 0, 10 * MINUTE)).toBe(false);
		expect(keys.seenBefore('a', MINUTE, 10 * MINUTE)).toBe(false);
		expect(keys.seenBefore('c', MINUTE, 10 * MINUTE)).toBe(false);
		expect(['a', 'c', 'b'].map((key) => keys.seenBefore(key, 2 * MINUTE, 10 * MINUTE))).toEqual([true, true, false]);
	});
});
