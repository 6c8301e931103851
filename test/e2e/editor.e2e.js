// @ts-check
/** n8n's editor in a real browser: what a person sees when they use the Cunnekt nodes. Screenshots in .e2e/screenshots. */
const assert = require('assert/strict');
const { createWorkflow, loadExamples } = require('../../playground/stack');
const { withEditor, openNode, pickOption, screenshot, assertSeenWhole } = require('./browser');
const { ORDER_PICTURE, cunnekt, customers, manualWorkflow, orderUpdateBody, assertRequests } = require('./harness');


/**
 * The resource mapper's fields, once shown, as the person reads them: each label, and the value of a read-only field
 * (the template's text), after checking that every label, input and warning icon is seen whole (not cut off).
 */
async function mapperFields(ndv, firstFieldId) {
	await ndv.locator(`[data-test-id=parameter-input-${firstFieldId}]`).waitFor();
	const fields = ndv.locator('[data-test-id=mapping-fields-container] .parameter-item');
	await assertSeenWhole(fields.locator('label .n8n-text'), "Template's Fields' labels");
	await assertSeenWhole(fields.locator('input'), "Template's Fields' inputs");
	await assertSeenWhole(fields.locator('[data-test-id=parameter-issues]'), "Template's Fields' warning icons");
	const shown = [];
	for (const field of await fields.all()) {
		const label = (await field.locator('label .n8n-text').first().innerText()).trim();
		const input = field.locator('input').first();
		shown.push((await input.isDisabled()) ? `${label}: ${await input.inputValue()}` : label);
	}
	return shown;
}

/** Switches a parameter to an expression and types it as a person does (n8n closes the braces itself). */
async function typeExpression(page, ndv, container, input, expression) {
	await ndv.locator(`[data-test-id=parameter-input-${input}]`).hover();
	await ndv.locator(`[data-test-id='${container}-parameter-input-options-container'] [data-test-id=radio-button-expression]`).click();
	await ndv.locator(`[data-test-id=parameter-input-${input}] .cm-content`).click();
	await page.keyboard.type('{{');
	await page.keyboard.type(expression);
	await page.keyboard.press('Escape'); // the autocomplete list
	await ndv.getByText('Values to Send').click();
}

/** Closes n8n's notifications, so that a screenshot shows the node. */
async function closeToasts(page) {
	for (const close of await page.locator('.el-notification__closeBtn').all()) await close.click().catch(() => undefined);
	await page.locator('.el-notification').first().waitFor({ state: 'hidden' });
}

const SETUP =
	'Paste this node\'s Production URL (under Webhook URLs above) into Cunnekt → API Settings → Webhook URL, then Publish the workflow. To try it first, paste the Test URL there, click "Execute step" and send your WhatsApp number a message.';
const QUERY_SECRET =
	'The URL to paste into Cunnekt → API Settings → Webhook URL is the Production URL above with your secret at its end: …/webhook?secret=YOUR_SECRET, where YOUR_SECRET is the Shared Secret of your Cunnekt Webhook API credential.';
const HEADER_SECRET =
	"Paste the Production URL above as it is; every call must carry the Header Name below with the Shared Secret of your Cunnekt Webhook API credential (for senders that can add headers: Cunnekt's Webhook URL setting cannot).";
const SIGNATURE =
	"For WhatsApp (Meta) calling n8n directly: paste the Production URL above as the Callback URL in your Meta app → WhatsApp → Configuration, with the Verify Token of your Cunnekt Webhook API credential; WhatsApp signs every call with the credential's App Secret.";
const NO_AUTHENTICATION =
	'With Authentication None, anyone who has this URL can start the workflow. Choose Shared Secret so that only calls carrying your secret start it.';

/** Fails unless the panel's notices are exactly these, in this order, each seen whole. */
async function assertNotices(ndv, texts) {
	const notices = ndv.locator('[data-test-id=node-parameters] .notice[role=alert]');
	await notices.filter({ hasText: texts[texts.length - 1] }).first().waitFor();
	assert.deepEqual((await notices.allInnerTexts()).map((text) => text.trim()), texts);
	await assertSeenWhole(notices, 'the notices');
}

/** The node's credential fields as shown, each seen whole: [label, the credential selected]. */
async function credentialLabels(ndv) {
	const slots = ndv.locator('[data-test-id=node-credentials-slot]');
	const shown = [];
	for (const slot of await slots.all()) {
		const label = slot.locator('[data-test-id=credentials-label] label .n8n-text');
		await assertSeenWhole(label, 'a credential field\'s label');
		shown.push([(await label.innerText()).trim(), await slot.locator('[data-test-id=node-credentials-select] input').inputValue()]);
	}
	return shown;
}

