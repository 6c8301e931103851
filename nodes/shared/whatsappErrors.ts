/**
 * Every WhatsApp Cloud API error code Meta documents, and the HTTP statuses Cunnekt answers with, each with what it
 * means in plain words, what to do, and its disposition: what a workflow (and the node's retries, retries.ts) should
 * do next. Pure data and lookups; errors.ts uses it for a failed send, the trigger (CunnektTrigger/parse/fields.ts)
 * for a failed status. docs/errors.md shows this table; test/unit/whatsappErrors.test.ts keeps the two the same.
 */

/**
 * - retryLater: the same message can succeed later; `retryAfterSeconds` is the earliest a new try makes sense.
 * - neverRetry: sending it again fails the same way (or must not happen: the customer opted out); a person has to act.
 * - fixInput: something the request carries is wrong; `fix` says what.
 * - sendTemplate: the customer's 24-hour window is closed: only a template reaches them.
 * - unknown: the node cannot say (a code not in this table, or a request that may have gone through).
 */
export type Disposition = 'retryLater' | 'neverRetry' | 'fixInput' | 'sendTemplate' | 'unknown';

export const DISPOSITIONS: readonly Disposition[] = ['retryLater', 'neverRetry', 'fixInput', 'sendTemplate', 'unknown'];

interface Described {
	/** A short name for the code (this package's words; WhatsApp's own title comes with the error when it has one). */
	readonly title: string;
	/** What it means and what to do. */
	readonly explanation: string;
}

export type ErrorRule = Described &
	(
		| {
				readonly disposition: 'retryLater';
				/** The earliest a new try makes sense; absent when WhatsApp does not say. */
				readonly retryAfterSeconds?: number;
				/** A rate limit the node retries at once: at a slower pace for the whole run, or for this recipient. */
				readonly rateLimit?: 'throughput' | 'pair';
		  }
		| { readonly disposition: 'fixInput'; readonly fix: string }
		| { readonly disposition: 'neverRetry' | 'sendTemplate' | 'unknown' }
	);

const MINUTE = 60;
const HOUR = 3600;
const DAY = 24 * HOUR;

const later = (
	retryAfterSeconds: number | undefined,
	title: string,
	explanation: string,
	rateLimit?: 'throughput' | 'pair',
): ErrorRule => ({
	disposition: 'retryLater',
	title,
	explanation,
	...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
	...(rateLimit ? { rateLimit } : {}),
});
const never = (title: string, explanation: string): ErrorRule => ({ disposition: 'neverRetry', title, explanation });
const fix = (what: string, title: string, explanation: string): ErrorRule => ({ disposition: 'fixInput', fix: what, title, explanation });

const ASK_CUNNEKT = "Ask Cunnekt's support to check the permissions of your WhatsApp Business Account.";

/** WhatsApp's code for a free-form message to a customer who has not written in the last 24 hours. */
export const WINDOW_CLOSED_CODE = '131047';

