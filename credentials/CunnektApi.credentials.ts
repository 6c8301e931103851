import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { ENDPOINT_LABELS, ENDPOINT_NAMES, pathFieldName } from '../nodes/shared/endpoints';
import { PLATFORMS } from '../nodes/shared/platforms';
import type { Platform } from '../nodes/shared/platforms/platform';
import { problemNotice } from './problemNotice';

const { classic, current } = PLATFORMS;

/** One field per endpoint and platform, shown when Customize Endpoint Paths is on and that platform is chosen. */
function pathFields(platform: Platform): INodeProperties[] {
	return ENDPOINT_NAMES.map((endpoint) => ({
		displayName: `${ENDPOINT_LABELS[endpoint]} Path`,
		name: pathFieldName(platform.name, endpoint),
		type: 'string',
		default: platform.paths[endpoint],
		description: `The path after the Base URL on the ${platform.label} platform${platform.paths[endpoint].includes('{id}') ? '; {id} stands for the id' : ''}`,
		displayOptions: { show: { customizePaths: [true], platform: [platform.name] } },
	}));
}

/** The credential's base URL, in the test request's expressions: the one given, or the platform's default. */
const BASE_URL_EXPRESSION = `($credentials.platform === "current" ? ($credentials.${current.baseUrlField} || "${current.defaultBaseUrl}") : ($credentials.${classic.baseUrlField} || "${classic.defaultBaseUrl}"))`;

/** The path of the templates list, which the test reads: the platform's, or the credential's own. */
function templatesPathExpression(platform: Platform): string {
	const field = pathFieldName(platform.name, 'templates');
	return `(($credentials.customizePaths && $credentials.${field}) || "${platform.paths.templates}")`;
}

const HOW_TO_TELL = "Open your Cunnekt dashboard: on app2.cunnekt.com choose Classic, on app.cunnekt.com choose Current";

export class CunnektApi implements ICredentialType {
	name = 'cunnektApi';

	displayName = 'Cunnekt API';

	icon: Icon = { light: 'file:cunnekt.svg', dark: 'file:cunnekt.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-cunnekt/n8n-nodes-cunnekt#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Platform',
			name: 'platform',
			type: 'options',
			options: [
				{
					name: 'Classic (app2.cunnekt.com)',
					value: 'classic',
					description: 'Your Cunnekt dashboard is on app2.cunnekt.com',
				},
				{
					name: 'Current (app.cunnekt.com)',
					value: 'current',
					description: 'Your Cunnekt dashboard is on app.cunnekt.com (Settings → API & Webhooks)',
				},
			],
			default: 'classic',
			description: `Cunnekt runs two APIs with different paths and bodies. ${HOW_TO_TELL}.`,
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				"On the classic platform: API Settings (Dashboard → API Setup). On the current platform: Settings → API & Webhooks.",
			// n8n shows a test's reason only behind "More details": say where to look.
			hint: 'Saving tests the key on the chosen Platform. If n8n then says "Couldn\'t connect with these settings", click More details for the reason.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			required: true,
			default: classic.defaultBaseUrl,
			description: 'The classic API\'s address, with or without a trailing slash',
			displayOptions: { show: { platform: ['classic'] } },
		},
		problemNotice(
			'classicBaseUrlWithoutV1',
			'baseUrl',
			`The classic API's Base URL ends with /v1, e.g. ${classic.defaultBaseUrl}.`,
			{ pattern: '.', unless: '/v1/?$', only: { platform: ['classic'] } },
		),
		problemNotice(
			'classicBaseUrlOfCurrent',
			'baseUrl',
			'app.cunnekt.com is the current platform: choose Platform Current (the classic one is app2.cunnekt.com).',
			{ pattern: '//app\\.cunnekt\\.com', only: { platform: ['classic'] } },
		),
		{
			displayName: 'Base URL',
			name: 'currentBaseUrl',
			type: 'string',
			required: true,
			default: current.defaultBaseUrl,
			description: 'The current platform\'s address (its paths start with /api/v1 or /restapi/v1), with or without a trailing slash',
			displayOptions: { show: { platform: ['current'] } },
		},
		problemNotice(
			'currentBaseUrlWithV1',
			'currentBaseUrl',
			`The current platform's Base URL has no /v1 (its paths start with /api/v1), e.g. ${current.defaultBaseUrl}.`,
			{ pattern: '/v1/?$', only: { platform: ['current'] } },
		),
		problemNotice(
			'currentBaseUrlOfClassic',
			'currentBaseUrl',
			'app2.cunnekt.com is the classic platform: choose Platform Classic (the current one is app.cunnekt.com).',
			{ pattern: 'app2\\.cunnekt\\.com', only: { platform: ['current'] } },
		),
		{
			displayName: 'Customize Endpoint Paths',
			name: 'customizePaths',
			type: 'boolean',
			default: false,
			description:
				'Whether to change the path of an endpoint. Cunnekt has not published every path; if yours differs, set it here without waiting for a new version of the node.',
		},
		...pathFields(classic),
		...pathFields(current),
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { 'API-KEY': '={{$credentials.apiKey}}' } },
	};

	// Lists templates on the chosen platform: read-only, and answers 401 for a wrong key and 404 for a wrong address.
	// A key of the other platform is refused like a wrong one (the two APIs share nothing), hence the hint in 401.
	test: ICredentialTestRequest = {
		request: {
			baseURL: `={{${BASE_URL_EXPRESSION}.replace(/\\/+$/, "")}}`,
			url: `={{$credentials.platform === "current" ? ${templatesPathExpression(current)} : ${templatesPathExpression(classic)}}}`,
			method: 'GET',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: `Invalid API key for this platform: check the API Key, and the Platform (${HOW_TO_TELL})`,
				},
			},
			{
				type: 'responseCode',
				properties: { value: 403, message: 'The API key was refused (revoked or without API access)' },
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message: `No Cunnekt API at this Base URL for the chosen Platform: check both (Classic: ${classic.defaultBaseUrl}, Current: ${current.defaultBaseUrl})`,
				},
			},
		],
	};
}
