import type { INodeProperties } from 'n8n-workflow';

import { checkMessageId } from '../../whatsapp/limits';
import { checkReactionEmoji } from '../../whatsapp/reaction';
import { mobileProperty, readRecipient, readText } from '../common';
import { messageIdProperty } from './fields';
import { replyOperation } from './operation';

/**
 * WhatsApp's reaction: an emoji on a message the customer sent; an empty emoji removes the reaction. WhatsApp
 * reports only its "sent" status, never delivered or read. Cunnekt's current platform only.
 */

const properties: INodeProperties[] = [
	mobileProperty,
	messageIdProperty("WhatsApp's ID of the customer's message to react to"),
	{
		displayName: 'Emoji',
		name: 'emoji',
		type: 'string',
		default: '',
		placeholder: 'e.g. 👍',
		description: 'One emoji. Leave empty to remove the reaction you sent to this message.',
	},
];

export const sendReaction = replyOperation({
	value: 'sendReaction',
	option: {
		name: 'Send Reaction',
		action: 'React to a message with an emoji',
		description: "Put an emoji on a customer's message, or remove it (Cunnekt's current platform only)",
	},
	properties,
	kind: 'reaction',
	read(itemIndex) {
		const to = readRecipient.call(this, itemIndex);
		const messageId = checkMessageId(readText.call(this, 'messageId', itemIndex, 'Message ID', false));
		const emoji = checkReactionEmoji(readText.call(this, 'emoji', itemIndex, 'Emoji', false));
		return { kind: 'reaction', to, messageId, emoji };
	},
});
