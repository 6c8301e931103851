import { createHash, createHmac, timingSafeEqual } from 'crypto';

/**
 * Who may start the workflow: a shared secret (a header or query parameter the user names) and WhatsApp's
 * `X-Hub-Signature-256` (HMAC-SHA256 of the raw body with the app secret). Every comparison takes the same time
 * whatever the input, so a caller learns nothing from how fast a wrong guess is refused.
 */

export type AuthenticationMode = 'none' | 'sharedSecret' | 'signature' | 'sharedSecretAndSignature';

export interface AuthenticationChecks {
	/** The shared secret, in the header or query parameter the user names. */
	secret: boolean;
	/** WhatsApp's X-Hub-Signature-256. */
	signature: boolean;
}

/**
 * Which checks each Authentication makes: the checks below, the panel's fields for each check and which
 * Authentications show the Cunnekt Webhook API credential (description.ts) all follow this table.
 */
export const AUTHENTICATION_CHECKS: Readonly<Record<AuthenticationMode, Readonly<AuthenticationChecks>>> = {
	none: { secret: false, signature: false },
	sharedSecret: { secret: true, signature: false },
	signature: { secret: false, signature: true },
	sharedSecretAndSignature: { secret: true, signature: true },
};

/** Every Authentication, in the table's order. */
export const AUTHENTICATION_MODES = Object.keys(AUTHENTICATION_CHECKS) as AuthenticationMode[];

/** The checks of a mode; a value that is none of the modes (a hand-edited workflow) checks nothing, as None. */
export function checksOf(mode: string): Readonly<AuthenticationChecks> {
	const known = AUTHENTICATION_MODES.find((entry) => entry === mode);
	return AUTHENTICATION_CHECKS[known ?? 'none'];
}

/** The Authentications that make a check, in the table's order (the panel shows that check's fields for these). */
export function modesChecking(check: keyof AuthenticationChecks): AuthenticationMode[] {
	return AUTHENTICATION_MODES.filter((mode) => AUTHENTICATION_CHECKS[mode][check]);
}

/** Whether a mode reads the Cunnekt Webhook API credential: every one that checks something (None reads nothing). */
export function readsCredential(mode: string): boolean {
	const checks = checksOf(mode);
	return checks.secret || checks.signature;
}

export interface AuthenticationSettings {
	mode: AuthenticationMode;
	secretIn: 'header' | 'query';
	secretName: string;
	secret: string;
	appSecret: string;
}

export interface IncomingRequest {
	headers: Record<string, string | string[] | undefined>;
	query: Record<string, unknown>;
	rawBody: Buffer;
}

export const SIGNATURE_HEADER = 'x-hub-signature-256';

/** Where a missing secret goes: the credential (nodes saved before it existed may still hold theirs in old fields). */
const IN_CREDENTIAL = 'its Cunnekt Webhook API credential';

/** Equal strings, compared in constant time (both are hashed first, so their lengths do not show either). */
export function safeEqual(received: string, expected: string): boolean {
	const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
	return timingSafeEqual(digest(received), digest(expected));
}

function single(value: unknown): string | undefined {
	if (Array.isArray(value)) return single(value[0]);
	return typeof value === 'string' ? value : undefined;
}

function sharedSecretProblem(settings: AuthenticationSettings, request: IncomingRequest): string | undefined {
	const name = settings.secretName.trim();
	const where = settings.secretIn === 'header' ? `header ${name}` : `query parameter ${name}`;
	if (settings.secret === '') return `Unauthorized: no Shared Secret is set in this Cunnekt Trigger (${IN_CREDENTIAL} → Shared Secret)`;
	const received =
		settings.secretIn === 'header'
			? single(request.headers[name.toLowerCase()])
			: single(request.query[name]);
	if (received === undefined || received === '') return `Unauthorized: the shared secret (${where}) is missing`;
	return safeEqual(received, settings.secret) ? undefined : `Unauthorized: the shared secret (${where}) is wrong`;
}

function signatureProblem(settings: AuthenticationSettings, request: IncomingRequest): string | undefined {
	// An empty key would let anyone sign: refuse rather than check against it.
	if (settings.appSecret === '') return `Unauthorized: no App Secret is set in this Cunnekt Trigger (${IN_CREDENTIAL} → App Secret)`;
	const received = single(request.headers[SIGNATURE_HEADER]);
	if (received === undefined || received === '') return 'Unauthorized: the X-Hub-Signature-256 header is missing';
	const expected = `sha256=${createHmac('sha256', settings.appSecret).update(request.rawBody).digest('hex')}`;
	return safeEqual(received.trim().toLowerCase(), expected)
		? undefined
		: 'Unauthorized: X-Hub-Signature-256 does not match the body (check the App Secret)';
}

/** Why the request may not start the workflow (the short reason the 401 carries), or undefined when it may. */
export function authenticationProblem(
	settings: AuthenticationSettings,
	request: IncomingRequest,
): string | undefined {
	const checks = checksOf(settings.mode);
	return (
		(checks.secret ? sharedSecretProblem(settings, request) : undefined) ??
		(checks.signature ? signatureProblem(settings, request) : undefined)
	);
}

/**
 * WhatsApp's GET handshake: the challenge to echo, or 403 and the reason. Every failed verification is a 403, as
 * WhatsApp expects (a GET that is not the handshake at all included).
 */
export function verificationAnswer(
	query: Record<string, unknown>,
	verifyToken: string,
): { status: 200 | 403; body: string } {
	const mode = single(query['hub.mode']);
	const token = single(query['hub.verify_token']);
	const challenge = single(query['hub.challenge']);
	if (mode !== 'subscribe' || token === undefined || challenge === undefined) {
		return {
			status: 403,
			body: 'Expected WhatsApp\'s verification request (hub.mode=subscribe, hub.verify_token, hub.challenge)',
		};
	}
	if (verifyToken === '') {
		return {
			status: 403,
			body: 'No Verify Token is set in this Cunnekt Trigger (Authentication → WhatsApp Signature, then its Cunnekt Webhook API credential → Verify Token)',
		};
	}
	if (!safeEqual(token, verifyToken)) return { status: 403, body: 'hub.verify_token does not match' };
	return { status: 200, body: challenge };
}
