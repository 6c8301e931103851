import { createHmac } from 'crypto';

import {
	AUTHENTICATION_CHECKS,
	authenticationProblem,
	checksOf,
	modesChecking,
	readsCredential,
	safeEqual,
	verificationAnswer,
} from '../../nodes/CunnektTrigger/authenticate';
import type { AuthenticationSettings } from '../../nodes/CunnektTrigger/authenticate';
import { parseJsonBody, rawBodyOf, sizeProblem } from '../../nodes/CunnektTrigger/body';
import { dedupeKey, dropDuplicates, MAX_REMEMBERED_KEYS } from '../../nodes/CunnektTrigger/dedupe';
import { depthProblem, MAX_NESTING_DEPTH, nestingDepth } from '../../nodes/CunnektTrigger/depth';
import { CREDENTIAL_MODES, DEFAULTS, triggerProperties } from '../../nodes/CunnektTrigger/description';
import { checkWebhookCredential } from '../../nodes/CunnektTrigger/checkCredential';
import { CunnektTrigger } from '../../nodes/CunnektTrigger/CunnektTrigger.node';
import { nothingStartsAnswer, tapsAnswer } from '../../nodes/CunnektTrigger/answers';
import { filteredOutBecause, messageKind, parseBusinessNumbers, passesFilters } from '../../nodes/CunnektTrigger/filters';
import { splitResumeTaps } from '../../nodes/CunnektTrigger/resume';
import type { TapOutcome } from '../../nodes/CunnektTrigger/resume';
import type { TriggerFilters } from '../../nodes/CunnektTrigger/filters';
import { normalisePayload } from '../../nodes/CunnektTrigger/normalise';
import type { MessageEvent, StatusEvent, TriggerEvent } from '../../nodes/CunnektTrigger/events';
import { NodeHelpers } from 'n8n-workflow';
import type { INode, INodeParameters } from 'n8n-workflow';

import { webhooks } from '../helpers/sender';

const events = (payload: unknown): TriggerEvent[] => {
	const result = normalisePayload(payload);
	if (!result.ok) throw new Error(result.reason);
	return result.events;
};
const message = (type: string, options: Parameters<typeof webhooks.inboundMessage>[1] = {}) =>
	events(webhooks.inboundMessage(type, options).value)[0] as MessageEvent;
const status = (id: string, value: string): StatusEvent => ({
	event: 'status',
	status: value,
	messageId: id,
	recipient: '919999999999',
	recipientUserId: null,
	recipientParentUserId: null,
	replyTo: '919999999999',
	timestamp: null,
	timestampUnix: null,
	businessPhoneNumberId: '123456789',
	businessDisplayNumber: '919873617805',
	conversation: null,
	pricing: null,
	raw: {},
});

