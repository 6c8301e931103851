#!/usr/bin/env node
// @ts-check
/**
 * `npm run bench`: throughput and cost figures of the packed package in a real n8n (one process, the end-to-end
 * runtime) against the sandbox, each next to its baseline measured in the same run: n8n's HTTP Request node (default
 * settings, and batching 80 per 1,000 ms) for sending, n8n's Webhook node for the trigger. Prints tables and writes
 * the figures as JSON to .bench/. A benchmark, not a test: it asserts nothing about time.
 *
 * --no-build packs the dist/ already built. CUNNEKT_BENCH_QUICK=1 runs smaller counts (a smoke run of the bench).
 * --profile runs n8n with Node's CPU profiler and prints, for each run of our node, whose code n8n's main thread ran
 * (profile.js). --timeline loads timeline-probe.js into n8n and splits each measured POST of the sendAndWait
 * section into its phases inside n8n (timeline.js). n8n's own settings come from the environment:
 * N8N_EXPRESSION_ENGINE=legacy measures without the expression isolates of n8n's default engine.
 * Section names as arguments run only those: capped, uncapped, memory, trigger, sendAndWait, loading.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const { REPO_DIR, N8N_VERSION, NODE_VERSION } = require('../../playground/runtime/pin');
const { sampleMemory } = require('../../playground/host/memory');
const { startStack, createWorkflow, waitForWebhook } = require('../../playground/stack');
const workflows = require('./workflows');
const { sendingProfiles, mainThreadProfile } = require('./profile');
const { timelinePhases, timelineSetup } = require('./timeline');

const BENCH_DIR = path.join(REPO_DIR, '.bench');
const QUICK = process.env.CUNNEKT_BENCH_QUICK === '1';
const SENDS = QUICK ? 200 : 1000;
const MANY = QUICK ? 1000 : 10000;
const TRIGGER_EVENTS = QUICK ? 50 : 300;
const RESUMES = QUICK ? 10 : 50;
const LATENCY_MS = 50;
const SECTIONS = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const wanted = (section) => SECTIONS.length === 0 || SECTIONS.includes(section);
const PROFILE = process.argv.includes('--profile');
const PROFILE_DIR = path.join(BENCH_DIR, 'profile');
const TIMELINE = process.argv.includes('--timeline');
const TIMELINE_FILE = path.join(BENCH_DIR, 'timeline.jsonl');
/** The labels of the profiled runs that sent with our node, in order: each is one stretch of the profile. */
const ourRuns = [];

const seconds = (ms) => (ms / 1000).toFixed(2);

/** The sandbox's fault switchboard: latency and a rate cap on /sendnotification (none: uncapped, no latency). */
function setFaults(sandbox, rule) {
	sandbox.reset();
	if (rule) sandbox.faults.set({ path: '/sendnotification', ...rule });
}

/**
 * CPU time (user + system, ms) of n8n's main thread so far, where nodes run: one thread, so 1 ÷ its time per
 * message bounds the messages per second, whatever the concurrency.
 */
function mainThreadCpuMs(pid) {
	const stat = fs.readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	// utime and stime, fields 14 and 15 of proc(5), in clock ticks of 10 ms (USER_HZ is 100 on Linux)
	return (Number(fields[11]) + Number(fields[12])) * 10;
}

let runNumber = 0;

/**
 * One sending run: a workflow of `count` recipients and the given sender, started by a POST that returns when the run
 * is done. Figures from the sandbox (delivered, rejected, duplicates, the busiest second) and from n8n (the sender
 * node's time, the process's memory).
 */
