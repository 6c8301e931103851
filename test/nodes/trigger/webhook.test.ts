import type { ICredentialTestFunctions, IHookFunctions, INodeParameters } from 'n8n-workflow';

import { CunnektTrigger } from '../../../nodes/CunnektTrigger/CunnektTrigger.node';
import { nestingDepth } from '../../../nodes/CunnektTrigger/depth';
import { UNKNOWN_SHAPE } from '../../../nodes/CunnektTrigger/normalise';
import { webhooks } from '../../helpers/sender';
import { callTrigger, uniqueNodeId } from '../../helpers/trigger';
import type { TriggerRequest, TriggerSetup } from '../../helpers/trigger';

/**
 * webhook() through n8n-core's real WebhookContext: headers, query, raw body and the answer the sender reads.
 * "Starts nothing" is asserted as n8n reads it: webhook() returned no workflowData.
 */
const { SEED_WEBHOOKS, inboundMessage, batchValue, envelope, sign } = webhooks;

const trigger = (parameters: INodeParameters = {}, extra: Partial<TriggerSetup> = {}) => {
	const setup: TriggerSetup = { parameters, nodeId: uniqueNodeId(), ...extra };
	return (request: TriggerRequest) => callTrigger(setup, request);
};

const started = (answer: { result?: { workflowData?: unknown } }) => answer.result?.workflowData !== undefined;

const FAILED_STATUS = {
	messaging_product: 'whatsapp',
	metadata: webhooks.BUSINESS,
	statuses: [
		{
			id: 'wamid.failed-1',
			status: 'failed',
			timestamp: '1736935200',
			recipient_id: '447700900123',
			errors: [{ code: 131047, title: 'Re-engagement message', message: 'Re-engagement message', error_data: { details: 'More than 24 hours.' } }],
		},
	],
};

describe('Cunnekt Trigger webhook(): starting the workflow', () => {
	it('a seed text message: 200 with no body (not "firstEntryJson"), one item', async () => {
		const answer = await trigger()({ body: SEED_WEBHOOKS.text });
		expect(answer.status).toBe(200);
		expect(answer.body).toBe('');
		expect(answer.items?.map((item) => [item.json.event, item.json.messageId, item.json.text])).toEqual([
			['message', 'wamid.HBgMOTE3ODM4MjYyMjgxFQIAEhgWM0VCMEQyRTI1RUMxQzJEN0Y0RTY0MwA=', 'hello'],
		]);
	});

	it('three messages and two failed statuses in one request: one execution, five items', async () => {
		const failed = (id: string) => ({ ...FAILED_STATUS.statuses[0], id });
		const body = batchValue([
			inboundMessage('text', { id: 'wamid.b1' }).value,
			inboundMessage('document', { id: 'wamid.b2' }).value,
			inboundMessage('location', { id: 'wamid.b3' }).value,
			{ statuses: [failed('wamid.f1'), failed('wamid.f2')] },
		]);
		const answer = await trigger()({ body });
		expect(answer.result?.workflowData).toHaveLength(1);
		expect(answer.items?.map((item) => `${item.json.event}:${item.json.messageId}`)).toEqual([
			'message:wamid.b1',
			'message:wamid.b2',
			'message:wamid.b3',
			'status:wamid.f1',
			'status:wamid.f2',
		]);
	});

	it('WhatsApp\'s envelope gives the same items as Cunnekt\'s payload', async () => {
		const bare = await trigger()({ body: SEED_WEBHOOKS.image });
		const wrapped = await trigger()({ body: envelope([JSON.parse(SEED_WEBHOOKS.image)]) });
		expect(wrapped.items).toEqual(bare.items);
	});

	it('a body sent as text/plain is read too (n8n leaves such bodies to the node)', async () => {
		const answer = await trigger()({ body: SEED_WEBHOOKS.text, contentType: 'text/plain' });
		expect(answer.items).toHaveLength(1);
	});
});