describe('filters', () => {
	const all: TriggerFilters = { events: ['message', 'status', 'error'], statuses: [], messageTypes: [], businessNumbers: [] };

	it('a message counts as its interactive answer, or as "other" when the type is not one the option lists', () => {
		expect(['text', 'button_reply', 'list_reply', 'nfm_reply', 'button', 'image', 'order', 'unsupported'].map((type) => messageKind(message(type)))).toEqual([
			'text',
			'button_reply',
			'list_reply',
			'nfm_reply',
			'button',
			'image',
			'other',
			'other',
		]);
	});

	it('an interactive message counts by its interactiveType, never by what raw holds', () => {
		const button = message('button_reply');
		expect(button.interactiveType).toBe('button_reply');
		expect(messageKind({ ...button, raw: {} })).toBe('button_reply');
		expect(messageKind({ ...button, interactiveType: 'list_reply' })).toBe('list_reply');
		expect(messageKind({ ...button, interactiveType: null })).toBe('other');
		expect(messageKind({ ...button, interactiveType: 'interactive_thing_of_tomorrow' })).toBe('other');
	});

	it('business numbers: commas, spaces and "+" as people type them', () => {
		expect(parseBusinessNumbers(' 123456789, +91 98736 17805;55 ')).toEqual(['123456789', '919873617805', '55']);
		expect(parseBusinessNumbers('')).toEqual([]);
	});

	it('each filter lets through what it names, and empty lists let everything through', () => {
		const text = message('text');
		expect(passesFilters(text, all)).toBe(true);
		expect(passesFilters(text, { ...all, events: ['status'] })).toBe(false);
		expect(passesFilters(text, { ...all, messageTypes: ['image'] })).toBe(false);
		expect(passesFilters(text, { ...all, messageTypes: ['image', 'text'] })).toBe(true);
		expect(passesFilters(text, { ...all, businessNumbers: ['123456789'] })).toBe(true);
		expect(passesFilters(text, { ...all, businessNumbers: ['919873617805'] })).toBe(true);
		expect(passesFilters(text, { ...all, businessNumbers: ['111'] })).toBe(false);
		expect(passesFilters(status('w', 'read'), { ...all, statuses: ['failed'] })).toBe(false);
		expect(passesFilters(status('w', 'failed'), { ...all, statuses: ['failed'] })).toBe(true);
		expect(passesFilters(status('w', 'read'), all)).toBe(true);
	});

	it('a customer without a phone number passes the same filters (the business number is the business\'s)', () => {
		const bsuidOnly = message('image', { withoutPhone: true });
		expect(bsuidOnly.from).toBeNull();
		expect(passesFilters(bsuidOnly, { ...all, businessNumbers: ['123456789'], messageTypes: ['image'] })).toBe(true);
		expect(passesFilters(bsuidOnly, { ...all, businessNumbers: ['111'] })).toBe(false);
	});

	it("says why an event is filtered out, in the editor's words", () => {
		const text = message('text');
		expect(filteredOutBecause(text, all)).toBeUndefined();
		expect(filteredOutBecause(text, { ...all, events: ['status', 'error'] })).toBe('Messages are not among Trigger On (Statuses, Errors)');
		expect(filteredOutBecause(status('w', 'sent'), { ...all, events: ['message'] })).toBe('Statuses are not among Trigger On (Messages)');
		expect(filteredOutBecause(text, { ...all, messageTypes: ['image', 'other'] })).toBe(
			'message type "Text" is not among Message Types (Image, Other Types)',
		);
		expect(filteredOutBecause(message('order'), { ...all, messageTypes: ['text'] })).toBe(
			'message type "Other Types" is not among Message Types (Text)',
		);
		expect(filteredOutBecause(text, { ...all, businessNumbers: ['111', '222'] })).toBe(
			'business number 919873617805 is not among Business Numbers (111, 222)',
		);
		expect(filteredOutBecause(status('w', 'sent'), { ...all, statuses: ['delivered', 'failed'] })).toBe(
			'status "sent" is not among Statuses (delivered, failed)',
		);
	});
});

