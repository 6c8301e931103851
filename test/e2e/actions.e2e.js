// @ts-check
/** Every action operation in a workflow run by n8n, against the sandbox: the exact requests, the exact items. */
const assert = require('assert/strict');
const {
	ORDER_PICTURE,
	cunnekt,
	cunnektCurrent,
	customers,
	manualWorkflow,
	execute,
	receivedRequests,
	assertRequests,
	sendOutput,
	orderUpdateBody,
	binaryBytes,
	assertSucceeded,
} = require('./harness');
const { SAMPLE_IDS } = require('../../sandbox/media-files');

const byId = (value) => ({ __rl: true, mode: 'id', value });
const fromList = (value, cachedResultName) => ({ __rl: true, mode: 'list', value, cachedResultName });
/** A copy of a sandbox record as it is now, before the workflow changes it. */
const snapshot = (value) => JSON.parse(JSON.stringify(value));

const ASHA = '919999999999';
const VIVEK = '919888888888';

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

/** Every Reply operation, one after the other, to one customer: [node name, operation, parameters, request body]. */
const REPLIES = [
	['Text', 'sendText', { text: 'Your order has shipped.' }, { type: 'text', text: 'Your order has shipped.' }],
	[
		'Buttons',
		'sendButtons',
		{
			headerText: 'Order A-1042',
			body: 'Did your parcel arrive on time?',
			buttons: { button: [{ title: 'Yes, on time', id: 'on_time' }, { title: 'It was late', id: 'late' }, { title: 'Not yet', id: '' }] },
		},
		{
			type: 'button',
			header: { type: 'text', text: 'Order A-1042' },
			body: 'Did your parcel arrive on time?',
			buttons: [
				{ type: 'reply', reply: { id: 'on_time', title: 'Yes, on time' } },
				{ type: 'reply', reply: { id: 'late', title: 'It was late' } },
				{ type: 'reply', reply: { id: '3', title: 'Not yet' } },
			],
		},
	],
	[
		'List',
		'sendList',
		{
			headerText: '',
			body: 'Which one would you like?',
			listTitle: 'Items Available',
			rows: {
				row: [
					{ title: 'Fan', description: 'Wall Fan starting from Rs. 999', id: 'fan' },
					{ title: 'Cooler', description: '', id: '' },
				],
			},
		},
		{
			type: 'list',
			body: 'Which one would you like?',
			list_title: 'Items Available',
			list: [
				{ id: 'fan', title: 'Fan', description: 'Wall Fan starting from Rs. 999' },
				{ id: '2', title: 'Cooler' },
			],
		},
	],
	[
		'Form',
		'sendForm',
		{ body: 'Hi. how are you doing?', formCta: 'Fill Form', formId: '925610928478879' },
		{ type: 'flow', body: 'Hi. how are you doing?', form_cta: 'Fill Form', form_id: '925610928478879' },
	],
	['Image', 'sendImage', { mediaLink: 'https://example.com/shop.jpg', caption: 'Our shop' }, { type: 'image', image: 'https://example.com/shop.jpg', caption: 'Our shop' }],
	['Video', 'sendVideo', { mediaLink: 'https://example.com/unboxing.mp4', caption: '' }, { type: 'video', video: 'https://example.com/unboxing.mp4' }],
	[
		'Document',
		'sendDocument',
		{ mediaLink: 'https://example.com/invoice.pdf', caption: 'Invoice INV-77' },
		{ type: 'document', document: 'https://example.com/invoice.pdf', caption: 'Invoice INV-77' },
	],
	['Audio', 'sendAudio', { mediaLink: 'https://example.com/note.mp3', caption: '' }, { type: 'audio', audio: 'https://example.com/note.mp3' }],
	[
		'Call to action',
		'sendCtaUrl',
		{ body: 'See your order', buttonText: 'Open order', buttonUrl: 'https://example.com/orders/A-1042' },
		{ type: 'cta_url', body: 'See your order', button_text: 'Open order', button_url: 'https://example.com/orders/A-1042' },
	],
];

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
		name: 'Template: Get Many, Get, Create, Sync and Delete in one workflow',
		async run({ stack, step }) {
			const { sandbox } = stack;
			const seeded = snapshot([...sandbox.state.templates.values()]);
			const once = { executeOnce: true }; // Get Many outputs two items; the rest runs once
			step('run the workflow with n8n execute');
			const run = await execute(
				stack,
				manualWorkflow('e2e: templates', [
					cunnekt('Get Many', { resource: 'template', operation: 'getMany', limit: 2 }),
					cunnekt('Get', { resource: 'template', operation: 'get', templateId: byId('tpl_track_shipment') }, once),
					cunnekt('Create', {
						resource: 'template',
						operation: 'create',
						name: 'delivery_update',
						category: 'UTILITY',
						language: 'en',
						bodyText: 'Hi {{1}}, your order {{2}} is out for delivery.',
						bodyExamples: { example: [{ text: 'Vivek' }, { text: 'A-1042' }] },
					}),
					cunnekt('Sync', { resource: 'template', operation: 'sync' }),
					cunnekt('Delete', { resource: 'template', operation: 'delete', templateId: byId("={{ $('Create').item.json.id }}") }),
				]),
			);
			assertSucceeded(run.execution);
			const [created] = run.output('Create');
			const id = created.json.id;
			assert.match(String(id), /^\d{16}$/, 'the sandbox gives new templates 16-digit ids');

			step('the sandbox received exactly the expected requests');
			const definition = {
				name: 'delivery_update',
				category: 'UTILITY',
				language: 'en',
				components: [
					{ type: 'BODY', text: 'Hi {{1}}, your order {{2}} is out for delivery.', example: { body_text: [['Vivek', 'A-1042']] } },
				],
			};
			assert.deepEqual(receivedRequests(sandbox), [
				['GET', '/templates', undefined],
				['GET', '/templates', undefined],
				['POST', '/templates', definition],
				['POST', '/templates/sync', undefined],
				['DELETE', `/templates/${id}`, undefined],
			]);

			step('each node output exactly what Cunnekt answered');
			const item = (json) => [{ json, pairedItem: { item: 0 } }];
			assert.deepEqual(run.output('Get Many'), seeded.slice(0, 2).map((json) => ({ json, pairedItem: { item: 0 } })));
			assert.deepEqual(run.output('Get'), item(seeded.find((template) => template.id === 'tpl_track_shipment')));
			assert.deepEqual(created.json, { id, name: 'delivery_update', language: 'en', status: 'PENDING', category: 'UTILITY', components: definition.components });
			assert.deepEqual(
				run.output('Sync'),
				item({
					synced: seeded.length + 1,
					changed: [
						{ id: 'tpl_spring_sale', name: 'spring_sale', language: 'en', previous_status: 'PENDING', status: 'APPROVED' },
						{ id, name: 'delivery_update', language: 'en', previous_status: 'PENDING', status: 'APPROVED' },
					],
				}),
			);
			assert.deepEqual(run.output('Delete'), item({ id, deleted: true }));
			assert.equal(sandbox.state.templates.has(id), false, 'the template is gone');
		},
	},
	{
		name: 'Campaign: Create from all input items, Launch and Get Many in one workflow',
		async run({ stack, step }) {
			const { sandbox } = stack;
			step('run the workflow with n8n execute');
			const run = await execute(
				stack,
				manualWorkflow('e2e: campaigns', [
					customers(),
					cunnekt('Create', {
						resource: 'campaign',
						operation: 'create',
						campaignName: 'Welcome',
						recipientsMode: 'allItems',
						mobile: '={{ $json.mobile }}',
						templateId: fromList('sdsdDSDdssd', 'order_update (en) · APPROVED'),
						parametersMode: 'form',
						headerType: 'image',
						headerLink: ORDER_PICTURE,
						bodyVariables: { variable: [{ text: '={{ $json.name }}' }, { text: '={{ $json.amount }}' }] },
					}),
					cunnekt('Launch', { resource: 'campaign', operation: 'launch', campaignId: byId('={{ $json.id }}') }),
					cunnekt('Get Many', { resource: 'campaign', operation: 'getMany', returnAll: true }),
				]),
			);
			assertSucceeded(run.execution);
			const [campaign] = [...sandbox.state.campaigns.values()];
			const id = campaign.id;

			step('the sandbox received exactly the expected requests, and sent to each recipient');
			const recipient = (mobile, name, amount) => ({ mobile, template: orderUpdateBody(mobile, name, amount).template });
			// Parameters → Form: the template's fields are given, not looked up.
			assert.deepEqual(receivedRequests(sandbox), [
				[
					'POST',
					'/campaigns',
					{
						name: 'Welcome',
						templateid: 'sdsdDSDdssd',
						recipients: [recipient(ASHA, 'Asha', 'Rs. 999'), recipient(VIVEK, 'Vivek', 'Rs. 1,250')],
					},
				],
				['POST', `/campaigns/${id}/launch`, undefined],
				['GET', '/campaigns', undefined],
			]);
			assert.deepEqual(
				sandbox.state.sent.map((sent) => [sent.endpoint, sent.mobile]),
				[
					['campaign', ASHA],
					['campaign', VIVEK],
				],
			);

			step('each node output exactly what Cunnekt answered');
			const summary = { id, name: 'Welcome', templateid: 'sdsdDSDdssd', created_at: campaign.created_at, recipient_count: 2 };
			const launched = { ...summary, status: 'LAUNCHED', launched_at: campaign.launched_at };
			assert.deepEqual(run.output('Create'), [{ json: { ...summary, status: 'DRAFT' }, pairedItem: [{ item: 0 }, { item: 1 }] }]);
			assert.deepEqual(run.output('Launch'), [
				{ json: { ...launched, messages: sandbox.state.sent.map((sent) => ({ mobile: sent.mobile, id: sent.id })) }, pairedItem: { item: 0 } },
			]);
			assert.deepEqual(run.output('Get Many'), [{ json: launched, pairedItem: { item: 0 } }]);
		},
	},
	{
		name: 'Media → Download: the file a customer sent, as binary data in n8n',
		async run({ stack, step }) {
			const { sandbox } = stack;
			const messageId = SAMPLE_IDS.incomingPdf;
			const file = sandbox.state.media.get(messageId);
			step('run the workflow with n8n execute');
			const run = await execute(
				stack,
				manualWorkflow('e2e: media', [
					cunnekt('Download', { resource: 'media', operation: 'download', messageId, binaryPropertyName: 'invoice' }),
				]),
			);
			assertSucceeded(run.execution);
			step('the sandbox received exactly one request for the file');
			assert.deepEqual(
				sandbox.requests.map((request) => [request.method, request.path, request.query, request.headers['api-key']]),
				[['GET', '/getmediafile', { messageId }, sandbox.apiKey]],
			);
			step('the item describes the file; its binary data holds its bytes');
			const fileName = 'Cunnekt - Product Pitch (3) (1).pdf';
			assert.deepEqual(run.output('Download'), [
				{ json: { messageId, mimeType: 'application/pdf', fileName, fileSize: file.bytes.length }, pairedItem: { item: 0 } },
			]);
			const [stored] = run.execution.data.resultData.runData.Download[0].data.main[0];
			const { id: _id, ...binary } = stored.binary.invoice;
			assert.deepEqual(binary, {
				mimeType: 'application/pdf',
				fileType: 'pdf',
				fileExtension: 'pdf',
				data: 'filesystem-v2',
				fileName,
				fileSize: `${file.bytes.length} B`,
				bytes: file.bytes.length,
			});
			assert.ok(binaryBytes(stack, stored.binary.invoice).equals(file.bytes), 'the stored file is the one the customer sent');
		},
	},
	{
		name: 'Reply: every operation (text, buttons, list, form, image, video, document, audio, call to action) in one workflow',
		async run({ stack, step }) {
			const { sandbox } = stack;
			sandbox.openWindow(ASHA);
			step('run the workflow with n8n execute');
			const run = await execute(
				stack,
				manualWorkflow(
					'e2e: every reply',
					REPLIES.map(([name, operation, parameters]) =>
						cunnekt(name, { resource: 'reply', operation, mobile: '+91 99999-99999', ...parameters }),
					),
				),
			);
			step('the sandbox received exactly the expected requests, in order');
			assert.deepEqual(
				receivedRequests(sandbox),
				REPLIES.map(([, , , body]) => ['POST', '/sendreplymessage', { mobile: ASHA, ...body }]),
			);
			step('each node output its message');
			assertSucceeded(run.execution);
			REPLIES.forEach(([name], index) => {
				assert.deepEqual(run.output(name), [{ json: sendOutput(sandbox, ASHA, index), pairedItem: { item: 0 } }], name);
			});
		},
	},
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
				'Recipient mobile number "call me" is not a phone number: it may contain only digits, spaces, "+", "-", "." and parentheses [item 0]',
			);
			assert.equal(error.description, 'Enter the country code and number, for example 919999999999 or +91 99999 99999.');
			assert.deepEqual(stack.sandbox.requests, [], 'nothing was sent');
			assert.ok(!JSON.stringify(run.execution).includes(stack.sandbox.apiKey), 'the API key is not in the execution');
		},
	},
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
