import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/endpoints';
import { checkTemplateName, normaliseMobile } from '../../whatsapp/limits';
import { parseComponentsJson } from '../../whatsapp/templateComponents';
import type { TextValue } from '../../whatsapp/templateComponents';
import {
	buildTemplateDefinition,
	checkCategory,
	checkLanguage,
	checkTemplateDefinition,
} from '../../whatsapp/templateDefinition';
import type { ButtonDefinition, HeaderDefinition, TemplateDefinition } from '../../whatsapp/templateDefinition';
import { cunnektApiRequest } from '../../../shared/transport';
import type { TemplateComponent } from '../../../shared/types';
import { answerJson, readText } from '../common';
import { categoryOptions } from './categories';
import { textValues } from '../templateFields/values';
import type { CunnektOperation } from '../node.type';

const FORM = { show: { componentsMode: ['form'] } };

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. order_update',
		description: 'Lowercase letters, digits and underscores only',
	},
	{
		displayName: 'Category',
		name: 'category',
		type: 'options',
		options: categoryOptions,
		default: 'UTILITY',
		description: 'WhatsApp prices and reviews templates by category',
	},
	{
		displayName: 'Language',
		name: 'language',
		type: 'string',
		required: true,
		default: 'en',
		placeholder: 'e.g. en_US',
		description: "WhatsApp's language code: en, en_US, hi, pt_BR…",
	},
	{
		displayName: 'Components',
		name: 'componentsMode',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Form', value: 'form', description: 'Header, body, footer and buttons below' },
			{ name: 'JSON', value: 'json', description: "Meta's components array, for anything the form does not cover" },
		],
		default: 'form',
	},
	{
		displayName: 'Header',
		name: 'headerFormat',
		type: 'options',
		options: [
			{ name: 'Document', value: 'DOCUMENT' },
			{ name: 'Image', value: 'IMAGE' },
			{ name: 'None', value: 'NONE' },
			{ name: 'Text', value: 'TEXT' },
			{ name: 'Video', value: 'VIDEO' },
		],
		default: 'NONE',
		displayOptions: FORM,
	},
	{
		displayName: 'Header Text',
		name: 'headerContent',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Order {{1}}',
		description: 'At most 60 characters and one variable',
		displayOptions: { show: { ...FORM.show, headerFormat: ['TEXT'] } },
	},
	{
		displayName: 'Header Variable Example',
		name: 'headerExample',
		type: 'string',
		default: '',
		placeholder: 'e.g. A-1042',
		description: "An example of the header's variable, for WhatsApp's review; needed when the header has one",
		displayOptions: { show: { ...FORM.show, headerFormat: ['TEXT'] } },
	},
	{
		displayName: 'Header Example Link',
		name: 'headerExampleLink',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. https://example.com/sample.jpg',
		description: "A public link to an example file, for WhatsApp's review; each send gives its own file",
		displayOptions: { show: { ...FORM.show, headerFormat: ['IMAGE', 'VIDEO', 'DOCUMENT'] } },
	},
	{
		displayName: 'Body Text',
		name: 'bodyText',
		type: 'string',
		required: true,
		default: '',
		typeOptions: { rows: 4 },
		placeholder: 'e.g. Hi {{1}}, your order of {{2}} has shipped.',
		description:
			'Up to 1024 characters. Variables are numbered ({{1}}, {{2}}, …) or named ({{first_name}}), one kind per template.',
		displayOptions: FORM,
	},
	{
		displayName: 'Body Examples',
		name: 'bodyExamples',
		type: 'fixedCollection',
		placeholder: 'Add Example',
		typeOptions: { multipleValues: true, sortable: true },
		default: {},
		description: "One example value per body variable, in order, for WhatsApp's review",
		displayOptions: FORM,
		options: [
			{
				displayName: 'Example',
				name: 'example',
				values: [
					{
						displayName: 'Value',
						name: 'text',
						type: 'string',
						default: '',
						placeholder: 'e.g. Vivek',
					},
					{
						displayName: 'Variable Name',
						name: 'parameterName',
						type: 'string',
						default: '',
						placeholder: 'e.g. first_name',
						description: 'For named variables: the variable this example is for. Leave empty to go by order.',
					},
				],
			},
		],
	},
	{
		displayName: 'Footer',
		name: 'footerText',
		type: 'string',
		default: '',
		placeholder: 'e.g. Reply STOP to opt out',
		description: 'Optional; at most 60 characters, no variables',
		displayOptions: FORM,
	},
	{
		displayName: 'Buttons',
		name: 'templateButtons',
		type: 'fixedCollection',
		placeholder: 'Add Button',
		typeOptions: { multipleValues: true, sortable: true },
		default: {},
		description: 'Up to 10 buttons: at most 2 URL buttons and 1 phone number button',
		displayOptions: FORM,
		options: [
			{
				displayName: 'Button',
				name: 'button',
				values: [
					{
						displayName: 'Button Type',
						name: 'type',
						type: 'options',
						options: [
							{ name: 'Phone Number', value: 'PHONE_NUMBER', description: 'Calls your number' },
							{ name: 'Quick Reply', value: 'QUICK_REPLY', description: 'The customer answers with a tap' },
							{ name: 'URL', value: 'URL', description: 'Opens a link' },
						],
						default: 'QUICK_REPLY',
					},
					{
						displayName: 'Label',
						name: 'text',
						type: 'string',
						default: '',
						description: "The button's text, at most 25 characters",
					},
					{
						displayName: 'Phone Number',
						name: 'phoneNumber',
						type: 'string',
						default: '',
						placeholder: 'e.g. +91 99999 99999',
						displayOptions: { show: { type: ['PHONE_NUMBER'] } },
					},
					{
						displayName: 'URL',
						name: 'url',
						type: 'string',
						default: '',
						placeholder: 'e.g. https://example.com/track/{{1}}',
						description: 'The link; it may end with {{1}}, which each send completes',
						displayOptions: { show: { type: ['URL'] } },
					},
					{
						displayName: 'URL Example',
						name: 'urlExample',
						type: 'string',
						default: '',
						placeholder: 'e.g. AWB123456',
						description: "An example of what completes the link's {{1}}, for WhatsApp's review",
						displayOptions: { show: { type: ['URL'] } },
					},
				],
			},
		],
	},
	{
		displayName: 'Components (JSON)',
		name: 'templateComponents',
		type: 'json',
		default: '[{"type": "BODY", "text": "Hi {{1}}, your order has shipped.", "example": {"body_text": [["Vivek"]]}}]',
		description: "The template's components as Meta defines them (or {\"components\": [...]})",
		displayOptions: { show: { componentsMode: ['json'] } },
	},
];