describe('what a request that starts nothing is answered', () => {
	it('one event: why it did not start the workflow', () => {
		expect(nothingStartsAnswer(1, ['status "sent" is not among Statuses (failed)'], 0)).toBe(
			'Received 1 event; this workflow did not start: status "sent" is not among Statuses (failed)',
		);
		expect(nothingStartsAnswer(1, [], 1)).toBe(
			"Received 1 event; this workflow did not start: already received within the Duplicate Window (a sender's retry)",
		);
		expect(nothingStartsAnswer(0, [], 0)).toBe('Received: the payload carries no events');
	});

	it('several events: each reason once, with how many events it left out', () => {
		expect(
			nothingStartsAnswer(5, ['status "sent" is not among Statuses (failed)', 'message type "Text" is not among Message Types (Image)', 'status "sent" is not among Statuses (failed)'], 2),
		).toBe(
			'Received 5 events; this workflow did not start: status "sent" is not among Statuses (failed) (2 events); ' +
				'message type "Text" is not among Message Types (Image) (1 event); ' +
				"already received within the Duplicate Window (a sender's retry) (2 events)",
		);
	});

	it('answers to Send and Wait: what became of each, from whom', () => {
		const tapOf = (options: Parameters<typeof webhooks.inboundMessage>[1]) =>
			splitResumeTaps([message('button_reply', { replyId: `sw2:1:n:a1:k:${'0'.repeat(12)}:${'ab'.repeat(32)}`, ...options })]).taps[0];
		const manager = tapOf({ from: '919000000001' });
		const stranger = tapOf({ from: '918888888888' });
		const bsuid = tapOf({ withoutPhone: true });
		const outcome = (reason?: Exclude<TapOutcome, { resumed: true }>['reason'], detail?: string): TapOutcome =>
			reason === undefined ? { resumed: true } : { resumed: false, reason, detail };
		expect(tapsAnswer([manager], [outcome()])).toBe('Received an answer to Send and Wait from 919000000001: it resumed the waiting execution');
		expect(tapsAnswer([stranger], [outcome('notAsked')])).toBe(
			'Received an answer to Send and Wait from 918888888888: it resumed nothing, as the request was sent to someone else, and only the person asked can answer it',
		);
		expect(tapsAnswer([bsuid], [outcome('refused')])).toBe(
			'Received an answer to Send and Wait from IN.13491208655302741918: it resumed nothing, as n8n refused it: its signature does not match (the answer was altered or forged)',
		);
		expect(tapsAnswer([manager, manager, manager], [outcome('handedOver'), outcome('notWaiting'), outcome('unreachable', 'n8n answered 503')])).toBe(
			'Received 3 answers to Send and Wait: ' +
				'1. from 919000000001: it resumed nothing, as it was handed to its execution already (the same tap again); ' +
				'2. from 919000000001: it resumed nothing, as its execution no longer waits (answered already, timed out, stopped or finished); ' +
				"3. from 919000000001: it resumed nothing, as n8n's resume URL could not be reached; the same tap sent again tries again (n8n answered 503)",
		);
	});
});

