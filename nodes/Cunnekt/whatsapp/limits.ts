/**
 * Every WhatsApp/Cunnekt limit the package checks before sending, and the phone-number rules. Pure functions: they
 * throw an InputError naming the field, the limit and what was received; the router adds the item number and turns
 * it into a NodeOperationError. Where Cunnekt's page and WhatsApp differ, the stricter (WhatsApp's) limit wins.
 */

import { InputError } from '../../shared/errors';
import { plural } from '../../shared/values';

export const LIMITS = {
	replyButtons: { min: 1, max: 3 },
	buttonTitle: { min: 1, max: 20 },
	buttonId: { min: 1, max: 256 },
	listRows: { min: 1, max: 10 },
	listRowTitle: { min: 1, max: 24 },
	listRowDescription: { min: 0, max: 72 },
	listRowId: { min: 1, max: 200 },
	listButton: { min: 1, max: 20 },
	interactiveBody: { min: 1, max: 1024 },
	headerText: { min: 0, max: 60 },
	text: { min: 1, max: 4096 },
	caption: { min: 0, max: 1024 },
	formCta: { min: 1, max: 20 },
	ctaButtonText: { min: 1, max: 20 },
	carouselCards: { min: 1, max: 10 },
	templateBody: { min: 1, max: 1024 },
	templateFooter: { min: 0, max: 60 },
	templateButtons: { min: 0, max: 10 },
	templateButtonText: { min: 1, max: 25 },
	phoneDigits: { min: 8, max: 15 },
	callButtonText: { min: 0, max: 20 },
	callTtlMinutes: { min: 1, max: 43200 },
	callPayload: { min: 0, max: 512 },
	/** A Send and Wait choice: 2 to 3 reply buttons, or 2 to 10 list rows (one option is no choice). */
	choiceButtons: { min: 2, max: 3 },
	choiceRows: { min: 2, max: 10 },
	/** Decimal degrees. */
	latitude: { min: -90, max: 90 },
	longitude: { min: -180, max: 180 },
	/** Contact cards in one contacts message. */
	contacts: { min: 1, max: 257 },
} as const;

export interface Range {
	readonly min: number;
	readonly max: number;
}

const SHOWN_VALUE_LENGTH = 60;

/** The value as an error message shows it: quoted, and cut short when long. */
export function showValue(value: string): string {
	const shown = value.length > SHOWN_VALUE_LENGTH ? `${value.slice(0, SHOWN_VALUE_LENGTH)}…` : value;
	return JSON.stringify(shown);
}

/** Checks a text's length (in characters, as WhatsApp counts them) and returns it unchanged. */
export function checkLength(value: string, field: string, range: Range): string {
	const length = [...value].length;
	if (length > range.max) {
		throw new InputError(
			`${field} is ${plural(length, 'character')}; WhatsApp allows at most ${range.max}`,
			`Received: ${showValue(value)}`,
		);
	}
	if (length < range.min) {
		throw new InputError(
			range.min === 1
				? `${field} is empty; WhatsApp requires it`
				: `${field} is ${plural(length, 'character')}; WhatsApp requires at least ${range.min}`,
			`Received: ${showValue(value)}`,
		);
	}
	return value;
}

/**
 * Checks that a value is a whole number within the range and returns it as a number; `unit` names what it counts,
 * `maximum` what the largest value means ("30 days").
 */
export function checkWholeNumber(value: unknown, field: string, range: Range, unit: string, maximum?: string): number {
	const number = typeof value === 'number' ? value : Number(value);
	if (!Number.isInteger(number) || number < range.min || number > range.max) {
		const meaning = maximum ? ` (${maximum})` : '';
		throw new InputError(
			`${field} must be a whole number of ${unit} from ${range.min} to ${range.max}${meaning}; WhatsApp refuses ${JSON.stringify(value)}`,
		);
	}
	return number;
}

/**
 * Checks a coordinate in decimal degrees and returns it as a number; an expression may give it as text ("12.97").
 * Empty is refused: WhatsApp requires both coordinates.
 */
export function checkCoordinate(value: unknown, field: string, range: Range): number {
	const typed = typeof value === 'string' ? value.trim() : value;
	if (typed === '' || typed === undefined || typed === null) throw new InputError(`${field} is empty; WhatsApp requires it`);
	const number = typeof typed === 'number' ? typed : typeof typed === 'string' ? Number(typed) : Number.NaN;
	if (!Number.isFinite(number) || number < range.min || number > range.max) {
		throw new InputError(
			`${field} must be a number from ${range.min} to ${range.max} (decimal degrees); WhatsApp refuses ${JSON.stringify(value)}`,
			'For example 18.9220 and 72.8347 (Mumbai). A map app shows them when you share or long-press a place.',
		);
	}
	return number;
}

/**
 * Checks the id of a message a reply is about (a reaction, a read receipt) and returns it trimmed: WhatsApp's
 * message id, as the Cunnekt Trigger's `messageId` gives it.
 */