describe('filters: a filtered-out request answers 200 and starts nothing', () => {
	it('by default, sent, delivered and read statuses start nothing', async () => {
		const call = trigger();
		for (const name of ['sent', 'delivered', 'read'] as const) {
			const answer = await call({ body: SEED_WEBHOOKS[name] });
			expect([answer.status, answer.body, started(answer)]).toEqual([
				200,
				`Received 1 event; this workflow did not start: status "${name}" is not among Statuses (failed)`,
				false,
			]);
		}
	});

	it('by default, a failed status starts the workflow, with the WhatsApp explanation', async () => {
		const answer = await trigger()({ body: FAILED_STATUS });
		expect(answer.items?.[0].json).toMatchObject({
			event: 'status',
			status: 'failed',
			errors: [
				{
					code: 131047,
					explanation:
						'The 24-hour service window is closed: the customer has not written in the last 24 hours. Send a template message instead.',
					disposition: 'sendTemplate',
				},
			],
			errorCode: 131047,
			disposition: 'sendTemplate',
			windowClosed: true,
		});
	});

	it('Statuses: the ones the user asked for start it', async () => {
		const call = trigger({ events: ['status'], statuses: ['delivered', 'read'] });
		expect(started(await call({ body: SEED_WEBHOOKS.sent }))).toBe(false);
		expect(started(await call({ body: SEED_WEBHOOKS.delivered }))).toBe(true);
		expect(started(await call({ body: SEED_WEBHOOKS.read }))).toBe(true);
		expect(started(await call({ body: SEED_WEBHOOKS.text }))).toBe(false);
	});

	it('Statuses left empty: every status', async () => {
		const call = trigger({ events: ['status'], statuses: [] });
		expect(started(await call({ body: SEED_WEBHOOKS.sent }))).toBe(true);
	});

	it('Trigger On without Messages: messages start nothing', async () => {
		const answer = await trigger({ events: ['status', 'error'] })({ body: SEED_WEBHOOKS.text });
		expect([answer.status, answer.body, started(answer)]).toEqual([
			200,
			'Received 1 event; this workflow did not start: Messages are not among Trigger On (Statuses, Errors)',
			false,
		]);
	});

	it('Trigger On: errors', async () => {
		const body = { messaging_product: 'whatsapp', metadata: webhooks.BUSINESS, errors: [{ code: 130429, title: 'Rate limit hit' }] };
		expect(started(await trigger({ events: ['message'] })({ body }))).toBe(false);
		expect((await trigger({ events: ['error'] })({ body })).items?.[0].json).toMatchObject({ event: 'error', code: 130429 });
	});

	it('Message Types: only those; a mixed batch keeps the matching ones', async () => {
		const call = trigger({ options: { messageTypes: ['button_reply', 'image'] } });
		expect(started(await call({ body: SEED_WEBHOOKS.text }))).toBe(false);
		expect(started(await call({ body: SEED_WEBHOOKS.buttonReply }))).toBe(true);
		const list = await call({ body: SEED_WEBHOOKS.listReply });
		expect([list.body, started(list)]).toEqual([
			'Received 1 event; this workflow did not start: message type "List Reply" is not among Message Types (Button Reply, Image)',
			false,
		]);
		const mixed = batchValue([JSON.parse(SEED_WEBHOOKS.document), JSON.parse(SEED_WEBHOOKS.image)]);
		const answer = await call({ body: mixed });
		expect(answer.items?.map((item) => item.json.type)).toEqual(['image']);
	});

	it('Message Types "Other Types": the types this node has no field for', async () => {
		const call = trigger({ options: { messageTypes: ['other'] } });
		expect(started(await call({ body: inboundMessage('order', { content: { catalog_id: 'c' } }).value }))).toBe(true);
		expect(started(await call({ body: SEED_WEBHOOKS.text }))).toBe(false);
	});

	it('Business Numbers: by phone number ID or display number', async () => {
		expect(started(await trigger({ options: { businessNumbers: '123456789' } })({ body: SEED_WEBHOOKS.text }))).toBe(true);
		expect(started(await trigger({ options: { businessNumbers: '+91 98736 17805' } })({ body: SEED_WEBHOOKS.text }))).toBe(true);
		const other = await trigger({ options: { businessNumbers: '555000111, 555000222' } })({ body: SEED_WEBHOOKS.text });
		expect([other.status, other.body, started(other)]).toEqual([
			200,
			'Received 1 event; this workflow did not start: business number 919873617805 is not among Business Numbers (555000111, 555000222)',
			false,
		]);
	});

	it('a known payload with no events answers 200 and starts nothing', async () => {
		const answer = await trigger()({ body: { messaging_product: 'whatsapp', metadata: webhooks.BUSINESS } });
		expect([answer.status, answer.body, started(answer)]).toEqual([200, 'Received: the payload carries no events', false]);
	});
});

