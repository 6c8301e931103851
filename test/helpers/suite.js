// @ts-check
/**
 * The runner the real-n8n suites share (end-to-end, queue mode): start an environment, run the checks named on the
 * command line (all by default) one after another, say which step of which check failed and where the logs are,
 * stop everything even on failure or Ctrl-C, and end with the line "N passed, N failed" (and a non-zero exit code
 * when one failed). Plain CommonJS, like the tools in playground/.
 */

function message(error) {
	return error instanceof Error ? error.message : String(error);
}

/**
 * @template {{ stop: () => Promise<void> }} Env
 * @param {{
 *   title: (count: number) => string,
 *   checks: Array<{ name: string, run: (context: any) => Promise<void> }>,
 *   start: (options: { build: boolean, step: (name: string) => void }) => Promise<Env>,
 *   contextFor: (env: Env, tools: { check: { name: string }, step: (name: string) => void, seconds: () => string }) => any,
 *   logs: () => string,
 *   beforeEach?: (env: Env, check: { name: string }) => void,
 *   afterChecks?: (env: Env) => void,
 *   failureExtra?: (context: any) => string,
 * }} suite
 *   Arguments: parts of check names select checks; --no-build packs the dist/ already built.
 * @returns {Promise<{ passed: number, failed: number, args: string[], seconds: () => string }>}
 */
async function runSuite(suite) {
	const args = process.argv.slice(2);
	const build = !args.includes('--no-build');
	const filters = args.filter((arg) => !arg.startsWith('--'));
	const selected = suite.checks.filter((check) => filters.length === 0 || filters.some((filter) => check.name.includes(filter)));
	let passed = 0;
	let failed = 0;
	let current = '';
	const started = Date.now();
	const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
	console.log(suite.title(selected.length));
	/** @type {Env | undefined} */
	let env;
	const interrupt = () => {
		console.error('\ninterrupted: stopping every process this run started');
		void (env?.stop() ?? Promise.resolve()).then(() => process.exit(130));
	};
	process.on('SIGINT', interrupt);
	process.on('SIGTERM', interrupt);
	try {
		env = await suite.start({
			build,
			step: (name) => {
				current = name;
				console.log(`  setup: ${name}… (${seconds()})`);
			},
		});
	} catch (error) {
		console.error(`✗ setup failed at step "${current}": ${message(error)}\n  ${suite.logs()}`);
		console.log(`0 passed, ${selected.length} failed`);
		process.exitCode = 1;
		return { passed, failed: selected.length, args, seconds };
	}
	try {
		for (const check of selected) {
			let step = 'start';
			suite.beforeEach?.(env, check);
			const context = suite.contextFor(env, {
				check,
				seconds,
				step: (name) => {
					step = name;
				},
			});
			try {
				await check.run(context);
				passed++;
				console.log(`✓ ${check.name} (${seconds()})`);
			} catch (error) {
				failed++;
				console.error(`✗ ${check.name}\n  failed at step "${step}": ${message(error)}\n  ${suite.logs()}${suite.failureExtra?.(context) ?? ''}`);
			}
		}
		suite.afterChecks?.(env);
	} finally {
		await env.stop();
	}
	console.log(`${passed} passed, ${failed} failed`);
	process.exitCode = failed > 0 ? 1 : 0;
	return { passed, failed, args, seconds };
}

module.exports = { runSuite };
