import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { checkHttpUrl, LIMITS } from '../../whatsapp/limits';
import { checkMediaLink } from '../../whatsapp/media';
import { mobileProperty, readMobile, readText } from '../common';
import { readLimitedText, sendReply } from './shared';

/**
 * Send Image, Send Video, Send Document and Send Audio: one message (a link and a caption), so one operation serves
 * the four operation values; only the media type, its labels and its example differ.
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
	{
		displayName: 'File Name',
		name: 'fileName',
		type: 'string',
		default: '',
		placeholder: 'e.g. invoice-1042.pdf',
		description:
			"Optional name the customer sees for the document. Cunnekt's current platform sends it; the classic platform has no such field and Cunnekt names the file.",
		displayOptions: show(['sendDocument']),
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const operation = this.getNodeParameter('operation', itemIndex) as MediaOperation;
	const { type, label } = MEDIA[operation];
	const to = readMobile.call(this, itemIndex);
	const field = `${label} link`;
	const link = checkMediaLink(checkHttpUrl(readText.call(this, 'mediaLink', itemIndex, field), field), type, field);
	const caption = readLimitedText.call(this, 'caption', itemIndex, 'Caption', LIMITS.caption);
	const fileName = type === 'document' ? readText.call(this, 'fileName', itemIndex, 'File name', false).trim() : '';
	return await sendReply.call(this, itemIndex, {
		kind: 'media',
		to,
		mediaType: type,
		link,
		...(caption ? { caption } : {}),
		...(fileName ? { fileName } : {}),
	});
}
