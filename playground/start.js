#!/usr/bin/env node
// @ts-check
/**
 * `npm start`: a real n8n with this package installed, the Cunnekt sandbox, a demo owner, a Cunnekt credential
 * pointing at the sandbox and the example workflows. Ctrl-C stops everything.
 *
 * Options: --port N (n8n, default 5678), --sandbox-port N (default 5679). A busy port is replaced by a free one.
 * The n8n is fresh each time (its user folder is .e2e/start/user): export a workflow you want to keep.
 */
const fs = require('fs');
const path = require('path');
const { REPO_DIR, N8N_VERSION } = require('./runtime/pin');
const { startStack, loadExamples, createWorkflow, hasTrigger, productionWebhookUrl } = require('./stack');

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
		const listening = [];
		const examples = loadExamples();
		// A first Reply to a number the examples use works, as it would after that customer wrote in.
		for (const mobile of exampleNumbers(examples)) stack.sandbox.openWindow(mobile);
		for (const { file, workflow } of examples) {
			await createWorkflow(stack, workflow);
			const published = hasTrigger(workflow);
			imported.push(`${workflow.name}${published ? ' (published)' : ''}  ← examples/${file}`);
			if (published) listening.push(await webhookOf(stack, workflow));
		}
		stack.n8n.child.once('exit', (code, signal) => {
			if (stopping) return;
			console.error(`\nn8n stopped on its own (${signal ?? `exit ${code}`}); its log: ${stack?.logFile}`);
			void stop(1);
		});
		printReady(stack, imported, listening);
	} catch (error) {
		console.error(`\nnpm start failed while trying to ${current}: ${error instanceof Error ? error.message : error}`);
		const logs = [
			[stack?.logFile ?? path.join(dir, 'n8n.log'), 'n8n'],
			[path.join(dir, 'pack', 'pack.log'), 'build'],
		].filter(([file]) => fs.existsSync(file));
		if (logs.length > 0) console.error(`Logs: ${logs.map(([file, what]) => `${file} (${what})`).join(', ')}`);
		await stop(1);
	}
}

/** The phone numbers the example workflows use (e.g. "+91 99999 99999"), as WhatsApp writes them: digits only. */
function exampleNumbers(examples) {
	const written = JSON.stringify(examples.map(({ workflow }) => workflow)).match(/\+\d{1,3}(?: ?\d){8,14}/g) ?? [];
	return [...new Set(written.map((number) => number.replace(/\D/g, '')))];
}

/** A published example's production URL (with its secret) and what the sandbox should post to it. */
async function webhookOf(stack, workflow) {
	const trigger = workflow.nodes.find((node) => node.type === 'n8n-nodes-cunnekt.cunnektTrigger');
	const base = await productionWebhookUrl(stack, workflow, trigger.name);
	const { parameterName = 'secret', events = [], options = {} } = trigger.parameters;
	// The examples keep the secret in the Cunnekt Webhook API credential npm start creates (stack.js).
	const secret = trigger.parameters.secret ?? (trigger.credentials?.cunnektWebhookApi ? stack.webhookSecret : undefined);
	const url = secret ? `${base}?${parameterName}=${encodeURIComponent(secret)}` : base;
	const kind = events.includes('message') ? (options.messageTypes?.[0] ?? 'text') : 'statuses';
	return { name: workflow.name, url, kind };
}

function printReady(stack, imported, listening) {
	const { n8n, sandbox, owner } = stack;
	const windows = [...sandbox.state.windows.keys()];
	const control = `${sandbox.url}/__sandbox`;
	// -s and text/plain: the sandbox answers one line saying what it posted and what n8n answered.
	const curl = (route, body) =>
		`curl -s -X POST ${control}${route} -H 'accept: text/plain' -H 'content-type: application/json' -d '${JSON.stringify(body)}'`;
	const posts = listening.map(({ name, url, kind }) =>
		kind === 'statuses'
			? `  Statuses of the last message the sandbox accepted, to "${name}" (outcome "failed" or "read"; "messageId" names another):\n    ${curl('/webhooks/statuses', { url, outcome: 'failed' })}`
			: `  ${kind === 'text' ? 'A text' : `A${/^[aeiou]/.test(kind) ? 'n' : ''} ${kind}`} from a customer to "${name}":\n    ${curl('/webhooks/message', { url, type: kind, ...(kind === 'text' ? { text: 'Hi, where is my order?' } : {}) })}`,
	);
	console.log(`
n8n is ready: ${n8n.url}
  Sign in:    ${owner.email} / ${owner.password}
  Credentials: "${stack.credential.name}" (Cunnekt API, classic platform) → the sandbox
               "${stack.currentCredential.name}" (Cunnekt API, current platform) → the same sandbox
  Workflows:
${imported.map((line) => `    - ${line}`).join('\n') || '    (none)'}

Cunnekt sandbox: ${sandbox.baseUrl} (classic), ${sandbox.currentBaseUrl} (current)   (API key: ${sandbox.apiKey})
  What n8n sent it:  curl ${control}/requests
  Open 24-hour service windows (replies accepted): ${windows.join(', ')}
Make the sandbox post to n8n as Cunnekt does (a customer's message also opens their 24-hour service window):
${posts.join('\n')}
  Open another number's service window without a message:
    ${curl('/windows', { mobile: '919812345678' })}
Files the media example saves: ${stack.filesDir}
n8n's log: ${stack.logFile}
Press Ctrl-C to stop n8n and the sandbox.`);
}

void main();
