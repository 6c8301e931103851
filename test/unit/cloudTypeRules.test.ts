/**
 * WhatsApp's rules for the Reply types that send Cloud API messages (nodes/Cunnekt/whatsapp/), pure: each at its
 * edge, the value it returns, and the exact message it refuses with; the node tests
 * (test/nodes/cunnekt/reply.cloudTypes.test.ts) check them through n8n's engine.
 */
import { checkContactCardsJson, contactCard } from '../../nodes/Cunnekt/whatsapp/contacts';
import { checkCustomMessage } from '../../nodes/Cunnekt/whatsapp/customMessage';
import { checkCoordinate, checkMessageId, LIMITS, parseJsonField } from '../../nodes/Cunnekt/whatsapp/limits';
import { checkMediaLink } from '../../nodes/Cunnekt/whatsapp/media';
import { checkReactionEmoji, isOneEmoji } from '../../nodes/Cunnekt/whatsapp/reaction';
import { refusal } from '../helpers/refusal';

describe('checkCoordinate', () => {
	it('passes the edges and text an expression gives, as numbers', () => {
		expect(checkCoordinate(90, 'Latitude', LIMITS.latitude)).toBe(90);
		expect(checkCoordinate(-90, 'Latitude', LIMITS.latitude)).toBe(-90);
		expect(checkCoordinate(' -180 ', 'Longitude', LIMITS.longitude)).toBe(-180);
		expect(checkCoordinate('72.8347', 'Longitude', LIMITS.longitude)).toBe(72.8347);
		expect(checkCoordinate(0, 'Latitude', LIMITS.latitude)).toBe(0);
	});

	it('refuses a value past either edge, text that is no number, and nothing', () => {
		expect(refusal(() => checkCoordinate(90.0001, 'Latitude', LIMITS.latitude))).toEqual({
			message: 'Latitude must be a number from -90 to 90 (decimal degrees); WhatsApp refuses 90.0001',
			description: 'For example 18.9220 and 72.8347 (Mumbai). A map app shows them when you share or long-press a place.',
		});
		expect(refusal(() => checkCoordinate(-180.5, 'Longitude', LIMITS.longitude)).message).toBe(
			'Longitude must be a number from -180 to 180 (decimal degrees); WhatsApp refuses -180.5',
		);
		expect(refusal(() => checkCoordinate('18°55′N', 'Latitude', LIMITS.latitude)).message).toBe(
			'Latitude must be a number from -90 to 90 (decimal degrees); WhatsApp refuses "18°55′N"',
		);
		expect(refusal(() => checkCoordinate(true, 'Latitude', LIMITS.latitude)).message).toBe(
			'Latitude must be a number from -90 to 90 (decimal degrees); WhatsApp refuses true',
		);
		for (const empty of ['', '  ', undefined, null]) {
			expect(refusal(() => checkCoordinate(empty, 'Latitude', LIMITS.latitude))).toEqual({ message: 'Latitude is empty; WhatsApp requires it' });
		}
	});
});

describe('a reaction: checkMessageId and checkReactionEmoji', () => {
	it('passes a message id trimmed, and refuses an empty one, saying where to map it from', () => {
		expect(checkMessageId(' wamid.ABC ')).toBe('wamid.ABC');
		expect(refusal(() => checkMessageId('  '))).toEqual({
			message: "Message ID is empty; WhatsApp needs the id of the customer's message",
			description: "Map the Cunnekt Trigger's messageId, e.g. {{ $('Cunnekt Trigger').item.json.messageId }}.",
		});
	});

	it('takes one emoji, however many code points it has, and empty (which removes the reaction)', () => {
		for (const emoji of ['👍', '👍🏽', '❤️', '❤', '🇮🇳', '1️⃣', '👩🏽‍💻', '🏳️‍🌈', '👨‍👩‍👧‍👦', '🏴󠁧󠁢󠁳󠁣󠁴󠁿']) {
			expect([emoji, isOneEmoji(emoji)]).toEqual([emoji, true]);
			expect(checkReactionEmoji(` ${emoji} `)).toBe(emoji);
		}
		expect(checkReactionEmoji('')).toBe('');
		expect(checkReactionEmoji('   ')).toBe('');
	});

	it('refuses two emoji, text, a lone digit or flag letter', () => {
		for (const text of ['👍👍', 'ok', '1', '🇮', '👍 thanks']) expect([text, isOneEmoji(text)]).toEqual([text, false]);
		expect(refusal(() => checkReactionEmoji('👍👍'))).toEqual({
			message: 'Emoji "👍👍" is not one emoji; WhatsApp reacts with exactly one',
			description: 'Enter a single emoji such as 👍, or leave it empty to remove your reaction.',
		});
	});
});

