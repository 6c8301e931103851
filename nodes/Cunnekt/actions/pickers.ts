import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { TEMPLATE_CATEGORIES } from '../whatsapp/templateDefinition';
import type { TemplateCategory } from '../whatsapp/templateDefinition';
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

/** How the editor names and explains each of WhatsApp's template categories (the list: whatsapp/templateDefinition.ts). */
const CATEGORY_LABELS: Readonly<Record<TemplateCategory, { name: string; description: string }>> = {
	AUTHENTICATION: { name: 'Authentication', description: 'One-time passcodes' },
	MARKETING: { name: 'Marketing', description: 'Offers, announcements, invitations' },
	UTILITY: { name: 'Utility', description: 'Updates on an order, account or appointment' },
};

/** WhatsApp's template categories, for Create and for Get Many's filter, in alphabetical order as n8n shows options. */
export const categoryOptions = TEMPLATE_CATEGORIES.map((value) => {
	const { name, description } = CATEGORY_LABELS[value];
	return { name, value, description };
}).sort((a, b) => a.name.localeCompare(b.name));
