import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { LIMITS } from '../../whatsapp/limits';
import { mobileProperty, readText } from '../common';
import { messageBodyProperty, readInteractive, readLimitedText, sendReply } from './shared';

const properties: INodeProperties[] = [
	mobileProperty,
	messageBodyProperty,
	{
		displayName: 'Form Button Label',
		name: 'formCta',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Fill Form',
		description: `The label of the button that opens the form (Cunnekt's "form_cta"), 1 to ${LIMITS.formCta.max} characters`,
	},
	{
		displayName: 'Form ID',
		name: 'formId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 925610928478879',
		description: "The form's ID from Cunnekt's Forms page. Only published forms can be sent.",
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['reply'], operation: ['sendForm'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	return await sendReply.call(this, itemIndex, {
		kind: 'form',
		...readInteractive.call(this, itemIndex, false),
		cta: readLimitedText.call(this, 'formCta', itemIndex, 'Form button label', LIMITS.formCta),
		formId: readText.call(this, 'formId', itemIndex, 'Form ID').trim(),
	});
}
