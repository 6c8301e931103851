import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { checkHttpUrl, LIMITS } from '../../whatsapp/limits';
import { mobileProperty, readText } from '../common';
import { messageBodyProperty, readInteractive, readLimitedText, sendReply } from './shared';

const properties: INodeProperties[] = [
	mobileProperty,
	messageBodyProperty,
	{
		displayName: 'Button Text',
		name: 'buttonText',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Track Order',
		description: `The label of the button, 1 to ${LIMITS.ctaButtonText.max} characters`,
	},
	{
		displayName: 'Button URL',
		name: 'buttonUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. https://example.com/orders/1042',
		description: 'The http(s) link the button opens',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['reply'], operation: ['sendCtaUrl'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	return await sendReply.call(this, itemIndex, {
		kind: 'ctaUrl',
		...readInteractive.call(this, itemIndex, false),
		buttonText: readLimitedText.call(this, 'buttonText', itemIndex, 'Button text', LIMITS.ctaButtonText),
		url: checkHttpUrl(
			readText.call(this, 'buttonUrl', itemIndex, 'Button URL'),
			'Button URL',
			"The button opens it in the customer's browser, so it needs a full link such as https://example.com/page.",
		),
	});
}
