// @ts-check
/** What a stored template expects from a send, and the check WhatsApp applies (132000 / 132012). */
const { answers } = require('./errors');

/** The variables in a text, in order of first appearance: "{{1}}" → "1", "{{first_name}}" → "first_name". */
function variablesIn(text) {
	const names = [];
	for (const match of String(text ?? '').matchAll(/\{\{\s*([^}\s]+)\s*\}\}/g)) {
		if (!names.includes(match[1])) names.push(match[1]);
	}
	return names;
}

function componentOf(components, type) {
	return (components ?? []).find((component) => String(component.type).toUpperCase() === type);
}

function paramsOf(components, type) {
	const component = (components ?? []).find((entry) => String(entry.type).toUpperCase() === type);
	return component?.parameters ?? [];
}

/** Checks the components of a send against the template; returns an error answer or undefined. */
function checkComponents(template, sentComponents) {
	const sent = Array.isArray(sentComponents) ? sentComponents : [];
	const header = componentOf(template.components, 'HEADER');
	const format = header ? String(header.format ?? 'TEXT').toUpperCase() : undefined;
	if (format && format !== 'TEXT') {
		const param = paramsOf(sent, 'HEADER')[0];
		if (!param) return answers.parameterFormat(`The template's header is ${format}; the send has no header parameter`);
		if (String(param.type).toUpperCase() !== format)
			return answers.parameterFormat(`The template's header is ${format}; the send's header is ${String(param.type).toUpperCase()}`);
	}
	if (format === 'TEXT') {
		const expected = variablesIn(header.text).length;
		const given = paramsOf(sent, 'HEADER').length;
		if (expected !== given) return answers.parameterCount(`header: expected ${expected}, received ${given}`);
	}
	const body = componentOf(template.components, 'BODY');
	const expectedBody = variablesIn(body?.text).length;
	const givenBody = paramsOf(sent, 'BODY').length;
	if (expectedBody !== givenBody) return answers.parameterCount(`body: expected ${expectedBody}, received ${givenBody}`);
	const carousel = componentOf(template.components, 'CAROUSEL');
	if (carousel) {
		const cards = componentOf(sent, 'CAROUSEL')?.cards ?? [];
		if (cards.length !== carousel.cards.length)
			return answers.parameterCount(`carousel: expected ${carousel.cards.length} cards, received ${cards.length}`);
	}
	return undefined;
}

module.exports = { variablesIn, checkComponents };
