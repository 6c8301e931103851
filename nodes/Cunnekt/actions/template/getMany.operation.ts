import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { containsText, limitedItems, listTemplates, returnAllProperties } from '../lists';
import { categoryOptions } from './categories';
import type { CunnektOperation } from '../node.type';

interface TemplateFilters {
	status?: string;
	category?: string;
	language?: string;
	name?: string;
}

const properties: INodeProperties[] = [
	...returnAllProperties,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Category',
				name: 'category',
				type: 'options',
				options: categoryOptions,
				default: 'MARKETING',
			},
			{
				displayName: 'Language',
				name: 'language',
				type: 'string',
				default: '',
				placeholder: 'e.g. en_US',
				description: 'The language code, exactly (en and en_US are different templates)',
			},
			{
				displayName: 'Name Contains',
				name: 'name',
				type: 'string',
				default: '',
				placeholder: 'e.g. order',
				description: 'Only templates whose name contains this text (ignoring case)',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'Approved', value: 'APPROVED', description: 'Can be sent' },
					{ name: 'Disabled', value: 'DISABLED' },
					{ name: 'Paused', value: 'PAUSED' },
					{ name: 'Pending', value: 'PENDING', description: 'Waiting for WhatsApp\'s review' },
					{ name: 'Rejected', value: 'REJECTED' },
				],
				default: 'APPROVED',
			},
		],
	},
];

const sameText = (wanted: string | undefined, actual: unknown) =>
	!wanted || String(actual ?? '').toLowerCase() === wanted.trim().toLowerCase();

/** One item per template; Cunnekt takes no filters, so they are applied to the list it returns. */
async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as TemplateFilters;
	const templates = (await listTemplates.call(this, itemIndex)).filter(
		(template) =>
			sameText(filters.status, template.status) &&
			sameText(filters.category, template.category) &&
			sameText(filters.language, template.language) &&
			containsText(filters.name, template.name),
	);
	return limitedItems.call(this, itemIndex, templates);
}

export const getManyTemplates: CunnektOperation = {
	value: 'getMany',
	option: {
		name: 'Get Many',
		action: 'Get many templates',
		description: 'List templates, filtered by status, category, language or name',
	},
	properties,
	execute,
};
