import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { NO_CREDENTIAL_FOR_MEDIA } from '../../../nodes/CunnektTrigger/downloadMedia';
import { notFoundDescription } from '../../helpers/errors';
import { credentialsFor, currentCredentialsFor, startSandbox } from '../../helpers/sandbox';
import type { Sandbox } from '../../helpers/sandbox';
import { senderOf, webhooks } from '../../helpers/sender';
import type { WebhookSender } from '../../helpers/sender';
import { CLOSED_WINDOW_ERROR, outputOf, startTriggerWorkflow, TRIGGER_NAME, uniqueNodeId } from '../../helpers/trigger';
import type { FollowingNode, TriggerWorkflow } from '../../helpers/trigger';

/**
 * The trigger inside n8n's real engine: the sandbox posts over HTTP, as Cunnekt does, to a local server that hands
 * each request (real socket, real raw body) to the trigger through n8n-core's WebhookContext, then runs the items it
 * returns through WorkflowExecute with the nodes that follow it.
 */
let sandbox: Sandbox;
let sender: WebhookSender;
const open: TriggerWorkflow[] = [];

beforeAll(async () => {
	sandbox = await startSandbox({ apiKey: 'trigger-key-3e8d' });
	sender = senderOf(sandbox);
});
afterAll(async () => {
	await Promise.all(open.map((workflow) => workflow.close()));
	await sandbox.close();
});
beforeEach(() => sandbox.reset());

async function workflow(parameters: INodeParameters = {}, extra: { following?: FollowingNode[]; credentials?: boolean } = {}) {
	const started = await startTriggerWorkflow({
		parameters,
		nodeId: uniqueNodeId(),
		following: extra.following,
		credentials: extra.credentials || extra.following ? credentialsFor(sandbox) : undefined,
	});
	open.push(started);
	return started;
}

const ECHO: FollowingNode = {
	name: 'Reply',
	type: 'n8n-nodes-cunnekt.cunnekt',
	parameters: { resource: 'reply', operation: 'sendText', mobile: '={{ $json.from }}', text: '=You said: {{ $json.text }}' },
	credentials: true,
};

/** A reply the business sends (within an open window) through the sandbox's API; answers its message id. */
async function replyThroughSandbox(mobile: string, text: string): Promise<string> {
	sandbox.openWindow(mobile);
	const reply = await fetch(`${sandbox.baseUrl}/sendreplymessage`, {
		method: 'POST',
		headers: { 'API-KEY': sandbox.apiKey, 'content-type': 'application/json' },
		body: JSON.stringify({ mobile, type: 'text', text }),
	});
	return ((await reply.json()) as { messages: Array<{ id: string }> }).messages[0].id;
}

const triggerItems = (run: TriggerWorkflow['executions'][number]) => outputOf(run, TRIGGER_NAME);