describe('authentication: 401 with a short reason, nothing started', () => {
	const SECRET = 'q7Jx-4fVb-91Lm';
	const unauthorized = (answer: Awaited<ReturnType<ReturnType<typeof trigger>>>, reason: string) =>
		expect([answer.status, answer.body, answer.headers['content-type'], started(answer)]).toEqual([
			401,
			reason,
			'text/plain; charset=utf-8',
			false,
		]);

	describe('shared secret in a query parameter (the default place)', () => {
		const call = () => trigger({ authentication: 'sharedSecret', secret: SECRET });
		it('right', async () => {
			expect(started(await call()({ body: SEED_WEBHOOKS.text, query: { secret: SECRET } }))).toBe(true);
		});
		it('wrong', async () => {
			unauthorized(
				await call()({ body: SEED_WEBHOOKS.text, query: { secret: `${SECRET}x` } }),
				'Unauthorized: the shared secret (query parameter secret) is wrong',
			);
		});
		it('missing', async () => {
			unauthorized(await call()({ body: SEED_WEBHOOKS.text }), 'Unauthorized: the shared secret (query parameter secret) is missing');
		});
		it('under the parameter name the user chose', async () => {
			const named = trigger({ authentication: 'sharedSecret', secret: SECRET, parameterName: 'token' });
			expect(started(await named({ body: SEED_WEBHOOKS.text, query: { token: SECRET } }))).toBe(true);
			unauthorized(await named({ body: SEED_WEBHOOKS.text, query: { secret: SECRET } }), 'Unauthorized: the shared secret (query parameter token) is missing');
		});
	});

	describe('shared secret in a header', () => {
		const call = () => trigger({ authentication: 'sharedSecret', secretIn: 'header', headerName: 'X-Cunnekt-Token', secret: SECRET });
		it('right (header names are case-insensitive)', async () => {
			expect(started(await call()({ body: SEED_WEBHOOKS.text, headers: { 'x-cunnekt-token': SECRET } }))).toBe(true);
		});
		it('wrong', async () => {
			unauthorized(
				await call()({ body: SEED_WEBHOOKS.text, headers: { 'X-Cunnekt-Token': 'guess' } }),
				'Unauthorized: the shared secret (header X-Cunnekt-Token) is wrong',
			);
		});
		it('missing (a query parameter of that name does not count)', async () => {
			unauthorized(
				await call()({ body: SEED_WEBHOOKS.text, query: { 'X-Cunnekt-Token': SECRET } }),
				'Unauthorized: the shared secret (header X-Cunnekt-Token) is missing',
			);
		});
	});

	describe('WhatsApp signature (X-Hub-Signature-256 over the raw body)', () => {
		const APP_SECRET = 'meta-app-secret-5c1d';
		const call = () => trigger({ authentication: 'signature', appSecret: APP_SECRET });
		const body = JSON.stringify(envelope([JSON.parse(SEED_WEBHOOKS.text)]), null, 2);
		it('right: signed over the exact bytes sent (here pretty-printed JSON)', async () => {
			const answer = await call()({ body, headers: { 'X-Hub-Signature-256': sign(body, APP_SECRET) } });
			expect(answer.items?.map((item) => item.json.text)).toEqual(['hello']);
		});
		it('wrong', async () => {
			unauthorized(
				await call()({ body, headers: { 'X-Hub-Signature-256': sign(body, 'another-secret') } }),
				'Unauthorized: X-Hub-Signature-256 does not match the body (check the App Secret)',
			);
		});
		it('signed over other bytes (the same JSON, re-serialised)', async () => {
			unauthorized(
				await call()({ body, headers: { 'X-Hub-Signature-256': sign(JSON.stringify(JSON.parse(body)), APP_SECRET) } }),
				'Unauthorized: X-Hub-Signature-256 does not match the body (check the App Secret)',
			);
		});
		it('missing', async () => {
			unauthorized(await call()({ body }), 'Unauthorized: the X-Hub-Signature-256 header is missing');
		});
		it('no App Secret set: nobody gets in, not even with a body signed with an empty key', async () => {
			unauthorized(
				await trigger({ authentication: 'signature' })({ body, headers: { 'X-Hub-Signature-256': sign(body, '') } }),
				'Unauthorized: no App Secret is set in this Cunnekt Trigger (its Cunnekt Webhook API credential → App Secret)',
			);
		});
	});

	it('both: the secret and the signature must be right', async () => {
		const call = trigger({ authentication: 'sharedSecretAndSignature', secret: SECRET, appSecret: 'app-s' });
		const body = SEED_WEBHOOKS.text;
		expect(started(await call({ body, query: { secret: SECRET }, headers: { 'x-hub-signature-256': sign(body, 'app-s') } }))).toBe(true);
		unauthorized(await call({ body, query: { secret: SECRET } }), 'Unauthorized: the X-Hub-Signature-256 header is missing');
		unauthorized(
			await call({ body, headers: { 'x-hub-signature-256': sign(body, 'app-s') } }),
			'Unauthorized: the shared secret (query parameter secret) is missing',
		);
	});

	it('an unauthorized body is not even read: a bad body still gets 401, not 400', async () => {
		unauthorized(
			await trigger({ authentication: 'sharedSecret', secret: SECRET })({ body: 'not json', contentType: 'text/plain' }),
			'Unauthorized: the shared secret (query parameter secret) is missing',
		);
	});
});