module.exports = [
	{
		name: 'editor: open the Cunnekt node, pick Template Message → Send, the template list and its fields load from the sandbox, map and run it',
		async run(context) {
			const { stack, step, screenshotsDir } = context;
			const workflow = await createWorkflow(
				stack,
				manualWorkflow('Send order updates', [
					customers(),
					cunnekt('Cunnekt', { resource: 'reply', operation: 'sendText' }),
				]),
			);
			await withEditor(context, async (page) => {
				step('open the workflow and the Cunnekt node: its subtitle on the canvas reads as words');
				const ndv = await openNode(page, stack, workflow.id, 'Cunnekt');
				const canvasNode = page.locator('[data-test-id=canvas-node]', { hasText: 'Cunnekt' });
				assert.deepEqual((await canvasNode.innerText()).split('\n').map((line) => line.trim()).filter(Boolean), ['Cunnekt', 'Send Text · Reply']);

				step('pick Template Message → Send');
				await pickOption(page, ndv, 'resource', 'Template Message');
				await pickOption(page, ndv, 'operation', 'Send');

				step('open the template list');
				stack.sandbox.clearRequests();
				await ndv.locator('[data-test-id=rlc-input]').click();
				const listed = page.locator('[data-test-id=rlc-item]');
				await listed.first().waitFor();
				// The approved templates first; the others say they cannot be sent.
				const templates = [...stack.sandbox.state.templates.values()];
				const expected = [
					...templates.filter((template) => template.status === 'APPROVED').map((template) => `${template.name} (${template.language}) · APPROVED`),
					...templates.filter((template) => template.status !== 'APPROVED').map((template) => `${template.name} (${template.language}) · ${template.status}, cannot be sent`),
				];
				assert.deepEqual((await listed.allInnerTexts()).map((text) => text.trim()), expected);
				await assertSeenWhole(listed, 'the template list');
				assert.deepEqual(
					stack.sandbox.requests.map((request) => [request.method, request.path, request.headers['api-key']]),
					[['GET', '/templates', stack.sandbox.apiKey]],
				);
				await screenshot(page, screenshotsDir, 'template-list');

				step('pick track_shipment: its header, body and button fields appear, each label and text seen whole');
				await listed.filter({ hasText: 'track_shipment (en)' }).click();
				// Short labels (n8n cuts long ones), and the template's texts read-only above the variables they hold.
				assert.deepEqual(await mapperFields(ndv, 'header_1'), [
					'Header Text: Order {{1}}',
					'Header {{1}}',
					'Body Text: Your parcel {{1}} is on its way.',
					'Body {{1}}',
					'"Track parcel" Link: https://track.example.com/{{1}}',
					'Button 1 URL Suffix',
					'"Talk to us" Payload',
				]);
				await screenshot(page, screenshotsDir, 'template-fields-buttons');

				step('pick order_update: its variable fields appear, each label and text seen whole');
				await ndv.locator('[data-test-id=rlc-input]').click();
				await listed.filter({ hasText: 'order_update (en)' }).click();
				await ndv.locator('[data-test-id=parameter-input-header_1]').waitFor({ state: 'detached' });
				assert.deepEqual(await mapperFields(ndv, 'header_image'), [
					'Header Image Link',
					'Body Text: Hi {{1}}, your order of {{2}} has shipped.',
					'Body {{1}} (e.g. Vivek)',
					'Body {{2}} (e.g. Rs. 999)',
				]);
				await screenshot(page, screenshotsDir, 'template-fields');

				step('run the Customers node, map the fields to its output');
				await ndv.locator('[data-test-id=execute-previous-node]').click();
				await ndv.locator('[data-test-id=ndv-input-panel]').getByText('2 items').waitFor();
				await typeExpression(page, ndv, 'mobile', 'mobile', '$json.mobile');
				await typeExpression(page, ndv, 'value["body_1"]', 'body_1', '$json.name');
				await typeExpression(page, ndv, 'value["body_2"]', 'body_2', '$json.amount');
				await ndv.locator('[data-test-id=parameter-input-header_image] input').fill(ORDER_PICTURE);
				await ndv.getByText('Values to Send').click(); // closes the field's tip

				step('execute the step: the sandbox receives both sends, the output shows them');
				stack.sandbox.clearRequests();
				await ndv.locator('[data-test-id=node-execute-button]').click();
				const output = ndv.locator('[data-test-id=output-panel]');
				await output.getByText('2 items').waitFor();
				assertRequests(stack.sandbox, [
					[
						['GET', '/templates', undefined], // the template, checked once per run
						['POST', '/sendnotification', orderUpdateBody('919999999999', 'Asha', 'Rs. 999')],
						['POST', '/sendnotification', orderUpdateBody('919888888888', 'Vivek', 'Rs. 1,250')],
					],
				]);
				// The table lets long values wrap (zero-width spaces after "/" and "+"): compare without them.
				await output.locator('table').getByText('whatsapp').first().waitFor();
				const shown = (await output.innerText()).replace(/[\s\u200b]/g, '');
				for (const sent of stack.sandbox.state.sent) assert.ok(shown.includes(sent.id), `the output shows message id ${sent.id}`);
				await page.locator('.el-notification').getByText('Node executed successfully').waitFor();
				await closeToasts(page);
				await screenshot(page, screenshotsDir, 'template-send');
			});
		},
	},
	{
		name: 'editor: open the Cunnekt Trigger of examples/reply-with-buttons.json: its production webhook URL and setup steps',
		async run(context) {
			const { stack, step, screenshotsDir } = context;
			const { workflow: example } = loadExamples().find((entry) => entry.file === 'reply-with-buttons.json');
			const workflow = await createWorkflow(stack, example, { publish: false });
			const { webhookId } = example.nodes.find((candidate) => candidate.name === 'Cunnekt Trigger');
			await withEditor(context, async (page) => {
				step('open the workflow and the trigger');
				const ndv = await openNode(page, stack, workflow.id, 'Cunnekt Trigger');

				step('show the production webhook URL');
				await ndv.getByText('Webhook URLs', { exact: true }).click();
				await ndv.locator('[data-test-id=radio-button-production]').click();
				const url = `${stack.n8n.url}/webhook/${webhookId}/webhook`;
				await ndv.locator('.node-webhooks').getByText(url, { exact: true }).waitFor();

				step('the notices say where the URL goes, with the secret, in the words of n8n 2.41\'s editor, each seen whole');
				assert.doesNotMatch(await ndv.innerText(), /Listen for test event|activate/i);
				// The button the notice names is the one n8n shows.
				assert.equal((await ndv.locator('[data-test-id=node-execute-button]').first().innerText()).trim(), 'Execute step');
				await assertNotices(ndv, [SETUP, QUERY_SECRET]);
				await screenshot(page, screenshotsDir, 'trigger');

				step('the credentials: the webhook secrets one is named for what it holds and picked; the Cunnekt API one hides until Download Media');
				assert.deepEqual(await credentialLabels(ndv), [['Webhook Secrets (Cunnekt Webhook API)', 'Cunnekt webhook']]);
				await ndv.locator('[data-test-id=collection-parameter-add]').last().click();
				await page.locator('.el-select-dropdown__item:visible').filter({ hasText: 'Download Media' }).first().click();
				await ndv.locator('[data-test-id=parameter-input-downloadMedia] .el-switch').click();
				await ndv.locator('[data-test-id=node-credentials-slot]').nth(1).waitFor();
				assert.deepEqual(await credentialLabels(ndv), [
					['Webhook Secrets (Cunnekt Webhook API)', 'Cunnekt webhook'],
					['For Download Media: Cunnekt API', 'Cunnekt sandbox (classic platform)'],
				]);
				await screenshot(page, screenshotsDir, 'trigger-credentials');

				for (const [mode, secretIn, notices] of [
					['Shared Secret', 'Header', [SETUP, HEADER_SECRET]],
					['WhatsApp Signature', undefined, [SETUP, SIGNATURE]],
					['Shared Secret and WhatsApp Signature', 'Query Parameter', [SETUP, QUERY_SECRET, SIGNATURE]],
					['None', undefined, [SETUP, NO_AUTHENTICATION]],
				]) {
					step(`Authentication ${mode}${secretIn ? `, the secret in a ${secretIn}` : ''}: what to paste where, seen whole`);
					await pickOption(page, ndv, 'authentication', mode);
					if (secretIn) await pickOption(page, ndv, 'secretIn', secretIn);
					await assertNotices(ndv, notices);
					assert.deepEqual(
						(await credentialLabels(ndv)).map(([label]) => label).filter((label) => label.startsWith('Webhook')),
						mode === 'None' ? [] : ['Webhook Secrets (Cunnekt Webhook API)'],
					);
					await screenshot(page, screenshotsDir, `trigger-${mode.replace(/\W+/g, '-').toLowerCase()}${secretIn ? `-${secretIn.replace(/\W+/g, '-').toLowerCase()}` : ''}`);
				}
			});
		},
	},
];
