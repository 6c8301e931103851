import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { checkHttpUrl, LIMITS } from '../../../shared/limits';
import { mobileProperty, readMobile, readText } from '../common';
import { messageBodyProperty, readLimitedText, readMessageBody, sendReply } from './shared';

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
	const mobile = readMobile.call(this, itemIndex);
	const body = readMessageBody.call(this, itemIndex);
	const buttonText = readLimitedText.call(this, 'buttonText', itemIndex, 'Button text', LIMITS.ctaButtonText);
	const buttonUrl = checkHttpUrl(
		readText.call(this, 'buttonUrl', itemIndex, 'Button URL'),
		'Button URL',
		'The button opens it in the customer\'s browser, so it needs a full link such as https://example.com/page.',
	);
	return await sendReply.call(this, itemIndex, {
		mobile,
		type: 'cta_url',
		body,
		button_text: buttonText,
		button_url: buttonUrl,
	});
}
