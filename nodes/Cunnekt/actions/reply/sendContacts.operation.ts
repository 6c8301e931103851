import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ContactCard } from '../../../shared/platforms/message';
import { checkContactCardsJson, contactCard } from '../../whatsapp/contacts';
import type { ContactFields } from '../../whatsapp/contacts';
import { LIMITS, parseJsonField } from '../../whatsapp/limits';
import { mobileProperty, readRecipient } from '../common';
import { entryText, readEntries } from './fields';
import { replyOperation } from './operation';

/**
 * WhatsApp's contacts message: one or more contact cards (vCards) the customer can save or message. The common
 * parts are fields; every other part WhatsApp knows (several phones, a middle name, address types…) goes as JSON in
 * WhatsApp's own words (whatsapp/contacts.ts). Cunnekt's current platform only.
 */

const FIELDS = 'fields';
const JSON_MODE = 'json';

/** A card's optional parts, as the form names them (alphabetical, as n8n lists a collection). */
const DETAILS: Array<{ name: keyof ContactFields; displayName: string; placeholder?: string; description?: string }> = [
	{ name: 'birthday', displayName: 'Birthday', placeholder: 'e.g. 1990-04-23', description: 'Written YYYY-MM-DD' },
	{ name: 'city', displayName: 'City', placeholder: 'e.g. Mumbai' },
	{ name: 'company', displayName: 'Company', placeholder: 'e.g. Cunnekt' },
	{ name: 'country', displayName: 'Country', placeholder: 'e.g. India' },
	{ name: 'countryCode', displayName: 'Country Code', placeholder: 'e.g. IN', description: 'Two letters (ISO 3166)' },
	{ name: 'department', displayName: 'Department', placeholder: 'e.g. Support' },
	{ name: 'email', displayName: 'Email', placeholder: 'e.g. name@email.com' },
	{ name: 'firstName', displayName: 'First Name', placeholder: 'e.g. Asha' },
	{ name: 'jobTitle', displayName: 'Job Title', placeholder: 'e.g. Customer Care Lead' },
	{ name: 'lastName', displayName: 'Last Name', placeholder: 'e.g. Rao' },
	{ name: 'phone', displayName: 'Phone', placeholder: 'e.g. +91 99999 99999', description: 'As the card shows it' },
	{ name: 'phoneType', displayName: 'Phone Type', placeholder: 'e.g. Mobile', description: 'A label for the phone: Mobile, Work, Home…' },
	{ name: 'state', displayName: 'State', placeholder: 'e.g. Maharashtra' },
	{ name: 'street', displayName: 'Street', placeholder: 'e.g. 14 Marine Drive' },
	{ name: 'website', displayName: 'Website', placeholder: 'e.g. https://example.com', description: 'An http(s) link' },
	{ name: 'zip', displayName: 'ZIP Code', placeholder: 'e.g. 400001' },
];

const onWhatsApp: INodeProperties = {
	displayName: 'Phone Is on WhatsApp',
	name: 'phoneOnWhatsApp',
	type: 'boolean',
	default: false,
	description: 'Whether the card gets a Message button that opens a WhatsApp chat with this phone number',
};

const properties: INodeProperties[] = [
	mobileProperty,
	{
		displayName: 'Define Contacts',
		name: 'contactsMode',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Using Fields Below', value: FIELDS, description: 'Each card from a name, a phone, an email, a company, a website, an address' },
			{ name: 'Using JSON', value: JSON_MODE, description: "Every part WhatsApp's contact cards have, in its own words" },
		],
		default: FIELDS,
	},
	{
		displayName: 'Contacts',
		name: 'contacts',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Contact',
		default: {},
		description: `The contact cards, ${LIMITS.contacts.min} to ${LIMITS.contacts.max}`,
		displayOptions: { show: { contactsMode: [FIELDS] } },
		options: [
			{
				displayName: 'Contact',
				name: 'contact',
				values: [
					{
						displayName: 'Formatted Name',
						name: 'formattedName',
						type: 'string',
						required: true,
						default: '',
						placeholder: 'e.g. Asha Rao',
						description: 'The name as the card shows it',
					},
					{
						displayName: 'Details',
						name: 'details',
						type: 'collection',
						placeholder: 'Add Detail',
						default: {},
						options: DETAILS.flatMap(({ name, ...shown }) => [
							{ ...shown, name, type: 'string' as const, default: '' },
							...(name === 'phone' ? [onWhatsApp] : []),
						]),
					},
				],
			},
		],
	},
	{
		displayName: 'Contacts (JSON)',
		name: 'contactsJson',
		type: 'json',
		default: '[\n  {\n    "name": { "formatted_name": "Asha Rao", "first_name": "Asha", "last_name": "Rao" },\n    "phones": [{ "phone": "+91 99999 99999", "type": "Mobile", "wa_id": "919999999999" }]\n  }\n]',
		description: 'The "contacts" list of WhatsApp\'s contacts message (or {"contacts": [...]})',
		displayOptions: { show: { contactsMode: [JSON_MODE] } },
	},
];

/** The cards of the form, in order, each checked and named by its position ("Contact 2"). */
function readFormCards(this: IExecuteFunctions, itemIndex: number): ContactCard[] {
	const entries = readEntries.call(this, 'contacts.contact', itemIndex, 'Contacts', LIMITS.contacts);
	return entries.map((entry, position) => {
		const details = (entry.details ?? {}) as IDataObject;
		const fields: ContactFields = {
			...Object.fromEntries(DETAILS.map(({ name }) => [name, entryText(details, name)])),
			formattedName: entryText(entry, 'formattedName'),
			phoneOnWhatsApp: details.phoneOnWhatsApp === true,
		};
		return contactCard(fields, `Contact ${position + 1}`);
	});
}

export const sendContacts = replyOperation({
	value: 'sendContacts',
	option: {
		name: 'Send Contacts',
		action: 'Send contact cards',
		description: "Send one or more contact cards the customer can save or message (Cunnekt's current platform only)",
	},
	properties,
	kind: 'contacts',
	read(itemIndex) {
		const to = readRecipient.call(this, itemIndex);
		if (this.getNodeParameter('contactsMode', itemIndex, FIELDS) !== JSON_MODE) {
			return { kind: 'contacts', to, contacts: readFormCards.call(this, itemIndex) };
		}
		const field = 'Contacts (JSON)';
		const example = 'For example [{"name": {"formatted_name": "Asha Rao"}, "phones": [{"phone": "+91 99999 99999"}]}].';
		const value = parseJsonField(this.getNodeParameter('contactsJson', itemIndex, '[]'), field, example);
		return { kind: 'contacts', to, contacts: checkContactCardsJson(value, field) };
	},
});
