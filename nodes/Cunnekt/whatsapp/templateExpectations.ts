import { InputError } from '../../shared/errors';
import type { CunnektTemplate } from '../../shared/types';
import { asObjects, capitalise, plural } from '../../shared/values';
import type { Json } from '../../shared/values';
import { checkHttpUrl } from './limits';
import { findComponent, MEDIA_FORMATS } from './templateComponents';
import { excerptAround, excerptsOf, fittingLabel } from './editorText';
import { exampleFor, exampleOf, variablesIn } from './templateVariables';
import type { CardValue, ComponentValues, HeaderMediaType, TextValue } from './templateComponents';

/**
 * What a template (as `GET /templates` lists it) expects from a send: one slot per variable, header file and button
 * value, at the top level and in each carousel card. The resource mapper shows the slots as fields, error messages
 * describe them, and valuesFromSlots turns what was filled in into the values templateComponents.ts builds.
 */

/** templateText: a text of the template shown read-only above the variables it holds, so nothing to send. */
export type SlotKind =
	| 'templateText'
	| 'headerText'
	| 'headerMedia'
	| 'headerFilename'
	| 'bodyText'
	| 'buttonUrl'
	| 'buttonPayload';

/** One value a template takes, or one of its texts: a field of the resource mapper. */
export interface TemplateSlot {
	/** The field's key in the mapped values. */
	id: string;
	/** How error messages name the field. */
	displayName: string;
	required: boolean;
	kind: SlotKind;
	/** The carousel card (position from 0) the slot belongs to; absent at the top level. */
	card?: number;
	media?: HeaderMediaType;
	/** The variable's name without braces: "1" or "first_name". */
	variable?: string;
	named?: boolean;
	buttonIndex?: number;
	buttonText?: string;
	/** A templateText's text (or the part of it around the variables that follow), as the read-only field shows it. */
	text?: string;
	/**
	 * The field's label in the editor, which shows no description per field and cuts a long label off
	 * (editorText.ts): short, e.g. `Body {{1}} (e.g. Vivek)`; the sentence is the templateText above it.
	 */
	label: string;
}

export interface TemplateExpectations {
	/** How messages name the template: `"order_update"`. */
	label: string;
	slots: TemplateSlot[];
	/** The number of carousel cards, 0 without a carousel. */
	cardCount: number;
}

/** A template's text, read-only: the sentence the variables after it fill. */
function textSlot(id: string, displayName: string, label: string, text: string): TemplateSlot {
	return { id: `template_text_${id}`, displayName, required: false, kind: 'templateText', text, label };
}

/**
 * A header or body text with variables: the text (or, when it is long, the part around each variable), each
 * followed by the variables it shows, e.g. `Body Text` "Hi {{1}}, your order of {{2}} has shipped." then
 * `Body {{1}} (e.g. Vivek)` and `Body {{2}} (e.g. Rs. 999)`.
 */
function variableSlots(component: Json | undefined, part: 'header' | 'body', kind: SlotKind, prefix: string): TemplateSlot[] {
	const text = String(component?.text ?? '');
	if (variablesIn(text).length === 0) return [];
	const excerpts = excerptsOf(text);
	const name = capitalise(part);
	return excerpts.flatMap((excerpt, position) => [
		textSlot(
			`${part}${position > 0 ? `_${position + 1}` : ''}`,
			`${name} Text`,
			fittingLabel(`${prefix}${name} Text${excerpts.length > 1 ? ` (${position + 1}/${excerpts.length})` : ''}`),
			excerpt.text,
		),
		...excerpt.variables.map((variable): TemplateSlot => {
			const example = exampleFor(component, part, variable);
			const short = `${prefix}${name} {{${variable}}}`;
			return {
				id: `${part}_${variable}`,
				displayName: `${name} Variable {{${variable}}}`,
				required: true,
				kind,
				variable,
				named: !/^\d+$/.test(variable),
				label: fittingLabel(`${short}${exampleOf(example)}`, short),
			};
		}),
	]);
}

