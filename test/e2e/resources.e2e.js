// @ts-check
/**
 * Template, Campaign and Media → Download in workflows run by n8n, against the sandbox: the exact requests, the
 * exact items.
 */
const assert = require('assert/strict');
const {
	ORDER_PICTURE,
	cunnekt,
	customers,
	manualWorkflow,
	execute,
	receivedRequests,
	orderUpdateBody,
	binaryBytes,
	assertSucceeded,
} = require('./harness');
const { ASHA, VIVEK, fromList } = require('./fixtures/actions');
const { SAMPLE_IDS } = require('../../sandbox/media-files');

const byId = (value) => ({ __rl: true, mode: 'id', value });
/** A copy of a sandbox record as it is now, before the workflow changes it. */
const snapshot = (value) => JSON.parse(JSON.stringify(value));

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
];