describe('duplicate memory', () => {
	let scope = 0;
	const nextScope = () => `unit-scope-${++scope}`;
	const MINUTE = 60_000;

	it('keys: the message id; for a status its id and status; for an error its number, code, timestamp, title, message, details', () => {
		expect(dedupeKey(message('text', { id: 'wamid.A' }))).toBe('message:wamid.A');
		expect(dedupeKey(message('text', { id: 'wamid.A', withoutPhone: true }))).toBe('message:wamid.A');
		expect(dedupeKey(status('wamid.B', 'delivered'))).toBe('status:wamid.B:delivered');
		const error = (fields: Record<string, unknown>) =>
			dedupeKey(events({ messaging_product: 'whatsapp', metadata: webhooks.BUSINESS, errors: [fields] })[0]);
		const rateLimit = { code: 130429, title: 'Rate limit hit', message: 'Rate limit hit', error_data: { details: 'Too many messages' } };
		expect(error(rateLimit)).toBe('error:["123456789",130429,null,"Rate limit hit","Rate limit hit","Too many messages"]');
		expect(error({ ...rateLimit, timestamp: '1736935200' })).toBe(
			'error:["123456789",130429,1736935200,"Rate limit hit","Rate limit hit","Too many messages"]',
		);
		// The timestamp as the item shows it (timestampUnix): the same time as text or as a number is the same key.
		expect(error({ ...rateLimit, timestamp: 1736935200 })).toBe(error({ ...rateLimit, timestamp: '1736935200' }));
		expect(error({ code: 1 })).toBe('error:["123456789",1,null,null,null,null]');
		expect(dedupeKey({ ...message('text'), messageId: null })).toBeUndefined();
	});

	it('drops a repeat within the window, lets it through after, and counts from the first sight', () => {
		const s = nextScope();
		const event = message('text', { id: 'wamid.R' });
		const t0 = 1_000_000;
		expect(dropDuplicates(s, [event], 10 * MINUTE, t0)).toHaveLength(1);
		expect(dropDuplicates(s, [event], 10 * MINUTE, t0 + 9 * MINUTE)).toHaveLength(0);
		expect(dropDuplicates(s, [event], 10 * MINUTE, t0 + 10 * MINUTE)).toHaveLength(1);
	});

	it('a status is new for each status value; a repeat inside one request is a duplicate too', () => {
		const s = nextScope();
		const sent = status('wamid.S', 'sent');
		const delivered = status('wamid.S', 'delivered');
		expect(dropDuplicates(s, [sent, delivered, sent], MINUTE, 0)).toEqual([sent, delivered]);
	});

	it('per scope (workflow and node), and off with a window of 0', () => {
		const event = message('text', { id: 'wamid.P' });
		const a = nextScope();
		const b = nextScope();
		expect(dropDuplicates(a, [event], MINUTE, 0)).toHaveLength(1);
		expect(dropDuplicates(b, [event], MINUTE, 0)).toHaveLength(1);
		expect(dropDuplicates(a, [event], 0, 0)).toHaveLength(1);
		expect(dropDuplicates(a, [event], 0, 0)).toHaveLength(1);
	});

	it(`remembers the last ${MAX_REMEMBERED_KEYS} keys per trigger and forgets the oldest beyond`, () => {
		const s = nextScope();
		const many = Array.from({ length: MAX_REMEMBERED_KEYS + 1 }, (_, index) => status(`wamid.${index}`, 'sent'));
		expect(dropDuplicates(s, many, 60 * MINUTE, 0)).toHaveLength(MAX_REMEMBERED_KEYS + 1);
		// wamid.0 was pushed out; wamid.1 … wamid.10000 are still remembered.
		expect(dropDuplicates(s, [many[MAX_REMEMBERED_KEYS], many[1]], 60 * MINUTE, 1)).toEqual([]);
		expect(dropDuplicates(s, [many[0]], 60 * MINUTE, 2)).toEqual([many[0]]);
	});
});

