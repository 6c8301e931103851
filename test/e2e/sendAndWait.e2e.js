// @ts-check
/**
 * Reply → Send and Wait for Response in a real n8n: the execution waits; the manager's tap, posted by the sandbox
 * to the published Cunnekt Trigger as Cunnekt would, resumes it through n8n's signed resume URL; a forged tap, the
 * real tap from another number and a replayed tap resume nothing and start nothing, and the answers say why. Uses
 * examples/refund-approval.json as a user would import it.
 */
const assert = require('assert/strict');
const { createWorkflow, CURRENT_CREDENTIAL_NAME, loadExamples, productionWebhookUrl } = require('../../playground/stack');
const { assertSucceeded, executionsOf, outputOf, poll, replyBodies, sandboxControl } = require('./harness');

const CUSTOMER = '919999999999';
const MANAGER = '919000000001';
const STRANGER = '918888888888';
const EXAMPLE = 'refund-approval.json';
const TRIGGER = "Cunnekt Trigger (manager's taps)";
/** A manager who writes with a username: known by BSUID only. */
const MANAGER_BSUID = 'IN.27182818284590452353';

async function executionById(stack, workflowId, id) {
	return (await executionsOf(stack, workflowId)).find((execution) => execution.id === id);
}

const replies = (stack) => replyBodies(stack.sandbox);

