import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { InputError } from '../../../shared/errors';
import { LIMITS } from '../../whatsapp/limits';
import { mobileProperty } from '../common';
import { messageBodyProperty, readInteractive, readLimitedText, sendReply } from './shared';

/**
 * WhatsApp's call button (`voice_call`): a message with a button that calls the business on WhatsApp. Needs WhatsApp
 * Business Calling on the sending number. Cunnekt lists it on its current platform.
 */

const { callButtonText, callTtlMinutes, callPayload } = LIMITS;

const properties: INodeProperties[] = [
	mobileProperty,
	{ ...messageBodyProperty, placeholder: 'e.g. Need help with your order? Call us on WhatsApp.' },
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

export const description = updateDisplayOptions(
	{ show: { resource: ['reply'], operation: ['sendCallButton'] } },
	properties,
);

function readTtlMinutes(this: IExecuteFunctions, itemIndex: number): number | undefined {
	const value = (this.getNodeParameter('callOptions', itemIndex, {}) as IDataObject).ttlMinutes;
	if (value === undefined || value === null || value === '') return undefined;
	const minutes = Number(value);
	if (!Number.isInteger(minutes) || minutes < callTtlMinutes.min || minutes > callTtlMinutes.max) {
		throw new InputError(
			`Button active for must be a whole number of minutes from ${callTtlMinutes.min} to ${callTtlMinutes.max} (30 days); WhatsApp refuses ${JSON.stringify(value)}`,
		);
	}
	return minutes;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const start = readInteractive.call(this, itemIndex, false);
	const displayText = readLimitedText.call(this, 'callOptions.displayText', itemIndex, 'Button text', callButtonText);
	const ttlMinutes = readTtlMinutes.call(this, itemIndex);
	const payload = readLimitedText.call(this, 'callOptions.payload', itemIndex, 'Payload', callPayload);
	return await sendReply.call(this, itemIndex, {
		kind: 'callButton',
		...start,
		...(displayText ? { displayText } : {}),
		...(ttlMinutes === undefined ? {} : { ttlMinutes }),
		...(payload ? { payload } : {}),
	});
}
