// @ts-check
/** Reply and Template Message → Send with a current-platform credential: the Cloud API bodies at the current paths. */
const assert = require('assert/strict');
const {
	ORDER_PICTURE,
	cunnektCurrent,
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

/** The order update template on the current platform: by name and language, the same components. */
const currentOrderUpdateBody = (mobile, name, amount) => {
	const { template } = orderUpdateBody(mobile, name, amount);
	return {
		messaging_product: 'whatsapp',
		recipient_type: 'individual',
		to: mobile,
		type: 'template',
		template: { name: 'order_update', language: { code: 'en' }, ...template },
	};
};

module.exports = [
	{
		name: 'Template Message → Send on the current platform (picked From List: sent by name and language)',
		async run({ stack, step }) {
			const { sandbox } = stack;
			step('run the workflow with n8n execute');
			const run = await execute(
				stack,
				manualWorkflow('e2e: order update, current platform', [
					customers(),
					cunnektCurrent('Send order update', {
						resource: 'templateMessage',
						operation: 'send',
						mobile: '={{ $json.mobile }}',
						templateId: fromList('sdsdDSDdssd', 'order_update (en) · APPROVED'),
						parametersMode: 'form',
						headerType: 'image',
						headerLink: ORDER_PICTURE,
						bodyVariables: { variable: [{ text: '={{ $json.name }}' }, { text: '={{ $json.amount }}' }] },
					}),
				]),
			);
			step('the sandbox received the template list once, then the two sends by name and language');
			assertRequests(sandbox, [
				[
					['GET', '/restapi/v1/whatsapp/templates', undefined],
					['POST', '/restapi/v1/whatsapp/sendtemplate', currentOrderUpdateBody(ASHA, 'Asha', 'Rs. 999')],
					['POST', '/restapi/v1/whatsapp/sendtemplate', currentOrderUpdateBody(VIVEK, 'Vivek', 'Rs. 1,250')],
				],
			]);
			step('the execution holds exactly the expected items');
			assertSucceeded(run.execution);
			assert.deepEqual(run.output('Send order update'), [
				{ json: sendOutput(sandbox, ASHA, 0), pairedItem: { item: 0 } },
				{ json: sendOutput(sandbox, VIVEK, 0), pairedItem: { item: 1 } },
			]);
		},
	},
];
