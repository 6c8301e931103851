#!/usr/bin/env node
// @ts-check
/**
 * `npm run demo`: the path a verification reviewer walks (docs/verification.md), in the real n8n of `npm start`,
 * driven in headless Chromium: the Cunnekt credential and its test, a template send, a reply with buttons, the
 * Cunnekt Trigger receiving the customer's tap, and a Send and Wait approved by a tap. Numbered screenshots and,
 * where ffmpeg is (Debian's, installed with apt-get when missing), a video of the run, into the folder it prints
 * (.demo/<time>/, never committed).
 *
 * Options: --no-video (screenshots only), --no-build (pack the dist/ already built). npm test runs it with both.
 */
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { REPO_DIR, N8N_VERSION } = require('./runtime/pin');
const { onPath } = require('./host/commands');
const { ensureDebianPackages } = require('./services/debian');
const { createWorkflow, loadExamples, productionWebhookUrl, startStack } = require('./stack');
const { launchBrowser, signIn, screenshot } = require('../test/e2e/browser');

const args = process.argv.slice(2);
const CUSTOMER = '919999999999';
const MANAGER = '919000000001';
const log = (message) => console.log(`  ${message}`);

/** ffmpeg for the video: on PATH, or Debian's installed now; undefined (and a line saying so) when it cannot be had. */
function ffmpeg() {
	if (args.includes('--no-video')) return log('no video (--no-video): screenshots only');
	try {
		ensureDebianPackages(['ffmpeg'], { log });
	} catch (error) {
		return log(`no video: ffmpeg is not installed and could not be (${error instanceof Error ? error.message.split('\n')[0] : error}); screenshots only`);
	}
	return onPath('ffmpeg') ? 'ffmpeg' : log('no video: no ffmpeg on PATH; screenshots only');
}

