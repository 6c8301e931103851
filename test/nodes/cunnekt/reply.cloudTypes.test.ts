/**
 * The Reply types that send WhatsApp Cloud API messages only the current platform carries, in n8n's real engine
 * against the sandbox on that platform: every limit refused before sending, with the exact error and nothing sent; at
 * the limit the message goes, exactly. Each type's ordinary body, on both platforms and to a BSUID, is in the body
 * table (test/fixtures/replyBodies.js).
 */
import type { INodeParameters } from 'n8n-workflow';

import { expectRefused, REPLY_TEST_KEY, runReply, SEED_MOBILE, useReplySandbox } from '../../helpers/reply';

const { CUSTOMER_MESSAGE_ID } = require('../../fixtures/replyBodies') as { CUSTOMER_MESSAGE_ID: string };

const context = useReplySandbox();

const REPLY_PATH = '/api/v1/whatsapp/replymessage';
const ENVELOPE = { messaging_product: 'whatsapp', recipient_type: 'individual', to: SEED_MOBILE };
/** A required field left empty by an expression (a literal empty one is stopped by n8n itself). */
const EMPTY_EXPRESSION = '={{ $json.missing ?? "" }}';

/** Valid parameters per operation; each case changes one thing. */
const VALID: Record<string, INodeParameters> = {
	sendLocation: { latitude: 18.922, longitude: 72.8347 },
	requestLocation: { body: 'Share your location, please.' },
	sendContacts: { contactsMode: 'fields', contacts: { contact: [{ formattedName: 'Asha Rao', details: {} }] } },
	sendReaction: { messageId: CUSTOMER_MESSAGE_ID, emoji: '👍' },
	sendSticker: { stickerLink: 'https://example.com/stickers/thank-you.webp' },
	markAsRead: { messageId: CUSTOMER_MESSAGE_ID, typingIndicator: false },
	sendCustomMessage: { messageJson: '{"type": "text", "text": {"body": "Hello"}}' },
};

const run = (operation: string, parameters: INodeParameters) =>
	runReply(context.sandbox, operation, { ...VALID[operation], ...parameters }, { platform: 'current' });

/** Refused before anything is sent, with exactly this message. */
async function refused(operation: string, parameters: INodeParameters, message: string): Promise<void> {
	expectRefused(context.sandbox, await run(operation, parameters), `${message} [item 0]`);
}

/** Sent once, exactly this body at the reply path, and the item says so. */
async function sent(operation: string, parameters: INodeParameters, body: Record<string, unknown>): Promise<void> {
	const result = await run(operation, parameters);
	expect(result.error).toBeUndefined();
	expect(context.sandbox.requests.map((request) => [request.method, request.path, JSON.stringify(request.body)])).toEqual([
		['POST', REPLY_PATH, JSON.stringify(body)],
	]);
	expect(context.sandbox.requests[0].headers['api-key']).toBe(REPLY_TEST_KEY);
	expect(result.items).toHaveLength(1);
}

const cards = (count: number) => ({
	contact: Array.from({ length: count }, (_, index) => ({ formattedName: `Contact ${index + 1}`, details: {} })),
});
const card = (details: INodeParameters, formattedName = 'Asha Rao') => ({ contacts: { contact: [{ formattedName, details }] } });