describe('Cunnekt Trigger in the engine, with the sandbox as sender', () => {
	it('a customer writes; the workflow answers through the Cunnekt node (the message opened the service window)', async () => {
		const flow = await workflow({}, { following: [ECHO] });
		const delivery = await sender.message(flow.url, 'text', { text: 'Do you ship to Pune?', from: '919812345678', name: 'Asha' });
		expect([delivery.status, delivery.body]).toEqual([200, '']);
		await flow.idle();

		expect(flow.executions).toHaveLength(1);
		const [run] = flow.executions;
		expect(run.data.resultData.error).toBeUndefined();
		expect(triggerItems(run)).toEqual([
			expect.objectContaining({ event: 'message', messageId: delivery.messageId, from: '919812345678', contactName: 'Asha', type: 'text', text: 'Do you ship to Pune?' }),
		]);
		expect(sandbox.requestsTo('/sendreplymessage').map((request) => request.body)).toEqual([
			{ mobile: '919812345678', type: 'text', text: 'You said: Do you ship to Pune?' },
		]);
		expect(outputOf(run, 'Reply')[0]).toMatchObject({ messageId: sandbox.state.sent[0].id });
	});

	it('the statuses of that reply: sent → delivered → read start nothing by default; a failure does', async () => {
		const flow = await workflow();
		const sentId = await replyThroughSandbox('919812345678', 'Yes, we do.');

		const read = await sender.statuses(flow.url, sentId);
		expect(read.map((delivery) => [delivery.status, delivery.body])).toEqual(
			['sent', 'delivered', 'read'].map((status) => [200, `Received 1 event; this workflow did not start: status "${status}" is not among Statuses (failed)`]),
		);
		expect(read.map((delivery) => JSON.parse(delivery.payload).statuses[0].status)).toEqual(['sent', 'delivered', 'read']);

		const failed = await sender.statuses(flow.url, sentId, { outcome: 'failed' });
		expect(failed.map((delivery) => delivery.status)).toEqual([200, 200]);
		await flow.idle();
		expect(flow.executions).toHaveLength(1);
		expect(triggerItems(flow.executions[0])).toEqual([
			expect.objectContaining({
				event: 'status',
				status: 'failed',
				messageId: sentId,
				recipient: '919812345678',
				errors: [CLOSED_WINDOW_ERROR],
				windowClosed: true,
			}),
		]);
	});

	it('a batch of three messages and two statuses: one execution with five items; its retry starts nothing', async () => {
		const flow = await workflow({ events: ['message', 'status'], statuses: [] });
		const sentId = await replyThroughSandbox('919999999999', 'Welcome!');
		const batch = await sender.batch(flow.url, {
			messages: [
				{ type: 'text', text: 'hi' },
				{ type: 'image', from: '918888888888' },
				{ type: 'button_reply', context: { id: sentId } },
			],
			statuses: [
				{ messageId: sentId, status: 'delivered' },
				{ messageId: sentId, status: 'read' },
			],
		});
		expect(batch.status).toBe(200);
		const retry = await sender.retry();
		expect([retry.status, retry.body, retry.payload]).toEqual([
			200,
			"Received 5 events; this workflow did not start: already received within the Duplicate Window (a sender's retry) (5 events)",
			batch.payload,
		]);
		await flow.idle();

		expect(flow.executions).toHaveLength(1);
		expect(triggerItems(flow.executions[0]).map((item) => [item.event, item.type ?? item.status, item.messageId])).toEqual([
			['message', 'text', batch.messageIds[0]],
			['message', 'image', batch.messageIds[1]],
			['message', 'interactive', batch.messageIds[2]],
			['status', 'delivered', sentId],
			['status', 'read', sentId],
		]);
		// Each inbound message opened its sender's service window, as on Cunnekt.
		expect([...sandbox.state.windows.keys()].sort()).toEqual(['918888888888', '919999999999']);
	});

	it('WhatsApp\'s envelope with a right signature starts the workflow; a wrong one gets 401 and starts nothing', async () => {
		const flow = await workflow({ authentication: 'signature', appSecret: 'meta-app-secret' });
		const wrong = await sender.message(flow.url, 'text', { envelope: true, appSecret: 'meta-app-secret', wrongSignature: true });
		expect([wrong.status, wrong.body]).toEqual([401, 'Unauthorized: X-Hub-Signature-256 does not match the body (check the App Secret)']);
		const right = await sender.message(flow.url, 'reaction', { envelope: true, appSecret: 'meta-app-secret', reactTo: 'wamid.x' });
		expect([right.status, right.body]).toEqual([200, '']);
		expect(JSON.parse(right.payload)).toMatchObject({ object: 'whatsapp_business_account', entry: [{ changes: [{ field: 'messages' }] }] });
		await flow.idle();
		expect(flow.executions).toHaveLength(1);
		expect(triggerItems(flow.executions[0])).toEqual([
			expect.objectContaining({ messageId: right.messageId, reaction: { messageId: 'wamid.x', emoji: '👍' } }),
		]);
	});

	it('the shared secret as a query parameter in the URL pasted into Cunnekt', async () => {
		const flow = await workflow({ authentication: 'sharedSecret', secret: 'k9-Pq-77' });
		expect((await sender.message(`${flow.url}?secret=k9-Pq-77`, 'text')).status).toBe(200);
		const refused = await sender.message(flow.url, 'text');
		expect([refused.status, refused.body]).toEqual([401, 'Unauthorized: the shared secret (query parameter secret) is missing']);
		await flow.idle();
		expect(flow.executions).toHaveLength(1);
	});

	it('WhatsApp\'s GET handshake over HTTP: the challenge, as plain text', async () => {
		const flow = await workflow({ options: { verifyToken: 'verify-me' } });
		const answer = await fetch(`${flow.url}?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=987654321`);
		expect([answer.status, answer.headers.get('content-type'), await answer.text()]).toEqual([200, 'text/plain; charset=utf-8', '987654321']);
		expect(flow.executions).toHaveLength(0);
	});

	it('a body that is not JSON gets 400 and starts nothing', async () => {
		const flow = await workflow();
		const answer = await sender.deliver(flow.url, 'hello', { contentType: 'text/plain' });
		expect([answer.status, answer.body]).toEqual([400, 'The body is not valid JSON: expected a WhatsApp webhook in JSON']);
		await flow.idle();
		expect(flow.executions).toHaveLength(0);
	});
});

