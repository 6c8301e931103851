import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { resources, router } from './actions/router';
import { sendingOptionsProperties } from './actions/sendingOptions';
import { listSearch, resourceMapping } from './methods';

const resourcePicker: INodeProperties = {
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
};

/**
 * The subtitle under the node on the canvas, in words: "Send Buttons · Reply". An expression that looks the chosen
 * resource and operation up in a table of their names (n8n shows subtitles as they evaluate).
 */
function subtitle(): string {
	const names: Record<string, string> = {};
	for (const resource of resourcePicker.options as INodePropertyOptions[]) {
		const picker = resources[resource.value as keyof typeof resources].description.find((property) => property.name === 'operation');
		for (const operation of (picker?.options ?? []) as INodePropertyOptions[]) {
			names[`${resource.value}:${operation.value}`] = `${operation.name} · ${resource.name}`;
		}
	}
	return `={{ ${JSON.stringify(names)}[$parameter["resource"] + ":" + $parameter["operation"]] }}`;
}

export class Cunnekt implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cunnekt',
		name: 'cunnekt',
		icon: { light: 'file:cunnekt.svg', dark: 'file:cunnekt.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: subtitle(),
		description: 'Send WhatsApp template and reply messages, and manage media, templates and campaigns with Cunnekt',
		defaults: { name: 'Cunnekt' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'cunnektApi', required: true }],
		properties: [
			resourcePicker,
			...Object.values(resources).flatMap((resource) => resource.description),
			...sendingOptionsProperties,
		],
	};

	methods = { listSearch, resourceMapping };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
