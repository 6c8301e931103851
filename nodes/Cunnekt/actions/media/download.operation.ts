import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { fetchMediaFile } from '../../../shared/media';
import { readText } from '../common';
import type { CunnektOperation } from '../node.type';

const properties: INodeProperties[] = [
	{
		displayName: 'Message ID',
		name: 'messageId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. wamid.HBgMOTE3ODM4MjYyMjgxFQIAEhgWM0VCMDhFNEMyRTFCNEZFQkNBOUU4RAA=',
		description:
			'The ID (wamid) of an inbound image, video, audio or document message, as the Cunnekt Trigger or Cunnekt\'s webhook gives it',
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		hint: 'The name of the output binary field to put the file in',
	},
];

/** The file a customer sent, as n8n binary data; its JSON says what it is. */
async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const messageId = readText.call(this, 'messageId', itemIndex, 'Message ID').trim();
	const binaryPropertyName = readText.call(this, 'binaryPropertyName', itemIndex, 'Put Output File in Field').trim();
	const file = await fetchMediaFile.call(this, messageId, itemIndex);
	const binary = await this.helpers.prepareBinaryData(file.data, file.fileName, file.mimeType);
	return [
		{
			json: { messageId: file.messageId, mimeType: file.mimeType, fileName: file.fileName, fileSize: file.fileSize },
			binary: { [binaryPropertyName]: binary },
		},
	];
}

export const downloadMedia: CunnektOperation = {
	value: 'download',
	option: {
		name: 'Download',
		action: 'Download a media file',
		description: 'Download the image, video, audio or document a customer sent',
	},
	properties,
	execute,
};