describe('a customer with a username and no phone number in the webhook (by BSUID only)', () => {
	it('one item with replyTo = the BSUID; the business-number filter, Download Media, the window and the retry work as for a number', async () => {
		const flow = await workflow({ options: { downloadMedia: true, businessNumbers: '123456789' } }, { credentials: true });
		const at = Date.UTC(2026, 4, 2, 9, 30);
		const delivery = await sender.message(flow.url, 'image', { withoutPhone: true, at });
		expect([delivery.status, delivery.body]).toEqual([200, '']);
		const retry = await sender.retry();
		expect(retry.body).toBe("Received 1 event; this workflow did not start: already received within the Duplicate Window (a sender's retry)");
		const otherBusiness = await startTriggerWorkflow({ parameters: { options: { businessNumbers: '555' } }, nodeId: uniqueNodeId() });
		open.push(otherBusiness);
		expect((await sender.message(otherBusiness.url, 'text', { withoutPhone: true })).body).toBe(
			'Received 1 event; this workflow did not start: business number 919873617805 is not among Business Numbers (555)',
		);
		await flow.idle();
		expect(flow.executions).toHaveLength(1);
		const [message] = delivery.value.messages ?? [];
		expect(triggerItems(flow.executions[0])[0]).toMatchObject({
			event: 'message',
			messageId: delivery.messageId,
			from: null,
			contactName: 'Vivek Kumar',
			waId: null,
			userId: 'IN.13491208655302741918',
			parentUserId: null,
			username: 'vivek.kumar',
			replyTo: 'IN.13491208655302741918',
			type: 'image',
			serviceWindowExpiresAt: '2026-05-03T09:30:00.000Z',
			raw: message,
		});
		const [image] = (flow.executions[0].data.resultData.runData[TRIGGER_NAME]?.[0]?.data?.main?.[0] ?? []).map((item) => item.binary?.data);
		expect(Buffer.from(image?.data ?? '', 'base64')).toEqual(webhooks.mediaBytes('image', delivery.messageId));
		// The message opened the customer's service window, under their BSUID.
		expect([...sandbox.state.windows.keys()]).toEqual(['IN.13491208655302741918']);
	});
});

describe('Download Media', () => {
	const binaryOf = (run: TriggerWorkflow['executions'][number]) =>
		(run.data.resultData.runData[TRIGGER_NAME]?.[0]?.data?.main?.[0] ?? []).map((item) => item.binary?.data);

	it('attaches each media message\'s file, fetched with the credential; other messages are untouched', async () => {
		const flow = await workflow({ options: { downloadMedia: true } }, { credentials: true });
		const batch = await sender.batch(flow.url, { messages: [{ type: 'image' }, { type: 'text' }, { type: 'document' }] });
		await flow.idle();
		const [imageId, , documentId] = batch.messageIds;

		expect(sandbox.requestsTo('/getmediafile').map((request) => [request.query, request.headers['api-key']])).toEqual([
			[{ messageId: imageId }, 'trigger-key-3e8d'],
			[{ messageId: documentId }, 'trigger-key-3e8d'],
		]);
		const [image, text, document] = binaryOf(flow.executions[0]);
		expect(Buffer.from(image?.data ?? '', 'base64')).toEqual(webhooks.mediaBytes('image', imageId));
		expect(image).toMatchObject({ mimeType: 'image/jpeg', fileExtension: 'jpg' });
		expect(text).toBeUndefined();
		expect(Buffer.from(document?.data ?? '', 'base64')).toEqual(webhooks.mediaBytes('document', documentId));
		expect(document).toMatchObject({ mimeType: 'application/pdf', fileName: 'Invoice INV-77.pdf' });
		expect(triggerItems(flow.executions[0]).map((item: IDataObject) => item.mediaError)).toEqual([undefined, undefined, undefined]);
	});

	it('a file Cunnekt cannot give: the item still starts the workflow and says why', async () => {
		const flow = await workflow({ options: { downloadMedia: true } }, { credentials: true });
		const built = webhooks.inboundMessage('video');
		const delivery = await sender.deliver(flow.url, built.value);
		expect(delivery.status).toBe(200);
		await flow.idle();
		expect(triggerItems(flow.executions[0])[0]).toMatchObject({
			messageId: built.messageId,
			mediaError: `Media of message ${built.messageId} not found. ${notFoundDescription(sandbox.baseUrl, 'GET /getmediafile')}`,
		});
		expect(binaryOf(flow.executions[0])).toEqual([undefined]);
	});

	it('on without a credential: the item says to choose one, and nothing is fetched', async () => {
		const flow = await workflow({ options: { downloadMedia: true } });
		await sender.message(flow.url, 'audio');
		await flow.idle();
		expect(triggerItems(flow.executions[0])[0].mediaError).toBe(NO_CREDENTIAL_FOR_MEDIA);
		expect(sandbox.requestsTo('/getmediafile')).toEqual([]);
	});
});