/** The slots of a header with media: its link, and for a document the file name the customer sees. */
function mediaHeaderSlots(media: HeaderMediaType, prefix: string): TemplateSlot[] {
	const link: TemplateSlot = {
		id: `header_${media}`,
		displayName: `Header ${capitalise(media)} Link`,
		required: true,
		kind: 'headerMedia',
		media,
		label: fittingLabel(`${prefix}Header ${capitalise(media)} Link`, `${prefix}${capitalise(media)} Link`),
	};
	if (media !== 'document') return [link];
	const filename: TemplateSlot = {
		id: 'header_filename',
		displayName: 'Header Document Filename',
		required: false,
		kind: 'headerFilename',
		media,
		label: fittingLabel(`${prefix}Document File Name`, `${prefix}File Name`),
	};
	return [link, filename];
}

/** The header's slots: its text's variables, or its media. */
function headerSlots(components: unknown, prefix: string): TemplateSlot[] {
	const header = findComponent(components, 'HEADER');
	const format = header ? String(header.format ?? 'TEXT').toUpperCase() : undefined;
	const media = format ? MEDIA_FORMATS[format] : undefined;
	if (format === 'TEXT') return variableSlots(header, 'header', 'headerText', prefix);
	return media ? mediaHeaderSlots(media, prefix) : [];
}

/**
 * Per URL button with a variable: its link (read-only) and its suffix; per quick reply: its payload. By the
 * button's index among all the template's buttons.
 */
function buttonSlots(components: unknown, prefix = ''): TemplateSlot[] {
	return asObjects(findComponent(components, 'BUTTONS')?.buttons).flatMap((button, buttonIndex): TemplateSlot[] => {
		const type = String(button.type).toUpperCase();
		const buttonText = String(button.text ?? buttonIndex + 1);
		const number = `${prefix}Button ${buttonIndex + 1}`;
		if (type === 'URL' && variablesIn(button.url).length > 0) {
			const url = String(button.url);
			const exampleUrl = Array.isArray(button.example) ? String(button.example[0] ?? '') : '';
			const start = url.slice(0, url.indexOf('{{'));
			const suffix = exampleUrl.startsWith(start) ? exampleUrl.slice(start.length) : undefined;
			return [
				textSlot(
					`button_${buttonIndex}`,
					`Button "${buttonText}" Link`,
					fittingLabel(`${prefix}"${buttonText}" Link`, `${number} Link`),
					excerptAround(url, variablesIn(url)[0]),
				),
				{
					id: `button_${buttonIndex}_url_suffix`,
					displayName: `Button "${buttonText}" URL Suffix`,
					required: true,
					kind: 'buttonUrl',
					buttonIndex,
					buttonText,
					label: fittingLabel(`${number} URL Suffix${exampleOf(suffix)}`, `${number} URL Suffix`, `${number} Suffix`, `${prefix}URL Suffix`),
				},
			];
		}
		if (type !== 'QUICK_REPLY') return [];
		return [
			{
				id: `button_${buttonIndex}_payload`,
				displayName: `Button "${buttonText}" Payload`,
				required: false,
				kind: 'buttonPayload',
				buttonIndex,
				buttonText,
				label: fittingLabel(`${prefix}"${buttonText}" Payload`, `${number} Payload`, `${prefix}Payload`),
			},
		];
	});
}

/** The slots of one level: the template's top level, or one carousel card (its ids and names prefixed). */
function levelSlots(components: unknown, card?: number): TemplateSlot[] {
	const prefix = card === undefined ? '' : `Card ${card + 1} `;
	const slots = [
		...headerSlots(components, prefix),
		...variableSlots(findComponent(components, 'BODY'), 'body', 'bodyText', prefix),
		...buttonSlots(components, prefix),
	];
	if (card === undefined) return slots;
	return slots.map((slot) => ({ ...slot, id: `card_${card}_${slot.id}`, displayName: `${prefix}${slot.displayName}`, card }));
}

/** The positions of a template's quick-reply buttons among all its buttons (what `index` means in a send). */
export function quickReplyIndexes(template: CunnektTemplate): number[] {
	return buttonSlots(template.components)
		.filter((slot) => slot.kind === 'buttonPayload')
		.map((slot) => slot.buttonIndex as number);
}

