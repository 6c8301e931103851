import type { INodeProperties } from 'n8n-workflow';

import type { CunnektResourceModule } from '../node.type';
import * as download from './download.operation';

const operationPicker: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['media'] } },
	options: [
		{
			name: 'Download',
			value: 'download',
			action: 'Download a media file',
			description: 'Download the image, video, audio or document a customer sent',
		},
	],
	default: 'download',
};

export const media: CunnektResourceModule = {
	description: [operationPicker, ...download.description],
	operations: { download },
};