describe('a sticker: checkMediaLink(…, "sticker")', () => {
	it('passes a .webp link and a link whose name shows no type', () => {
		for (const link of ['https://example.com/s.webp', 'https://example.com/s.WEBP', 'https://example.com/stickers/42']) {
			expect(checkMediaLink(link, 'sticker', 'Sticker link')).toBe(link);
		}
	});

	it('refuses a link whose name shows another type, naming WhatsApp\'s sticker sizes', () => {
		expect(refusal(() => checkMediaLink('https://example.com/s.png', 'sticker', 'Sticker link'))).toEqual({
			message: 'Sticker link points to a .png file; WhatsApp takes WebP as a sticker, 512×512 pixels, at most 100 KB (or 500 KB animated)',
			description: 'Received: https://example.com/s.png. Convert the file, or send it with the operation for its type.',
		});
	});
});

describe('contactCard (the form)', () => {
	it('builds a card of the parts given, in WhatsApp\'s words; a phone on WhatsApp gets its wa_id', () => {
		expect(
			contactCard(
				{
					formattedName: ' Asha Rao ',
					lastName: 'Rao',
					phone: '+91 98765-43210',
					phoneType: 'Mobile',
					phoneOnWhatsApp: true,
					jobTitle: 'Lead',
					zip: '400001',
					countryCode: 'in',
					birthday: '2000-02-29',
				},
				'Contact 1',
			),
		).toEqual({
			name: { formatted_name: 'Asha Rao', last_name: 'Rao' },
			phones: [{ phone: '+91 98765-43210', type: 'Mobile', wa_id: '919876543210' }],
			org: { title: 'Lead' },
			addresses: [{ zip: '400001', country_code: 'in' }],
			birthday: '2000-02-29',
		});
		expect(contactCard({ formattedName: 'Support', phone: '1800 123', firstName: '', email: '' }, 'Contact 2')).toEqual({
			name: { formatted_name: 'Support' },
			phones: [{ phone: '1800 123' }],
		});
	});

	it('refuses a card without its formatted name, a bad email, website, birthday or country code', () => {
		expect(refusal(() => contactCard({ formattedName: ' ' }, 'Contact 3')).message).toBe(
			'Contact 3 formatted name is empty; WhatsApp requires the name as the card shows it',
		);
		expect(refusal(() => contactCard({ formattedName: 'A', email: 'a@b' }, 'Contact 1')).message).toBe('Contact 1 email "a@b" is not an email address');
		expect(refusal(() => contactCard({ formattedName: 'A', website: 'www.example.com' }, 'Contact 1'))).toEqual({
			message: 'Contact 1 website must be an absolute http(s) URL',
			description: 'Received: "www.example.com". The card opens it in the browser.',
		});
		expect(refusal(() => contactCard({ formattedName: 'A', birthday: '2001-02-29' }, 'Contact 1'))).toEqual({
			message: 'Contact 1 birthday must be a date written YYYY-MM-DD, e.g. 1990-04-23',
			description: 'Received: "2001-02-29"',
		});
		expect(refusal(() => contactCard({ formattedName: 'A', countryCode: 'IND' }, 'Contact 1')).message).toBe(
			'Contact 1 country code must be two letters (ISO 3166), e.g. IN',
		);
	});
});

