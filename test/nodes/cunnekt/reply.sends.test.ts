import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { REFUSED_FIELDS } from '../../helpers/errors';
import { expectSentItem, onlyReplySent, runReply, SEED_MOBILE, useReplySandbox } from '../../helpers/reply';

const context = useReplySandbox();

interface SeedCase {
	operation: string;
	parameters: INodeParameters;
	/** Cunnekt's example request for this message (its Postman collection), byte for byte. */
	seedBody: IDataObject;
}

const buttons = (...entries: Array<{ title: string; id?: string }>) => ({
	button: entries.map(({ title, id = '' }) => ({ title, id })),
});
const rows = (...entries: Array<{ title: string; description?: string; id?: string }>) => ({
	row: entries.map(({ title, description = '', id = '' }) => ({ title, description, id })),
});

const seedCases: SeedCase[] = [
	{
		operation: 'sendButtons',
		parameters: {
			headerText: 'Dear Customer!',
			body: 'How would you like to rate our Services?',
			buttons: buttons({ title: 'Good', id: '1' }, { title: 'Excellent', id: '2' }, { title: 'Could be better', id: '3' }),
		},
		seedBody: {
			mobile: SEED_MOBILE,
			type: 'button',
			header: { type: 'text', text: 'Dear Customer!' },
			body: 'How would you like to rate our Services?',
			buttons: [
				{ type: 'reply', reply: { id: '1', title: 'Good' } },
				{ type: 'reply', reply: { id: '2', title: 'Excellent' } },
				{ type: 'reply', reply: { id: '3', title: 'Could be better' } },
			],
		},
	},
	{
		operation: 'sendList',
		parameters: {
			headerText: 'Dear Customer!',
			body: 'body_text_message',
			listTitle: 'Items Available',
			rows: rows(
				{ id: '1', title: 'Fan', description: 'Wall Fan starting from Rs. 999' },
				{ id: '2', title: 'Cooler', description: 'Coolers starting from Rs. 1,999' },
				{ id: '3', title: 'Window AC', description: 'Window AC starting from Rs. 19,999' },
				{ id: '4', title: 'Split AC', description: 'Split AC starting from Rs.23,999' },
			),
		},
		seedBody: {
			mobile: SEED_MOBILE,
			type: 'list',
			header: { type: 'text', text: 'Dear Customer!' },
			body: 'body_text_message',
			list_title: 'Items Available',
			list: [
				{ id: '1', title: 'Fan', description: 'Wall Fan starting from Rs. 999' },
				{ id: '2', title: 'Cooler', description: 'Coolers starting from Rs. 1,999' },
				{ id: '3', title: 'Window AC', description: 'Window AC starting from Rs. 19,999' },
				{ id: '4', title: 'Split AC', description: 'Split AC starting from Rs.23,999' },
			],
		},
	},
	{
		operation: 'sendForm',
		parameters: { body: 'Hi. how are you doing?', formCta: 'Fill Form', formId: '925610928478879' },
		seedBody: {
			mobile: SEED_MOBILE,
			type: 'flow',
			body: 'Hi. how are you doing?',
			form_cta: 'Fill Form',
			form_id: '925610928478879',
		},
	},
	{
		operation: 'sendImage',
		parameters: {
			mediaLink: 'https://www.cunnekt.com/wp-content/themes/twentytwenty-child/images/wts_4.jpg',
			caption: 'Cunnekt',
		},
		seedBody: {
			mobile: SEED_MOBILE,
			type: 'image',
			image: 'https://www.cunnekt.com/wp-content/themes/twentytwenty-child/images/wts_4.jpg',
			caption: 'Cunnekt',
		},
	},
	{
		operation: 'sendVideo',
		parameters: {
			mediaLink: 'https://drive.google.com/file/d/1g_ZuPlyAhhDstz3UrUPOZJWIexU6rbW_/view?usp=sharing',
			caption: 'Cunnekt',
		},
		seedBody: {
			mobile: SEED_MOBILE,
			type: 'video',
			video: 'https://drive.google.com/file/d/1g_ZuPlyAhhDstz3UrUPOZJWIexU6rbW_/view?usp=sharing',
			caption: 'Cunnekt',
		},
	},
	{
		operation: 'sendDocument',
		parameters: {
			mediaLink: 'https://drive.google.com/file/d/1J9BE2hmI57WE34Z5anM2RDahc1qtGpsF/view?usp=share_link',
			caption: 'Cunnekt Features',
		},
		seedBody: {
			mobile: SEED_MOBILE,
			type: 'document',
			document: 'https://drive.google.com/file/d/1J9BE2hmI57WE34Z5anM2RDahc1qtGpsF/view?usp=share_link',
			caption: 'Cunnekt Features',
		},
	},
	{
		operation: 'sendAudio',
		parameters: {
			mediaLink: 'https://www.cunnekt.com/wp-content/uploads/2023/05/relaxing-145038.mp3',
			caption: 'Cunnekt Features',
		},
		seedBody: {
			mobile: SEED_MOBILE,
			type: 'audio',
			audio: 'https://www.cunnekt.com/wp-content/uploads/2023/05/relaxing-145038.mp3',
			caption: 'Cunnekt Features',
		},
	},
	{
		// Cunnekt's collection gives only the request template for this one (no filled-in example): its own values.
		operation: 'sendCtaUrl',
		parameters: { body: 'body_text_message', buttonText: 'Click Me', buttonUrl: 'https://domain.com' },
		seedBody: {
			mobile: SEED_MOBILE,
			type: 'cta_url',
			body: 'body_text_message',
			button_text: 'Click Me',
			button_url: 'https://domain.com',
		},
	},
];

