// @ts-check
/**
 * n8n's editor as a first-time user meets the Cunnekt nodes, checked by looking: each screen's words are asserted
 * seen whole (inside the window, not cut off: test/e2e/browser.js assertSeenWhole), and screenshotted into
 * .e2e/screenshots. Send and Wait's fields, the nodes panel and a new node's credential, a credential's problem as it
 * is typed, an example's canvas.
 */
const assert = require('assert/strict');
const path = require('path');
const { REPO_DIR } = require('../../playground/runtime/pin');
const { createWorkflow, loadExamples, CREDENTIAL_NAME } = require('../../playground/stack');
const { withEditor, openNode, pickOption, screenshot, assertSeenWhole } = require('./browser');
const { cunnekt, customers, manualWorkflow } = require('./harness');

/** The notices of an open node's panel (or a credential's form), each seen whole, as their texts. */
async function shownNotices(panel, container = '[data-test-id=node-parameters]') {
	const notices = panel.locator(`${container} .notice[role=alert]`);
	await notices.first().waitFor();
	await assertSeenWhole(notices, 'the notices');
	return (await notices.allInnerTexts()).map((text) => text.trim());
}

const TAP =
	'The tap comes back through a Cunnekt Trigger: this n8n needs one published workflow with a Cunnekt Trigger whose Production URL is your Cunnekt Webhook URL (Cunnekt → API Settings). One trigger serves every Send and Wait; without it the execution waits until its time limit.';
const ONE_APPROVE_BUTTON = 'The message gets one button, Approve. Change the Buttons below to rename it or to add a Decline button.';

/** A Code node's items as a Cunnekt node would get them: nothing to map, only something to open. */
const askNode = (name, parameters) =>
	cunnekt(name, { resource: 'reply', operation: 'sendAndWait', mobile: '919000000001', message: 'Refund 250 EUR?', ...parameters });

