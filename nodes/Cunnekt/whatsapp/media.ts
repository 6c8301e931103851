/**
 * The media files WhatsApp takes in a message, by type, as Cunnekt's current documentation publishes them (the same
 * as WhatsApp's Cloud API): image jpeg/png ≤ 5 MB, video mp4/3gp ≤ 16 MB, audio aac/amr/mp3/m4a/ogg (Opus) ≤ 10 MB,
 * documents txt/xls(x)/doc(x)/ppt(x)/pdf; a sticker is WebP, 512×512 pixels, ≤ 100 KB static or ≤ 500 KB animated
 * (Meta's sticker messages page). The node sends links, so it checks what a link's name tells: a file type WhatsApp
 * refuses for that message type. A link without a telling extension goes as it is; WhatsApp checks the rest.
 */

import { InputError } from '../../shared/errors';
import type { ReplyMediaType } from '../../shared/platforms/message';

/** The message types that carry a file from a link: the four media replies and Send Sticker. */
export type LinkedMediaType = ReplyMediaType | 'sticker';

interface MediaRule {
	/** What the error lists as accepted. */
	accepted: string;
	/** The size (and shape) WhatsApp allows, as the error says it. */
	size: string;
	extensions: readonly string[];
}

export const MEDIA_RULES: Readonly<Record<LinkedMediaType, MediaRule>> = {
	image: { accepted: 'JPEG or PNG', size: 'at most 5 MB', extensions: ['jpg', 'jpeg', 'png'] },
	video: { accepted: 'MP4 or 3GP', size: 'at most 16 MB', extensions: ['mp4', '3gp', '3gpp'] },
	audio: { accepted: 'AAC, AMR, MP3, M4A or OGG (Opus)', size: 'at most 10 MB', extensions: ['aac', 'amr', 'mp3', 'm4a', 'ogg', 'opus'] },
	document: {
		accepted: 'TXT, PDF, DOC(X), XLS(X) or PPT(X)',
		size: 'at most 100 MB',
		extensions: ['txt', 'pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx'],
	},
	sticker: {
		accepted: 'WebP',
		size: '512×512 pixels, at most 100 KB (or 500 KB animated)',
		extensions: ['webp'],
	},
};

/** File types a link's name can show that WhatsApp takes in none of the four or not in this one: media, archives, pages. */
const KNOWN_EXTENSIONS = new Set([
	...Object.values(MEDIA_RULES).flatMap((rule) => rule.extensions),
	'gif', 'webp', 'bmp', 'tif', 'tiff', 'heic', 'heif', 'svg', 'avif',
	'mov', 'avi', 'mkv', 'webm', 'wmv', 'flv', 'm4v', 'mpeg', 'mpg',
	'wav', 'flac', 'wma', 'aiff', 'mid',
	'csv', 'rtf', 'odt', 'ods', 'odp', 'zip', 'rar', '7z', 'apk', 'exe', 'html', 'htm', 'json', 'xml',
]);

/** The extension of a link's file name (lower case), or undefined when its path shows none. */
function extensionOf(link: string): string | undefined {
	let path: string;
	try {
		path = new URL(link).pathname;
	} catch {
		return undefined;
	}
	const name = path.split('/').pop() ?? '';
	const dot = name.lastIndexOf('.');
	return dot > 0 ? name.slice(dot + 1).toLowerCase() : undefined;
}

/** Refuses a link whose file name shows a type WhatsApp does not take for this message type; returns the link. */
export function checkMediaLink(link: string, mediaType: LinkedMediaType, field: string): string {
	const extension = extensionOf(link);
	const rule = MEDIA_RULES[mediaType];
	if (extension === undefined || !KNOWN_EXTENSIONS.has(extension) || rule.extensions.includes(extension)) return link;
	throw new InputError(
		`${field} points to a .${extension} file; WhatsApp takes ${rule.accepted} as ${mediaType === 'image' ? 'an' : 'a'} ${mediaType}, ${rule.size}`,
		`Received: ${link}. Convert the file, or send it with the operation for its type.`,
	);
}
