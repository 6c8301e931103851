// @ts-check
/** The queue-mode checks: inbound to reply, two broadcasts at once, a worker stopped gracefully mid-burst. */
const assert = require('assert/strict');
const crypto = require('crypto');
const { treeMemory } = require('../../playground/host/memory');
const { stopProcess } = require('../../playground/n8n/processes');
const { createWorkflow } = require('../../playground/stack');
const { CUNNEKT, node, cunnekt, chainWorkflow } = require('../e2e/harness');
const { productionUrl, executionsByWorker, workerActivity } = require('./cluster');
const { FINISHED, inboundPlan, messageIds, deliverPlan, settle, settleReplies, verifyExactlyOnce } = require('./inbound');

const TRIGGER = 'Cunnekt Trigger';
/** WhatsApp's default throughput for one business number, per second. */
const CAP = 80;

/** How many messages and recipients: the full run by default, fewer with CUNNEKT_QUEUE_MESSAGES (e.g. in CI). */
function sizes() {
	const messages = Number(process.env.CUNNEKT_QUEUE_MESSAGES ?? 1000);
	return {
		messages,
		recipients: Number(process.env.CUNNEKT_QUEUE_RECIPIENTS ?? Math.max(50, messages / 2)),
		burst: Math.max(60, Math.round(messages * 0.3)),
	};
}

/** Our trigger → Reply → Send Buttons naming the message it answers: a business answering every customer. */
function inboundWorkflow(name) {
	return chainWorkflow(name, [
		node(TRIGGER, `${CUNNEKT}Trigger`, {}, { webhookId: crypto.randomUUID() }),
		cunnekt('Answer', {
			resource: 'reply',
			operation: 'sendButtons',
			mobile: '={{ $json.from }}',
			body: '=Thanks, we got your message {{ $json.messageId }}. Anything else?',
			buttons: { button: [{ title: 'Talk to us', id: 'talk' }, { title: 'All good', id: 'done' }] },
		}),
	]);
}

/**
 * Publishes trigger → reply and plans `count` messages for it: the workflow's id, its URL at the webhook processor
 * once registered, the plan and its message ids.
 */
async function prepareInbound(cluster, step, name, count, tag) {
	step('publish trigger → reply');
	const workflow = inboundWorkflow(name);
	const created = await createWorkflow(cluster, workflow, { publish: true });
	const url = await productionUrl(cluster, `${workflow.nodes[0].webhookId}/webhook`);
	const plan = inboundPlan(count, tag);
	return { workflowId: created.id, url, plan, ids: messageIds(plan) };
}

