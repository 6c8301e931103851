// @ts-check
/**
 * Cunnekt's current platform (app.cunnekt.com), on the same memory as the classic one (templates, windows, sent
 * messages, faults, stats): WhatsApp Cloud API bodies, checked as the Cloud API checks them, written here
 * independently of the node's own code. Paths as docs/current-platform.md lists them; the ones Cunnekt has not
 * published answer like their classic twins.
 */
const { answers } = require('../errors');
const { newWamid, windowIsOpen } = require('../state');
const { checkComponents } = require('../templates-logic');

const REPLY = '/api/v1/whatsapp/replymessage';
const REST = '/restapi/v1/whatsapp';
/** Path prefixes of the current platform: a request under one of them is the current platform's. */
const CURRENT_PREFIXES = ['/api/v1/whatsapp/', `${REST}/`];

const MOBILE = /^\d{8,15}$/;
/** A business-scoped user ID (BSUID): a country code, a dot, optionally ENT., up to 128 letters and digits. */
const BSUID = /^[A-Z]{2}\.(?:ENT\.)?[A-Za-z0-9]{1,128}$/;
const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
const length = (value) => [...value].length;
const isText = (value, max) => typeof value === 'string' && value.length > 0 && length(value) <= max;
const isOptionalText = (value, max) => value === undefined || (typeof value === 'string' && length(value) <= max);
const isUrl = (value) => typeof value === 'string' && /^https?:\/\/\S+$/.test(value);

function repeated(values) {
	const seen = new Set();
	return values.find((value) => (seen.has(value) ? true : (seen.add(value), false)));
}

/** Who a message goes to, as the Messages API reads it: `to` (a phone number) wins over `recipient` (a BSUID). */
function addresseeOf(body) {
	return body.to !== undefined ? String(body.to) : body.recipient === undefined ? '' : String(body.recipient);
}

/** The envelope every Cloud API message has; returns what is wrong, or undefined. */
function envelopeProblem(body) {
	if (body.messaging_product !== 'whatsapp') return 'messaging_product must be "whatsapp"';
	if (body.recipient_type !== undefined && body.recipient_type !== 'individual') return 'recipient_type must be "individual"';
	if (body.to === undefined && body.recipient !== undefined) return BSUID.test(String(body.recipient)) ? undefined : 'recipient must be a BSUID';
	return MOBILE.test(String(body.to ?? '')) ? undefined : 'to must be 8 to 15 digits (or give recipient, a BSUID)';
}

function mediaProblem(body, type) {
	const media = body[type];
	if (!isObject(media) || !isUrl(media.link)) return `${type}.link must be an http(s) link`;
	if (type === 'sticker' && /\.(?!webp$)[a-z0-9]+$/i.test(new URL(media.link).pathname)) return 'a sticker must be a .webp file (image/webp)';
	const allowed = ['audio', 'sticker'].includes(type) ? ['link'] : type === 'document' ? ['link', 'caption', 'filename'] : ['link', 'caption'];
	const unknown = Object.keys(media).find((key) => !allowed.includes(key));
	if (unknown) return `${type}.${unknown} is not a valid parameter`;
	return isOptionalText(media.caption, 1024) ? undefined : `${type}.caption must be at most 1024 characters`;
}

const ACTION_NAMES = {
	flow: 'flow',
	cta_url: 'cta_url',
	address_message: 'address_message',
	voice_call: 'voice_call',
	location_request_message: 'send_location',
};

/** A coordinate in decimal degrees: a number, or its text (Meta's examples write them as strings). */
function isDegrees(value, limit) {
	const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
	return Number.isFinite(number) && Math.abs(number) <= limit;
}

/** Meta's location message: latitude −90..90, longitude −180..180, name and address optional. */
function locationProblem(location) {
	if (!isObject(location)) return 'location must be an object';
	if (!isDegrees(location.latitude, 90)) return 'location.latitude must be -90 to 90';
	if (!isDegrees(location.longitude, 180)) return 'location.longitude must be -180 to 180';
	return isOptionalText(location.name, 1000) && isOptionalText(location.address, 1000) ? undefined : 'location.name and address must be text';
}

