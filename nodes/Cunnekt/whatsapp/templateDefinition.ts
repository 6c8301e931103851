import { InputError } from '../../shared/errors';
import type { TemplateComponent } from '../../shared/types';
import { asObjects, plural } from '../../shared/values';
import type { Json } from '../../shared/values';
import { checkCount, checkHttpUrl, checkLength, LIMITS, normaliseMobile, showValue } from './limits';
import type { TextValue } from './templateComponents';
import { givenExamples, variablesIn } from './templateVariables';

/**
 * A new template's components (Template → Create), in Meta's shape: HEADER / BODY / FOOTER / BUTTONS with the
 * examples WhatsApp's review needs. Pure: the form's values are built here, and one check serves the form and the
 * JSON a user pastes, so both are refused for the same reasons before anything is sent.
 */

export type HeaderDefinition =
	| { format: 'TEXT'; text: string; example?: TextValue }
	| { format: 'IMAGE' | 'VIDEO' | 'DOCUMENT'; exampleLink: string };

export type ButtonDefinition =
	| { type: 'QUICK_REPLY'; text: string }
	/** example: what replaces the URL's {{1}} in the example WhatsApp's reviewers open */
	| { type: 'URL'; text: string; url: string; example?: string }
	| { type: 'PHONE_NUMBER'; text: string; phoneNumber: string };

export interface TemplateDefinition {
	header?: HeaderDefinition;
	body: { text: string; examples: TextValue[] };
	footer?: string;
	buttons?: ButtonDefinition[];
}

export const TEMPLATE_CATEGORIES = ['MARKETING', 'UTILITY', 'AUTHENTICATION'] as const;
export type TemplateCategory = (typeof TEMPLATE_CATEGORIES)[number];

const NAMED_VARIABLE = /^[a-z][a-z0-9_]*$/;
const NUMBERED_VARIABLE = /^\d+$/;
const LANGUAGE_CODE = /^[a-z]{2,3}(_[A-Za-z0-9]{2,4})?$/;

function braces(names: string[]): string {
	return names.map((name) => `{{${name}}}`).join(', ');
}

/** The examples of a text's variables, in Meta's two shapes: numbered (a list) or named (name and example). */
function examplesFor(variables: string[], examples: TextValue[], part: 'body' | 'header'): Json | undefined {
	if (examples.length === 0) return undefined;
	const named = variables.some((variable) => !NUMBERED_VARIABLE.test(variable));
	if (!named) {
		const texts = examples.map((example) => example.text);
		return part === 'body' ? { body_text: [texts] } : { header_text: texts };
	}
	const params = examples.map((example, position) => ({
		param_name: example.parameterName || variables[position] || `variable_${position + 1}`,
		example: example.text,
	}));
	return part === 'body' ? { body_text_named_params: params } : { header_text_named_params: params };
}

function withExample(component: TemplateComponent, example: Json | undefined): TemplateComponent {
	return example ? { ...component, example } : component;
}

/** The components of a new template from the form's values (checked afterwards by checkTemplateDefinition). */
export function buildTemplateDefinition(definition: TemplateDefinition): TemplateComponent[] {
	const components: TemplateComponent[] = [];
	const header = definition.header;
	if (header?.format === 'TEXT') {
		const example = examplesFor(variablesIn(header.text), header.example ? [header.example] : [], 'header');
		components.push(withExample({ type: 'HEADER', format: 'TEXT', text: header.text }, example));
	} else if (header) {
		components.push({ type: 'HEADER', format: header.format, example: { header_handle: [header.exampleLink] } });
	}
	const body = definition.body;
	components.push(withExample({ type: 'BODY', text: body.text }, examplesFor(variablesIn(body.text), body.examples, 'body')));
	if (definition.footer) components.push({ type: 'FOOTER', text: definition.footer });
	const buttons = (definition.buttons ?? []).map((button): Json => {
		if (button.type === 'URL') {
			const example = button.example ? [button.url.replace(/\{\{\s*[^}\s]+\s*\}\}/, button.example)] : undefined;
			return { type: 'URL', text: button.text, url: button.url, ...(example ? { example } : {}) };
		}
		if (button.type === 'PHONE_NUMBER') return { type: 'PHONE_NUMBER', text: button.text, phone_number: button.phoneNumber };
		return { type: 'QUICK_REPLY', text: button.text };
	});
	if (buttons.length) components.push({ type: 'BUTTONS', buttons });
	return components;
}

