import { startSandbox } from '../helpers/sandbox';
import type { Sandbox } from '../helpers/sandbox';

/**
 * The sandbox answers reply bodies as Cunnekt (WhatsApp) would, so that a node which skipped a check would fail its
 * test against it: each body below breaks one rule and gets WhatsApp's 131009 with what is wrong.
 */

const KEY = 'sandbox-replies-key-91';
const MOBILE = '919999999999';
let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ apiKey: KEY });
});
afterAll(async () => await sandbox.close());
beforeEach(() => {
	sandbox.reset();
	sandbox.openWindow(MOBILE);
});

async function postReply(body: object): Promise<{ status: number; body: { error?: { code: number; error_data: { details: string } } } }> {
	const response = await fetch(`${sandbox.baseUrl}/sendreplymessage`, {
		method: 'POST',
		headers: { 'API-KEY': KEY, 'Content-Type': 'application/json' },
		body: JSON.stringify({ mobile: MOBILE, ...body }),
	});
	return { status: response.status, body: (await response.json()) as { error?: { code: number; error_data: { details: string } } } };
}

const reply = (title: string, id = title) => ({ type: 'reply', reply: { id, title } });
const x = (count: number) => 'x'.repeat(count);

const refused: Array<[string, object, string]> = [
	[
		'repeated button titles',
		{ type: 'button', body: 'Rate us', buttons: [reply('Good', '1'), reply('Good', '2')] },
		'button titles must be unique; "Good" is repeated',
	],
	[
		'repeated button ids',
		{ type: 'button', body: 'Rate us', buttons: [reply('Good', '1'), reply('Bad', '1')] },
		'button ids must be unique; "1" is repeated',
	],
	[
		'a button id of 257 characters',
		{ type: 'button', body: 'Rate us', buttons: [reply('Good', x(257))] },
		'buttons[0] must be {type:"reply", reply:{id (1-256), title (1-20)}}',
	],
	[
		'a header of 61 characters',
		{ type: 'button', header: { type: 'text', text: x(61) }, body: 'Rate us', buttons: [reply('Good')] },
		'header must be {type:"text", text (1-60)}',
	],
	[
		'a row description of 73 characters',
		{ type: 'list', body: 'Pick', list_title: 'Items', list: [{ id: '1', title: 'Fan', description: x(73) }] },
		'list[0] must have an id (1-200), a title (1-24) and at most 72 characters of description',
	],
	[
		'a row id of 201 characters',
		{ type: 'list', body: 'Pick', list_title: 'Items', list: [{ id: x(201), title: 'Fan' }] },
		'list[0] must have an id (1-200), a title (1-24) and at most 72 characters of description',
	],
	[
		'repeated row ids',
		{ type: 'list', body: 'Pick', list_title: 'Items', list: [{ id: '1', title: 'Fan' }, { id: '1', title: 'AC' }] },
		'row ids must be unique; "1" is repeated',
	],
	[
		'a caption of 1025 characters',
		{ type: 'image', image: 'https://example.com/a.jpg', caption: x(1025) },
		'caption must be at most 1024 characters',
	],
];

describe('the sandbox refuses reply bodies WhatsApp refuses', () => {
	it.each(refused)('%s', async (_name, body, details) => {
		const answer = await postReply(body);
		expect(answer.status).toBe(400);
		expect(answer.body.error?.code).toBe(131009);
		expect(answer.body.error?.error_data.details).toBe(details);
		expect(sandbox.state.sent).toEqual([]);
	});

	it('accepts each of those at the limit', async () => {
		const atLimit = [
			{ type: 'button', header: { type: 'text', text: x(60) }, body: 'Rate us', buttons: [reply('Good', x(256)), reply('Bad')] },
			{ type: 'list', body: 'Pick', list_title: 'Items', list: [{ id: x(200), title: 'Fan', description: x(72) }, { id: '2', title: 'Fan' }] },
			{ type: 'image', image: 'https://example.com/a.jpg', caption: x(1024) },
		];
		for (const body of atLimit) expect((await postReply(body)).status).toBe(200);
		expect(sandbox.state.sent).toHaveLength(3);
	});
});
