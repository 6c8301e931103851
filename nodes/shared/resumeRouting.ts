import { createHash } from 'crypto';

/**
 * The routing a Send and Wait request carries in its reply ids (button ids, list row ids, template quick-reply
 * payloads), so that the Cunnekt Trigger can hand the tap to the waiting execution. Pure: no n8n, no HTTP.
 *
 * A reply id is `sw2:<execution id>:<node id>:<answer>:<nonce>:<recipient>:<signature>`:
 * - execution id and node id (as n8n puts it in its resume URL path, URI-encoded, so it never holds a colon);
 * - answer: `a1` (approve), `a0` (decline) or `c<n>` (the n-th choice, from 0);
 * - nonce: when this request was sent, so a tap on an earlier request of the same node (a loop) is another id;
 * - recipient: a fingerprint of the address the request was sent to (recipientFingerprint), so that only a tap
 *   from that phone number or BSUID is handed over;
 * - signature: the HMAC n8n put on the resume URL (`getSignedResumeUrl`), which n8n checks before resuming; its
 *   query holds the answer, the nonce and the recipient, so none of them can be changed.
 * The trigger rebuilds the resume URL from these parts on its own n8n's base URL: nothing from the payload but these
 * checked parts ever reaches a URL, and a changed part fails n8n's signature check.
 *
 * Requests sent before the recipient was bound carry `sw1:<execution id>:<node id>:<answer>:<nonce>:<signature>`
 * (no recipient in the id nor in the signed query): an execution may still wait for one, so they are still routed,
 * from whoever taps. An `sw2` id cannot be turned into one: the signature covers the recipient.
 */

export const ROUTING_PREFIX = 'sw2';

/** WhatsApp's limit on a reply button id; list row ids (200) and quick-reply payloads are checked by the sender. */
export const MAX_ROUTING_LENGTH = 256;

export type ResumeAnswer = { approved: boolean } | { choice: number };

export interface ResumeRoute {
	executionId: string;
	/** The node id as it appears in n8n's resume URL path (URI-encoded). */
	nodePath: string;
	answer: ResumeAnswer;
	nonce: string;
	/** The fingerprint of the address asked; null for a request sent before the recipient was bound (`sw1`). */
	recipient: string | null;
	signature: string;
}

const FINGERPRINT_LENGTH = 12;

const PARTS = "([A-Za-z0-9_-]{1,64}):([A-Za-z0-9_%][A-Za-z0-9_.!~*'()%-]{0,127}):(a0|a1|c\\d{1,2}):([a-z0-9]{1,16})";
const PATTERN = new RegExp(`^${ROUTING_PREFIX}:${PARTS}:([0-9a-f]{${FINGERPRINT_LENGTH}}):([0-9a-f]{64})$`);
const UNBOUND_PATTERN = new RegExp(`^sw1:${PARTS}:()([0-9a-f]{64})$`);

/** A phone number (digits, spaces, `+`, `-`, brackets) counts by its digits; a BSUID as it is written. */
function addressKey(address: string): string {
	const trimmed = address.trim();
	return /^[+\d\s().-]+$/.test(trimmed) ? trimmed.replace(/\D+/g, '') : trimmed;
}

/** The fingerprint of a recipient address (a phone number or a BSUID) that a reply id carries. */
export function recipientFingerprint(address: string): string {
	return createHash('sha256').update(addressKey(address)).digest('hex').slice(0, FINGERPRINT_LENGTH);
}

/**
 * The forms a phone number may take in a tap's `from` besides the one the request was sent to: WhatsApp's ids keep
 * Mexico's `521…` and Brazil's numbers without the mobile `9` after the area code, whichever form was dialled.
 */
function phoneForms(digits: string): string[] {
	if (/^521\d{10}$/.test(digits)) return [digits, `52${digits.slice(3)}`];
	if (/^52\d{10}$/.test(digits)) return [digits, `521${digits.slice(2)}`];
	if (/^55\d{2}9\d{8}$/.test(digits)) return [digits, `${digits.slice(0, 4)}${digits.slice(5)}`];
	if (/^55\d{10}$/.test(digits)) return [digits, `${digits.slice(0, 4)}9${digits.slice(4)}`];
	return [digits];
}

/**
 * Whether a tap comes from the person the request was sent to: one of the tapper's addresses (phone number, BSUID,
 * parent BSUID) has the fingerprint the route carries. A request sent before the recipient was bound: anyone.
 */
