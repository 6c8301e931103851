import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

import { problemNotice } from './problemNotice';

/**
 * The Cunnekt Trigger's secrets, kept where n8n encrypts them and never exports them (unlike node parameters). Nothing
 * calls out with them: the trigger compares what arrives against them, and its own credential test
 * (nodes/CunnektTrigger/checkCredential.ts) checks what can be checked without a call from Cunnekt.
 */
export class CunnektWebhookApi implements ICredentialType {
	name = 'cunnektWebhookApi';

	displayName = 'Cunnekt Webhook API';

	icon: Icon = { light: 'file:cunnekt.svg', dark: 'file:cunnekt.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-cunnekt/n8n-nodes-cunnekt/blob/main/docs/cunnekt-trigger.md#setup-in-cunnekt';

	properties: INodeProperties[] = [
		{
			displayName: 'Shared Secret',
			name: 'sharedSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'For Authentication → Shared Secret: a long random value that each call must carry (in the URL you paste in Cunnekt, or in a header)',
		},
		problemNotice(
			'sharedSecretTooShort',
			'sharedSecret',
			'This Shared Secret is shorter than 16 characters: use a long random one, e.g. 32 letters and digits.',
			{ pattern: '^.{1,15}$' },
		),
		problemNotice(
			'sharedSecretNotUrlSafe',
			'sharedSecret',
			'This Shared Secret has characters a URL changes (a space, &, #, %, + …): use only letters, digits and - _ . ~, so that it arrives in the webhook URL as typed.',
			{ pattern: '[^A-Za-z0-9._~-]' },
		),
		{
			displayName: 'App Secret',
			name: 'appSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'For Authentication → WhatsApp Signature: your Meta app\'s secret (Meta App Dashboard → App Settings → Basic), which WhatsApp signs each call\'s raw body with',
		},
		problemNotice(
			'appSecretNotMeta',
			'appSecret',
			'A Meta app secret is 32 hexadecimal characters (Meta App Dashboard → App Settings → Basic → App Secret): this one is not.',
			{ pattern: '^(.{1,31}|.{33,}|.*[^0-9a-fA-F].*)$' },
		),
		{
			displayName: 'Verify Token',
			name: 'verifyToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Only when WhatsApp itself calls the webhook (Meta App → WhatsApp → Configuration): the Verify Token you enter there',
		},
		problemNotice('verifyTokenSpace', 'verifyToken', 'This Verify Token starts or ends with a space: remove it.', {
			pattern: '^\\s|\\s$',
		}),
	];
}
