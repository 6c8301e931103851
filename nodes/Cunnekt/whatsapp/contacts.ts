/**
 * Contact cards (vCards) as WhatsApp's contacts message takes them (Meta's contacts messages page): 1 to 257 cards,
 * each with the name as it is shown (`name.formatted_name`, required) and, optionally, name parts, phones (a
 * `wa_id` adds a Message button), emails, an organisation, URLs, addresses and a birthday (YYYY-MM-DD). A card is
 * built from the form's fields, or given as JSON in WhatsApp's own words and checked as WhatsApp checks it.
 */

import type { IDataObject } from 'n8n-workflow';

import { InputError } from '../../shared/errors';
import type { ContactCard } from '../../shared/platforms/message';
import { isObject } from '../../shared/values';
import { checkCount, checkHttpUrl, LIMITS, normaliseMobile, showValue } from './limits';

/** A card as the form gives it: every value text, empty when not filled in. */
export interface ContactFields {
	formattedName: string;
	firstName?: string;
	lastName?: string;
	phone?: string;
	phoneType?: string;
	/** The phone is on WhatsApp: its digits go as `wa_id`, which adds a Message button to the card. */
	phoneOnWhatsApp?: boolean;
	email?: string;
	company?: string;
	department?: string;
	jobTitle?: string;
	website?: string;
	street?: string;
	city?: string;
	state?: string;
	zip?: string;
	country?: string;
	countryCode?: string;
	birthday?: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const BIRTHDAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const COUNTRY_CODE = /^[A-Za-z]{2}$/;

/** Only the parts given (trimmed): WhatsApp shows what a card has. */
function parts(values: Record<string, string | undefined>): IDataObject {
	const given: IDataObject = {};
	for (const [key, value] of Object.entries(values)) {
		const text = (value ?? '').trim();
		if (text !== '') given[key] = text;
	}
	return given;
}

/** A birthday as WhatsApp takes it: a real date written YYYY-MM-DD. */
function checkBirthday(value: string, field: string): string {
	const [, year, month, day] = BIRTHDAY.exec(value) ?? [];
	const date = year ? new Date(Date.UTC(Number(year), Number(month) - 1, Number(day))) : undefined;
	if (!date || date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) {
		throw new InputError(`${field} must be a date written YYYY-MM-DD, e.g. 1990-04-23`, `Received: ${showValue(value)}`);
	}
	return value;
}

function checkEmail(value: string, field: string): string {
	if (!EMAIL.test(value)) throw new InputError(`${field} ${showValue(value)} is not an email address`);
	return value;
}

/** One card from the form's fields; `label` names it in errors ("Contact 2"). */
export function contactCard(fields: ContactFields, label: string): ContactCard {
	const name = parts({ formatted_name: fields.formattedName, first_name: fields.firstName, last_name: fields.lastName });
	if (name.formatted_name === undefined) {
		throw new InputError(`${label} formatted name is empty; WhatsApp requires the name as the card shows it`);
	}
	const card: ContactCard = { name: name as ContactCard['name'] };
	const phone = (fields.phone ?? '').trim();
	if (phone !== '') {
		const waId = fields.phoneOnWhatsApp ? normaliseMobile(phone, `${label} phone`) : undefined;
		card.phones = [{ phone, ...parts({ type: fields.phoneType }), ...(waId ? { wa_id: waId } : {}) }];
	}
	const email = (fields.email ?? '').trim();
	if (email !== '') card.emails = [{ email: checkEmail(email, `${label} email`) }];
	const org = parts({ company: fields.company, department: fields.department, title: fields.jobTitle });
	if (Object.keys(org).length > 0) card.org = org;
	const website = (fields.website ?? '').trim();
	if (website !== '') card.urls = [{ url: checkHttpUrl(website, `${label} website`, 'The card opens it in the browser.') }];
	const address = parts({ street: fields.street, city: fields.city, state: fields.state, zip: fields.zip, country: fields.country, country_code: fields.countryCode });
	if (typeof address.country_code === 'string' && !COUNTRY_CODE.test(address.country_code)) {
		throw new InputError(`${label} country code must be two letters (ISO 3166), e.g. IN`, `Received: ${showValue(address.country_code)}`);
	}
	if (Object.keys(address).length > 0) card.addresses = [address];
	const birthday = (fields.birthday ?? '').trim();
	if (birthday !== '') card.birthday = checkBirthday(birthday, `${label} birthday`);
	return card;
}

/** A card's lists, each with a key its entries have, for the error's example. */
const LISTS = { phones: 'phone', emails: 'email', urls: 'url', addresses: 'city' } as const;

/** One card given as JSON, checked where WhatsApp checks it; returned as it is. */
function checkCardJson(card: unknown, label: string): ContactCard {
	if (!isObject(card)) throw new InputError(`${label} must be an object, such as {"name": {"formatted_name": "Asha Rao"}}`);
	const name = card.name;
	if (!isObject(name) || typeof name.formatted_name !== 'string' || name.formatted_name.trim() === '') {
		throw new InputError(`${label} has no name.formatted_name; WhatsApp requires the name as the card shows it`);
	}
	for (const [list, key] of Object.entries(LISTS)) {
		const value = card[list];
		if (value !== undefined && !(Array.isArray(value) && value.every(isObject))) {
			throw new InputError(`${label} ${list} must be a list of objects, e.g. [{"${key}": "…"}]`);
		}
	}
	if (card.org !== undefined && !isObject(card.org)) throw new InputError(`${label} org must be an object, e.g. {"company": "…"}`);
	if (card.birthday !== undefined) checkBirthday(String(card.birthday), `${label} birthday`);
	return card as ContactCard;
}

/** The cards of a contacts message as JSON gives them: the list, or `{"contacts": [...]}` (a whole message body). */
export function checkContactCardsJson(value: unknown, field: string): ContactCard[] {
	const cards = isObject(value) ? value.contacts : value;
	if (!Array.isArray(cards)) {
		throw new InputError(
			`${field} must be the list of contact cards or {"contacts": [...]}`,
			'For example [{"name": {"formatted_name": "Asha Rao"}, "phones": [{"phone": "+91 99999 99999", "wa_id": "919999999999"}]}].',
		);
	}
	checkCount(cards.length, 'Contacts', LIMITS.contacts);
	return cards.map((card, position) => checkCardJson(card, `Contact ${position + 1}`));
}
