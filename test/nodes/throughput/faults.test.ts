/**
 * The fault matrix: every fault the sandbox can inject, with Continue On Fail off and on, for one item and for many.
 * Every input yields exactly one output (a success or an error with exact words), in order with its pairedItem, and
 * nothing that went through the first time is sent twice.
 */
import dns from 'dns';
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { HTTP_STATUS_ERRORS, WHATSAPP_ERRORS } from '../../../nodes/shared/whatsappErrors';
import { withoutCode } from '../../helpers/errors';
import { runCunnekt } from '../../helpers/n8n';
import { credentialsFor, startSandbox } from '../../helpers/sandbox';
import type { FaultKind, FaultRule, Sandbox } from '../../helpers/sandbox';

const API_KEY = 'fault-matrix-key-5d1e';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ apiKey: API_KEY });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const mobiles = (count: number) => Array.from({ length: count }, (_, index) => `9198000${String(index).padStart(5, '0')}`);

/** Reply → Send Text to each mobile (their service windows open), with the given Sending Options. */
async function sendTexts(
	count: number,
	options: { continueOnFail?: boolean; sendingOptions?: INodeParameters; baseUrl?: string } = {},
) {
	const recipients = mobiles(count);
	for (const mobile of recipients) sandbox.openWindow(mobile);
	const run = await runCunnekt({
		parameters: {
			resource: 'reply',
			operation: 'sendText',
			mobile: '={{ $json.mobile }}',
			text: '={{ $json.text }}',
			sendingOptions: options.sendingOptions ?? {},
		},
		items: recipients.map((mobile, index) => ({ mobile, text: `message ${index}` })),
		credentials: { ...credentialsFor(sandbox), ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}) },
		continueOnFail: options.continueOnFail,
	});
	return { ...run, recipients };
}

const sentTo = (mobile: string) => sandbox.state.sent.filter((message) => message.mobile === mobile);
const requestsFor = (mobile: string) =>
	sandbox.requestsTo('/sendreplymessage').filter((request) => (request.body as { mobile: string }).mobile === mobile);

/** A success item: the message id the sandbox gave this item's only message. */
function expectDelivered(item: INodeExecutionData, mobile: string, index: number) {
	expect(item.pairedItem).toEqual({ item: index });
	expect(sentTo(mobile)).toHaveLength(1);
	expect(item.json.messageId).toBe(sentTo(mobile)[0].id);
	expect(item.json.mobile).toBe(mobile);
}

const UNKNOWN_OUTCOME =
	'The request reached Cunnekt but no answer says whether the message went out, so it may have been sent. It was not sent again, to avoid a duplicate: check the conversation before sending it again, or turn on Sending Options → Retry on Timeout.';

interface Expectation {
	/** Extra rule fields (Retry-After), and the Sending Options of the run. */
	rule?: Partial<FaultRule>;
	sendingOptions?: INodeParameters;
	/** Whether the node sends it again (with the defaults). */
	retried: boolean;
	/** Whether the sandbox handled (sent) a request that got this fault. */
	handled: boolean;
	message: string | RegExp;
	description?: string;
	httpCode?: string;
	/** What a workflow branches on (nodes/shared/whatsappErrors.ts); retryNotBefore is checked against the clock. */
	fields: Record<string, unknown>;
}

const retriesOver = (words: string, retries: number) =>
	new RegExp(`^${words.replace(/[()]/g, '\\$&')}; gave up after ${retries} retr(y|ies) over \\d+(\\.\\d)? s$`);