describe('the Cunnekt Webhook API credential holds the secrets', () => {
	const SHARED = 'cred-shared-secret-0123';
	const APP_SECRET = '0123456789abcdef0123456789abcdef';
	const body = SEED_WEBHOOKS.text;

	it('Shared Secret: the credential\'s value lets the call in, another is refused', async () => {
		const call = trigger({ authentication: 'sharedSecret' }, { webhookCredential: { sharedSecret: SHARED } });
		expect(started(await call({ body, query: { secret: SHARED } }))).toBe(true);
		const wrong = await call({ body, query: { secret: 'guess' } });
		expect([wrong.status, wrong.body, started(wrong)]).toEqual([401, 'Unauthorized: the shared secret (query parameter secret) is wrong', false]);
	});

	it('WhatsApp Signature: checked with the credential\'s App Secret', async () => {
		const call = trigger({ authentication: 'signature' }, { webhookCredential: { appSecret: APP_SECRET } });
		expect(started(await call({ body, headers: { 'X-Hub-Signature-256': sign(body, APP_SECRET) } }))).toBe(true);
		const wrong = await call({ body, headers: { 'X-Hub-Signature-256': sign(body, 'other') } });
		expect([wrong.status, wrong.body]).toEqual([401, 'Unauthorized: X-Hub-Signature-256 does not match the body (check the App Secret)']);
	});

	it('a selected credential wins over the old fields of a node saved before it existed', async () => {
		const call = trigger(
			{ authentication: 'sharedSecretAndSignature', secret: 'old-node-secret', appSecret: 'old-app-secret', options: { verifyToken: 'old-token' } },
			{ webhookCredential: { sharedSecret: SHARED, appSecret: APP_SECRET, verifyToken: 'cred-token' } },
		);
		const signed = { 'X-Hub-Signature-256': sign(body, APP_SECRET) };
		expect(started(await call({ body, query: { secret: SHARED }, headers: signed }))).toBe(true);
		const old = await call({ body, query: { secret: 'old-node-secret' }, headers: { 'X-Hub-Signature-256': sign(body, 'old-app-secret') } });
		expect([old.status, old.body]).toEqual([401, 'Unauthorized: the shared secret (query parameter secret) is wrong']);
		const handshake = (token: string) => call({ method: 'GET', query: { 'hub.mode': 'subscribe', 'hub.verify_token': token, 'hub.challenge': '42' } });
		expect([(await handshake('cred-token')).status, (await handshake('old-token')).status]).toEqual([200, 403]);
	});

	it('an empty secret in the credential lets nobody in, and says where to set it', async () => {
		const call = trigger({ authentication: 'sharedSecretAndSignature' }, { webhookCredential: { verifyToken: 'only-this' } });
		const answer = await call({ body, query: { secret: '' } });
		expect([answer.status, answer.body]).toEqual([
			401,
			'Unauthorized: no Shared Secret is set in this Cunnekt Trigger (its Cunnekt Webhook API credential → Shared Secret)',
		]);
	});

	it('Authentication None reads no credential (n8n hides it there), even one left selected', async () => {
		const call = trigger({ authentication: 'none' }, { webhookCredential: { sharedSecret: SHARED } });
		expect(started(await call({ body }))).toBe(true);
	});

	it('a node saved with the old Secret field and no credential keeps working', async () => {
		const call = trigger({ authentication: 'sharedSecret', secret: 'old-node-secret' });
		expect(started(await call({ body, query: { secret: 'old-node-secret' } }))).toBe(true);
		expect((await call({ body, query: { secret: SHARED } })).status).toBe(401);
	});

	it('its test in n8n\'s credential dialog is the trigger\'s testedBy method', async () => {
		const trigger = new CunnektTrigger();
		const entry = trigger.description.credentials?.find((credential) => credential.name === 'cunnektWebhookApi');
		expect(entry).toEqual({
			name: 'cunnektWebhookApi',
			displayName: 'Webhook Secrets (Cunnekt Webhook API)',
			required: false,
			displayOptions: { show: { authentication: ['sharedSecret', 'signature', 'sharedSecretAndSignature'] } },
			testedBy: 'cunnektWebhookApiTest',
		});
		const test = (data: Record<string, string>) =>
			trigger.methods.credentialTest.cunnektWebhookApiTest.call({} as ICredentialTestFunctions, {
				id: 'c',
				name: 'Cunnekt Webhook',
				type: 'cunnektWebhookApi',
				data,
			});
		await expect(test({ sharedSecret: SHARED, appSecret: APP_SECRET })).resolves.toEqual({
			status: 'OK',
			message: 'Well-formed: Shared Secret, App Secret. Whether they match is known only when Cunnekt or WhatsApp calls the webhook: n8n cannot ask Cunnekt.',
		});
		await expect(test({})).resolves.toEqual({
			status: 'Error',
			message: 'Nothing set: fill in the Shared Secret, the App Secret or the Verify Token',
		});
	});
});

