import { variablesIn } from './templateVariables';

/**
 * How n8n 2.41's resource mapper shows a field: its label on one line, cut past about 150 pixels (the rest of the
 * line holds the Fixed / Expression switch), and a read-only value on one line of about 320 pixels. Widths are
 * estimated per character of the editor's font (Inter; pixels at the label's 12 px, the value's 14 px is 7/6 of it),
 * a little wide, so that what is estimated to fit does fit.
 */

const LABEL_WIDTH = 150;
const VALUE_WIDTH = 268;

/** Inter's widths at 12 px, rounded up (measured in n8n 2.41's editor). */
const CHARACTER_WIDTHS: Array<[RegExp, number]> = [
	[/[ijl]/, 3],
	[/[I.,:;!'|]/, 3.7],
	[/ /, 3.5],
	[/[ft`]/, 4.1],
	[/[()[\]/\\]/, 4.5],
	[/[r1]/, 5],
	[/[{}]/, 5.2],
	[/["\-_^]/, 5.8],
	[/[*?s]/, 6.4],
	[/[acegkvxyzJL]/, 7.1],
	[/[bdhnopqu0-9#$&+<=>~]/, 7.8],
	[/[EFPSTZBRXYK]/, 8.3],
	[/[ACDGHNOQUV]/, 9.3],
	[/[mw]/, 10.6],
	[/[M]/, 11],
	[/[W%@\u2026]/, 12.2],
];
/** Anything else (other scripts, emoji) is counted as wide as a capital M. */
const OTHER_WIDTH = 12.2;

function width(text: string): number {
	let total = 0;
	for (const character of text) total += CHARACTER_WIDTHS.find(([pattern]) => pattern.test(character))?.[1] ?? OTHER_WIDTH;
	return total;
}

export const fitsLabel = (text: string): boolean => width(text) <= LABEL_WIDTH;
export const fitsValue = (text: string): boolean => width(text) <= VALUE_WIDTH;

/** The first of these labels that fits; the last one cut to fit (with "…") when none does. */
export function fittingLabel(...labels: string[]): string {
	const fits = labels.find(fitsLabel);
	if (fits !== undefined) return fits;
	return cutToFit([...labels[labels.length - 1]], (kept) => `${kept}…`, fitsLabel);
}

/** The longest start of characters whose shape fits (one character at least). */
function cutToFit(characters: string[], shape: (kept: string) => string, fits: (text: string) => boolean): string {
	let count = characters.length;
	while (count > 1 && !fits(shape(characters.slice(0, count).join('')))) count--;
	return shape(characters.slice(0, count).join(''));
}

/** The words of a text around one of its variables that fit a value's line, with "…" where the text goes on. */
export function excerptAround(text: string, variable: string): string {
	if (fitsValue(text)) return text;
	const words = text.split(' ');
	const at = Math.max(0, words.findIndex((word) => variablesIn(word).includes(variable)));
	const shown = (from: number, to: number) =>
		`${from > 0 ? '…' : ''}${words.slice(from, to + 1).join(' ')}${to < words.length - 1 ? '…' : ''}`;
	let [from, to] = [at, at];
	if (!fitsValue(shown(from, to))) {
		// One word too long for the line (a link): its end, where the variable usually is.
		const end = [...words[at]].reverse();
		const shape = (kept: string) => `…${[...kept].reverse().join('')}${to < words.length - 1 ? '…' : ''}`;
		return cutToFit(end, shape, fitsValue);
	}
	for (let grown = true; grown; ) {
		grown = false;
		if (to < words.length - 1 && fitsValue(shown(from, to + 1))) [to, grown] = [to + 1, true];
		if (from > 0 && fitsValue(shown(from - 1, to))) [from, grown] = [from - 1, true];
	}
	return shown(from, to);
}

/** A piece of a text as a read-only field shows it, and the variables first seen in it. */
export interface TextExcerpt {
	text: string;
	variables: string[];
}

/**
 * A text as read-only fields show it, each followed by the variables it is the first to show: the whole text when it
 * fits one line, else one piece around each variable no earlier piece showed. A field shows one line, so line
 * breaks become spaces; `{{ 1 }}` is written `{{1}}`.
 */
export function excerptsOf(text: string): TextExcerpt[] {
	const line = text.replace(/\{\{\s*([^}\s]+)\s*\}\}/g, '{{$1}}').replace(/\s+/g, ' ').trim();
	const variables = variablesIn(line);
	if (fitsValue(line)) return [{ text: line, variables }];
	const shown = new Set<string>();
	const excerpts: TextExcerpt[] = [];
	for (const variable of variables) {
		if (shown.has(variable)) continue;
		const excerpt = excerptAround(line, variable);
		const first = variables.filter((name) => !shown.has(name) && (name === variable || variablesIn(excerpt).includes(name)));
		first.forEach((name) => shown.add(name));
		excerpts.push({ text: excerpt, variables: first });
	}
	return excerpts;
}
