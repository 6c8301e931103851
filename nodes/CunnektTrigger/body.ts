/**
 * The request body as bytes and as JSON, with the reasons a sender reads in a 400: too large, empty, not JSON.
 * n8n keeps the bytes it received as `rawBody`; the signature is computed over exactly those.
 */

export type JsonBody = { ok: true; payload: unknown } | { ok: false; reason: string };

/** The bytes received: n8n's rawBody when there is one, else the body n8n parsed (re-serialised). */
export function rawBodyOf(rawBody: unknown, parsedBody: unknown): Buffer {
	if (Buffer.isBuffer(rawBody)) return rawBody;
	if (typeof rawBody === 'string') return Buffer.from(rawBody, 'utf8');
	if (typeof parsedBody === 'string') return Buffer.from(parsedBody, 'utf8');
	if (typeof parsedBody === 'object' && parsedBody !== null && Object.keys(parsedBody).length > 0) {
		return Buffer.from(JSON.stringify(parsedBody), 'utf8');
	}
	return Buffer.alloc(0);
}

function kilobytes(bytes: number): string {
	return `${Math.ceil(bytes / 1024)} KB`;
}

/** Why a body of this size is refused (Options → Max Body Size), or undefined. */
export function sizeProblem(body: Buffer, maxKilobytes: number): string | undefined {
	const max = Math.max(0, Math.floor(maxKilobytes * 1024));
	if (body.length <= max) return undefined;
	return `The body is ${kilobytes(body.length)}; this trigger accepts at most ${kilobytes(max)} (Options → Max Body Size)`;
}

export function parseJsonBody(body: Buffer): JsonBody {
	const text = body.toString('utf8').replace(/^\uFEFF/, '');
	if (text.trim() === '') return { ok: false, reason: 'The body is empty: expected a WhatsApp webhook in JSON' };
	try {
		return { ok: true, payload: JSON.parse(text) as unknown };
	} catch {
		return { ok: false, reason: 'The body is not valid JSON: expected a WhatsApp webhook in JSON' };
	}
}
