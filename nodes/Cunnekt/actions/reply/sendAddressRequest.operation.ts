import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { AddressValues } from '../../../shared/platforms/message';
import { checkAddressValue, checkIndianRecipient } from '../../whatsapp/address';
import { mobileProperty } from '../common';
import { interactiveProperties, readInteractive } from './fields';
import { replyOperation } from './operation';

/**
 * WhatsApp's address message (`address_message`): the customer fills in a delivery address in WhatsApp and it comes
 * back to the trigger as a form answer. Cunnekt lists it on its current platform; WhatsApp's rules for it (India
 * only) are in whatsapp/address.ts.
 */

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
	...interactiveProperties(false, {
		mobile: { description: `${mobileProperty.description} WhatsApp sends address requests only to numbers in India (+91).` },
		body: { placeholder: 'e.g. Thanks for your order! Where should we deliver it?' },
	}),
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

/** The prefilled values given, checked where WhatsApp checks them (a 6-digit PIN code, a valid phone number). */
function readAddressValues(this: IExecuteFunctions, itemIndex: number): AddressValues | undefined {
	const given = this.getNodeParameter('addressValues', itemIndex, {}) as IDataObject;
	const values: AddressValues = {};
	for (const { name, displayName } of ADDRESS_FIELDS) {
		const value = given[name] === undefined || given[name] === null ? '' : String(given[name]).trim();
		if (value !== '') values[name] = checkAddressValue(name, value, displayName);
	}
	return Object.keys(values).length > 0 ? values : undefined;
}

export const sendAddressRequest = replyOperation({
	value: 'sendAddressRequest',
	option: {
		name: 'Send Address Request',
		action: 'Send a reply asking for a delivery address',
		description: "Send a form for the customer's address in India (Cunnekt's current platform only)",
	},
	properties,
	kind: 'addressRequest',
	read(itemIndex) {
		const start = readInteractive.call(this, itemIndex, false);
		checkIndianRecipient(start.to);
		const values = readAddressValues.call(this, itemIndex);
		return { kind: 'addressRequest', ...start, ...(values ? { values } : {}) };
	},
});