/** Polls until read() gives something (every 250 ms, 480 times at most). */
async function until(what, read) {
	for (let attempt = 0; attempt < 480; attempt++) {
		const value = await read();
		if (value !== undefined) return value;
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error(`gave up waiting for ${what}`);
}

/** A workflow's executions, newest first. */
const executionsOf = async (stack, workflowId) => (await stack.api.executions({ workflowId, includeData: 'false' })).sort((a, b) => Number(b.id) - Number(a.id));

/**
 * The example's workflow, with its credential and files folder, published when it has a trigger; url: its Cunnekt
 * Trigger's production URL, if it has one.
 */
async function example(stack, file) {
	const found = loadExamples().find((entry) => entry.file === file);
	if (!found) throw new Error(`examples/${file} is missing`);
	const created = await createWorkflow(stack, found.workflow);
	const trigger = found.workflow.nodes.find((node) => node.type === 'n8n-nodes-cunnekt.cunnektTrigger');
	const url = trigger ? await productionWebhookUrl(stack, found.workflow, trigger.name) : undefined;
	return { workflow: found.workflow, created, url };
}

/** The steps, each ending in one numbered screenshot. */
function scenes(stack, page) {
	const url = stack.n8n.url;
	const flows = /** @type {Record<string, any>} */ ({});
	const post = (flow, messages) =>
		fetch(`${stack.sandbox.url}/__sandbox/webhooks/batch`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ url: flow.url, messages, query: { secret: stack.webhookSecret } }),
		}).then((response) => response.json());
	const showExecution = async (workflowId, executionId) => {
		await page.goto(`${url}/workflow/${workflowId}/executions/${executionId}`);
		await page.locator('[data-test-id=canvas-node]').first().waitFor();
		await page.waitForTimeout(1500);
		await closeChecklist();
	};
	/** n8n's Production Checklist covers the executions list: close it (its × is on the heading's line, at the right). */
	const closeChecklist = async () => {
		const heading = page.getByText('Production Checklist', { exact: true });
		await heading.waitFor({ timeout: 3000 }).catch(() => undefined);
		const box = (await heading.isVisible()) ? await heading.boundingBox() : null;
		if (box) await page.mouse.click(box.x + 320, box.y + box.height / 2);
		await heading.waitFor({ state: 'hidden', timeout: 3000 }).catch(() => undefined);
	};
	/** Opens a node of the shown execution and its output as JSON, once it holds text. */
	const showOutput = async (nodeName, text) => {
		await page.locator('[data-test-id=canvas-node]', { hasText: nodeName }).first().dblclick();
		const output = page.locator('[data-test-id=output-panel]');
		await output.getByText('JSON', { exact: true }).click();
		await output.getByText(text).first().waitFor();
	};
	return [
		{
			name: 'signed-in',
			say: 'sign in to n8n as the owner npm start creates',
			run: async () => {
				await signIn(page, stack);
				await page.goto(`${url}/home/workflows`);
				await page.waitForLoadState('networkidle');
			},
		},
		{
			name: 'credential-tested',
			say: 'open the Cunnekt API credential and save it: n8n tests it against the (sandbox) Cunnekt API',
			run: async () => {
				await page.goto(`${url}/home/credentials/${stack.credential.id}`);
				const modal = page.locator('[data-test-id=editCredential-modal]');
				await modal.waitFor();
				await modal.locator('[data-test-id=credential-save-button]').click();
				await modal.getByText('Connection tested successfully').waitFor();
			},
		},
		{
			name: 'template-sent',
			say: 'Template Message → Send (examples/send-order-updates.json): Execute workflow, and open the Cunnekt node to see what was sent',
			run: async () => {
				await page.keyboard.press('Escape');
				const { workflow, created } = await example(stack, 'send-order-updates.json');
				const cunnekt = workflow.nodes.find((node) => node.type === 'n8n-nodes-cunnekt.cunnekt');
				await page.goto(`${url}/workflow/${created.id}`);
				await page.locator('[data-test-id=execute-workflow-button]').click();
				await page.locator('.el-notification').getByText('Workflow executed successfully').waitFor();
				await page.locator('[data-test-id=canvas-node]', { hasText: cunnekt.name }).first().dblclick();
				await page.locator('[data-test-id=output-panel]').getByText('messageId').first().waitFor();
			},
		},
		{
			name: 'customer-writes-buttons-reply',
			say: 'a customer writes in: the published Cunnekt Trigger (examples/reply-with-buttons.json) starts an execution that replies with buttons',
			run: async () => {
				const { created, url: webhook } = await example(stack, 'reply-with-buttons.json');
				flows.buttons = { id: created.id, url: webhook };
				await post(flows.buttons, [{ type: 'text', from: CUSTOMER, text: 'Hi, where is my order?' }]);
				const [execution] = await until('the reply execution', async () => (await executionsOf(stack, created.id)).find((run) => run.stoppedAt) ? await executionsOf(stack, created.id) : undefined);
				await showExecution(created.id, execution.id);
			},
		},
		{
			name: 'sandbox-received-buttons',
			say: 'what the (sandbox) Cunnekt API received: the reply with its buttons',
			run: async () => {
				const [reply] = stack.sandbox.requests.filter((request) => request.path === '/sendreplymessage');
				const escape = (text) => text.replace(/[&<>]/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[character]);
				await page.setContent(
					`<body style="font: 16px sans-serif; margin: 40px"><h2>The Cunnekt sandbox received: ${reply.method} ${reply.path} (API-KEY ${escape(String(reply.headers['api-key']))})</h2><pre style="font-size: 15px">${escape(JSON.stringify(reply.body, null, 2))}</pre></body>`,
				);
			},
		},
		{
			name: 'customer-taps-a-button',
			say: "the customer taps a button: the trigger starts an execution with the tap (its id and title)",
			run: async () => {
				const before = (await executionsOf(stack, flows.buttons.id)).length;
				await post(flows.buttons, [{ type: 'button_reply', from: CUSTOMER, replyId: 'track_order', title: 'Track my order' }]);
				const executions = await until('the tap execution', async () => {
					const all = await executionsOf(stack, flows.buttons.id);
					return all.length > before && all[0].stoppedAt ? all : undefined;
				});
				await showExecution(flows.buttons.id, executions[0].id);
				await showOutput('Cunnekt Trigger', 'track_order');
			},
		},
		{
			name: 'send-and-wait-waiting',
			say: 'a refund over the limit (examples/refund-approval.json): Send and Wait asks the manager on WhatsApp and the execution waits',
			run: async () => {
				await page.keyboard.press('Escape');
				const { workflow, created, url: webhook } = await example(stack, 'refund-approval.json');
				const refund = workflow.nodes.find((node) => node.name === 'Refund request');
				flows.refund = { id: created.id, url: webhook };
				stack.sandbox.openWindow(MANAGER);
				stack.sandbox.openWindow(CUSTOMER);
				await fetch(`${url}/webhook/${refund.parameters.path}`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ order: 'A-1042', amount: 250, customer: CUSTOMER, reason: 'damaged' }),
				});
				flows.refund.waiting = await until('the refund to wait', async () => (await executionsOf(stack, created.id)).find((run) => run.status === 'waiting'));
				await page.goto(`${url}/workflow/${created.id}/executions`);
				await closeChecklist();
				await page.getByText('Waiting').first().waitFor();
			},
		},
		{
			name: 'send-and-wait-approved',
			say: 'the manager taps Approve: the trigger hands the tap to the waiting execution, which resumes and tells the customer',
			run: async () => {
				const question = stack.sandbox.requests.filter((request) => request.path === '/sendreplymessage').map((request) => request.body).find((body) => body.mobile === MANAGER);
				const approve = question.buttons[0].reply.id;
				const asked = stack.sandbox.state.sent.find((sent) => sent.mobile === MANAGER);
				await post(flows.refund, [{ type: 'button_reply', from: MANAGER, replyId: approve, title: 'Approve', context: { id: asked.id } }]);
				const { waiting } = flows.refund;
				await until('the refund to finish', async () => ((await executionsOf(stack, flows.refund.id)).find((run) => run.id === waiting.id)?.status === 'success' ? true : undefined));
				await showExecution(flows.refund.id, waiting.id);
				await showOutput('Ask the manager', 'approved');
			},
		},
	];
}

