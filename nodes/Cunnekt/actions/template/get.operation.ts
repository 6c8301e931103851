import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { readTemplateId, templateLocator } from '../pickers';
import { findTemplate, templateNotListed } from '../templateLookup';

export const NOT_LISTED_HINT = "Check the Template ID on Cunnekt's Template List page, or choose the template From List.";

const properties: INodeProperties[] = [{ ...templateLocator, description: 'The template to get' }];

export const description = updateDisplayOptions({ show: { resource: ['template'], operation: ['get'] } }, properties);

/** Cunnekt has no single-template endpoint: the template is found in the list. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const templateId = readTemplateId.call(this, itemIndex);
	const template = await findTemplate.call(this, templateId, itemIndex);
	if (!template) throw templateNotListed(templateId, NOT_LISTED_HINT);
	return [{ json: template }];
}
