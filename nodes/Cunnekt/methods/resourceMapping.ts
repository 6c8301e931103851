import { NodeOperationError } from 'n8n-workflow';
import type { ILoadOptionsFunctions, ResourceMapperField, ResourceMapperFields } from 'n8n-workflow';

import { findTemplate, templateNotListed } from '../actions/templateFields/lookup';
import { templateExpectations } from '../whatsapp/templateExpectations';

/**
 * The fields of the template chosen in the Template locator, for n8n's resource mapper: one per body variable
 * (positional and named), the header's variable or media link, each URL button's suffix, each quick reply's payload
 * and each carousel card's media. Required fields are the ones WhatsApp refuses a send without.
 */
export async function getTemplateFields(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	const templateId = String(this.getNodeParameter('templateId', '', { extractValue: true }) ?? '').trim();
	if (templateId === '') return { fields: [], emptyFieldsNotice: 'Choose a template to see its fields' };
	const template = await findTemplate.call(this, templateId);
	if (!template) {
		const missing = templateNotListed(templateId);
		throw new NodeOperationError(this.getNode(), missing.message, { description: missing.description });
	}
	const expectations = templateExpectations(template);
	const fields: ResourceMapperField[] = expectations.slots.map((slot) => ({
		id: slot.id,
		// The mapper shows no description per field and cuts long labels: a short label, and the template's text in
		// a read-only field above the variables it holds (templateExpectations.ts).
		displayName: slot.label,
		required: slot.required,
		defaultMatch: false,
		canBeUsedToMatch: false,
		display: true,
		type: 'string',
		...(slot.kind === 'templateText' ? { readOnly: true, defaultValue: slot.text } : {}),
	}));
	if (fields.length > 0) return { fields };
	return {
		fields,
		emptyFieldsNotice: `Template ${expectations.label} has no variables: it is sent as it is`,
	};
}
