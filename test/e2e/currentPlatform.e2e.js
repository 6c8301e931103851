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
const { ASHA, VIVEK, REPLIES, fromList } = require('./fixtures/actions');

/** WhatsApp Cloud API's envelope, as the current platform's bodies begin, to Asha. */
const CLOUD = { messaging_product: 'whatsapp', recipient_type: 'individual', to: ASHA };
const interactive = (content) => ({ ...CLOUD, type: 'interactive', interactive: content });

/** The same Reply operations on the current platform: the Cloud API bodies, by node name; and its two own types. */
const CURRENT_BODIES = {
	Text: { ...CLOUD, type: 'text', text: { body: 'Your order has shipped.' } },
	Buttons: interactive({
		type: 'button',
		header: { type: 'text', text: 'Order A-1042' },
		body: { text: 'Did your parcel arrive on time?' },
		action: {
			buttons: [
				{ type: 'reply', reply: { id: 'on_time', title: 'Yes, on time' } },
				{ type: 'reply', reply: { id: 'late', title: 'It was late' } },
				{ type: 'reply', reply: { id: '3', title: 'Not yet' } },
			],
		},
	}),
	List: interactive({
		type: 'list',
		body: { text: 'Which one would you like?' },
		action: {
			button: 'Items Available',
			sections: [{ rows: [{ id: 'fan', title: 'Fan', description: 'Wall Fan starting from Rs. 999' }, { id: '2', title: 'Cooler' }] }],
		},
	}),
	Form: interactive({
		type: 'flow',
		body: { text: 'Hi. how are you doing?' },
		action: { name: 'flow', parameters: { flow_message_version: '3', flow_id: '925610928478879', flow_cta: 'Fill Form' } },
	}),
	Image: { ...CLOUD, type: 'image', image: { link: 'https://example.com/shop.jpg', caption: 'Our shop' } },
	Video: { ...CLOUD, type: 'video', video: { link: 'https://example.com/unboxing.mp4' } },
	Document: { ...CLOUD, type: 'document', document: { link: 'https://example.com/invoice.pdf', caption: 'Invoice INV-77' } },
	Audio: { ...CLOUD, type: 'audio', audio: { link: 'https://example.com/note.mp3' } },
	'Call to action': interactive({
		type: 'cta_url',
		body: { text: 'See your order' },
		action: { name: 'cta_url', parameters: { display_text: 'Open order', url: 'https://example.com/orders/A-1042' } },
	}),
};

const CURRENT_ONLY_REPLIES = [
	[
		'Address',
		'sendAddressRequest',
		{ body: 'Where should we deliver it?', addressValues: { in_pin_code: '400001' } },
		interactive({
			type: 'address_message',
			body: { text: 'Where should we deliver it?' },
			action: { name: 'address_message', parameters: { country: 'IN', values: { in_pin_code: '400001' } } },
		}),
	],
	[
		'Call button',
		'sendCallButton',
		{ body: 'Call us on WhatsApp.', callOptions: { displayText: 'Call Support', ttlMinutes: 60 } },
		interactive({
			type: 'voice_call',
			body: { text: 'Call us on WhatsApp.' },
			action: { name: 'voice_call', parameters: { display_text: 'Call Support', ttl_minutes: 60 } },
		}),
	],
];

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
		name: 'Reply on the current platform: every operation, and Send Address Request and Send Call Button, in one workflow',
		async run({ stack, step }) {
			const { sandbox } = stack;
			sandbox.openWindow(ASHA);
			const replies = [
				...REPLIES.map(([name, operation, parameters]) => [name, operation, parameters, CURRENT_BODIES[name]]),
				...CURRENT_ONLY_REPLIES,
			];
			step('run the workflow with n8n execute');
			const run = await execute(
				stack,
				manualWorkflow(
					'e2e: every reply, current platform',
					replies.map(([name, operation, parameters]) =>
						cunnektCurrent(name, { resource: 'reply', operation, mobile: '+91 99999-99999', ...parameters }),
					),
				),
			);
			step('the sandbox received exactly the Cloud API bodies, in order, at the current reply path');
			assert.deepEqual(
				receivedRequests(sandbox),
				replies.map(([, , , body]) => ['POST', '/api/v1/whatsapp/replymessage', body]),
			);
			step('each node output its message');
			assertSucceeded(run.execution);
			replies.forEach(([name], index) => {
				assert.deepEqual(run.output(name), [{ json: sendOutput(sandbox, ASHA, index), pairedItem: { item: 0 } }], name);
			});
		},
	},
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
