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
const { REPO_DIR, N8N_VERSION } = require('../n8n/runtime');
const { startStack } = require('../n8n/stack');

const RUN_DIR = path.join(REPO_DIR, '.e2e', 'run');
const SCREENSHOTS_DIR = path.join(REPO_DIR, '.e2e', 'screenshots');
/** The screenshots the README shows; `--update-screenshots` copies them from a green run into the repository. */
const README_SCREENSHOTS_DIR = path.join(REPO_DIR, 'examples', 'screenshots');
const README_SCREENSHOTS = ['template-list.png', 'template-fields.png', 'template-send.png', 'trigger.png'];

/** @type {Array<{ name: string, run: (context: any) => Promise<void> }>} */
const checks = [
	require('./credential.e2e'),
	require('./actions.e2e'),
	require('./trigger.e2e'),
	require('./examples.e2e'),
	require('./editor.e2e'),
].flat();

const relative = (file) => path.relative(process.cwd(), file) || file;

async function main() {
	const args = process.argv.slice(2);
	const build = !args.includes('--no-build'); // `npm test` has just built
	const filters = args.filter((arg) => !arg.startsWith('--'));
	const selected = checks.filter((check) => filters.length === 0 || filters.some((filter) => check.name.includes(filter)));
	let passed = 0;
	let failed = 0;
	let current = '';
	const started = Date.now();
	fs.rmSync(SCREENSHOTS_DIR, { recursive: true, force: true });
	const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
	console.log(`End-to-end: n8n ${N8N_VERSION} with the packed n8n-nodes-cunnekt, the sandbox, Chromium (${selected.length} checks)`);
	/** @type {import('../n8n/stack').Stack | undefined} */
	let stack;
	const logs = () => `logs: ${relative(path.join(RUN_DIR, 'n8n.log'))} (n8n), ${relative(path.join(RUN_DIR, 'pack', 'pack.log'))} (build)`;
	const interrupt = () => {
		console.error('\ninterrupted: stopping n8n and the sandbox');
		void (stack?.stop() ?? Promise.resolve()).then(() => process.exit(130));
	};
	process.on('SIGINT', interrupt);
	process.on('SIGTERM', interrupt);
	try {
		stack = await startStack({
			dir: RUN_DIR,
			build,
			step: (name) => {
				current = name;
				console.log(`  setup: ${name}… (${seconds()})`);
			},
		});
	} catch (error) {
		console.error(`✗ setup failed at step "${current}": ${message(error)}\n  ${logs()}`);
		console.log(`0 passed, ${selected.length} failed`);
		process.exitCode = 1;
		return;
	}
	try {
		for (const check of selected) {
			let step = 'start';
			const context = {
				name: check.name,
				stack,
				screenshotsDir: SCREENSHOTS_DIR,
				step: (name) => {
					step = name;
				},
			};
			stack.sandbox.reset();
			try {
				await check.run(context);
				passed++;
				console.log(`✓ ${check.name} (${seconds()})`);
			} catch (error) {
				failed++;
				const extra = context.failureScreenshot ? `, screenshot: ${relative(context.failureScreenshot)}` : '';
				console.error(`✗ ${check.name}\n  failed at step "${step}": ${message(error)}\n  ${logs()}${extra}`);
			}
		}
	} finally {
		await stack.stop();
	}
	if (args.includes('--update-screenshots') && failed === 0) {
		fs.mkdirSync(README_SCREENSHOTS_DIR, { recursive: true });
		for (const name of README_SCREENSHOTS) fs.copyFileSync(path.join(SCREENSHOTS_DIR, name), path.join(README_SCREENSHOTS_DIR, name));
		console.log(`README screenshots updated in ${relative(README_SCREENSHOTS_DIR)}`);
	}
	console.log(`${passed} passed, ${failed} failed`);
	process.exitCode = failed > 0 ? 1 : 0;
}

function message(error) {
	return error instanceof Error ? error.message : String(error);
}

void main();