export function isFromRecipient(route: ResumeRoute, addresses: Array<string | null>): boolean {
	if (route.recipient === null) return true;
	return addresses
		.filter((address): address is string => address !== null && address.trim() !== '')
		.flatMap((address) => phoneForms(addressKey(address)))
		.some((address) => recipientFingerprint(address) === route.recipient);
}

/** The query n8n signs for an answer: the same parameters, in the same order, on both sides. */
export function answerQuery(answer: ResumeAnswer, nonce: string, recipient: string | null): Record<string, string> {
	const query: Record<string, string> =
		'approved' in answer ? { approved: String(answer.approved), nonce } : { choice: String(answer.choice), nonce };
	if (recipient !== null) query.recipient = recipient;
	return query;
}

function answerCode(answer: ResumeAnswer): string {
	return 'approved' in answer ? (answer.approved ? 'a1' : 'a0') : `c${answer.choice}`;
}

/** A reply id for one answer of a request to a recipient (its fingerprint), from the URL n8n signed for it. */
export function encodeRoute(signedResumeUrl: string, answer: ResumeAnswer, nonce: string, recipient: string): string {
	const url = new URL(signedResumeUrl);
	const segments = url.pathname.split('/');
	const nodePath = segments[segments.length - 1];
	const executionId = segments[segments.length - 2];
	const signature = url.searchParams.get('signature') ?? '';
	const id = `${ROUTING_PREFIX}:${executionId}:${nodePath}:${answerCode(answer)}:${nonce}:${recipient}:${signature}`;
	if (!PATTERN.test(id)) throw new Error(`n8n's resume URL has an unexpected shape: ${url.pathname}`);
	return id;
}

/** The route a reply id carries, or undefined when it is not one (any other button, or a malformed one). */
export function parseRoute(id: unknown): ResumeRoute | undefined {
	if (typeof id !== 'string' || id.length > MAX_ROUTING_LENGTH) return undefined;
	const match = PATTERN.exec(id) ?? UNBOUND_PATTERN.exec(id);
	if (!match) return undefined;
	const [, executionId, nodePath, code, nonce, recipient, signature] = match;
	const answer: ResumeAnswer = code.startsWith('a') ? { approved: code === 'a1' } : { choice: Number(code.slice(1)) };
	return { executionId, nodePath, answer, nonce, recipient: recipient === '' ? null : recipient, signature };
}

/** The resume URL of a route on n8n's waiting-webhook base (`http://host:5678/webhook-waiting`). */
export function resumeUrl(waitingBaseUrl: string, route: ResumeRoute): string {
	const query = new URLSearchParams({
		...answerQuery(route.answer, route.nonce, route.recipient),
		signature: route.signature,
	});
	return `${waitingBaseUrl.replace(/\/+$/, '')}/${route.executionId}/${route.nodePath}?${query.toString()}`;
}

/**
 * What the Cunnekt Trigger forwards to the resume URL with a tap (the body of its POST), and what the action node
 * reads back: who answered (their phone number, or their BSUID when WhatsApp gives no number), when, the tap's own
 * message id and the id of the request it answers.
 */
export interface ForwardedTap {
	respondedBy: string | null;
	respondedAt: string | null;
	messageId: string | null;
	requestMessageId: string | null;
}

/** What the action node's resume webhook answers once n8n resumed the execution. */
export const RESUMED_ANSWER = { resumed: true } as const;

/** Whether n8n's answer to a forwarded tap says the execution resumed (anything else: nothing resumed). */
export function isResumedAnswer(statusCode: number, body: unknown): boolean {
	return (
		statusCode === 200 &&
		typeof body === 'object' &&
		body !== null &&
		(body as { resumed?: unknown }).resumed === RESUMED_ANSWER.resumed
	);
}

function nullableText(value: unknown): string | null {
	return typeof value === 'string' && value !== '' ? value : null;
}

/** A forwarded tap as the resume webhook received it: every field text or null, whatever the body held. */
export function readForwardedTap(body: unknown): ForwardedTap {
	const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
	return {
		respondedBy: nullableText(fields.respondedBy),
		respondedAt: nullableText(fields.respondedAt),
		messageId: nullableText(fields.messageId),
		requestMessageId: nullableText(fields.requestMessageId),
	};
}
