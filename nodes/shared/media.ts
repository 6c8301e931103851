import { ENDPOINTS } from './endpoints';
import { InputError } from './errors';
import { cunnektFileRequest } from './transport';
import type { CunnektFunctions } from './transport';

/**
 * An inbound media file fetched through `GET /getmediafile?messageId=`: used by Media → Download and by the
 * trigger's "Download Media" option, so both name and check files the same way.
 */
export interface MediaFile {
	messageId: string;
	mimeType: string;
	fileName: string;
	fileSize: number;
	data: Buffer;
}

const EXTENSIONS: Readonly<Record<string, string>> = {
	'image/jpeg': 'jpg',
	'image/png': 'png',
	'image/webp': 'webp',
	'image/gif': 'gif',
	'video/mp4': 'mp4',
	'video/3gpp': '3gp',
	'audio/ogg': 'ogg',
	'audio/mpeg': 'mp3',
	'audio/mp4': 'm4a',
	'audio/aac': 'aac',
	'audio/amr': 'amr',
	'application/pdf': 'pdf',
	'application/octet-stream': 'bin',
	'text/plain': 'txt',
	'application/msword': 'doc',
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
	'application/vnd.ms-excel': 'xls',
	'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
	'application/vnd.ms-powerpoint': 'ppt',
	'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
};

/** A name without the folders a sender may have put in front of it ("../x.pdf", "C:\\docs\\x.pdf" → "x.pdf"). */
function baseName(name: string): string | undefined {
	const base = name.split(/[\\/]/).pop()?.trim();
	return base && base !== '.' && base !== '..' ? base : undefined;
}

/** The file name in a Content-Disposition header (RFC 6266: filename* wins over filename). */
export function fileNameFromDisposition(header: string | undefined): string | undefined {
	if (!header) return undefined;
	const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)?''([^;]+)/.exec(header)?.[1];
	if (extended) {
		try {
			return baseName(decodeURIComponent(extended.trim()));
		} catch {
			return baseName(extended.trim());
		}
	}
	const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(header);
	const name = (plain?.[2] ?? plain?.[1])?.trim();
	return name ? baseName(name) : undefined;
}

/** A name for a file Cunnekt sent without one: the message id (made safe) and an extension for its type. */
export function fallbackFileName(messageId: string, mimeType: string): string {
	const base = messageId.replace(/^wamid\./, '').replace(/[^A-Za-z0-9_-]+/g, '').slice(0, 40) || 'media';
	const extension = EXTENSIONS[mimeType] ?? mimeType.split('/')[1]?.replace(/[^a-z0-9]+/gi, '') ?? 'bin';
	return `${base}.${extension}`;
}

/** Fetches the file a message carried. An answer that is JSON or HTML instead of a file is an error, not a file. */
export async function fetchMediaFile(
	this: CunnektFunctions,
	messageId: string,
	itemIndex?: number,
): Promise<MediaFile> {
	const id = messageId.trim();
	if (id === '') throw new InputError('Message ID is empty; use the messageId of an inbound media message');
	const response = await cunnektFileRequest.call(
		this,
		{ method: 'GET', path: ENDPOINTS.mediaFile, qs: { messageId: id } },
		itemIndex,
	);
	const mimeType = (response.headers['content-type'] ?? 'application/octet-stream').split(';')[0].trim().toLowerCase();
	if (mimeType === 'application/json' || mimeType === 'text/html') {
		const text = response.body.toString('utf8').slice(0, 300);
		throw new InputError(
			`Cunnekt answered with ${mimeType === 'text/html' ? 'an HTML page' : 'JSON'} instead of the file for message ${JSON.stringify(id)}`,
			`Check that the message id belongs to an inbound image, video, audio or document message. Cunnekt said: ${text}`,
		);
	}
	return {
		messageId: id,
		mimeType,
		fileName: fileNameFromDisposition(response.headers['content-disposition']) ?? fallbackFileName(id, mimeType),
		fileSize: response.body.length,
		data: response.body,
	};
}
