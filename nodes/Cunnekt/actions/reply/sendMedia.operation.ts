import type { INodeProperties } from 'n8n-workflow';

import type { ReplyMediaType } from '../../../shared/platforms/message';
import { LIMITS } from '../../whatsapp/limits';
import { mobileProperty, readRecipient, readText } from '../common';
import { readLimitedText, readMediaLink } from './fields';
import { replyOperation } from './operation';
import type { ReplyOperation } from './operation';

/**
 * Send Image, Send Video, Send Document and Send Audio: one message (a link and a caption), so one file serves the
 * four operations; only the media type, its labels and its example differ.
 */

interface MediaOperation {
	value: string;
	type: ReplyMediaType;
	label: string;
	example: string;
}

const MEDIA: readonly MediaOperation[] = [
	{ value: 'sendAudio', type: 'audio', label: 'Audio', example: 'https://example.com/voice-note.mp3' },
	{ value: 'sendDocument', type: 'document', label: 'Document', example: 'https://example.com/invoice.pdf' },
	{ value: 'sendImage', type: 'image', label: 'Image', example: 'https://example.com/photo.jpg' },
	{ value: 'sendVideo', type: 'video', label: 'Video', example: 'https://example.com/clip.mp4' },
];

/** What each operation's picker entry says (n8n's lint wants each action spelt out). */
const OPTIONS: Readonly<Record<ReplyMediaType, { action: string; description: string }>> = {
	audio: { action: 'Send an audio reply', description: 'Send an audio file from a link' },
	document: { action: 'Send a document reply', description: 'Send a document (PDF, spreadsheet, …) from a link' },
	image: { action: 'Send an image reply', description: 'Send an image from a link' },
	video: { action: 'Send a video reply', description: 'Send a video from a link' },
};

const caption: INodeProperties = {
	displayName: 'Caption',
	name: 'caption',
	type: 'string',
	default: '',
	typeOptions: { rows: 2 },
	description: `Optional text sent with the file, at most ${LIMITS.caption.max} characters. WhatsApp may not show it with audio.`,
};

const fileName: INodeProperties = {
	displayName: 'File Name',
	name: 'fileName',
	type: 'string',
	default: '',
	placeholder: 'e.g. invoice-1042.pdf',
	description:
		"Optional name the customer sees for the document. Cunnekt's current platform sends it; the classic platform has no such field and Cunnekt names the file.",
};

/** The fields of one media type: the link (its label and example fit what is sent), the caption, a document's name. */
function mediaProperties({ type, label, example }: MediaOperation): INodeProperties[] {
	const link: INodeProperties = {
		displayName: `${label} Link`,
		name: 'mediaLink',
		type: 'string',
		required: true,
		default: '',
		placeholder: `e.g. ${example}`,
		description: `A public http(s) link to the ${label.toLowerCase()} file; WhatsApp downloads it from there`,
	};
	return [mobileProperty, link, caption, ...(type === 'document' ? [fileName] : [])];
}

function mediaOperation(media: MediaOperation): ReplyOperation {
	const { value, type, label } = media;
	return replyOperation({
		value,
		option: { name: `Send ${label}`, ...OPTIONS[type] },
		properties: mediaProperties(media),
		kind: 'media',
		read(itemIndex) {
			const to = readRecipient.call(this, itemIndex);
			const field = `${label} link`;
			const link = readMediaLink.call(this, 'mediaLink', itemIndex, field, type);
			const text = readLimitedText.call(this, 'caption', itemIndex, 'Caption', LIMITS.caption);
			const name = type === 'document' ? readText.call(this, 'fileName', itemIndex, 'File name', false).trim() : '';
			return {
				kind: 'media',
				to,
				mediaType: type,
				link,
				...(text ? { caption: text } : {}),
				...(name ? { fileName: name } : {}),
			};
		},
	});
}

export const mediaOperations: readonly ReplyOperation[] = MEDIA.map(mediaOperation);
