import type { INodeProperties } from 'n8n-workflow';

import { campaign } from './campaign';
import { media } from './media';
import type { CunnektResource, CunnektResourceModule } from './node.type';
import { reply } from './reply';
import { template } from './template';
import { templateMessage } from './templateMessage';

/** The action node's resources, by value: each lists its operations (resource.ts); the router runs them. */
export const resources: Readonly<Record<CunnektResource, CunnektResourceModule>> = {
	templateMessage,
	reply,
	media,
	template,
	campaign,
};

/**
 * The resources in the order people need them, not by name: n8n's nodes panel lists a node's actions grouped by
 * resource in this order, and sending an approved template is the most common first step (a reply needs the
 * customer to have written first).
 */
const RESOURCE_OPTIONS = [
	{ name: 'Template Message', value: 'templateMessage', description: 'Approved templates, at any time' },
	{ name: 'Reply', value: 'reply', description: 'Free-form messages within the 24-hour service window' },
	{
		name: 'Campaign',
		value: 'campaign',
		description: "Broadcast a template to many recipients: create from a sheet's rows, list, launch",
	},
	{
		name: 'Template',
		value: 'template',
		description: 'Create, list, get, sync and delete message templates',
	},
	{ name: 'Media', value: 'media', description: 'Download the files customers send' },
];

export const resourcePicker: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: RESOURCE_OPTIONS,
	default: 'templateMessage',
};
