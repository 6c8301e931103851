import type { IDataObject } from 'n8n-workflow';

/** The contract's shapes (docs/api-contract.md). Only what the nodes read or build is typed. */

export interface TemplateComponent extends IDataObject {
	type: string;
}

/** A send answer as the sandbox gives it; Cunnekt documents none, so everything is optional. */
export interface SendResponse extends IDataObject {
	messaging_product?: string;
	contacts?: Array<{ input?: string; wa_id?: string; user_id?: string }>;
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
