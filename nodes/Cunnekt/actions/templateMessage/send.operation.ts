import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { mobileProperty, readRecipient, sendWithOutput } from '../common';
import { templateLocator } from '../templateFields/locator';
import { templateParameterProperties } from '../templateFields/properties';
import { readTemplateMessage } from '../templateFields/message';
import type { CunnektOperation } from '../node.type';

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

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const mobile = readRecipient.call(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as { overridebot?: 'yes' | 'no' };
	const body = await readTemplateMessage.call(this, itemIndex, mobile, options.overridebot);
	return await sendWithOutput.call(this, itemIndex, body);
}

export const sendTemplate: CunnektOperation = {
	value: 'send',
	option: {
		name: 'Send',
		action: 'Send a template message',
		description: 'Send an approved template, at any time (no service window needed)',
	},
	properties,
	execute,
};