/** The workflow's one execution once `ready` holds for it (read with its data when `withData`). */
async function settleOne(cluster, workflowId, ready, withData = false) {
	for (let attempt = 0; attempt < 900; attempt++) {
		const executions = await cluster.api.allExecutions({ workflowId, includeData: String(withData) });
		const found = executions.find(ready);
		if (found) return found;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error(`workflow ${workflowId}: no execution reached the expected state`);
}

/** The run's figures, printed at the end. */
const figures = [];

function rate(count, fromMs, toMs) {
	return (count / ((toMs - fromMs) / 1000)).toFixed(1);
}

module.exports = {
	figures,
	checks: [
		{
			name: 'inbound to reply: every distinct message exactly one execution and one reply, on both workers',
			async run({ cluster, step, log }) {
				const { messages } = sizes();
				const { workflowId, url, plan, ids } = await prepareInbound(cluster, step, 'queue: inbound → reply', messages, 'in');
				step(`the sandbox posts ${messages} messages in ${plan.length} requests (batches and retries among them)`);
				const started = Date.now();
				const answers = await deliverPlan(cluster.sandbox, url, plan);
				assert.deepEqual([...new Set(answers.map((answer) => answer.status))], [200], 'the webhook processor answered 200 to every request');
				step('wait for the executions and replies');
				await settleReplies(cluster, workflowId, ids, { log });
				step('every message exactly once');
				const result = await verifyExactlyOnce(cluster, workflowId, plan, TRIGGER);
				const workers = Object.keys(result.perWorker).filter((name) => name.startsWith('worker-'));
				assert.equal(workers.length, 2, `executions ran on both workers: ${JSON.stringify(result.perWorker)}`);
				figures.push({
					check: 'inbound to reply',
					figures: {
						requests: `${plan.length} (${plan.filter((entry) => 'retryOf' in entry).length} retries, ${plan.filter((entry) => entry.messages?.length > 1).length} batches)`,
						messages: ids.length,
						executions: result.executions,
						'per worker': JSON.stringify(result.perWorker),
						'executions per second': rate(result.executions, started, result.lastStop),
						'first post to last execution': `${((result.lastStop - started) / 1000).toFixed(1)} s`,
						lost: result.lostExecutions + result.lostReplies,
						doubled: result.doubledExecutions + result.doubledReplies,
					},
				});
			},
		},
		{
			name: 'two broadcasts at once, one on each worker: every recipient exactly once',
			async run({ cluster, step, log }) {
				const { recipients } = sizes();
				step('publish webhook → recipients → Template Message Send');
				const workflow = chainWorkflow('queue: broadcast', [
					node('Start broadcast', 'n8n-nodes-base.webhook', { httpMethod: 'POST', path: 'broadcast', options: {} }, { typeVersion: 2, webhookId: crypto.randomUUID() }),
					node(
						'Recipients',
						'n8n-nodes-base.code',
						{
							jsCode: `const first = $input.first().json.body.first;\nreturn Array.from({ length: ${recipients} }, (_, n) => ({ json: { mobile: '91' + (8000000000 + first + n) } }));`,
						},
						{ typeVersion: 2 },
					),
					cunnekt('Send welcome', {
						resource: 'templateMessage',
						operation: 'send',
						mobile: '={{ $json.mobile }}',
						templateId: { __rl: true, mode: 'id', value: 'asdasdDSDsd' },
					}),
				]);
				const created = await createWorkflow(cluster, workflow, { publish: true });
				const url = await productionUrl(cluster, 'broadcast');
				cluster.sandbox.faults.set({ path: '/sendnotification', rateCap: CAP, latencyMs: 50 });
				step(`start two ${recipients}-recipient broadcasts at once, the sandbox capped at ${CAP} per second`);
				const started = Date.now();
				const posts = await Promise.all(
					[0, recipients].map((first) =>
						fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ first }) }),
					),
				);
				assert.deepEqual(posts.map((response) => response.status), [200, 200]);
				step('wait for both executions');
				const mobiles = Array.from({ length: recipients * 2 }, (_, n) => `91${8000000000 + n}`);
				const executions = await settle(cluster, created.id, {
					done: (list) => list.length === 2,
					progress: () => `, ${cluster.sandbox.state.sent.length} of ${mobiles.length} delivered`,
					log,
				});
				step('every recipient exactly once, each broadcast on its own worker');
				assert.deepEqual(executions.map((execution) => execution.status), ['success', 'success']);
				const workerOf = executionsByWorker(cluster);
				const workers = executions.map((execution) => workerOf.get(String(execution.id)));
				assert.equal(new Set(workers).size, 2, `the broadcasts ran on two workers: ${workers.join(', ')}`);
				const sent = cluster.sandbox.state.sent.filter((message) => message.endpoint === 'sendnotification');
				/** @type {Map<string, number>} */
				const perMobile = new Map();
				for (const message of sent) perMobile.set(message.mobile, (perMobile.get(message.mobile) ?? 0) + 1);
				const lost = mobiles.filter((mobile) => !perMobile.has(mobile));
				const doubled = mobiles.filter((mobile) => (perMobile.get(mobile) ?? 0) > 1);
				assert.equal(lost.length, 0, `recipients never sent: ${lost.slice(0, 5).join(', ')}`);
				assert.equal(doubled.length, 0, `recipients sent more than once: ${doubled.slice(0, 5).join(', ')}`);
				assert.equal(sent.length, mobiles.length);
				const stats = cluster.sandbox.stats({ path: '/sendnotification' });
				assert.ok(stats.rejected > 0, 'together the two executions went over the cap, and the 429 answers were retried');
				assert.equal(stats.duplicates, 0, 'no message accepted twice');
				const requests = cluster.sandbox.requestsTo('/sendnotification');
				const first = Math.min(...requests.map((request) => request.at));
				const last = Math.max(...sent.map((message) => message.at));
				log(`broadcasts posted at ${started}, first send ${first - started} ms later`);
				figures.push({
					check: 'two broadcasts at once',
					figures: {
						workers: workers.join(', '),
						delivered: `${sent.length} of ${mobiles.length}`,
						'requests (incl. rejected)': stats.requests,
						'rejected (429)': stats.rejected,
						'busiest second': `${stats.maxPerWindow} requests (cap ${CAP})`,
						'first send to last delivery': `${((last - first) / 1000).toFixed(1)} s (minimum ${(mobiles.length / CAP).toFixed(1)} s)`,
						lost: lost.length,
						doubled: doubled.length,
					},
				});
			},
		},
		{
			name: 'send and wait: the pick in a list arrives at the webhook processor and the waiting execution resumes on a worker with it',
			async run({ cluster, step, log }) {
				step('publish trigger → Send and Wait → after the answer');
				const workflow = chainWorkflow('queue: send and wait', [
					node(TRIGGER, `${CUNNEKT}Trigger`, { events: ['message'] }, { webhookId: crypto.randomUUID() }),
					cunnekt('Ask', {
						resource: 'reply',
						operation: 'sendAndWait',
						mobile: '={{ $json.from }}',
						message: '=Which slot for request {{ $json.messageId }}?',
						responseType: 'choice',
						choiceStyle: 'list',
						listButtonLabel: 'Slots',
						choices: { choice: [{ label: 'Mon 10:00', value: 'mon10' }, { label: 'Tue 14:00', value: 'tue14' }, { label: 'Wed 09:30', value: '' }] },
					}),
					node('After the answer', 'n8n-nodes-base.noOp'),
				]);
				const created = await createWorkflow(cluster, workflow, { publish: true });
				const url = await productionUrl(cluster, `${workflow.nodes[0].webhookId}/webhook`);
				const mobile = '919555000111';
				step('a message starts an execution on a worker; it sends the question and waits');
				await cluster.sandbox.webhooks.message(url, 'text', { from: mobile, text: 'refund please' });
				const waiting = await settleOne(cluster, created.id, (execution) => execution.status === 'waiting');
				const question = cluster.sandbox.requestsTo('/sendreplymessage').map((request) => request.body).find((body) => body.mobile === mobile);
				assert.deepEqual(question.list.map((row) => row.title), ['Mon 10:00', 'Tue 14:00', 'Wed 09:30']);
				const tuesday = question.list[1].id;
				step('the tap goes to the webhook processor: answered 200, no new execution; a worker resumes the waiting one');
				const tap = await cluster.sandbox.webhooks.message(url, 'list_reply', { from: mobile, replyId: tuesday, title: 'Tue 14:00' });
				assert.deepEqual([tap.status, tap.body], [200, `Received an answer to Send and Wait from ${mobile}: it resumed the waiting execution`]);
				const posted = Date.now();
				const done = await settleOne(cluster, created.id, (execution) => execution.id === waiting.id && execution.status === 'success', true);
				const runData = done.data.resultData.runData;
				const { data } = runData.Ask[0].data.main[0][0].json;
				assert.deepEqual([data.choice, data.choiceLabel, data.respondedBy], ['tue14', 'Tue 14:00', mobile]);
				assert.ok(runData['After the answer'], 'the node after Send and Wait ran');
				const all = await cluster.api.allExecutions({ workflowId: created.id, includeData: 'false' });
				assert.equal(all.length, 1, 'the tap started no execution of its own');
				const workers = [...executionsByWorker(cluster).entries()].filter(([id]) => id === waiting.id).map(([, name]) => name);
				assert.ok(workers.length === 1 && workers[0].startsWith('worker-'), `a worker ran the execution: ${workers}`);
				log(`resumed on ${workers[0]}, ${Date.now() - posted} ms after the tap`);
			},
		},
		{
			name: 'a worker stopped gracefully (SIGTERM) mid-burst: nothing lost, nothing doubled',
			async run({ cluster, step, log }) {
				const { burst } = sizes();
				const { workflowId, url, plan, ids } = await prepareInbound(cluster, step, 'queue: graceful stop', burst, 'gs');
				const stopped = cluster.workers[1];
				const before = workerActivity(stopped).started;
				/** worker-2's executions of this burst: started, and started but not finished */
				const activity = () => {
					const { started, finished } = workerActivity(stopped);
					const mine = [...started].filter((id) => !before.has(id));
					return { started: mine.length, inFlight: mine.filter((id) => !finished.has(id)).length };
				};
				step(`the sandbox posts ${burst} messages; worker-2 gets SIGTERM once it has run some and has some in flight`);
				/** @type {Promise<any> | undefined} */
				let stopping;
				const watcher = setInterval(() => {
					const now = activity();
					if (stopping || now.started < Math.max(3, burst / 20) || now.inFlight === 0) return;
					const memory = treeMemory(stopped.pid);
					log(`SIGTERM to worker-2 (process ${stopped.pid}): ${now.started} executions of this burst started, ${now.inFlight} in flight`);
					stopping = stopProcess(stopped.child, 120000).then(() => ({
						...now,
						memory,
						code: stopped.child.exitCode,
						signal: stopped.child.signalCode,
					}));
				}, 50);
				const answers = await deliverPlan(cluster.sandbox, url, plan, { parallel: 10 });
				assert.deepEqual([...new Set(answers.map((answer) => answer.status))], [200]);
				// the burst is posted; its executions may still be queued: wait for worker-2's turn while any is unfinished
				const unfinished = async () =>
					(await cluster.api.allExecutions({ workflowId, includeData: 'false' })).some((execution) => !FINISHED.has(execution.status));
				while (!stopping && (await unfinished())) await new Promise((resolve) => setTimeout(resolve, 100));
				clearInterval(watcher);
				assert.ok(stopping, 'worker-2 was stopped while it had executions of the burst in flight');
				const exit = await stopping;
				cluster.stoppedMemory = { ...cluster.stoppedMemory, 'worker-2 (stopped)': exit.memory };
				step('wait for the executions and replies');
				await settleReplies(cluster, workflowId, ids, { log });
				step('every message exactly once');
				const result = await verifyExactlyOnce(cluster, workflowId, plan, TRIGGER);
				assert.ok((result.perWorker['worker-2'] ?? 0) > 0, `worker-2 ran part of the burst before it stopped: ${JSON.stringify(result.perWorker)}`);
				assert.equal(exit.code, 0, `worker-2 finished its executions and exited cleanly (${exit.signal ?? `exit ${exit.code}`})`);
				figures.push({
					check: 'worker stopped gracefully',
					figures: {
						messages: ids.length,
						executions: result.executions,
						'per worker': JSON.stringify(result.perWorker),
						'worker-2 at SIGTERM': `${exit.started} started, ${exit.inFlight} in flight`,
						'worker-2 exit': exit.signal ?? `exit ${exit.code}`,
						lost: result.lostExecutions + result.lostReplies,
						doubled: result.doubledExecutions + result.doubledReplies,
					},
				});
			},
		},
	],
};