describe('duplicates: the same event again starts nothing', () => {
	it('a retried message: the second call answers 200 and starts nothing', async () => {
		const call = trigger();
		expect(started(await call({ body: SEED_WEBHOOKS.text }))).toBe(true);
		const again = await call({ body: SEED_WEBHOOKS.text });
		expect([again.status, again.body, started(again)]).toEqual([
			200,
			"Received 1 event; this workflow did not start: already received within the Duplicate Window (a sender's retry)",
			false,
		]);
	});

	it('statuses: the same id with another status is new; the same id and status is not', async () => {
		const call = trigger({ events: ['status'], statuses: [] });
		const status = (value: string) => ({ statuses: [{ id: 'wamid.S1', status: value, timestamp: '1736935200', recipient_id: '919999999999' }] });
		expect(started(await call({ body: status('sent') }))).toBe(true);
		expect(started(await call({ body: status('delivered') }))).toBe(true);
		expect(started(await call({ body: status('delivered') }))).toBe(false);
	});

	it('a batch that repeats a seen message starts with the new events only', async () => {
		const call = trigger();
		await call({ body: SEED_WEBHOOKS.text });
		const answer = await call({ body: batchValue([JSON.parse(SEED_WEBHOOKS.text), JSON.parse(SEED_WEBHOOKS.image)]) });
		expect(answer.items?.map((item) => item.json.type)).toEqual(['image']);
	});

	it('payload-level errors: a byte-for-byte retry starts nothing; another code, number or timestamp is new', async () => {
		const call = trigger({ events: ['error'] });
		const errors = (metadata: object, error: object) => JSON.stringify({ messaging_product: 'whatsapp', metadata, errors: [error] });
		const rateLimit = { code: 130429, title: 'Rate limit hit', message: 'Rate limit hit', error_data: { details: 'Too many messages' } };
		const body = errors(webhooks.BUSINESS, rateLimit);
		expect(started(await call({ body }))).toBe(true);
		const again = await call({ body });
		expect([again.status, again.body, started(again)]).toEqual([
			200,
			"Received 1 event; this workflow did not start: already received within the Duplicate Window (a sender's retry)",
			false,
		]);
		expect(started(await call({ body: errors(webhooks.BUSINESS, { ...rateLimit, code: 131056 }) }))).toBe(true);
		expect(started(await call({ body: errors({ ...webhooks.BUSINESS, phone_number_id: '555' }, rateLimit) }))).toBe(true);
		expect(started(await call({ body: errors(webhooks.BUSINESS, { ...rateLimit, timestamp: '1736935200' }) }))).toBe(true);
		expect(started(await call({ body: errors(webhooks.BUSINESS, { ...rateLimit, timestamp: '1736935200' }) }))).toBe(false);
	});

	it('Duplicate Window 0 lets every repeat through', async () => {
		const call = trigger({ options: { duplicateWindow: 0 } });
		expect(started(await call({ body: SEED_WEBHOOKS.text }))).toBe(true);
		expect(started(await call({ body: SEED_WEBHOOKS.text }))).toBe(true);
	});

	it('each trigger node remembers its own events', async () => {
		expect(started(await trigger()({ body: SEED_WEBHOOKS.listReply }))).toBe(true);
		expect(started(await trigger()({ body: SEED_WEBHOOKS.listReply }))).toBe(true);
	});

	it('while testing ("Listen for test event", manual mode) a resent sample starts again', async () => {
		const call = trigger({}, { mode: 'manual' });
		expect(started(await call({ body: SEED_WEBHOOKS.text }))).toBe(true);
		expect(started(await call({ body: SEED_WEBHOOKS.text }))).toBe(true);
	});
});

