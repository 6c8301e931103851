// @ts-check
/**
 * Inbound traffic for the queue-mode checks: a plan of webhook deliveries (single messages of mixed types, batches,
 * and retries of earlier deliveries, byte for byte), posted by the sandbox to the webhook processor, and the proof
 * that every distinct message produced exactly one execution and exactly one reply.
 */
const assert = require('assert/strict');
const { executionsByWorker } = require('./cluster');

/** Message types the sandbox sends, in turn: every kind a customer can write. */
const TYPES = ['text', 'button_reply', 'list_reply', 'image', 'document', 'location', 'button', 'nfm_reply', 'audio', 'video', 'contacts', 'sticker', 'reaction'];

/**
 * The deliveries for `count` distinct messages, each from its own customer: about one request in eight a batch of
 * 2–4 messages, and about one in ten followed later by a retry of the same request (as Cunnekt retries when an
 * answer is slow). Deterministic for a given tag.
 * @returns {Array<{ messages: Array<{ id: string, from: string, type: string }> } | { retryOf: number }>}
 */
function inboundPlan(count, tag, { batches = true, retries = true } = {}) {
	/** @type {Array<any>} */
	const plan = [];
	/** positions in the plan of the requests that carry new messages */
	const requests = [];
	let index = 0;
	const message = () => {
		const n = index++;
		return { id: `wamid.Q${tag}${String(n).padStart(5, '0')}`, from: `91${7000000000 + n}`, type: TYPES[n % TYPES.length] };
	};
	while (index < count) {
		const size = batches && requests.length % 8 === 3 ? Math.min(2 + (requests.length % 3), count - index) : 1;
		requests.push(plan.length);
		plan.push({ messages: Array.from({ length: size }, message) });
		// a retry repeats a request made a few requests earlier, as a sender retries one whose answer was slow
		if (retries && requests.length % 10 === 8) plan.push({ retryOf: requests[requests.length - 4] });
	}
	return plan;
}

/** The distinct message ids of a plan. */
function messageIds(plan) {
	return plan.flatMap((entry) => (entry.messages ?? []).map((message) => message.id));
}

/**
 * Posts the plan to the trigger's URL, `parallel` requests at a time, through the sandbox's webhook sender (which
 * opens each customer's service window, as an inbound message does on Cunnekt). A retry waits for its original's
 * answer and repeats its bytes. onAnswered(done) after each answer. Returns each delivery's HTTP status.
 */
async function deliverPlan(sandbox, url, plan, { parallel = 20, onAnswered = (_done) => undefined } = {}) {
	/** @type {Array<Promise<{ status: number, payload: string }>>} */
	const answers = new Array(plan.length);
	let next = 0;
	let done = 0;
	const send = async (entry) => {
		if ('retryOf' in entry) {
			const original = await answers[entry.retryOf];
			return await sandbox.webhooks.deliver(url, original.payload);
		}
		const [first] = entry.messages;
		if (entry.messages.length === 1) return await sandbox.webhooks.message(url, first.type, first);
		return await sandbox.webhooks.batch(url, { messages: entry.messages });
	};
	const lane = async () => {
		while (next < plan.length) {
			const position = next++;
			answers[position] = send(plan[position]);
			await answers[position];
			onAnswered(++done);
		}
	};
	await Promise.all(Array.from({ length: Math.min(parallel, plan.length) }, lane));
	return await Promise.all(answers);
}

/**
 * How many replies each message got, from what the sandbox accepted (a reply's text names the message it answers),
 * and the replies that went to another number than the message came from.
 */
function repliesById(sandbox, ids, senders = new Map()) {
	const wanted = new Set(ids);
	/** @type {Map<string, number>} */
	const counts = new Map();
	const misdirected = [];
	for (const sent of sandbox.state.sent) {
		for (const id of JSON.stringify(sent.body).match(/wamid\.Q[\w]+/g) ?? []) {
			if (!wanted.has(id)) continue;
			counts.set(id, (counts.get(id) ?? 0) + 1);
			if (senders.has(id) && senders.get(id) !== sent.mobile) misdirected.push(`${id} → ${sent.mobile}`);
		}
	}
	return Object.assign(counts, { misdirected });
}

const FINISHED = new Set(['success', 'error', 'crashed', 'canceled']);

/**
 * Waits until the workflow's executions have all finished and `done(executions)` holds, or until nothing changed
 * for `stallMs` (`quietMs` once all executions finished; then the verification names what is missing): never a
 * limit on how long the work may take while it progresses. progress() describes what else to watch (e.g. replies so far).
 */
