import { CREDENTIAL_BLANKING_VALUE, CREDENTIAL_EMPTY_VALUE, NodeHelpers } from 'n8n-workflow';
import type { INodeParameters, INodeProperties } from 'n8n-workflow';

import { CunnektApi } from '../../credentials/CunnektApi.credentials';
import { CunnektWebhookApi } from '../../credentials/CunnektWebhookApi.credentials';

/** The notices n8n's credential form shows for these values (it decides with the same displayParameter). */
function noticesShown(properties: INodeProperties[], values: INodeParameters): string[] {
	return properties
		.filter((property) => property.type === 'notice' && NodeHelpers.displayParameter(values, property, null, null))
		.map((property) => property.displayName);
}

describe('credential notices: a problem said under the field as it is typed (n8n folds test results behind "More details")', () => {
	const webhook = new CunnektWebhookApi().properties;
	const api = new CunnektApi().properties;

	it('Cunnekt Webhook API: a short Shared Secret, one a URL changes, an App Secret not shaped like Meta\'s, a Verify Token with a space', () => {
		expect(noticesShown(webhook, { sharedSecret: 'short-secret' })).toEqual([
			'This Shared Secret is shorter than 16 characters: use a long random one, e.g. 32 letters and digits.',
		]);
		expect(noticesShown(webhook, { sharedSecret: 'a long secret with spaces & more' })).toEqual([
			'This Shared Secret has characters a URL changes (a space, &, #, %, + …): use only letters, digits and - _ . ~, so that it arrives in the webhook URL as typed.',
		]);
		expect(noticesShown(webhook, { appSecret: 'not-a-meta-secret', verifyToken: ' token' })).toEqual([
			'A Meta app secret is 32 hexadecimal characters (Meta App Dashboard → App Settings → Basic → App Secret): this one is not.',
			'This Verify Token starts or ends with a space: remove it.',
		]);
	});

	it('Cunnekt Webhook API: nothing for good values, empty fields, or the stand-ins n8n shows for a saved secret, set or empty', () => {
		const good = { sharedSecret: 'Xq3v9Lm2Rt8Kp4Wz6Yb1Nc5Hd7Jf0Gs', appSecret: '0123456789abcdef0123456789ABCDEF', verifyToken: 'token' };
		expect(noticesShown(webhook, good)).toEqual([]);
		expect(noticesShown(webhook, { sharedSecret: '', appSecret: '', verifyToken: '' })).toEqual([]);
		const saved = { sharedSecret: CREDENTIAL_BLANKING_VALUE, appSecret: CREDENTIAL_BLANKING_VALUE, verifyToken: CREDENTIAL_BLANKING_VALUE };
		expect(noticesShown(webhook, saved)).toEqual([]);
		const savedEmpty = { sharedSecret: CREDENTIAL_EMPTY_VALUE, appSecret: CREDENTIAL_EMPTY_VALUE, verifyToken: CREDENTIAL_EMPTY_VALUE };
		expect(noticesShown(webhook, savedEmpty)).toEqual([]);
	});

	it("Cunnekt API: a Base URL that is not the chosen platform's shape", () => {
		expect(noticesShown(api, { platform: 'classic', baseUrl: 'https://app2.cunnekt.com' })).toEqual([
			"The classic API's Base URL ends with /v1, e.g. https://app2.cunnekt.com/v1.",
		]);
		expect(noticesShown(api, { platform: 'classic', baseUrl: 'https://app.cunnekt.com/v1' })).toEqual([
			'app.cunnekt.com is the current platform: choose Platform Current (the classic one is app2.cunnekt.com).',
		]);
		expect(noticesShown(api, { platform: 'current', currentBaseUrl: 'https://app2.cunnekt.com/v1/' })).toEqual([
			"The current platform's Base URL has no /v1 (its paths start with /api/v1), e.g. https://app.cunnekt.com.",
			'app2.cunnekt.com is the classic platform: choose Platform Classic (the current one is app.cunnekt.com).',
		]);
		for (const values of [
			{ platform: 'classic', baseUrl: 'https://app2.cunnekt.com/v1' },
			{ platform: 'classic', baseUrl: 'http://127.0.0.1:5679/v1/' },
			{ platform: 'current', currentBaseUrl: 'https://app.cunnekt.com' },
			{ platform: 'current', currentBaseUrl: 'http://127.0.0.1:5679' },
		]) {
			expect([values, noticesShown(api, values)]).toEqual([values, []]);
		}
	});
});
