import type {
	IDataObject,
	IExecuteFunctions,
	INodeParameterResourceLocator,
	ResourceMapperValue,
} from 'n8n-workflow';

import { InputError } from '../../../shared/errors';
import type { TemplateComponent } from '../../../shared/types';
import { buildComponents, checkComponentLimits, parseComponentsJson } from '../../whatsapp/templateComponents';
import type { ButtonValue, CardValue, ComponentValues, TextValue } from '../../whatsapp/templateComponents';
import { describeExpectations, templateExpectations, valuesFromSlots } from '../../whatsapp/templateExpectations';
import { templateForExecution } from './lookup';

/**
 * Reads what templateParameters.ts shows: one item's template values, from the chosen template's fields, the form or
 * the JSON, built into the send's components and checked against WhatsApp's limits. Template Message → Send and
 * Campaign → Create read them here, the same way.
 */

type ParametersMode = 'templateFields' | 'form' | 'json';

interface ButtonEntry {
	subType?: 'quick_reply' | 'url';
	index?: number;
	payload?: string;
	urlSuffix?: string;
}

interface CardEntry {
	cardIndex?: number;
	headerType?: 'image' | 'video';
	headerLink?: string;
	bodyVariables?: { variable?: TextValue[] };
	buttons?: { button?: ButtonEntry[] };
}

function nonEmpty(value: unknown, field: string): string {
	const text = value === undefined || value === null ? '' : String(value);
	if (text.trim() === '') throw new InputError(`${field} is empty; WhatsApp refuses empty parameters`);
	return text;
}

/** How messages name the n-th entry of a list (from 0): "Body variable 2", "Carousel card 1 button 1". */
type FieldNamer = (position: number) => string;

/** Variables as the form lists them: each value non-empty, a name without braces when one is given. */
export function textValues(entries: TextValue[] | undefined, fieldName: FieldNamer): TextValue[] {
	return (entries ?? []).map((entry, position) => {
		const text = nonEmpty(entry.text, fieldName(position));
		const parameterName = String(entry.parameterName ?? '').trim().replace(/^\{\{\s*|\s*\}\}$/g, '');
		return parameterName ? { parameterName, text } : { text };
	});
}

function buttonValues(entries: ButtonEntry[] | undefined, fieldName: FieldNamer): ButtonValue[] {
	return (entries ?? []).map((entry, position) => {
		const field = fieldName(position);
		const index = Number(entry.index ?? 0);
		if (!Number.isInteger(index) || index < 0 || index > 9) {
			throw new InputError(`${field} index is ${JSON.stringify(entry.index)}; a template's buttons are indexed 0 to 9`);
		}
		const subType = entry.subType === 'url' ? 'url' : 'quick_reply';
		const value =
			subType === 'url'
				? nonEmpty(entry.urlSuffix, `${field} URL suffix`)
				: nonEmpty(entry.payload, `${field} payload`);
		return { subType, index, value };
	});
}

