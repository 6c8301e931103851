/**
 * WhatsApp's rules (nodes/Cunnekt/whatsapp/), pure: each check at its edge, the value it returns, and the exact
 * message and hint it refuses with. The node tests check the same rules through n8n's engine, with the item number.
 */
import { checkAddressValue, checkIndianRecipient } from '../../nodes/Cunnekt/whatsapp/address';
import {
	checkCarouselCards,
	checkCount,
	checkHttpUrl,
	checkLength,
	checkTemplateName,
	checkUnique,
	checkWholeNumber,
	LIMITS,
	normaliseMobile,
	showValue,
} from '../../nodes/Cunnekt/whatsapp/limits';
import { checkMediaLink } from '../../nodes/Cunnekt/whatsapp/media';
import { refusal } from '../helpers/refusal';

describe('checkLength', () => {
	it('passes a value at either edge unchanged, counting characters as WhatsApp does (an emoji is one)', () => {
		expect(checkLength('x'.repeat(20), 'Button 1 title', LIMITS.buttonTitle)).toBe('x'.repeat(20));
		expect(checkLength('👍'.repeat(20), 'Button 1 title', LIMITS.buttonTitle)).toBe('👍'.repeat(20));
		expect(checkLength('x', 'Button 1 title', LIMITS.buttonTitle)).toBe('x');
		expect(checkLength('', 'Caption', LIMITS.caption)).toBe('');
	});

	it('refuses one past the maximum, with the length, the limit and the value', () => {
		expect(refusal(() => checkLength('x'.repeat(21), 'Button 1 title', LIMITS.buttonTitle))).toEqual({
			message: 'Button 1 title is 21 characters; WhatsApp allows at most 20',
			description: `Received: "${'x'.repeat(21)}"`,
		});
	});

	it('refuses an empty required value, and one below a minimum above 1', () => {
		expect(refusal(() => checkLength('', 'Body', LIMITS.interactiveBody))).toEqual({
			message: 'Body is empty; WhatsApp requires it',
			description: 'Received: ""',
		});
		expect(refusal(() => checkLength('a', 'Code', { min: 2, max: 4 }))).toEqual({
			message: 'Code is 1 character; WhatsApp requires at least 2',
			description: 'Received: "a"',
		});
	});

	it('shows a long value cut at 60 characters', () => {
		expect(showValue('y'.repeat(61))).toBe(`"${'y'.repeat(60)}…"`);
		expect(showValue('short')).toBe('"short"');
	});
});

describe('checkCount and checkUnique', () => {
	it('counts entries within the range, and says how many to add or remove', () => {
		expect(() => checkCount(3, 'Buttons', LIMITS.replyButtons)).not.toThrow();
		expect(refusal(() => checkCount(4, 'Buttons', LIMITS.replyButtons))).toEqual({
			message: 'Buttons: 4 given; WhatsApp allows 1 to 3',
			description: 'Remove 1.',
		});
		expect(refusal(() => checkCount(1, 'Options to choose from', LIMITS.choiceButtons))).toEqual({
			message: 'Options to choose from: 1 given; WhatsApp allows 2 to 3',
			description: 'Add at least 2.',
		});
		expect(LIMITS.choiceRows).toEqual({ min: 2, max: 10 });
	});

	it('refuses the first value that appears twice', () => {
		expect(() => checkUnique(['a', 'b'], 'Button titles')).not.toThrow();
		expect(refusal(() => checkUnique(['a', 'b', 'a'], 'Button titles'))).toEqual({
			message: 'Button titles must be unique; "a" appears more than once',
		});
	});
});

describe('checkWholeNumber', () => {
	it('takes a whole number within the range, given as a number or as text', () => {
		expect(checkWholeNumber(1, 'Button active for', LIMITS.callTtlMinutes, 'minutes')).toBe(1);
		expect(checkWholeNumber('43200', 'Button active for', LIMITS.callTtlMinutes, 'minutes')).toBe(43200);
	});

	it.each([0, 43201, 1.5, 'soon'])('refuses %p, saying what the largest value means', (value) => {
		expect(refusal(() => checkWholeNumber(value, 'Button active for', LIMITS.callTtlMinutes, 'minutes', '30 days'))).toEqual({
			message: `Button active for must be a whole number of minutes from 1 to 43200 (30 days); WhatsApp refuses ${JSON.stringify(value)}`,
		});
	});
});

describe('checkHttpUrl', () => {
	it('takes an absolute http(s) link, trimmed', () => {
		expect(checkHttpUrl(' https://example.com/a.jpg ', 'Image link')).toBe('https://example.com/a.jpg');
		expect(checkHttpUrl('http://example.com', 'Button URL')).toBe('http://example.com');
	});

	it.each(['ftp://example.com/a.jpg', 'www.example.com/a.jpg', ''])('refuses %p, with the hint for media links', (value) => {
		expect(refusal(() => checkHttpUrl(value, 'Image link'))).toEqual({
			message: 'Image link must be an absolute http(s) URL',
			description: `Received: ${JSON.stringify(value)}. WhatsApp fetches the file itself, so it needs a public link such as https://example.com/file.jpg.`,
		});
	});
});

