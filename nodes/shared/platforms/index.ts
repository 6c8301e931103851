import type { IDataObject } from 'n8n-workflow';

import { DEFAULT_BASE_URLS, ENDPOINT_NAMES, ENDPOINTS, PATHS, pathFieldName } from '../endpoints';
import type { EndpointRef, PathTable, Platform } from '../endpoints';
import * as classic from './classic';
import * as current from './current';
import type { CampaignDraft, ReplyMessage, TemplateMessage } from './message';

/**
 * Which Cunnekt platform a credential talks to, and the one place that turns a neutral message (message.ts) into
 * that platform's request. Operations build messages; they never see a platform.
 */

/** The credential's fields as stored. A credential saved before the Platform field existed is classic. */
export interface CunnektCredentialData extends IDataObject {
	apiKey: string;
	platform?: Platform;
	baseUrl?: string;
	currentBaseUrl?: string;
	customizePaths?: boolean;
}

export interface Connection {
	platform: Platform;
	baseUrl: string;
	paths: PathTable;
}

const nonEmpty = (value: unknown): string | undefined =>
	typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/** The platform, base URL and paths a credential names; every field left out takes the platform's default. */
export function connectionOf(credentials: CunnektCredentialData): Connection {
	const platform: Platform = credentials.platform === 'current' ? 'current' : 'classic';
	const baseUrl =
		nonEmpty(platform === 'current' ? credentials.currentBaseUrl : credentials.baseUrl) ?? DEFAULT_BASE_URLS[platform];
	const paths = { ...PATHS[platform] };
	if (credentials.customizePaths === true) {
		for (const endpoint of ENDPOINT_NAMES) {
			const override = nonEmpty(credentials[pathFieldName(platform, endpoint)]);
			if (override) paths[endpoint] = override.startsWith('/') ? override : `/${override}`;
		}
	}
	return { platform, baseUrl, paths };
}

const BODIES = { classic, current } as const;

export interface PlatformRequest {
	method: 'POST';
	path: EndpointRef;
	body: IDataObject;
}

/** A reply as the platform's request; a message the platform cannot send is an InputError, before any request. */
export function replyRequest(platform: Platform, message: ReplyMessage): PlatformRequest {
	return { method: 'POST', path: ENDPOINTS.sendReply, body: BODIES[platform].replyBody(message) };
}

export async function templateRequest(platform: Platform, message: TemplateMessage): Promise<PlatformRequest> {
	return { method: 'POST', path: ENDPOINTS.sendTemplate, body: await BODIES[platform].templateBody(message) };
}

export async function campaignRequest(platform: Platform, draft: CampaignDraft): Promise<PlatformRequest> {
	return { method: 'POST', path: ENDPOINTS.campaigns, body: await BODIES[platform].campaignBody(draft) };
}