const MATRIX: Record<FaultKind, Expectation> = {
	tooManyRequests: {
		rule: { retryAfter: 0.01 },
		sendingOptions: { maxRetries: 2 },
		retried: true,
		handled: false,
		message: retriesOver('Rate limit hit (130429)', 2),
		description: `${WHATSAPP_ERRORS['130429'].explanation} Cloud API message throughput has been reached.`,
		httpCode: '429',
		// Retry-After 0.01 s, rounded up to whole seconds
		fields: { errorCode: 130429, errorTitle: 'Rate limit hit', explanation: WHATSAPP_ERRORS['130429'].explanation, disposition: 'retryLater', retryAfterSeconds: 1, retryNotBefore: undefined },
	},
	unavailable: {
		rule: { retryAfter: 0.01 },
		sendingOptions: { maxRetries: 2 },
		retried: true,
		handled: false,
		message: retriesOver('Service temporarily unavailable', 2),
		description: HTTP_STATUS_ERRORS['503'].explanation,
		httpCode: '503',
		fields: { ...withoutCode('retryLater', HTTP_STATUS_ERRORS['503'].explanation), retryAfterSeconds: 1, retryNotBefore: undefined },
	},
	resetBeforeBody: {
		retried: false,
		handled: false,
		message: 'The connection to Cunnekt closed before an answer came (read ECONNRESET)',
		description: UNKNOWN_OUTCOME,
		fields: withoutCode('unknown'),
	},
	resetAfterBody: {
		retried: false,
		handled: true,
		message: 'The connection to Cunnekt closed before an answer came (read ECONNRESET)',
		description: UNKNOWN_OUTCOME,
		fields: withoutCode('unknown'),
	},
	badGatewayHtml: {
		retried: false,
		handled: false,
		message: 'Cunnekt answered with an HTML page ("502 Bad Gateway"), not JSON',
		description: `${HTTP_STATUS_ERRORS['502'].explanation} ${UNKNOWN_OUTCOME}`,
		httpCode: '502',
		fields: withoutCode('unknown', HTTP_STATUS_ERRORS['502'].explanation),
	},
	errorBody: {
		retried: false,
		handled: false,
		message: 'Message could not be processed',
		httpCode: '200',
		fields: withoutCode('unknown'),
	},
	noAnswer: {
		sendingOptions: { requestTimeoutMs: 1000 },
		retried: false,
		handled: true,
		message: 'Cunnekt did not answer within 1 s',
		description: UNKNOWN_OUTCOME,
		fields: withoutCode('unknown'),
	},
};

function expectErrorText(actual: { message?: string; description?: string | null } | undefined, expected: Expectation) {
	if (expected.message instanceof RegExp) expect(actual?.message).toMatch(expected.message);
	else expect(actual?.message).toBe(expected.message);
	expect(actual?.description ?? undefined).toBe(expected.description);
}

/** The moment a retryLater item names: its wait after the failure, which came between `started` and now. */
function expectRetryNotBefore(value: unknown, seconds: unknown, started: number) {
	const at = Date.parse(String(value));
	expect(at).toBeGreaterThanOrEqual(started + Number(seconds) * 1000);
	expect(at).toBeLessThanOrEqual(Date.now() + Number(seconds) * 1000);
}

function expectErrorItem(item: INodeExecutionData, index: number, expected: Expectation, started: number) {
	expect(item.pairedItem).toEqual({ item: index });
	expectErrorText({ message: item.json.error as string, description: item.json.description as string | undefined }, expected);
	const { error, description, httpCode, retryNotBefore, ...fields } = item.json;
	expect([error !== undefined, description !== undefined]).toEqual([true, expected.description !== undefined]);
	expect(httpCode).toBe(expected.httpCode);
	if (expected.fields.disposition === 'retryLater') {
		expectRetryNotBefore(retryNotBefore, expected.fields.retryAfterSeconds, started);
		expect({ ...fields, retryNotBefore: expected.fields.retryNotBefore }).toStrictEqual(expected.fields);
	} else {
		expect({ ...fields, retryNotBefore }).toStrictEqual(expected.fields);
	}
}

