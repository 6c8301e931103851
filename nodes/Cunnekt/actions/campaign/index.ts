import type { INodeProperties } from 'n8n-workflow';

import type { CunnektResourceModule } from '../node.type';
import * as create from './create.operation';
import * as getMany from './getMany.operation';
import * as launch from './launch.operation';

const operationPicker: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['campaign'] } },
	options: [
		{
			name: 'Create',
			value: 'create',
			action: 'Create a campaign',
			description: 'Create a broadcast of one template to many recipients, from all input items or per item',
		},
		{ name: 'Get Many', value: 'getMany', action: 'Get many campaigns', description: 'List campaigns' },
		{
			name: 'Launch',
			value: 'launch',
			action: 'Launch a campaign',
			description: 'Send a campaign to its recipients',
		},
	],
	default: 'create',
};

export const campaign: CunnektResourceModule = {
	description: [operationPicker, ...create.description, ...getMany.description, ...launch.description],
	operations: { create, getMany, launch },
};
