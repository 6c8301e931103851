import type { INodeProperties } from 'n8n-workflow';

import { checkCoordinate, LIMITS } from '../../whatsapp/limits';
import { mobileProperty, readRecipient, readText } from '../common';
import { replyOperation } from './operation';

/** WhatsApp's location message: a pin on a map, with an optional name and address (Cunnekt's current platform). */

const { latitude, longitude } = LIMITS;

const coordinate = (name: 'latitude' | 'longitude', example: string): INodeProperties => ({
	displayName: name === 'latitude' ? 'Latitude' : 'Longitude',
	name,
	type: 'number',
	required: true,
	default: '',
	typeOptions: { minValue: LIMITS[name].min, maxValue: LIMITS[name].max },
	placeholder: `e.g. ${example}`,
	description: `In decimal degrees, ${LIMITS[name].min} to ${LIMITS[name].max}`,
});

const properties: INodeProperties[] = [
	mobileProperty,
	coordinate('latitude', '18.9220'),
	coordinate('longitude', '72.8347'),
	{
		displayName: 'Name',
		name: 'locationName',
		type: 'string',
		default: '',
		placeholder: 'e.g. Gateway of India',
		description: 'Optional name of the place, shown above the map',
	},
	{
		displayName: 'Address',
		name: 'locationAddress',
		type: 'string',
		default: '',
		placeholder: 'e.g. Apollo Bandar, Colaba, Mumbai 400001',
		description: 'Optional address, shown under the name (WhatsApp shows it only with a name)',
	},
];

export const sendLocation = replyOperation({
	value: 'sendLocation',
	option: {
		name: 'Send Location',
		action: 'Send a location reply',
		description: "Send a pin on a map, with an optional name and address (Cunnekt's current platform only)",
	},
	properties,
	kind: 'location',
	read(itemIndex) {
		const to = readRecipient.call(this, itemIndex);
		const name = readText.call(this, 'locationName', itemIndex, 'Name', false).trim();
		const address = readText.call(this, 'locationAddress', itemIndex, 'Address', false).trim();
		return {
			kind: 'location',
			to,
			latitude: checkCoordinate(this.getNodeParameter('latitude', itemIndex, ''), 'Latitude', latitude),
			longitude: checkCoordinate(this.getNodeParameter('longitude', itemIndex, ''), 'Longitude', longitude),
			...(name ? { name } : {}),
			...(address ? { address } : {}),
		};
	},
});
