import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

/** Cunnekt's API address for most accounts: the field's default, and the example when a Base URL is wrong. */
const DEFAULT_BASE_URL = 'https://app2.cunnekt.com/v1';

export class CunnektApi implements ICredentialType {
	name = 'cunnektApi';

	displayName = 'Cunnekt API';

	icon: Icon = { light: 'file:cunnekt.svg', dark: 'file:cunnekt.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-cunnekt/n8n-nodes-cunnekt#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'Generate it on Cunnekt\'s API Settings page (Dashboard → API Setup)',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			required: true,
			default: DEFAULT_BASE_URL,
			description:
				'Cunnekt\'s API address for your account, with or without a trailing slash (for example https://app.cunnekt.com/api/v1)',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { 'API-KEY': '={{$credentials.apiKey}}' } },
	};

	// Lists templates: read-only, and answers 401 for a wrong key and 404 for a wrong base URL.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/templates',
			method: 'GET',
		},
		rules: [
			{
				type: 'responseCode',
				properties: { value: 401, message: 'Invalid API key: check the API Key (Cunnekt → API Settings)' },
			},
			{
				type: 'responseCode',
				properties: { value: 403, message: 'The API key was refused (revoked or without API access)' },
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message: `No Cunnekt API at this Base URL: check it (for example ${DEFAULT_BASE_URL})`,
				},
			},
		],
	};
}
