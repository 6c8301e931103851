import type {
	IDataObject,
	IExecuteFunctions,
	INodeParameterResourceLocator,
	INodeProperties,
	ResourceMapperValue,
} from 'n8n-workflow';

import { InputError } from '../../shared/errors';
import type { TemplateComponent } from '../../shared/types';
import {
	buildComponents,
	checkComponentLimits,
	describeExpectations,
	parseComponentsJson,
	templateExpectations,
	valuesFromSlots,
} from '../whatsapp/templateComponents';
import type { ButtonValue, CardValue, ComponentValues, TextValue } from '../whatsapp/templateComponents';
import { templateForExecution } from './templateLookup';

/**
 * How a template's variables, header media, buttons and carousel cards are given: the chosen template's own fields
 * (resource mapper, for templates picked From List), a form, or the components as JSON. Exported so that other
 * operations sending templates (campaigns) offer the same fields and read them the same way.
 */

type ParametersMode = 'templateFields' | 'form' | 'json';

const FORM = {
	name: 'Form',
	value: 'form',
	description: 'Enter the header, body variables, button parameters and carousel cards below',
};
const JSON_MODE = {
	name: 'JSON',
	value: 'json',
	description: 'Paste the components array, for anything the form does not cover',
};
const TEMPLATE_FIELDS = {
	name: "Template's Fields",
	value: 'templateFields',
	description: 'Fill in exactly the fields the chosen template needs',
};

const parametersMode: INodeProperties = {
	displayName: 'Parameters',
	name: 'parametersMode',
	type: 'options',
	noDataExpression: true,
	options: [FORM, JSON_MODE],
	default: 'form',
	description: "How to give the template's variables, header media, button parameters and carousel cards",
};

const LIST_MODE = { 'templateId.mode': ['list'] };

const textValueFields: INodeProperties[] = [
	{
		displayName: 'Value',
		name: 'text',
		type: 'string',
		default: '',
		description: 'The text that replaces the variable',
	},
	{
		displayName: 'Name',
		name: 'parameterName',
		type: 'string',
		default: '',
		placeholder: 'e.g. first_name',
		description:
			'For a template with named variables ({{first_name}}): the name without braces. Leave empty for positional variables ({{1}}, {{2}}, …), given in order.',
	},
];

const bodyVariables: INodeProperties = {
	displayName: 'Body Variables',
	name: 'bodyVariables',
	type: 'fixedCollection',
	placeholder: 'Add Variable',
	typeOptions: { multipleValues: true, sortable: true },
	default: {},
	description: 'The body variables in order: the first replaces {{1}}, the second {{2}}, and so on',
	options: [{ displayName: 'Variable', name: 'variable', values: textValueFields }],
};

const buttonParameters: INodeProperties = {
	displayName: 'Button Parameters',
	name: 'buttons',
	type: 'fixedCollection',
	placeholder: 'Add Button Parameter',
	typeOptions: { multipleValues: true },
	default: {},
	description: "Values for the template's buttons: a quick reply's payload or a URL button's suffix",
	options: [
		{
			displayName: 'Button',
			name: 'button',
			values: [
				{
					displayName: 'Type',
					name: 'subType',
					type: 'options',
					options: [
						{ name: 'Quick Reply', value: 'quick_reply', description: 'Sets the payload your webhook receives when tapped' },
						{ name: 'URL', value: 'url', description: "Completes the button's link (its {{1}})" },
					],
					default: 'quick_reply',
				},
				{
					displayName: 'Index',
					name: 'index',
					type: 'number',
					typeOptions: { minValue: 0, maxValue: 9 },
					default: 0,
					description: "The button's position in the template, from 0 for the first button",
				},
				{
					displayName: 'Payload',
					name: 'payload',
					type: 'string',
					default: '',
					displayOptions: { show: { subType: ['quick_reply'] } },
					description: 'What your webhook receives when the customer taps this button',
				},
				{
					displayName: 'URL Suffix',
					name: 'urlSuffix',
					type: 'string',
					default: '',
					placeholder: 'e.g. AWB123456',
					displayOptions: { show: { subType: ['url'] } },
					description: "The text that replaces {{1}} at the end of the button's URL",
				},
			],
		},
	],
};

const headerLinkPlaceholder = 'e.g. https://example.com/photo.jpg';

