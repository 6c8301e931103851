import type { Json } from '../shared/values';
import type { Disposition, FailureFields } from '../shared/whatsappErrors';

/**
 * The events the trigger makes of a webhook payload (normalise.ts), one item each. Every event keeps what it was
 * made from under `raw`, for the user; the trigger's own steps read only the typed fields.
 */

/** One WhatsApp error as an item shows it, with what the code means and what to do next (docs/errors.md). */
export type ErrorDetail = {
	code: number | string | null;
	title: string | null;
	message: string | null;
	details: string | null;
	explanation: string | null;
	disposition: Disposition;
};

export type MediaInfo = { id: string | null; mimeType: string | null; sha256: string | null; fileName: string | null };

export type ReplyInfo = {
	type: 'button' | 'list' | 'quick_reply';
	id: string | null;
	title: string | null;
	description: string | null;
	payload: string | null;
};

export type MessageEvent = {
	event: 'message';
	messageId: string | null;
	/** The customer's phone number; null for a customer WhatsApp shows by username only. */
	from: string | null;
	contactName: string | null;
	waId: string | null;
	/** The customer's business-scoped user id (BSUID, `IN.1349…`), null when the payload has none. */
	userId: string | null;
	/** The parent BSUID (`IN.ENT.…`) of linked business portfolios, or null. */
	parentUserId: string | null;
	username: string | null;
	/** The address a Reply to this customer uses: the phone number when there is one, otherwise the BSUID. */
	replyTo: string | null;
	timestamp: string | null;
	timestampUnix: number | null;
	businessPhoneNumberId: string | null;
	businessDisplayNumber: string | null;
	/** WhatsApp's message type as received (`text`, `image`, `interactive`, `button`, … or one this code never heard of). */
	type: string;
	/**
	 * Only on an `interactive` message: what it answers, as WhatsApp's `interactive.type` names it (`button_reply`,
	 * `list_reply`, `nfm_reply`, …); null when the message says nothing.
	 */
	interactiveType?: string | null;
	text?: string;
	caption?: string;
	media?: MediaInfo;
	reply?: ReplyInfo;
	/** A WhatsApp Flow answer (`nfm_reply`): its `response_json`, parsed. */
	form?: Json | null;
	location?: { latitude: number | null; longitude: number | null; name: string | null; address: string | null; url: string | null };
	contacts?: unknown[];
	reaction?: { messageId: string | null; emoji: string | null };
	/** The earlier message this one answers. */
	context?: { messageId: string; from: string | null };
	errors?: ErrorDetail[];
	/** The message time plus 24 hours: until then the business may reply freely. */
	serviceWindowExpiresAt: string | null;
	raw: Json;
};

export type StatusEvent = {
	event: 'status';
	status: string;
	messageId: string | null;
	/** The phone number it was sent to; null when WhatsApp gives only the BSUID. */
	recipient: string | null;
	recipientUserId: string | null;
	recipientParentUserId: string | null;
	/** The address to write to this customer: the phone number when there is one, otherwise the BSUID. */
	replyTo: string | null;
	timestamp: string | null;
	timestampUnix: number | null;
	businessPhoneNumberId: string | null;
	businessDisplayNumber: string | null;
	conversation: { id: string | null; category: string | null; expiresAt: string | null } | null;
	/** What WhatsApp charges for the message: its category, whether it is billed, the pricing model, the price type. */
	pricing: { billable: boolean | null; pricingModel: string | null; category: string | null; type: string | null } | null;
	errors?: ErrorDetail[];
	/** On a failed status with 131047: the message was refused because the 24-hour service window was closed. */
	windowClosed?: true;
	raw: Json;
} & Partial<FailureFields>;

/** An error WhatsApp reports for the whole payload (`errors` beside `messages` and `statuses`). */
export type ErrorEvent = {
	event: 'error';
	/** When it happened, if the error says (WhatsApp's usually do not); null otherwise. */
	timestamp: string | null;
	timestampUnix: number | null;
	businessPhoneNumberId: string | null;
	businessDisplayNumber: string | null;
	raw: Json;
} & ErrorDetail;

/** WhatsApp's `message_template_status_update`: a template approved, rejected, paused, disabled, … */
export type TemplateStatusEvent = {
	event: 'templateStatus';
	templateId: string | null;
	templateName: string | null;
	language: string | null;
	/** The template's new status as WhatsApp names it: APPROVED, REJECTED, PAUSED, DISABLED, … */
	status: string;
	/** Why, when WhatsApp says (a rejection's reason); null for "NONE". */
	reason: string | null;
	/** The WhatsApp Business Account the template belongs to (the envelope's entry id). */
	businessAccountId: string | null;
	timestamp: string | null;
	timestampUnix: number | null;
	/** Templates belong to the account, not to one number: these stay null. */
	businessPhoneNumberId: null;
	businessDisplayNumber: null;
	raw: Json;
};

export type TriggerEvent = MessageEvent | StatusEvent | ErrorEvent | TemplateStatusEvent;
