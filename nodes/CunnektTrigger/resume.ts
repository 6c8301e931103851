import type { IWebhookFunctions } from 'n8n-workflow';

import { isResumedAnswer, parseRoute, resumeUrl } from '../shared/resumeRouting';
import type { ForwardedTap, ResumeRoute } from '../shared/resumeRouting';
import { postToOwnN8n } from '../shared/transport';
import type { MessageEvent, TriggerEvent } from './events';
import { RecentKeys } from './memory';
import { logSsrfRefusal } from './ssrfRefusal';

/**
 * Taps on a Send and Wait request (Reply → Send and Wait for Response): a button or list reply, or a template's
 * quick reply, whose id carries the routing of nodes/shared/resumeRouting.ts. They resume the waiting execution
 * through n8n's signed resume URL, built on this n8n's own webhook base URL; they never start this workflow.
 * n8n checks the signature, and that the execution still waits at that node: a forged, altered or late tap resumes
 * nothing. A tap this process already handed over (a sender's retry, a second tap) is not handed over again.
 */

export interface ResumeTap {
	routeId: string;
	route: ResumeRoute;
	event: MessageEvent;
}

/** The taps that answer a Send and Wait request, and every other event, in order. */
export function splitResumeTaps(events: TriggerEvent[]): { taps: ResumeTap[]; others: TriggerEvent[] } {
	const taps: ResumeTap[] = [];
	const others: TriggerEvent[] = [];
	for (const event of events) {
		const reply = event.event === 'message' ? event.reply : undefined;
		const routeId = reply ? (reply.type === 'quick_reply' ? reply.payload : reply.id) : null;
		const route = routeId ? parseRoute(routeId) : undefined;
		if (route && routeId && event.event === 'message') taps.push({ routeId, route, event });
		else others.push(event);
	}
	return { taps, others };
}

/**
 * n8n's waiting-webhook base (`http://host:5678/webhook-waiting`) from this trigger's own URL
 * (`http://host:5678/webhook/<webhookId>/webhook`, or `webhook-test` while testing): the same host and path prefix
 * n8n builds its resume URLs on. Assumes n8n's default name for the waiting endpoint (N8N_ENDPOINT_WEBHOOK_WAIT).
 */
export function waitingBaseUrl(ownWebhookUrl: string | undefined, webhookId: string | undefined): string | undefined {
	if (!ownWebhookUrl || !webhookId) return undefined;
	const at = ownWebhookUrl.indexOf(`/${webhookId}/`);
	if (at < 0) return undefined;
	const endpoint = ownWebhookUrl.slice(0, at);
	return `${endpoint.slice(0, endpoint.lastIndexOf('/'))}/webhook-waiting`;
}

const MAX_REMEMBERED_TAPS = 10_000;

/** Routing ids handed over (or being handed over) by this process, remembered until pushed out or forgotten. */
const handedOver = new RecentKeys(MAX_REMEMBERED_TAPS);

function respondedAt(event: MessageEvent): string {
	return event.timestampUnix === null ? new Date().toISOString() : new Date(event.timestampUnix * 1000).toISOString();
}

/** Hands each tap to its waiting execution; never throws (a tap that resumes nothing costs the sender no 200). */
export async function resumeWaitingExecutions(this: IWebhookFunctions, taps: ResumeTap[]): Promise<void> {
	const base = waitingBaseUrl(this.getNodeWebhookUrl('default'), this.getNode().webhookId);
	if (!base) return;
	for (const { routeId, route, event } of taps) {
		if (handedOver.seenBefore(routeId)) continue;
		try {
			const tap: ForwardedTap = {
				respondedBy: event.from,
				respondedAt: respondedAt(event),
				messageId: event.messageId,
				requestMessageId: event.context?.messageId ?? null,
			};
			const answer = await postToOwnN8n(this, resumeUrl(base, route), { ...tap });
			const resumed = isResumedAnswer(answer.statusCode, answer.body);
			// Not resumed (no such wait, a bad signature, n8n busy): a later delivery of the same tap may try again.
			if (!resumed) handedOver.forget(routeId);
		} catch (error) {
			handedOver.forget(routeId);
			logSsrfRefusal(this, base, error);
		}
	}
}
