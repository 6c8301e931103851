import { plural } from '../shared/values';
import type { ResumeTap, TapOutcome } from './resume';

/**
 * What the trigger answers a sender, in plain words, when a request starts no execution: what became of each answer
 * to Send and Wait, and why the events start nothing (the filter that left each out, or a retry). A request that
 * starts the workflow gets n8n's empty 200.
 */

const DUPLICATE = "already received within the Duplicate Window (a sender's retry)";

/** Why no event of a request starts the workflow: the reasons the filters gave, and how many were duplicates. */
export function nothingStartsAnswer(received: number, filteredOut: string[], duplicates: number): string {
	if (received === 0) return 'Received: the payload carries no events';
	const counts = new Map<string, number>();
	for (const reason of filteredOut) counts.set(reason, (counts.get(reason) ?? 0) + 1);
	if (duplicates > 0) counts.set(DUPLICATE, duplicates);
	const reasons = [...counts].map(([reason, count]) => (received === 1 ? reason : `${reason} (${plural(count, 'event')})`));
	return `Received ${plural(received, 'event')}; this workflow did not start: ${reasons.join('; ')}`;
}

const NOT_RESUMED: Readonly<Record<Exclude<TapOutcome, { resumed: true }>['reason'], string>> = {
	notAsked: 'the request was sent to someone else, and only the person asked can answer it',
	handedOver: 'it was handed to its execution already (the same tap again)',
	refused: 'n8n refused it: its signature does not match (the answer was altered or forged)',
	notWaiting: 'its execution no longer waits (answered already, timed out, stopped or finished)',
	unreachable: "n8n's resume URL could not be reached; the same tap sent again tries again",
};

function outcomeWords(tap: ResumeTap, outcome: TapOutcome): string {
	const from = `from ${tap.event.replyTo ?? 'an unknown sender'}`;
	if (outcome.resumed) return `${from}: it resumed the waiting execution`;
	const detail = outcome.detail === undefined ? '' : ` (${outcome.detail})`;
	return `${from}: it resumed nothing, as ${NOT_RESUMED[outcome.reason]}${detail}`;
}

/** What became of the answers to Send and Wait a request carried, one sentence each. */
export function tapsAnswer(taps: ResumeTap[], outcomes: TapOutcome[]): string {
	const words = taps.map((tap, index) => outcomeWords(tap, outcomes[index]));
	if (words.length === 1) return `Received an answer to Send and Wait ${words[0]}`;
	return `Received ${plural(taps.length, 'answer')} to Send and Wait: ${words.map((each, index) => `${index + 1}. ${each}`).join('; ')}`;
}
