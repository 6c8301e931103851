import type { INodeProperties } from 'n8n-workflow';

import { MEDIA_RULES } from '../../whatsapp/media';
import { mobileProperty, readRecipient } from '../common';
import { readMediaLink } from './fields';
import { replyOperation } from './operation';

/** WhatsApp's sticker: a WebP image from a public link (Cunnekt's current platform only; whatsapp/media.ts). */

const properties: INodeProperties[] = [
	mobileProperty,
	{
		displayName: 'Sticker Link',
		name: 'stickerLink',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. https://example.com/stickers/thank-you.webp',
		description: `A public http(s) link to a ${MEDIA_RULES.sticker.accepted} file, ${MEDIA_RULES.sticker.size}. The node sends the link, not the file: WhatsApp downloads it and checks its size.`,
	},
];

export const sendSticker = replyOperation({
	value: 'sendSticker',
	option: {
		name: 'Send Sticker',
		action: 'Send a sticker reply',
		description: "Send a WebP sticker from a link (Cunnekt's current platform only)",
	},
	properties,
	kind: 'sticker',
	read(itemIndex) {
		const to = readRecipient.call(this, itemIndex);
		return { kind: 'sticker', to, link: readMediaLink.call(this, 'stickerLink', itemIndex, 'Sticker link', 'sticker') };
	},
});