/** Meta's contacts message: 1 to 257 cards, each with name.formatted_name; its lists are lists of objects. */
function contactsProblem(contacts) {
	if (!Array.isArray(contacts) || contacts.length < 1 || contacts.length > 257) return 'contacts must hold 1 to 257 contacts';
	const bad = contacts.findIndex((card) => !isObject(card) || !isObject(card.name) || !isText(card.name.formatted_name, 1000));
	if (bad >= 0) return `contacts[${bad}].name.formatted_name is required`;
	for (const [index, card] of contacts.entries()) {
		const list = ['phones', 'emails', 'urls', 'addresses'].find((key) => card[key] !== undefined && !(Array.isArray(card[key]) && card[key].every(isObject)));
		if (list) return `contacts[${index}].${list} must be an array of objects`;
		if (card.org !== undefined && !isObject(card.org)) return `contacts[${index}].org must be an object`;
		if (card.birthday !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(String(card.birthday))) return `contacts[${index}].birthday must be YYYY-MM-DD`;
	}
	return undefined;
}

/** Meta's reaction: a message id, and one emoji or "" (which removes the reaction). */
function reactionProblem(reaction) {
	if (!isObject(reaction) || !isText(reaction.message_id, 1000)) return 'reaction.message_id is required';
	if (typeof reaction.emoji !== 'string') return 'reaction.emoji must be a string ("" removes the reaction)';
	if (reaction.emoji === '') return undefined;
	const graphemes = [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(reaction.emoji)];
	return graphemes.length === 1 && /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20E3/u.test(reaction.emoji)
		? undefined
		: 'reaction.emoji must be exactly one emoji';
}

/**
 * A read receipt (Meta's typing-indicators page): `status:"read"` and the id of a message a customer sent, no
 * recipient; `typing_indicator:{type:"text"}` optional.
 */
function readReceiptProblem(sandbox, body) {
	if (body.messaging_product !== 'whatsapp') return 'messaging_product must be "whatsapp"';
	if (body.status !== 'read') return 'status must be "read"';
	const extra = ['to', 'recipient', 'recipient_type', 'type'].find((key) => body[key] !== undefined);
	if (extra) return `a read receipt has no ${extra}`;
	if (typeof body.message_id !== 'string' || !sandbox.state.received.has(body.message_id))
		return `message_id ${JSON.stringify(body.message_id)} is not a message a customer sent to this number`;
	return body.typing_indicator === undefined || (isObject(body.typing_indicator) && body.typing_indicator.type === 'text')
		? undefined
		: 'typing_indicator must be {type:"text"}';
}

