#!/usr/bin/env node
// @ts-check
/**
 * `npm start`: a real n8n with this package installed, the Cunnekt sandbox, a demo owner, a Cunnekt credential
 * pointing at the sandbox and the example workflows. Ctrl-C stops everything.
 *
 * Options: --port N (n8n, default 5678), --sandbox-port N (default 5679). A busy port is replaced by a free one.
 * The n8n is fresh each time (its user folder is .e2e/start/user): export a workflow you want to keep.
 */
const path = require('path');
const { REPO_DIR, N8N_VERSION } = require('./runtime');
const { startStack, loadExamples, createWorkflow } = require('./stack');

function option(name, fallback) {
	const index = process.argv.indexOf(`--${name}`);
	return index > 0 ? Number(process.argv[index + 1]) : fallback;
}

async function main() {
	let current = '';
	const log = (message) => console.log(`  ${message}`);
	const dir = path.join(REPO_DIR, '.e2e', 'start');
	console.log(`Starting n8n ${N8N_VERSION} with n8n-nodes-cunnekt and the Cunnekt sandbox…`);
	/** @type {import('./stack').Stack | undefined} */
	let stack;
	let stopping = false;
	const stop = async (code) => {
		if (stopping) return;
		stopping = true;
		if (stack) {
			console.log('\nStopping n8n and the sandbox…');
			await stack.stop();
		}
		process.exit(code);
	};
	process.on('SIGINT', () => void stop(0));
	process.on('SIGTERM', () => void stop(0));
	try {
		stack = await startStack({
			dir,
			n8nPort: option('port', 5678),
			sandboxPort: option('sandbox-port', 5679),
			log,
			step: (name) => {
				current = name;
				log(`${name}…`);
			},
		});
		current = 'import the example workflows';
		const imported = [];
		for (const { file, workflow } of loadExamples()) {
			const created = await createWorkflow(stack, workflow);
			imported.push(`${workflow.name}${created.active || created.activeVersionId ? ' (published)' : ''}  ← examples/${file}`);
		}
		stack.n8n.child.once('exit', (code, signal) => {
			if (stopping) return;
			console.error(`\nn8n stopped on its own (${signal ?? `exit ${code}`}); its log: ${stack?.logFile}`);
			void stop(1);
		});
		printReady(stack, imported);
	} catch (error) {
		console.error(`\nnpm start failed while trying to ${current}: ${error instanceof Error ? error.message : error}`);
		console.error(`Logs: ${stack?.logFile ?? path.join(dir, 'n8n.log')} (n8n), ${path.join(dir, 'pack', 'pack.log')} (build)`);
		await stop(1);
	}
}

function printReady(stack, imported) {
	const { n8n, sandbox, owner } = stack;
	const mobile = '919999999999';
	console.log(`
n8n is ready: ${n8n.url}
  Sign in:    ${owner.email} / ${owner.password}
  Credential: "${stack.credential.name}" (Cunnekt API) → the sandbox
  Workflows:
${imported.map((line) => `    - ${line}`).join('\n') || '    (none)'}

Cunnekt sandbox: ${sandbox.baseUrl}   (API key: ${sandbox.apiKey})
  What n8n sent it:       curl ${sandbox.url}/__sandbox/requests
  Let a customer write (opens the 24-hour service window, so replies are accepted):
    curl -X POST ${sandbox.url}/__sandbox/windows -H 'content-type: application/json' -d '{"mobile":"${mobile}"}'

n8n's log: ${stack.logFile}
Press Ctrl-C to stop n8n and the sandbox.`);
}

void main();
