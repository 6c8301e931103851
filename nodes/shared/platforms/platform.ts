import type { IDataObject } from 'n8n-workflow';

import type { EndpointRef, PathTable, PlatformName } from '../endpoints';
import type { InputError } from '../errors';
import type { CampaignDraft, ReplyKind, ReplyMessage, TemplateMessage } from './message';

/**
 * What a Cunnekt platform is: its name and host, its default base URL, its path for every endpoint, and how it spells
 * each neutral message (message.ts). `replies` has one entry per reply kind, so that TypeScript asks every platform
 * about a new kind: a body, or `unsupported(...)` for a kind the platform cannot carry (refused before sending).
 */

export type ReplyOf<K extends ReplyKind> = Extract<ReplyMessage, { kind: K }>;

/** A kind this platform has no body for: the operation's name, for the refusal. */
export interface Unsupported {
	readonly unsupported: string;
}

export type ReplyBodies = { readonly [K in ReplyKind]: ((message: ReplyOf<K>) => IDataObject) | Unsupported };

export interface Platform {
	readonly name: PlatformName;
	/** How the editor names it: "Classic", "Current". */
	readonly label: string;
	/** The host of the platform's dashboard, which tells a user which platform their account is on. */
	readonly host: string;
	readonly defaultBaseUrl: string;
	/** The credential field that holds this platform's base URL. */
	readonly baseUrlField: 'baseUrl' | 'currentBaseUrl';
	readonly paths: PathTable;
	readonly replies: ReplyBodies;
	templateBody(message: TemplateMessage): Promise<IDataObject>;
	campaignBody(draft: CampaignDraft): Promise<IDataObject>;
	/** The refusal of an operation whose message kind this platform cannot carry. */
	refuse(operation: string): InputError;
}

/** Marks a reply kind the platform cannot send; `operation` names it in the refusal ("Send Address Request"). */
export function unsupported(operation: string): Unsupported {
	return { unsupported: operation };
}

/** Every message the transport sends: a reply, a template message or a campaign draft. */
export type CunnektMessage = ReplyMessage | TemplateMessage | CampaignDraft;

export interface PlatformRequest {
	method: 'POST';
	path: EndpointRef;
	body: IDataObject;
}

/** The body of a reply on a platform; a kind it cannot send is an InputError, before any request. */
export function replyBody<K extends ReplyKind>(platform: Platform, message: ReplyOf<K>): IDataObject {
	const spell = platform.replies[message.kind] as ((message: ReplyOf<K>) => IDataObject) | Unsupported;
	if ('unsupported' in spell) throw platform.refuse(spell.unsupported);
	return spell(message);
}

/** A neutral message as the platform's request: its endpoint and its body. */
export async function requestFor(platform: Platform, message: CunnektMessage): Promise<PlatformRequest> {
	switch (message.kind) {
		case 'template':
			return { method: 'POST', path: { endpoint: 'sendTemplate' }, body: await platform.templateBody(message) };
		case 'campaign':
			return { method: 'POST', path: { endpoint: 'campaigns' }, body: await platform.campaignBody(message) };
		default:
			return { method: 'POST', path: { endpoint: 'sendReply' }, body: replyBody(platform, message) };
	}
}
