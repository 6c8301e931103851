// @ts-check
/**
 * GET /getmediafile?messageId=<wamid>: the bytes of a file a customer sent, with its type and name in the headers,
 * from state.media (seeded, added by POST /__sandbox/media, or left there when the sandbox posts a media message to a
 * webhook). An unknown id is a JSON 404.
 */
const { answers } = require('../errors');

/** Content-Disposition with the name as is for plain ASCII, and RFC 5987's filename* beside it otherwise. */
function contentDisposition(fileName) {
	const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
	if (ascii === fileName) return `attachment; filename="${fileName}"`;
	return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

module.exports = function registerMedia(app) {
	app.route('GET', '/getmediafile', (req, sandbox) => {
		const messageId = String(req.query.messageId ?? '').trim();
		if (messageId === '') return answers.malformed('messageId is required');
		const file = sandbox.state.media.get(messageId);
		if (!file) return answers.notFound(`Media of message ${messageId}`);
		const headers = { 'content-type': file.mimeType ?? 'application/octet-stream' };
		if (file.fileName) headers['content-disposition'] = contentDisposition(file.fileName);
		return { status: 200, raw: file.bytes, headers };
	});
};