/** interactive.type's own checks (Meta's interactive message references). */
function interactiveProblem(body) {
	const interactive = body.interactive;
	if (!isObject(interactive)) return 'interactive must be an object';
	if (!isObject(interactive.body) || !isText(interactive.body.text, 1024)) return 'interactive.body.text must be 1 to 1024 characters';
	const header = interactive.header;
	if (header !== undefined && !(header?.type === 'text' && isText(header.text, 60))) return 'interactive.header must be {type:"text", text (1-60)}';
	if (header !== undefined && interactive.type === 'location_request_message') return 'a location request has no header';
	const action = interactive.action;
	if (!isObject(action)) return 'interactive.action is required';
	const name = ACTION_NAMES[interactive.type];
	if (name && action.name !== name) return `interactive.action.name must be "${name}"`;
	const parameters = action.parameters;
	switch (interactive.type) {
		case 'button': {
			const buttons = action.buttons;
			if (!Array.isArray(buttons) || buttons.length < 1 || buttons.length > 3) return 'action.buttons must hold 1 to 3 buttons';
			const bad = buttons.findIndex((button) => button?.type !== 'reply' || !isText(button?.reply?.title, 20) || !isText(String(button?.reply?.id ?? ''), 256));
			if (bad >= 0) return `action.buttons[${bad}] must be {type:"reply", reply:{id (1-256), title (1-20)}}`;
			const title = repeated(buttons.map((button) => button.reply.title));
			if (title !== undefined) return `button titles must be unique; ${JSON.stringify(title)} is repeated`;
			const id = repeated(buttons.map((button) => String(button.reply.id)));
			return id === undefined ? undefined : `button ids must be unique; ${JSON.stringify(id)} is repeated`;
		}
		case 'list': {
			if (!isText(action.button, 20)) return 'action.button must be 1 to 20 characters';
			const sections = action.sections;
			if (!Array.isArray(sections) || sections.length < 1 || sections.length > 10) return 'action.sections must hold 1 to 10 sections';
			if (sections.length > 1 && sections.some((section) => !isText(section?.title, 24))) return 'every section needs a title when there are several';
			const rows = sections.flatMap((section) => (Array.isArray(section?.rows) ? section.rows : []));
			if (rows.length < 1 || rows.length > 10) return 'the sections must hold 1 to 10 rows in all';
			const bad = rows.findIndex((row) => !isText(row?.title, 24) || !isText(String(row?.id ?? ''), 200) || !isOptionalText(row?.description, 72));
			if (bad >= 0) return `row ${bad} must have an id (1-200), a title (1-24) and at most 72 characters of description`;
			const id = repeated(rows.map((row) => String(row.id)));
			return id === undefined ? undefined : `row ids must be unique; ${JSON.stringify(id)} is repeated`;
		}
		case 'flow':
			if (!isObject(parameters)) return 'action.parameters is required';
			if (parameters.flow_message_version !== '3') return 'flow_message_version must be "3"';
			if (!parameters.flow_id && !parameters.flow_name) return 'flow_id or flow_name is required';
			return isText(parameters.flow_cta, 20) ? undefined : 'flow_cta must be 1 to 20 characters';
		case 'cta_url':
			if (!isObject(parameters) || !isText(parameters.display_text, 20)) return 'parameters.display_text must be 1 to 20 characters';
			return isUrl(parameters.url) ? undefined : 'parameters.url must be an http(s) link';
		case 'address_message':
			if (!isObject(parameters) || !['IN', 'SG'].includes(parameters.country)) return 'parameters.country must be IN or SG';
			if (parameters.country === 'IN' && !/^(91|IN\.)/.test(addresseeOf(body))) return 'an Indian address message goes only to customers in India';
			if (parameters.values !== undefined && !isObject(parameters.values)) return 'parameters.values must be an object';
			return parameters.values?.in_pin_code === undefined || /^\d{6}$/.test(parameters.values.in_pin_code) ? undefined : 'in_pin_code must be 6 digits';
		case 'voice_call':
			if (parameters === undefined) return undefined;
			if (!isObject(parameters)) return 'action.parameters must be an object';
			if (!isOptionalText(parameters.display_text, 20)) return 'display_text must be at most 20 characters';
			if (parameters.ttl_minutes !== undefined && !(Number.isInteger(parameters.ttl_minutes) && parameters.ttl_minutes >= 1 && parameters.ttl_minutes <= 43200))
				return 'ttl_minutes must be 1 to 43200';
			return isOptionalText(parameters.payload, 512) ? undefined : 'payload must be at most 512 characters';
		case 'location_request_message':
			return parameters === undefined ? undefined : 'a location request has no action.parameters';
		default:
			return `unknown interactive.type ${JSON.stringify(interactive.type)}`;
	}
}

function replyProblem(body) {
	switch (body.type) {
		case 'text':
			return isObject(body.text) && isText(body.text.body, 4096) ? undefined : 'text.body must be 1 to 4096 characters';
		case 'image':
		case 'video':
		case 'document':
		case 'audio':
		case 'sticker':
			return mediaProblem(body, body.type);
		case 'location':
			return locationProblem(body.location);
		case 'contacts':
			return contactsProblem(body.contacts);
		case 'reaction':
			return reactionProblem(body.reaction);
		case 'interactive':
			return interactiveProblem(body);
		default:
			return `unknown type ${JSON.stringify(body.type)}`;
	}
}

/** The answer to a send: a phone number's contact has its wa_id, a BSUID's its user_id (WhatsApp's answer to each). */
function accepted(sandbox, path, to, body) {
	const id = newWamid();
	sandbox.state.sent.push({ id, mobile: to, endpoint: path.slice(1), body, at: Date.now() });
	const contact = BSUID.test(to) ? { input: to, user_id: to } : { input: to, wa_id: to };
	return { status: 200, body: { messaging_product: 'whatsapp', contacts: [contact], messages: [{ id }] } };
}

