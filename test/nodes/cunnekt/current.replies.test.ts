/**
 * Every Reply operation on Cunnekt's current platform (app.cunnekt.com): the same fields as on the classic platform
 * produce WhatsApp Cloud API bodies at POST /api/v1/whatsapp/replymessage, exactly; what the classic platform cannot
 * send is refused before anything is sent; bad input gets the same errors on both platforms.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { expectRefused, expectSentItem, REPLY_TEST_KEY, runReply, SEED_MOBILE, useReplySandbox } from '../../helpers/reply';
import type { RunResult } from '../../helpers/n8n';
import type { Sandbox } from '../../helpers/sandbox';

const context = useReplySandbox();

/** Runs on the current platform and expects the first item refused with this message, before anything is sent. */
async function refusedOnCurrent(operation: string, parameters: INodeParameters, message: string): Promise<void> {
	const result = await runReply(context.sandbox, operation, parameters, { platform: 'current' });
	expectRefusedItem(context.sandbox, result, message);
}

/** The run stopped on the first item's input error, with this message, and nothing was sent. */
function expectRefusedItem(sandbox: Sandbox, result: RunResult, message: string): void {
	expectRefused(sandbox, result, `${message} [item 0]`);
}
const REPLY_PATH = '/api/v1/whatsapp/replymessage';
const ENVELOPE = { messaging_product: 'whatsapp', recipient_type: 'individual', to: SEED_MOBILE };

function onlyCurrentReplySent(sandbox: Sandbox): unknown {
	expect(sandbox.requests.map((request) => [request.method, request.path])).toEqual([['POST', REPLY_PATH]]);
	const [request] = sandbox.requests;
	expect(request.headers['api-key']).toBe(REPLY_TEST_KEY);
	expect(sandbox.state.sent).toHaveLength(1);
	return request.body;
}

const buttons = (...entries: Array<{ title: string; id?: string }>) => ({
	button: entries.map(({ title, id = '' }) => ({ title, id })),
});

interface CurrentCase {
	operation: string;
	parameters: INodeParameters;
	body: IDataObject;
}