describe('Send Location: latitude -90 to 90, longitude -180 to 180, in decimal degrees', () => {
	it('sends the edges, and coordinates an expression gives as text, as numbers', async () => {
		await sent('sendLocation', { latitude: 90, longitude: -180 }, { ...ENVELOPE, type: 'location', location: { latitude: 90, longitude: -180 } });
		context.sandbox.clearRequests();
		await sent(
			'sendLocation',
			{ latitude: '={{ "-12.5" }}', longitude: '={{ " 77.59 " }}' },
			{ ...ENVELOPE, type: 'location', location: { latitude: -12.5, longitude: 77.59 } },
		);
	});

	it.each([
		['latitude', 90.5, 'Latitude must be a number from -90 to 90 (decimal degrees); WhatsApp refuses 90.5'],
		['latitude', -91, 'Latitude must be a number from -90 to 90 (decimal degrees); WhatsApp refuses -91'],
		['longitude', 180.01, 'Longitude must be a number from -180 to 180 (decimal degrees); WhatsApp refuses 180.01'],
		['longitude', -181, 'Longitude must be a number from -180 to 180 (decimal degrees); WhatsApp refuses -181'],
		['latitude', '={{ "12,97" }}', 'Latitude must be a number from -90 to 90 (decimal degrees); WhatsApp refuses "12,97"'],
		['longitude', EMPTY_EXPRESSION, 'Longitude is empty; WhatsApp requires it'],
	])('refuses %s %p', async (name, value, message) => {
		await refused('sendLocation', { [name]: value }, message);
	});
});

describe('Request Location: a body of 1 to 1024 characters', () => {
	it('sends 1024 characters', async () => {
		const text = 'x'.repeat(1024);
		await sent('requestLocation', { body: text }, {
			...ENVELOPE,
			type: 'interactive',
			interactive: { type: 'location_request_message', body: { text }, action: { name: 'send_location' } },
		});
	});

	it('refuses 1025 characters and an empty body', async () => {
		await refused('requestLocation', { body: 'x'.repeat(1025) }, 'Body is 1025 characters; WhatsApp allows at most 1024');
		await refused('requestLocation', { body: EMPTY_EXPRESSION }, 'Body is empty; it is required');
	});
});

describe('Send Contacts: 1 to 257 cards, each with a formatted name', () => {
	it('sends 257 cards', async () => {
		const result = await run('sendContacts', { contacts: cards(257) });
		expect(result.error).toBeUndefined();
		expect((context.sandbox.requests[0].body as { contacts: unknown[] }).contacts).toHaveLength(257);
	});

	it.each([
		[{ contacts: cards(258) }, 'Contacts: 258 given; WhatsApp allows 1 to 257'],
		[{ contacts: {} }, 'Contacts: 0 given; WhatsApp allows 1 to 257'],
		[card({}, EMPTY_EXPRESSION), 'Contact 1 formatted name is empty; WhatsApp requires the name as the card shows it'],
		[card({ email: 'asha.example.com' }), 'Contact 1 email "asha.example.com" is not an email address'],
		[card({ website: 'example.com' }), 'Contact 1 website must be an absolute http(s) URL'],
		[card({ birthday: '1990-02-30' }), 'Contact 1 birthday must be a date written YYYY-MM-DD, e.g. 1990-04-23'],
		[card({ countryCode: 'IND' }), 'Contact 1 country code must be two letters (ISO 3166), e.g. IN'],
		[
			card({ phone: 'call us', phoneOnWhatsApp: true }),
			'Contact 1 phone "call us" is not a phone number: it may contain only digits, spaces, "+", "-", "." and parentheses',
		],
	])('refuses %j', async (parameters, message) => {
		await refused('sendContacts', parameters, message);
	});

	it('as JSON: the cards go as they are, every part WhatsApp knows; {"contacts": [...]} too', async () => {
		const contacts = [
			{
				name: { formatted_name: 'Dr. Asha J. Rao', first_name: 'Asha', middle_name: 'J.', last_name: 'Rao', prefix: 'Dr.' },
				phones: [
					{ phone: '+91 98765 43210', type: 'Mobile', wa_id: '919876543210' },
					{ phone: '+91 22 4000 0000', type: 'Work' },
				],
				addresses: [{ street: '14 Marine Drive', city: 'Mumbai', type: 'Work' }],
				birthday: '1990-04-23',
			},
		];
		await sent('sendContacts', { contactsMode: 'json', contactsJson: JSON.stringify(contacts) }, { ...ENVELOPE, type: 'contacts', contacts });
		context.sandbox.clearRequests();
		await sent('sendContacts', { contactsMode: 'json', contactsJson: JSON.stringify({ contacts }) }, { ...ENVELOPE, type: 'contacts', contacts });
	});

	it.each([
		['[]', 'Contacts: 0 given; WhatsApp allows 1 to 257'],
		['{"name": "Asha"}', 'Contacts (JSON) must be the list of contact cards or {"contacts": [...]}'],
		['[{"name": {"first_name": "Asha"}}]', 'Contact 1 has no name.formatted_name; WhatsApp requires the name as the card shows it'],
		['[{"name": {"formatted_name": "Asha"}, "phones": {"phone": "+91 98765 43210"}}]', 'Contact 1 phones must be a list of objects, e.g. [{"phone": "…"}]'],
		['[{"name": {"formatted_name": "Asha"}, "birthday": "23/04/1990"}]', 'Contact 1 birthday must be a date written YYYY-MM-DD, e.g. 1990-04-23'],
	])('as JSON, refuses %s', async (contactsJson, message) => {
		await refused('sendContacts', { contactsMode: 'json', contactsJson }, message);
	});
});

