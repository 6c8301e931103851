import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { platformsCarrying } from '../../../shared/platforms';
import type { ReadReceipt } from '../../../shared/platforms/message';
import { sendMessage } from '../../../shared/transport';
import { checkMessageId } from '../../whatsapp/limits';
import { answerJson, readText } from '../common';
import { messageIdProperty } from './fields';
import type { ReplyOperation } from './operation';

/**
 * Marks a message the customer sent as read (blue ticks), optionally showing "typing…" until the next reply or for
 * up to 25 seconds (Meta's typing indicators page). It is about a message and goes to nobody, so it has no
 * recipient and no "If the Service Window Is Closed": WhatsApp marks messages read without a window, and there is no
 * one to send a template to. Its own ReplyOperation, since replyOperation() sends addressed messages.
 */

const properties: INodeProperties[] = [
	messageIdProperty("WhatsApp's ID of the customer's message to mark as read; earlier messages are marked read with it"),
	{
		displayName: 'Show Typing Indicator',
		name: 'typingIndicator',
		type: 'boolean',
		default: false,
		description:
			'Whether the customer sees "typing…" until your next reply or for up to 25 seconds, e.g. while an AI agent composes the answer. Turn it on only when an answer follows.',
	},
];

export const markAsRead: ReplyOperation = {
	value: 'markAsRead',
	option: {
		name: 'Mark as Read',
		action: 'Mark a message as read',
		description: "Show the customer their message was read, optionally with typing… (Cunnekt's current platform only)",
	},
	properties,
	windowFallback: false,
	platforms: platformsCarrying('markRead'),
	/** The item: the message marked read, whether "typing…" shows, then WhatsApp's answer ({success: true}). */
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const receipt: ReadReceipt = {
			kind: 'markRead',
			messageId: checkMessageId(readText.call(this, 'messageId', itemIndex, 'Message ID', false)),
			typingIndicator: this.getNodeParameter('typingIndicator', itemIndex, false) === true,
		};
		const answer = await sendMessage.call(this, receipt, itemIndex);
		return [{ json: { messageId: receipt.messageId, typingIndicator: receipt.typingIndicator, ...answerJson(answer) } }];
	},
};