describe('authentication', () => {
	const body = Buffer.from(webhooks.SEED_WEBHOOKS.text);
	const settings = (changes: Partial<AuthenticationSettings>): AuthenticationSettings => ({
		mode: 'none',
		secretIn: 'query',
		secretName: 'secret',
		secret: 's3cr3t-value',
		appSecret: 'app-secret-1',
		...changes,
	});
	const hmac = (secret: string) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

	it('one table says which Authentication checks what; the modes per check, and those reading the credential, follow it', () => {
		expect(AUTHENTICATION_CHECKS).toEqual({
			none: { secret: false, signature: false },
			sharedSecret: { secret: true, signature: false },
			signature: { secret: false, signature: true },
			sharedSecretAndSignature: { secret: true, signature: true },
		});
		expect(modesChecking('secret')).toEqual(['sharedSecret', 'sharedSecretAndSignature']);
		expect(modesChecking('signature')).toEqual(['signature', 'sharedSecretAndSignature']);
		expect(['none', 'sharedSecret', 'signature', 'sharedSecretAndSignature'].map(readsCredential)).toEqual([false, true, true, true]);
		expect(CREDENTIAL_MODES).toEqual(['sharedSecret', 'signature', 'sharedSecretAndSignature']);
	});

	it('the panel shows each check\'s fields, and the credential, for the modes the table names', () => {
		const shownFor = (name: string) => triggerProperties.find((property) => property.name === name)?.displayOptions?.show?.authentication;
		const secretFields = ['secretIn', 'parameterName', 'querySecretNotice', 'queryParameterSecretNotice', 'headerSecretNotice', 'headerName', 'secret'];
		expect(secretFields.map(shownFor)).toEqual(secretFields.map(() => ['sharedSecret', 'sharedSecretAndSignature']));
		expect(['appSecret', 'signatureNotice'].map(shownFor)).toEqual([
			['signature', 'sharedSecretAndSignature'],
			['signature', 'sharedSecretAndSignature'],
		]);
		const credential = new CunnektTrigger().description.credentials?.find((entry) => entry.name === 'cunnektWebhookApi');
		expect(credential?.displayOptions?.show?.authentication).toEqual(['sharedSecret', 'signature', 'sharedSecretAndSignature']);
	});

	it('a mode that is none of these (a hand-edited workflow) checks nothing, as None', () => {
		expect(checksOf('basicAuth')).toEqual({ secret: false, signature: false });
		expect(checksOf('toString')).toEqual({ secret: false, signature: false });
		expect(readsCredential('basicAuth')).toBe(false);
		expect(authenticationProblem(settings({ mode: 'basicAuth' as never }), { headers: {}, query: {}, rawBody: body })).toBeUndefined();
	});

	it('safeEqual compares whole strings of any length', () => {
		expect(safeEqual('abc', 'abc')).toBe(true);
		expect(safeEqual('abc', 'abd')).toBe(false);
		expect(safeEqual('abc', 'abcd')).toBe(false);
		expect(safeEqual('', 'a')).toBe(false);
	});

	it('the signature is HMAC-SHA256 of the raw body, as WhatsApp computes it (the sandbox signs the same way)', () => {
		expect(webhooks.sign(body, 'app-secret-1')).toBe(hmac('app-secret-1'));
		const signature = settings({ mode: 'signature' });
		expect(authenticationProblem(signature, { headers: { 'x-hub-signature-256': hmac('app-secret-1') }, query: {}, rawBody: body })).toBeUndefined();
		expect(authenticationProblem(signature, { headers: { 'x-hub-signature-256': hmac('app-secret-1').toUpperCase().replace('SHA256=', 'sha256=') }, query: {}, rawBody: body })).toBeUndefined();
		expect(authenticationProblem(signature, { headers: { 'x-hub-signature-256': hmac('other') }, query: {}, rawBody: body })).toBe(
			'Unauthorized: X-Hub-Signature-256 does not match the body (check the App Secret)',
		);
		// One byte changed in the body: the signature no longer matches.
		const changed = Buffer.from(webhooks.SEED_WEBHOOKS.text.replace('hello', 'hellO'));
		expect(authenticationProblem(signature, { headers: { 'x-hub-signature-256': hmac('app-secret-1') }, query: {}, rawBody: changed })).toBeDefined();
	});

	it('both checks: the secret is checked first', () => {
		expect(authenticationProblem(settings({ mode: 'sharedSecretAndSignature' }), { headers: {}, query: {}, rawBody: body })).toBe(
			'Unauthorized: the shared secret (query parameter secret) is missing',
		);
		expect(
			authenticationProblem(settings({ mode: 'sharedSecretAndSignature' }), { headers: {}, query: { secret: 's3cr3t-value' }, rawBody: body }),
		).toBe('Unauthorized: the X-Hub-Signature-256 header is missing');
	});

	it('an empty Secret or App Secret lets nobody in (an empty key would let anyone sign)', () => {
		const unsigned = { headers: { 'x-hub-signature-256': `sha256=${createHmac('sha256', '').update(body).digest('hex')}` }, query: { secret: '' }, rawBody: body };
		expect(authenticationProblem(settings({ mode: 'signature', appSecret: '' }), unsigned)).toBe('Unauthorized: no App Secret is set in this Cunnekt Trigger (its Cunnekt Webhook API credential → App Secret)');
		expect(authenticationProblem(settings({ mode: 'sharedSecret', secret: '' }), unsigned)).toBe(
			'Unauthorized: no Shared Secret is set in this Cunnekt Trigger (its Cunnekt Webhook API credential → Shared Secret)',
		);
	});

	it('a repeated query parameter counts by its first value', () => {
		expect(authenticationProblem(settings({ mode: 'sharedSecret' }), { headers: {}, query: { secret: ['s3cr3t-value', 'x'] }, rawBody: body })).toBeUndefined();
	});

	it('the GET handshake', () => {
		const query = { 'hub.mode': 'subscribe', 'hub.verify_token': 'vt-1', 'hub.challenge': '1158201444' };
		expect(verificationAnswer(query, 'vt-1')).toEqual({ status: 200, body: '1158201444' });
		expect(verificationAnswer(query, 'vt-2')).toEqual({ status: 403, body: 'hub.verify_token does not match' });
		expect(verificationAnswer(query, '')).toEqual({ status: 403, body: 'No Verify Token is set in this Cunnekt Trigger (Authentication → WhatsApp Signature, then its Cunnekt Webhook API credential → Verify Token)' });
		const notTheHandshake = {
			status: 403,
			body: 'Expected WhatsApp\'s verification request (hub.mode=subscribe, hub.verify_token, hub.challenge)',
		};
		expect(verificationAnswer({ ...query, 'hub.mode': 'unsubscribe' }, 'vt-1')).toEqual(notTheHandshake);
		expect(verificationAnswer({ 'hub.mode': 'subscribe', 'hub.challenge': '1' }, 'vt-1')).toEqual(notTheHandshake);
		expect(verificationAnswer({ 'hub.mode': 'subscribe', 'hub.verify_token': 'vt-1' }, 'vt-1')).toEqual(notTheHandshake);
		expect(verificationAnswer({}, 'vt-1')).toEqual({
			status: 403,
			body: 'Expected WhatsApp\'s verification request (hub.mode=subscribe, hub.verify_token, hub.challenge)',
		});
	});
});

