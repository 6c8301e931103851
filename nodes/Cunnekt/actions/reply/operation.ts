import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { PlatformName } from '../../../shared/endpoints';
import { platformsCarrying } from '../../../shared/platforms';
import type { AddressedReply, ReplyKind } from '../../../shared/platforms/message';
import { sendWithOutput } from '../common';
import type { CunnektOperation, OperationOption } from '../node.type';
import { withWindowFallback } from './windowFallback';

/**
 * What a Reply operation is: a CunnektOperation that says what it can do, so that the resource, the router and the
 * tests read everything from the one list in index.ts. A reply that sends one message is defined by how it reads
 * that message from the item; its execute (send, output, the closed-window fallback) is the same for all.
 */

export interface ReplyOperation extends CunnektOperation {
	/** Whether it shows "If the Service Window Is Closed" (windowFallback.ts). */
	readonly windowFallback: boolean;
	/** The platforms that carry its message (a platform without a body for the kind refuses it before sending). */
	readonly platforms: readonly PlatformName[];
}

export interface ReplyDefinition {
	value: string;
	option: OperationOption;
	properties: INodeProperties[];
	/** The message kind it sends (shared/platforms/message.ts). */
	kind: ReplyKind;
	/** Reads and checks the item's fields into the message; nothing is sent before it returns. */
	read(this: IExecuteFunctions, itemIndex: number): AddressedReply | Promise<AddressedReply>;
}

/** A Reply operation that sends the one message `read` builds, with "If the Service Window Is Closed". */
export function replyOperation(definition: ReplyDefinition): ReplyOperation {
	const send = withWindowFallback(sendWithOutput, definition);
	const { read, kind, ...shown } = definition;
	return {
		...shown,
		windowFallback: true,
		platforms: platformsCarrying(kind),
		async execute(this: IExecuteFunctions, itemIndex: number) {
			return await send.call(this, itemIndex, await read.call(this, itemIndex));
		},
	};
}