const cases: CurrentCase[] = [
	{
		operation: 'sendText',
		parameters: { text: 'Your order has shipped.' },
		body: { ...ENVELOPE, type: 'text', text: { body: 'Your order has shipped.' } },
	},
	{
		operation: 'sendButtons',
		parameters: {
			headerText: 'Dear Customer!',
			body: 'How would you like to rate our Services?',
			buttons: buttons({ title: 'Good', id: 'good' }, { title: 'Excellent' }),
		},
		body: {
			...ENVELOPE,
			type: 'interactive',
			interactive: {
				type: 'button',
				header: { type: 'text', text: 'Dear Customer!' },
				body: { text: 'How would you like to rate our Services?' },
				action: {
					buttons: [
						{ type: 'reply', reply: { id: 'good', title: 'Good' } },
						{ type: 'reply', reply: { id: '2', title: 'Excellent' } },
					],
				},
			},
		},
	},
	{
		operation: 'sendList',
		parameters: {
			body: 'What are you looking for?',
			listTitle: 'Items Available',
			rows: {
				row: [
					{ title: 'Fan', description: 'Wall Fan starting from Rs. 999', id: 'fan' },
					{ title: 'Cooler', description: '', id: '' },
				],
			},
		},
		body: {
			...ENVELOPE,
			type: 'interactive',
			interactive: {
				type: 'list',
				body: { text: 'What are you looking for?' },
				action: {
					button: 'Items Available',
					sections: [
						{
							rows: [
								{ id: 'fan', title: 'Fan', description: 'Wall Fan starting from Rs. 999' },
								{ id: '2', title: 'Cooler' },
							],
						},
					],
				},
			},
		},
	},
	{
		operation: 'sendForm',
		parameters: { body: 'Hi. how are you doing?', formCta: 'Fill Form', formId: '925610928478879' },
		body: {
			...ENVELOPE,
			type: 'interactive',
			interactive: {
				type: 'flow',
				body: { text: 'Hi. how are you doing?' },
				action: {
					name: 'flow',
					parameters: { flow_message_version: '3', flow_id: '925610928478879', flow_cta: 'Fill Form' },
				},
			},
		},
	},
	{
		operation: 'sendCtaUrl',
		parameters: { body: 'Track your parcel', buttonText: 'Track Order', buttonUrl: 'https://example.com/orders/1042' },
		body: {
			...ENVELOPE,
			type: 'interactive',
			interactive: {
				type: 'cta_url',
				body: { text: 'Track your parcel' },
				action: { name: 'cta_url', parameters: { display_text: 'Track Order', url: 'https://example.com/orders/1042' } },
			},
		},
	},
	{
		operation: 'sendImage',
		parameters: { mediaLink: 'https://example.com/photo.jpg', caption: 'Cunnekt' },
		body: { ...ENVELOPE, type: 'image', image: { link: 'https://example.com/photo.jpg', caption: 'Cunnekt' } },
	},
	{
		operation: 'sendVideo',
		parameters: { mediaLink: 'https://example.com/clip.mp4', caption: '' },
		body: { ...ENVELOPE, type: 'video', video: { link: 'https://example.com/clip.mp4' } },
	},
	{
		operation: 'sendDocument',
		parameters: { mediaLink: 'https://example.com/invoice.pdf', caption: 'Your invoice', fileName: 'invoice-1042.pdf' },
		body: {
			...ENVELOPE,
			type: 'document',
			document: { link: 'https://example.com/invoice.pdf', caption: 'Your invoice', filename: 'invoice-1042.pdf' },
		},
	},
	{
		operation: 'sendAudio',
		parameters: { mediaLink: 'https://example.com/voice-note.mp3', caption: '' },
		body: { ...ENVELOPE, type: 'audio', audio: { link: 'https://example.com/voice-note.mp3' } },
	},
	{
		operation: 'sendAddressRequest',
		parameters: {
			body: 'Thanks for your order! Where should we deliver it?',
			addressValues: { name: 'Vivek Sharma', in_pin_code: '400001', phone_number: '+91 99999-99999' },
		},
		body: {
			...ENVELOPE,
			type: 'interactive',
			interactive: {
				type: 'address_message',
				body: { text: 'Thanks for your order! Where should we deliver it?' },
				action: {
					name: 'address_message',
					parameters: {
						country: 'IN',
						values: { name: 'Vivek Sharma', phone_number: '+919999999999', in_pin_code: '400001' },
					},
				},
			},
		},
	},
	{
		operation: 'sendCallButton',
		parameters: {
			body: 'Need help with your order? Call us.',
			callOptions: { displayText: 'Call Support', ttlMinutes: 1440, payload: 'order-1042' },
		},
		body: {
			...ENVELOPE,
			type: 'interactive',
			interactive: {
				type: 'voice_call',
				body: { text: 'Need help with your order? Call us.' },
				action: {
					name: 'voice_call',
					parameters: { display_text: 'Call Support', ttl_minutes: 1440, payload: 'order-1042' },
				},
			},
		},
	},
	{
		// Without options WhatsApp's defaults apply ("Call Now", 7 days): no parameters object at all.
		operation: 'sendCallButton',
		parameters: { body: 'Call us on WhatsApp.' },
		body: {
			...ENVELOPE,
			type: 'interactive',
			interactive: { type: 'voice_call', body: { text: 'Call us on WhatsApp.' }, action: { name: 'voice_call' } },
		},
	},
];

describe('Reply on the current platform: WhatsApp Cloud API bodies, exactly', () => {
	it.each(cases.map((entry) => [entry.operation, entry] as const))('%s', async (_operation, { operation, parameters, body }) => {
		const result = await runReply(context.sandbox, operation, parameters, { platform: 'current' });
		expect(onlyCurrentReplySent(context.sandbox)).toEqual(body);
		expect(JSON.stringify(context.sandbox.requests[0].body)).toBe(JSON.stringify(body));
		expectSentItem(context.sandbox, result);
	});
});

