// @ts-check
/**
 * `npm run bench -- sendAndWait --timeline`: where the time of a tap and of a plain trigger execution goes inside
 * n8n, from what timeline-probe.js wrote in n8n's process: when each webhook request reached n8n and was answered,
 * and each expression isolate n8n took (warm from its pool of one, or built cold). Each measured POST is split into
 * phases that follow one another; the medians of each phase over the rounds are printed beside the total.
 */
const fs = require('fs');
const path = require('path');

const PROBE = path.join(__dirname, 'timeline-probe.js');

/** n8n's Node options and environment for a run with the probe, writing to `file`. */
function timelineSetup(file) {
	fs.rmSync(file, { force: true });
	return { nodeArgs: ['--require', PROBE], env: { CUNNEKT_BENCH_TIMELINE: file } };
}

/**
 * The phases of one measured POST (posted at `at`, its execution stopped at `endAt`) among the events that followed
 * it, in order: [name, ms]. A tap: n8n receives it, takes an isolate for the trigger's call, the trigger hands the
 * tap to n8n's waiting-webhook route, which reads the execution, takes an isolate of its own and runs the resume; the
 * resumed execution ends. A plain message: n8n receives it, takes an isolate, the trigger answers, the execution
 * takes an isolate and ends.
 */
function phasesOf(kind, at, endAt, events) {
	const first = (test, from) => events.find((event) => event.at >= from && test(event));
	const isolateAfter = (from) => events.find((event) => event.what === 'isolate' && event.startedAt >= from);
	const received = first((event) => event.what === 'request' && event.path.startsWith('/webhook/'), at);
	const triggerIsolate = received && isolateAfter(received.at);
	if (!received || !triggerIsolate) return undefined;
	const phases = [
		['POST → n8n has the request', received.at - at],
		["isolate for the trigger's call", triggerIsolate.ms],
	];
	if (kind === 'tap') {
		const handedOver = first((event) => event.what === 'request' && event.path.startsWith('/webhook-waiting/'), triggerIsolate.at);
		const waitingIsolate = handedOver && isolateAfter(handedOver.at);
		const resumed = waitingIsolate && first((event) => event.what === 'answered' && event.path.startsWith('/webhook-waiting/'), waitingIsolate.at);
		if (!handedOver || !waitingIsolate || !resumed) return undefined;
		phases.push(
			['the trigger runs and hands the tap to n8n (HTTP to itself)', handedOver.at - triggerIsolate.at],
			['waiting webhook: reads the execution, checks the signature', waitingIsolate.startedAt - handedOver.at],
			["isolate for the waiting webhook's call", waitingIsolate.ms],
			['resume webhook, the execution started, n8n answers', resumed.at - waitingIsolate.at],
			['the resumed execution runs to its end', endAt - resumed.at],
		);
	} else {
		const answered = first((event) => event.what === 'answered' && event.path.startsWith('/webhook/'), triggerIsolate.at);
		const executionIsolate = answered && isolateAfter(triggerIsolate.at);
		if (!answered || !executionIsolate) return undefined;
		phases.push(
			['the trigger runs, the execution is started', executionIsolate.startedAt - triggerIsolate.at],
			["isolate for the execution", executionIsolate.ms],
			['the execution runs to its end', endAt - executionIsolate.at],
		);
	}
	return [...phases, ['total: POST → execution end', endAt - at]];
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * The median phases of each kind of measured POST.
 * @param {string} file what the probe wrote
 * @param {Array<{ kind: 'tap' | 'plain', at: number, endAt: number }>} marks the measured POSTs, in order
 * @returns {Record<string, Array<{ phase: string, ms: number }>>}
 */
function timelinePhases(file, marks) {
	const events = fs
		.readFileSync(file, 'utf8')
		.split('\n')
		.filter((line) => line !== '')
		.map((line) => JSON.parse(line));
	const byKind = {};
	marks.forEach((mark, index) => {
		const until = marks[index + 1]?.at ?? Number.POSITIVE_INFINITY;
		const phases = phasesOf(mark.kind, mark.at, mark.endAt, events.filter((event) => event.at >= mark.at && event.at < until));
		if (phases) (byKind[mark.kind] ??= []).push(phases);
	});
	return Object.fromEntries(
		Object.entries(byKind).map(([kind, rounds]) => [
			kind,
			rounds[0].map(([phase], position) => ({ phase, ms: median(rounds.map((round) => round[position][1])) })),
		]),
	);
}

module.exports = { timelineSetup, timelinePhases };
