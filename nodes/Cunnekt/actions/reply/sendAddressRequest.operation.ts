import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { InputError } from '../../../shared/errors';
import type { AddressValues } from '../../../shared/platforms/message';
import { normaliseMobile } from '../../whatsapp/limits';
import { mobileProperty } from '../common';
import { messageBodyProperty, readInteractive, sendReply } from './shared';

/**
 * WhatsApp's address message (`address_message`): the customer fills in a delivery address in WhatsApp and it comes
 * back to the trigger as a form answer. Cunnekt lists it on its current platform; WhatsApp offers it to businesses in
 * India for their customers in India, so the recipient must have an Indian number.
 */

const INDIA = '91';

/** The fields WhatsApp's India address form has, as the "Prefilled Values" option offers them. */
const ADDRESS_FIELDS: Array<{ name: string; displayName: string; placeholder: string }> = [
	{ name: 'name', displayName: 'Name', placeholder: 'e.g. Vivek Sharma' },
	{ name: 'phone_number', displayName: 'Phone Number', placeholder: 'e.g. +91 99999 99999' },
	{ name: 'in_pin_code', displayName: 'PIN Code', placeholder: 'e.g. 400001' },
	{ name: 'house_number', displayName: 'Flat/House Number', placeholder: 'e.g. 12B' },
	{ name: 'floor_number', displayName: 'Floor Number', placeholder: 'e.g. 3' },
	{ name: 'tower_number', displayName: 'Tower Number', placeholder: 'e.g. T2' },
	{ name: 'building_name', displayName: 'Building/Apartment Name', placeholder: 'e.g. Sea View Apartments' },
	{ name: 'address', displayName: 'Address', placeholder: 'e.g. 14 Marine Drive' },
	{ name: 'landmark_area', displayName: 'Landmark/Area', placeholder: 'e.g. Near Churchgate station' },
	{ name: 'city', displayName: 'City', placeholder: 'e.g. Mumbai' },
	{ name: 'state', displayName: 'State', placeholder: 'e.g. Maharashtra' },
];

const properties: INodeProperties[] = [
	{ ...mobileProperty, description: `${mobileProperty.description} WhatsApp sends address requests only to numbers in India (+91).` },
	{ ...messageBodyProperty, placeholder: 'e.g. Thanks for your order! Where should we deliver it?' },
	{
		displayName: 'Prefilled Values',
		name: 'addressValues',
		type: 'collection',
		placeholder: 'Add Value',
		default: {},
		description: 'Values the form shows already filled in; the customer can change them',
		options: ADDRESS_FIELDS.map(({ name, displayName, placeholder }) => ({
			displayName,
			name,
			type: 'string' as const,
			default: '',
			placeholder,
		})),
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['reply'], operation: ['sendAddressRequest'] } },
	properties,
);

/** The prefilled values given, checked where WhatsApp checks them (a 6-digit PIN code, a valid phone number). */
function readAddressValues(this: IExecuteFunctions, itemIndex: number): AddressValues | undefined {
	const given = this.getNodeParameter('addressValues', itemIndex, {}) as IDataObject;
	const values: AddressValues = {};
	for (const { name, displayName } of ADDRESS_FIELDS) {
		const value = given[name] === undefined || given[name] === null ? '' : String(given[name]).trim();
		if (value === '') continue;
		if (name === 'in_pin_code' && !/^\d{6}$/.test(value)) {
			throw new InputError(
				`${displayName} must be India's 6-digit PIN code`,
				`Received: ${JSON.stringify(value)}`,
			);
		}
		values[name] = name === 'phone_number' ? `+${normaliseMobile(value, displayName)}` : value;
	}
	return Object.keys(values).length > 0 ? values : undefined;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const start = readInteractive.call(this, itemIndex, false);
	if (!start.to.startsWith(INDIA) || start.to.length !== 12) {
		throw new InputError(
			`Recipient mobile number ${start.to} is not an Indian number; WhatsApp sends address requests only to customers in India (+91)`,
			'Ask for the address with Send Text or Send Form instead.',
		);
	}
	const values = readAddressValues.call(this, itemIndex);
	return await sendReply.call(this, itemIndex, { kind: 'addressRequest', ...start, ...(values ? { values } : {}) });
}