describe('Reply: every operation sends exactly the body of Cunnekt\'s example', () => {
	it.each(seedCases)('$operation', async ({ operation, parameters, seedBody }) => {
		const { sandbox } = context;
		const result = await runReply(sandbox, operation, parameters);
		expect(onlyReplySent(sandbox)).toEqual(seedBody);
		expect(sandbox.requests[0].rawBody.toString('utf8')).toBe(JSON.stringify(seedBody));
		expectSentItem(sandbox, result);
	});
});

describe('Reply: optional parts', () => {
	it('Send Buttons without a header, IDs left empty: the buttons\' positions become their IDs', async () => {
		const { sandbox } = context;
		const result = await runReply(sandbox, 'sendButtons', {
			headerText: '',
			body: 'Did this answer your question?',
			buttons: buttons({ title: 'Yes' }, { title: 'No', id: '  no_thanks ' }),
		});
		expect(result.error).toBeUndefined();
		expect(onlyReplySent(sandbox)).toEqual({
			mobile: SEED_MOBILE,
			type: 'button',
			body: 'Did this answer your question?',
			buttons: [
				{ type: 'reply', reply: { id: '1', title: 'Yes' } },
				{ type: 'reply', reply: { id: 'no_thanks', title: 'No' } },
			],
		});
	});

	it('Send List rows without a description or ID, and a blank header, send neither', async () => {
		const { sandbox } = context;
		const result = await runReply(sandbox, 'sendList', {
			headerText: '   ',
			body: 'Which size?',
			listTitle: 'Sizes',
			rows: rows({ title: 'Small' }, { title: 'Large', description: 'Fits 4 people', id: 'L' }),
		});
		expect(result.error).toBeUndefined();
		expect(onlyReplySent(sandbox)).toEqual({
			mobile: SEED_MOBILE,
			type: 'list',
			body: 'Which size?',
			list_title: 'Sizes',
			list: [
				{ id: '1', title: 'Small' },
				{ id: 'L', title: 'Large', description: 'Fits 4 people' },
			],
		});
	});

	it('a media reply without a caption sends none', async () => {
		const { sandbox } = context;
		const result = await runReply(sandbox, 'sendDocument', {
			mediaLink: ' https://example.com/invoice.pdf ',
			caption: '',
		});
		expect(result.error).toBeUndefined();
		expect(onlyReplySent(sandbox)).toEqual({
			mobile: SEED_MOBILE,
			type: 'document',
			document: 'https://example.com/invoice.pdf',
		});
	});
});

describe('Reply: values from each input item', () => {
	it('builds one message per item from expressions; with Continue On Fail a bad item yields its error and the others go out', async () => {
		const { sandbox } = context;
		sandbox.openWindow('447700900123');
		const { items, error } = await runReply(
			sandbox,
			'sendButtons',
			{
				mobile: '={{ $json.phone }}',
				body: '={{ "Hi " + $json.name + ", is your delivery slot fine?" }}',
				buttons: {
					button: [
						{ title: '={{ $json.yes }}', id: 'slot_ok' },
						{ title: 'Change slot', id: 'slot_change' },
					],
				},
			},
			{
				continueOnFail: true,
				items: [
					{ phone: '+91 99999 99999', name: 'Asha', yes: 'Yes, fine' },
					{ phone: '447700900123', name: 'Tom', yes: 'Yes, that time suits me' },
					{ phone: '(44) 7700 900123', name: 'Tom', yes: 'Yes' },
				],
			},
		);
		expect(error).toBeUndefined();
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[0].json.messageId).toBe(sandbox.state.sent[0].id);
		expect(items[1].json).toEqual({
			error: 'Button 1 title is 23 characters; WhatsApp allows at most 20 [item 1]',
			description: 'Received: "Yes, that time suits me"',
			...REFUSED_FIELDS,
		});
		expect(items[2].json.messageId).toBe(sandbox.state.sent[1].id);
		expect(sandbox.requests.map((request) => request.body)).toEqual([
			{
				mobile: SEED_MOBILE,
				type: 'button',
				body: 'Hi Asha, is your delivery slot fine?',
				buttons: [
					{ type: 'reply', reply: { id: 'slot_ok', title: 'Yes, fine' } },
					{ type: 'reply', reply: { id: 'slot_change', title: 'Change slot' } },
				],
			},
			{
				mobile: '447700900123',
				type: 'button',
				body: 'Hi Tom, is your delivery slot fine?',
				buttons: [
					{ type: 'reply', reply: { id: 'slot_ok', title: 'Yes' } },
					{ type: 'reply', reply: { id: 'slot_change', title: 'Change slot' } },
				],
			},
		]);
	});
});
