import type { ICredentialDataDecryptedObject, INodeCredentialTestResult } from 'n8n-workflow';

/**
 * The Cunnekt Webhook API credential's test. Cunnekt has no endpoint that could confirm these secrets (it calls
 * n8n, never the other way round), so the test checks only what it can on its own: that something is set, and that
 * each value has a form that survives the trip (a pasted space, a secret too short to protect anything, a
 * character a URL changes, an App Secret that is not shaped like Meta's). Its message says exactly that.
 */

export const WEBHOOK_CREDENTIAL_NAME = 'cunnektWebhookApi';

const MIN_SHARED_SECRET_LENGTH = 16;
/** Characters a URL carries unchanged in a query parameter (RFC 3986 "unreserved"). */
const URL_SAFE = /^[A-Za-z0-9\-._~]+$/;
/** Meta's app secrets are 32 hexadecimal characters (Meta App Dashboard → App Settings → Basic). */
const META_APP_SECRET = /^[0-9a-fA-F]{32}$/;

const NOT_CHECKED = 'Whether they match is known only when Cunnekt or WhatsApp calls the webhook: n8n cannot ask Cunnekt.';

interface Field {
	label: string;
	value: string;
}

function textOf(value: unknown): string {
	return typeof value === 'string' ? value : '';
}

function spaceProblem({ label, value }: Field): string | undefined {
	return value.trim() === value ? undefined : `${label} starts or ends with a space or line break: remove it`;
}

function sharedSecretProblem({ label, value }: Field): string | undefined {
	if (value.length < MIN_SHARED_SECRET_LENGTH) {
		return `${label} is ${value.length} characters: use at least ${MIN_SHARED_SECRET_LENGTH} random ones`;
	}
	if (!URL_SAFE.test(value)) {
		return `${label} has characters a URL changes (only letters, digits and - _ . ~ arrive unchanged in the webhook URL's query parameter; in a header any will do)`;
	}
	return undefined;
}

function appSecretProblem({ label, value }: Field): string | undefined {
	return META_APP_SECRET.test(value)
		? undefined
		: `${label} is not 32 hexadecimal characters, the form of a Meta app secret (Meta App Dashboard → App Settings → Basic → App Secret)`;
}

/** What n8n's credential dialog shows for these values. */
export function checkWebhookCredential(data: ICredentialDataDecryptedObject): INodeCredentialTestResult {
	const sharedSecret: Field = { label: 'Shared Secret', value: textOf(data.sharedSecret) };
	const appSecret: Field = { label: 'App Secret', value: textOf(data.appSecret) };
	const verifyToken: Field = { label: 'Verify Token', value: textOf(data.verifyToken) };
	const set = [sharedSecret, appSecret, verifyToken].filter((field) => field.value !== '');
	if (set.length === 0) {
		return { status: 'Error', message: 'Nothing set: fill in the Shared Secret, the App Secret or the Verify Token' };
	}
	const problems = set
		.map(
			(field) =>
				spaceProblem(field) ??
				(field === sharedSecret ? sharedSecretProblem(field) : undefined) ??
				(field === appSecret ? appSecretProblem(field) : undefined),
		)
		.filter((problem): problem is string => problem !== undefined);
	if (problems.length > 0) return { status: 'Error', message: `${problems.join('. ')}.` };
	return {
		status: 'OK',
		message: `Well-formed: ${set.map((field) => field.label).join(', ')}. ${NOT_CHECKED}`,
	};
}
