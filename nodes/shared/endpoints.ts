/**
 * The endpoints the package calls, by name. Each platform (platforms/classic.ts, platforms/current.ts) holds its own
 * path for every name, and a user can override any of them in the credential's Endpoint Paths section
 * (docs/current-platform.md says where each path comes from). `{id}` stands for the template's or campaign's id.
 */

export type PlatformName = 'classic' | 'current';

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

export type PathTable = Readonly<Record<EndpointName, string>>;

/** The label of each path in the credential's Endpoint Paths section, in the order the section shows them. */
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

export const ENDPOINT_NAMES = Object.keys(ENDPOINT_LABELS) as EndpointName[];

/** The credential field that overrides an endpoint's path on a platform: `classicPathSendReply`, … */
export function pathFieldName(platform: PlatformName, endpoint: EndpointName): string {
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

/** The path of an endpoint in a table, its `{id}` filled in (encoded). */
export function pathOf(table: PathTable, ref: EndpointRef): string {
	const path = table[ref.endpoint];
	return ref.id === undefined ? path : path.replace(/\{id\}/g, encodeURIComponent(ref.id));
}

/** Joins the credential's base URL and a path whether or not either carries the slash. */
export function joinUrl(baseUrl: string, path: string): string {
	return `${baseUrl.trim().replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
