import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/endpoints';
import { cunnektApiRequest } from '../../../shared/transport';
import { answerJson } from '../common';
import { readTemplateId, templateIdLocator } from '../templateFields/locator';
import type { CunnektOperation } from '../node.type';

const properties: INodeProperties[] = [
	{ ...templateIdLocator, description: 'The template to delete. WhatsApp deletes it in every language.' },
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const templateId = readTemplateId.call(this, itemIndex);
	const response = await cunnektApiRequest.call(
		this,
		{ method: 'DELETE', path: ENDPOINTS.template(templateId) },
		itemIndex,
	);
	const answer = typeof response === 'object' && response !== null ? answerJson(response) : {};
	return [{ json: { id: templateId, deleted: true, ...answer } }];
}

export const deleteTemplate: CunnektOperation = {
	value: 'delete',
	option: { name: 'Delete', action: 'Delete a template', description: 'Delete a template' },
	properties,
	execute,
};