describe('WhatsApp\'s GET verification handshake', () => {
	const handshake = (token: string) => ({
		method: 'GET' as const,
		query: { 'hub.mode': 'subscribe', 'hub.verify_token': token, 'hub.challenge': '1158201444' },
	});

	it('answers the challenge as plain text when the token matches', async () => {
		const answer = await trigger({ options: { verifyToken: 'my-verify-token' } })(handshake('my-verify-token'));
		expect([answer.status, answer.body, answer.headers['content-type'], started(answer)]).toEqual([
			200,
			'1158201444',
			'text/plain; charset=utf-8',
			false,
		]);
	});

	it('403 for a wrong token, or when no token is set', async () => {
		const wrong = await trigger({ options: { verifyToken: 'my-verify-token' } })(handshake('guess'));
		expect([wrong.status, wrong.body]).toEqual([403, 'hub.verify_token does not match']);
		const none = await trigger()(handshake('guess'));
		expect([none.status, none.body]).toEqual([403, 'No Verify Token is set in this Cunnekt Trigger (Authentication → WhatsApp Signature, then its Cunnekt Webhook API credential → Verify Token)']);
	});

	it('403 for a GET that is not the handshake: no token, another hub.mode, no challenge, nothing at all', async () => {
		const call = trigger({ options: { verifyToken: 't' } });
		const noToken = { 'hub.mode': 'subscribe', 'hub.challenge': '1158201444' };
		const otherMode = { 'hub.mode': 'unsubscribe', 'hub.verify_token': 't', 'hub.challenge': '1158201444' };
		const noChallenge = { 'hub.mode': 'subscribe', 'hub.verify_token': 't' };
		for (const partial of [noToken, otherMode, noChallenge, {}]) {
			const answer = await call({ method: 'GET', query: partial });
			expect([answer.status, answer.body, started(answer)]).toEqual([
				403,
				'Expected WhatsApp\'s verification request (hub.mode=subscribe, hub.verify_token, hub.challenge)',
				false,
			]);
		}
	});
});

