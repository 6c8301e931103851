// @ts-check
/**
 * The Cunnekt Trigger in a published workflow: the sandbox posts to the production URL as Cunnekt does, n8n runs
 * the workflow, and what it sends back reaches the sandbox.
 */
const assert = require('assert/strict');
const fs = require('fs');
const path = require('path');
const { createWorkflow, loadExamples, productionWebhookUrl } = require('../../playground/stack');
const crypto = require('crypto');
const { CUNNEKT, chainWorkflow, cunnekt, cunnektCurrent, finishedExecutions, node, outputOf, sandboxControl, sendOutputOf, assertSucceeded } = require('./harness');

const CUSTOMER = '919999999999';
/** The sandbox customer's BSUID and username (sandbox/webhooks.js), when WhatsApp leaves their number out. */
const CUSTOMER_USER_ID = 'IN.13491208655302741918';
const TEAM = '919000000001';
const WINDOW_CLOSED =
	'The 24-hour service window is closed: the customer has not written in the last 24 hours. Send a template message instead.';
/** A failed status with 131047: its first error's code and disposition at the top of the item, for a Switch node (docs/errors.md). */
const CLOSED_WINDOW_TOP = {
	errorCode: 131047,
	errorTitle: 'Re-engagement message',
	explanation: WINDOW_CLOSED,
	disposition: 'sendTemplate',
	retryAfterSeconds: null,
	retryNotBefore: null,
};

/**
 * Runs checks against an example workflow, published, with its trigger's production URL and secret; unpublishes it
 * afterwards (a webhook URL belongs to one published workflow: the other checks publish the same examples).
 */
async function withPublishedExample(stack, file, checks) {
	const flow = await publishExample(stack, file);
	try {
		await checks(flow);
	} finally {
		await stack.api.unpublishWorkflow(flow.id);
	}
}

async function publishExample(stack, file) {
	const example = loadExamples().find((entry) => entry.file === file);
	if (!example) throw new Error(`examples/${file} is missing`);
	const { workflow } = example;
	const created = await createWorkflow(stack, workflow, { publish: true });
	const trigger = workflow.nodes.find((node) => node.type === 'n8n-nodes-cunnekt.cunnektTrigger');
	return {
		id: created.id,
		url: await productionWebhookUrl(stack, workflow, trigger.name),
		secret: trigger.parameters.secret ?? stack.webhookSecret,
		triggerName: trigger.name,
	};
}

/** Makes the sandbox post a customer's message of a type to the workflow, with its secret unless options say otherwise. */
const customerPosts = (stack, flow) => (type, options = {}) =>
	sandboxControl(stack, 'POST', '/webhooks/message', { url: flow.url, type, query: { secret: flow.secret }, ...options });

/** Makes the sandbox post a sent message's statuses to the workflow (outcome "read" or "failed"), with its secret. */
const statusPosts = (stack, flow) => (messageId, outcome) =>
	sandboxControl(stack, 'POST', '/webhooks/statuses', { url: flow.url, messageId, outcome, query: { secret: flow.secret } });

/** The trigger's answer to a status its Statuses leave out. */
const filteredOut = (status, chosen) => `Received 1 event; this workflow did not start: status "${status}" is not among Statuses (${chosen})`;

/** The trigger's answer to a sender's retry. */
const RETRIED = "Received 1 event; this workflow did not start: already received within the Duplicate Window (a sender's retry)";

const iso = (seconds) => new Date(seconds * 1000).toISOString();

/** What the trigger outputs for the one message of a payload the sandbox posted. */
function messageItem(value, content) {
	const [message] = value.messages;
	const [contact] = value.contacts;
	const seconds = Number(message.timestamp);
	return {
		event: 'message',
		messageId: message.id,
		from: message.from ?? null,
		contactName: contact.profile.name,
		waId: contact.wa_id ?? null,
		userId: contact.user_id ?? null,
		parentUserId: contact.parent_user_id ?? null,
		username: contact.profile.username ?? null,
		replyTo: message.from ?? contact.user_id,
		timestamp: iso(seconds),
		timestampUnix: seconds,
		businessPhoneNumberId: value.metadata.phone_number_id,
		businessDisplayNumber: value.metadata.display_phone_number,
		type: message.type,
		...content,
		serviceWindowExpiresAt: iso(seconds + 24 * 60 * 60),
		raw: message,
	};
}

