import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/endpoints';
import { checkLength, LIMITS } from '../../../shared/limits';
import { cunnektApiRequest } from '../../../shared/transport';
import type { ReplyBody } from '../../../shared/types';
import { mobileProperty, readMobile, readText, sendOutput } from '../common';

const properties: INodeProperties[] = [
	mobileProperty,
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		required: true,
		default: '',
		typeOptions: { rows: 4 },
		description: `The message, 1 to ${LIMITS.text.max} characters. Only within the 24-hour service window.`,
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['reply'], operation: ['sendText'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const mobile = readMobile.call(this, itemIndex);
	const text = checkLength(readText.call(this, 'text', itemIndex, 'Text'), 'Text', LIMITS.text);
	const body: ReplyBody = { mobile, type: 'text', text };
	const response = await cunnektApiRequest.call(
		this,
		{ method: 'POST', path: ENDPOINTS.sendReply, body },
		itemIndex,
	);
	return sendOutput(mobile, response);
}
