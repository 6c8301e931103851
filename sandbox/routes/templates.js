// @ts-check
/**
 * Template management: GET /templates, POST /templates (a new template waits as PENDING), POST /templates/sync
 * (WhatsApp's review: pending templates become APPROVED), DELETE /templates/{id}. The checks are the ones WhatsApp's
 * review applies first; they are written here independently of the node's own.
 */
const crypto = require('crypto');
const { answers, whatsappError } = require('../errors');
const { variablesIn } = require('../templates-logic');

const CATEGORIES = ['MARKETING', 'UTILITY', 'AUTHENTICATION'];
const COMPONENT_TYPES = ['HEADER', 'BODY', 'FOOTER', 'BUTTONS'];
const HEADER_FORMATS = ['TEXT', 'IMAGE', 'VIDEO', 'DOCUMENT', 'LOCATION'];

const upper = (value) => String(value ?? '').toUpperCase();

/** The number of examples a component gives for its text's variables (numbered list or named params). */
function exampleCount(component, part) {
	const example = component.example ?? {};
	const named = example[`${part}_text_named_params`];
	if (Array.isArray(named)) return named.length;
	const numbered = example[`${part}_text`];
	const list = part === 'body' && Array.isArray(numbered) ? numbered[0] : numbered;
	return Array.isArray(list) ? list.length : 0;
}

/** What is wrong with a new template's components, or undefined. */
function componentsProblem(components) {
	if (!Array.isArray(components) || components.length === 0) return 'components must be a non-empty array';
	const unknown = components.find((component) => !COMPONENT_TYPES.includes(upper(component?.type)));
	if (unknown) return `unknown component type ${JSON.stringify(unknown?.type)}`;
	const bodies = components.filter((component) => upper(component.type) === 'BODY');
	if (bodies.length !== 1) return `exactly one BODY is required, received ${bodies.length}`;
	const body = bodies[0];
	if (typeof body.text !== 'string' || body.text.trim() === '' || body.text.length > 1024) return 'BODY text must be 1 to 1024 characters';
	const variables = variablesIn(body.text);
	if (exampleCount(body, 'body') !== variables.length)
		return `BODY has ${variables.length} variables and ${exampleCount(body, 'body')} examples`;
	const header = components.find((component) => upper(component.type) === 'HEADER');
	if (header) {
		const format = upper(header.format ?? 'TEXT');
		if (!HEADER_FORMATS.includes(format)) return `HEADER format ${JSON.stringify(header.format)} is not supported`;
		if (format === 'TEXT') {
			if (typeof header.text !== 'string' || header.text.length > 60) return 'HEADER text must be 1 to 60 characters';
			if (exampleCount(header, 'header') !== variablesIn(header.text).length) return 'HEADER variables and examples differ';
		}
	}
	const buttons = components.find((component) => upper(component.type) === 'BUTTONS')?.buttons;
	if (buttons !== undefined) {
		if (!Array.isArray(buttons) || buttons.length < 1 || buttons.length > 10) return 'BUTTONS must hold 1 to 10 buttons';
		const bad = buttons.findIndex((button) => typeof button?.text !== 'string' || button.text.length < 1 || button.text.length > 25);
		if (bad >= 0) return `buttons[${bad}].text must be 1 to 25 characters`;
	}
	return undefined;
}

/** A new template's id, shaped like Meta's (16 digits). */
function newTemplateId() {
	return String((BigInt(`0x${crypto.randomBytes(8).toString('hex')}`) % 9000000000000000n) + 1000000000000000n);
}

module.exports = function registerTemplates(app) {
	app.route('GET', '/templates', (_req, sandbox) => ({ status: 200, body: { data: [...sandbox.state.templates.values()] } }));

	app.route('POST', '/templates', (req, sandbox) => {
		const body = req.body;
		if (typeof body !== 'object' || body === null) return answers.malformed('expected a JSON object');
		if (typeof body.name !== 'string' || !/^[a-z0-9_]{1,512}$/.test(body.name))
			return answers.invalidParameter('name must be lowercase letters, digits and underscores');
		if (!CATEGORIES.includes(body.category)) return answers.invalidParameter(`category must be one of ${CATEGORIES.join(', ')}`);
		if (typeof body.language !== 'string' || !/^[a-z]{2,3}(_[A-Za-z0-9]{2,4})?$/.test(body.language))
			return answers.invalidParameter('language must be a language code such as en or en_US');
		const problem = componentsProblem(body.components);
		if (problem) return answers.invalidParameter(problem);
		const taken = [...sandbox.state.templates.values()].some(
			(template) => template.name === body.name && template.language === body.language,
		);
		if (taken)
			return whatsappError(400, 2388024, 'Content in this language already exists', `A template named ${body.name} already exists in ${body.language}`);
		const template = {
			id: newTemplateId(),
			name: body.name,
			language: body.language,
			status: 'PENDING',
			category: body.category,
			components: body.components,
		};
		sandbox.state.templates.set(template.id, template);
		return { status: 200, body: template };
	});

	app.route('POST', '/templates/sync', (_req, sandbox) => {
		const changed = [];
		for (const template of sandbox.state.templates.values()) {
			if (template.status !== 'PENDING') continue;
			template.status = 'APPROVED';
			changed.push({ id: template.id, name: template.name, language: template.language, previous_status: 'PENDING', status: 'APPROVED' });
		}
		return { status: 200, body: { synced: sandbox.state.templates.size, changed } };
	});

	app.route('DELETE', '/templates/:id', (req, sandbox) => {
		if (!sandbox.state.templates.has(req.params.id)) return answers.notFound(`Template ${req.params.id}`);
		sandbox.state.templates.delete(req.params.id);
		return { status: 200, body: { id: req.params.id, deleted: true } };
	});
};
