import type { IDataObject } from 'n8n-workflow';

import { ENDPOINT_NAMES, pathFieldName } from '../endpoints';
import type { PathTable, PlatformName } from '../endpoints';
import { classic } from './classic';
import { current } from './current';
import type { ReplyKind } from './message';
import type { Platform } from './platform';

/**
 * The two Cunnekt platforms, and which one a credential talks to. Operations build neutral messages (message.ts);
 * the transport asks the credential's platform for the request (platform.ts) and sends it. No operation sees a
 * platform.
 */

export const PLATFORMS: Readonly<Record<PlatformName, Platform>> = { classic, current };

/** The credential's fields as stored. A credential saved before the Platform field existed is classic. */
export interface CunnektCredentialData extends IDataObject {
	apiKey: string;
	platform?: PlatformName;
	baseUrl?: string;
	currentBaseUrl?: string;
	customizePaths?: boolean;
}

/** Where a credential's requests go: its platform, base URL and paths. */
export interface Connection {
	platform: Platform;
	baseUrl: string;
	paths: PathTable;
}

const nonEmpty = (value: unknown): string | undefined =>
	typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/** The platform, base URL and paths a credential names; every field left out takes the platform's default. */
export function connectionOf(credentials: CunnektCredentialData): Connection {
	const platform = PLATFORMS[credentials.platform === 'current' ? 'current' : 'classic'];
	const baseUrl = nonEmpty(credentials[platform.baseUrlField]) ?? platform.defaultBaseUrl;
	const paths: Record<string, string> = { ...platform.paths };
	if (credentials.customizePaths === true) {
		for (const endpoint of ENDPOINT_NAMES) {
			const override = nonEmpty(credentials[pathFieldName(platform.name, endpoint)]);
			if (override) paths[endpoint] = override.startsWith('/') ? override : `/${override}`;
		}
	}
	return { platform, baseUrl, paths: paths as PathTable };
}

/** The platforms that have a body for a reply kind. */
export function platformsCarrying(kind: ReplyKind): PlatformName[] {
	return Object.values(PLATFORMS)
		.filter((platform) => !('unsupported' in platform.replies[kind]))
		.map((platform) => platform.name);
}