async function sendRun(stack, { label, count, sender, rule }) {
	setFaults(stack.sandbox, rule);
	const webhookPath = `bench-${++runNumber}`;
	const workflow = workflows.sendWorkflow(`bench: ${label}`, webhookPath, count, sender);
	const created = await createWorkflow(stack, workflow, { publish: true });
	const url = await waitForWebhook(`${stack.n8n.url}/webhook/${webhookPath}`, stack.logFile);
	const memory = sampleMemory(stack.n8n.pid, 50);
	const cpuBefore = mainThreadCpuMs(stack.n8n.pid);
	const started = Date.now();
	await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
	const wallMs = Date.now() - started;
	const cpuMs = mainThreadCpuMs(stack.n8n.pid) - cpuBefore;
	const { startMiB, peakMiB } = memory.stop();
	await stack.api.unpublishWorkflow(created.id);
	const execution = await finishedExecution(stack, created.id);
	const run = execution.data?.resultData?.runData?.Send?.[0];
	if (stack.profiled && sender.type === workflows.ourSender().type) ourRuns.push(label);
	const stats = stack.sandbox.stats({ path: '/sendnotification' });
	const delivered = stack.sandbox.state.sent.length;
	return {
		label,
		count,
		status: execution.status,
		error: run?.error ? String(run.error.message).slice(0, 120) : undefined,
		delivered,
		rejected: stats.rejected,
		requests: stats.requests,
		duplicates: stats.duplicates,
		durationMs: run?.executionTime ?? wallMs,
		wallMs,
		maxPerSecond: stats.maxPerWindow,
		cpuMsPerMessage: cpuMs / count,
		memoryMiB: { start: Math.round(startMiB), peak: Math.round(peakMiB), added: Math.round(peakMiB - startMiB) },
	};
}

