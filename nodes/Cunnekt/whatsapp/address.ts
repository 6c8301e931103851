/**
 * WhatsApp's address message (`address_message`): offered to businesses in India for their customers in India, so
 * the recipient must have an Indian number, and the form's prefilled values are checked as WhatsApp checks them.
 */

import { InputError } from '../../shared/errors';
import type { Recipient } from '../../shared/platforms/message';
import { normaliseMobile, showValue } from './limits';

const INDIA = '91';
/** India's BSUIDs begin with its country code. */
const INDIA_BSUID = 'IN.';
/** India's numbers: the country code and ten digits. */
const INDIAN_NUMBER_DIGITS = 12;
const PIN_CODE = /^\d{6}$/;

/** Whether a recipient is in India: an Indian number (+91 and ten digits), or a BSUID of India (`IN.`). */
function inIndia(recipient: Recipient): boolean {
	return recipient.kind === 'phone'
		? recipient.phone.startsWith(INDIA) && recipient.phone.length === INDIAN_NUMBER_DIGITS
		: recipient.userId.startsWith(INDIA_BSUID);
}

/** Refuses a recipient outside India. */
export function checkIndianRecipient(recipient: Recipient): Recipient {
	if (!inIndia(recipient)) {
		const what = recipient.kind === 'phone' ? `${recipient.phone} is not an Indian number` : `${recipient.userId} is not a customer in India`;
		throw new InputError(
			`${recipient.field} ${what}; WhatsApp sends address requests only to customers in India (+91)`,
			'Ask for the address with Send Text or Send Form instead.',
		);
	}
	return recipient;
}

/** A prefilled value as WhatsApp takes it: a 6-digit PIN code, a phone number with its +, any other text as it is. */
export function checkAddressValue(name: string, value: string, field: string): string {
	if (name === 'in_pin_code' && !PIN_CODE.test(value)) {
		throw new InputError(`${field} must be India's 6-digit PIN code`, `Received: ${showValue(value)}`);
	}
	return name === 'phone_number' ? `+${normaliseMobile(value, field)}` : value;
}
