import type { IDataObject } from 'n8n-workflow';

import type { TemplateComponent } from '../types';

/**
 * What to send, as the operations read it from their fields, before any platform spells it: classic.ts and current.ts
 * turn a message into their platform's body, and the transport sends it (platforms/platform.ts). Every value here has already passed WhatsApp's checks.
 */

/**
 * Who a message goes to: a phone number (country code and number, digits), or a WhatsApp business-scoped user ID
 * (BSUID, `IN.13491208655302741918`, or a parent BSUID `IN.ENT.…`) for a customer who writes with a username and may
 * have no phone number the business knows. `field` names where the item gave it, for a platform's refusal.
 */
export type Recipient =
	| { kind: 'phone'; phone: string; field: string }
	| { kind: 'userId'; userId: string; field: string };

/** The recipient as text: the phone number's digits, or the BSUID. */
export function addressOf(recipient: Recipient): string {
	return recipient.kind === 'phone' ? recipient.phone : recipient.userId;
}

/** The media a reply can carry (a template header takes image, video or document: whatsapp/templateComponents.ts). */
export type ReplyMediaType = 'image' | 'video' | 'document' | 'audio';

export interface ReplyButtonEntry {
	id: string;
	title: string;
}

export interface ListRowEntry {
	id: string;
	title: string;
	description?: string;
}

/** Fields a customer's address form can arrive prefilled with (WhatsApp's `address_message` values, India). */
export type AddressValues = Record<string, string>;

/**
 * A contact card (vCard) as WhatsApp's contacts message holds it: the formatted name required, every other part
 * optional and in WhatsApp's own words (`phones[].wa_id`, `org.company`, …), so a card given as JSON goes as it is.
 */
export interface ContactCard extends IDataObject {
	name: IDataObject & { formatted_name: string };
}

/** A message to the customer: every reply but a read receipt has a recipient. */
export type AddressedReply =
	| { kind: 'text'; to: Recipient; text: string }
	| { kind: 'media'; to: Recipient; mediaType: ReplyMediaType; link: string; caption?: string; fileName?: string }
	| { kind: 'buttons'; to: Recipient; header?: string; body: string; buttons: ReplyButtonEntry[] }
	| { kind: 'list'; to: Recipient; header?: string; body: string; button: string; rows: ListRowEntry[] }
	| { kind: 'form'; to: Recipient; body: string; cta: string; formId: string }
	| { kind: 'ctaUrl'; to: Recipient; body: string; buttonText: string; url: string }
	| { kind: 'addressRequest'; to: Recipient; body: string; values?: AddressValues }
	| { kind: 'callButton'; to: Recipient; body: string; displayText?: string; ttlMinutes?: number; payload?: string }
	| { kind: 'location'; to: Recipient; latitude: number; longitude: number; name?: string; address?: string }
	| { kind: 'locationRequest'; to: Recipient; body: string }
	| { kind: 'contacts'; to: Recipient; contacts: ContactCard[] }
	| { kind: 'sticker'; to: Recipient; link: string }
	/** An empty emoji removes the reaction. */
	| { kind: 'reaction'; to: Recipient; messageId: string; emoji: string }
	/** A message body the user wrote, without the envelope (messaging_product, recipient, recipient_type). */
	| { kind: 'custom'; to: Recipient; content: IDataObject & { type: string } };

/**
 * That a message the customer sent has been read (blue ticks), optionally with "typing…" until the answer comes:
 * about a message, to nobody, so it has no recipient.
 */
export interface ReadReceipt {
	kind: 'markRead';
	messageId: string;
	typingIndicator: boolean;
}

export type ReplyMessage = AddressedReply | ReadReceipt;

export type ReplyKind = ReplyMessage['kind'];

/** A template as both platforms need it: the classic one by id, the current one by name and language. */
export interface TemplateIdentity {
	id: string;
	name: string;
	language: string;
}

/**
 * The template a message sends, as far as the item named it, and how to look up the rest (the template list, read
 * at most once per execution). A platform calls `resolve` only when it needs what the item did not give.
 */
export interface TemplateRef {
	id?: string;
	name?: string;
	language?: string;
	resolve(): Promise<TemplateIdentity>;
}

export interface TemplateMessage {
	kind: 'template';
	to: Recipient;
	template: TemplateRef;
	components: TemplateComponent[];
	/** Cunnekt's classic "overridebot"; the current platform has no such field. */
	overridebot?: 'yes' | 'no';
}

export interface CampaignRecipient {
	to: Recipient;
	components: TemplateComponent[];
}

export interface CampaignDraft {
	kind: 'campaign';
	name: string;
	template: TemplateRef;
	recipients: CampaignRecipient[];
}
