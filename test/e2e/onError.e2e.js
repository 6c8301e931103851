// @ts-check
/**
 * Settings → On Error in the real n8n (issue 23, point 11): under Stop Workflow, Continue, and Continue (using error
 * output), a failed item goes where n8n puts failed items, with its pairedItem, one output item per input item. The
 * failures: the window fallback's double refusal (the reply 131047, then the template 132001) and a value refused
 * before sending. n8n moves an item to the Error output only when its JSON holds nothing but error, message and
 * details, and adds the input item's fields to it (handleNodeErrorOutput in n8n-core).
 */
const assert = require('assert/strict');
const { ORDER_PICTURE, cunnekt, execute, items, node, assertRequests, sendOutput, assertSucceeded, orderUpdateBody } = require('./harness');
const { ASHA, VIVEK } = require('./fixtures/actions');

const RAVI = '919777777777';

/** Three customers; Vivek has not written for more than 24 hours, and his amount is missing. */
const CUSTOMERS = [
	{ name: 'Asha', mobile: ASHA, amount: 'Rs. 999' },
	{ name: 'Vivek', mobile: VIVEK, amount: '' },
	{ name: 'Ravi', mobile: RAVI, amount: 'Rs. 450' },
];

/** Reply → Send Text with "If the Service Window Is Closed → Send a Template Instead", the template one Cunnekt lacks. */
const shipped = (name, extra = {}) =>
	cunnekt(
		name,
		{
			resource: 'reply',
			operation: 'sendText',
			mobile: '={{ $json.mobile }}',
			text: '=Your order has shipped, {{ $json.name }}.',
			ifWindowClosed: 'sendTemplate',
			templateId: { __rl: true, mode: 'id', value: 'no_such_template' },
		},
		extra,
	);

/** Template Message → Send of order_update, its values in the Form: Vivek's empty amount is refused before sending. */
const orderUpdate = (name, extra = {}) =>
	cunnekt(
		name,
		{
			resource: 'templateMessage',
			operation: 'send',
			mobile: '={{ $json.mobile }}',
			templateId: { __rl: true, mode: 'id', value: 'sdsdDSDdssd' },
			parametersMode: 'form',
			headerType: 'image',
			headerLink: ORDER_PICTURE,
			bodyVariables: { variable: [{ text: '={{ $json.name }}' }, { text: '={{ $json.amount }}' }] },
		},
		extra,
	);

const WINDOW_CLOSED = 'The 24-hour service window is closed: the customer has not written in the last 24 hours. Send a template message instead.';
const BOTH_FAILED =
	'The reply was refused (Re-engagement message (131047)) and the template sent instead failed too: Template name does not exist in the translation (132001)';

/** The fields of Vivek's double refusal, as the node gives them (all but `error`). */
function bothFailedFields(sandbox) {
	const details =
		'Message failed to send because more than 24 hours have passed since the customer last replied to this number.' +
		` (Sandbox: a message from ${VIVEK} opens its window, or open it now: curl -X POST ${sandbox.url}/__sandbox/windows -H 'content-type: application/json' -d '{"mobile":"${VIVEK}"}')`;
	return {
		description:
			"No approved template has this name in this language. Check the template's name and language, and that WhatsApp has approved it. No template with id no_such_template" +
			` The reply: ${WINDOW_CLOSED} ${details}`,
		httpCode: '404',
		errorCode: 132001,
		errorTitle: 'Template name does not exist in the translation',
		explanation: "No approved template has this name in this language. Check the template's name and language, and that WhatsApp has approved it.",
		disposition: 'fixInput',
		retryAfterSeconds: null,
		retryNotBefore: null,
	};
}

/** A value refused before sending: no code, fix the input. */
const REFUSED = { errorCode: null, errorTitle: null, explanation: null, disposition: 'fixInput', retryAfterSeconds: null, retryNotBefore: null };

/** A workflow from nodes placed top to bottom (n8n runs parallel branches in that order) and their connections. */
function workflow(name, nodes, connections) {
	return {
		name,
		nodes: nodes.map((entry, index) => ({ ...entry, position: [220 * Math.min(index, 2), 200 * index] })),
		connections,
		settings: { executionOrder: 'v1' },
	};
}

const to = (...targets) => targets.map((target) => [{ node: target, type: 'main', index: 0 }]);

/** Runs the workflow with n8n execute, Asha's and Ravi's windows open (Vivek's closed). */
async function runForCustomers({ stack, step }, name, nodes, connections) {
	stack.sandbox.openWindow(ASHA);
	stack.sandbox.openWindow(RAVI);
	step('run the workflow with n8n execute');
	return await execute(stack, workflow(name, [node('Start', 'n8n-nodes-base.manualTrigger'), items('Customers', CUSTOMERS), ...nodes], connections));
}

