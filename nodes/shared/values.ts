/** Small helpers both nodes use to read JSON of unknown shape and to word their messages. */

export type Json = Record<string, unknown>;

/** A JSON object: not null, not an array. */
export function isObject(value: unknown): value is Json {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The objects of a list; anything else (not a list, entries that are not objects) is left out. */
export function asObjects(value: unknown): Json[] {
	return Array.isArray(value) ? value.filter(isObject) : [];
}

/** "1 character", "2 characters". */
export function plural(count: number, word: string): string {
	return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export function capitalise(word: string): string {
	return word.charAt(0).toUpperCase() + word.slice(1);
}

/** A list answer as an array, whether Cunnekt sends a bare array or wraps it (`{data}`, `{templates}`, …). */
export function unwrapList(response: unknown, keys: string[] = ['data', 'items', 'results']): Json[] {
	if (Array.isArray(response)) return response as Json[];
	if (typeof response === 'object' && response !== null) {
		const body = response as Json;
		for (const key of keys) {
			const value = body[key];
			if (Array.isArray(value)) return value as Json[];
			if (typeof value === 'object' && value !== null) {
				const nested = unwrapList(value, keys);
				if (nested.length > 0) return nested;
			}
		}
	}
	return [];
}
