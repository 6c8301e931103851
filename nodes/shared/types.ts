import type { IDataObject } from 'n8n-workflow';

/** The contract's shapes (docs/api-contract.md). Only what the nodes read or build is typed. */

export interface TemplateComponent extends IDataObject {
	type: string;
}

export interface SendTemplateBody extends IDataObject {
	mobile: string;
	templateid: string;
	template?: { components: TemplateComponent[] };
	overridebot?: 'yes' | 'no';
}

export interface ReplyBody extends IDataObject {
	mobile: string;
	type: 'text' | 'button' | 'list' | 'flow' | 'image' | 'video' | 'document' | 'audio' | 'cta_url';
}

/** An interactive reply's optional header: Cunnekt takes text only. */
export interface TextHeader extends IDataObject {
	type: 'text';
	text: string;
}

/** One reply button of `type:"button"`. */
export interface ReplyButton extends IDataObject {
	type: 'reply';
	reply: { id: string; title: string };
}

/** One row of `type:"list"`. */
export interface ListRow extends IDataObject {
	id: string;
	title: string;
	description?: string;
}

/** A send answer as the sandbox gives it; Cunnekt documents none, so everything is optional. */
export interface SendResponse extends IDataObject {
	messaging_product?: string;
	contacts?: Array<{ input?: string; wa_id?: string }>;
	messages?: Array<{ id?: string }>;
}

/** A template as `GET /templates` lists it (Meta's shape, with Cunnekt's id). */
export interface CunnektTemplate extends IDataObject {
	id: string;
	name: string;
	language?: string;
	status?: string;
	category?: string;
	components?: TemplateComponent[];
}

export interface CunnektCampaign extends IDataObject {
	id: string;
	name: string;
	status?: string;
	templateid?: string;
}
