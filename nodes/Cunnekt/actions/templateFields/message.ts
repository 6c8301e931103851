import type { IExecuteFunctions } from 'n8n-workflow';

import type { Recipient, TemplateMessage } from '../../../shared/platforms/message';
import { checkTemplateRecipient } from '../../whatsapp/recipient';
import { readTemplateId } from './locator';
import { listedTemplate, templateRef } from './lookup';
import { readTemplateComponents } from './values';

/**
 * A template message read from the item's template fields (the Template locator and its values: Template's Fields,
 * Form or JSON), checked against the template before anything is sent (common.ts sends it). Template Message → Send
 * uses it, and so does every operation that can send a template in place of a free-form message.
 */
export async function readTemplateMessage(
	this: IExecuteFunctions,
	itemIndex: number,
	to: Recipient,
	overridebot?: 'yes' | 'no',
): Promise<TemplateMessage> {
	const templateKey = readTemplateId.call(this, itemIndex);
	const components = await readTemplateComponents.call(this, itemIndex, templateKey);
	if (to.kind === 'userId') {
		// Only a BSUID needs the template's category: a phone number takes every template.
		const listed = await listedTemplate.call(this, templateKey, itemIndex);
		if (listed) checkTemplateRecipient(listed, to);
	}
	return {
		kind: 'template',
		to,
		template: templateRef.call(this, templateKey, itemIndex),
		components,
		...(overridebot ? { overridebot } : {}),
	};
}
