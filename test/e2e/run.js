#!/usr/bin/env node
// @ts-check
/**
 * `npm run test:e2e`: the package as users get it (built, packed, installed in a real n8n 2.41.1's user folder),
 * driven through n8n's public API, its CLI, webhooks and the editor in a real browser, against the sandbox.
 *
 * Plain Node (no jest: one n8n serves every check, and each check is a named list of steps). Give check names (or
 * parts of them) as arguments to run only those: `npm run test:e2e -- editor`. Everything started is stopped, even
 * on failure; a failure names the check, the step and where the logs are. Last line: "N passed, N failed".
 * --no-build packs the dist/ already built; --update-screenshots copies the README's screenshots into
 * examples/screenshots after a run where every check passed.
 */
const fs = require('fs');
const path = require('path');
const { REPO_DIR, N8N_VERSION } = require('../../playground/runtime/pin');
const { startStack } = require('../../playground/stack');
const { runSuite } = require('../helpers/suite');
const { ensureChromium } = require('./browser');

const RUN_DIR = path.join(REPO_DIR, '.e2e', 'run');
const SCREENSHOTS_DIR = path.join(REPO_DIR, '.e2e', 'screenshots');
/** The screenshots the README shows; `--update-screenshots` copies them from a green run into the repository. */
const README_SCREENSHOTS_DIR = path.join(REPO_DIR, 'examples', 'screenshots');
const README_SCREENSHOTS = ['template-list.png', 'template-fields.png', 'template-send.png', 'trigger.png'];

/** @type {Array<{ name: string, run: (context: any) => Promise<void> }>} */
const checks = [
	require('./credential.e2e'),
	require('./resources.e2e'),
	require('./replies.e2e'),
	require('./messages.e2e'),
	require('./onError.e2e'),
	require('./currentPlatform.e2e'),
	require('./trigger.e2e'),
	require('./triggerHardening.e2e'),
	require('./sendAndWait.e2e'),
	require('./agent.e2e'),
	require('./examples.e2e'),
	require('./editor.e2e'),
	require('./editorFirstSteps.e2e'),
	// Last: the migration report reads every workflow the other checks created.
	require('./n8n3.e2e'),
].flat();

const relative = (file) => path.relative(process.cwd(), file) || file;

fs.rmSync(SCREENSHOTS_DIR, { recursive: true, force: true });
void runSuite({
	title: (count) => `End-to-end: n8n ${N8N_VERSION} with the packed n8n-nodes-cunnekt, the sandbox, Chromium (${count} checks)`,
	checks,
	start: ({ build, step }) => {
		step('install Chromium when missing');
		ensureChromium();
		return startStack({ dir: RUN_DIR, build, step });
	},
	logs: () => `logs: ${relative(path.join(RUN_DIR, 'n8n.log'))} (n8n), ${relative(path.join(RUN_DIR, 'pack', 'pack.log'))} (build)`,
	beforeEach: (stack) => stack.sandbox.reset(),
	contextFor: (stack, { check, step }) => ({ name: check.name, stack, screenshotsDir: SCREENSHOTS_DIR, step }),
	failureExtra: (context) => (context.failureScreenshot ? `, screenshot: ${relative(context.failureScreenshot)}` : ''),
}).then(({ failed, args }) => {
	if (!args.includes('--update-screenshots') || failed > 0) return;
	fs.mkdirSync(README_SCREENSHOTS_DIR, { recursive: true });
	for (const name of README_SCREENSHOTS) fs.copyFileSync(path.join(SCREENSHOTS_DIR, name), path.join(README_SCREENSHOTS_DIR, name));
	console.log(`README screenshots updated in ${relative(README_SCREENSHOTS_DIR)}`);
});
