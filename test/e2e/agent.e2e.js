// @ts-check
/**
 * The Cunnekt node in n8n's AI Agent: as a tool the agent calls (Reply → Send Text with $fromAI()), and as the
 * "Human review" tool n8n generates from Send and Wait (n8n-nodes-cunnekt.cunnektHitlTool) gating another tool until
 * a person taps Approve on WhatsApp. The chat model is n8n's OpenAI node pointed at a scripted OpenAI-compatible
 * server on 127.0.0.1 (fixtures/scriptedLlm.js): the one part that cannot run for real.
 */
const assert = require('assert/strict');
const { createWorkflow, productionWebhookUrl, waitForWebhook } = require('../../playground/stack');
const { assertSucceeded, executionsOf, outputOf, poll, replyBodies, sandboxControl } = require('./harness');
const { startScriptedLlm } = require('./fixtures/scriptedLlm');

const CUSTOMER = '919999999999';
const MANAGER = '919000000001';
const CUNNEKT_CREDENTIAL = { cunnektApi: { id: 'set-on-import', name: 'Cunnekt' } };
const SECRET = 'agent-check-secret-7f3a91';

/** The Cunnekt tool the agent calls: Reply → Send Text, the number and the text chosen by the model. */
function sendTextTool(name) {
	return {
		id: 'cunnekt-send-text-tool',
		name,
		type: 'n8n-nodes-cunnekt.cunnektTool',
		typeVersion: 1,
		position: [400, 300],
		parameters: {
			descriptionType: 'auto',
			resource: 'reply',
			operation: 'sendText',
			mobile: "={{ $fromAI('mobile', 'The customer\\'s WhatsApp number, with country code', 'string') }}",
			text: "={{ $fromAI('text', 'The message to send', 'string') }}",
		},
		credentials: CUNNEKT_CREDENTIAL,
	};
}

/**
 * Webhook (POST {prompt}) → AI Agent with n8n's OpenAI chat model on the scripted server and the given tools; the
 * tool nodes connect as `toolConnections` say (node → node, ai_tool).
 */
