/**
 * Every Cunnekt path the package calls, in one table (docs/api-contract.md): a path
 * that turns out different is a one-line change here.
 */
export const ENDPOINTS = {
	sendTemplate: '/sendnotification',
	sendReply: '/sendreplymessage',
	mediaFile: '/getmediafile',
	templates: '/templates',
	templateSync: '/templates/sync',
	template: (id: string) => `/templates/${encodeURIComponent(id)}`,
	campaigns: '/campaigns',
	campaign: (id: string) => `/campaigns/${encodeURIComponent(id)}`,
	campaignLaunch: (id: string) => `/campaigns/${encodeURIComponent(id)}/launch`,
} as const;

/** Joins the credential's base URL and a path whether or not either carries the slash. */
export function joinUrl(baseUrl: string, path: string): string {
	return `${baseUrl.trim().replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
