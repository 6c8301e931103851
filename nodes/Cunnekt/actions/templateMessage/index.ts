import type { INodeProperties } from 'n8n-workflow';

import type { CunnektResourceModule } from '../node.type';
import * as send from './send.operation';

const operationPicker: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['templateMessage'] } },
	options: [
		{
			name: 'Send',
			value: 'send',
			action: 'Send a template message',
			description: 'Send an approved template, at any time (no service window needed)',
		},
	],
	default: 'send',
};

export const templateMessage: CunnektResourceModule = {
	description: [operationPicker, ...send.description],
	operations: { send },
};