describe('the sandbox\'s control API drives the sender over HTTP (for the end-to-end suite)', () => {
	const control = async (path: string, body: unknown) => {
		const response = await fetch(`${sandbox.url}/__sandbox/webhooks/${path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
		});
		return { status: response.status, body: (await response.json()) as IDataObject };
	};

	it('POST /__sandbox/webhooks/message posts a message and reports the trigger\'s answer', async () => {
		const flow = await workflow();
		const answer = await control('message', { url: flow.url, type: 'list_reply', title: 'Tuesday' });
		expect(answer).toMatchObject({ status: 200, body: { status: 200, body: '' } });
		await flow.idle();
		expect(triggerItems(flow.executions[0])[0]).toMatchObject({ messageId: answer.body.messageId, reply: { type: 'list', title: 'Tuesday' } });
	});

	it('POST /__sandbox/webhooks/seed posts Cunnekt\'s own sample byte for byte', async () => {
		const flow = await workflow();
		const answer = await control('seed', { url: flow.url, name: 'document' });
		expect(answer.body).toMatchObject({ status: 200, payload: webhooks.SEED_WEBHOOKS.document });
		const raw = await control('raw', { url: flow.url, body: '{"hello": "world"}' });
		expect(raw.body).toMatchObject({ status: 400 });
	});

	it("with accept: text/plain, one line for a person: what was posted, and what n8n answered to each post, in words", async () => {
		const words = async (path: string, body: unknown) => {
			const response = await fetch(`${sandbox.url}/__sandbox/webhooks/${path}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', accept: 'text/plain' },
				body: JSON.stringify(body),
			});
			return await response.text();
		};
		const flow = await workflow();
		expect(await words('message', { url: flow.url, type: 'image' })).toBe(
			`Posted an image message from 919999999999 to ${flow.url}: n8n answered 200 (an empty answer: the workflow started).\n`,
		);
		expect(await words('message', { url: flow.url, type: 'text', withoutPhone: true })).toBe(
			`Posted a text message from IN.13491208655302741918 (username vivek.kumar, no phone number) to ${flow.url}: n8n answered 200 (an empty answer: the workflow started).\n`,
		);
		const sentId = await replyThroughSandbox('919812345678', 'Hello');
		expect(await words('statuses', { url: flow.url, messageId: sentId, outcome: 'failed' })).toBe(
			`Posted the statuses sent, failed of message ${sentId} to ${flow.url}: n8n answered ` +
				'200 (Received 1 event; this workflow did not start: status "sent" is not among Statuses (failed)) to "sent" and ' +
				'200 (an empty answer: the workflow started) to "failed".\n',
		);
		await flow.idle();
		expect(flow.executions.map((run) => triggerItems(run)[0].type ?? triggerItems(run)[0].status)).toEqual(['image', 'text', 'failed']);
	});

	it('statuses with the recipient\'s BSUID: beside the number (userId), without it (withoutPhone), or for a message sent to a BSUID', async () => {
		const flow = await workflow({ events: ['status'], statuses: ['read'] });
		const sentId = await replyThroughSandbox('919812345678', 'Hello');
		const [, , read] = await sender.statuses(flow.url, sentId, { userId: 'IN.5550001' });
		expect(JSON.parse(read.payload).statuses[0]).toMatchObject({ status: 'read', recipient_id: '919812345678', recipient_user_id: 'IN.5550001' });
		const toUsername = await replyThroughSandbox('919812345678', 'Hello again');
		const [, , withoutPhone] = await sender.statuses(flow.url, toUsername, { withoutPhone: true });
		const status = JSON.parse(withoutPhone.payload).statuses[0];
		expect([status.recipient_id, status.recipient_user_id]).toEqual([undefined, 'IN.13491208655302741918']);
		await flow.idle();
		expect(flow.executions.map((run) => triggerItems(run)[0]).map((item) => [item.recipient, item.recipientUserId, item.replyTo])).toEqual([
			['919812345678', 'IN.5550001', '919812345678'],
			[null, 'IN.13491208655302741918', 'IN.13491208655302741918'],
		]);
		sandbox.state.sent.push({ id: 'wamid.toBsuid', mobile: 'IN.777', endpoint: 'replymessage', body: { recipient: 'IN.777' }, at: Date.now() });
		const [sent] = await sender.statuses(flow.url, 'wamid.toBsuid');
		expect(JSON.parse(sent.payload).statuses[0]).toMatchObject({ id: 'wamid.toBsuid', recipient_user_id: 'IN.777' });
		expect(JSON.parse(sent.payload).statuses[0]).not.toHaveProperty('recipient_id');
	});

	it('refuses what it cannot do, with the reason', async () => {
		expect(await control('statuses', { url: 'http://127.0.0.1:9/webhook', messageId: 'wamid.never' })).toEqual({
			status: 400,
			body: { status: 'error', message: 'Malformed request: No message with id wamid.never was sent through the sandbox' },
		});
		expect(await control('message', { url: 'https://example.com/webhook' })).toEqual({
			status: 400,
			body: { status: 'error', message: 'Malformed request: The sandbox posts only to http://127.0.0.1 or localhost, not https://example.com/webhook' },
		});
		expect(await control('message', {})).toEqual({ status: 400, body: { status: 'error', message: 'Malformed request: url is required' } });
	});
});

