import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { InputError } from '../../../shared/errors';
import { readLocatorId } from '../common';

/** The Template locator (every operation that names a template) and its reader. */

const TEMPLATE_KEY = /^[^|]+\|[^|]+$/;
const BY_NAME = 'name';

/**
 * The Template locator: From List, By ID, or By Name (`name|language`, the key templateLookup.ts reads; the current
 * platform sends templates by name and language).
 */
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
		{
			displayName: 'By Name',
			name: BY_NAME,
			type: 'string',
			placeholder: 'e.g. order_update|en_US',
			hint: "The template's name and language code, separated by |",
			validation: [
				{
					type: 'regex',
					properties: {
						regex: TEMPLATE_KEY.source,
						errorMessage: 'Give the name and language code, e.g. order_update|en_US',
					},
				},
			],
		},
	],
};

/** The Template locator where only an id will do (Delete): From List and By ID. */
export const templateIdLocator: INodeProperties = {
	...templateLocator,
	modes: templateLocator.modes?.filter((mode) => mode.name !== BY_NAME),
};

/** The template key of one item (templateLookup.ts): its id, or `name|language` from the By Name mode. */
export function readTemplateId(this: IExecuteFunctions, itemIndex: number): string {
	const key = readLocatorId.call(this, 'templateId', itemIndex, 'Template');
	const mode = (this.getNodeParameter('templateId', itemIndex, {}, { extractValue: false }) as { mode?: string }).mode;
	if (mode === BY_NAME && !TEMPLATE_KEY.test(key)) {
		throw new InputError(
			`Template By Name must be the name and the language code separated by |; received ${JSON.stringify(key)}`,
			'For example order_update|en_US, as Template → Get Many lists them.',
		);
	}
	return key;
}