/** By WhatsApp code (codes 200 to 299 share the entry of 200). */
export const WHATSAPP_ERRORS: Readonly<Record<string, ErrorRule>> = {
	// Authorisation: the token and permissions Cunnekt holds for your number, not your Cunnekt API key.
	'0': never('Authentication failed', "WhatsApp could not authenticate the connection Cunnekt uses for your number: its access token is invalid or was withdrawn. Reconnect WhatsApp in your Cunnekt dashboard, or ask Cunnekt's support."),
	'3': never('Capability or permission missing', `The WhatsApp app behind Cunnekt lacks a capability or permission this request needs. ${ASK_CUNNEKT}`),
	'10': never('Permission denied', `WhatsApp refused the request: a permission was never granted or has been removed. ${ASK_CUNNEKT}`),
	'190': never('Access token expired', "The access token Cunnekt uses for your WhatsApp number has expired. Reconnect WhatsApp in your Cunnekt dashboard (or ask Cunnekt's support), then send again."),
	'200': never('Permission missing', `WhatsApp refused the request for a missing or withdrawn permission (codes 200 to 299). ${ASK_CUNNEKT}`),
	// Throttling.
	'4': later(HOUR, 'Too many API calls', 'The app behind Cunnekt made more API calls than WhatsApp allows in an hour. Wait, then send again; sending less often avoids it.'),
	'80007': later(HOUR, 'Account rate limit', 'Your WhatsApp Business Account made more API calls than WhatsApp allows in an hour. Wait, then send again; spread the sends out over time.'),
	'130429': later(MINUTE, 'Throughput limit', 'Rate limited by WhatsApp (throughput limit). Slow down; the node retries as set in its Sending Options.', 'throughput'),
	'131048': later(DAY, 'Spam rate limit', "WhatsApp limits how many messages this number may send, because many earlier ones were blocked or reported as spam. Check the number's quality rating in WhatsApp Manager, send fewer and more relevant messages, and try again later."),
	'131056': later(MINUTE, 'Pair rate limit', 'Too many messages to this recipient in a short time (pair rate limit). Slow down for this number.', 'pair'),
	'133016': later(HOUR, 'Too many registration attempts', 'The business number was registered or deregistered too often in a short time. Wait before trying again.'),
	// Integrity.
	'368': never('Blocked for a policy violation', 'Your WhatsApp Business Account is restricted or disabled for breaking a WhatsApp policy. Nothing goes out until the restriction ends or is lifted: read the notice in WhatsApp Manager.'),
	'130497': never('Country not allowed', "Your WhatsApp Business Account may not message people in the recipient's country (what is allowed depends on your business's category). Do not send it again."),
	'131031': never('Account locked', "Your WhatsApp Business Account is locked (a policy problem, or data that could not be verified, such as the two-step PIN). Nothing can be sent until it is unlocked: check WhatsApp Manager, or ask Cunnekt's support."),
	// Sending.
	'1': later(MINUTE, 'Unknown API error', "WhatsApp could not handle the request: it may be malformed, or WhatsApp had an outage. Try again in a minute; if it keeps failing, check the request's values."),
	'2': later(MINUTE, 'Service unavailable', 'WhatsApp is briefly down or overloaded. Try again in a minute.'),
	'33': never('Business number deleted', 'The business phone number this request names has been deleted. Check the number your Cunnekt account sends from.'),
	'100': fix('the parameter the details name', 'Invalid parameter', "The request carries a parameter WhatsApp does not support, or one that is misspelled; WhatsApp's details name it. Correct it and send again."),
	'130472': never('Held back by an experiment', 'The customer is part of a WhatsApp experiment that holds back some marketing messages, so this one was not delivered. Do not send it again; utility and service messages still reach them.'),
	'131000': later(MINUTE, 'Something went wrong', "WhatsApp could not send the message, for a reason it does not give. Try again in a minute; if it keeps failing, ask Cunnekt's support."),
	'131005': never('Access denied', `WhatsApp refused the request for a missing permission. ${ASK_CUNNEKT}`),
	'131008': fix('the missing value the details name', 'Required parameter missing', "A value the message needs is missing; WhatsApp's details say which. Fill it in and send again."),
	'131009': fix('the value the details name', 'Parameter value not valid', "A value in the message is not valid (its format, or not one of the values allowed); WhatsApp's details say which. Correct it and send again."),
	'131016': later(MINUTE, 'Service overloaded', "WhatsApp's service is briefly unavailable. Try again in a minute."),
	'131021': fix('the recipient', 'Recipient is the sender', "The message was addressed to the business's own number. Send it to the customer's number instead."),
	'131026': never('Message undeliverable', "The message could not be delivered: the number may not be on WhatsApp. It also happens when the customer's WhatsApp is too old or they have not accepted WhatsApp's current terms. Do not send it again as it is; reach the customer another way."),
	'131030': fix('the recipient', 'Recipient not allowed', 'The recipient is not in the allowed list: test numbers only reach allow-listed recipients. Add the number to the allowed list, or send from your business number.'),
	'131037': never('Display name not approved', "The business number's display name is not approved yet, so it cannot send. Wait for the approval (WhatsApp Manager shows it), then send again."),
	'131042': never('Payment problem', 'WhatsApp refused the message because of a billing problem on the account (no valid payment method, a credit line used up, payment not set up). Fix the payment settings in WhatsApp Manager or with Cunnekt, then send again.'),
	'131045': never('Number not registered correctly', "The business number's registration (its certificate) is not valid, so it cannot send. Register the number again, in your Cunnekt dashboard or with Cunnekt's support."),
	[WINDOW_CLOSED_CODE]: { disposition: 'sendTemplate', title: 'Service window closed', explanation: 'The 24-hour service window is closed: the customer has not written in the last 24 hours. Send a template message instead.' },
	'131049': later(DAY, 'Marketing limit for this customer', 'WhatsApp held back this marketing message: the customer has received as many marketing messages as WhatsApp allows for now, from all businesses together. Do not send it again within 24 hours; for something urgent, send a utility template instead.'),
	'131050': never('Customer stopped marketing messages', 'The customer has chosen not to receive marketing messages from your business. Do not send them marketing messages again; service and utility messages still reach them.'),
	'131051': fix('the message type', 'Unsupported message type', "The message is of a type WhatsApp's Cloud API does not support: one to a customer cannot go, one from a customer arrives without its content. Send one of the supported types (or ask the customer to)."),
	'131052': never('Media download failed', 'The file the customer sent could not be downloaded from WhatsApp. Ask the customer to send it again.'),
	'131053': fix('the media link or file', 'Media upload failed', "WhatsApp could not take the file: its type may not be supported, or the link does not serve it. Check the link and the file's type and size."),
	'131057': later(10 * MINUTE, 'Account in maintenance', 'Your WhatsApp Business Account is in maintenance (for example while its throughput is raised). Try again in a few minutes.'),
	'131062': fix('the recipient', 'Not sendable to a BSUID', "This message cannot go to a business-scoped user id (BSUID): some messages, such as one-tap, zero-tap and copy-code authentication templates, need the customer's phone number. Send it to their phone number instead."),
	// Templates and Flows.
	'132000': fix("the template's values", 'Wrong number of template values', 'The number of template variables does not match what the template expects: check the body, header and button values.'),
	'132001': fix('the template', 'Template does not exist', "No approved template has this name in this language. Check the template's name and language, and that WhatsApp has approved it."),
	'132005': fix("the template's values", 'Template text too long', "With its values filled in, the template's text is longer than WhatsApp allows. Shorten the values."),
	'132007': fix("the template's values", 'Formatting not allowed in a value', "A template value breaks WhatsApp's formatting rules (new lines, tabs, or more than four spaces in a row). Remove them from the value."),
	'132012': fix("the template's values", 'Template value of the wrong type', 'A template parameter has the wrong format: the header or a variable is not of the type the template defines.'),
	'132015': later(3 * HOUR, 'Template paused', 'WhatsApp paused the template for its low quality; it cannot be sent for now. A first pause lasts 3 hours, a second 6. Send another template meanwhile, or improve this one.'),
	'132016': fix('the template', 'Template disabled', 'WhatsApp disabled the template after repeated low quality; it can no longer be sent. Use another template, or edit this one and submit it again.'),
	'132068': fix('the Form (Flow)', 'Flow blocked', 'The WhatsApp Flow this message opens is blocked. Fix the Flow in WhatsApp Manager, or send another one.'),
	'132069': later(HOUR, 'Flow throttled', 'The WhatsApp Flow this message opens is throttled: while WhatsApp checks its health, it may go out only a few times an hour. Try again later.'),
	// The business number's registration.
	'133000': never('Deregistration incomplete', 'An earlier attempt to deregister the business number did not finish. Deregister it again before registering it.'),
	'133004': later(MINUTE, 'Server temporarily unavailable', "WhatsApp's server is briefly unavailable. Try again in a minute."),
	'133005': fix('the two-step PIN', 'Two-step PIN wrong', "The two-step verification PIN does not match the number's. Enter the right PIN."),
	'133006': never('Number must be verified again', 'The business number must be verified again before it can be registered.'),
	'133008': later(undefined, 'Too many PIN attempts', "Too many wrong two-step PINs were tried for this number. Wait before trying again; WhatsApp's details say how long."),
	'133009': later(MINUTE, 'PIN tried too fast', 'Two-step PINs were tried too quickly. Wait a little, then try again.'),
	'133010': never('Business number not registered', "The business number is not registered on WhatsApp's Cloud API, so it cannot send. Register it, in your Cunnekt dashboard or with Cunnekt's support."),
	'133015': later(5 * MINUTE, 'Wait before registering', 'The number was deleted from WhatsApp a moment ago; wait about five minutes before registering it.'),
	'135000': fix("the message's values", 'Generic user error', "WhatsApp could not send the message because of a problem with the request's values that it does not name. Check each value of the message and its format, and send again."),
};

