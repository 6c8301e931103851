import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { mobileProperty, readMobile } from '../common';
import { templateLocator } from '../pickers';
import { templateParameterProperties } from '../templateParameters';
import { readTemplateMessage, sendTemplateMessage } from '../templateSending';

const properties: INodeProperties[] = [
	mobileProperty,
	templateLocator,
	...templateParameterProperties,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Override Bot',
				name: 'overridebot',
				type: 'options',
				options: [
					{ name: 'Yes', value: 'yes', description: 'Cunnekt\'s chatbot does not answer this conversation' },
					{ name: 'No', value: 'no', description: 'Cunnekt\'s chatbot keeps answering' },
				],
				default: 'no',
				description: 'Whether the message takes the conversation over from Cunnekt\'s chatbot (Cunnekt\'s "overridebot")',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['templateMessage'], operation: ['send'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const mobile = readMobile.call(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as { overridebot?: 'yes' | 'no' };
	const body = await readTemplateMessage.call(this, itemIndex, mobile, options.overridebot);
	return await sendTemplateMessage.call(this, itemIndex, body);
}
