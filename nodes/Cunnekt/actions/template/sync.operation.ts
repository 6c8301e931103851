import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/endpoints';
import { cunnektApiRequest } from '../../../shared/transport';
import { answerJson } from '../common';
import type { CunnektOperation } from '../node.type';

const properties: INodeProperties[] = [
	{
		displayName: 'Asks Cunnekt to fetch every template\'s approval status from WhatsApp again',
		name: 'syncNotice',
		type: 'notice',
		default: '',
	},
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const response = await cunnektApiRequest.call(this, { method: 'POST', path: ENDPOINTS.templateSync }, itemIndex);
	return [{ json: answerJson(response) }];
}

export const syncTemplates: CunnektOperation = {
	value: 'sync',
	option: {
		name: 'Sync',
		action: 'Sync template statuses',
		description: "Fetch every template's approval status from WhatsApp again",
	},
	properties,
	execute,
};