module.exports = [
	{
		name: 'editor: Send and Wait\'s fields say where the tap comes from, that one Approve button goes by default, and when there are too many options (examples/refund-approval.json)',
		async run(context) {
			const { stack, step, screenshotsDir } = context;
			const { workflow: example } = loadExamples().find((entry) => entry.file === 'refund-approval.json');
			const refund = await createWorkflow(stack, example, { publish: false });
			const buttons = (labels) => ({ choice: labels.map((label) => ({ label, value: label.toLowerCase() })) });
			const asks = await createWorkflow(
				stack,
				manualWorkflow('Ask for approval', [
					customers(),
					askNode('Ask with the defaults', {}),
					askNode('Ask with four buttons', { responseType: 'choice', choices: buttons(['Today', 'Tomorrow', 'Friday', 'Later']) }),
					cunnekt('Reply with four buttons', { resource: 'reply', operation: 'sendButtons', mobile: '919999999999', body: 'Rate us', buttons: { button: ['Good', 'Fine', 'Bad', 'Awful'].map((title) => ({ title, id: title.toLowerCase() })) } }),
				]),
				{ publish: false },
			);
			await withEditor(context, async (page) => {
				step('the example\'s "Ask the manager": the tap comes back through a published Cunnekt Trigger');
				let ndv = await openNode(page, stack, refund.id, 'Ask the manager');
				assert.deepEqual(await shownNotices(ndv), [TAP]);
				await screenshot(page, screenshotsDir, 'send-and-wait');

				step('a new Send and Wait: Approval Options empty, and the notice says one Approve button goes');
				ndv = await openNode(page, stack, asks.id, 'Ask with the defaults');
				assert.deepEqual(await shownNotices(ndv), [TAP, ONE_APPROVE_BUTTON]);
				await screenshot(page, screenshotsDir, 'send-and-wait-default');

				step('choosing Approve and Disapprove: the notice goes, the two labels show');
				await ndv.locator('[data-test-id=fixed-collection-approvalOptions] button, [data-test-id=fixed-collection-add]').first().click();
				await ndv.locator('[data-test-id=parameter-input-approvalType]').waitFor();
				await pickOption(page, ndv, 'approvalType', 'Approve and Disapprove');
				await ndv.locator('[data-test-id=parameter-input-disapproveLabel]').waitFor();
				assert.deepEqual(await shownNotices(ndv), [TAP]);

				step('four options as buttons: the notice says WhatsApp takes three, before anything runs');
				ndv = await openNode(page, stack, asks.id, 'Ask with four buttons');
				assert.deepEqual(await shownNotices(ndv), [TAP, 'WhatsApp takes at most 3 options here: remove the extra ones.']);
				await screenshot(page, screenshotsDir, 'send-and-wait-four-buttons');

				step('Reply → Send Buttons with four buttons: the same before Execute');
				ndv = await openNode(page, stack, asks.id, 'Reply with four buttons');
				assert.deepEqual(await shownNotices(ndv), ['WhatsApp shows at most 3 reply buttons: remove the extra ones (or use Send List for more choices).']);
				await screenshot(page, screenshotsDir, 'send-buttons-four');
			});
		},
	},
	{
		name: 'editor: the nodes panel describes Cunnekt by its actions, "Send a template message" first and in view; the node it adds uses the classic credential',
		async run(context) {
			const { stack, step, screenshotsDir } = context;
			const workflow = await createWorkflow(stack, manualWorkflow('Add a step', [customers()]), { publish: false });
			await withEditor(context, async (page) => {
				step('open the nodes panel after the Customers node, search "Cunnekt", open it');
				await page.goto(`${stack.n8n.url}/workflow/${workflow.id}`);
				await page.locator('[data-test-id=canvas-node]').first().waitFor();
				await page.locator('[data-test-id=node-creator-plus-button]').click();
				await page.locator('[data-test-id=node-creator-search-bar] input, [data-test-id=search-bar] input').first().fill('Cunnekt');
				const item = page.locator('[data-test-id=node-creator-node-item], [data-test-id=node-creator-action-item]').filter({ hasText: 'Cunnekt' }).first();
				await item.waitFor();
				// One "Cunnekt" item for both nodes, described by its actions first (CunnektTrigger.node.ts).
				assert.deepEqual((await item.innerText()).split('\n').map((line) => line.trim()).filter(Boolean), [
					'Cunnekt',
					"Send WhatsApp template and reply messages, manage media, templates and campaigns, and start workflows on customers' messages and delivery statuses, with Cunnekt",
				]);
				await page.locator('[data-test-id=node-creator-item-name]').filter({ hasText: /^Cunnekt$/ }).first().click();

				step('the actions begin with the template message, seen whole');
				// The panel's first name is the node's own (its header): the actions follow.
				const actions = page.locator('[data-test-id=node-creator] [data-test-id=node-creator-item-name]').filter({ hasNotText: /^Cunnekt$/ });
				await actions.first().waitFor();
				const first = (await actions.allInnerTexts()).map((text) => text.trim()).slice(0, 3);
				// Then the Reply resource's actions, in its Operation picker's order (the built package's own list).
				const replyPicker = require(path.join(REPO_DIR, 'dist/nodes/Cunnekt/actions')).resources.reply.description[0];
				const replyActions = replyPicker.options.map((option) => option.action);
				assert.deepEqual(first, ['Send a template message', ...replyActions.slice(0, 2)]);
				await assertSeenWhole(actions.first(), '"Send a template message" in the nodes panel');
				await screenshot(page, screenshotsDir, 'nodes-panel');

				step('add it: the new node uses the classic platform\'s credential, the one the README describes first');
				// n8n gives a new node the credential of its type updated last; the stack creates the classic one last.
				const cunnektApi = (await stack.api.call('GET', '/credentials')).data.filter((entry) => entry.type === 'cunnektApi');
				const newest = cunnektApi.reduce((latest, entry) => (entry.updatedAt > latest.updatedAt ? entry : latest));
				assert.equal(newest.name, CREDENTIAL_NAME, `the newest Cunnekt API credential: ${JSON.stringify(cunnektApi.map((entry) => entry.name))}`);
				await actions.first().click();
				const ndv = page.locator('[data-test-id=ndv]');
				await ndv.waitFor();
				const credential = ndv.locator('[data-test-id=node-credentials-select] input');
				await credential.waitFor();
				assert.equal(await credential.inputValue(), CREDENTIAL_NAME);
				await assertSeenWhole(credential, 'the new node\'s credential');
				await screenshot(page, screenshotsDir, 'new-node-credential');
			});
		},
	},
	{
		name: 'editor: a credential\'s problem shows under its field as it is typed (n8n folds the test\'s reason behind "More details")',
		async run(context) {
			const { stack, step, screenshotsDir } = context;
			// Credentials of this check's own: the stack's are used by the other checks.
			const webhook = await stack.api.createCredential({ name: 'Webhook to fix', type: 'cunnektWebhookApi', data: { sharedSecret: 'Xq3v9Lm2Rt8Kp4Wz6Yb1Nc5Hd7Jf0Gs' } });
			const api = await stack.api.createCredential({
				name: 'Cunnekt to fix',
				type: 'cunnektApi',
				data: { platform: 'classic', apiKey: stack.sandbox.apiKey, baseUrl: stack.sandbox.url },
			});
			try {
				await withEditor(context, async (page) => {
				step('open the Cunnekt Webhook API credential and type a short Shared Secret');
				await page.goto(`${stack.n8n.url}/home/credentials/${webhook.id}`);
				const modal = page.locator('[data-test-id=editCredential-modal]');
				await modal.locator('[data-test-id=parameter-input-sharedSecret] input').fill('short-secret');
				assert.deepEqual(await shownNotices(modal, ''), [
					'This Shared Secret is shorter than 16 characters: use a long random one, e.g. 32 letters and digits.',
				]);
				await screenshot(page, screenshotsDir, 'credential-short-secret');

				step('a Cunnekt API credential whose classic Base URL lacks /v1 says so when opened');
				await page.goto(`${stack.n8n.url}/home/credentials/${api.id}`);
				await modal.locator('[data-test-id=parameter-input-baseUrl]').waitFor();
				assert.deepEqual(await shownNotices(modal, ''), ["The classic API's Base URL ends with /v1, e.g. https://app2.cunnekt.com/v1."]);
				await screenshot(page, screenshotsDir, 'credential-base-url');
				});
			} finally {
				// A node added later gets the newest credential of its type: leave none of this check's behind.
				for (const { id } of [webhook, api]) await stack.api.call('DELETE', `/credentials/${id}`);
			}
		},
	},
	{
		name: 'editor: the closed-window example (examples/window-fallback.json) draws no node on its sticky note',
		async run(context) {
			const { stack, step, screenshotsDir } = context;
			const { workflow: example } = loadExamples().find((entry) => entry.file === 'window-fallback.json');
			const workflow = await createWorkflow(stack, example, { publish: false });
			await withEditor(context, async (page) => {
				step('open it: every node\'s box is off the note\'s box');
				await page.goto(`${stack.n8n.url}/workflow/${workflow.id}`);
				const nodes = page.locator('[data-test-id=canvas-node]');
				await nodes.first().waitFor();
				const [note] = await page.locator('[data-test-id=sticky]').evaluateAll((found) => found.map((element) => element.getBoundingClientRect().toJSON()));
				const boxes = await nodes.evaluateAll((found) => found.map((element) => ({ name: element.innerText.split('\n')[0], box: element.getBoundingClientRect().toJSON() })));
				assert.equal(boxes.length, 3);
				const onNote = boxes.filter(({ box }) => box.left < note.right && box.right > note.left && box.top < note.bottom && box.bottom > note.top);
				assert.deepEqual(onNote.map(({ name }) => name), []);
				await screenshot(page, screenshotsDir, 'example-window-fallback');
			});
		},
	},
];
