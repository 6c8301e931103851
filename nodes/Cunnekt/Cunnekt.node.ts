import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { resources, router } from './actions/router';
import { sendingOptionsProperties } from './actions/sendingOptions';
import { listSearch, resourceMapping } from './methods';

export class Cunnekt implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cunnekt',
		name: 'cunnekt',
		icon: { light: 'file:cunnekt.svg', dark: 'file:cunnekt.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Send WhatsApp template and reply messages, and manage media, templates and campaigns with Cunnekt',
		defaults: { name: 'Cunnekt' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'cunnektApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Campaign',
						value: 'campaign',
						description: 'Broadcast a template to many recipients: create from a sheet\'s rows, list, launch',
					},
					{ name: 'Media', value: 'media', description: 'Download the files customers send' },
					{ name: 'Reply', value: 'reply', description: 'Free-form messages within the 24-hour service window' },
					{
						name: 'Template',
						value: 'template',
						description: 'Create, list, get, sync and delete message templates',
					},
					{ name: 'Template Message', value: 'templateMessage', description: 'Approved templates, at any time' },
				],
				default: 'templateMessage',
			},
			...Object.values(resources).flatMap((resource) => resource.description),
			...sendingOptionsProperties,
		],
	};

	methods = { listSearch, resourceMapping };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
