import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { sendMessage } from '../../shared/transport';
import type { TemplateMessage } from '../../shared/platforms/message';
import { sendOutput } from './common';
import { readTemplateId } from './pickers';
import { templateRef } from './templateLookup';
import { readTemplateComponents } from './templateParameterValues';

/**
 * A template message read from the item's template fields (the Template locator and its values: Template's Fields,
 * Form or JSON), checked against the template before anything is sent. Template Message → Send uses it, and so does
 * every operation that can send a template in place of a free-form message.
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

/** Sends a template message read by readTemplateMessage on the credential's platform; the output every send has. */
export async function sendTemplateMessage(
	this: IExecuteFunctions,
	itemIndex: number,
	message: TemplateMessage,
): Promise<INodeExecutionData[]> {
	const response = await sendMessage.call(this, message, itemIndex);
	return sendOutput(message.to, response);
}
