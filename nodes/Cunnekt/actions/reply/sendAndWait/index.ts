import { SEND_AND_WAIT_OPERATION } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import type { ReplyOperation } from '../operation';
import { properties } from './description';
import { sendAndWait } from './send';

/**
 * Reply → Send and Wait for Response: sends a question with native WhatsApp buttons, puts the execution to wait,
 * and resumes with the answer when the Cunnekt Trigger forwards the tap (send.ts, resume.ts). Its request is never
 * a template instead of a reply behind the user's back, so it has no "If the Service Window Is Closed": Send As
 * chooses a template openly.
 */
export const sendAndWaitOperation: ReplyOperation = {
	value: SEND_AND_WAIT_OPERATION,
	option: {
		name: 'Send and Wait for Response',
		action: 'Send message and wait for response',
		description:
			'Ask a person on WhatsApp to approve or pick an option with buttons, and pause the workflow until they tap',
	},
	properties,
	windowFallback: false,
	platforms: ['classic', 'current'],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		return await sendAndWait.call(this, itemIndex);
	},
	/** One request per execution, as n8n's send-and-wait nodes do: the first item's parameters; one wait. */
	async executeAllItems(this: IExecuteFunctions) {
		return await sendAndWait.call(this, 0);
	},
};
