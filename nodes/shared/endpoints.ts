/**
 * Every Cunnekt path the package calls, per platform, in one table each (docs/current-platform.md says where each
 * comes from). A path that turns out different is a one-line change here, or for a user the credential's Endpoint
 * Paths section. `{id}` stands for the template's or campaign's id.
 */

export type Platform = 'classic' | 'current';

export type EndpointName =
	| 'sendReply'
	| 'sendTemplate'
	| 'mediaFile'
	| 'templates'
	| 'templateSync'
	| 'template'
	| 'campaigns'
	| 'campaign'
	| 'campaignLaunch';

/** Which endpoint a request calls, and the id its path carries; the platform's table turns it into a path. */
export interface EndpointRef {
	endpoint: EndpointName;
	id?: string;
}

export type PathTable = Record<EndpointName, string>;

export const CLASSIC_PATHS: PathTable = {
	sendReply: '/sendreplymessage',
	sendTemplate: '/sendnotification',
	mediaFile: '/getmediafile',
	templates: '/templates',
	templateSync: '/templates/sync',
	template: '/templates/{id}',
	campaigns: '/campaigns',
	campaign: '/campaigns/{id}',
	campaignLaunch: '/campaigns/{id}/launch',
};

/** On app.cunnekt.com only the reply path is published; see PATH_SOURCES for the others. */
export const CURRENT_PATHS: PathTable = {
	sendReply: '/api/v1/whatsapp/replymessage',
	sendTemplate: '/restapi/v1/whatsapp/sendtemplate',
	mediaFile: '/restapi/v1/whatsapp/getmediafile',
	templates: '/restapi/v1/whatsapp/templates',
	templateSync: '/restapi/v1/whatsapp/templates/sync',
	template: '/restapi/v1/whatsapp/templates/{id}',
	campaigns: '/restapi/v1/whatsapp/campaigns',
	campaign: '/restapi/v1/whatsapp/campaigns/{id}',
	campaignLaunch: '/restapi/v1/whatsapp/campaigns/{id}/launch',
};

export const PATHS: Readonly<Record<Platform, PathTable>> = { classic: CLASSIC_PATHS, current: CURRENT_PATHS };

/** The label of each path in the credential's Endpoint Paths section. */
export const ENDPOINT_LABELS: Readonly<Record<EndpointName, string>> = {
	sendReply: 'Send Reply',
	sendTemplate: 'Send Template',
	mediaFile: 'Media File',
	templates: 'Templates (List, Create)',
	templateSync: 'Template Sync',
	template: 'Template (Delete)',
	campaigns: 'Campaigns (List, Create)',
	campaign: 'Campaign',
	campaignLaunch: 'Campaign Launch',
};

export const ENDPOINT_NAMES = Object.keys(CLASSIC_PATHS) as EndpointName[];

/** The credential field that overrides an endpoint's path on a platform: `classicPathSendReply`, … */
export function pathFieldName(platform: Platform, endpoint: EndpointName): string {
	return `${platform}Path${endpoint[0].toUpperCase()}${endpoint.slice(1)}`;
}

/**
 * The request endpoints, by name, as operations use them. `ENDPOINTS.template(id)` carries the id the platform's
 * path puts in place of `{id}`.
 */
export const ENDPOINTS = {
	sendTemplate: { endpoint: 'sendTemplate' },
	sendReply: { endpoint: 'sendReply' },
	mediaFile: { endpoint: 'mediaFile' },
	templates: { endpoint: 'templates' },
	templateSync: { endpoint: 'templateSync' },
	template: (id: string): EndpointRef => ({ endpoint: 'template', id }),
	campaigns: { endpoint: 'campaigns' },
	campaign: (id: string): EndpointRef => ({ endpoint: 'campaign', id }),
	campaignLaunch: (id: string): EndpointRef => ({ endpoint: 'campaignLaunch', id }),
} as const satisfies Record<string, EndpointRef | ((id: string) => EndpointRef)>;

export const DEFAULT_BASE_URL = 'https://app2.cunnekt.com/v1';
export const CURRENT_BASE_URL = 'https://app.cunnekt.com';

export const DEFAULT_BASE_URLS: Readonly<Record<Platform, string>> = {
	classic: DEFAULT_BASE_URL,
	current: CURRENT_BASE_URL,
};

/** The path of an endpoint in a table, its `{id}` filled in (encoded). */
export function pathOf(table: PathTable, ref: EndpointRef): string {
	const path = table[ref.endpoint];
	return ref.id === undefined ? path : path.replace(/\{id\}/g, encodeURIComponent(ref.id));
}

/** Joins the credential's base URL and a path whether or not either carries the slash. */
export function joinUrl(baseUrl: string, path: string): string {
	return `${baseUrl.trim().replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