describe('Send Reaction: a message id and one emoji (empty removes the reaction)', () => {
	it('sends one emoji of several code points, and an empty one (which removes the reaction)', async () => {
		for (const emoji of ['👩🏽‍💻', '🇮🇳', '❤️', '']) {
			context.sandbox.clearRequests();
			await sent('sendReaction', { emoji }, { ...ENVELOPE, type: 'reaction', reaction: { message_id: CUSTOMER_MESSAGE_ID, emoji } });
		}
	});

	it('refuses a reaction without a message id', async () => {
		await refused('sendReaction', { messageId: EMPTY_EXPRESSION }, "Message ID is empty; WhatsApp needs the id of the customer's message");
	});

	it.each(['👍👍', 'ok', '1', '👍 thanks'])('refuses %p as the emoji', async (emoji) => {
		await refused('sendReaction', { emoji }, `Emoji ${JSON.stringify(emoji)} is not one emoji; WhatsApp reacts with exactly one`);
	});
});

describe('Send Sticker: a public http(s) link to a WebP file', () => {
	it('sends a .webp link, and a link whose name shows no type (WhatsApp checks the file)', async () => {
		await sent('sendSticker', {}, { ...ENVELOPE, type: 'sticker', sticker: { link: 'https://example.com/stickers/thank-you.webp' } });
		context.sandbox.clearRequests();
		await sent('sendSticker', { stickerLink: 'https://example.com/stickers/42' }, { ...ENVELOPE, type: 'sticker', sticker: { link: 'https://example.com/stickers/42' } });
	});

	it.each([
		['https://example.com/stickers/thank-you.png', 'Sticker link points to a .png file; WhatsApp takes WebP as a sticker, 512×512 pixels, at most 100 KB (or 500 KB animated)'],
		['https://example.com/party.gif', 'Sticker link points to a .gif file; WhatsApp takes WebP as a sticker, 512×512 pixels, at most 100 KB (or 500 KB animated)'],
		['ftp://example.com/thank-you.webp', 'Sticker link must be an absolute http(s) URL'],
	])('refuses %s', async (stickerLink, message) => {
		await refused('sendSticker', { stickerLink }, message);
	});
});

