import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { LIMITS } from '../../whatsapp/limits';
import { mobileProperty, readMobile } from '../common';
import { readLimitedText, sendReply } from './shared';

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
	const to = readMobile.call(this, itemIndex);
	const text = readLimitedText.call(this, 'text', itemIndex, 'Text', LIMITS.text);
	return await sendReply.call(this, itemIndex, { kind: 'text', to, text });
}
