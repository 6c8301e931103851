import type { INodeProperties } from 'n8n-workflow';

import type { CunnektResourceModule } from '../node.type';
import * as create from './create.operation';
import * as deleteTemplate from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as sync from './sync.operation';

const operationPicker: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['template'] } },
	options: [
		{
			name: 'Create',
			value: 'create',
			action: 'Create a template',
			description: "Submit a new template for WhatsApp's review",
		},
		{ name: 'Delete', value: 'delete', action: 'Delete a template', description: 'Delete a template' },
		{ name: 'Get', value: 'get', action: 'Get a template', description: 'Get one template with its components' },
		{
			name: 'Get Many',
			value: 'getMany',
			action: 'Get many templates',
			description: 'List templates, filtered by status, category, language or name',
		},
		{
			name: 'Sync',
			value: 'sync',
			action: 'Sync template statuses',
			description: "Fetch every template's approval status from WhatsApp again",
		},
	],
	default: 'getMany',
};

export const template: CunnektResourceModule = {
	description: [
		operationPicker,
		...getMany.description,
		...get.description,
		...create.description,
		...sync.description,
		...deleteTemplate.description,
	],
	operations: { getMany, get, create, sync, delete: deleteTemplate },
};
