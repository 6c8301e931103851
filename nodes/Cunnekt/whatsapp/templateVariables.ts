import { asObjects } from '../../shared/values';
import type { Json } from '../../shared/values';

/**
 * A template text's variables (`{{1}}`, `{{first_name}}`) and the examples a template gives for them: what a new
 * template must carry (templateDefinition.ts) and what a send's fields say they fill (templateExpectations.ts).
 */

/** The variables in a text, in order of first appearance: "{{1}}" → "1", "{{first_name}}" → "first_name". */
export function variablesIn(text: unknown): string[] {
	const names: string[] = [];
	for (const match of String(text ?? '').matchAll(/\{\{\s*([^}\s]+)\s*\}\}/g)) {
		if (!names.includes(match[1])) names.push(match[1]);
	}
	return names;
}

/** The example values a component gives for its variables, numbered (a list) or named (name → example). */
export function givenExamples(example: unknown, part: 'body' | 'header'): { texts: unknown[]; names?: unknown[] } {
	const holder = (typeof example === 'object' && example !== null ? example : {}) as Json;
	const named = holder[`${part}_text_named_params`];
	if (Array.isArray(named)) {
		const params = asObjects(named);
		return { texts: params.map((param) => param.example), names: params.map((param) => param.param_name) };
	}
	const numbered = holder[`${part}_text`];
	const texts = part === 'body' && Array.isArray(numbered) ? numbered[0] : numbered;
	return { texts: Array.isArray(texts) ? texts : [] };
}

/** The example a component gives for one of its variables (numbered: by its number; named: by its name). */
export function exampleFor(component: Json | undefined, part: 'body' | 'header', variable: string): string | undefined {
	const given = givenExamples(component?.example, part);
	const position = given.names ? given.names.map(String).indexOf(variable) : Number(variable) - 1;
	const example = given.texts[position];
	return typeof example === 'string' && example.trim() !== '' ? example : undefined;
}

/** A label's example part: ` (e.g. Vivek)`, or nothing when the template carries none. */
export const exampleOf = (example: unknown): string =>
	typeof example === 'string' && example.trim() !== '' ? ` (e.g. ${example})` : '';
