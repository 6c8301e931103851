// @ts-check
/** The error answers the sandbox gives, shaped like WhatsApp's errors as they travel through Cunnekt. */

/** @returns {{status: number, body: object}} */
function whatsappError(status, code, title, details) {
	return {
		status,
		body: {
			status: 'error',
			message: title,
			error: { code, title, message: title, error_data: { details } },
		},
	};
}

const answers = {
	missingKey: () => ({ status: 401, body: { status: 'error', message: 'API-KEY header is missing' } }),
	invalidKey: () => ({ status: 401, body: { status: 'error', message: 'Invalid API key' } }),
	revokedKey: () => ({ status: 403, body: { status: 'error', message: 'API key revoked' } }),
	malformed: (why) => ({ status: 400, body: { status: 'error', message: `Malformed request: ${why}` } }),
	notFound: (what) => ({ status: 404, body: { status: 'error', message: `${what} not found` } }),
	/** WhatsApp's words; `hint` (the sandbox's own reply answer only) adds how to open the window here. */
	windowClosed: (hint = '') =>
		whatsappError(
			400,
			131047,
			'Re-engagement message',
			`Message failed to send because more than 24 hours have passed since the customer last replied to this number.${hint}`,
		),
	unknownTemplate: (id) =>
		whatsappError(404, 132001, 'Template name does not exist in the translation', `No template with id ${id}`),
	/** WhatsApp answers a template that is not approved as one that does not exist (132001). */
	templateNotApproved: (id, status) =>
		whatsappError(400, 132001, 'Template name does not exist in the translation', `Template ${id} is ${status}; only approved templates can be sent`),
	parameterCount: (details) =>
		whatsappError(400, 132000, 'Number of parameters does not match the expected number of params', details),
	parameterFormat: (details) => whatsappError(400, 132012, 'Parameter format does not match format in the created template', details),
	invalidParameter: (details) => whatsappError(400, 131009, 'Parameter value is not valid', details),
	bsuidNotSupported: () =>
		whatsappError(400, 131062, 'Business-scoped user ID recipients not supported', 'This message cannot be sent to a business-scoped user ID'),
};

module.exports = { whatsappError, answers };