describe('body', () => {
	it('the raw bytes n8n kept win over the parsed body', () => {
		expect(rawBodyOf(Buffer.from('{"a" : 1}'), { a: 1 }).toString()).toBe('{"a" : 1}');
		expect(rawBodyOf(undefined, { a: 1 }).toString()).toBe('{"a":1}');
		expect(rawBodyOf(undefined, 'plain').toString()).toBe('plain');
		expect(rawBodyOf(undefined, {}).length).toBe(0);
	});

	it('size, emptiness and JSON', () => {
		expect(sizeProblem(Buffer.alloc(1024), 1)).toBeUndefined();
		expect(sizeProblem(Buffer.alloc(1025), 1)).toBe('The body is 2 KB; this trigger accepts at most 1 KB (Options → Max Body Size)');
		expect(parseJsonBody(Buffer.from(' \n'))).toEqual({ ok: false, reason: 'The body is empty: expected a WhatsApp webhook in JSON' });
		expect(parseJsonBody(Buffer.from('hello'))).toEqual({ ok: false, reason: 'The body is not valid JSON: expected a WhatsApp webhook in JSON' });
		expect(parseJsonBody(Buffer.from('\uFEFF{"a":1}'))).toEqual({ ok: true, payload: { a: 1 } });
	});
});

