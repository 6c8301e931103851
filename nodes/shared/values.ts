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