/** What the trigger outputs for the one status of a payload the sandbox posted. */
function statusItem(value, errors) {
	const [status] = value.statuses;
	const seconds = Number(status.timestamp);
	const { conversation, pricing } = status;
	return {
		event: 'status',
		status: status.status,
		messageId: status.id,
		recipient: status.recipient_id ?? null,
		recipientUserId: status.recipient_user_id ?? null,
		recipientParentUserId: status.recipient_parent_user_id ?? null,
		replyTo: status.recipient_id ?? status.recipient_user_id,
		timestamp: iso(seconds),
		timestampUnix: seconds,
		businessPhoneNumberId: value.metadata.phone_number_id,
		businessDisplayNumber: value.metadata.display_phone_number,
		conversation: conversation
			? {
					id: conversation.id,
					category: conversation.origin.type,
					expiresAt: conversation.expiration_timestamp ? iso(Number(conversation.expiration_timestamp)) : null,
				}
			: null,
		pricing: pricing
			? { billable: pricing.billable, pricingModel: pricing.pricing_model, category: pricing.category, type: pricing.type ?? null }
			: null,
		...(errors ? { errors } : {}),
		raw: status,
	};
}

/** The Send Buttons reply of examples/reply-with-buttons.json to the sandbox's customer. */
const BUTTONS_REPLY = {
	mobile: CUSTOMER,
	type: 'button',
	body: 'Hi Vivek Kumar, thanks for your message! How can we help you?',
	buttons: [
		{ type: 'reply', reply: { id: 'track_order', title: 'Track my order' } },
		{ type: 'reply', reply: { id: 'talk_to_agent', title: 'Talk to a person' } },
		{ type: 'reply', reply: { id: 'offers', title: 'See offers' } },
	],
};

/** Accepted messages the sandbox can then report statuses for (as if an earlier workflow had sent them). */
async function sentMessages(stack, mobiles) {
	const ids = [];
	for (const mobile of mobiles) {
		const response = await fetch(`${stack.sandbox.baseUrl}/sendnotification`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'API-KEY': stack.sandbox.apiKey },
			body: JSON.stringify({ mobile, templateid: 'asdasdDSDsd' }),
		});
		ids.push((await response.json()).messages[0].id);
	}
	stack.sandbox.clearRequests();
	return ids;
}