interface ButtonEntry {
	type?: ButtonDefinition['type'];
	text?: string;
	url?: string;
	urlExample?: string;
	phoneNumber?: string;
}

function formHeader(this: IExecuteFunctions, itemIndex: number): HeaderDefinition | undefined {
	const format = this.getNodeParameter('headerFormat', itemIndex, 'NONE') as HeaderDefinition['format'] | 'NONE';
	if (format === 'NONE') return undefined;
	if (format === 'TEXT') {
		const text = readText.call(this, 'headerContent', itemIndex, 'Header text');
		const example = String(this.getNodeParameter('headerExample', itemIndex, '') ?? '');
		return example.trim() ? { format, text, example: { text: example } } : { format, text };
	}
	const exampleLink = readText.call(this, 'headerExampleLink', itemIndex, 'Header example link').trim();
	return { format, exampleLink };
}

function formButtons(this: IExecuteFunctions, itemIndex: number): ButtonDefinition[] {
	const entries = this.getNodeParameter('templateButtons.button', itemIndex, []) as ButtonEntry[];
	return entries.map((entry, position): ButtonDefinition => {
		const text = String(entry.text ?? '');
		if (entry.type === 'URL') {
			const example = String(entry.urlExample ?? '').trim();
			return { type: 'URL', text, url: String(entry.url ?? '').trim(), ...(example ? { example } : {}) };
		}
		if (entry.type === 'PHONE_NUMBER') {
			return { type: 'PHONE_NUMBER', text, phoneNumber: `+${normaliseMobile(entry.phoneNumber, `Button ${position + 1} phone number`)}` };
		}
		return { type: 'QUICK_REPLY', text };
	});
}

/** The new template's components from the form. */
function formComponents(this: IExecuteFunctions, itemIndex: number): TemplateComponent[] {
	const definition: TemplateDefinition = {
		header: formHeader.call(this, itemIndex),
		body: {
			text: readText.call(this, 'bodyText', itemIndex, 'Body text'),
			examples: textValues(
				this.getNodeParameter('bodyExamples.example', itemIndex, []) as TextValue[],
				(position) => `Body example ${position + 1}`,
			),
		},
		footer: String(this.getNodeParameter('footerText', itemIndex, '') ?? '').trim() || undefined,
		buttons: formButtons.call(this, itemIndex),
	};
	return buildTemplateDefinition(definition);
}

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const name = checkTemplateName(readText.call(this, 'name', itemIndex, 'Template name'));
	const category = checkCategory(String(this.getNodeParameter('category', itemIndex, '')));
	const language = checkLanguage(readText.call(this, 'language', itemIndex, 'Language'));
	const mode = this.getNodeParameter('componentsMode', itemIndex, 'form') as 'form' | 'json';
	const components =
		mode === 'json'
			? parseComponentsJson(this.getNodeParameter('templateComponents', itemIndex, '[]'))
			: formComponents.call(this, itemIndex);
	checkTemplateDefinition(components);
	const response = await cunnektApiRequest.call(
		this,
		{ method: 'POST', path: ENDPOINTS.templates, body: { name, category, language, components } },
		itemIndex,
	);
	return [{ json: answerJson(response) }];
}

export const createTemplate: CunnektOperation = {
	value: 'create',
	option: { name: 'Create', action: 'Create a template', description: "Submit a new template for WhatsApp's review" },
	properties,
	execute,
};