export const templateParameterProperties: INodeProperties[] = [
	{ ...parametersMode, displayOptions: { hide: LIST_MODE } },
	{
		...parametersMode,
		options: [FORM, JSON_MODE, TEMPLATE_FIELDS],
		default: 'templateFields',
		displayOptions: { show: LIST_MODE },
	},
	{
		displayName: "Template's Fields",
		name: 'templateFields',
		type: 'resourceMapper',
		noDataExpression: true,
		default: { mappingMode: 'defineBelow', value: null },
		required: true,
		typeOptions: {
			loadOptionsDependsOn: ['templateId.value'],
			resourceMapper: {
				resourceMapperMethod: 'getTemplateFields',
				mode: 'add',
				fieldWords: { singular: 'field', plural: 'fields' },
				addAllFields: true,
				multiKeyMatch: false,
				supportAutoMap: false,
			},
		},
		displayOptions: { show: { parametersMode: ['templateFields'], ...LIST_MODE } },
	},
	{
		displayName: 'Header',
		name: 'headerType',
		type: 'options',
		options: [
			{ name: 'Document', value: 'document' },
			{ name: 'Image', value: 'image' },
			{ name: 'None', value: 'none', description: 'The template has no header, or a header without a variable' },
			{ name: 'Text', value: 'text', description: 'A text header with a variable' },
			{ name: 'Video', value: 'video' },
		],
		default: 'none',
		description: "The template's header, when it has media or a variable",
		displayOptions: { show: { parametersMode: ['form'] } },
	},
	{
		displayName: 'Header Link',
		name: 'headerLink',
		type: 'string',
		required: true,
		default: '',
		placeholder: headerLinkPlaceholder,
		description: 'A public http(s) link to the file; WhatsApp downloads it',
		displayOptions: { show: { parametersMode: ['form'], headerType: ['document', 'image', 'video'] } },
	},
	{
		displayName: 'Header Filename',
		name: 'headerFilename',
		type: 'string',
		default: '',
		placeholder: 'e.g. invoice.pdf',
		description: 'The file name the customer sees; optional',
		displayOptions: { show: { parametersMode: ['form'], headerType: ['document'] } },
	},
	{
		displayName: 'Header Variable',
		name: 'headerText',
		type: 'string',
		required: true,
		default: '',
		description: "The text that replaces the header's variable",
		displayOptions: { show: { parametersMode: ['form'], headerType: ['text'] } },
	},
	{
		displayName: 'Header Variable Name',
		name: 'headerParameterName',
		type: 'string',
		default: '',
		placeholder: 'e.g. order_id',
		description: 'For a named header variable ({{order_id}}): its name without braces. Leave empty for {{1}}.',
		displayOptions: { show: { parametersMode: ['form'], headerType: ['text'] } },
	},
	{ ...bodyVariables, displayOptions: { show: { parametersMode: ['form'] } } },
	{ ...buttonParameters, displayOptions: { show: { parametersMode: ['form'] } } },
	{
		displayName: 'Carousel Cards',
		name: 'cards',
		type: 'fixedCollection',
		placeholder: 'Add Card',
		typeOptions: { multipleValues: true, sortable: true },
		default: {},
		description: 'For a carousel template: each card\'s media and button parameters (1 to 10 cards)',
		displayOptions: { show: { parametersMode: ['form'] } },
		options: [
			{
				displayName: 'Card',
				name: 'card',
				values: [
					{
						displayName: 'Card Index',
						name: 'cardIndex',
						type: 'number',
						typeOptions: { minValue: 0, maxValue: 9 },
						default: 0,
						description: "The card's position in the template, from 0 for the first card; each card once",
					},
					{
						displayName: 'Header',
						name: 'headerType',
						type: 'options',
						options: [
							{ name: 'Image', value: 'image' },
							{ name: 'Video', value: 'video' },
						],
						default: 'image',
					},
					{
						displayName: 'Header Link',
						name: 'headerLink',
						type: 'string',
						default: '',
						placeholder: headerLinkPlaceholder,
						description: "A public http(s) link to the card's image or video",
					},
					bodyVariables,
					buttonParameters,
				],
			},
		],
	},
	{
		displayName: 'Components (JSON)',
		name: 'componentsJson',
		type: 'json',
		default: '[]',
		description:
			'The "components" array of the send, as Meta defines it (or {"components": [...]}, or the whole payload Cunnekt\'s Template page shows)',
		hint: 'Copy the Payload from Cunnekt\'s Template List page and replace the values',
		displayOptions: { show: { parametersMode: ['json'] } },
	},
];

// ── Reading ────────────────────────────────────────────────────────────────────────────────────────────────────

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
