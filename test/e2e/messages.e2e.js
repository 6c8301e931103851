// @ts-check
/**
 * Reply and Template Message → Send in workflows run by n8n, against the sandbox: the exact requests, the exact
 * items, the window fallback, and a failing send as the user sees it.
 */
const assert = require('assert/strict');
const {
	ORDER_PICTURE,
	cunnekt,
	customers,
	manualWorkflow,
	execute,
	receivedRequests,
	assertRequests,
	sendOutput,
	orderUpdateBody,
	assertSucceeded,
} = require('./harness');
const { ASHA, VIVEK, fromList } = require('./fixtures/actions');

/** Template's Fields of order_update as the editor saves them: its image and both body variables from the item. */
const ORDER_UPDATE_FIELDS = {
	mappingMode: 'defineBelow',
	value: { header_image: ORDER_PICTURE, body_1: '={{ $json.name }}', body_2: '={{ $json.amount }}' },
	matchingColumns: [],
	schema: ['header_image', 'body_1', 'body_2'].map((id) => ({
		id,
		displayName: id,
		required: true,
		defaultMatch: false,
		display: true,
		type: 'string',
	})),
	attemptToConvertTypes: false,
	convertFieldsToString: false,
};

module.exports = [
	{
		name: 'Template Message → Send (template picked From List, its fields mapped) and Reply → Send Text, Continue On Fail',
		async run({ stack, step }) {
			const { sandbox } = stack;
			sandbox.openWindow(ASHA); // Asha wrote today; Vivek did not, so a free-form reply to him is refused
			step('run the workflow with n8n execute');
			const run = await execute(
				stack,
				manualWorkflow('e2e: order update, then a thank-you reply', [
					customers(),
					cunnekt('Send order update', {
						resource: 'templateMessage',
						operation: 'send',
						mobile: '={{ $json.mobile }}',
						templateId: { __rl: true, mode: 'list', value: 'sdsdDSDdssd', cachedResultName: 'order_update (en) · APPROVED' },
						parametersMode: 'templateFields',
						templateFields: ORDER_UPDATE_FIELDS,
					}),
					cunnekt(
						'Thank you',
						{
							resource: 'reply',
							operation: 'sendText',
							mobile: "={{ $('Customers').item.json.mobile }}",
							text: "=Thank you {{ $('Customers').item.json.name }}, we will keep you posted.",
						},
						{ onError: 'continueRegularOutput' },
					),
				]),
			);

			step('the sandbox received exactly the expected requests');
			assertRequests(sandbox, [
				[
					['GET', '/templates', undefined],
					['POST', '/sendnotification', orderUpdateBody(ASHA, 'Asha', 'Rs. 999')],
					['POST', '/sendnotification', orderUpdateBody(VIVEK, 'Vivek', 'Rs. 1,250')],
				],
				[
					['POST', '/sendreplymessage', { mobile: ASHA, type: 'text', text: 'Thank you Asha, we will keep you posted.' }],
					['POST', '/sendreplymessage', { mobile: VIVEK, type: 'text', text: 'Thank you Vivek, we will keep you posted.' }],
				],
			]);

			step('the executions hold exactly the expected items');
			assertSucceeded(run.execution);
			assert.deepEqual(run.output('Send order update'), [
				{ json: sendOutput(sandbox, ASHA, 0), pairedItem: { item: 0 } },
				{ json: sendOutput(sandbox, VIVEK, 0), pairedItem: { item: 1 } },
			]);
			assert.deepEqual(run.output('Thank you'), [
				{ json: sendOutput(sandbox, ASHA, 1), pairedItem: { item: 0 } },
				{
					json: {
						error: 'Re-engagement message (131047)',
						description:
							'The 24-hour service window is closed: the customer has not written in the last 24 hours. Send a template message instead. Message failed to send because more than 24 hours have passed since the customer last replied to this number.' +
							` (Sandbox: a message from ${VIVEK} opens its window, or open it now: curl -X POST ${sandbox.url}/__sandbox/windows -H 'content-type: application/json' -d '{"mobile":"${VIVEK}"}')`,
						httpCode: '400',
						errorCode: 131047,
						errorTitle: 'Re-engagement message',
						explanation:
							'The 24-hour service window is closed: the customer has not written in the last 24 hours. Send a template message instead.',
						disposition: 'sendTemplate',
						retryAfterSeconds: null,
						retryNotBefore: null,
					},
					pairedItem: { item: 1 },
				},
			]);
		},
	},
	{
		name: 'Reply → If the Service Window Is Closed → Send a Template Instead: the customer whose window is closed gets the template, once',
		async run({ stack, step }) {
			const { sandbox } = stack;
			sandbox.openWindow(ASHA); // Asha wrote today; Vivek did not
			step('run the workflow with n8n execute');
			const run = await execute(
				stack,
				manualWorkflow('e2e: a reply, or the template when the window is closed', [
					customers(),
					cunnekt('Shipped', {
						resource: 'reply',
						operation: 'sendText',
						mobile: '={{ $json.mobile }}',
						text: '=Your order has shipped, {{ $json.name }}.',
						ifWindowClosed: 'sendTemplate',
						templateId: fromList('sdsdDSDdssd', 'order_update (en) · APPROVED'),
						parametersMode: 'templateFields',
						templateFields: ORDER_UPDATE_FIELDS,
					}),
				]),
			);

			step('the template was checked first, both replies went, and only the refused one was followed by the template');
			assertRequests(sandbox, [
				[['GET', '/templates', undefined]],
				[
					['POST', '/sendreplymessage', { mobile: ASHA, type: 'text', text: 'Your order has shipped, Asha.' }],
					['POST', '/sendreplymessage', { mobile: VIVEK, type: 'text', text: 'Your order has shipped, Vivek.' }],
					['POST', '/sendnotification', orderUpdateBody(VIVEK, 'Vivek', 'Rs. 1,250')],
				],
			]);
			const order = sandbox.requests.map((request) => `${request.path} ${request.body?.mobile ?? ''}`);
			assert.ok(
				order.indexOf(`/sendreplymessage ${VIVEK}`) < order.indexOf(`/sendnotification ${VIVEK}`),
				'the template follows the refused reply',
			);

			step('each item says what went out, the refused reply kept beside the template');
			assertSucceeded(run.execution);
			const details =
				'Message failed to send because more than 24 hours have passed since the customer last replied to this number.' +
				` (Sandbox: a message from ${VIVEK} opens its window, or open it now: curl -X POST ${sandbox.url}/__sandbox/windows -H 'content-type: application/json' -d '{"mobile":"${VIVEK}"}')`;
			assert.deepEqual(run.output('Shipped'), [
				{ json: { sentAs: 'reply', ...sendOutput(sandbox, ASHA, 0) }, pairedItem: { item: 0 } },
				{
					json: {
						sentAs: 'template',
						...sendOutput(sandbox, VIVEK, 0),
						reply: {
							error: 'Re-engagement message (131047)',
							description: `The 24-hour service window is closed: the customer has not written in the last 24 hours. Send a template message instead. ${details}`,
							httpCode: '400',
							response: {
								status: 'error',
								message: 'Re-engagement message',
								error: { code: 131047, title: 'Re-engagement message', message: 'Re-engagement message', error_data: { details } },
							},
						},
					},
					pairedItem: { item: 1 },
				},
			]);
		},
	},
	{
		name: 'a failing send stops the workflow with our message, and the API key appears nowhere',
		async run({ stack, step }) {
			step('run a reply whose recipient cannot be a phone number');
			const run = await execute(
				stack,
				manualWorkflow('e2e: invalid recipient', [
					cunnekt('Reply', { resource: 'reply', operation: 'sendText', mobile: 'call me', text: 'Hello' }),
				]),
			);
			assert.equal(run.execution.status, 'error');
			assert.notEqual(run.exitCode, 0, 'n8n execute exits non-zero for a failed run');
			const error = run.error('Reply');
			assert.ok(error, 'the Reply node holds the error');
			assert.equal(
				error.message,
				'Recipient "call me" is neither a phone number nor a WhatsApp business-scoped user ID (BSUID) [item 0]',
			);
			assert.equal(error.description, 'A phone number has only digits, spaces, "+", "-", "." and parentheses; a BSUID is a country code, a dot, and letters and digits: for example 919999999999, +91 99999 99999, or a BSUID such as IN.13491208655302741918.');
			assert.deepEqual(stack.sandbox.requests, [], 'nothing was sent');
			assert.ok(!JSON.stringify(run.execution).includes(stack.sandbox.apiKey), 'the API key is not in the execution');
		},
	},
];
