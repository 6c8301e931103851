import { SEND_AND_WAIT_OPERATION } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';

import type { CunnektResourceModule } from '../node.type';
import * as sendAddressRequest from './sendAddressRequest.operation';
import * as sendAndWait from './sendAndWait.operation';
import * as sendButtons from './sendButtons.operation';
import * as sendCallButton from './sendCallButton.operation';
import * as sendCtaUrl from './sendCtaUrl.operation';
import * as sendForm from './sendForm.operation';
import * as sendList from './sendList.operation';
import * as sendMedia from './sendMedia.operation';
import * as sendText from './sendText.operation';
import { windowFallbackProperties } from './windowFallback';

const operationPicker: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['reply'] } },
	options: [
		{
			name: 'Send Address Request',
			value: 'sendAddressRequest',
			action: 'Send a reply asking for a delivery address',
			description: "Send a form for the customer's address in India (Cunnekt's current platform only)",
		},
		{
			name: 'Send and Wait for Response',
			value: SEND_AND_WAIT_OPERATION,
			action: 'Send message and wait for response',
			description:
				'Ask a person on WhatsApp to approve or pick an option with buttons, and pause the workflow until they tap',
		},
		{
			name: 'Send Audio',
			value: 'sendAudio',
			action: 'Send an audio reply',
			description: 'Send an audio file from a link',
		},
		{
			name: 'Send Buttons',
			value: 'sendButtons',
			action: 'Send a reply with buttons',
			description: 'Send a message with up to 3 reply buttons',
		},
		{
			name: 'Send Call Button',
			value: 'sendCallButton',
			action: 'Send a reply with a call button',
			description: "Send a message with a button that calls you on WhatsApp (Cunnekt's current platform only)",
		},
		{
			name: 'Send CTA URL',
			value: 'sendCtaUrl',
			action: 'Send a reply with a link button',
			description: 'Send a message with one button that opens a link',
		},
		{
			name: 'Send Document',
			value: 'sendDocument',
			action: 'Send a document reply',
			description: 'Send a document (PDF, spreadsheet, …) from a link',
		},
		{
			name: 'Send Form',
			value: 'sendForm',
			action: 'Send a reply with a form',
			description: 'Send a message with a button that opens a published WhatsApp Form (Flow)',
		},
		{
			name: 'Send Image',
			value: 'sendImage',
			action: 'Send an image reply',
			description: 'Send an image from a link',
		},
		{
			name: 'Send List',
			value: 'sendList',
			action: 'Send a reply with a list',
			description: 'Send a message with a list of up to 10 options',
		},
		{
			name: 'Send Text',
			value: 'sendText',
			action: 'Send a text reply',
			description: 'Send plain text within the 24-hour service window',
		},
		{
			name: 'Send Video',
			value: 'sendVideo',
			action: 'Send a video reply',
			description: 'Send a video from a link',
		},
	],
	default: 'sendText',
};

const mediaOperations = Object.fromEntries(sendMedia.mediaOperations.map((operation) => [operation, sendMedia]));

export const reply: CunnektResourceModule = {
	description: [
		operationPicker,
		...sendText.description,
		...sendButtons.description,
		...sendList.description,
		...sendForm.description,
		...sendMedia.description,
		...sendCtaUrl.description,
		...sendAddressRequest.description,
		...sendCallButton.description,
		...sendAndWait.description,
		...windowFallbackProperties([
			'sendText',
			'sendButtons',
			'sendList',
			'sendForm',
			'sendCtaUrl',
			'sendAddressRequest',
			'sendCallButton',
			...sendMedia.mediaOperations,
		]),
	],
	operations: {
		[SEND_AND_WAIT_OPERATION]: sendAndWait,
		sendText,
		sendButtons,
		sendList,
		sendForm,
		sendCtaUrl,
		sendAddressRequest,
		sendCallButton,
		...mediaOperations,
	},
};