describe('answering a customer who has no phone number: the trigger\'s replyTo into a Reply', () => {
	const ANSWER: FollowingNode = {
		name: 'Reply',
		type: 'n8n-nodes-cunnekt.cunnekt',
		parameters: { resource: 'reply', operation: 'sendText', mobile: '={{ $json.replyTo }}', text: '=You said: {{ $json.text }}' },
		credentials: true,
	};

	async function answering(platform: 'classic' | 'current') {
		const flow = await startTriggerWorkflow({
			parameters: {},
			nodeId: uniqueNodeId(),
			following: [ANSWER],
			credentials: platform === 'current' ? currentCredentialsFor(sandbox) : credentialsFor(sandbox),
		});
		open.push(flow);
		const delivery = await sender.message(flow.url, 'text', { withoutPhone: true, text: 'Is my order on its way?' });
		await flow.idle();
		const userId = String((delivery.value.contacts as Array<{ user_id: string }>)[0].user_id);
		return { flow, delivery, userId };
	}

	it('on the current platform the reply goes to the BSUID in recipient, exactly', async () => {
		const { flow, userId } = await answering('current');
		expect(flow.executions).toHaveLength(1);
		const [run] = flow.executions;
		expect(triggerItems(run)[0]).toMatchObject({ from: null, replyTo: userId, userId });
		expect(sandbox.requests.map((request) => [request.path, JSON.stringify(request.body)])).toEqual([
			[
				'/api/v1/whatsapp/replymessage',
				JSON.stringify({
					messaging_product: 'whatsapp',
					recipient_type: 'individual',
					recipient: userId,
					type: 'text',
					text: { body: 'You said: Is my order on its way?' },
				}),
			],
		]);
		expect(outputOf(run, 'Reply')[0]).toMatchObject({ messageId: sandbox.state.sent[0].id, userId });
	});

	it('on the classic platform it is refused before sending, saying why', async () => {
		const { flow, userId } = await answering('classic');
		const [run] = flow.executions;
		expect(run.data.resultData.error?.message).toBe(
			`Recipient "${userId}" is a WhatsApp business-scoped user ID (BSUID); Cunnekt's classic platform (app2.cunnekt.com) sends to phone numbers only [item 0]`,
		);
		expect(sandbox.requests).toEqual([]);
	});
});

