import { REPLY_TEST_KEY, SEED_MOBILE as MOBILE, useReplySandbox } from '../helpers/reply';
import { senderOf } from '../helpers/sender';

/**
 * The current platform's reply path answers the Cloud API types as WhatsApp would (sandbox/routes/current.js, written
 * from Meta's pages, not from the node): each body below breaks one rule and gets 131009 with what is wrong; at the
 * limit it is accepted.
 */

const REPLY = '/api/v1/whatsapp/replymessage';
const context = useReplySandbox();

type Answer = { status: number; body: { success?: boolean; error?: { code: number; error_data: { details: string } } } };

async function post(body: object): Promise<Answer> {
	const response = await fetch(`${context.sandbox.currentBaseUrl}${REPLY}`, {
		method: 'POST',
		headers: { 'API-KEY': REPLY_TEST_KEY, 'Content-Type': 'application/json' },
		body: JSON.stringify(body),
	});
	return { status: response.status, body: (await response.json()) as Answer['body'] };
}

const ENVELOPE = { messaging_product: 'whatsapp', recipient_type: 'individual', to: MOBILE };
const message = (type: string, content: unknown) => ({ ...ENVELOPE, type, [type]: content });
const card = (name: object, more: object = {}) => ({ name, ...more });
const seededMessageId = () => [...context.sandbox.state.received.keys()][0];

const refused: Array<[string, object, string]> = [
	['a latitude of 90.5', message('location', { latitude: 90.5, longitude: 0 }), 'location.latitude must be -90 to 90'],
	['a longitude of "-180.5"', message('location', { latitude: 0, longitude: '-180.5' }), 'location.longitude must be -180 to 180'],
	['a location without longitude', message('location', { latitude: 1 }), 'location.longitude must be -180 to 180'],
	['no contacts', message('contacts', []), 'contacts must hold 1 to 257 contacts'],
	['258 contacts', message('contacts', Array(258).fill(card({ formatted_name: 'A' }))), 'contacts must hold 1 to 257 contacts'],
	['a contact without formatted_name', message('contacts', [card({ first_name: 'Asha' })]), 'contacts[0].name.formatted_name is required'],
	['phones that are no list', message('contacts', [card({ formatted_name: 'A' }, { phones: { phone: '1' } })]), 'contacts[0].phones must be an array of objects'],
	['a birthday of 23/04/1990', message('contacts', [card({ formatted_name: 'A' }, { birthday: '23/04/1990' })]), 'contacts[0].birthday must be YYYY-MM-DD'],
	['a reaction without message_id', message('reaction', { emoji: '👍' }), 'reaction.message_id is required'],
	['a reaction of two emoji', message('reaction', { message_id: 'wamid.X', emoji: '👍👍' }), 'reaction.emoji must be exactly one emoji'],
	['a reaction of text', message('reaction', { message_id: 'wamid.X', emoji: 'ok' }), 'reaction.emoji must be exactly one emoji'],
	['a PNG sticker', message('sticker', { link: 'https://example.com/s.png' }), 'a sticker must be a .webp file (image/webp)'],
	['a sticker with a caption', message('sticker', { link: 'https://example.com/s.webp', caption: 'Hi' }), 'sticker.caption is not a valid parameter'],
	[
		'a location request with a header',
		{ ...ENVELOPE, type: 'interactive', interactive: { type: 'location_request_message', header: { type: 'text', text: 'Hi' }, body: { text: 'Where?' }, action: { name: 'send_location' } } },
		'a location request has no header',
	],
	[
		'a location request whose action is not send_location',
		{ ...ENVELOPE, type: 'interactive', interactive: { type: 'location_request_message', body: { text: 'Where?' }, action: { name: 'location' } } },
		'interactive.action.name must be "send_location"',
	],
];

describe('the current platform refuses Cloud API bodies WhatsApp refuses', () => {
	it.each(refused)('%s', async (_name, body, details) => {
		const answer = await post(body);
		expect([answer.status, answer.body.error?.code, answer.body.error?.error_data.details]).toEqual([400, 131009, details]);
		expect(context.sandbox.state.sent).toEqual([]);
	});

	it('accepts each type at its limits', async () => {
		const atLimit = [
			message('location', { latitude: -90, longitude: '180' }),
			message('location', { latitude: 18.922, longitude: 72.8347, name: 'Gateway of India', address: 'Colaba' }),
			message('contacts', Array(257).fill(card({ formatted_name: 'A' }, { phones: [{ phone: '+91 1' }], org: { company: 'C' }, birthday: '1990-04-23' }))),
			message('reaction', { message_id: 'wamid.X', emoji: '👩🏽‍💻' }),
			message('reaction', { message_id: 'wamid.X', emoji: '' }),
			message('sticker', { link: 'https://example.com/stickers/42' }),
			{ ...ENVELOPE, type: 'interactive', interactive: { type: 'location_request_message', body: { text: 'x'.repeat(1024) }, action: { name: 'send_location' } } },
		];
		for (const body of atLimit) expect([body, (await post(body)).status]).toEqual([body, 200]);
		expect(context.sandbox.state.sent).toHaveLength(atLimit.length);
	});
});

/** A read receipt names a message a customer sent (the sample customer's seeded one, or one the webhook sender posted). */
describe('a read receipt', () => {
	const receipt = (more: object = {}) => ({ messaging_product: 'whatsapp', status: 'read', message_id: seededMessageId(), ...more });

	it('marks a message a customer sent as read, with or without the typing indicator, window or not: {success: true}', async () => {
		context.sandbox.reset();
		expect(await post(receipt())).toEqual({ status: 200, body: { success: true } });
		expect(await post(receipt({ typing_indicator: { type: 'text' } }))).toEqual({ status: 200, body: { success: true } });
		expect(context.sandbox.state.sent).toEqual([]);
	});

	it('marks a message the webhook sender posted as read: the sandbox knows it from then on', async () => {
		const posted = await senderOf(context.sandbox).message(`${context.sandbox.url}/__sandbox/nowhere`, 'text', { text: 'Hi' });
		expect(await post(receipt({ message_id: posted.messageId }))).toEqual({ status: 200, body: { success: true } });
	});

	it.each([
		['an unknown message id', { message_id: 'wamid.unknown' }, 'message_id "wamid.unknown" is not a message a customer sent to this number'],
		['a recipient', { to: MOBILE }, 'a read receipt has no to'],
		['a type', { type: 'text' }, 'a read receipt has no type'],
		['another status', { status: 'delivered' }, 'status must be "read"'],
		['another typing indicator', { typing_indicator: { type: 'audio' } }, 'typing_indicator must be {type:"text"}'],
	])('refuses %s', async (_name, more, details) => {
		const answer = await post(receipt(more));
		expect([answer.status, answer.body.error?.code, answer.body.error?.error_data.details]).toEqual([400, 131009, details]);
	});
});
