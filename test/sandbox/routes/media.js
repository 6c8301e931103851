// @ts-check
/**
 * GET /getmediafile?messageId=<wamid>: the file of an inbound media message, from state.media (filled when the
 * sandbox sends a media message to a webhook). Minimal: to be merged with the Media resource's fuller route.
 */
const { answers } = require('../errors');

module.exports = function registerMedia(app) {
	app.route('GET', '/getmediafile', (req, sandbox) => {
		const messageId = String(req.query.messageId ?? '');
		if (messageId === '') return answers.malformed('messageId is required');
		const file = sandbox.state.media.get(messageId);
		if (!file) return answers.notFound(`Media of message ${messageId}`);
		const headers = { 'content-type': file.mimeType ?? 'application/octet-stream' };
		if (file.fileName) headers['content-disposition'] = `attachment; filename="${file.fileName.replace(/"/g, '')}"`;
		return { status: 200, headers, raw: file.bytes };
	});
};