module.exports = [
	{
		name: 'On Error → Stop Workflow: the window fallback refused twice stops the run with both failures, nothing after it runs',
		async run(context) {
			const { stack, step } = context;
			const { sandbox } = stack;
			const run = await runForCustomers(context, 'e2e: On Error, stop', [shipped('Shipped'), node('Delivered', 'n8n-nodes-base.noOp')], {
				Start: { main: to('Customers') },
				Customers: { main: to('Shipped') },
				Shipped: { main: to('Delivered') },
			});
			step('the run failed at Shipped with the message and description of both refusals');
			assert.equal(run.execution.status, 'error');
			const error = run.error('Shipped');
			assert.equal(error?.message, BOTH_FAILED);
			assert.equal(error?.description, bothFailedFields(sandbox).description);
			// The fields a workflow branches on stay with the stored error, for an error workflow
			const { description: _description, httpCode: _httpCode, ...fields } = bothFailedFields(sandbox);
			assert.deepEqual(error?.context?.failure, fields);
			assert.equal(run.execution.data?.resultData?.runData?.Delivered, undefined, 'nothing after Shipped ran');
			assert.ok(!JSON.stringify(run.execution).includes(sandbox.apiKey), 'the API key is not in the execution');
		},
	},
	{
		name: 'On Error → Continue, and Continue (using error output): each failed item in its place, or on the Error output with its input',
		async run(context) {
			const { stack, step } = context;
			const { sandbox } = stack;
			const run = await runForCustomers(
				context,
				'e2e: On Error, continue',
				[
					shipped('Shipped (Continue)', { onError: 'continueRegularOutput' }),
					shipped('Shipped (error output)', { onError: 'continueErrorOutput' }),
					node('Delivered', 'n8n-nodes-base.noOp'),
					node('Failed', 'n8n-nodes-base.noOp'),
					orderUpdate('Order update (error output)', { onError: 'continueErrorOutput' }),
					node('Updated', 'n8n-nodes-base.noOp'),
					node('Refused', 'n8n-nodes-base.noOp'),
				],
				{
					Start: { main: to('Customers') },
					Customers: {
						main: [
							[
								{ node: 'Shipped (Continue)', type: 'main', index: 0 },
								{ node: 'Shipped (error output)', type: 'main', index: 0 },
								{ node: 'Order update (error output)', type: 'main', index: 0 },
							],
						],
					},
					'Shipped (error output)': { main: to('Delivered', 'Failed') },
					'Order update (error output)': { main: to('Updated', 'Refused') },
				},
			);
			assertSucceeded(run.execution);

			step('the sandbox received the replies of both Shipped nodes, one template each for Vivek, and two order updates');
			const reply = (mobile, name) => ['POST', '/sendreplymessage', { mobile, type: 'text', text: `Your order has shipped, ${name}.` }];
			const replies = [reply(ASHA, 'Asha'), reply(VIVEK, 'Vivek'), reply(RAVI, 'Ravi'), ['POST', '/sendnotification', { mobile: VIVEK, templateid: 'no_such_template' }]];
			const update = (mobile, name, amount) => ['POST', '/sendnotification', orderUpdateBody(mobile, name, amount)];
			assertRequests(sandbox, [replies, replies, [update(ASHA, 'Asha', 'Rs. 999'), update(RAVI, 'Ravi', 'Rs. 450')]]);

			step('Continue: three items in input order, Vivek\'s failure in its place');
			const replied = (mobile, nth, item) => ({ json: { sentAs: 'reply', ...sendOutput(sandbox, mobile, nth) }, pairedItem: { item } });
			const failed = bothFailedFields(sandbox);
			assert.deepEqual(run.output('Shipped (Continue)'), [
				replied(ASHA, 0, 0),
				{ json: { error: BOTH_FAILED, ...failed }, pairedItem: { item: 1 } },
				replied(RAVI, 0, 2),
			]);

			step('Continue (using error output): Asha and Ravi on Success, Vivek on Error with his fields and the failure under details');
			const vivekFailed = { json: { ...CUSTOMERS[1], error: BOTH_FAILED, details: failed }, pairedItem: { item: 1 } };
			assert.deepEqual(outputs(run, 'Shipped (error output)'), [[replied(ASHA, 1, 0), replied(RAVI, 1, 2)], [vivekFailed]]);
			assert.deepEqual(run.output('Failed').map((item) => item.json), [vivekFailed.json]);
			assert.equal(run.output('Delivered').length, 2);

			step('a value refused before sending goes to the Error output too, with disposition fixInput');
			assert.deepEqual(outputs(run, 'Order update (error output)'), [
				[
					{ json: sendOutput(sandbox, ASHA, 2), pairedItem: { item: 0 } },
					{ json: sendOutput(sandbox, RAVI, 2), pairedItem: { item: 2 } },
				],
				[
					{
						json: { ...CUSTOMERS[1], error: 'Body variable 2 is empty; WhatsApp refuses empty parameters [item 1]', details: REFUSED },
						pairedItem: { item: 1 },
					},
				],
			]);
			assert.deepEqual(run.output('Refused').map((item) => item.json.details.disposition), ['fixInput']);
		},
	},
];

/** Both outputs of a node's first run, as [{json, pairedItem}] each. */
function outputs(run, nodeName) {
	const main = run.execution.data?.resultData?.runData?.[nodeName]?.[0]?.data?.main ?? [];
	return [0, 1].map((index) => (main[index] ?? []).map(({ json, pairedItem }) => ({ json, pairedItem })));
}