module.exports = [
	{
		name: 'trigger: inbound text, button reply and image each start one execution with exactly their item; the buttons reply reaches the sandbox; a retry is dropped; a wrong secret gets 401 and starts nothing',
		async run({ stack, step }) {
			const { sandbox } = stack;
			step('publish examples/reply-with-buttons.json and wait for its production URL');
			await withPublishedExample(stack, 'reply-with-buttons.json', async (flow) => {
				const post = customerPosts(stack, flow);

				step('the sandbox posts a text, a button reply and an image');
				const text = await post('text', { text: 'Hi, where is my order?' });
				const retry = await sandboxControl(stack, 'POST', '/webhooks/retry', {});
				const button = await post('button_reply', { replyId: 'track_order', title: 'Track my order' });
				const image = await post('image', { caption: 'The parcel I got' });
				assert.deepEqual([text.status, text.body], [200, '']);
				assert.deepEqual(
					[retry.status, retry.body],
					[200, RETRIED],
					'a retry of the same message starts nothing',
				);
				assert.deepEqual([button.status, button.body, image.status, image.body], [200, '', 200, '']);

				step('a wrong secret and no secret get 401');
				const wrong = await post('text', { text: 'let me in', query: { secret: 'not-the-secret' } });
				assert.deepEqual([wrong.status, wrong.body], [401, 'Unauthorized: the shared secret (query parameter secret) is wrong']);
				const missing = await post('text', { text: 'let me in', query: {} });
				assert.equal(missing.status, 401);
				const last = await post('text', { text: 'Are you there?' });

				step('n8n ran exactly one execution per accepted message, with exactly its item');
				const executions = await finishedExecutions(stack, flow.id, 4);
				const mediaOf = (value) => {
					const { id, mime_type: mimeType, sha256 } = value.messages[0].image;
					return { id, mimeType, sha256, fileName: null };
				};
				const expected = [
					messageItem(text.value, { text: 'Hi, where is my order?' }),
					messageItem(button.value, {
						interactiveType: 'button_reply',
						reply: { type: 'button', id: 'track_order', title: 'Track my order', description: null, payload: null },
					}),
					messageItem(image.value, { caption: 'The parcel I got', media: mediaOf(image.value) }),
					messageItem(last.value, { text: 'Are you there?' }),
				];
				assert.deepEqual(
					executions.map((execution) => [execution.status, execution.mode]),
					expected.map(() => ['success', 'webhook']),
				);
				executions.forEach((execution, index) => {
					assert.deepEqual(outputOf(execution, flow.triggerName), [{ json: expected[index], pairedItem: { item: 0 } }]);
				});

				step('each execution replied with buttons, and the sandbox received exactly those replies');
				assert.deepEqual(
					sandbox.requests.map((request) => [request.method, request.path, request.body]),
					expected.map(() => ['POST', '/sendreplymessage', BUTTONS_REPLY]),
				);
				// The executions run side by side: each reply is one of the messages the sandbox accepted, each once.
				const replies = executions.map((execution) => outputOf(execution, 'Reply with buttons'));
				assert.deepEqual(
					replies,
					replies.map(([item]) => [
						{ json: sendOutputOf(sandbox.state.sent.find((sent) => sent.id === item.json.messageId)), pairedItem: { item: 0 } },
					]),
				);
				assert.deepEqual(
					replies.map(([item]) => item.json.messageId).sort(),
					sandbox.state.sent.map((sent) => sent.id).sort(),
				);
			});
		},
	},
	{
		name: 'trigger: a customer with a username and no phone number: the item has replyTo = the BSUID; a late 131047 to them says windowClosed with their BSUID',
		async run({ stack, step }) {
			step('publish Cunnekt Trigger (messages and every status) → No Operation');
			const trigger = node('Cunnekt Trigger', `${CUNNEKT}Trigger`, { events: ['message', 'status'], statuses: [] }, { webhookId: crypto.randomUUID() });
			const workflow = chainWorkflow('e2e: customers without a phone number', [trigger, node('Done', 'n8n-nodes-base.noOp')]);
			const created = await createWorkflow(stack, workflow, { publish: true });
			try {
				const url = await productionWebhookUrl(stack, workflow, trigger.name);
				step('the sandbox posts a text from a customer known by BSUID only');
				const text = await sandboxControl(stack, 'POST', '/webhooks/message', { url, type: 'text', text: 'Hello from a username', withoutPhone: true });
				assert.deepEqual([text.status, text.body], [200, '']);
				assert.equal(text.value.messages[0].from, undefined, 'the webhook has no phone number');
				const [sent] = await sentMessages(stack, [CUSTOMER]);
				step('the statuses of a message to them: sent, then failed with 131047, by BSUID only');
				const failure = await sandboxControl(stack, 'POST', '/webhooks/statuses', { url, messageId: sent, outcome: 'failed', withoutPhone: true });
				assert.deepEqual(failure.map((answer) => [answer.status, answer.body]), [[200, ''], [200, '']]);

				step('three executions, each with exactly its item');
				const executions = await finishedExecutions(stack, created.id, 3);
				const message = messageItem(text.value, { text: 'Hello from a username' });
				assert.deepEqual(
					[message.from, message.waId, message.userId, message.username, message.replyTo],
					[null, null, CUSTOMER_USER_ID, 'vivek.kumar', CUSTOMER_USER_ID],
				);
				const failedValue = JSON.parse(failure[1].payload);
				const [error] = failedValue.statuses[0].errors;
				const errors = [
					{ code: error.code, title: error.title, message: error.message, details: error.error_data.details, explanation: WINDOW_CLOSED, disposition: 'sendTemplate' },
				];
				const expected = [
					message,
					statusItem(JSON.parse(failure[0].payload)),
					{ ...statusItem(failedValue, errors), ...CLOSED_WINDOW_TOP, windowClosed: true },
				];
				assert.deepEqual(
					[expected[2].recipient, expected[2].recipientUserId, expected[2].replyTo],
					[null, CUSTOMER_USER_ID, CUSTOMER_USER_ID],
				);
				executions.forEach((execution, index) => {
					assertSucceeded(execution);
					assert.deepEqual(outputOf(execution, trigger.name), [{ json: expected[index], pairedItem: { item: 0 } }]);
				});
			} finally {
				await stack.api.unpublishWorkflow(created.id);
			}
		},
	},
	{
		name: 'trigger → Reply to replyTo: a customer without a phone number is answered at their BSUID on the current platform, and refused before sending on the classic one',
		async run({ stack, step }) {
			const { sandbox } = stack;
			step('publish Cunnekt Trigger → Reply (current platform) → Reply (classic platform), both to replyTo');
			const trigger = node('Cunnekt Trigger', `${CUNNEKT}Trigger`, {}, { webhookId: crypto.randomUUID() });
			const reply = (name, extra = {}) => ({
				resource: 'reply',
				operation: 'sendText',
				mobile: "={{ $('Cunnekt Trigger').item.json.replyTo }}",
				text: `=${name}: thanks, {{ $('Cunnekt Trigger').item.json.username }}`,
				...extra,
			});
			const workflow = chainWorkflow('e2e: answering a customer without a phone number', [
				trigger,
				cunnektCurrent('Current', reply('Current')),
				cunnekt('Classic', reply('Classic'), { onError: 'continueRegularOutput' }),
			]);
			const created = await createWorkflow(stack, workflow, { publish: true });
			try {
				const url = await productionWebhookUrl(stack, workflow, trigger.name);
				step('the sandbox posts a text from a customer known by BSUID only');
				const text = await sandboxControl(stack, 'POST', '/webhooks/message', { url, type: 'text', text: 'Where is my order?', withoutPhone: true });
				assert.deepEqual([text.status, text.body], [200, '']);
				const [execution] = await finishedExecutions(stack, created.id, 1);
				assertSucceeded(execution);
				step('the current platform received the reply with the BSUID in recipient, exactly; the classic one nothing');
				assert.deepEqual(
					sandbox.requests.filter((request) => request.method === 'POST' && !request.path.startsWith('/__sandbox')).map((request) => [request.path, JSON.stringify(request.body)]),
					[
						[
							'/api/v1/whatsapp/replymessage',
							JSON.stringify({
								messaging_product: 'whatsapp',
								recipient_type: 'individual',
								recipient: CUSTOMER_USER_ID,
								type: 'text',
								text: { body: 'Current: thanks, vivek.kumar' },
							}),
						],
					],
				);
				const [sent] = sandbox.state.sent;
				assert.deepEqual(outputOf(execution, 'Current'), [
					{
						json: {
							messageId: sent.id,
							userId: CUSTOMER_USER_ID,
							messaging_product: 'whatsapp',
							contacts: [{ input: CUSTOMER_USER_ID, user_id: CUSTOMER_USER_ID }],
							messages: [{ id: sent.id }],
						},
						pairedItem: { item: 0 },
					},
				]);
				const [refused] = outputOf(execution, 'Classic');
				assert.equal(
					refused.json.error,
					`Recipient "${CUSTOMER_USER_ID}" is a WhatsApp business-scoped user ID (BSUID); Cunnekt's classic platform (app2.cunnekt.com) sends to phone numbers only [item 0]`,
				);
			} finally {
				await stack.api.unpublishWorkflow(created.id);
			}
		},
	},
	{
		name: 'trigger: delivery statuses are routed (delivered and read recorded, failed alerts the team with the reason)',
		async run({ stack, step }) {
			const { sandbox } = stack;
			step('publish examples/route-statuses.json');
			await withPublishedExample(stack, 'route-statuses.json', async (flow) => {
				const [delivered, failed] = await sentMessages(stack, ['919999999999', '919888888888']);
				sandbox.openWindow(TEAM); // the team's number wrote to the business number today

				step('the sandbox posts sent → delivered → read for one message, sent → failed for another');
				const statuses = statusPosts(stack, flow);
				const read = await statuses(delivered, 'read');
				const failure = await statuses(failed, 'failed');
				assert.deepEqual(
					[...read, ...failure].map((answer) => [answer.status, answer.body]),
					[
						[200, filteredOut('sent', 'delivered, read, failed')],
						[200, ''],
						[200, ''],
						[200, filteredOut('sent', 'delivered, read, failed')],
						[200, ''],
					],
				);

				step('one execution per chosen status, with exactly its item');
				const executions = await finishedExecutions(stack, flow.id, 3);
				const value = (answer) => JSON.parse(answer.payload);
				const failedValue = value(failure[1]);
				const [error] = failedValue.statuses[0].errors;
				const errors = [
					{ code: error.code, title: error.title, message: error.message, details: error.error_data.details, explanation: WINDOW_CLOSED, disposition: 'sendTemplate' },
				];
				const expected = [statusItem(value(read[1])), statusItem(value(read[2])), { ...statusItem(failedValue, errors), ...CLOSED_WINDOW_TOP, windowClosed: true }];
				executions.forEach((execution, index) => {
					assertSucceeded(execution);
					assert.deepEqual(outputOf(execution, flow.triggerName), [{ json: expected[index], pairedItem: { item: 0 } }]);
				});

				step('delivered and read are recorded; failed alerts the team');
				assert.deepEqual(outputOf(executions[0], 'Record delivery').map((item) => item.json), [expected[0]]);
				assert.deepEqual(outputOf(executions[1], 'Record delivery').map((item) => item.json), [expected[1]]);
				assert.deepEqual(
					sandbox.requests.map((request) => [request.method, request.path, request.body]),
					[
						[
							'POST',
							'/sendreplymessage',
							{
								mobile: TEAM,
								type: 'text',
								text: `WhatsApp message ${failed} to 919888888888 failed: Re-engagement message (131047). ${WINDOW_CLOSED}`,
							},
						],
					],
				);
			});
		},
	},
	{
		name: 'trigger: a failed status with 131047 sends the template instead (examples/window-fallback.json)',
		async run({ stack, step }) {
			const { sandbox } = stack;
			step('publish examples/window-fallback.json');
			await withPublishedExample(stack, 'window-fallback.json', async (flow) => {
				const [refused, delivered] = await sentMessages(stack, [CUSTOMER, '919888888888']);

				step('the sandbox posts sent → failed (131047) for one message, sent → delivered → read for the other');
				const statuses = statusPosts(stack, flow);
				const failure = await statuses(refused, 'failed');
				const read = await statuses(delivered, 'read');
				assert.deepEqual(
					[...failure, ...read].map((answer) => [answer.status, answer.body]),
					[
						[200, filteredOut('sent', 'failed')],
						[200, ''],
						[200, filteredOut('sent', 'failed')],
						[200, filteredOut('delivered', 'failed')],
						[200, filteredOut('read', 'failed')],
					],
				);

				step('one execution: the failed status says the window was closed, and the template goes to its recipient');
				const [execution] = await finishedExecutions(stack, flow.id, 1);
				assertSucceeded(execution);
				const [{ json: status }] = outputOf(execution, flow.triggerName);
				assert.deepEqual(
					[status.status, status.messageId, status.recipient, status.windowClosed],
					['failed', refused, CUSTOMER, true],
				);
				assert.deepEqual(
					sandbox.requests.map((request) => [request.method, request.path]),
					[
						['GET', '/templates'],
						['POST', '/sendnotification'],
					],
				);
				assert.deepEqual(sandbox.requestsTo('/sendnotification')[0].body, { mobile: CUSTOMER, templateid: 'asdasdDSDsd' });
				const template = sandbox.state.sent[sandbox.state.sent.length - 1];
				assert.deepEqual(outputOf(execution, 'Send the template instead'), [{ json: sendOutputOf(template), pairedItem: { item: 0 } }]);
			});
		},
	},
	{
		name: 'trigger: the files customers send are saved to disk (examples/save-inbound-media.json)',
		async run({ stack, step }) {
			const { sandbox } = stack;
			step('publish examples/save-inbound-media.json');
			await withPublishedExample(stack, 'save-inbound-media.json', async (flow) => {
				const post = customerPosts(stack, flow);

				step('the sandbox posts a text (not a file: filtered out) and a document');
				const text = await post('text', { text: 'Here it comes' });
				assert.deepEqual(
					[text.status, text.body],
					[200, 'Received 1 event; this workflow did not start: message type "Text" is not among Message Types (Image, Video, Audio, Document, Sticker)'],
				);
				const documentMessage = await post('document');
				assert.equal(documentMessage.status, 200);

				step('the document was downloaded from the sandbox and written to disk');
				const [execution] = await finishedExecutions(stack, flow.id, 1);
				assertSucceeded(execution);
				const file = sandbox.state.media.get(documentMessage.messageId);
				assert.deepEqual(
					sandbox.requests.map((request) => [request.method, request.path, request.query]),
					[['GET', '/getmediafile', { messageId: documentMessage.messageId }]],
				);
				const [downloaded] = outputOf(execution, 'Download the file');
				assert.equal(downloaded.json.fileName, 'Invoice INV-77.pdf');
				const saved = path.join(stack.filesDir, `${CUSTOMER}-Invoice INV-77.pdf`);
				assert.ok(fs.readFileSync(saved).equals(file.bytes), `${saved} holds the file the customer sent`);
			});
		},
	},
];
