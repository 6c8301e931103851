// @ts-check
/**
 * What a stored template expects from a send, and the checks WhatsApp applies (132000: wrong number of parameters,
 * 132012: a parameter of the wrong kind). The same checks run at the top level and inside each carousel card.
 * Independent of the node's code on purpose: this is the fake Cunnekt.
 */
const { answers } = require('./errors');

/** The variables in a text, in order of first appearance: "{{1}}" → "1", "{{first_name}}" → "first_name". */
function variablesIn(text) {
	const names = [];
	for (const match of String(text ?? '').matchAll(/\{\{\s*([^}\s]+)\s*\}\}/g)) {
		if (!names.includes(match[1])) names.push(match[1]);
	}
	return names;
}

const upper = (value) => String(value ?? '').toUpperCase();

function componentOf(components, type) {
	return (Array.isArray(components) ? components : []).find((component) => upper(component?.type) === type);
}

function componentsOf(components, type) {
	return (Array.isArray(components) ? components : []).filter((component) => upper(component?.type) === type);
}

function paramsOf(components, type) {
	const parameters = componentOf(components, type)?.parameters;
	return Array.isArray(parameters) ? parameters : [];
}

const isUrl = (value) => typeof value === 'string' && /^https?:\/\/\S+$/.test(value);

/** Text parameters against a text's variables: count, kind, and for named variables their parameter_name. */
function textProblem(where, text, params) {
	const variables = variablesIn(text);
	if (params.length !== variables.length)
		return answers.parameterCount(`${where}: expected ${variables.length}, received ${params.length}`);
	for (const [position, param] of params.entries()) {
		if (upper(param?.type) !== 'TEXT')
			return answers.parameterFormat(`${where} parameter ${position + 1}: expected TEXT, received ${upper(param?.type)}`);
		if (typeof param.text !== 'string' || param.text.trim() === '')
			return answers.invalidParameter(`${where} parameter ${position + 1} is empty`);
	}
	const named = variables.some((name) => !/^\d+$/.test(name));
	if (named) {
		const given = params.map((param) => param.parameter_name);
		const missing = variables.filter((name) => !given.includes(name));
		if (missing.length)
			return answers.parameterFormat(
				`${where}: expected parameter_name ${variables.join(', ')}; received ${given.map(String).join(', ')}`,
			);
	}
	return undefined;
}

/** Header, body and URL buttons of one level (the template itself, or one carousel card). */
function levelProblem(where, templateComponents, sent) {
	const header = componentOf(templateComponents, 'HEADER');
	const format = header ? upper(header.format ?? 'TEXT') : undefined;
	const headerParams = paramsOf(sent, 'HEADER');
	if (!header && headerParams.length)
		return answers.parameterCount(`${where}header: the template has none, received ${headerParams.length}`);
	if (format && format !== 'TEXT' && format !== 'LOCATION') {
		const param = headerParams[0];
		if (!param) return answers.parameterFormat(`${where}The template's header is ${format}; the send has no header parameter`);
		if (upper(param.type) !== format)
			return answers.parameterFormat(`${where}The template's header is ${format}; the send's header is ${upper(param.type)}`);
		const media = param[format.toLowerCase()];
		if (!isUrl(media?.link) && !media?.id)
			return answers.parameterFormat(`${where}The header's ${format.toLowerCase()} needs an http(s) link`);
	}
	if (format === 'TEXT') {
		const problem = textProblem(`${where}header`, header.text, headerParams);
		if (problem) return problem;
	}
	const bodyProblem = textProblem(`${where}body`, componentOf(templateComponents, 'BODY')?.text, paramsOf(sent, 'BODY'));
	if (bodyProblem) return bodyProblem;
	const buttons = componentOf(templateComponents, 'BUTTONS')?.buttons ?? [];
	const sentButtons = componentsOf(sent, 'BUTTON');
	for (const [index, button] of buttons.entries()) {
		if (upper(button.type) !== 'URL' || variablesIn(button.url).length === 0) continue;
		const given = sentButtons.find((entry) => upper(entry.sub_type) === 'URL' && Number(entry.index) === index);
		const suffix = given?.parameters?.[0];
		const value = suffix?.text ?? suffix?.payload;
		if (typeof value !== 'string' || value === '')
			return answers.parameterCount(`${where}button ${index} (URL): expected a URL suffix, received none`);
	}
	return undefined;
}

/** Checks the components of a send against the template; returns an error answer or undefined. */
function checkComponents(template, sentComponents) {
	const sent = Array.isArray(sentComponents) ? sentComponents : [];
	const problem = levelProblem('', template.components, sent);
	if (problem) return problem;
	const carousel = componentOf(template.components, 'CAROUSEL');
	if (!carousel) return undefined;
	const cards = componentOf(sent, 'CAROUSEL')?.cards ?? [];
	if (cards.length !== carousel.cards.length)
		return answers.parameterCount(`carousel: expected ${carousel.cards.length} cards, received ${cards.length}`);
	const indexes = cards.map((card) => card?.card_index);
	for (const [position, card] of carousel.cards.entries()) {
		if (!indexes.includes(position)) return answers.parameterCount(`carousel: no card with card_index ${position}`);
		const sentCard = cards.find((entry) => entry?.card_index === position);
		const cardProblem = levelProblem(`card ${position}: `, card.components, sentCard.components);
		if (cardProblem) return cardProblem;
	}
	return undefined;
}

module.exports = { variablesIn, checkComponents };