// ── Checks ─────────────────────────────────────────────────────────────────────────────────────────────────────

/** Checks a new template's category: MARKETING, UTILITY or AUTHENTICATION (any case); returns it in capitals. */
export function checkCategory(value: string): string {
	const category = value.trim().toUpperCase();
	if (!(TEMPLATE_CATEGORIES as readonly string[]).includes(category)) {
		throw new InputError(`Category ${showValue(value)} is not one of ${TEMPLATE_CATEGORIES.join(', ')}`);
	}
	return category;
}

/** Checks a new template's language code (en, en_US, pt_BR…); "en-us" and "EN_us" are written as WhatsApp writes them. */
export function checkLanguage(value: string): string {
	const [base, region, ...rest] = value.trim().split(/[-_]/);
	const language = [base.toLowerCase(), ...(region === undefined ? [] : [/^[a-z]+$/i.test(region) ? region.toUpperCase() : region]), ...rest].join('_');
	if (!LANGUAGE_CODE.test(language)) {
		throw new InputError(
			`Language ${showValue(value.trim())} is not a WhatsApp language code`,
			'Use the code WhatsApp lists for the language, for example en, en_US, hi or pt_BR.',
		);
	}
	return language;
}

/** The variables of a text, checked: one kind per text, numbers from {{1}} without gaps, names in lowercase. */
function checkedVariables(text: string, field: string): string[] {
	const variables = variablesIn(text);
	const numbered = variables.filter((variable) => NUMBERED_VARIABLE.test(variable));
	const named = variables.filter((variable) => !NUMBERED_VARIABLE.test(variable));
	if (numbered.length && named.length) {
		throw new InputError(
			`${field} mixes named (${braces(named)}) and numbered (${braces(numbered)}) variables; WhatsApp allows one kind per template`,
		);
	}
	const badName = named.find((variable) => !NAMED_VARIABLE.test(variable));
	if (badName !== undefined) {
		throw new InputError(
			`${field} variable {{${badName}}} may contain only lowercase letters, digits and underscores, starting with a letter`,
		);
	}
	const expected = numbered.map((_, position) => String(position + 1));
	if ([...numbered].sort((a, b) => Number(a) - Number(b)).join() !== expected.join()) {
		throw new InputError(
			`${field} variables must be numbered from {{1}} without gaps; found ${braces(numbered)}`,
			`Number them ${braces(expected)}.`,
		);
	}
	return variables;
}

/** One example per variable: the count first (what WhatsApp's review refuses), then no empty one, then the names. */
function checkExamples(field: string, variables: string[], example: unknown, part: 'body' | 'header'): void {
	const given = givenExamples(example, part);
	if (given.texts.length !== variables.length) {
		throw new InputError(
			`${field} has ${plural(variables.length, 'variable')}${variables.length ? ` (${braces(variables)})` : ''}; ${plural(given.texts.length, 'example value')} given`,
			variables.length
				? `WhatsApp reviews every template with an example for each variable: give exactly ${variables.length}, in the order the variables appear.`
				: 'Remove the example values: the text has no variables.',
		);
	}
	given.texts.forEach((text, position) => {
		if (typeof text !== 'string' || text.trim() === '') {
			throw new InputError(`${field} example ${position + 1} (for {{${variables[position]}}}) is empty`);
		}
	});
	if (given.names) {
		const names = given.names.map(String);
		const missing = variables.filter((variable) => !names.includes(variable));
		if (missing.length) {
			throw new InputError(
				`${field} has no example for ${braces(missing)}; the examples name ${braces(names)}`,
				'Give each example the name of its variable, without braces.',
			);
		}
	}
}

function textOf(component: Json, field: string): string {
	if (typeof component.text !== 'string' || component.text.trim() === '') throw new InputError(`${field} is empty`);
	return component.text;
}

