import type { IDataObject } from 'n8n-workflow';

import { REFUSED_FIELDS, unauthorizedDescription } from '../../helpers/errors';
import { expectSentItem, onlyReplySent, runReply, useReplySandbox } from '../../helpers/reply';

const context = useReplySandbox();

const sendText = (items: IDataObject[], extra: { continueOnFail?: boolean; apiKey?: string } = {}) =>
	runReply(context.sandbox, 'sendText', { mobile: '={{ $json.mobile }}', text: '={{ $json.text }}' }, { items, ...extra });

describe('Reply → Send Text', () => {
	it('sends exactly the seed body with the API-KEY header and returns the message id', async () => {
		const { sandbox } = context;
		const result = await sendText([{ mobile: '+91 99999-99999', text: 'Hi. how are you doing?' }]);
		expect(onlyReplySent(sandbox)).toEqual({ mobile: '919999999999', type: 'text', text: 'Hi. how are you doing?' });
		expectSentItem(sandbox, result);
	});

	it('explains a closed service window (131047) in the error', async () => {
		const { items, error } = await sendText([{ mobile: '447700900123', text: 'Hello' }]);
		expect(items).toEqual([]);
		expect(error?.message).toBe('Re-engagement message (131047)');
		expect(error?.description).toBe(
			'The 24-hour service window is closed: the customer has not written in the last 24 hours. Send a template message instead. Message failed to send because more than 24 hours have passed since the customer last replied to this number.' +
				` (Sandbox: a message from 447700900123 opens its window, or open it now: curl -X POST ${context.sandbox.url}/__sandbox/windows -H 'content-type: application/json' -d '{"mobile":"447700900123"}')`,
		);
		expect(error?.name).toBe('NodeApiError');
	});

	it('says the API key is invalid, without ever showing it', async () => {
		const { error, run } = await sendText([{ mobile: '919999999999', text: 'Hello' }], { apiKey: 'wrong-key-123456' });
		expect(error?.message).toBe('Invalid API key');
		// Where the request went, since a key of the other platform gets the same answer (issue 23, point 12)
		expect(error?.description).toBe(
			'Invalid API key: check the API Key in the Cunnekt credential (Cunnekt → API Settings).' +
				` Cunnekt's Classic platform at ${context.sandbox.baseUrl} answered 401 to POST /sendreplymessage.` +
				" A key of one platform is refused by the other: check the credential's Platform and Base URL too (on app2.cunnekt.com choose Classic, on app.cunnekt.com choose Current).",
		);
		expect(error?.description).toBe(unauthorizedDescription(context.sandbox.baseUrl, 'POST /sendreplymessage'));
		expect(JSON.stringify(run)).not.toContain('wrong-key-123456');
		expect(JSON.stringify(error)).not.toContain('wrong-key-123456');
	});

	it('with Continue On Fail, yields one item per input, in order, and sends each good item once', async () => {
		const { sandbox } = context;
		sandbox.openWindow('919888888888');
		const { items, error } = await sendText(
			[
				{ mobile: '919999999999', text: 'one' },
				{ mobile: 'call me', text: 'two' },
				{ mobile: '919888888888', text: 'x'.repeat(4097) },
				{ mobile: '919888888888', text: 'four' },
			],
			{ continueOnFail: true },
		);
		expect(error).toBeUndefined();
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(items[0].json.messageId).toBe(sandbox.state.sent[0].id);
		expect(items[1].json).toEqual({
			error:
				'Recipient "call me" is neither a phone number nor a WhatsApp business-scoped user ID (BSUID) [item 1]',
			description: 'A phone number has only digits, spaces, "+", "-", "." and parentheses; a BSUID is a country code, a dot, and letters and digits: for example 919999999999, +91 99999 99999, or a BSUID such as IN.13491208655302741918.',
			...REFUSED_FIELDS,
		});
		expect(items[2].json.error).toBe('Text is 4097 characters; WhatsApp allows at most 4096 [item 2]');
		expect(items[3].json.messageId).toBe(sandbox.state.sent[1].id);
		expect(sandbox.requests.map((request) => (request.body as { text: string }).text)).toEqual(['one', 'four']);
	});

	it('sends a text of exactly 4096 characters', async () => {
		const { sandbox } = context;
		const { error } = await sendText([{ mobile: '919999999999', text: 'y'.repeat(4096) }]);
		expect(error).toBeUndefined();
		expect((sandbox.requests[0].body as { text: string }).text).toHaveLength(4096);
	});
});