module.exports = [
	{
		name: 'send and wait: the refund waits for the manager; a forged tap and a tap from another number resume nothing and say why; the real tap resumes it with the answer; a replayed tap resumes nothing (examples/refund-approval.json)',
		async run({ stack, step }) {
			const example = loadExamples().find((entry) => entry.file === EXAMPLE);
			if (!example) throw new Error(`examples/${EXAMPLE} is missing`);
			const { workflow } = example;
			step('publish the example');
			const created = await createWorkflow(stack, workflow, { publish: true });
			try {
				const trigger = workflow.nodes.find((node) => node.name === TRIGGER);
				const tapUrl = await productionWebhookUrl(stack, workflow, TRIGGER);
				const refundNode = workflow.nodes.find((node) => node.name === 'Refund request');
				const refundUrl = `${stack.n8n.url}/webhook/${refundNode.parameters.path}`;
				stack.sandbox.openWindow(MANAGER);
				stack.sandbox.openWindow(CUSTOMER);
				/** The sandbox posts messages as Cunnekt does, in one request, with the trigger's secret. */
				const post = (messages) =>
					sandboxControl(stack, 'POST', '/webhooks/batch', { url: tapUrl, messages, query: { secret: trigger.parameters.secret ?? stack.webhookSecret } });

				step('a refund over the threshold: the manager gets Approve / Decline buttons and the execution waits');
				const started = await fetch(refundUrl, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ order: 'A-1042', amount: 250, customer: CUSTOMER, reason: 'damaged' }),
				});
				assert.equal(started.status, 200);
				const waiting = await poll('the refund execution to wait', async () =>
					(await executionsOf(stack, created.id)).find((execution) => execution.status === 'waiting'),
				);
				const [question] = replies(stack);
				const [approve, decline] = question.buttons.map((button) => button.reply.id);
				assert.deepEqual(question, {
					mobile: MANAGER,
					type: 'button',
					body: 'Refund request: 250 EUR for order A-1042 (damaged). Approve?',
					buttons: [
						{ type: 'reply', reply: { id: approve, title: 'Approve' } },
						{ type: 'reply', reply: { id: decline, title: 'Decline' } },
					],
				});
				assert.match(approve, new RegExp(`^sw2:${waiting.id}:[^:]+:a1:[a-z0-9]+:[0-9a-f]{12}:[0-9a-f]{64}$`));
				assert.ok(approve.length <= 256 && decline.length <= 256);
				const requestMessageId = stack.sandbox.state.sent[0].id;

				step('a forged tap (Decline with the Approve signature), alone: n8n refuses it, the answer says so, nothing starts');
				const forged = `${decline.slice(0, -64)}${approve.slice(-64)}`;
				const before = (await executionsOf(stack, created.id)).length;
				const forgedAlone = await post([{ type: 'button_reply', from: MANAGER, replyId: forged, title: 'Decline', context: { id: requestMessageId } }]);
				assert.deepEqual(
					[forgedAlone.status, forgedAlone.body],
					[200, `Received an answer to Send and Wait from ${MANAGER}: it resumed nothing, as n8n refused it: its signature does not match (the answer was altered or forged)`],
				);

				step('the real Approve tapped from another number: resumes nothing, says why, starts nothing');
				const stranger = await post([{ type: 'button_reply', from: STRANGER, replyId: approve, title: 'Approve', context: { id: requestMessageId } }]);
				assert.deepEqual(
					[stranger.status, stranger.body],
					[
						200,
						`Received an answer to Send and Wait from ${STRANGER}: it resumed nothing, as the request was sent to someone else, and only the person asked can answer it`,
					],
				);
				assert.equal((await executionsOf(stack, created.id)).length, before, 'neither tap started an execution');
				assert.equal((await executionById(stack, created.id, waiting.id)).status, 'waiting');

				step('the forged tap beside a text message: the text starts one execution, the refund still waits');
				const forgedAnswer = await post([
					{ type: 'button_reply', from: MANAGER, replyId: forged, title: 'Decline', context: { id: requestMessageId } },
					{ type: 'text', from: MANAGER, text: 'hello' },
				]);
				assert.equal(forgedAnswer.status, 200);
				await poll('the text message execution', async () => {
					const all = await executionsOf(stack, created.id);
					return all.length === before + 1 && all.at(-1).status === 'success' ? true : undefined;
				});
				assert.equal((await executionById(stack, created.id, waiting.id)).status, 'waiting');
				assert.equal(replies(stack).length, 1, 'nothing more was sent');

				step('the manager taps Approve: answered 200 once the execution resumed, no execution of its own, the customer is told');
				const countBeforeTap = (await executionsOf(stack, created.id)).length;
				const tap = await post([{ type: 'button_reply', from: MANAGER, replyId: approve, title: 'Approve', context: { id: requestMessageId } }]);
				assert.deepEqual([tap.status, tap.body], [200, `Received an answer to Send and Wait from ${MANAGER}: it resumed the waiting execution`]);
				const resumed = await poll('the refund to finish', async () => {
					const execution = await executionById(stack, created.id, waiting.id);
					return execution?.status === 'success' ? execution : undefined;
				});
				assertSucceeded(resumed);
				const [answer] = outputOf(resumed, 'Ask the manager');
				const tapMessage = tap.value.messages[0];
				assert.deepEqual(answer.json, {
					data: {
						approved: true,
						respondedBy: MANAGER,
						respondedAt: new Date(Number(tapMessage.timestamp) * 1000).toISOString(),
						messageId: tapMessage.id,
						requestMessageId,
					},
				});
				assert.deepEqual(replies(stack).slice(1), [
					{ mobile: CUSTOMER, type: 'text', text: 'Good news: your refund of 250 EUR for order A-1042 is approved.' },
				]);
				assert.equal((await executionsOf(stack, created.id)).length, countBeforeTap, 'the tap started no execution');

				step('the same tap again, and a genuine Decline after the fact, with a text: only the text starts an execution');
				const replayAnswer = await post([
					{ type: 'button_reply', from: MANAGER, replyId: approve, title: 'Approve', context: { id: requestMessageId } },
					{ type: 'button_reply', from: MANAGER, replyId: decline, title: 'Decline', context: { id: requestMessageId } },
					{ type: 'text', from: MANAGER, text: 'done?' },
				]);
				assert.equal(replayAnswer.status, 200);
				await poll('the text message execution', async () => {
					const all = await executionsOf(stack, created.id);
					return all.length === countBeforeTap + 1 && all.at(-1).status === 'success' ? true : undefined;
				});
				const after = await executionById(stack, created.id, waiting.id);
				assert.deepEqual(outputOf(after, 'Ask the manager')[0].json.data.approved, true);
				assert.equal(replies(stack).length, 2, 'nothing more was sent');
			} finally {
				await stack.api.unpublishWorkflow(created.id);
			}
		},
	},
	{
		name: 'send and wait to a BSUID: a manager known by BSUID only (current platform) is asked at the BSUID, and their tap, with no phone number in it, resumes the refund with respondedBy = the BSUID',
		async run({ stack, step }) {
			const example = loadExamples().find((entry) => entry.file === EXAMPLE);
			if (!example) throw new Error(`examples/${EXAMPLE} is missing`);
			// The example as a user would change it: the manager's BSUID, and a credential on the current platform.
			const workflow = {
				...example.workflow,
				nodes: example.workflow.nodes.map((node) =>
					node.name === 'Ask the manager'
						? {
								...node,
								parameters: { ...node.parameters, mobile: MANAGER_BSUID },
								credentials: { cunnektApi: { id: 'set-on-import', name: CURRENT_CREDENTIAL_NAME } },
							}
						: node,
				),
			};
			step('publish it');
			const created = await createWorkflow(stack, workflow, { publish: true });
			try {
				const trigger = workflow.nodes.find((node) => node.name === TRIGGER);
				const tapUrl = await productionWebhookUrl(stack, workflow, TRIGGER);
				const refundNode = workflow.nodes.find((node) => node.name === 'Refund request');
				stack.sandbox.openWindow(MANAGER_BSUID);
				stack.sandbox.openWindow(CUSTOMER);

				step('a refund over the threshold: the question goes to the BSUID in recipient, and the execution waits');
				const started = await fetch(`${stack.n8n.url}/webhook/${refundNode.parameters.path}`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ order: 'A-2077', amount: 400, customer: CUSTOMER, reason: 'late' }),
				});
				assert.equal(started.status, 200);
				const waiting = await poll('the refund execution to wait', async () =>
					(await executionsOf(stack, created.id)).find((execution) => execution.status === 'waiting'),
				);
				const [asked] = stack.sandbox.requests.filter((request) => request.path === '/api/v1/whatsapp/replymessage');
				const [approve, decline] = asked.body.interactive.action.buttons.map((button) => button.reply.id);
				assert.equal(
					JSON.stringify(asked.body),
					JSON.stringify({
						messaging_product: 'whatsapp',
						recipient_type: 'individual',
						recipient: MANAGER_BSUID,
						type: 'interactive',
						interactive: {
							type: 'button',
							body: { text: 'Refund request: 400 EUR for order A-2077 (late). Approve?' },
							action: {
								buttons: [
									{ type: 'reply', reply: { id: approve, title: 'Approve' } },
									{ type: 'reply', reply: { id: decline, title: 'Decline' } },
								],
							},
						},
					}),
				);
				const requestMessageId = stack.sandbox.state.sent[0].id;

				step('the manager taps Approve from WhatsApp with a username (no phone number in the webhook): it resumes');
				const tap = await sandboxControl(stack, 'POST', '/webhooks/batch', {
					url: tapUrl,
					messages: [
						{ type: 'button_reply', withoutPhone: true, userId: MANAGER_BSUID, replyId: approve, title: 'Approve', context: { id: requestMessageId } },
					],
					query: { secret: trigger.parameters.secret ?? stack.webhookSecret },
				});
				assert.deepEqual([tap.status, tap.body], [200, `Received an answer to Send and Wait from ${MANAGER_BSUID}: it resumed the waiting execution`]);
				const resumed = await poll('the refund to finish', async () => {
					const execution = await executionById(stack, created.id, waiting.id);
					return execution?.status === 'success' ? execution : undefined;
				});
				assertSucceeded(resumed);
				const tapMessage = tap.value.messages[0];
				assert.deepEqual(outputOf(resumed, 'Ask the manager')[0].json, {
					data: {
						approved: true,
						respondedBy: MANAGER_BSUID,
						respondedAt: new Date(Number(tapMessage.timestamp) * 1000).toISOString(),
						messageId: tapMessage.id,
						requestMessageId,
					},
				});
				assert.deepEqual(replies(stack), [
					{ mobile: CUSTOMER, type: 'text', text: 'Good news: your refund of 400 EUR for order A-2077 is approved.' },
				]);
			} finally {
				await stack.api.unpublishWorkflow(created.id);
			}
		},
	},
];