/** What a template (as `GET /templates` lists it) expects from a send, in the order the fields are shown. */
export function templateExpectations(template: CunnektTemplate): TemplateExpectations {
	const cards = asObjects(findComponent(template.components, 'CAROUSEL')?.cards);
	return {
		label: JSON.stringify(String(template.name ?? template.id)),
		slots: [
			...levelSlots(template.components),
			...cards.flatMap((card, position) => levelSlots(card.components, position)),
		],
		cardCount: cards.length,
	};
}

function article(word: string): string {
	return /^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`;
}

function joinAnd(parts: string[]): string {
	return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

function describeLevel(slots: TemplateSlot[]): string[] {
	const parts: string[] = [];
	const braces = (list: TemplateSlot[]) => list.map((entry) => `{{${entry.variable}}}`).join(', ');
	const headerText = slots.filter((entry) => entry.kind === 'headerText');
	if (headerText.length) parts.push(`a header variable (${braces(headerText)})`);
	const headerMedia = slots.find((entry) => entry.kind === 'headerMedia');
	if (headerMedia?.media) parts.push(`${article(headerMedia.media)} header link`);
	const body = slots.filter((entry) => entry.kind === 'bodyText');
	if (body.length) parts.push(`${plural(body.length, 'body variable')} (${braces(body)})`);
	for (const button of slots.filter((entry) => entry.kind === 'buttonUrl')) {
		parts.push(`a URL suffix for button "${button.buttonText}"`);
	}
	return parts;
}

/** "an image header link and 2 body variables ({{1}}, {{2}})": what error messages say a template expects. */
export function describeExpectations(expectations: TemplateExpectations): string {
	const top = expectations.slots.filter((entry) => entry.card === undefined);
	const parts = describeLevel(top);
	if (expectations.cardCount > 0) {
		const perCard = describeLevel(expectations.slots.filter((entry) => entry.card === 0));
		const cards = plural(expectations.cardCount, 'carousel card');
		parts.push(perCard.length ? `${cards}, each with ${joinAnd(perCard)}` : cards);
	}
	return parts.length ? joinAnd(parts) : 'no variables';
}

/**
 * Turns the values of a template's slots into ComponentValues. A required slot left empty is refused with a message
 * that names what the template expects (what WhatsApp would refuse with 132000 / 132012).
 */
export function valuesFromSlots(
	expectations: TemplateExpectations,
	valueOf: (slot: TemplateSlot) => unknown,
): ComponentValues {
	const values: ComponentValues = {};
	const cards: CardValue[] = Array.from({ length: expectations.cardCount }, (_, cardIndex) => ({ cardIndex }));
	for (const slot of expectations.slots) {
		if (slot.kind === 'templateText') continue;
		const raw = valueOf(slot);
		const text = raw === undefined || raw === null ? '' : String(raw);
		if (text.trim() === '') {
			if (!slot.required) continue;
			throw new InputError(
				`${slot.displayName} is empty; template ${expectations.label} expects ${describeExpectations(expectations)}`,
			);
		}
		const level: ComponentValues | CardValue = slot.card === undefined ? values : cards[slot.card];
		const textValue: TextValue = slot.named ? { parameterName: slot.variable, text } : { text };
		switch (slot.kind) {
			case 'headerText':
				values.header = { type: 'text', ...textValue };
				break;
			case 'headerMedia': {
				const link = checkHttpUrl(text, slot.displayName);
				level.header = { type: slot.media as 'image', link };
				break;
			}
			case 'headerFilename':
				if (values.header && values.header.type === 'document') values.header.filename = text.trim();
				break;
			case 'bodyText':
				(level.body ??= []).push(textValue);
				break;
			case 'buttonUrl':
			case 'buttonPayload':
				(level.buttons ??= []).push({
					subType: slot.kind === 'buttonUrl' ? 'url' : 'quick_reply',
					index: slot.buttonIndex ?? 0,
					value: text,
				});
				break;
		}
	}
	if (cards.length) values.cards = cards;
	return values;
}