describe('checkContactCardsJson', () => {
	const asha = { name: { formatted_name: 'Asha Rao' }, phones: [{ phone: '+91 98765 43210' }], org: { company: 'Cunnekt' } };

	it('passes the list or {"contacts": [...]} as it is, 1 to 257 cards', () => {
		expect(checkContactCardsJson([asha], 'Contacts (JSON)')).toEqual([asha]);
		expect(checkContactCardsJson({ type: 'contacts', contacts: [asha] }, 'Contacts (JSON)')).toEqual([asha]);
		expect(checkContactCardsJson(Array(257).fill(asha), 'Contacts (JSON)')).toHaveLength(257);
	});

	it('refuses anything else, naming the card and the part', () => {
		expect(refusal(() => checkContactCardsJson('Asha', 'Contacts (JSON)')).message).toBe('Contacts (JSON) must be the list of contact cards or {"contacts": [...]}');
		expect(refusal(() => checkContactCardsJson(Array(258).fill(asha), 'Contacts (JSON)')).message).toBe('Contacts: 258 given; WhatsApp allows 1 to 257');
		expect(refusal(() => checkContactCardsJson([asha, 'Vivek'], 'Contacts (JSON)')).message).toBe(
			'Contact 2 must be an object, such as {"name": {"formatted_name": "Asha Rao"}}',
		);
		expect(refusal(() => checkContactCardsJson([{ name: { formatted_name: '' } }], 'Contacts (JSON)')).message).toBe(
			'Contact 1 has no name.formatted_name; WhatsApp requires the name as the card shows it',
		);
		expect(refusal(() => checkContactCardsJson([{ ...asha, urls: 'https://example.com' }], 'Contacts (JSON)')).message).toBe(
			'Contact 1 urls must be a list of objects, e.g. [{"url": "…"}]',
		);
		expect(refusal(() => checkContactCardsJson([{ ...asha, org: ['Cunnekt'] }], 'Contacts (JSON)')).message).toBe(
			'Contact 1 org must be an object, e.g. {"company": "…"}',
		);
	});
});

describe('checkCustomMessage', () => {
	it('passes an object with a type and the object it names, without the envelope WhatsApp\'s examples repeat', () => {
		const location = { type: 'location', location: { latitude: 1, longitude: 2 } };
		expect(checkCustomMessage(location)).toEqual(location);
		expect(checkCustomMessage(JSON.stringify({ messaging_product: 'whatsapp', recipient_type: 'individual', ...location }))).toEqual(location);
		// A key named like something every object inherits is still only the user's own.
		expect(refusal(() => checkCustomMessage({ type: 'constructor' })).message).toBe(
			'Message (JSON) is of type "constructor" but has no "constructor"; WhatsApp reads the message from the key its type names',
		);
	});

	it('refuses what is not an object, has no type, or names a recipient', () => {
		expect(refusal(() => checkCustomMessage(null)).message).toBe('Message (JSON) must be a JSON object; received null');
		expect(refusal(() => checkCustomMessage('42')).message).toBe('Message (JSON) must be a JSON object; received a number');
		expect(refusal(() => checkCustomMessage({ type: '', text: {} })).message).toBe(
			'Message (JSON) has no "type"; WhatsApp needs it to read the message (text, image, location, …)',
		);
		expect(refusal(() => checkCustomMessage({ type: 'text', text: null })).message).toBe(
			'Message (JSON) is of type "text" but has no "text"; WhatsApp reads the message from the key its type names',
		);
		expect(refusal(() => checkCustomMessage({ type: 'text', text: {}, recipient: 'IN.1' }))).toEqual({
			message: 'Message (JSON) holds "recipient"; the node sends the message to the Recipient field, so remove it',
			description: 'Received: "\\"IN.1\\""',
		});
		expect(refusal(() => checkCustomMessage({ recipient_type: 'group', type: 'text', text: {} })).message).toBe(
			'Message (JSON) holds "recipient_type": "group"; WhatsApp takes only "individual", which the node sends',
		);
	});
});

describe('parseJsonField', () => {
	it('parses text, passes what an expression gave, and names the field of bad JSON', () => {
		expect(parseJsonField('{"a": 1}', 'Field', 'Hint')).toEqual({ a: 1 });
		expect(parseJsonField([1], 'Field', 'Hint')).toEqual([1]);
		expect(refusal(() => parseJsonField('{', 'Field', 'Hint')).description).toBe('Hint');
		expect(refusal(() => parseJsonField('{', 'Field', 'Hint')).message).toMatch(/^Field is not valid JSON: /);
	});
});
