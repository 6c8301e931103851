import type { IExecuteFunctions } from 'n8n-workflow';

import type { TemplateMessage } from '../../../shared/platforms/message';
import { readTemplateId } from './locator';
import { templateRef } from './lookup';
import { readTemplateComponents } from './values';

/**
 * A template message read from the item's template fields (the Template locator and its values: Template's Fields,
 * Form or JSON), checked against the template before anything is sent (common.ts sends it). Template Message → Send
 * uses it, and so does every operation that can send a template in place of a free-form message.
 */
export async function readTemplateMessage(
	this: IExecuteFunctions,
	itemIndex: number,
	mobile: string,
	overridebot?: 'yes' | 'no',
): Promise<TemplateMessage> {
	const templateKey = readTemplateId.call(this, itemIndex);
	const components = await readTemplateComponents.call(this, itemIndex, templateKey);
	return {
		kind: 'template',
		to: mobile,
		template: templateRef.call(this, templateKey, itemIndex),
		components,
		...(overridebot ? { overridebot } : {}),
	};
}
