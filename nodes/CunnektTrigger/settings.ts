import type { IWebhookFunctions } from 'n8n-workflow';

import { readsCredential } from './authenticate';
import type { AuthenticationMode, AuthenticationSettings } from './authenticate';
import { WEBHOOK_CREDENTIAL_NAME } from './checkCredential';
import { DEFAULTS } from './description';
import { parseBusinessNumbers } from './filters';
import type { TriggerFilters } from './filters';

/** The trigger's settings as webhook() reads them: its options, the secrets, the authentication, the filters. */

export interface TriggerOptions {
	businessNumbers?: string;
	downloadMedia?: boolean;
	duplicateWindow?: number;
	maxBodySize?: number;
	messageTypes?: string[];
	verifyToken?: string;
}

export interface WebhookSecrets {
	secret: string;
	appSecret: string;
	verifyToken: string;
}

/**
 * The secrets to check calls against: the Cunnekt Webhook API credential's when one is selected (n8n shows it for
 * every Authentication but None); else the node's own fields, where workflows saved before the credential existed
 * keep them.
 */
export async function readSecrets(context: IWebhookFunctions, mode: AuthenticationMode, options: TriggerOptions): Promise<WebhookSecrets> {
	if (readsCredential(mode) && context.getNode().credentials?.[WEBHOOK_CREDENTIAL_NAME] !== undefined) {
		const credential = await context.getCredentials<Partial<WebhookSecrets> & { sharedSecret?: string }>(
			WEBHOOK_CREDENTIAL_NAME,
		);
		return {
			secret: credential.sharedSecret ?? '',
			appSecret: credential.appSecret ?? '',
			verifyToken: credential.verifyToken ?? '',
		};
	}
	return {
		secret: context.getNodeParameter('secret', '') as string,
		appSecret: context.getNodeParameter('appSecret', '') as string,
		verifyToken: options.verifyToken ?? '',
	};
}

export function readAuthentication(context: IWebhookFunctions, mode: AuthenticationMode, secrets: WebhookSecrets): AuthenticationSettings {
	const secretIn = context.getNodeParameter('secretIn', 'query') as 'header' | 'query';
	return {
		mode,
		secretIn,
		secretName:
			secretIn === 'header'
				? (context.getNodeParameter('headerName', 'X-Webhook-Secret') as string)
				: (context.getNodeParameter('parameterName', 'secret') as string),
		secret: secrets.secret,
		appSecret: secrets.appSecret,
	};
}

export function readFilters(context: IWebhookFunctions, options: TriggerOptions): TriggerFilters {
	const events = context.getNodeParameter('events', [...DEFAULTS.events]) as string[];
	return {
		events,
		statuses: events.includes('status')
			? (context.getNodeParameter('statuses', [...DEFAULTS.statuses]) as string[])
			: [],
		messageTypes: options.messageTypes ?? [],
		businessNumbers: parseBusinessNumbers(options.businessNumbers ?? ''),
	};
}