describe('bad input: 400 with a short reason, nothing started, never a 500', () => {
	const badRequest = async (request: TriggerRequest, reason: string, parameters: INodeParameters = {}) => {
		const answer = await trigger(parameters)(request);
		expect([answer.status, answer.body, started(answer)]).toEqual([400, reason, false]);
	};

	it('not JSON', async () => {
		await badRequest({ body: 'mobile=919999999999&text=hi', contentType: 'application/x-www-form-urlencoded' }, 'The body is not valid JSON: expected a WhatsApp webhook in JSON');
		await badRequest({ body: '{"messages": [', contentType: 'text/plain' }, 'The body is not valid JSON: expected a WhatsApp webhook in JSON');
	});

	it('not JSON although sent as application/json: n8n itself answers 422 before the trigger runs', async () => {
		const answer = await trigger()({ body: '{"messages": [' });
		expect(answer.status).toBe(422);
		expect(JSON.parse(answer.body)).toMatchObject({ message: 'Failed to parse request body' });
		expect(answer.result).toBeUndefined();
	});

	it('empty', async () => {
		await badRequest({}, 'The body is empty: expected a WhatsApp webhook in JSON');
		await badRequest({ body: '   ', contentType: 'text/plain' }, 'The body is empty: expected a WhatsApp webhook in JSON');
	});

	it('JSON of no known shape', async () => {
		await badRequest({ body: { event: 'order.created' } }, UNKNOWN_SHAPE);
		await badRequest({ body: [] }, UNKNOWN_SHAPE);
		await badRequest({ body: '"hello"' }, UNKNOWN_SHAPE);
	});

	it('nested deeper than 32 levels: 400 before the body is read further; 32 levels start the workflow, kept under raw', async () => {
		/** A message whose `order` field nests objects so that the whole body is `levels` deep (body, messages, message: 3). */
		const nestedBody = (levels: number) => {
			let order: Record<string, unknown> = { id: 'innermost' };
			for (let level = 4; level < levels; level++) order = { inner: order };
			const { value } = inboundMessage('order', { id: `wamid.deep${levels}`, content: order });
			return JSON.stringify(value);
		};
		await badRequest(
			{ body: nestedBody(33) },
			'The JSON nests deeper than 32 levels; this trigger accepts at most 32 (WhatsApp\'s webhooks nest about a dozen)',
		);
		await badRequest(
			{ body: `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`, contentType: 'text/plain' },
			'The JSON nests deeper than 32 levels; this trigger accepts at most 32 (WhatsApp\'s webhooks nest about a dozen)',
		);
		const allowed = nestedBody(32);
		expect(nestingDepth(Buffer.from(allowed))).toBe(32);
		const answer = await trigger()({ body: allowed });
		expect(answer.items?.map((item) => item.json.raw)).toEqual(JSON.parse(allowed).messages);
	});

	it('over the size limit the user set', async () => {
		const big = batchValue(Array.from({ length: 30 }, (_, index) => inboundMessage('text', { text: 'x'.repeat(100), id: `wamid.big${index}` }).value));
		expect(JSON.stringify(big).length).toBeGreaterThan(2048);
		await badRequest({ body: big }, `The body is ${Math.ceil(JSON.stringify(big).length / 1024)} KB; this trigger accepts at most 2 KB (Options → Max Body Size)`, {
			options: { maxBodySize: 2 },
		});
		// Under the default (1 MB) the same body starts the workflow.
		expect((await trigger()({ body: big })).items).toHaveLength(30);
	});
});

describe('the webhook lifecycle never claims a registration', () => {
	it('checkExists, create and delete all answer false: Cunnekt has no API to register a webhook', async () => {
		const methods = new CunnektTrigger().webhookMethods.default;
		const context = {} as IHookFunctions;
		await expect(methods.checkExists.call(context)).resolves.toBe(false);
		await expect(methods.create.call(context)).resolves.toBe(false);
		await expect(methods.delete.call(context)).resolves.toBe(false);
	});

	it('the panel shows the POST URL (the GET handshake shares it) and answers with no data', () => {
		const { webhooks: declared } = new CunnektTrigger().description;
		expect(declared).toEqual([
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', responseData: 'noData', path: 'webhook' },
			{ name: 'setup', httpMethod: 'GET', responseMode: 'onReceived', path: 'webhook', ndvHideUrl: true },
		]);
	});
});