function agentWorkflow(name, path, webhookId, credential, tools, toolConnections, extraNodes = []) {
	const nodes = [
		{ id: `${path}-hook`, name: 'Agent request', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId, parameters: { httpMethod: 'POST', path, options: {} } },
		{
			id: `${path}-agent`,
			name: 'AI Agent',
			type: '@n8n/n8n-nodes-langchain.agent',
			typeVersion: 3.1,
			position: [250, 0],
			parameters: { promptType: 'define', text: '={{ $json.body.prompt }}', options: { enableStreaming: false } },
		},
		{
			id: `${path}-model`,
			name: 'OpenAI Chat Model',
			type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
			typeVersion: 1.3,
			position: [150, 300],
			parameters: { model: { __rl: true, mode: 'id', value: 'scripted-model' }, responsesApiEnabled: false, options: {} },
			credentials: { openAiApi: { id: credential.id, name: credential.name } },
		},
		...tools,
		...extraNodes,
	];
	const connections = {
		'Agent request': { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
		'OpenAI Chat Model': { ai_languageModel: [[{ node: 'AI Agent', type: 'ai_languageModel', index: 0 }]] },
	};
	for (const [from, to] of toolConnections) connections[from] = { ai_tool: [[{ node: to, type: 'ai_tool', index: 0 }]] };
	return { name, nodes, connections, settings: { executionOrder: 'v1' } };
}

async function withLlm(stack, run) {
	const llm = await startScriptedLlm();
	try {
		const credential = await stack.api.createCredential({
			name: `Scripted LLM ${Date.now()}`,
			type: 'openAiApi',
			data: { apiKey: 'sk-scripted', url: llm.url, header: false },
		});
		await run(llm, credential);
	} finally {
		await llm.close();
	}
}

const replies = (stack) => replyBodies(stack.sandbox);

async function postJson(url, body) {
	const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
	assert.equal(response.status, 200, `POST ${url}`);
}

module.exports = [
	{
		name: "agent: n8n's node types include the Cunnekt Human-review tool (cunnektHitlTool), fixed to Send and Wait, approval",
		async run({ stack }) {
			// The node types the editor loads (n8n generates the Tool and Human-review variants of community nodes here).
			const response = await fetch(`${stack.n8n.url}/types/nodes.json`, { headers: { cookie: stack.cookie } });
			assert.equal(response.status, 200);
			const review = (await response.json()).find((type) => type.name === 'n8n-nodes-cunnekt.cunnektHitlTool');
			assert.ok(review, 'n8n-nodes-cunnekt.cunnektHitlTool is among the node types');
			assert.deepEqual([review.name, review.subtitle, review.description, review.outputs[0].displayName], [
				'n8n-nodes-cunnekt.cunnektHitlTool',
				'Send and wait',
				'Request human approval for tools',
				'Human review',
			]);
			const hidden = Object.fromEntries(review.properties.filter((property) => property.type === 'hidden').map((property) => [property.name, property.default]));
			assert.deepEqual(hidden, { resource: 'reply', operation: 'sendAndWait', responseType: 'approval' });
		},
	},
	{
		name: 'agent: an AI Agent calls the Cunnekt tool (Reply → Send Text with $fromAI) and the sandbox receives exactly that message',
		async run({ stack, step }) {
			await withLlm(stack, async (llm, credential) => {
				llm.script = { arguments: { mobile: CUSTOMER, text: 'Your order A-1042 has shipped.' } };
				const workflow = agentWorkflow('Agent sends WhatsApp', 'agent-send', '1b2c3d4e-0000-4000-8000-00000000a001', credential, [sendTextTool('Send WhatsApp text')], [
					['Send WhatsApp text', 'AI Agent'],
				]);
				const created = await createWorkflow(stack, workflow, { publish: true });
				try {
					stack.sandbox.openWindow(CUSTOMER);
					step('ask the agent');
					await postJson(await waitForWebhook(`${stack.n8n.url}/webhook/agent-send`, stack.logFile), { prompt: 'Tell the customer 919999999999 that order A-1042 has shipped.' });
					const done = await poll('the agent run', async () => {
						const [execution] = await executionsOf(stack, created.id);
						return execution && execution.status !== 'running' && execution.status !== 'new' ? execution : undefined;
					});
					assertSucceeded(done);
					assert.deepEqual(replies(stack), [{ mobile: CUSTOMER, type: 'text', text: 'Your order A-1042 has shipped.' }]);
					const offered = llm.requests.find((request) => request.body.tools)?.body.tools[0].function;
					assert.match(offered.description, /\S/, 'the tool has a description the model reads');
					assert.deepEqual(Object.keys(offered.parameters.properties).sort(), ['mobile', 'text']);
					const [answer] = outputOf(done, 'AI Agent');
					assert.match(String(answer.json.output), /^Done\./);
				} finally {
					await stack.api.unpublishWorkflow(created.id);
				}
			});
		},
	},
	{
		name: 'agent: the Cunnekt Human-review tool gates a tool until the manager taps: Approve runs it, Decline does not',
		async run({ stack, step }) {
			await withLlm(stack, async (llm, credential) => {
				llm.script = { tool: 'Send_WhatsApp_text', arguments: { mobile: CUSTOMER, text: 'Your refund is on its way.' } };
				const review = {
					id: 'cunnekt-review',
					name: 'Human review on WhatsApp',
					type: 'n8n-nodes-cunnekt.cunnektHitlTool',
					typeVersion: 1,
					position: [600, 300],
					parameters: {
						resource: 'reply',
						operation: 'sendAndWait',
						responseType: 'approval',
						mobile: MANAGER,
						message: '=The agent wants to run {{ $tool.name }}. Allow it?',
						approvalOptions: { values: { approvalType: 'double', approveLabel: 'Approve', disapproveLabel: 'Decline' } },
					},
					credentials: CUNNEKT_CREDENTIAL,
				};
				const trigger = {
					id: 'review-taps',
					name: 'Cunnekt Trigger',
					type: 'n8n-nodes-cunnekt.cunnektTrigger',
					typeVersion: 1,
					position: [0, 500],
					webhookId: '1b2c3d4e-0000-4000-8000-00000000a003',
					parameters: { events: ['message'], options: {}, authentication: 'sharedSecret', secretIn: 'query', parameterName: 'secret', secret: SECRET },
				};
				const workflow = agentWorkflow(
					'Agent asks before sending',
					'agent-review',
					'1b2c3d4e-0000-4000-8000-00000000a002',
					credential,
					[sendTextTool('Send WhatsApp text'), review],
					[
						['Send WhatsApp text', 'Human review on WhatsApp'],
						['Human review on WhatsApp', 'AI Agent'],
					],
					[trigger],
				);
				const created = await createWorkflow(stack, workflow, { publish: true });
				try {
					const tapUrl = await productionWebhookUrl(stack, workflow, 'Cunnekt Trigger');
					stack.sandbox.openWindow(CUSTOMER);
					stack.sandbox.openWindow(MANAGER);
					for (const [answer, runsTool] of [
						['Approve', true],
						['Decline', false],
					]) {
						step(`ask the agent; the manager taps ${answer}`);
						stack.sandbox.reset();
						stack.sandbox.openWindow(CUSTOMER);
						stack.sandbox.openWindow(MANAGER);
						const before = (await executionsOf(stack, created.id)).length;
						await postJson(await waitForWebhook(`${stack.n8n.url}/webhook/agent-review`, stack.logFile), { prompt: 'Tell the customer their refund is on its way.' });
						const waiting = await poll('the agent to wait for the review', async () =>
							(await executionsOf(stack, created.id)).slice(before).find((execution) => execution.status === 'waiting'),
						);
						const [question] = replies(stack);
						assert.equal(question.mobile, MANAGER);
						assert.equal(question.type, 'button');
						assert.match(question.body, /^The agent wants to run Send_WhatsApp_text\. Allow it\?$/);
						const ids = Object.fromEntries(question.buttons.map((button) => [button.reply.title, button.reply.id]));
						assert.deepEqual(Object.keys(ids), ['Approve', 'Decline']);
						const tap = await sandboxControl(stack, 'POST', '/webhooks/message', {
							url: tapUrl,
							type: 'button_reply',
							from: MANAGER,
							replyId: ids[answer],
							title: answer,
							query: { secret: SECRET },
						});
						assert.equal(tap.status, 200);
						const done = await poll('the agent to finish', async () => {
							const execution = (await executionsOf(stack, created.id)).find((entry) => entry.id === waiting.id);
							return execution && ['success', 'error', 'crashed'].includes(execution.status) ? execution : undefined;
						});
						assertSucceeded(done);
						assert.deepEqual(
							replies(stack).slice(1),
							runsTool ? [{ mobile: CUSTOMER, type: 'text', text: 'Your refund is on its way.' }] : [],
						);
						const [output] = outputOf(done, 'AI Agent');
						assert.match(String(output.json.output), runsTool ? /^Done\./ : /rejected/);
					}
				} finally {
					await stack.api.unpublishWorkflow(created.id);
				}
			});
		},
	},
];
