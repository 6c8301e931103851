/** The sandbox's webhook sender (sandbox/webhook-sender.js) and what it posts (sandbox/webhooks.js), typed for tests. */
import type { Sandbox } from './sandbox';

export interface Delivery {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	/** What the trigger answered. */
	body: string;
	/** The text that was posted. */
	payload: string;
}

export interface DeliveryOptions {
	query?: Record<string, string>;
	headers?: Record<string, string>;
	contentType?: string;
	/** Signs the body with X-Hub-Signature-256. */
	appSecret?: string;
	/** Signs it with another secret instead. */
	wrongSignature?: boolean;
	/** Wraps the `value` in WhatsApp's envelope. */
	envelope?: boolean;
}

export interface MessageOptions extends DeliveryOptions {
	from?: string;
	name?: string;
	id?: string;
	/** The message time, in ms. */
	at?: number;
	context?: { id: string; from?: string };
	text?: string;
	title?: string;
	replyId?: string;
	description?: string;
	payload?: string;
	form?: Record<string, unknown>;
	caption?: string;
	fileName?: string;
	mimeType?: string;
	mediaId?: string;
	reactTo?: string;
	emoji?: string;
	content?: Record<string, unknown>;
	/** The customer's BSUID, parent BSUID and username, as WhatsApp's webhooks carry them. */
	userId?: string;
	parentUserId?: string;
	username?: string;
	/** A customer with a username and no phone number: no `from`, no `wa_id`. */
	withoutPhone?: boolean;
}

/** Whom a status names besides (or instead of) the number: the recipient's BSUID; withoutPhone: no number. */
export interface StatusRecipientOptions {
	userId?: string;
	withoutPhone?: boolean;
}

export type WhatsAppValue = Record<string, unknown> & {
	messages?: Array<Record<string, unknown>>;
	statuses?: Array<Record<string, unknown>>;
};

export interface WebhookSender {
	deliveries: Array<{ url: string; headers: Record<string, string>; payload: string; status: number; response: string }>;
	deliver(url: string, payload: string | Buffer | object, options?: DeliveryOptions): Promise<Delivery>;
	message(url: string, type?: string, options?: MessageOptions): Promise<Delivery & { messageId: string; value: WhatsAppValue }>;
	statuses(
		url: string,
		messageId: string,
		options?: DeliveryOptions & StatusRecipientOptions & { outcome?: 'read' | 'failed'; at?: number },
	): Promise<Delivery[]>;
	batch(
		url: string,
		events: {
			messages?: Array<MessageOptions & { type: string }>;
			statuses?: Array<StatusRecipientOptions & { messageId: string; status?: string }>;
		},
		options?: DeliveryOptions,
	): Promise<Delivery & { messageIds: string[]; value: WhatsAppValue }>;
	retry(): Promise<Delivery>;
	seed(url: string, name: SeedSample, options?: DeliveryOptions): Promise<Delivery>;
}

export type SeedSample = 'text' | 'buttonReply' | 'listReply' | 'document' | 'image' | 'sent' | 'delivered' | 'read';

export const webhooks = require('../../sandbox/webhooks') as {
	SEED_WEBHOOKS: Record<SeedSample, string>;
	BUSINESS: { display_phone_number: string; phone_number_id: string };
	inboundMessage(
		type?: string,
		options?: MessageOptions,
	): { value: WhatsAppValue; message: Record<string, unknown>; messageId: string; from?: string; userId?: string; address: string };
	batchValue(values: WhatsAppValue[]): WhatsAppValue;
	envelope(values: WhatsAppValue[], wabaId?: string): Record<string, unknown>;
	sign(body: string | Buffer, appSecret: string): string;
	mediaBytes(type: string, messageId: string): Buffer;
};

/** The sender a sandbox carries (registered with its control routes). */
export function senderOf(sandbox: Sandbox): WebhookSender {
	return sandbox.webhooks as WebhookSender;
}