export function checkMessageId(value: string, field = 'Message ID'): string {
	const id = value.trim();
	if (id === '') {
		throw new InputError(
			`${field} is empty; WhatsApp needs the id of the customer's message`,
			"Map the Cunnekt Trigger's messageId, e.g. {{ $('Cunnekt Trigger').item.json.messageId }}.",
		);
	}
	return id;
}

/** A JSON field's value: text is parsed (an expression may give the value itself); bad JSON names the field. */
export function parseJsonField(value: unknown, field: string, example: string): unknown {
	if (typeof value !== 'string') return value;
	let syntaxError: string | undefined;
	try {
		return JSON.parse(value) as unknown;
	} catch (error) {
		syntaxError = (error as Error).message;
	}
	throw new InputError(`${field} is not valid JSON: ${syntaxError}`, example);
}

/** Checks how many entries a list has. */
export function checkCount(count: number, field: string, range: Range): void {
	if (count < range.min || count > range.max) {
		throw new InputError(
			`${field}: ${count} given; WhatsApp allows ${range.min} to ${range.max}`,
			count < range.min ? `Add at least ${range.min}.` : `Remove ${count - range.max}.`,
		);
	}
}

/** Checks that no two entries are the same (WhatsApp rejects duplicate button titles and card indexes). */
export function checkUnique(values: Array<string | number>, field: string): void {
	const seen = new Set<string | number>();
	for (const value of values) {
		if (seen.has(value)) {
			throw new InputError(
				`${field} must be unique; ${JSON.stringify(value)} appears more than once`,
			);
		}
		seen.add(value);
	}
}

const MEDIA_LINK_HINT =
	'WhatsApp fetches the file itself, so it needs a public link such as https://example.com/file.jpg.';

/** Checks that a media or button link is an absolute http(s) URL and returns it trimmed. */
export function checkHttpUrl(value: string, field: string, hint = MEDIA_LINK_HINT): string {
	const trimmed = value.trim();
	let url: URL | undefined;
	try {
		url = new URL(trimmed);
	} catch {
		url = undefined;
	}
	if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
		throw new InputError(
			`${field} must be an absolute http(s) URL`,
			`Received: ${showValue(value)}. ${hint}`,
		);
	}
	return trimmed;
}

const TEMPLATE_NAME = /^[a-z0-9_]+$/;

/** WhatsApp template names: lowercase letters, digits and underscores (at most 512 characters). */
export function checkTemplateName(value: string): string {
	const name = value.trim();
	checkLength(name, 'Template name', { min: 1, max: 512 });
	if (!TEMPLATE_NAME.test(name)) {
		throw new InputError(
			`Template name ${showValue(name)} may contain only lowercase letters, digits and underscores`,
			`For example: ${JSON.stringify(name.toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/^_+|_+$/g, '') || 'my_template')}`,
		);
	}
	return name;
}

/**
 * Turns what people type into the digits Cunnekt wants (country code and number): "+91 99999-99999", "0091…",
 * "(91) 99999 99999" all become "919999999999". Letters, or fewer than 8 / more than 15 digits, are refused.
 */
export function normaliseMobile(value: unknown, field = 'Mobile number'): string {
	const raw = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '';
	const typed = raw.trim();
	if (typed === '') {
		throw new InputError(
			`${field} is empty`,
			'Enter the country code and number, for example 919999999999 or +91 99999 99999.',
		);
	}
	if (/[^\d\s+\-().]/.test(typed) || typed.lastIndexOf('+') > 0) {
		throw new InputError(
			`${field} ${showValue(typed)} is not a phone number: it may contain only digits, spaces, "+", "-", "." and parentheses`,
			'Enter the country code and number, for example 919999999999 or +91 99999 99999.',
		);
	}
	let digits = typed.replace(/\D/g, '');
	if (!typed.startsWith('+') && digits.startsWith('00')) digits = digits.slice(2);
	const { min, max } = LIMITS.phoneDigits;
	if (digits.length < min || digits.length > max) {
		throw new InputError(
			`${field} ${showValue(typed)} has ${plural(digits.length, 'digit')}; a WhatsApp number has ${min} to ${max} digits including the country code`,
			'Enter the country code and number, for example 919999999999.',
		);
	}
	return digits;
}

/** A carousel's cards: 1 to 10, each card_index a whole number used once. */
export function checkCarouselCards(cardIndexes: unknown[]): void {
	checkCount(cardIndexes.length, 'Carousel cards', LIMITS.carouselCards);
	cardIndexes.forEach((cardIndex, position) => {
		if (typeof cardIndex !== 'number' || !Number.isInteger(cardIndex) || cardIndex < 0) {
			throw new InputError(
				`Carousel card ${position + 1} card_index is ${JSON.stringify(cardIndex) ?? 'missing'}; it must be a whole number from 0`,
			);
		}
	});
	checkUnique(cardIndexes as number[], 'Carousel card_index');
}
