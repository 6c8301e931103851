import type { INodeProperties } from 'n8n-workflow';

import { checkHttpUrl, LIMITS } from '../../whatsapp/limits';
import { readText } from '../common';
import { interactiveProperties, readInteractive, readLimitedText } from './fields';
import { replyOperation } from './operation';

const properties: INodeProperties[] = [
	...interactiveProperties(false),
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

export const sendCtaUrl = replyOperation({
	value: 'sendCtaUrl',
	option: {
		name: 'Send CTA URL',
		action: 'Send a reply with a link button',
		description: 'Send a message with one button that opens a link',
	},
	properties,
	kind: 'ctaUrl',
	read(itemIndex) {
		return {
			kind: 'ctaUrl',
			...readInteractive.call(this, itemIndex, false),
			buttonText: readLimitedText.call(this, 'buttonText', itemIndex, 'Button text', LIMITS.ctaButtonText),
			url: checkHttpUrl(
				readText.call(this, 'buttonUrl', itemIndex, 'Button URL'),
				'Button URL',
				"The button opens it in the customer's browser, so it needs a full link such as https://example.com/page.",
			),
		};
	},
});