describe('What one platform cannot send is refused before anything is sent', () => {
	const NEEDS_CURRENT = (operation: string) =>
		`${operation} needs Cunnekt's current platform (app.cunnekt.com); this credential is set to the classic platform (app2.cunnekt.com)`;

	it('Send Address Request on the classic platform', async () => {
		const result = await runReply(context.sandbox, 'sendAddressRequest', { body: 'Where should we deliver it?' });
		expectRefusedItem(context.sandbox, result, NEEDS_CURRENT('Send Address Request'));
	});

	it('Send Call Button on the classic platform', async () => {
		const result = await runReply(context.sandbox, 'sendCallButton', { body: 'Call us.' });
		expectRefusedItem(context.sandbox, result, NEEDS_CURRENT('Send Call Button'));
	});

	it('a caption with audio on the current platform (the Cloud API takes none)', async () => {
		await refusedOnCurrent(
			'sendAudio',
			{ mediaLink: 'https://example.com/voice-note.mp3', caption: 'Listen' },
			"Caption cannot go with audio on Cunnekt's current platform: WhatsApp's Cloud API takes no caption for audio",
		);
	});

	it('with Continue On Fail, one error item per refused item, in order, and the others sent', async () => {
		const result = await runReply(
			context.sandbox,
			'sendCallButton',
			{ body: '={{ $json.body }}' },
			{ items: [{ body: 'Call us.' }, { body: '' }], continueOnFail: true, platform: 'current' },
		);
		expect(result.items.map((item) => [item.json.error ?? 'sent', item.pairedItem])).toEqual([
			['sent', { item: 0 }],
			['Body is empty; it is required [item 1]', { item: 1 }],
		]);
		expect(context.sandbox.requests).toHaveLength(1);
	});
});

describe('The limits of the new reply types, checked before sending', () => {
	it('call button text over 20 characters', async () => {
		await refusedOnCurrent(
			'sendCallButton',
			{ body: 'Call us.', callOptions: { displayText: 'Call our support team now' } },
			'Button text is 25 characters; WhatsApp allows at most 20',
		);
	});

	it('call button active for 0 or more than 43200 minutes', async () => {
		for (const ttlMinutes of [0, 43201]) {
			await refusedOnCurrent(
				'sendCallButton',
				{ body: 'Call us.', callOptions: { ttlMinutes } },
				`Button active for must be a whole number of minutes from 1 to 43200 (30 days); WhatsApp refuses ${ttlMinutes}`,
			);
		}
	});

	it('call button payload over 512 characters', async () => {
		await refusedOnCurrent(
			'sendCallButton',
			{ body: 'Call us.', callOptions: { payload: 'x'.repeat(513) } },
			'Payload is 513 characters; WhatsApp allows at most 512',
		);
	});

	it('an address request to a number outside India', async () => {
		await refusedOnCurrent(
			'sendAddressRequest',
			{ mobile: '+44 7700 900123', body: 'Where should we deliver it?' },
			'Recipient 447700900123 is not an Indian number; WhatsApp sends address requests only to customers in India (+91)',
		);
	});

	it('an address request with a PIN code that is not 6 digits', async () => {
		await refusedOnCurrent(
			'sendAddressRequest',
			{ body: 'Where should we deliver it?', addressValues: { in_pin_code: '4000' } },
			"PIN Code must be India's 6-digit PIN code",
		);
	});

	it.each(['classic', 'current'] as const)('a GIF as an image, on the %s platform alike', async (platform) => {
		const result = await runReply(
			context.sandbox,
			'sendImage',
			{ mediaLink: 'https://example.com/party.gif', caption: '' },
			{ platform },
		);
		expectRefusedItem(
			context.sandbox,
			result,
			'Image link points to a .gif file; WhatsApp takes JPEG or PNG as an image, at most 5 MB',
		);
	});

	it.each(['classic', 'current'] as const)('the same limit error on the %s platform (button title)', async (platform) => {
		const result = await runReply(
			context.sandbox,
			'sendButtons',
			{ body: 'Rate us', buttons: buttons({ title: 'Absolutely excellent!!' }) },
			{ platform },
		);
		expectRefusedItem(context.sandbox, result, 'Button 1 title is 22 characters; WhatsApp allows at most 20');
	});
});
