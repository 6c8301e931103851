// @ts-check
/**
 * The media files the sandbox serves on GET /getmediafile: a few small files of the types customers send (their
 * message ids are those of Cunnekt's own samples, webhook-samples.js), and large files generated on demand so that no big file
 * lives in the repository. state.media maps messageId → { bytes, mimeType, fileName }; mimeType and fileName may be
 * absent, as they can be in Cunnekt's answer.
 */
const crypto = require('crypto');

/** The ids of Cunnekt's samples: the Get Media File example, the incoming PDF and the incoming image webhooks. */
const SAMPLE_IDS = {
	getMediaFileExample: 'wamid.HBgMOTE3ODM4MjYyMjgxFQIAEhgWM0VCMDhFNEMyRTFCNEZFQkNBOUU4RAA=',
	incomingPdf: 'wamid.HBgMOTE3ODM4MjYyMjgxFQIAEhgWM0VCMEIxNkNBMUM4NTk2QzJBMjk0MgA=',
	incomingImage: 'wamid.HBgMOTE3ODM4MjYyMjgxFQIAEhgWM0VCMEJCMDUxOTQ2N0RGMTkwQ0M2RgA=',
	voiceNote: 'wamid.HBgMOTE5OTk5OTk5OTk5FQIAEhgUM0FBQjQ1QUQ4QzYxNjdBN0M4MDMA',
	video: 'wamid.HBgMOTE5OTk5OTk5OTk5FQIAEhgUM0E3NzFEMkE5QjE0RjYwQkU0NjgA',
};

const bytes = (...parts) => Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part))));

/** A JPEG's markers around a little data: enough for a file-type sniffer and a byte-for-byte comparison. */
function tinyJpeg(seed) {
	return bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF', [0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00], [0xff, 0xdb], seed, [0xff, 0xd9]);
}

function seededMedia() {
	return [
		[SAMPLE_IDS.getMediaFileExample, { bytes: tinyJpeg('shop front'), mimeType: 'image/jpeg', fileName: 'IMG-20240109-WA0001.jpg' }],
		[
			SAMPLE_IDS.incomingPdf,
			{
				bytes: bytes('%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n'),
				mimeType: 'application/pdf',
				fileName: 'Cunnekt - Product Pitch (3) (1).pdf',
			},
		],
		// WhatsApp images and voice notes carry no file name: the node names them from the message id.
		[SAMPLE_IDS.incomingImage, { bytes: tinyJpeg('receipt'), mimeType: 'image/jpeg' }],
		[
			SAMPLE_IDS.voiceNote,
			{ bytes: bytes('OggS', [0x00, 0x02], Buffer.alloc(20), [0x01, 0x13], 'OpusHead', [0x01, 0x01, 0x38, 0x01]), mimeType: 'audio/ogg; codecs=opus' },
		],
		[
			SAMPLE_IDS.video,
			{ bytes: bytes([0, 0, 0, 0x18], 'ftypmp42', [0, 0, 0, 0], 'isommp42', [0, 0, 0, 8], 'free'), mimeType: 'video/mp4', fileName: 'unboxing.mp4' },
		],
	];
}

const BLOCK = 64 * 1024;

/**
 * `size` bytes that are cheap to make and whose every 64 KB block differs (its number is written into it), so a
 * truncated, repeated or reordered download cannot compare equal.
 */
function generatedBytes(size) {
	const pattern = crypto.createHash('sha256').update('cunnekt sandbox media').digest();
	const block = Buffer.alloc(BLOCK);
	for (let offset = 0; offset < BLOCK; offset += pattern.length) pattern.copy(block, offset);
	const data = Buffer.allocUnsafe(size);
	for (let offset = 0, index = 0; offset < size; offset += BLOCK, index++) {
		block.copy(data, offset, 0, Math.min(BLOCK, size - offset));
		if (offset + 4 <= size) data.writeUInt32BE(index, offset);
	}
	return data;
}

module.exports = { SAMPLE_IDS, seededMedia, generatedBytes };