describe.each(Object.entries(MATRIX) as Array<[FaultKind, Expectation]>)('fault %s', (fault, expected) => {
	const setFault = (times?: number) =>
		sandbox.faults.set({ path: '/sendreplymessage', fault, ...(times === undefined ? {} : { times }), ...expected.rule });
	const attemptsPerFailure = expected.retried ? 1 + (expected.sendingOptions?.maxRetries as number) : 1;

	it('1 item, Continue On Fail off: the node stops with the exact error', async () => {
		setFault();
		const { items, error, recipients, run } = await sendTexts(1, { sendingOptions: expected.sendingOptions });
		expect(items).toEqual([]);
		expectErrorText(error, expected);
		expect(error?.name).toBe('NodeApiError');
		expect(requestsFor(recipients[0])).toHaveLength(attemptsPerFailure);
		expect(sentTo(recipients[0])).toHaveLength(expected.handled ? 1 : 0);
		expect(JSON.stringify(run)).not.toContain(API_KEY);
	});

	it('1 item, Continue On Fail on: one error item', async () => {
		setFault();
		const started = Date.now();
		const { items, error, recipients } = await sendTexts(1, {
			continueOnFail: true,
			sendingOptions: expected.sendingOptions,
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expectErrorItem(items[0], 0, expected, started);
		expect(requestsFor(recipients[0])).toHaveLength(attemptsPerFailure);
	});

	it('many items, Continue On Fail on: one output per item, in order; the faulted ones fail or are retried', async () => {
		setFault(2);
		const started = Date.now();
		const { items, error, recipients } = await sendTexts(5, {
			continueOnFail: true,
			sendingOptions: expected.sendingOptions,
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.pairedItem)).toEqual(recipients.map((_, item) => ({ item })));
		const failed = items.filter((item) => item.json.error !== undefined);
		expect(failed).toHaveLength(expected.retried ? 0 : 2);
		items.forEach((item, index) => {
			const mobile = recipients[index];
			if (item.json.error === undefined) expectDelivered(item, mobile, index);
			else {
				expectErrorItem(item, index, expected, started);
				expect(sentTo(mobile)).toHaveLength(expected.handled ? 1 : 0);
				expect(requestsFor(mobile)).toHaveLength(1);
			}
		});
		expect(sandbox.requestsTo('/sendreplymessage')).toHaveLength(5 + (expected.retried ? 2 : 0));
		expect(sandbox.stats().duplicates).toBe(0);
	});

	it('many items, Continue On Fail off: delivered or the exact error; nothing sent twice', async () => {
		setFault(2);
		const { items, error, recipients } = await sendTexts(5, { sendingOptions: expected.sendingOptions });
		if (expected.retried) {
			expect(error).toBeUndefined();
			items.forEach((item, index) => expectDelivered(item, recipients[index], index));
		} else {
			expect(items).toEqual([]);
			expectErrorText(error, expected);
		}
		for (const mobile of recipients) expect(requestsFor(mobile).length).toBeLessThanOrEqual(expected.retried ? 3 : 1);
		expect(sandbox.stats().duplicates).toBe(0);
	});
});

describe('Retry on Timeout (opt-in)', () => {
	const retryOnTimeout = { retryOnTimeout: true, requestTimeoutMs: 1000 };

	it('retries a reset before the body was read: delivered once', async () => {
		sandbox.faults.set({ path: '/sendreplymessage', fault: 'resetBeforeBody', times: 1 });
		const { items, error, recipients } = await sendTexts(1, { sendingOptions: retryOnTimeout });
		expect(error).toBeUndefined();
		expectDelivered(items[0], recipients[0], 0);
		expect(requestsFor(recipients[0])).toHaveLength(2);
	});

	it('retries a 502 page: delivered once', async () => {
		sandbox.faults.set({ path: '/sendreplymessage', fault: 'badGatewayHtml', times: 1 });
		const { items, error, recipients } = await sendTexts(1, { sendingOptions: retryOnTimeout });
		expect(error).toBeUndefined();
		expectDelivered(items[0], recipients[0], 0);
	});

	it.each(['resetAfterBody', 'noAnswer'] as FaultKind[])(
		'retries %s too, and so sends the message twice: why it is off by default',
		async (fault) => {
			sandbox.faults.set({ path: '/sendreplymessage', fault, times: 1 });
			const { items, error, recipients } = await sendTexts(1, { sendingOptions: retryOnTimeout });
			expect(error).toBeUndefined();
			expect(sentTo(recipients[0])).toHaveLength(2);
			expect(items[0].json.messageId).toBe(sentTo(recipients[0])[1].id);
			expect(sandbox.stats().duplicated).toEqual([{ mobile: recipients[0], endpoint: 'sendreplymessage', copies: 2 }]);
		},
	);

	it('says the message may have gone more than once when its retries run out', async () => {
		sandbox.faults.set({ path: '/sendreplymessage', fault: 'noAnswer' });
		const { error } = await sendTexts(1, { sendingOptions: { ...retryOnTimeout, maxRetries: 1 } });
		expect(error?.message).toMatch(/^Cunnekt did not answer within 1 s; gave up after 1 retry over \d+(\.\d)? s$/);
		expect(error?.description).toBe(
			'The requests reached Cunnekt but no answer says whether the message went out, so it may have been sent, even more than once: check the conversation before sending it again.',
		);
	});
});

describe('connections that fail before the request is sent', () => {
	/** A port nothing listens on (until a test starts a sandbox there). */
	async function closedPort(): Promise<number> {
		const probe = await startSandbox();
		const { port } = probe;
		await probe.close();
		return port;
	}

	it('are retried, and the error says how often and for how long', async () => {
		const port = await closedPort();
		const { error } = await sendTexts(1, {
			baseUrl: `http://127.0.0.1:${port}/v1`,
			sendingOptions: { maxRetries: 1 },
		});
		expect(error?.message).toMatch(
			new RegExp(
				`^Could not reach Cunnekt at http://127\\.0\\.0\\.1:${port}/v1/: connect ECONNREFUSED 127\\.0\\.0\\.1:${port}; gave up after 1 retry over \\d+(\\.\\d)? s$`,
			),
		);
		expect(error?.description).toBe('Check the Base URL in the Cunnekt credential and that the server is reachable.');
	});

	it('are not retried when the host name does not exist (a mistyped Base URL): the error comes at once', async () => {
		// The DNS answer is made up here, for the reserved .invalid domain only, so no query leaves this machine.
		const realLookup = dns.lookup;
		const lookup = jest.spyOn(dns, 'lookup').mockImplementation(((hostname: string, ...rest: unknown[]) => {
			const callback = rest[rest.length - 1] as (error: NodeJS.ErrnoException) => void;
			if (!hostname.endsWith('.invalid')) return (realLookup as (...args: unknown[]) => void)(hostname, ...rest);
			const error: NodeJS.ErrnoException = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
				code: 'ENOTFOUND',
				syscall: 'getaddrinfo',
			});
			process.nextTick(callback, error);
		}) as unknown as typeof dns.lookup);
		try {
			const { error, items } = await sendTexts(2, {
				baseUrl: 'http://app2.cunnekt.invalid/v1',
				sendingOptions: { maxRetries: 5 },
				continueOnFail: true,
			});
			expect(error).toBeUndefined();
			const failure = {
				error: 'Could not reach Cunnekt at http://app2.cunnekt.invalid/v1/: getaddrinfo ENOTFOUND app2.cunnekt.invalid',
				description: 'Check the Base URL in the Cunnekt credential and that the server is reachable.',
				// An address that cannot work: fix it (a refused connection instead is worth a later try)
				...withoutCode('fixInput'),
			};
			expect(items).toEqual([
				{ json: failure, pairedItem: { item: 0 } },
				{ json: failure, pairedItem: { item: 1 } },
			]);
			// one lookup per item: no retries
			expect(lookup.mock.calls.filter(([hostname]) => hostname === 'app2.cunnekt.invalid')).toHaveLength(2);
		} finally {
			lookup.mockRestore();
		}
	});

	it('deliver once Cunnekt is back', async () => {
		const port = await closedPort();
		const late = { sandbox: undefined as Sandbox | undefined };
		const running = runCunnekt({
			parameters: { resource: 'reply', operation: 'sendText', mobile: '919800000001', text: 'back soon' },
			credentials: { apiKey: API_KEY, baseUrl: `http://127.0.0.1:${port}/v1` },
		});
		// The first attempt is refused; the first retry waits at least 0.75 s, by when this sandbox listens.
		await new Promise((resolve) => setTimeout(resolve, 150));
		late.sandbox = await startSandbox({ apiKey: API_KEY, port });
		late.sandbox.openWindow('919800000001');
		try {
			const { items, error } = await running;
			expect(error).toBeUndefined();
			expect(late.sandbox.state.sent).toHaveLength(1);
			expect(items[0].json.messageId).toBe(late.sandbox.state.sent[0].id);
		} finally {
			await late.sandbox.close();
		}
	});
});

