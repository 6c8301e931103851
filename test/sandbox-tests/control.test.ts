import { createServer } from 'http';
import type { AddressInfo, Server } from 'net';

import { startSandbox } from '../helpers/sandbox';
import type { Sandbox } from '../helpers/sandbox';

/**
 * The sandbox's control API as `npm start` prints it for a person to paste: `curl -s -H 'accept: text/plain' …`
 * answers one line, and the statuses need no message id.
 */

const KEY = 'sandbox-control-key-12';
/** How the sandbox words an empty 200, the Cunnekt Trigger's answer when it starts the workflow. */
const STARTED = '200 (an empty answer: the workflow started)';
let sandbox: Sandbox;
let receiver: Server;
let receiverUrl: string;
/** The bodies the receiver (n8n's place) got, parsed. */
const received: Array<{
	statuses?: Array<{ id: string; status: string; recipient_id: string }>;
	messages?: Array<{ from: string; context?: { id: string }; interactive?: unknown; button?: unknown }>;
}> = [];

beforeAll(async () => {
	sandbox = await startSandbox({ apiKey: KEY });
	receiver = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
			res.end();
		});
	});
	await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
	receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhook/abc/webhook`;
});
afterAll(async () => {
	await sandbox.close();
	await new Promise((resolve) => receiver.close(resolve));
});
beforeEach(() => {
	sandbox.reset();
	received.length = 0;
});

async function control(route: string, body: object): Promise<{ status: number; text: string; type: string | null }> {
	const response = await fetch(`${sandbox.url}/__sandbox${route}`, {
		method: 'POST',
		headers: { accept: 'text/plain', 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	return { status: response.status, text: await response.text(), type: response.headers.get('content-type') };
}

describe('sandbox control API for a person (accept: text/plain)', () => {
	it('statuses without a message id, before anything was sent: of a message the sandbox records as sent', async () => {
		const answer = await control('/webhooks/statuses', { url: receiverUrl, outcome: 'failed' });
		const [sent] = sandbox.state.sent;
		expect(sandbox.state.sent).toHaveLength(1);
		expect(sent.mobile).toBe('919999999999');
		expect(answer).toEqual({
			status: 200,
			type: 'text/plain; charset=utf-8',
			text: `Posted the statuses sent, failed of message ${sent.id} to ${receiverUrl}: n8n answered ${STARTED} to "sent" and ${STARTED} to "failed".\n`,
		});
		expect(received.map((body) => [body.statuses?.[0].id, body.statuses?.[0].status, body.statuses?.[0].recipient_id])).toEqual([
			[sent.id, 'sent', '919999999999'],
			[sent.id, 'failed', '919999999999'],
		]);
	});

	it('statuses without a message id: of the last message the sandbox accepted', async () => {
		sandbox.openWindow('919888888888');
		const reply = await fetch(`${sandbox.baseUrl}/sendreplymessage`, {
			method: 'POST',
			headers: { 'API-KEY': KEY, 'content-type': 'application/json' },
			body: JSON.stringify({ mobile: '919888888888', type: 'text', text: 'Hello' }),
		});
		const { messages } = (await reply.json()) as { messages: Array<{ id: string }> };
		const answer = await control('/webhooks/statuses', { url: receiverUrl });
		expect(answer.text).toBe(
			`Posted the statuses sent, delivered, read of message ${messages[0].id} to ${receiverUrl}: n8n answered ` +
				`${STARTED} to "sent", ${STARTED} to "delivered" and ${STARTED} to "read".\n`,
		);
		expect(received.map((body) => body.statuses?.[0].recipient_id)).toEqual(['919888888888', '919888888888', '919888888888']);
	});

	it('a customer message of a type starting with a vowel: "an image"', async () => {
		expect((await control('/webhooks/message', { url: receiverUrl, type: 'image' })).text).toBe(
			`Posted an image message from 919999999999 to ${receiverUrl}: n8n answered 200 (an empty answer: the workflow started).\n`,
		);
	});

	it('a tap on a button of the last message with buttons: posted as WhatsApp reports it, from its recipient, answering it', async () => {
		sandbox.openWindow('919000000001');
		const send = await fetch(`${sandbox.baseUrl}/sendreplymessage`, {
			method: 'POST',
			headers: { 'API-KEY': KEY, 'content-type': 'application/json' },
			body: JSON.stringify({
				mobile: '919000000001',
				type: 'button',
				body: 'Approve?',
				buttons: [
					{ type: 'reply', reply: { id: 'id-of-approve', title: 'Approve' } },
					{ type: 'reply', reply: { id: 'id-of-decline', title: 'Decline' } },
				],
			}),
		});
		const { messages } = (await send.json()) as { messages: Array<{ id: string }> };
		const answer = await control('/webhooks/tap', { url: receiverUrl, answer: 'approve' });
		expect(answer.text).toBe(`919000000001 tapped "Approve" on message ${messages[0].id}; posted as Cunnekt posts it to ${receiverUrl}: n8n answered 200 (an empty answer: the workflow started).\n`);
		const [tap] = received[0].messages ?? [];
		expect([tap.from, tap.context, tap.interactive]).toEqual([
			'919000000001',
			{ from: '919000000001', id: messages[0].id },
			{ type: 'button_reply', button_reply: { id: 'id-of-approve', title: 'Approve' } },
		]);
		expect((await control('/webhooks/tap', { url: receiverUrl, answer: 'Maybe' })).text).toBe(
			`Malformed request: The message ${messages[0].id} to 919000000001 has no button "Maybe"; its buttons: Approve, Decline\n`,
		);
	});

	it('a tap before any message with buttons was sent says so', async () => {
		expect((await control('/webhooks/tap', { url: receiverUrl, answer: 'Approve', mobile: '919000000001' })).text).toBe(
			'Malformed request: The sandbox has accepted no message with buttons to 919000000001 yet, so there is nothing to tap\n',
		);
	});

	it('a customer message, a window, and a refusal each answer one line', async () => {
		expect((await control('/webhooks/message', { url: receiverUrl, type: 'text', text: 'Hi' })).text).toBe(
			`Posted a text message from 919999999999 to ${receiverUrl}: n8n answered ${STARTED}.\n`,
		);
		expect((await control('/windows', { mobile: '919000000001' })).text).toBe(
			'The 24-hour service window of 919000000001 is open: replies to it are accepted.\n',
		);
		expect(await control('/webhooks/statuses', { url: receiverUrl, messageId: 'wamid.unknown' })).toEqual({
			status: 400,
			type: 'text/plain; charset=utf-8',
			text: 'Malformed request: No message with id wamid.unknown was sent through the sandbox\n',
		});
	});

	it('a reply to a number whose window is closed: WhatsApp\'s answer, and the sandbox says how to open it', async () => {
		const reply = await fetch(`${sandbox.baseUrl}/sendreplymessage`, {
			method: 'POST',
			headers: { 'API-KEY': KEY, 'content-type': 'application/json' },
			body: JSON.stringify({ mobile: '919777777777', type: 'text', text: 'Hello' }),
		});
		expect(reply.status).toBe(400);
		const { error } = (await reply.json()) as { error: { code: number; error_data: { details: string } } };
		expect(error.code).toBe(131047);
		expect(error.error_data.details).toBe(
			'Message failed to send because more than 24 hours have passed since the customer last replied to this number.' +
				` (Sandbox: a message from 919777777777 opens its window, or open it now: curl -X POST ${sandbox.url}/__sandbox/windows -H 'content-type: application/json' -d '{"mobile":"919777777777"}')`,
		);
	});
});