/** By HTTP status, for answers without a WhatsApp code (transport/exchange.ts adds where the request went). */
export const HTTP_STATUS_ERRORS: Readonly<Record<string, ErrorRule>> = {
	'401': fix("the credential's API Key and Platform", 'Unauthorized', 'Invalid API key: check the API Key in the Cunnekt credential (Cunnekt → API Settings).'),
	'403': fix("the credential's API Key", 'Forbidden', 'The API key was refused (revoked or without access): check the Cunnekt credential.'),
	'404': fix("the credential's Platform and Base URL, or the id asked for", 'Not found', 'Cunnekt has nothing at this address: what the request names does not exist, or the credential points at the wrong platform.'),
	'429': later(MINUTE, 'Too many requests', 'Too many requests: Cunnekt refused to go faster. The node slowed down and retried as set in its Sending Options; lower Max Requests per Second if this keeps happening.', 'throughput'),
	'502': { disposition: 'unknown', title: 'Bad gateway', explanation: "Cunnekt's gateway could not get an answer from its server (502 Bad Gateway)." },
	'503': later(MINUTE, 'Service unavailable', 'Cunnekt is temporarily unavailable. The node retried as set in its Sending Options; try again later.'),
	'504': { disposition: 'unknown', title: 'Gateway timeout', explanation: "Cunnekt's gateway timed out waiting for its server (504 Gateway Timeout)." },
};

