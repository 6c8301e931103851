import type { IWebhookFunctions } from 'n8n-workflow';

/**
 * n8n's SSRF protection (N8N_SSRF_PROTECTION_ENABLED; docs/n8n-3.md) refusing the Cunnekt Trigger's hand-over of a
 * Send and Wait tap to this n8n's own waiting-webhook URL (resume.ts). The refusal goes to n8n's log, and into the
 * tap's answer, naming the one setting that lets the hand-over through.
 */

/** The words of n8n's two SSRF errors (a blocked address, a blocked hostname). */
const REFUSAL = /request was blocked because (it resolves to a restricted IP address|the destination hostname is restricted)/;

function isAddress(host: string): boolean {
	return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(':');
}

/**
 * What to tell the person running n8n when the hand-over to url failed with error, or undefined when the error is
 * not an SSRF refusal. An address in the URL is allowed by N8N_SSRF_ALLOWED_IP_RANGES only (n8n checks
 * N8N_SSRF_ALLOWED_HOSTNAMES against names, never addresses); a name by N8N_SSRF_ALLOWED_HOSTNAMES.
 */
export function ssrfRefusalAdvice(url: string, error: unknown): string | undefined {
	const message = error instanceof Error ? error.message : String(error);
	const setting = ssrfSetting(url, message);
	if (setting === undefined) return undefined;
	const { origin } = new URL(url);
	return (
		`Cunnekt Trigger: a tap on a Send and Wait request was not handed to its waiting execution, because n8n's SSRF ` +
		`protection refused this n8n's own URL ${origin} ("${message}"). Add ${setting} to n8n's environment (beside ` +
		'any value it already has, comma-separated), or set WEBHOOK_URL to an address of this n8n that SSRF protection allows.'
	);
}

/** The setting that lets the hand-over to url through, when message is an SSRF refusal; undefined otherwise. */
function ssrfSetting(url: string, message: string): string | undefined {
	if (!REFUSAL.test(message)) return undefined;
	const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
	return isAddress(host) ? `N8N_SSRF_ALLOWED_IP_RANGES=${host}/${host.includes(':') ? 128 : 32}` : `N8N_SSRF_ALLOWED_HOSTNAMES=${host}`;
}

/**
 * When the hand-over failed because of SSRF protection: logs the advice and returns the short form for the tap's
 * answer; any other failure is neither logged nor worded here (undefined).
 */
export function logSsrfRefusal(context: IWebhookFunctions, url: string, error: unknown): string | undefined {
	const advice = ssrfRefusalAdvice(url, error);
	if (!advice) return undefined;
	context.logger.error(advice);
	const setting = ssrfSetting(url, error instanceof Error ? error.message : String(error));
	return `n8n's SSRF protection refused this n8n's own URL: add ${setting} to n8n's environment`;
}
