import type { INodeProperties } from 'n8n-workflow';

import { LIMITS } from '../../whatsapp/limits';
import { readText } from '../common';
import { interactiveProperties, readInteractive, readLimitedText } from './fields';
import { replyOperation } from './operation';

const properties: INodeProperties[] = [
	...interactiveProperties(false),
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

export const sendForm = replyOperation({
	value: 'sendForm',
	option: {
		name: 'Send Form',
		action: 'Send a reply with a form',
		description: 'Send a message with a button that opens a published WhatsApp Form (Flow)',
	},
	properties,
	kind: 'form',
	read(itemIndex) {
		return {
			kind: 'form',
			...readInteractive.call(this, itemIndex, false),
			cta: readLimitedText.call(this, 'formCta', itemIndex, 'Form button label', LIMITS.formCta),
			formId: readText.call(this, 'formId', itemIndex, 'Form ID').trim(),
		};
	},
});