/** The form's values, checked for what WhatsApp refuses (empty parameters, impossible indexes). */
function formValues(this: IExecuteFunctions, itemIndex: number): ComponentValues {
	const values: ComponentValues = {};
	const headerType = this.getNodeParameter('headerType', itemIndex, 'none') as 'none' | 'text' | 'image' | 'video' | 'document';
	if (headerType === 'text') {
		const [header] = textValues(
			[
				{
					text: this.getNodeParameter('headerText', itemIndex, '') as string,
					parameterName: this.getNodeParameter('headerParameterName', itemIndex, '') as string,
				},
			],
			() => 'Header variable',
		);
		values.header = { type: 'text', ...header };
	} else if (headerType !== 'none') {
		const link = String(this.getNodeParameter('headerLink', itemIndex, '')).trim();
		const filename =
			headerType === 'document' ? String(this.getNodeParameter('headerFilename', itemIndex, '')).trim() : '';
		values.header = filename ? { type: headerType, link, filename } : { type: headerType, link };
	}
	const body = textValues(
		this.getNodeParameter('bodyVariables.variable', itemIndex, []) as TextValue[],
		(position) => `Body variable ${position + 1}`,
	);
	if (body.length) values.body = body;
	const buttons = buttonValues(
		this.getNodeParameter('buttons.button', itemIndex, []) as ButtonEntry[],
		(position) => `Button ${position + 1}`,
	);
	if (buttons.length) values.buttons = buttons;
	const cards = (this.getNodeParameter('cards.card', itemIndex, []) as CardEntry[]).map((entry, position): CardValue => {
		const cardName = `Carousel card ${position + 1}`;
		const card: CardValue = { cardIndex: Number(entry.cardIndex ?? 0) };
		card.header = { type: entry.headerType === 'video' ? 'video' : 'image', link: String(entry.headerLink ?? '').trim() };
		const cardBody = textValues(entry.bodyVariables?.variable, (at) => `${cardName} body variable ${at + 1}`);
		if (cardBody.length) card.body = cardBody;
		const cardButtons = buttonValues(entry.buttons?.button, (at) => `${cardName} button ${at + 1}`);
		if (cardButtons.length) card.buttons = cardButtons;
		return card;
	});
	if (cards.length) values.cards = cards;
	return values;
}

/** The mapped values of the template's fields, checked against the template as Cunnekt lists it now. */
async function mappedValues(
	this: IExecuteFunctions,
	itemIndex: number,
	templateId: string,
): Promise<ComponentValues> {
	const locator = this.getNodeParameter('templateId', itemIndex) as INodeParameterResourceLocator;
	if (locator?.mode !== 'list') {
		throw new InputError(
			"Parameters → Template's Fields needs a template chosen From List",
			'For a template given By ID, choose Parameters → Form or JSON.',
		);
	}
	const template = await templateForExecution.call(this, templateId, itemIndex);
	const expectations = templateExpectations(template);
	if (template.status !== undefined && String(template.status).toUpperCase() !== 'APPROVED') {
		throw new InputError(
			`Template ${expectations.label} is ${String(template.status)}; only APPROVED templates can be sent`,
			'Wait for WhatsApp to approve it (Template → Sync updates its status), or choose another template.',
		);
	}
	const mapping = this.getNodeParameter('templateFields', itemIndex, {}) as Partial<ResourceMapperValue>;
	const mapped: IDataObject = mapping.value ?? {};
	const known = new Set(expectations.slots.map((slot) => slot.id));
	const schema = mapping.schema ?? [];
	for (const [id, value] of Object.entries(mapped)) {
		if (known.has(id) || value === undefined || value === null || String(value).trim() === '') continue;
		const field = schema.find((entry) => entry.id === id);
		if (schema.length > 0 && !field) continue;
		throw new InputError(
			`Template ${expectations.label} has no field "${field?.displayName ?? id}"; it expects ${describeExpectations(expectations)}`,
			"The template changed since its fields were loaded: open Template's Fields and reload them.",
		);
	}
	return valuesFromSlots(expectations, (slot) => mapped[slot.id]);
}

/** The components of one item's send, built from the chosen mode and checked against WhatsApp's limits. */
export async function readTemplateComponents(
	this: IExecuteFunctions,
	itemIndex: number,
	templateId: string,
): Promise<TemplateComponent[]> {
	const mode = this.getNodeParameter('parametersMode', itemIndex, 'form') as ParametersMode;
	let components: TemplateComponent[];
	if (mode === 'json') {
		components = parseComponentsJson(this.getNodeParameter('componentsJson', itemIndex, '[]'));
	} else if (mode === 'templateFields') {
		components = buildComponents(await mappedValues.call(this, itemIndex, templateId));
	} else {
		components = buildComponents(formValues.call(this, itemIndex));
	}
	checkComponentLimits(components);
	return components;
}