/** A stored template by name and language, as the current platform addresses templates. */
function templateNamed(sandbox, template) {
	const name = template?.name;
	const code = template?.language?.code;
	return [...sandbox.state.templates.values()].find((entry) => entry.name === name && entry.language === code);
}

/** Answers as the classic route for the same capability answers (the paths Cunnekt has not published). */
function like(app, method, classicPath, toClassic = (req) => req) {
	return (req, sandbox) => {
		const path = typeof classicPath === 'function' ? classicPath(req.params) : classicPath;
		const found = app.find(method, path);
		return found.route.handler({ ...toClassic(req, sandbox), params: found.params }, sandbox);
	};
}

function registerCurrent(app) {
	app.route('POST', REPLY, (req, sandbox) => {
		const body = req.body;
		if (!isObject(body)) return answers.malformed('expected a JSON object');
		if (body.status !== undefined) {
			// A read receipt: about a message, to nobody, so no window applies. WhatsApp answers {success:true}.
			const problem = readReceiptProblem(sandbox, body);
			return problem ? answers.invalidParameter(problem) : { status: 200, body: { success: true } };
		}
		const problem = envelopeProblem(body) ?? replyProblem(body);
		if (problem) return answers.invalidParameter(problem);
		if (!windowIsOpen(sandbox.state, addresseeOf(body))) return answers.windowClosed();
		return accepted(sandbox, REPLY, addresseeOf(body), body);
	});

	app.route('POST', `${REST}/sendtemplate`, (req, sandbox) => {
		const body = req.body;
		if (!isObject(body)) return answers.malformed('expected a JSON object');
		const problem = envelopeProblem(body) ?? (body.type === 'template' ? undefined : 'type must be "template"');
		if (problem) return answers.invalidParameter(problem);
		if (!isText(body.template?.name, 512) || !isText(body.template?.language?.code, 10))
			return answers.invalidParameter('template must be {name, language:{code}, components?}');
		const template = templateNamed(sandbox, body.template);
		if (!template) return answers.unknownTemplate(`${body.template.name} (${body.template.language.code})`);
		if (template.status !== 'APPROVED') return answers.templateNotApproved(template.id, template.status);
		const mismatch = checkComponents(template, body.template.components);
		if (mismatch) return mismatch;
		if (body.to === undefined && String(template.category).toUpperCase() === 'AUTHENTICATION') return answers.bsuidNotSupported();
		return accepted(sandbox, `${REST}/sendtemplate`, addresseeOf(body), body);
	});

	app.route('GET', `${REST}/templates`, like(app, 'GET', '/templates'));
	app.route('POST', `${REST}/templates`, like(app, 'POST', '/templates'));
	app.route('POST', `${REST}/templates/sync`, like(app, 'POST', '/templates/sync'));
	app.route('DELETE', `${REST}/templates/:id`, like(app, 'DELETE', (params) => `/templates/${params.id}`));
	app.route('GET', `${REST}/campaigns`, like(app, 'GET', '/campaigns'));
	app.route(
		'POST',
		`${REST}/campaigns`,
		like(app, 'POST', '/campaigns', (req, sandbox) => {
			const body = isObject(req.body) ? req.body : {};
			const template = templateNamed(sandbox, body.template);
			const recipients = Array.isArray(body.recipients)
				? body.recipients.map(({ to, recipient, ...rest }) => ({ mobile: to ?? recipient, ...rest }))
				: body.recipients;
			return { ...req, body: { name: body.name, templateid: template?.id ?? body.template?.name, recipients } };
		}),
	);
	app.route('POST', `${REST}/campaigns/:id/launch`, like(app, 'POST', (params) => `/campaigns/${params.id}/launch`));
	app.route('GET', `${REST}/getmediafile`, like(app, 'GET', '/getmediafile'));
}

module.exports = registerCurrent;
module.exports.CURRENT_PREFIXES = CURRENT_PREFIXES;
