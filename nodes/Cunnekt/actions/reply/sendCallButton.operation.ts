import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkWholeNumber, LIMITS } from '../../whatsapp/limits';
import { interactiveProperties, readInteractive, readLimitedText } from './fields';
import { replyOperation } from './operation';

/**
 * WhatsApp's call button (`voice_call`): a message with a button that calls the business on WhatsApp. Needs WhatsApp
 * Business Calling on the sending number. Cunnekt lists it on its current platform.
 */

const { callButtonText, callTtlMinutes, callPayload } = LIMITS;

const properties: INodeProperties[] = [
	...interactiveProperties(false, { body: { placeholder: 'e.g. Need help with your order? Call us on WhatsApp.' } }),
	{
		displayName: 'Options',
		name: 'callOptions',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Button Text',
				name: 'displayText',
				type: 'string',
				default: '',
				placeholder: 'e.g. Call Support',
				description: `The button's label, at most ${callButtonText.max} characters. WhatsApp shows "Call Now" when empty.`,
			},
			{
				displayName: 'Button Active For (Minutes)',
				name: 'ttlMinutes',
				type: 'number',
				typeOptions: { minValue: callTtlMinutes.min, maxValue: callTtlMinutes.max },
				default: 10080,
				description: `How long the button can be tapped, ${callTtlMinutes.min} to ${callTtlMinutes.max} minutes (30 days). WhatsApp's default is 10080 (7 days).`,
			},
			{
				displayName: 'Payload',
				name: 'payload',
				type: 'string',
				default: '',
				placeholder: 'e.g. order-1042',
				description: `Your own text, at most ${callPayload.max} characters, returned with the call's webhooks to tell which message started it`,
			},
		],
	},
];

function readTtlMinutes(this: IExecuteFunctions, itemIndex: number): number | undefined {
	const value = (this.getNodeParameter('callOptions', itemIndex, {}) as IDataObject).ttlMinutes;
	if (value === undefined || value === null || value === '') return undefined;
	return checkWholeNumber(value, 'Button active for', callTtlMinutes, 'minutes', '30 days');
}

export const sendCallButton = replyOperation({
	value: 'sendCallButton',
	option: {
		name: 'Send Call Button',
		action: 'Send a reply with a call button',
		description: "Send a message with a button that calls you on WhatsApp (Cunnekt's current platform only)",
	},
	properties,
	kind: 'callButton',
	read(itemIndex) {
		const start = readInteractive.call(this, itemIndex, false);
		const displayText = readLimitedText.call(this, 'callOptions.displayText', itemIndex, 'Button text', callButtonText);
		const ttlMinutes = readTtlMinutes.call(this, itemIndex);
		const payload = readLimitedText.call(this, 'callOptions.payload', itemIndex, 'Payload', callPayload);
		return {
			kind: 'callButton',
			...start,
			...(displayText ? { displayText } : {}),
			...(ttlMinutes === undefined ? {} : { ttlMinutes }),
			...(payload ? { payload } : {}),
		};
	},
});
