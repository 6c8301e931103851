import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { ENDPOINTS } from '../../shared/endpoints';
import { cunnektApiRequest } from '../../shared/transport';
import type { SendTemplateBody } from '../../shared/types';
import { sendOutput } from './common';
import { readTemplateId } from './pickers';
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
): Promise<SendTemplateBody> {
	const templateid = readTemplateId.call(this, itemIndex);
	const components = await readTemplateComponents.call(this, itemIndex, templateid);
	const body: SendTemplateBody = { mobile, templateid };
	if (overridebot) body.overridebot = overridebot;
	if (components.length > 0) body.template = { components };
	return body;
}

/** Sends a template message read by readTemplateMessage; the output every send has. */
export async function sendTemplateMessage(
	this: IExecuteFunctions,
	itemIndex: number,
	body: SendTemplateBody,
): Promise<INodeExecutionData[]> {
	const response = await cunnektApiRequest.call(this, { method: 'POST', path: ENDPOINTS.sendTemplate, body }, itemIndex);
	return sendOutput(body.mobile, response);
}