/** The rule for a WhatsApp code (a number or its text), or undefined for one the table does not know. */
export function whatsappErrorRule(code: string | number | null | undefined): ErrorRule | undefined {
	if (code === null || code === undefined) return undefined;
	const text = String(code).trim();
	if (Object.prototype.hasOwnProperty.call(WHATSAPP_ERRORS, text)) return WHATSAPP_ERRORS[text];
	const number = Number(text);
	return /^\d+$/.test(text) && number >= 200 && number <= 299 ? WHATSAPP_ERRORS['200'] : undefined;
}

/** The rule for an HTTP status, or undefined. */
export function httpStatusRule(status: number | null | undefined): ErrorRule | undefined {
	return status === null || status === undefined ? undefined : HTTP_STATUS_ERRORS[String(status)];
}

/** A code as a workflow compares it: WhatsApp's codes are whole numbers; anything else stays as received. */
export function codeValue(code: string | number): string | number {
	const text = String(code).trim();
	return /^\d+$/.test(text) ? Number(text) : text;
}

/** What a workflow reads of a failure to decide what to do next: the fields an error item and a failed status carry. */
export interface FailureFields {
	/** WhatsApp's code (a number), or null when the answer carried none (then `httpCode` says the status). */
	errorCode: string | number | null;
	/** WhatsApp's title when the error carries one, else this table's name for the code; null without a code. */
	errorTitle: string | null;
	/** What it means and what to do, from this table; null when the node has nothing to add. */
	explanation: string | null;
	disposition: Disposition;
	/** retryLater: the earliest a new try makes sense, in seconds; null otherwise or when unknown. */
	retryAfterSeconds: number | null;
	/** retryLater: the moment from which a new try makes sense (ISO 8601); null otherwise or when unknown. */
	retryNotBefore: string | null;
}

export interface FailureFacts {
	code?: string | number | null;
	/** The title the error carried. */
	title?: string | null;
	httpCode?: number | null;
	/** A disposition the caller knows better than the table (a request that got no answer). */
	disposition?: Disposition;
	/** How long the answer asked to wait (Retry-After), in milliseconds. */
	retryAfterMs?: number;
}

/** The fields of a failure that happened at `at` (milliseconds since 1970; null when unknown). */
export function failureFields(facts: FailureFacts, at: number | null): FailureFields {
	const hasCode = facts.code !== null && facts.code !== undefined && String(facts.code).trim() !== '';
	const byCode = hasCode ? whatsappErrorRule(facts.code) : undefined;
	const rule = byCode ?? httpStatusRule(facts.httpCode);
	const disposition = (byCode?.disposition ?? facts.disposition ?? rule?.disposition ?? 'unknown') as Disposition;
	const tableWait = rule?.disposition === 'retryLater' ? rule.retryAfterSeconds : undefined;
	const retryAfterSeconds =
		disposition !== 'retryLater'
			? null
			: facts.retryAfterMs !== undefined
				? Math.ceil(facts.retryAfterMs / 1000)
				: (tableWait ?? null);
	return {
		errorCode: hasCode ? codeValue(facts.code as string | number) : null,
		errorTitle: hasCode ? (facts.title ?? byCode?.title ?? null) : null,
		explanation: rule?.explanation ?? null,
		disposition,
		retryAfterSeconds,
		retryNotBefore:
			retryAfterSeconds === null || at === null ? null : new Date(at + retryAfterSeconds * 1000).toISOString(),
	};
}
