import { SsrfBlockedHostnameError, SsrfBlockedIpError } from '@n8n/backend-network';

import type { IWebhookFunctions } from 'n8n-workflow';

import { logSsrfRefusal, ssrfRefusalAdvice } from '../../nodes/CunnektTrigger/ssrfRefusal';

/**
 * The Cunnekt Trigger's words when n8n's SSRF protection refuses the hand-over of a Send and Wait tap to this n8n's
 * own URL (docs/n8n-3.md): the one setting that lets it through, for an address or a name. The errors are n8n's
 * own (@n8n/backend-network, the version n8n 2.41.1 runs), so a change of n8n's wording fails here.
 */

const WAITING = '/webhook-waiting';
const advice = (origin: string, setting: string, message: string) =>
	`Cunnekt Trigger: a tap on a Send and Wait request was not handed to its waiting execution, because n8n's SSRF protection refused this n8n's own URL ${origin} ("${message}"). Add ${setting} to n8n's environment (beside any value it already has, comma-separated), or set WEBHOOK_URL to an address of this n8n that SSRF protection allows.`;

describe('ssrfRefusalAdvice', () => {
	const blockedIp = new SsrfBlockedIpError('127.0.0.1');

	it('names N8N_SSRF_ALLOWED_IP_RANGES for an address (IPv4 and IPv6), since allowed hostnames never match one', () => {
		expect(ssrfRefusalAdvice(`http://127.0.0.1:5678${WAITING}`, blockedIp)).toBe(
			advice('http://127.0.0.1:5678', 'N8N_SSRF_ALLOWED_IP_RANGES=127.0.0.1/32', blockedIp.message),
		);
		expect(ssrfRefusalAdvice(`http://[::1]:5678${WAITING}`, new SsrfBlockedIpError('::1'))).toBe(
			advice('http://[::1]:5678', 'N8N_SSRF_ALLOWED_IP_RANGES=::1/128', blockedIp.message),
		);
	});

	it('names N8N_SSRF_ALLOWED_HOSTNAMES for a name that resolves to a blocked address, or is on the deny-list', () => {
		expect(ssrfRefusalAdvice(`http://n8n:5678${WAITING}`, blockedIp)).toBe(
			advice('http://n8n:5678', 'N8N_SSRF_ALLOWED_HOSTNAMES=n8n', blockedIp.message),
		);
		const blockedName = new SsrfBlockedHostnameError('n8n.internal');
		expect(blockedName.message).toBe('The request was blocked because the destination hostname is restricted');
		expect(ssrfRefusalAdvice(`https://n8n.internal${WAITING}`, blockedName)).toBe(
			advice('https://n8n.internal', 'N8N_SSRF_ALLOWED_HOSTNAMES=n8n.internal', blockedName.message),
		);
	});

	it('says nothing about any other failure', () => {
		expect(ssrfRefusalAdvice(`http://127.0.0.1:5678${WAITING}`, new Error('connect ECONNREFUSED 127.0.0.1:5678'))).toBeUndefined();
		expect(ssrfRefusalAdvice(`http://127.0.0.1:5678${WAITING}`, 'timeout')).toBeUndefined();
	});
});

describe('logSsrfRefusal', () => {
	const logged: string[] = [];
	const context = { logger: { error: (message: string) => logged.push(message) } } as unknown as IWebhookFunctions;
	beforeEach(() => logged.splice(0));

	it("logs the advice and gives the tap's answer its short form: the setting to add", () => {
		const blocked = new SsrfBlockedHostnameError('n8n');
		expect(logSsrfRefusal(context, `http://n8n:5678${WAITING}`, blocked)).toBe(
			"n8n's SSRF protection refused this n8n's own URL: add N8N_SSRF_ALLOWED_HOSTNAMES=n8n to n8n's environment",
		);
		expect(logged).toEqual([advice('http://n8n:5678', 'N8N_SSRF_ALLOWED_HOSTNAMES=n8n', blocked.message)]);
	});

	it('neither logs nor words any other failure', () => {
		expect(logSsrfRefusal(context, `http://127.0.0.1:5678${WAITING}`, new Error('connect ECONNREFUSED 127.0.0.1:5678'))).toBeUndefined();
		expect(logged).toEqual([]);
	});
});
