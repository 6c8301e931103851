// @ts-check
/** n8n's editor in a real browser: what a person sees when they use the Cunnekt nodes. Screenshots in .e2e/screenshots. */
const assert = require('assert/strict');
const { createWorkflow, loadExamples } = require('../n8n/stack');
const { launchBrowser, signIn, openNode, pickOption, screenshot } = require('./browser');
const { ORDER_PICTURE, cunnekt, customers, manualWorkflow, orderUpdateBody, assertRequests } = require('./harness');


/** Runs steps in a fresh browser page signed in as the owner; a failure leaves a screenshot. */
async function withEditor(context, steps) {
	const browser = await launchBrowser();
	try {
		const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
		page.setDefaultTimeout(60000); // a noisy shared machine: generous, only so that nothing hangs forever
		try {
			context.step('sign in');
			await signIn(page, context.stack);
			await steps(page);
		} catch (error) {
			const name = `failure-${context.name.replace(/\W+/g, '-').slice(0, 60)}`;
			context.failureScreenshot = await screenshot(page, context.screenshotsDir, name).catch(() => undefined);
			throw error;
		}
	} finally {
		await browser.close();
	}
}

/** The resource mapper's fields, once shown: their labels, as the person reads them. */
async function mapperFieldLabels(ndv, firstFieldId) {
	await ndv.locator(`[data-test-id=parameter-input-${firstFieldId}]`).waitFor();
	const labels = ndv.locator('[data-test-id=mapping-fields-container] label');
	// Each field's label also holds its Fixed / Expression switch; the first label is the mapper's own heading.
	const texts = (await labels.allInnerTexts()).map((text) => text.trim().split('\n')[0]);
	return texts.filter((text) => text !== 'Values to Send');
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
				step('open the workflow and the Cunnekt node');
				const ndv = await openNode(page, stack, workflow.id, 'Cunnekt');

				step('pick Template Message → Send');
				await pickOption(page, ndv, 'resource', 'Template Message');
				await pickOption(page, ndv, 'operation', 'Send');

				step('open the template list');
				stack.sandbox.clearRequests();
				await ndv.locator('[data-test-id=rlc-input]').click();
				const listed = page.locator('[data-test-id=rlc-item]');
				await listed.first().waitFor();
				const expected = [...stack.sandbox.state.templates.values()].map(
					(template) => `${template.name} (${template.language}) · ${template.status}`,
				);
				assert.deepEqual((await listed.allInnerTexts()).map((text) => text.trim()), expected);
				assert.deepEqual(
					stack.sandbox.requests.map((request) => [request.method, request.path, request.headers['api-key']]),
					[['GET', '/templates', stack.sandbox.apiKey]],
				);
				await screenshot(page, screenshotsDir, 'template-list');

				step('pick order_update: its variable fields appear');
				await listed.filter({ hasText: 'order_update (en)' }).click();
				assert.deepEqual(await mapperFieldLabels(ndv, 'header_image'), ['Header Image Link', 'Body Variable {{1}}', 'Body Variable {{2}}']);
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

				step('the setup notice says where the URL goes');
				const notice = ndv.getByText("Paste this node's Production URL (under Webhook URLs above)");
				await notice.waitFor();
				await screenshot(page, screenshotsDir, 'trigger');
			});
		},
	},
];
