/**
 * What this process remembers between webhook calls (deduplication, Send and Wait taps handed over): keys, each until
 * it expires, at most `capacity` of them, the oldest forgotten first. In memory on purpose (dedupe.ts says why).
 */
export class RecentKeys {
	/** Keys in first-remembered order with the time each one expires: the oldest is always first, so expiry is cheap. */
	private readonly expiries = new Map<string, number>();

	constructor(private readonly capacity: number) {}

	/**
	 * True when the key is remembered and not expired at `now`; otherwise remembers it until `now + lifetimeMs` (by
	 * default until it is pushed out or forgotten) and answers false.
	 */
	seenBefore(key: string, now: number = Date.now(), lifetimeMs: number = Number.POSITIVE_INFINITY): boolean {
		this.forgetExpired(now);
		const expiresAt = this.expiries.get(key);
		if (expiresAt !== undefined && expiresAt > now) return true;
		this.expiries.delete(key);
		this.expiries.set(key, now + lifetimeMs);
		for (const oldest of this.expiries.keys()) {
			if (this.expiries.size <= this.capacity) break;
			this.expiries.delete(oldest);
		}
		return false;
	}

	/** Forgets the key, so that it counts as new next time. */
	forget(key: string): void {
		this.expiries.delete(key);
	}

	private forgetExpired(now: number): void {
		for (const [key, expiresAt] of this.expiries) {
			if (expiresAt > now) break;
			this.expiries.delete(key);
		}
	}
}