describe('nesting depth', () => {
	const depth = (text: string) => nestingDepth(Buffer.from(text));

	it('counts objects and arrays, not brackets inside strings (escaped quotes included)', () => {
		expect(depth('{}')).toBe(1);
		expect(depth('{"a":[{"b":1},[2]]}')).toBe(3);
		expect(depth('{"text":"[[[{{{ \\" ]]] \\\\"}')).toBe(1);
		expect(depth('"[[["')).toBe(0);
	});

	it('WhatsApp\'s payloads nest at most 13 levels: Cunnekt\'s, and a batch of envelopes around each type', () => {
		const types = ['text', 'image', 'document', 'location', 'contacts', 'reaction', 'interactive', 'nfm_reply', 'button', 'order'];
		const depths = [
			...Object.values(webhooks.SEED_WEBHOOKS).map((seed) => depth(seed)),
			...types.map((type) => depth(JSON.stringify([webhooks.envelope([webhooks.inboundMessage(type).value])]))),
		];
		expect(Math.max(...depths)).toBe(13);
	});

	it('a million levels: counted in one pass without recursion, or stopped as soon as the limit is passed', () => {
		const deep = Buffer.from(`${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`);
		expect(nestingDepth(deep)).toBe(1_000_000);
		expect(nestingDepth(deep, MAX_NESTING_DEPTH)).toBe(MAX_NESTING_DEPTH + 1);
	});

	it(`refuses more than ${MAX_NESTING_DEPTH} levels with the reason`, () => {
		const nested = (levels: number) => Buffer.from(`${'['.repeat(levels)}${']'.repeat(levels)}`);
		expect(depthProblem(nested(MAX_NESTING_DEPTH))).toBeUndefined();
		expect(depthProblem(nested(MAX_NESTING_DEPTH + 1))).toBe(
			'The JSON nests deeper than 32 levels; this trigger accepts at most 32 (WhatsApp\'s webhooks nest about a dozen)',
		);
	});
});

describe('the panel', () => {
	const property = (name: string) => triggerProperties.find((entry) => entry.name === name);
	const option = (name: string) => (property('options')?.options as Array<{ name: string; default: unknown }>).find((entry) => entry.name === name);

	it('shows the defaults webhook() falls back on', () => {
		expect(property('events')?.default).toEqual(DEFAULTS.events);
		expect(property('statuses')?.default).toEqual(DEFAULTS.statuses);
		expect(option('duplicateWindow')?.default).toBe(DEFAULTS.duplicateWindowMinutes);
		expect(option('maxBodySize')?.default).toBe(DEFAULTS.maxBodySizeKb);
	});

	it('by default, sent, delivered and read statuses start nothing; failed ones do', () => {
		expect(DEFAULTS.statuses).toEqual(['failed']);
		expect(DEFAULTS.events).toContain('status');
	});
});

describe('the old secret fields and the Cunnekt Webhook API credential, as n8n shows and stores them', () => {
	const { description } = new CunnektTrigger();
	const node = (parameters: INodeParameters): INode => ({
		id: 'n',
		name: 'Cunnekt Trigger',
		type: 'n8n-nodes-cunnekt.cunnektTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters,
	});
	/** The parameters n8n keeps when it saves the node (n8n-workflow's getNodeParameters, as the editor and the server call it). */
	const stored = (parameters: INodeParameters) =>
		NodeHelpers.getNodeParameters(description.properties, parameters, false, false, node(parameters), description);
	/** The node's fields n8n shows, with their values filled in as n8n fills them. */
	const shown = (parameters: INodeParameters) => {
		const full = NodeHelpers.getNodeParameters(description.properties, parameters, true, false, node(parameters), description) ?? {};
		return description.properties
			.filter((property) => NodeHelpers.displayParameter(full, property, node(parameters), description))
			.map((property) => property.name);
	};
	const credentialShown = (authentication: string) =>
		NodeHelpers.displayParameter(
			{ authentication },
			description.credentials?.find((entry) => entry.name === 'cunnektWebhookApi') ?? { name: '' },
			node({ authentication }),
			description,
		);

	it('a new node never shows the old Secret and App Secret fields; the credential shows for every Authentication but None', () => {
		expect(shown({ authentication: 'sharedSecretAndSignature' })).toEqual([
			'setupNotice',
			'events',
			'statuses',
			'authentication',
			'secretIn',
			'parameterName',
			'querySecretNotice',
			'signatureNotice',
			'options',
		]);
		expect(['none', 'sharedSecret', 'signature', 'sharedSecretAndSignature'].map(credentialShown)).toEqual([false, true, true, true]);
	});

	it('names each credential by what it is for; the Cunnekt API one shows only with Options → Download Media', () => {
		expect(description.credentials?.map(({ name, displayName }) => [name, displayName])).toEqual([
			['cunnektWebhookApi', 'Webhook Secrets (Cunnekt Webhook API)'],
			['cunnektApi', 'For Download Media: Cunnekt API'],
		]);
		const apiCredential = description.credentials?.find((entry) => entry.name === 'cunnektApi') ?? { name: '' };
		const apiShown = (parameters: INodeParameters) => NodeHelpers.displayParameter(parameters, apiCredential, node(parameters), description);
		expect([apiShown({}), apiShown({ options: { downloadMedia: false } }), apiShown({ options: { downloadMedia: true } })]).toEqual([false, false, true]);
	});

	it('a node saved with them keeps and shows them (and its old Verify Token option), so it keeps working', () => {
		const old = {
			authentication: 'sharedSecretAndSignature',
			secret: 'old-secret',
			appSecret: 'old-app-secret',
			options: { verifyToken: 'old-token' },
		};
		expect(stored(old)).toEqual(old);
		expect(shown(old)).toEqual(expect.arrayContaining(['secret', 'appSecret']));
	});

	it('emptied, they are gone: n8n stores nothing for them', () => {
		expect(stored({ authentication: 'sharedSecret', secret: '', options: { verifyToken: '' } })).toEqual({
			authentication: 'sharedSecret',
			options: {},
		});
	});

	it('the Verify Token option is not offered to new nodes', () => {
		const verifyToken = (description.properties.find((property) => property.name === 'options')?.options ?? []).find(
			(option) => 'name' in option && option.name === 'verifyToken',
		);
		expect(NodeHelpers.displayParameter({}, verifyToken as never, node({}), description)).toBe(false);
		expect(NodeHelpers.displayParameter({ verifyToken: 'old-token' }, verifyToken as never, node({}), description)).toBe(true);
	});
});

