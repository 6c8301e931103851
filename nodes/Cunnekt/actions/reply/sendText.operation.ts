import type { INodeProperties } from 'n8n-workflow';

import { LIMITS } from '../../whatsapp/limits';
import { mobileProperty, readRecipient } from '../common';
import { readLimitedText } from './fields';
import { replyOperation } from './operation';

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

export const sendText = replyOperation({
	value: 'sendText',
	option: {
		name: 'Send Text',
		action: 'Send a text reply',
		description: 'Send plain text within the 24-hour service window',
	},
	properties,
	kind: 'text',
	read(itemIndex) {
		const to = readRecipient.call(this, itemIndex);
		return { kind: 'text', to, text: readLimitedText.call(this, 'text', itemIndex, 'Text', LIMITS.text) };
	},
});