/** The workflow's one execution once n8n has stored it finished. */
async function finishedExecution(stack, workflowId) {
	for (let attempt = 0; ; attempt++) {
		const [execution] = await stack.api.executions({ workflowId });
		if (execution && execution.finished !== undefined && execution.status !== 'running' && execution.status !== 'new') return execution;
		if (attempt > 600) throw new Error(`workflow ${workflowId}'s execution never finished; log: ${stack.logFile}`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

/**
 * The trigger's cost: the same payloads posted one at a time to our trigger and to n8n's Webhook node (each followed
 * by a No Operation node), taking turns (event by event, in alternating order) so that the machine's changing load
 * weighs on both alike; per event, the time from the POST to its answer and to its execution's start and end.
 * @param {Array<{ label: string, trigger: object, webhookPath: string }>} entries
 */
async function triggerRuns(stack, entries, payloads) {
	stack.sandbox.reset();
	const runs = [];
	for (const entry of entries) {
		// created without our credential: the trigger needs none, and n8n's Webhook node has none
		const created = await stack.api.createWorkflow(workflows.triggerWorkflow(`bench: ${entry.label}`, entry.trigger));
		await stack.api.publishWorkflow(created.id);
		const url = await waitForWebhook(`${stack.n8n.url}/webhook/${entry.webhookPath}`, stack.logFile);
		runs.push({ ...entry, workflowId: created.id, url, posted: [], answered: [] });
	}
	for (const [index, payload] of payloads.entries()) {
		for (const run of index % 2 === 0 ? runs : [...runs].reverse()) {
			const posted = Date.now();
			const started = performance.now();
			const response = await fetch(run.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: payload });
			await response.text();
			run.answered.push(performance.now() - started);
			run.posted.push(posted);
		}
	}
	const results = [];
	for (const run of runs) {
		let executions = [];
		for (let attempt = 0; attempt < 600; attempt++) {
			executions = await stack.api.allExecutions({ workflowId: run.workflowId, includeData: 'false' });
			if (executions.length >= payloads.length && executions.every((execution) => execution.status === 'success')) break;
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
		await stack.api.unpublishWorkflow(run.workflowId);
		const ends = executions.map((execution) => Date.parse(execution.stoppedAt)).sort((a, b) => a - b);
		const starts = executions.map((execution) => Date.parse(execution.startedAt)).sort((a, b) => a - b);
		results.push({
			label: run.label,
			events: payloads.length,
			executions: executions.length,
			answerMs: median(run.answered),
			toExecutionStartMs: median(run.posted.map((posted, index) => (starts[index] ?? NaN) - posted)),
			toExecutionEndMs: median(run.posted.map((posted, index) => (ends[index] ?? NaN) - posted)),
		});
	}
	return results;
}

/** POSTs a payload to a URL; the time it took to be answered and when it was posted. */
async function timedPost(url, payload) {
	const posted = Date.now();
	const started = performance.now();
	const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: payload });
	await response.text();
	return { posted, answerMs: performance.now() - started };
}

/** The workflow's execution that is not among `seen`, once it succeeded. */
async function newExecutionEnded(stack, workflowId, seen) {
	for (let attempt = 0; attempt < 1200; attempt++) {
		const executions = await stack.api.allExecutions({ workflowId, includeData: 'false' });
		const found = executions.find((execution) => !seen.has(execution.id) && execution.status === 'success');
		if (found) return found;
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
	throw new Error(`workflow ${workflowId}: the new execution never finished; log: ${stack.logFile}`);
}

/** The workflow's execution (by id, or any) once it is in one of the states. */
async function executionIn(stack, workflowId, states, id) {
	for (let attempt = 0; attempt < 1200; attempt++) {
		const executions = await stack.api.allExecutions({ workflowId, includeData: 'false' });
		const found = executions.find((execution) => (id === undefined || execution.id === id) && states.includes(execution.status));
		if (found) return found;
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
	throw new Error(`workflow ${workflowId}: no execution reached ${states.join(' or ')}; log: ${stack.logFile}`);
}

/**
 * How long the machine is left alone around a measured POST of the Send and Wait section: before it (what the round
 * did before has settled: n8n rebuilds the expression isolate each step took) and after it, before the first look
 * at the executions (each look is an API call that n8n's main thread serves, beside the execution being measured).
 * The same for the tap and the plain message; the times measured are n8n's own (the execution's stoppedAt).
 */
const QUIET_MS = 750;

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Send and Wait's cost: a published Cunnekt Trigger → Reply → Send and Wait → No Operation; per round a message
 * starts an execution that asks and waits (not measured), then the tap is posted to the trigger (measured: from its
 * POST to the resumed execution's end), and a plain message is posted to Cunnekt Trigger → No Operation (measured
 * the same way): the baseline. With `marks`, each measured POST is noted there for the timeline (timeline.js).
 */
async function resumeRuns(stack, rounds, marks) {
	stack.sandbox.reset();
	const { inboundMessage } = require('../../sandbox/webhooks');
	const waitingFlow = workflows.sendAndWaitWorkflow('bench: send and wait');
	const plainTrigger = workflows.ourTrigger();
	const plainFlow = workflows.triggerWorkflow('bench: plain trigger', plainTrigger);
	const flows = [];
	for (const workflow of [waitingFlow, plainFlow]) {
		const created = await createWorkflow(stack, workflow, { publish: true });
		const url = await waitForWebhook(`${stack.n8n.url}/webhook/${workflow.nodes[0].webhookId}/webhook`, stack.logFile);
		flows.push({ id: created.id, url });
	}
	const [waiting, plain] = flows;
	const tap = { answered: [], toEnd: [] };
	const base = { answered: [], toEnd: [] };
	/** Posts a measured payload in a quiet moment; when its execution stopped, once n8n says it did. */
	const measured = async (kind, url, payload, ended) => {
		await pause(QUIET_MS);
		const posted = await timedPost(url, payload);
		await pause(QUIET_MS);
		const endAt = Date.parse((await ended()).stoppedAt);
		marks?.push({ kind, at: posted.posted, endAt });
		return { ...posted, toEnd: endAt - posted.posted };
	};
	for (let round = 0; round < rounds; round++) {
		const from = String(917100000000 + round);
		stack.sandbox.openWindow(from);
		await timedPost(waiting.url, JSON.stringify(inboundMessage('text', { from }).value));
		const asking = await executionIn(stack, waiting.id, ['waiting']);
		const question = stack.sandbox.requestsTo('/sendreplymessage').map((request) => request.body).find((body) => body.mobile === from);
		const replyId = question.buttons[0].reply.id;
		const tapped = await measured('tap', waiting.url, JSON.stringify(inboundMessage('button_reply', { from, replyId, title: 'Approve' }).value), () =>
			executionIn(stack, waiting.id, ['success', 'error'], asking.id),
		);
		tap.answered.push(tapped.answerMs);
		tap.toEnd.push(tapped.toEnd);
		const seen = new Set((await stack.api.allExecutions({ workflowId: plain.id, includeData: 'false' })).map((execution) => execution.id));
		const sent = await measured('plain', plain.url, JSON.stringify(inboundMessage('text', { from }).value), () =>
			newExecutionEnded(stack, plain.id, seen),
		);
		base.answered.push(sent.answerMs);
		base.toEnd.push(sent.toEnd);
	}
	for (const flow of flows) await stack.api.unpublishWorkflow(flow.id);
	return {
		rounds,
		tapAnswerMs: median(tap.answered),
		resumeToEndMs: median(tap.toEnd),
		plainAnswerMs: median(base.answered),
		plainToEndMs: median(base.toEnd),
	};
}

const median = (values) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
};

/** Payloads of distinct inbound text messages, as Cunnekt posts them (from the sandbox's webhook sender). */
function inboundPayloads(count) {
	const { inboundMessage } = require('../../sandbox/webhooks');
	return Array.from({ length: count }, (_, n) => JSON.stringify(inboundMessage('text', { id: `wamid.BENCH${n}`, from: String(917000000000 + n) }).value));
}

/** Events our normaliser turns out per second, in this process, over a mix of Cunnekt's samples. */
function normaliseRate() {
	const { normalisePayload } = require(path.join(REPO_DIR, 'dist', 'nodes', 'CunnektTrigger', 'normalise.js'));
	const { SEED_WEBHOOKS } = require('../../sandbox/webhooks');
	const samples = Object.values(SEED_WEBHOOKS).map((sample) => JSON.parse(typeof sample === 'string' ? sample : JSON.stringify(sample)));
	let events = 0;
	const started = process.hrtime.bigint();
	let elapsedMs = 0;
	while (elapsedMs < 2000) {
		for (const sample of samples) {
			const result = normalisePayload(sample);
			if (result.ok) events += result.events.length;
		}
		elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
	}
	return Math.round(events / (elapsedMs / 1000));
}

/** Milliseconds to require our nodes and credential (and build their descriptions) in a fresh Node, median of 5. */
function requireTime(nodeBin) {
	const script = `
		require('n8n-workflow');
		const started = process.hrtime.bigint();
		const { Cunnekt } = require('./dist/nodes/Cunnekt/Cunnekt.node.js');
		const { CunnektTrigger } = require('./dist/nodes/CunnektTrigger/CunnektTrigger.node.js');
		const { CunnektApi } = require('./dist/credentials/CunnektApi.credentials.js');
		new Cunnekt(); new CunnektTrigger(); new CunnektApi();
		console.log(Number(process.hrtime.bigint() - started) / 1e6);`;
	const times = [];
	for (let run = 0; run < 5; run++) {
		const result = spawnSync(nodeBin, ['-e', script], { cwd: REPO_DIR, encoding: 'utf8' });
		if (result.status !== 0) throw new Error(`requiring the nodes failed: ${result.stderr}`);
		times.push(Number(result.stdout.trim()));
	}
	return median(times);
}

function table(title, columns, rows) {
	const widths = columns.map(([name, key]) => Math.max(name.length, ...rows.map((row) => String(row[key] ?? '').length)));
	const line = (cells) => `| ${cells.map((cell, index) => String(cell ?? '').padEnd(widths[index])).join(' | ')} |`;
	return [
		`\n${title}`,
		line(columns.map(([name]) => name)),
		`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`,
		...rows.map((row) => line(columns.map(([, key]) => row[key]))),
	].join('\n');
}

/** The benchmark's parts, in order; each adds its figures to results and prints its table. */
const SECTION_RUNS = {
	capped: async ({ stack, results, progress, http }) => {
		const ours = () => workflows.ourSender();
		const batched = () => workflows.httpSender(stack.sandbox, { batchSize: 80, batchInterval: 1000 });
		const sending = [];
		for (const cap of [80, 20]) {
			const rule = { latencyMs: LATENCY_MS, rateCap: cap };
			for (const [label, sender] of [
				['Cunnekt node, defaults', ours],
				['HTTP Request, defaults', http],
				['HTTP Request, batching 80 / 1,000 ms', batched],
			]) {
				progress(`${SENDS} sends, sandbox capped at ${cap}/s: ${label}`);
				const run = await sendRun(stack, { label, count: SENDS, sender: sender(), rule });
				sending.push({ ...run, cap, minimumMs: (SENDS / cap) * 1000 });
			}
		}
		results.capped = sending;
		console.log(
			table(
				`${SENDS} template sends, ${LATENCY_MS} ms latency, the sandbox rate-capped (429 above the cap); minimum = ${SENDS} ÷ cap`,
				[
					['cap/s', 'cap'],
					['sender', 'label'],
					['execution', 'status'],
					['delivered', 'delivered'],
					['rejected (429)', 'rejected'],
					['duplicates', 'duplicates'],
					['duration s', 'duration'],
					['÷ minimum', 'ratio'],
					['busiest second', 'maxPerSecond'],
				],
				sending.map((run) => ({ ...run, duration: seconds(run.durationMs), ratio: (run.durationMs / run.minimumMs).toFixed(3) })),
			),
		);
	},
	uncapped: async ({ stack, results, progress, http }) => {
		const uncapped = [];
		const concurrency = require(path.join(REPO_DIR, 'dist', 'nodes', 'shared', 'pacing.js')).SENDING_DEFAULTS.maxConcurrentRequests;
		const ceilingOf = (inFlight) => Math.min(1000, inFlight / (LATENCY_MS / 1000));
		for (const [label, sender, inFlight] of [
			['Cunnekt node, 1,000/s', () => workflows.ourSender({ maxRequestsPerSecond: 1000 }), concurrency],
			[
				'Cunnekt node, 1,000/s, 1,000 concurrent',
				() => workflows.ourSender({ maxRequestsPerSecond: 1000, maxConcurrentRequests: 1000 }),
				1000,
			],
			// n8n's HTTP Request node has no cap and sends every item at once: no ceiling of that kind
			['HTTP Request + Cunnekt credential, defaults', () => workflows.httpSender(stack.sandbox, undefined, { credential: true }), undefined],
			['HTTP Request, defaults', http, undefined],
		]) {
			progress(`${SENDS} sends, uncapped sandbox: ${label}`);
			const run = await sendRun(stack, { label, count: SENDS, sender: sender(), rule: { latencyMs: LATENCY_MS } });
			const perSecond = Math.round(run.delivered / (run.durationMs / 1000));
			const ceiling = inFlight === undefined ? undefined : ceilingOf(inFlight);
			uncapped.push({ ...run, perSecond, ceiling, share: ceiling === undefined ? undefined : perSecond / ceiling });
		}
		const ceiling = ceilingOf(concurrency);
		results.uncapped = { ceiling, runs: uncapped };
		console.log(
			table(
				`${SENDS} sends, uncapped sandbox, ${LATENCY_MS} ms latency: messages per second against min(cap 1,000, concurrency ÷ ${LATENCY_MS} ms) (${ceiling} at the default concurrency ${concurrency}); the CPU time of n8n's main thread (where nodes run) per message, and the rate that time allows`,
				[
					['sender', 'label'],
					['delivered', 'delivered'],
					['duration s', 'duration'],
					['messages/s', 'perSecond'],
					['ceiling', 'ceiling'],
					['÷ ceiling', 'shareText'],
					['busiest second', 'maxPerSecond'],
					['n8n main thread ms/message', 'cpu'],
					['1 ÷ that', 'cpuCeiling'],
				],
				uncapped.map((run) => ({
					...run,
					duration: seconds(run.durationMs),
					shareText: run.share?.toFixed(2),
					cpu: run.cpuMsPerMessage.toFixed(2),
					cpuCeiling: Math.round(1000 / run.cpuMsPerMessage),
				})),
			),
		);
	},
	memory: async ({ results, progress, freshStack }) => {
		const memory = [];
		// each sender in an n8n of its own: n8n keeps the memory a run took, so a second run in the same process
		// would start from the first one's peak
		for (const [label, sender] of [
			['Cunnekt node, 1,000/s', () => workflows.ourSender({ maxRequestsPerSecond: 1000 })],
			['HTTP Request, defaults', (stack) => workflows.httpSender(stack.sandbox)],
		]) {
			progress(`${MANY} sends (memory), in a fresh n8n: ${label}`);
			const stack = await freshStack();
			try {
				memory.push(await sendRun(stack, { label, count: MANY, sender: sender(stack), rule: { latencyMs: LATENCY_MS } }));
			} finally {
				await stack.stop();
			}
		}
		results.memory = memory;
		console.log(
			table(
				`${MANY} items sent, uncapped, ${LATENCY_MS} ms latency: n8n's resident memory (process and task runner, MiB)`,
				[
					['sender', 'label'],
					['delivered', 'delivered'],
					['duration s', 'duration'],
					['before', 'start'],
					['peak', 'peak'],
					['added', 'added'],
				],
				memory.map((run) => ({ ...run, duration: seconds(run.durationMs), ...run.memoryMiB })),
			),
		);
	},
	trigger: async ({ stack, results, progress, http }) => {
		progress(`trigger overhead: ${TRIGGER_EVENTS} events to each trigger, one at a time, the triggers taking turns`);
		const payloads = inboundPayloads(TRIGGER_EVENTS);
		const cunnektTrigger = workflows.ourTrigger();
		const triggers = await triggerRuns(
			stack,
			[
				{ label: 'Cunnekt Trigger', trigger: cunnektTrigger, webhookPath: `${cunnektTrigger.webhookId}/webhook` },
				{ label: 'Webhook node', trigger: workflows.webhookTrigger('bench-webhook'), webhookPath: 'bench-webhook' },
			],
			payloads,
		);
		const [ourTriggerRun, webhookRun] = triggers;
		results.trigger = {
			runs: triggers,
			answerRatio: ourTriggerRun.answerMs / webhookRun.answerMs,
			startRatio: ourTriggerRun.toExecutionStartMs / webhookRun.toExecutionStartMs,
			ratio: ourTriggerRun.toExecutionEndMs / webhookRun.toExecutionEndMs,
			normalisedPerSecond: normaliseRate(),
		};
		console.log(
			table(
				`trigger: ${TRIGGER_EVENTS} inbound messages posted one at a time to each, the two taking turns (medians)`,
				[
					['trigger', 'label'],
					['executions', 'executions'],
					['POST answered ms', 'answerMs'],
					['POST to execution start ms', 'toExecutionStartMs'],
					['POST to execution end ms', 'toExecutionEndMs'],
				],
				triggers.map((run) => ({ ...run, answerMs: run.answerMs.toFixed(1) })),
			),
		);
		console.log(`  our trigger ÷ Webhook node: POST to execution start ${results.trigger.startRatio.toFixed(2)}, POST to execution end ${results.trigger.ratio.toFixed(2)}, POST answered ${results.trigger.answerRatio.toFixed(2)}`);
		console.log(`  events normalised per second in process: ${results.trigger.normalisedPerSecond}`);
	},
	sendAndWait: async ({ stack, results, progress }) => {
		progress(`send and wait: ${RESUMES} taps resuming a waiting execution, next to ${RESUMES} plain trigger executions, taking turns`);
		const marks = TIMELINE ? [] : undefined;
		const runs = await resumeRuns(stack, RESUMES, marks);
		results.sendAndWait = { ...runs, ratio: runs.resumeToEndMs / runs.plainToEndMs };
		console.log(
			table(
				`send and wait: ${RESUMES} taps, each resuming an execution waiting at Send and Wait, and ${RESUMES} plain messages starting Cunnekt Trigger → No Operation (medians)`,
				[
					['what', 'label'],
					['POST answered ms', 'answerMs'],
					['POST to execution end ms', 'toEndMs'],
				],
				[
					{ label: 'tap → resumed execution ends', answerMs: runs.tapAnswerMs.toFixed(1), toEndMs: runs.resumeToEndMs },
					{ label: 'message → trigger execution ends', answerMs: runs.plainAnswerMs.toFixed(1), toEndMs: runs.plainToEndMs },
				],
			),
		);
		console.log(`  resumed ÷ plain trigger execution: POST to execution end ${results.sendAndWait.ratio.toFixed(2)} (target ≤ 1.5)`);
		if (!marks) return;
		results.sendAndWait.timeline = timelinePhases(TIMELINE_FILE, marks);
		for (const [kind, phases] of Object.entries(results.sendAndWait.timeline)) {
			console.log(
				table(
					`timeline of ${kind === 'tap' ? 'a tap, to the resumed execution\'s end' : 'a plain message, to its execution\'s end'} inside n8n (medians of each phase)`,
					[
						['phase', 'phase'],
						['ms', 'ms'],
					],
					phases.map((entry) => ({ ...entry, ms: entry.ms.toFixed(1) })),
				),
			);
		}
	},
	loading: async ({ stack, results, progress, http }) => {
		progress('cost of loading');
		results.loading = { requireMs: requireTime(stack.install.nodeBin), tarballBytes: fs.statSync(stack.tarball).size };
		console.log(`\nloading: requiring our nodes and credential ${results.loading.requireMs.toFixed(1)} ms (median of 5, Node ${NODE_VERSION}); packed tarball ${(results.loading.tarballBytes / 1024).toFixed(1)} KiB`);
	},
};

/** After n8n has stopped (and written its profile): for each run of our node, whose code the main thread ran. */
function printProfile() {
	const file = fs.existsSync(PROFILE_DIR) ? mainThreadProfile(PROFILE_DIR) : undefined;
	if (!file) {
		console.log('\nprofile: n8n wrote no CPU profile');
		return undefined;
	}
	const stretches = sendingProfiles(file);
	const runs = stretches.map((stretch, index) => ({ label: ourRuns[index] ?? `run ${index + 1}`, ...stretch }));
	for (const run of runs) {
		console.log(
			table(
				`profile of n8n's main thread while our node sent: ${run.label} (${seconds(run.windowMs)} s, ${run.samples} samples)`,
				[
					['code', 'owner'],
					['share of the time', 'percent'],
				],
				run.shares.filter((share) => share.share >= 0.005).map((share) => ({ ...share, percent: `${(share.share * 100).toFixed(1)}%` })),
			),
		);
	}
	console.log(`profile: ${path.relative(process.cwd(), file)}`);
	return runs;
}

/**
 * The sections wanted, on a fresh stack (n8n with `env`); each adds its figures to `results` and prints its table.
 * @param {{ env?: Record<string, string>, sections: string[], results: object, build: boolean, profile: boolean, timeline?: boolean, started: number }} pass
 */
async function runPass({ env, sections, results, build, profile, timeline = false, started }) {
	if (profile) fs.rmSync(PROFILE_DIR, { recursive: true, force: true });
	fs.mkdirSync(BENCH_DIR, { recursive: true });
	const probe = timeline ? timelineSetup(TIMELINE_FILE) : { nodeArgs: [], env: {} };
	const stack = await startStack({
		dir: path.join(BENCH_DIR, 'run'),
		build,
		env: { ...env, ...probe.env },
		nodeArgs: [...(profile ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : []), ...probe.nodeArgs],
		step: (name) => console.log(`  setup: ${name}…`),
	});
	// only this n8n runs under the profiler (the memory section's fresh ones do not)
	stack.profiled = profile;
	try {
		const progress = (what) => console.log(`  ${what}… (${seconds(Date.now() - started)} s)`);
		const http = () => workflows.httpSender(stack.sandbox);
		const freshStack = async () =>
			await startStack({ dir: path.join(BENCH_DIR, 'fresh'), build: false, env, step: (name) => console.log(`    fresh n8n: ${name}…`) });
		for (const name of sections) await SECTION_RUNS[name]({ stack, results, progress, http, freshStack });
	} finally {
		await stack.stop();
	}
}

/** The sections where n8n's expression isolates weigh most, measured again without them (the legacy engine). */
const LEGACY_SECTIONS = ['uncapped', 'trigger'];

async function main() {
	const build = !process.argv.includes('--no-build');
	const started = Date.now();
	const engine = process.env.N8N_EXPRESSION_ENGINE ?? 'vm (n8n\'s default)';
	const machine = `${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, n8n ${N8N_VERSION} on Node ${NODE_VERSION}, expression engine ${engine}`;
	console.log(`Benchmark${QUICK ? ' (quick)' : ''}: ${machine}`);
	const results = { date: new Date().toISOString(), machine, quick: QUICK, latencyMs: LATENCY_MS };
	const sections = Object.keys(SECTION_RUNS).filter(wanted);
	await runPass({ sections, results, build, profile: PROFILE, timeline: TIMELINE, started });
	if (PROFILE) results.profile = printProfile();
	// n8n's default engine takes an expression isolate for every expression and for every webhook call of a trigger
	// other than its own Webhook node: the same sections once more without, to show what the node itself costs.
	const legacySections = sections.filter((name) => LEGACY_SECTIONS.includes(name));
	if (process.env.N8N_EXPRESSION_ENGINE === undefined && legacySections.length > 0) {
		console.log('\nThe same again with N8N_EXPRESSION_ENGINE=legacy (n8n without expression isolates):');
		results.legacyEngine = {};
		await runPass({
			env: { N8N_EXPRESSION_ENGINE: 'legacy' },
			sections: legacySections,
			results: results.legacyEngine,
			build: false,
			profile: false,
			started,
		});
	}
	fs.mkdirSync(BENCH_DIR, { recursive: true });
	const file = path.join(BENCH_DIR, `bench-${results.date.replace(/[:.]/g, '-')}.json`);
	fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
	fs.writeFileSync(path.join(BENCH_DIR, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
	console.log(`\nfigures: ${path.relative(process.cwd(), file)} (and .bench/latest.json); ${seconds(Date.now() - started)} s in all`);
}

main().catch((error) => {
	console.error(`benchmark failed: ${error instanceof Error ? error.stack : error}`);
	process.exitCode = 1;
});