async function settle(cluster, workflowId, { done, progress = () => '', stallMs = 180000, quietMs = 15000, log = (_line) => undefined }) {
	let last = '';
	let changedAt = Date.now();
	for (;;) {
		const executions = await cluster.api.allExecutions({ workflowId, includeData: 'false' });
		const unfinished = executions.filter((execution) => !FINISHED.has(execution.status)).length;
		const state = `${executions.length} executions (${unfinished} unfinished)${progress()}`;
		if (state !== last) {
			log(state);
			last = state;
			changedAt = Date.now();
		}
		if (unfinished === 0 && done(executions)) return executions;
		// all finished and quiet for a while: nothing more will come (every delivery was answered before this)
		if (Date.now() - changedAt > (unfinished === 0 ? quietMs : stallMs)) return executions;
		await new Promise((resolve) => setTimeout(resolve, 2000));
	}
}

/** settle() for inbound messages: done when every message has its reply. */
async function settleReplies(cluster, workflowId, ids, { log } = {}) {
	const answered = () => repliesById(cluster.sandbox, ids).size;
	return await settle(cluster, workflowId, {
		done: () => answered() >= ids.length,
		progress: () => `, replies to ${answered()} of ${ids.length} messages`,
		log,
	});
}

/**
 * Every distinct message of the plan in exactly one execution (as one of the trigger's items) and answered by exactly
 * one reply to its sender; one execution per request with new messages, none for a retry; every execution
 * successful; which worker ran each. Returns the figures; throws what is lost or doubled.
 */
async function verifyExactlyOnce(cluster, workflowId, plan, triggerName) {
	const ids = messageIds(plan);
	const senders = new Map(plan.flatMap((entry) => (entry.messages ?? []).map((message) => [message.id, message.from])));
	const requests = plan.filter((entry) => entry.messages).length;
	const executions = await cluster.api.allExecutions({ workflowId });
	/** @type {Map<string, string[]>} message id → execution ids */
	const executionsOf = new Map();
	for (const execution of executions) {
		const items = execution.data?.resultData?.runData?.[triggerName]?.[0]?.data?.main?.[0] ?? [];
		for (const { json } of items) executionsOf.set(json.messageId, [...(executionsOf.get(json.messageId) ?? []), execution.id]);
	}
	const replies = repliesById(cluster.sandbox, ids, senders);
	const workerOf = executionsByWorker(cluster);
	/** @type {Record<string, number>} */
	const perWorker = {};
	for (const execution of executions) {
		const worker = workerOf.get(String(execution.id)) ?? 'unknown';
		perWorker[worker] = (perWorker[worker] ?? 0) + 1;
	}
	const failed = executions.filter((execution) => execution.status !== 'success');
	const times = executions.flatMap((execution) => [Date.parse(execution.startedAt), Date.parse(execution.stoppedAt)]).filter(Number.isFinite);
	const figures = {
		messages: ids.length,
		executions: executions.length,
		failedExecutions: failed.length,
		lostExecutions: ids.filter((id) => !executionsOf.has(id)).length,
		doubledExecutions: ids.filter((id) => (executionsOf.get(id)?.length ?? 0) > 1).length,
		lostReplies: ids.filter((id) => !replies.has(id)).length,
		doubledReplies: ids.filter((id) => (replies.get(id) ?? 0) > 1).length,
		perWorker,
		firstStart: Math.min(...times),
		lastStop: Math.max(...times),
	};
	const example = (list) => list.slice(0, 5).join(', ');
	assert.deepEqual(
		failed.map((execution) => `${execution.id}: ${execution.status}`),
		[],
		'every execution succeeded',
	);
	assert.equal(executions.length, requests, 'one execution per request carrying new messages (a retry starts none)');
	assert.deepEqual(replies.misdirected.slice(0, 5), [], 'every reply went to the number the message came from');
	assert.equal(figures.lostExecutions, 0, `messages no execution saw: ${example(ids.filter((id) => !executionsOf.has(id)))}`);
	assert.equal(figures.doubledExecutions, 0, `messages in more than one execution: ${example(ids.filter((id) => (executionsOf.get(id)?.length ?? 0) > 1))}`);
	assert.equal(figures.lostReplies, 0, `messages never answered: ${example(ids.filter((id) => !replies.has(id)))}`);
	assert.equal(figures.doubledReplies, 0, `messages answered more than once: ${example(ids.filter((id) => (replies.get(id) ?? 0) > 1))}`);
	return figures;
}

module.exports = { FINISHED, inboundPlan, messageIds, deliverPlan, settle, settleReplies, verifyExactlyOnce, repliesById };
