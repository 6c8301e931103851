import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/endpoints';
import { cunnektApiRequest } from '../../../shared/transport';
import type { SendTemplateBody } from '../../../shared/types';
import { mobileProperty, readMobile, sendOutput } from '../common';
import { readTemplateId, templateLocator } from '../pickers';
import { readTemplateComponents } from '../templateParameterValues';
import { templateParameterProperties } from '../templateParameters';

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
	const templateid = readTemplateId.call(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as { overridebot?: 'yes' | 'no' };
	const components = await readTemplateComponents.call(this, itemIndex, templateid);
	const body: SendTemplateBody = { mobile, templateid };
	if (options.overridebot) body.overridebot = options.overridebot;
	if (components.length > 0) body.template = { components };
	const response = await cunnektApiRequest.call(
		this,
		{ method: 'POST', path: ENDPOINTS.sendTemplate, body },
		itemIndex,
	);
	return sendOutput(mobile, response);
}