/** One frame a second while the run goes on, for the video; stop() waits for the last one. */
function frames(page, dir) {
	fs.mkdirSync(dir, { recursive: true });
	let count = 0;
	let running = true;
	const loop = (async () => {
		while (running) {
			await page.screenshot({ path: path.join(dir, `${String(count++).padStart(5, '0')}.png`) }).catch(() => count--);
			await new Promise((resolve) => setTimeout(resolve, 1000));
		}
	})();
	return async () => {
		running = false;
		await loop;
		return count;
	};
}

async function main() {
	const out = path.join(REPO_DIR, '.demo', new Date().toISOString().replace(/[:.]/g, '-'));
	console.log(`Demo: n8n ${N8N_VERSION} with n8n-nodes-cunnekt and the Cunnekt sandbox, in headless Chromium → ${out}`);
	const encoder = ffmpeg();
	const stack = await startStack({ dir: path.join(REPO_DIR, '.e2e', 'demo'), build: !args.includes('--no-build'), step: (name) => log(`${name}…`) });
	const browser = await launchBrowser();
	let failed = false;
	try {
		const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
		page.setDefaultTimeout(60000);
		const stopFrames = encoder ? frames(page, path.join(out, 'frames')) : async () => 0;
		const all = scenes(stack, page);
		for (const [index, scene] of all.entries()) {
			const name = `${String(index + 1).padStart(2, '0')}-${scene.name}`;
			try {
				await scene.run();
				await screenshot(page, out, name);
				console.log(`✓ ${name}.png: ${scene.say}`);
			} catch (error) {
				failed = true;
				await screenshot(page, out, `${name}-failed`).catch(() => undefined);
				console.error(`✗ ${name}: ${scene.say}\n  ${error instanceof Error ? error.message : error}\n  n8n's log: ${stack.logFile}`);
				break;
			}
		}
		const count = await stopFrames();
		if (encoder && count > 0) {
			const video = path.join(out, 'demo.mp4');
			// One frame a second, played at that pace: the video lasts as long as the run.
			const encoded = spawnSync(encoder, ['-y', '-loglevel', 'error', '-framerate', '1', '-i', path.join(out, 'frames', '%05d.png'), '-vf', 'scale=1440:-2', '-pix_fmt', 'yuv420p', video], { encoding: 'utf8' });
			if (encoded.status === 0) {
				fs.rmSync(path.join(out, 'frames'), { recursive: true, force: true });
				console.log(`video: ${video} (${count} s)`);
			} else console.log(`no video: ffmpeg failed: ${encoded.stderr.trim().split('\n').pop()}`);
		}
	} finally {
		await browser.close();
		await stack.stop();
	}
	console.log(failed ? `The demo stopped; its screenshots so far: ${out}` : `Screenshots${encoder ? ' and video' : ''}: ${out}`);
	process.exitCode = failed ? 1 : 0;
}

main().catch((error) => {
	console.error(`demo failed: ${error instanceof Error ? error.message : error}`);
	process.exitCode = 1;
});
