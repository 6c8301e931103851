import type { IWebhookFunctions } from 'n8n-workflow';

import { isFromRecipient, isResumedAnswer, parseRoute, resumeUrl } from '../shared/resumeRouting';
import type { ForwardedTap, ResumeRoute } from '../shared/resumeRouting';
import { postToOwnN8n } from '../shared/transport';
import type { MessageEvent, TriggerEvent } from './events';
import { RecentKeys } from './memory';
import { logSsrfRefusal } from './ssrfRefusal';

/**
 * Taps on a Send and Wait request (Reply → Send and Wait for Response): a button or list reply, or a template's
 * quick reply, whose id carries the routing of nodes/shared/resumeRouting.ts. They resume the waiting execution
 * through n8n's signed resume URL, built on this n8n's own webhook base URL; they never start this workflow.
 * Only a tap from the person asked (their phone number or BSUID) is handed over; n8n checks the signature, and that
 * the execution still waits at that node: a forged, altered or late tap resumes nothing. A tap this process already
 * handed over (a sender's retry, a second tap) is not handed over again. Each tap's outcome says what happened.
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

/** What became of one tap (answers.ts says it in words to the sender). */
export type TapOutcome =
	| { resumed: true }
	| { resumed: false; reason: 'notAsked' | 'handedOver' | 'refused' | 'notWaiting' | 'unreachable'; detail?: string };

const MAX_REMEMBERED_TAPS = 10_000;

/** Routing ids handed over (or being handed over) by this process, remembered until pushed out or forgotten. */
const handedOver = new RecentKeys(MAX_REMEMBERED_TAPS);

function respondedAt(event: MessageEvent): string {
	return event.timestampUnix === null ? new Date().toISOString() : new Date(event.timestampUnix * 1000).toISOString();
}

/**
 * Who answered, as the request addressed them: the tapper's phone number or BSUID that the route's recipient
 * matches; undefined when none does (not the person asked). A request from before the binding: the reply address.
 */
function askedAddress(tap: ResumeTap): string | null | undefined {
	const { from, waId, userId, parentUserId, replyTo } = tap.event;
	if (tap.route.recipient === null) return replyTo;
	return [from, waId, userId, parentUserId].find((address) => address !== null && isFromRecipient(tap.route, [address]));
}

/** What n8n's answer to a forwarded tap means (its waiting-webhook route, n8n 2.41). */
function outcomeOfAnswer(statusCode: number, body: unknown): TapOutcome {
	if (isResumedAnswer(statusCode, body)) return { resumed: true };
	// 401: the signature does not match the URL (n8n renders its "invalid token" page).
	if (statusCode === 401) return { resumed: false, reason: 'refused' };
	// 200 with n8n's "no action required" page (finished, or no waiting node), 404 (no such execution), 409 (running,
	// or finished with an error): nothing waits for this answer any more.
	if (statusCode === 200 || statusCode === 404 || statusCode === 409) return { resumed: false, reason: 'notWaiting' };
	return { resumed: false, reason: 'unreachable', detail: `n8n answered ${statusCode}` };
}

/** Hands one tap to its waiting execution; never throws (a tap that resumes nothing costs the sender no 200). */
async function handOver(context: IWebhookFunctions, base: string, tap: ResumeTap): Promise<TapOutcome> {
	const respondedBy = askedAddress(tap);
	if (respondedBy === undefined) return { resumed: false, reason: 'notAsked' };
	if (handedOver.seenBefore(tap.routeId)) return { resumed: false, reason: 'handedOver' };
	try {
		const forwarded: ForwardedTap = {
			respondedBy,
			respondedAt: respondedAt(tap.event),
			messageId: tap.event.messageId,
			requestMessageId: tap.event.context?.messageId ?? null,
		};
		const answer = await postToOwnN8n(context, resumeUrl(base, tap.route), { ...forwarded });
		const outcome = outcomeOfAnswer(answer.statusCode, answer.body);
		// Not resumed (no such wait, a bad signature, n8n busy): a later delivery of the same tap may try again.
		if (!outcome.resumed) handedOver.forget(tap.routeId);
		return outcome;
	} catch (error) {
		handedOver.forget(tap.routeId);
		const refused = logSsrfRefusal(context, base, error);
		return { resumed: false, reason: 'unreachable', detail: refused ?? (error instanceof Error ? error.message : String(error)) };
	}
}

/** Hands each tap to its waiting execution, in order, and says what became of each. */
export async function resumeWaitingExecutions(this: IWebhookFunctions, taps: ResumeTap[]): Promise<TapOutcome[]> {
	const base = waitingBaseUrl(this.getNodeWebhookUrl('default'), this.getNode().webhookId);
	const outcomes: TapOutcome[] = [];
	for (const tap of taps) {
		outcomes.push(
			base === undefined
				? { resumed: false, reason: 'unreachable', detail: "this trigger's own URL does not show n8n's base URL" }
				: await handOver(this, base, tap),
		);
	}
	return outcomes;
}
