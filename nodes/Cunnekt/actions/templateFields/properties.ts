import type { INodeProperties } from 'n8n-workflow';

/**
 * How a template's variables, header media, buttons and carousel cards are given: the chosen template's own fields
 * (resource mapper, for templates picked From List), a form, or the components as JSON. Exported so that other
 * operations sending templates (campaigns) offer the same fields; templateParameterValues.ts reads them.
 */

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