describe('the Cunnekt Webhook API credential\'s test (what it can check without a call from Cunnekt)', () => {
	const APP_SECRET = '0123456789abcdef0123456789ABCDEF';

	it('well-formed values: OK, and it says the match itself is not checked', () => {
		expect(checkWebhookCredential({ sharedSecret: 'abcDEF-123_456.789~x', appSecret: APP_SECRET, verifyToken: 'any token at all' })).toEqual({
			status: 'OK',
			message:
				'Well-formed: Shared Secret, App Secret, Verify Token. Whether they match is known only when Cunnekt or WhatsApp calls the webhook: n8n cannot ask Cunnekt.',
		});
		expect(checkWebhookCredential({ verifyToken: 't' })).toMatchObject({ status: 'OK', message: expect.stringMatching(/^Well-formed: Verify Token\. /) });
	});

	it('nothing set', () => {
		expect(checkWebhookCredential({ sharedSecret: '', appSecret: '', verifyToken: '' })).toEqual({
			status: 'Error',
			message: 'Nothing set: fill in the Shared Secret, the App Secret or the Verify Token',
		});
	});

	it('each problem found, by field', () => {
		expect(checkWebhookCredential({ sharedSecret: 'short', appSecret: 'not-hex', verifyToken: ' token\n' })).toEqual({
			status: 'Error',
			message:
				'Shared Secret is 5 characters: use at least 16 random ones. App Secret is not 32 hexadecimal characters, the form of a Meta app secret (Meta App Dashboard → App Settings → Basic → App Secret). Verify Token starts or ends with a space or line break: remove it.',
		});
		expect(checkWebhookCredential({ sharedSecret: 'abc+def/ghi=jkl&mno' })).toEqual({
			status: 'Error',
			message:
				'Shared Secret has characters a URL changes (only letters, digits and - _ . ~ arrive unchanged in the webhook URL\'s query parameter; in a header any will do).',
		});
		expect(checkWebhookCredential({ appSecret: `${APP_SECRET} ` }).message).toBe(
			'App Secret starts or ends with a space or line break: remove it.',
		);
	});
});