describe('latency', () => {
	it('slow, uneven answers change nothing: every item delivered once, in order', async () => {
		sandbox.faults.set({ path: '/sendreplymessage', latencyMs: [5, 60] });
		const { items, error, recipients } = await sendTexts(12);
		expect(error).toBeUndefined();
		items.forEach((item, index) => expectDelivered(item, recipients[index], index));
		expect(sandbox.stats().maxInFlight).toBeGreaterThan(1);
	});
});

describe("WhatsApp's codes decide over the HTTP status (nodes/shared/whatsappErrors.ts)", () => {
	const { whatsappError } = require('../../../sandbox/errors') as {
		whatsappError: (status: number, code: number, title: string, details: string) => { status: number; body: Record<string, unknown> };
	};
	const refuseWith = (status: number, code: number, title: string, details: string) =>
		sandbox.faults.set({ path: '/sendreplymessage', fault: 'errorBody', status, body: whatsappError(status, code, title, details).body });

	it('131049 (the marketing limit per customer), even in a 429: sent once, never again at once; the item says not before 24 hours', async () => {
		refuseWith(429, 131049, 'Message not delivered', 'Marketing limit for this user reached.');
		const started = Date.now();
		const { items, recipients } = await sendTexts(1, { continueOnFail: true, sendingOptions: { maxRetries: 3 } });
		expect(requestsFor(recipients[0])).toHaveLength(1);
		const { retryNotBefore, ...rest } = items[0].json;
		expect(rest).toStrictEqual({
			error: 'Message not delivered (131049)',
			description: `${WHATSAPP_ERRORS['131049'].explanation} Marketing limit for this user reached.`,
			httpCode: '429',
			errorCode: 131049,
			errorTitle: 'Message not delivered',
			explanation:
				'WhatsApp held back this marketing message: the customer has received as many marketing messages as WhatsApp allows for now, from all businesses together. Do not send it again within 24 hours; for something urgent, send a utility template instead.',
			disposition: 'retryLater',
			retryAfterSeconds: 86400,
		});
		expectRetryNotBefore(retryNotBefore, 86400, started);
		expect(sandbox.stats().duplicates).toBe(0);
	});

	it('131050 (the customer stopped marketing messages), even in a 503: sent once; never retry', async () => {
		refuseWith(503, 131050, 'User stopped marketing', 'The user opted out of marketing messages.');
		const { items, recipients } = await sendTexts(2, { continueOnFail: true, sendingOptions: { maxRetries: 3 } });
		for (const mobile of recipients) expect(requestsFor(mobile)).toHaveLength(1);
		expect(items.map((item) => [item.json.errorCode, item.json.disposition, item.json.retryNotBefore, item.pairedItem])).toEqual([
			[131050, 'neverRetry', null, { item: 0 }],
			[131050, 'neverRetry', null, { item: 1 }],
		]);
	});

	it('130429 in a 400 is still retried, at a slower pace', async () => {
		sandbox.faults.set({
			path: '/sendreplymessage',
			fault: 'errorBody',
			times: 1,
			status: 400,
			body: whatsappError(400, 130429, 'Rate limit hit', 'Cloud API message throughput has been reached.').body,
		});
		const { items, error, recipients } = await sendTexts(1, { sendingOptions: { maxRetries: 2 } });
		expect(error).toBeUndefined();
		expectDelivered(items[0], recipients[0], 0);
		expect(requestsFor(recipients[0])).toHaveLength(2);
	});
});
