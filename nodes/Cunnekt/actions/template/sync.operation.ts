import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/endpoints';
import { cunnektApiRequest } from '../../../shared/transport';
import { answerJson } from '../common';

const properties: INodeProperties[] = [
	{
		displayName: 'Asks Cunnekt to fetch every template\'s approval status from WhatsApp again',
		name: 'syncNotice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['template'], operation: ['sync'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const response = await cunnektApiRequest.call(this, { method: 'POST', path: ENDPOINTS.templateSync }, itemIndex);
	return [{ json: answerJson(response) }];
}