function checkHeader(header: Json): void {
	const format = String(header.format ?? 'TEXT').toUpperCase();
	if (format === 'TEXT') {
		const text = checkLength(textOf(header, 'Header text'), 'Header text', LIMITS.headerText);
		const variables = checkedVariables(text, 'Header text');
		if (variables.length > 1) {
			throw new InputError(`Header text has ${variables.length} variables (${braces(variables)}); WhatsApp allows at most 1`);
		}
		checkExamples('Header text', variables, header.example, 'header');
		return;
	}
	if (!['IMAGE', 'VIDEO', 'DOCUMENT', 'LOCATION'].includes(format)) {
		throw new InputError(`Header format ${showValue(format)} is not one of TEXT, IMAGE, VIDEO, DOCUMENT or LOCATION`);
	}
	if (format === 'LOCATION') return;
	const handles = (header.example as Json | undefined)?.header_handle;
	if (!Array.isArray(handles) || typeof handles[0] !== 'string' || handles[0].trim() === '') {
		throw new InputError(
			`Header ${format.toLowerCase()} needs an example file`,
			`WhatsApp's reviewers look at an example ${format.toLowerCase()}: give a public link to one.`,
		);
	}
}

function checkButtons(component: Json): void {
	const buttons = asObjects(component.buttons);
	checkCount(buttons.length, 'Buttons', { min: 1, max: LIMITS.templateButtons.max });
	const ofType = (type: string) => buttons.filter((button) => String(button.type).toUpperCase() === type).length;
	if (ofType('URL') > 2) throw new InputError(`Buttons: ${ofType('URL')} URL buttons given; WhatsApp allows at most 2`);
	if (ofType('PHONE_NUMBER') > 1) {
		throw new InputError(`Buttons: ${ofType('PHONE_NUMBER')} phone number buttons given; WhatsApp allows at most 1`);
	}
	buttons.forEach((button, position) => {
		const field = `Button ${position + 1}`;
		checkLength(textOf(button, `${field} text`), `${field} text`, LIMITS.templateButtonText);
		const type = String(button.type).toUpperCase();
		if (type === 'PHONE_NUMBER') normaliseMobile(button.phone_number, `${field} phone number`);
		if (type !== 'URL') return;
		const url = String(button.url ?? '');
		const variables = variablesIn(url);
		checkHttpUrl(url.replace(/\{\{[^}]*\}\}/g, 'x'), `${field} URL`, 'The button opens this link in the browser.');
		if (variables.length > 1 || (variables.length === 1 && !/\{\{\s*1\s*\}\}$/.test(url.trim()))) {
			throw new InputError(
				`${field} URL may have one variable, {{1}}, at its end; found ${showValue(url)}`,
				'For example https://example.com/track/{{1}}.',
			);
		}
		const example = Array.isArray(button.example) ? button.example[0] : button.example;
		if (variables.length === 1 && (typeof example !== 'string' || example.trim() === '')) {
			throw new InputError(
				`${field} URL ends with {{1}} but has no example`,
				'Give an example of the text that completes the link (for example AWB123456).',
			);
		}
	});
}

/**
 * The checks WhatsApp's review applies to a new template, before it is sent: one body of 1 to 1024 characters,
 * variables of one kind numbered without gaps, exactly one example per variable, a header of a known format (a text
 * header of at most 60 characters and one variable, a media header with an example file), a footer of at most 60
 * characters without variables, 1 to 10 buttons (at most 2 URL and 1 phone number) with texts of at most 25.
 */
export function checkTemplateDefinition(components: TemplateComponent[]): void {
	const ofType = (type: string) => components.filter((component) => String(component.type).toUpperCase() === type);
	const bodies = ofType('BODY');
	if (bodies.length !== 1) {
		throw new InputError(
			bodies.length ? `The template has ${bodies.length} bodies; it must have exactly one` : 'Body text is empty; a template needs one',
		);
	}
	const body = bodies[0];
	const text = checkLength(textOf(body, 'Body text'), 'Body text', LIMITS.templateBody);
	checkExamples('Body text', checkedVariables(text, 'Body text'), body.example, 'body');
	for (const type of ['HEADER', 'FOOTER', 'BUTTONS']) {
		if (ofType(type).length > 1) throw new InputError(`The template has ${ofType(type).length} ${type} components; at most one is allowed`);
	}
	const [header] = ofType('HEADER');
	if (header) checkHeader(header);
	const [footer] = ofType('FOOTER');
	if (footer) {
		const footerText = checkLength(textOf(footer, 'Footer'), 'Footer', LIMITS.templateFooter);
		if (variablesIn(footerText).length) throw new InputError('Footer may not contain variables');
	}
	const [buttons] = ofType('BUTTONS');
	if (buttons) checkButtons(buttons);
}
