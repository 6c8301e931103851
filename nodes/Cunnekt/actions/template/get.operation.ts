import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { readTemplateId, templateLocator } from '../templateFields/locator';
import { findTemplate, templateNotListed } from '../templateFields/lookup';
import type { CunnektOperation } from '../node.type';

export const NOT_LISTED_HINT = "Check the Template ID on Cunnekt's Template List page, or choose the template From List.";

const properties: INodeProperties[] = [{ ...templateLocator, description: 'The template to get' }];

/** Cunnekt has no single-template endpoint: the template is found in the list. */
async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const templateId = readTemplateId.call(this, itemIndex);
	const template = await findTemplate.call(this, templateId, itemIndex);
	if (!template) throw templateNotListed(templateId, NOT_LISTED_HINT);
	return [{ json: template }];
}

export const getTemplate: CunnektOperation = {
	value: 'get',
	option: { name: 'Get', action: 'Get a template', description: 'Get one template with its components' },
	properties,
	execute,
};
