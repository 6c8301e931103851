import type { INodeProperties } from 'n8n-workflow';

import type { CunnektResourceModule } from '../node.type';
import * as sendText from './sendText.operation';

const operationPicker: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['reply'] } },
	options: [
		{
			name: 'Send Text',
			value: 'sendText',
			action: 'Send a text reply',
			description: 'Send plain text within the 24-hour service window',
		},
	],
	default: 'sendText',
};

export const reply: CunnektResourceModule = {
	description: [operationPicker, ...sendText.description],
	operations: { sendText },
};
