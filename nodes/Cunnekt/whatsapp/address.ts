/**
 * WhatsApp's address message (`address_message`): offered to businesses in India for their customers in India, so
 * the recipient must have an Indian number, and the form's prefilled values are checked as WhatsApp checks them.
 */

import { InputError } from '../../shared/errors';
import { normaliseMobile, showValue } from './limits';

const INDIA = '91';
/** India's numbers: the country code and ten digits. */
const INDIAN_NUMBER_DIGITS = 12;
const PIN_CODE = /^\d{6}$/;

/** Refuses a recipient outside India (a normalised number: digits, country code first). */
export function checkIndianRecipient(mobile: string): string {
	if (!mobile.startsWith(INDIA) || mobile.length !== INDIAN_NUMBER_DIGITS) {
		throw new InputError(
			`Recipient mobile number ${mobile} is not an Indian number; WhatsApp sends address requests only to customers in India (+91)`,
			'Ask for the address with Send Text or Send Form instead.',
		);
	}
	return mobile;
}

/** A prefilled value as WhatsApp takes it: a 6-digit PIN code, a phone number with its +, any other text as it is. */
export function checkAddressValue(name: string, value: string, field: string): string {
	if (name === 'in_pin_code' && !PIN_CODE.test(value)) {
		throw new InputError(`${field} must be India's 6-digit PIN code`, `Received: ${showValue(value)}`);
	}
	return name === 'phone_number' ? `+${normaliseMobile(value, field)}` : value;
}
