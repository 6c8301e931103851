/**
 * How deeply a JSON body nests objects and arrays, counted on its bytes: no parsing and no recursion, so a body
 * nested thousands of levels deep costs one pass and never the stack. n8n stores every item it starts with, and
 * an execution nested that deep can no longer be opened (n8n 2.41 reports it as corrupted), so such a body is
 * refused before anything starts. WhatsApp's webhooks nest about a dozen levels at most (a batch, the envelope,
 * entry, change, value, message, its content: a shared contact card is the deepest), so the limit leaves room.
 */

export const MAX_NESTING_DEPTH = 32;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPENERS = new Set([0x7b, 0x5b]); // { [
const CLOSERS = new Set([0x7d, 0x5d]); // } ]

/** The deepest nesting of objects and arrays in a JSON text; counting stops once it passes `stopAbove`. */
export function nestingDepth(body: Buffer, stopAbove: number = Number.POSITIVE_INFINITY): number {
	let depth = 0;
	let deepest = 0;
	let inString = false;
	for (let index = 0; index < body.length; index++) {
		const byte = body[index];
		if (inString) {
			if (byte === BACKSLASH) index++;
			else if (byte === QUOTE) inString = false;
		} else if (byte === QUOTE) {
			inString = true;
		} else if (OPENERS.has(byte)) {
			depth++;
			if (depth > deepest) deepest = depth;
			if (deepest > stopAbove) return deepest;
		} else if (CLOSERS.has(byte)) {
			depth = Math.max(0, depth - 1);
		}
	}
	return deepest;
}

/** Why a body nesting this deep is refused, or undefined. */
export function depthProblem(body: Buffer, maxDepth: number = MAX_NESTING_DEPTH): string | undefined {
	if (nestingDepth(body, maxDepth) <= maxDepth) return undefined;
	return `The JSON nests deeper than ${maxDepth} levels; this trigger accepts at most ${maxDepth} (WhatsApp's webhooks nest about a dozen)`;
}
