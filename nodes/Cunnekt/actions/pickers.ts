import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readLocatorId } from './common';

/** Fields several operations share, and their readers: one definition, used by every operation that shows it. */

export const templateLocator: INodeProperties = {
	displayName: 'Template',
	name: 'templateId',
	type: 'resourceLocator',
	required: true,
	default: { mode: 'list', value: '' },
	description: 'The approved template to send',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a template…',
			typeOptions: { searchListMethod: 'searchTemplates', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 1036659577939498',
			hint: 'The Template ID shown on Cunnekt\'s Template List page',
		},
	],
};

/** The template id of one item, from either locator mode. */
export function readTemplateId(this: IExecuteFunctions, itemIndex: number): string {
	return readLocatorId.call(this, 'templateId', itemIndex, 'Template');
}

/** WhatsApp's template categories, for Create and for Get Many's filter. */
export const categoryOptions = [
	{ name: 'Authentication', value: 'AUTHENTICATION', description: 'One-time passcodes' },
	{ name: 'Marketing', value: 'MARKETING', description: 'Offers, announcements, invitations' },
	{ name: 'Utility', value: 'UTILITY', description: 'Updates on an order, account or appointment' },
];