describe('Mark as Read: a message id, the typing indicator optional; no recipient', () => {
	it('without the typing indicator: no typing_indicator in the body, and the item says so', async () => {
		const result = await run('markAsRead', {});
		expect(result.error).toBeUndefined();
		expect(context.sandbox.requests.map((request) => [request.path, JSON.stringify(request.body)])).toEqual([
			[REPLY_PATH, JSON.stringify({ messaging_product: 'whatsapp', status: 'read', message_id: CUSTOMER_MESSAGE_ID })],
		]);
		expect(result.items).toEqual([
			{ json: { messageId: CUSTOMER_MESSAGE_ID, typingIndicator: false, success: true }, pairedItem: { item: 0 } },
		]);
	});

	it('needs no open service window: it is no message to the customer', async () => {
		context.sandbox.reset();
		const result = await run('markAsRead', { typingIndicator: true });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toEqual({ messageId: CUSTOMER_MESSAGE_ID, typingIndicator: true, success: true });
	});

	it('refuses an empty message id before sending', async () => {
		await refused('markAsRead', { messageId: EMPTY_EXPRESSION }, "Message ID is empty; WhatsApp needs the id of the customer's message");
	});

	it('a message id WhatsApp does not know fails with its answer (Continue On Fail: one error item)', async () => {
		const result = await runReply(
			context.sandbox,
			'markAsRead',
			{ messageId: 'wamid.unknown' },
			{ platform: 'current', continueOnFail: true },
		);
		expect(context.sandbox.requests).toHaveLength(1);
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json.error).toBe('Parameter value is not valid (131009)');
		expect(result.items[0].json.description).toContain('message_id "wamid.unknown" is not a message a customer sent to this number');
	});
});

describe('Send Custom Message (JSON): an object with a "type" and the object it names; the node addresses it', () => {
	it('sends an object an expression gives, with the envelope first', async () => {
		await sent(
			'sendCustomMessage',
			{ messageJson: '={{ { "type": "location", "location": { "latitude": 1.5, "longitude": 2.5 } } }}' },
			{ ...ENVELOPE, type: 'location', location: { latitude: 1.5, longitude: 2.5 } },
		);
	});

	it('paces and retries it like every send: a 429 is sent again, once', async () => {
		context.sandbox.faults.set({ path: REPLY_PATH, fault: 'tooManyRequests', times: 1, retryAfter: 0.05 });
		const result = await run('sendCustomMessage', {});
		expect(result.error).toBeUndefined();
		expect(context.sandbox.requests.map((request) => request.status)).toEqual([429, 200]);
		expect(context.sandbox.state.sent).toHaveLength(1);
	});

	let syntaxError = '';
	try {
		JSON.parse('{"type": "text",');
	} catch (error) {
		syntaxError = (error as Error).message;
	}

	it.each([
		['{"type": "text",', `Message (JSON) is not valid JSON: ${syntaxError}`],
		['[{"type": "text"}]', 'Message (JSON) must be a JSON object; received a list'],
		['"Hello"', 'Message (JSON) must be a JSON object; received a string'],
		['{"text": {"body": "Hello"}}', 'Message (JSON) has no "type"; WhatsApp needs it to read the message (text, image, location, …)'],
		['{"type": 3, "text": {"body": "Hello"}}', 'Message (JSON) has no "type"; WhatsApp needs it to read the message (text, image, location, …)'],
		['{"type": "location", "text": {"body": "Hello"}}', 'Message (JSON) is of type "location" but has no "location"; WhatsApp reads the message from the key its type names'],
		['{"type": "text", "to": "919888888888", "text": {"body": "Hello"}}', 'Message (JSON) holds "to"; the node sends the message to the Recipient field, so remove it'],
		['{"messaging_product": "sms", "type": "text", "text": {"body": "Hello"}}', 'Message (JSON) holds "messaging_product": "sms"; WhatsApp takes only "whatsapp", which the node sends'],
	])('refuses %s', async (messageJson, message) => {
		await refused('sendCustomMessage', { messageJson }, message);
	});
});

describe('the new types have "If the Service Window Is Closed"', () => {
	it('a location to a customer whose window is closed sends the template instead', async () => {
		context.sandbox.reset();
		const result = await run('sendLocation', {
			ifWindowClosed: 'sendTemplate',
			templateId: { __rl: true, mode: 'id', value: 'asdasdDSDsd' },
			parametersMode: 'json',
			componentsJson: '[]',
		});
		expect(result.error).toBeUndefined();
		expect(context.sandbox.requests.map((request) => [request.path, request.status])).toEqual([
			[REPLY_PATH, 400],
			['/restapi/v1/whatsapp/templates', 200],
			['/restapi/v1/whatsapp/sendtemplate', 200],
		]);
		expect(result.items[0].json.sentAs).toBe('template');
	});
});
