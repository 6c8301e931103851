import { defineResource } from '../resource';
import { markAsRead } from './markAsRead.operation';
import type { ReplyOperation } from './operation';
import { requestLocation } from './requestLocation.operation';
import { sendAddressRequest } from './sendAddressRequest.operation';
import { sendAndWaitOperation } from './sendAndWait';
import { sendButtons } from './sendButtons.operation';
import { sendCallButton } from './sendCallButton.operation';
import { sendContacts } from './sendContacts.operation';
import { sendCtaUrl } from './sendCtaUrl.operation';
import { sendCustomMessage } from './sendCustomMessage.operation';
import { sendForm } from './sendForm.operation';
import { sendList } from './sendList.operation';
import { sendLocation } from './sendLocation.operation';
import { mediaOperations } from './sendMedia.operation';
import { sendReaction } from './sendReaction.operation';
import { sendSticker } from './sendSticker.operation';
import { sendText } from './sendText.operation';
import { windowFallbackProperties } from './windowFallback';

/**
 * Every Reply operation, the one list: the Operation picker, the fields, the router and the tests all read it, and
 * "If the Service Window Is Closed" shows for each operation that has it.
 */
export const replyOperations: readonly ReplyOperation[] = [
	sendText,
	sendButtons,
	sendList,
	sendForm,
	...mediaOperations,
	sendCtaUrl,
	sendAddressRequest,
	sendCallButton,
	sendLocation,
	requestLocation,
	sendContacts,
	sendReaction,
	sendSticker,
	markAsRead,
	sendCustomMessage,
	sendAndWaitOperation,
];

export const reply = defineResource(
	'reply',
	replyOperations,
	'sendText',
	windowFallbackProperties(replyOperations.filter((operation) => operation.windowFallback)),
);
