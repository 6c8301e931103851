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

export const resourcePicker: INodeProperties = {
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
