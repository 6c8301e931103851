import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { checkHttpUrl, LIMITS } from '../../whatsapp/limits';
import { mobileProperty, readMobile, readText } from '../common';
import { readLimitedText, sendReply } from './shared';

/**
 * Send Image, Send Video, Send Document and Send Audio: one request shape (`{mobile, type, <type>: link, caption?}`),
 * so one operation serves the four operation values; only the media type, its labels and its example differ.
 */

const MEDIA = {
	sendAudio: { type: 'audio', label: 'Audio', example: 'https://example.com/voice-note.mp3' },
	sendDocument: { type: 'document', label: 'Document', example: 'https://example.com/invoice.pdf' },
	sendImage: { type: 'image', label: 'Image', example: 'https://example.com/photo.jpg' },
	sendVideo: { type: 'video', label: 'Video', example: 'https://example.com/clip.mp4' },
} as const;

export type MediaOperation = keyof typeof MEDIA;

export const mediaOperations = Object.keys(MEDIA) as MediaOperation[];

const show = (operations: MediaOperation[]) => ({ show: { resource: ['reply'], operation: operations } });

/** The link field, once per media type so that its label and example fit what is sent. */
function linkProperty(operation: MediaOperation): INodeProperties {
	const { label, example } = MEDIA[operation];
	return {
		displayName: `${label} Link`,
		name: 'mediaLink',
		type: 'string',
		required: true,
		default: '',
		placeholder: `e.g. ${example}`,
		description: `A public http(s) link to the ${label.toLowerCase()} file; WhatsApp downloads it from there`,
		displayOptions: show([operation]),
	};
}

export const description: INodeProperties[] = [
	{ ...mobileProperty, displayOptions: show(mediaOperations) },
	...mediaOperations.map(linkProperty),
	{
		displayName: 'Caption',
		name: 'caption',
		type: 'string',
		default: '',
		typeOptions: { rows: 2 },
		description: `Optional text sent with the file, at most ${LIMITS.caption.max} characters. WhatsApp may not show it with audio.`,
		displayOptions: show(mediaOperations),
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const operation = this.getNodeParameter('operation', itemIndex) as MediaOperation;
	const { type, label } = MEDIA[operation];
	const mobile = readMobile.call(this, itemIndex);
	const link = checkHttpUrl(readText.call(this, 'mediaLink', itemIndex, `${label} link`), `${label} link`);
	const caption = readLimitedText.call(this, 'caption', itemIndex, 'Caption', LIMITS.caption);
	return await sendReply.call(this, itemIndex, { mobile, type, [type]: link, ...(caption ? { caption } : {}) });
}