describe('checkMediaLink', () => {
	it('passes a link whose name shows the type, or shows nothing telling', () => {
		for (const link of ['https://example.com/a.jpg', 'https://example.com/a', 'https://example.com/a.unknownext']) {
			expect(checkMediaLink(link, 'image', 'Image link')).toBe(link);
		}
		expect(checkMediaLink('https://example.com/a.PDF', 'document', 'Document link')).toBe('https://example.com/a.PDF');
	});

	it('refuses a type WhatsApp does not take for this message, naming what it takes and the size limit', () => {
		expect(refusal(() => checkMediaLink('https://example.com/party.gif', 'image', 'Image link'))).toEqual({
			message: 'Image link points to a .gif file; WhatsApp takes JPEG or PNG as an image, at most 5 MB',
			description: 'Received: https://example.com/party.gif. Convert the file, or send it with the operation for its type.',
		});
		expect(refusal(() => checkMediaLink('https://example.com/a.mov', 'video', 'Video link')).message).toBe(
			'Video link points to a .mov file; WhatsApp takes MP4 or 3GP as a video, at most 16 MB',
		);
	});
});

describe('normaliseMobile', () => {
	it.each([
		['+91 99999-99999', '919999999999'],
		['0091 99999 99999', '919999999999'],
		['(91) 99999 99999', '919999999999'],
		['91.99999.99999', '919999999999'],
		[919999999999, '919999999999'],
		['12345678', '12345678'],
		['123456789012345', '123456789012345'],
	])('%p → %p', (typed, digits) => {
		expect(normaliseMobile(typed)).toBe(digits);
	});

	it('refuses letters, a + inside, an empty value, and too few or too many digits', () => {
		const hint = 'Enter the country code and number, for example 919999999999 or +91 99999 99999.';
		expect(refusal(() => normaliseMobile('91 9999 abc', 'Recipient mobile number'))).toEqual({
			message: 'Recipient mobile number "91 9999 abc" is not a phone number: it may contain only digits, spaces, "+", "-", "." and parentheses',
			description: hint,
		});
		expect(refusal(() => normaliseMobile('91+99999'))).toEqual({
			message: 'Mobile number "91+99999" is not a phone number: it may contain only digits, spaces, "+", "-", "." and parentheses',
			description: hint,
		});
		expect(refusal(() => normaliseMobile('  '))).toEqual({ message: 'Mobile number is empty', description: hint });
		expect(refusal(() => normaliseMobile('1234567'))).toEqual({
			message: 'Mobile number "1234567" has 7 digits; a WhatsApp number has 8 to 15 digits including the country code',
			description: 'Enter the country code and number, for example 919999999999.',
		});
		expect(refusal(() => normaliseMobile('1234567890123456')).message).toBe(
			'Mobile number "1234567890123456" has 16 digits; a WhatsApp number has 8 to 15 digits including the country code',
		);
	});
});

describe('checkTemplateName and checkCarouselCards', () => {
	it('takes lowercase letters, digits and underscores, and suggests a name for anything else', () => {
		expect(checkTemplateName(' order_update_2 ')).toBe('order_update_2');
		expect(refusal(() => checkTemplateName('Order Update!'))).toEqual({
			message: 'Template name "Order Update!" may contain only lowercase letters, digits and underscores',
			description: 'For example: "order_update"',
		});
	});

	it('takes 1 to 10 cards, each card_index a whole number used once', () => {
		expect(() => checkCarouselCards([0, 1, 2])).not.toThrow();
		expect(refusal(() => checkCarouselCards([0, -1])).message).toBe(
			'Carousel card 2 card_index is -1; it must be a whole number from 0',
		);
		expect(refusal(() => checkCarouselCards([0, 0])).message).toBe('Carousel card_index must be unique; 0 appears more than once');
		expect(refusal(() => checkCarouselCards(Array.from({ length: 11 }, (_, index) => index))).message).toBe(
			'Carousel cards: 11 given; WhatsApp allows 1 to 10',
		);
	});
});

describe('address requests (India only)', () => {
	it('takes an Indian number or an Indian BSUID, and refuses any other', () => {
		const phone = (digits: string) => ({ kind: 'phone', phone: digits, field: 'Recipient' }) as const;
		const userId = (id: string) => ({ kind: 'userId', userId: id, field: 'Recipient' }) as const;
		expect(checkIndianRecipient(phone('919999999999'))).toEqual(phone('919999999999'));
		expect(checkIndianRecipient(userId('IN.13491208655302741918'))).toEqual(userId('IN.13491208655302741918'));
		for (const mobile of ['447700900123', '9199999999999', '91999999999']) {
			expect(refusal(() => checkIndianRecipient(phone(mobile)))).toEqual({
				message: `Recipient ${mobile} is not an Indian number; WhatsApp sends address requests only to customers in India (+91)`,
				description: 'Ask for the address with Send Text or Send Form instead.',
			});
		}
		expect(refusal(() => checkIndianRecipient(userId('US.13491208655302741918'))).message).toBe(
			'Recipient US.13491208655302741918 is not a customer in India; WhatsApp sends address requests only to customers in India (+91)',
		);
	});

	it('checks a PIN code, normalises a phone number, and takes other values as they are', () => {
		expect(checkAddressValue('in_pin_code', '400001', 'PIN Code')).toBe('400001');
		expect(refusal(() => checkAddressValue('in_pin_code', '4000', 'PIN Code'))).toEqual({
			message: "PIN Code must be India's 6-digit PIN code",
			description: 'Received: "4000"',
		});
		expect(checkAddressValue('phone_number', '+91 99999-99999', 'Phone Number')).toBe('+919999999999');
		expect(checkAddressValue('city', 'Mumbai', 'City')).toBe('Mumbai');
	});
});
