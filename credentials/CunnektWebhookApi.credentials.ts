import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * The Cunnekt Trigger's secrets, kept where n8n encrypts them and never exports them (unlike node parameters). Nothing
 * calls out with them: the trigger compares what arrives against them, and its own credential test
 * (nodes/CunnektTrigger/checkCredential.ts) checks what can be checked without a call from Cunnekt.
 */
export class CunnektWebhookApi implements ICredentialType {
	name = 'cunnektWebhookApi';

	displayName = 'Cunnekt Webhook API';

	icon: Icon = { light: 'file:cunnekt.svg', dark: 'file:cunnekt.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-cunnekt/n8n-nodes-cunnekt#the-cunnekt-trigger';

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
		{
			displayName: 'App Secret',
			name: 'appSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'For Authentication → WhatsApp Signature: your Meta app\'s secret (Meta App Dashboard → App Settings → Basic), which WhatsApp signs each call\'s raw body with',
		},
		{
			displayName: 'Verify Token',
			name: 'verifyToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Only when WhatsApp itself calls the webhook (Meta App → WhatsApp → Configuration): the Verify Token you enter there',
		},
	];
}
