/**
 * Who a message goes to, as WhatsApp takes it: a phone number, or a business-scoped user ID (BSUID) for a customer
 * who writes with a username. A BSUID is the customer's two-letter country code (ISO 3166), a dot, and up to 128
 * letters and digits (`IN.13491208655302741918`); a parent BSUID, for linked business portfolios, has `ENT.` after
 * the dot (`IN.ENT.11815799212886844830`). It is kept exactly as WhatsApp gave it.
 */

import { InputError } from '../../shared/errors';
import type { Recipient } from '../../shared/platforms/message';
import type { CunnektTemplate } from '../../shared/types';
import { asObjects } from '../../shared/values';
import { findComponent } from './templateComponents';
import { normaliseMobile, showValue } from './limits';

const BSUID = /^[A-Z]{2}\.(?:ENT\.)?[A-Za-z0-9]{1,128}$/;
/** What starts like a BSUID (a country code and a dot) but is not one is refused as a BSUID, not as a phone number. */
const LOOKS_LIKE_BSUID = /^[A-Za-z]{2}\./;
const PHONE_CHARACTERS = /^[\d\s+\-().]+$/;

const EXAMPLES = 'for example 919999999999, +91 99999 99999, or a BSUID such as IN.13491208655302741918';

/** Whether a text is a BSUID or a parent BSUID. */
export function isBsuid(value: string): boolean {
	return BSUID.test(value);
}

/**
 * A recipient from what the item gives: a BSUID as it is, or a phone number normalised ("+91 99999-99999" →
 * 919999999999). Anything else is refused, naming the field and the value.
 */
export function parseRecipient(value: unknown, field = 'Recipient'): Recipient {
	const typed = (typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '').trim();
	if (isBsuid(typed)) return { kind: 'userId', userId: typed, field };
	if (LOOKS_LIKE_BSUID.test(typed)) {
		throw new InputError(
			`${field} ${showValue(typed)} is not a WhatsApp business-scoped user ID (BSUID): a BSUID is a two-letter country code in capitals, a dot, and up to 128 letters and digits, optionally after "ENT."`,
			'Map the BSUID exactly as the Cunnekt Trigger gives it (replyTo or userId), for example IN.13491208655302741918.',
		);
	}
	if (typed !== '' && !PHONE_CHARACTERS.test(typed)) {
		throw new InputError(
			`${field} ${showValue(typed)} is neither a phone number nor a WhatsApp business-scoped user ID (BSUID)`,
			`A phone number has only digits, spaces, "+", "-", "." and parentheses; a BSUID is a country code, a dot, and letters and digits: ${EXAMPLES}.`,
		);
	}
	if (typed === '') {
		throw new InputError(`${field} is empty`, `Enter the customer's phone number or BSUID, ${EXAMPLES}.`);
	}
	return { kind: 'phone', phone: normaliseMobile(typed, field), field };
}

/**
 * Whether WhatsApp sends this template to phone numbers only: authentication templates (one-time passcodes, with
 * their one-tap, zero-tap or copy-code button) cannot go to a BSUID.
 */
export function needsPhoneNumber(template: CunnektTemplate): boolean {
	if (String(template.category ?? '').toUpperCase() === 'AUTHENTICATION') return true;
	const buttons = asObjects(findComponent(template.components, 'BUTTONS')?.buttons);
	return buttons.some((button) => String(button.type).toUpperCase() === 'OTP');
}

/** Refuses an authentication template to a BSUID, before anything is sent. */
export function checkTemplateRecipient(template: CunnektTemplate, recipient: Recipient): void {
	if (recipient.kind !== 'userId' || !needsPhoneNumber(template)) return;
	throw new InputError(
		`Template ${JSON.stringify(String(template.name ?? template.id))} is an authentication template; WhatsApp sends authentication templates (one-tap, zero-tap, copy code) to phone numbers only, and ${recipient.field} is a BSUID, ${showValue(recipient.userId)}`,
		"Send it to the customer's phone number, or ask them for it first.",
	);
}
