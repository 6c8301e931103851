import { InputError } from '../../shared/errors';
import type { TemplateComponent } from '../../shared/types';
import { asObjects, capitalise } from '../../shared/values';
import type { Json } from '../../shared/values';
import { checkCarouselCards, checkHttpUrl, parseJsonField, showValue } from './limits';

/**
 * The Meta-shaped `components` of a send, built from the values a send fills in, or pasted as JSON, and the limits
 * every send keeps. Pure: no n8n, no HTTP. One builder serves the Template Message form, the resource mapper (a
 * template's fields, read through templateExpectations.ts) and campaigns (each recipient's values).
 *
 * Casing follows Cunnekt's own examples (docs/api-contract.md): lower-case `header` / `body` / `button` at the top level, and
 * `CAROUSEL` / `HEADER` / `BUTTON` / `QUICK_REPLY` / `PAYLOAD` inside a carousel, exactly as Cunnekt's Template page
 * gives them.
 */

export type HeaderMediaType = 'image' | 'video' | 'document';

/** A text variable: positional ({{1}}) when parameterName is absent, named ({{first_name}}) when present. */
export interface TextValue {
	text: string;
	parameterName?: string;
}

export type HeaderValue =
	| ({ type: 'text' } & TextValue)
	| { type: HeaderMediaType; link: string; filename?: string };

export interface ButtonValue {
	subType: 'quick_reply' | 'url';
	/** The button's position in the template, from 0. */
	index: number;
	/** The quick reply's payload or the URL's suffix. */
	value: string;
}

export interface CardValue {
	cardIndex: number;
	header?: { type: 'image' | 'video'; link: string };
	body?: TextValue[];
	buttons?: ButtonValue[];
}

/** Everything a send can fill in; what is absent or empty is left out of the components. */
export interface ComponentValues {
	header?: HeaderValue;
	body?: TextValue[];
	buttons?: ButtonValue[];
	cards?: CardValue[];
}

function textParameter(value: TextValue, type: 'text' | 'TEXT'): TemplateComponent {
	return value.parameterName
		? { type, parameter_name: value.parameterName, text: value.text }
		: { type, text: value.text };
}

function mediaParameter(type: string, media: HeaderMediaType, link: string, filename?: string): TemplateComponent {
	return { type, [media]: filename ? { link, filename } : { link } };
}

function cardComponents(card: CardValue): TemplateComponent[] {
	const components: TemplateComponent[] = [];
	if (card.header) {
		const media = card.header.type;
		components.push({
			type: 'HEADER',
			parameters: [mediaParameter(media.toUpperCase(), media, card.header.link)],
		});
	}
	if (card.body?.length) {
		components.push({ type: 'BODY', parameters: card.body.map((value) => textParameter(value, 'TEXT')) });
	}
	for (const button of card.buttons ?? []) {
		components.push({
			type: 'BUTTON',
			sub_type: button.subType.toUpperCase(),
			index: button.index,
			parameters: [{ type: 'PAYLOAD', payload: button.value }],
		});
	}
	return components;
}

/** The `components` array of a send; a component without parameters is left out (Cunnekt: "you can remove"). */
export function buildComponents(values: ComponentValues): TemplateComponent[] {
	const components: TemplateComponent[] = [];
	const header = values.header;
	if (header) {
		const parameter =
			header.type === 'text'
				? textParameter(header, 'text')
				: mediaParameter(header.type, header.type, header.link, header.filename);
		components.push({ type: 'header', parameters: [parameter] });
	}
	if (values.body?.length) {
		components.push({ type: 'body', parameters: values.body.map((value) => textParameter(value, 'text')) });
	}
	for (const button of values.buttons ?? []) {
		const parameter =
			button.subType === 'url'
				? { type: 'text', text: button.value }
				: { type: 'payload', payload: button.value };
		components.push({ type: 'button', sub_type: button.subType, index: button.index, parameters: [parameter] });
	}
	if (values.cards?.length) {
		components.push({
			type: 'CAROUSEL',
			cards: values.cards.map((card) => ({ card_index: card.cardIndex, components: cardComponents(card) })),
		});
	}
	return components;
}

/** Header formats as templates name them → the media parameter of a send. */
export const MEDIA_FORMATS: Readonly<Record<string, HeaderMediaType>> = { IMAGE: 'image', VIDEO: 'video', DOCUMENT: 'document' };

/** A template's (or a send's) component of this type, whatever its casing. */
export function findComponent(components: unknown, type: string): Json | undefined {
	return asObjects(components).find((component) => String(component.type).toUpperCase() === type);
}

// ── Components as the user gives them (JSON) and the limits every send must keep ───────────────────────────────

/**
 * The components a user pasted: the array itself, `{components: [...]}`, or a whole Cunnekt payload
 * (`{template: {components: [...]}}`, as Cunnekt's Template page shows it). Empty means none.
 */
export function parseComponentsJson(value: unknown, field = 'Components (JSON)'): TemplateComponent[] {
	if (typeof value === 'string' && value.trim() === '') return [];
	const parsed = parseJsonField(
		value,
		field,
		'Paste the components array, e.g. [{"type": "body", "parameters": [{"type": "text", "text": "Vivek"}]}], or {"components": [...]}.',
	);
	let components: unknown = parsed;
	if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
		const body = parsed as Json;
		const template = body.template as Json | undefined;
		components = body.components ?? (typeof template === 'object' && template !== null ? template.components : undefined);
	}
	if (!Array.isArray(components)) {
		throw new InputError(
			`${field} must be the components array or {"components": [...]}`,
			`Received: ${showValue(typeof value === 'string' ? value : JSON.stringify(value) ?? String(value))}`,
		);
	}
	components.forEach((component, position) => {
		if (typeof component !== 'object' || component === null || typeof (component as Json).type !== 'string') {
			throw new InputError(
				`${field} entry ${position + 1} must be an object with a "type" (header, body, button or CAROUSEL)`,
				`Received: ${showValue(JSON.stringify(component) ?? String(component))}`,
			);
		}
	});
	return components as TemplateComponent[];
}

function checkMediaLinks(components: unknown, prefix: string): void {
	for (const component of asObjects(components)) {
		const part = String(component.type).toLowerCase();
		const label = prefix ? `${prefix}${part}` : capitalise(part);
		for (const parameter of asObjects(component.parameters)) {
			for (const media of Object.values(MEDIA_FORMATS)) {
				const holder = parameter[media] as Json | undefined;
				if (typeof holder === 'object' && holder !== null && 'link' in holder) {
					checkHttpUrl(String(holder.link ?? ''), `${label} ${media} link`);
				}
			}
		}
	}
}

/** The limits every send keeps, whichever way its components were made: media links, carousel cards. */
export function checkComponentLimits(components: TemplateComponent[]): void {
	checkMediaLinks(components, '');
	const carousel = findComponent(components, 'CAROUSEL');
	if (!carousel) return;
	const cards = Array.isArray(carousel.cards) ? (carousel.cards as unknown[]) : [];
	checkCarouselCards(cards.map((card) => (typeof card === 'object' && card !== null ? (card as Json).card_index : undefined)));
	asObjects(cards).forEach((card, position) => checkMediaLinks(card.components, `Carousel card ${position + 1} `));
}
