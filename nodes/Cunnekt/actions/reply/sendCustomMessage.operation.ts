import type { INodeProperties } from 'n8n-workflow';

import { checkCustomMessage } from '../../whatsapp/customMessage';
import { mobileProperty, readRecipient } from '../common';
import { replyOperation } from './operation';

/**
 * Any WhatsApp Cloud API message body the user writes, for the message types Cunnekt carries that the node does not
 * name (a text with a link preview, a quoted reply with `context`, …). The node adds the envelope and the recipient
 * and sends it like every reply (whatsapp/customMessage.ts). Cunnekt's current platform only.
 */

const properties: INodeProperties[] = [
	mobileProperty,
	{
		displayName: 'Message (JSON)',
		name: 'messageJson',
		type: 'json',
		required: true,
		default: '{\n  "type": "text",\n  "text": { "preview_url": true, "body": "Our new catalogue: https://example.com/catalogue" }\n}',
		description:
			'The message as WhatsApp\'s Cloud API defines it: its "type" and the object of that name (e.g. "location": {…}), optionally "context" to quote a message. Leave out messaging_product, recipient_type and "to": the node adds them from the Recipient field.',
		hint: "Meta's WhatsApp Cloud API pages show a body for every message type",
	},
];

export const sendCustomMessage = replyOperation({
	value: 'sendCustomMessage',
	option: {
		name: 'Send Custom Message (JSON)',
		action: 'Send a custom message from JSON',
		description: "Send any WhatsApp Cloud API message body you write (Cunnekt's current platform only)",
	},
	properties,
	kind: 'custom',
	read(itemIndex) {
		const to = readRecipient.call(this, itemIndex);
		return { kind: 'custom', to, content: checkCustomMessage(this.getNodeParameter('messageJson', itemIndex, '')) };
	},
});
