// @ts-check
/** POST /sendnotification and POST /sendreplymessage, validated as WhatsApp validates them through Cunnekt. */
const { answers } = require('../errors');
const { newWamid, windowIsOpen } = require('../state');
const { checkComponents } = require('../templates-logic');

const MOBILE = /^\d{8,15}$/;

function accepted(sandbox, endpoint, mobile, body) {
	const id = newWamid();
	sandbox.state.sent.push({ id, mobile, endpoint, body, at: Date.now() });
	return {
		status: 200,
		body: { messaging_product: 'whatsapp', contacts: [{ input: mobile, wa_id: mobile }], messages: [{ id }] },
	};
}

const isText = (value, max) => typeof value === 'string' && value.length > 0 && [...value].length <= max;
const isOptionalText = (value, max) => value === undefined || (typeof value === 'string' && [...value].length <= max);
const isUrl = (value) => typeof value === 'string' && /^https?:\/\/\S+$/.test(value);
const isId = (value, max) => (typeof value === 'string' || typeof value === 'number') && isText(String(value), max);

/** The first value that appears twice, or undefined. */
function repeated(values) {
	const seen = new Set();
	return values.find((value) => (seen.has(value) ? true : (seen.add(value), false)));
}

/** An interactive message's optional header: text only, at most 60 characters. */
function headerProblem(header) {
	if (header === undefined) return undefined;
	return header?.type === 'text' && isText(header.text, 60) ? undefined : 'header must be {type:"text", text (1-60)}';
}

/** The reply body's own checks, per type; returns what is wrong, or undefined. */
function replyProblem(body) {
	switch (body.type) {
		case 'text':
			return isText(body.text, 4096) ? undefined : 'text must be 1 to 4096 characters';
		case 'button': {
			if (!isText(body.body, 1024)) return 'body must be 1 to 1024 characters';
			const header = headerProblem(body.header);
			if (header) return header;
			const buttons = body.buttons;
			if (!Array.isArray(buttons) || buttons.length < 1 || buttons.length > 3) return 'buttons must hold 1 to 3 buttons';
			const bad = buttons.findIndex(
				(button) => button?.type !== 'reply' || !isText(button?.reply?.title, 20) || !isId(button?.reply?.id, 256),
			);
			if (bad >= 0) return `buttons[${bad}] must be {type:"reply", reply:{id (1-256), title (1-20)}}`;
			const title = repeated(buttons.map((button) => button.reply.title));
			if (title !== undefined) return `button titles must be unique; ${JSON.stringify(title)} is repeated`;
			const id = repeated(buttons.map((button) => String(button.reply.id)));
			return id === undefined ? undefined : `button ids must be unique; ${JSON.stringify(id)} is repeated`;
		}
		case 'list': {
			if (!isText(body.body, 1024)) return 'body must be 1 to 1024 characters';
			const header = headerProblem(body.header);
			if (header) return header;
			if (!isText(body.list_title, 20)) return 'list_title must be 1 to 20 characters';
			const rows = body.list;
			if (!Array.isArray(rows) || rows.length < 1 || rows.length > 10) return 'list must hold 1 to 10 rows';
			const bad = rows.findIndex(
				(row) => !isText(row?.title, 24) || !isId(row?.id, 200) || !isOptionalText(row?.description, 72),
			);
			if (bad >= 0) return `list[${bad}] must have an id (1-200), a title (1-24) and at most 72 characters of description`;
			const id = repeated(rows.map((row) => String(row.id)));
			return id === undefined ? undefined : `row ids must be unique; ${JSON.stringify(id)} is repeated`;
		}
		case 'flow':
			if (!isText(body.body, 1024)) return 'body must be 1 to 1024 characters';
			if (!isText(body.form_cta, 20)) return 'form_cta must be 1 to 20 characters';
			return body.form_id ? undefined : 'form_id is required';
		case 'image':
		case 'video':
		case 'document':
		case 'audio':
			if (!isUrl(body[body.type])) return `${body.type} must be an http(s) link`;
			return isOptionalText(body.caption, 1024) ? undefined : 'caption must be at most 1024 characters';
		case 'cta_url':
			if (!isText(body.body, 1024)) return 'body must be 1 to 1024 characters';
			if (!isText(body.button_text, 20)) return 'button_text must be 1 to 20 characters';
			return isUrl(body.button_url) ? undefined : 'button_url must be an http(s) link';
		default:
			return `unknown type ${JSON.stringify(body.type)}`;
	}
}

/** What only the sandbox adds to WhatsApp's closed-window answer: how to open this number's window here. */
function openWindowHint(sandbox, mobile) {
	return ` (Sandbox: a message from ${mobile} opens its window, or open it now: curl -X POST ${sandbox.url}/__sandbox/windows -H 'content-type: application/json' -d '{"mobile":"${mobile}"}')`;
}

module.exports = function registerMessages(app) {
	app.route('POST', '/sendnotification', (req, sandbox) => {
		const body = req.body;
		if (typeof body !== 'object' || body === null) return answers.malformed('expected a JSON object');
		if (!MOBILE.test(String(body.mobile ?? ''))) return answers.malformed('mobile must be 8 to 15 digits');
		if (!body.templateid) return answers.malformed('templateid is required');
		const template = sandbox.state.templates.get(String(body.templateid));
		if (!template) return answers.unknownTemplate(body.templateid);
		if (template.status !== 'APPROVED') return answers.templateNotApproved(template.id, template.status);
		if (body.overridebot !== undefined && !['yes', 'no'].includes(body.overridebot))
			return answers.malformed('overridebot must be "yes" or "no"');
		const mismatch = checkComponents(template, body.template?.components);
		if (mismatch) return mismatch;
		return accepted(sandbox, 'sendnotification', body.mobile, body);
	});

	app.route('POST', '/sendreplymessage', (req, sandbox) => {
		const body = req.body;
		if (typeof body !== 'object' || body === null) return answers.malformed('expected a JSON object');
		if (!MOBILE.test(String(body.mobile ?? ''))) return answers.malformed('mobile must be 8 to 15 digits');
		const problem = replyProblem(body);
		if (problem) return answers.invalidParameter(problem);
		if (!windowIsOpen(sandbox.state, body.mobile)) return answers.windowClosed(openWindowHint(sandbox, body.mobile));
		return accepted(sandbox, 'sendreplymessage', body.mobile, body);
	});
};
