import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { ENDPOINTS } from '../../../../shared/endpoints';
import { checkTemplateName, normaliseMobile } from '../../../whatsapp/limits';
import { parseComponentsJson } from '../../../whatsapp/templateComponents';
import type { TextValue } from '../../../whatsapp/templateComponents';
import {
	buildTemplateDefinition,
	checkCategory,
	checkLanguage,
	checkTemplateDefinition,
} from '../../../whatsapp/templateDefinition';
import type { ButtonDefinition, HeaderDefinition, TemplateDefinition } from '../../../whatsapp/templateDefinition';
import { cunnektApiRequest } from '../../../../shared/transport';
import type { TemplateComponent } from '../../../../shared/types';
import { answerJson, readText } from '../../common';
import { textValues } from '../../templateFields/values';
import type { CunnektOperation } from '../../node.type';
import { properties } from './fields';

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
