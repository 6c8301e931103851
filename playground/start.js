#!/usr/bin/env node
// @ts-check
/**
 * `npm start`: a real n8n with this package installed, the Cunnekt sandbox, a demo owner, a Cunnekt credential
 * pointing at the sandbox and the example workflows. Ctrl-C stops everything.
 *
 * Options: --port N (n8n, default 5678), --sandbox-port N (default 5679). A busy port is replaced by a free one.
 * The n8n is fresh each time (its user folder is .e2e/start/user): export a workflow you want to keep. The webhook
 * secret is made once per install and kept in the runtime cache (outside the repository), so the URLs it prints stay
 * the same from one start to the next.
 */
const fs = require('fs');
const path = require('path');
const { REPO_DIR, N8N_VERSION, cacheDir } = require('./runtime/pin');
const { startStack, loadExamples, createWorkflow, hasTrigger, productionWebhookUrl, randomWebhookSecret, WEBHOOK_CREDENTIAL_NAME } = require('./stack');

/** This install's webhook secret: the one kept in the cache, or a new random one kept there. */
function installWebhookSecret() {
	const file = path.join(cacheDir(), 'webhook-secret');
	const kept = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : '';
	if (/^[A-Za-z0-9._~-]{16,}$/.test(kept)) return { secret: kept, file, made: false };
	const secret = randomWebhookSecret();
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
	return { secret, file, made: true };
}

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
		current = 'make or read the webhook secret';
		const webhookSecret = installWebhookSecret();
		stack = await startStack({
			dir,
			webhookSecret: webhookSecret.secret,
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
		const waiting = [];
		const examples = loadExamples();
		// A first Reply to a number the examples use works, as it would after that customer wrote in.
		for (const mobile of exampleNumbers(examples)) stack.sandbox.openWindow(mobile);
		for (const { file, workflow } of examples) {
			await createWorkflow(stack, workflow);
			const published = hasTrigger(workflow);
			imported.push(`${workflow.name}${published ? ' (published)' : ''}  ← examples/${file}`);
			if (published) listening.push(await webhookOf(stack, workflow));
			const sendAndWait = sendAndWaitOf(stack, workflow, listening[listening.length - 1]);
			if (published && sendAndWait) waiting.push(sendAndWait);
		}
		stack.n8n.child.once('exit', (code, signal) => {
			if (stopping) return;
			console.error(`\nn8n stopped on its own (${signal ?? `exit ${code}`}); its log: ${stack?.logFile}`);
			void stop(1);
		});
		printReady(stack, imported, listening, waiting, webhookSecret);
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

/**
 * The phone numbers the example workflows use ("+91 99999 99999" in a text, or a Recipient Mobile Number such as
 * "919000000001"), as WhatsApp writes them: digits only.
 */
function exampleNumbers(examples) {
	const text = JSON.stringify(examples.map(({ workflow }) => workflow));
	const written = text.match(/\+\d{1,3}(?: ?\d){8,14}/g) ?? [];
	const recipients = [...text.matchAll(/"mobile":"(\d{8,15})"/g)].map((match) => match[1]);
	return [...new Set([...written, ...recipients].map((number) => number.replace(/\D/g, '')))];
}

/** A sample request for an example's Webhook node, by its path: what the example's note says it receives. */
const SAMPLE_REQUESTS = {
	'refund-request': { order: 'A-1042', amount: 250, customer: '919999999999', reason: 'damaged' },
};

/**
 * A published example with Send and Wait, started by its Webhook node: the request that starts it, who is asked,
 * who is told the outcome, and its Cunnekt Trigger's URL, which receives the tap.
 */
function sendAndWaitOf(stack, workflow, trigger) {
	const asking = workflow.nodes.find((node) => node.parameters?.operation === 'sendAndWait');
	const start = workflow.nodes.find((node) => node.type === 'n8n-nodes-base.webhook');
	const body = SAMPLE_REQUESTS[start?.parameters?.path];
	if (!asking || !body || !trigger) return undefined;
	const { approveLabel = 'Approve' } = asking.parameters.approvalOptions?.values ?? {};
	return { name: workflow.name, startUrl: `${stack.n8n.url}/webhook/${start.parameters.path}`, body, asked: asking.parameters.mobile, approveLabel, tapUrl: trigger.url };
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

function printReady(stack, imported, listening, waiting, webhookSecret) {
	const { n8n, sandbox, owner } = stack;
	const windows = [...sandbox.state.windows.keys()];
	const control = `${sandbox.url}/__sandbox`;
	const json = (body) => `'${JSON.stringify(body)}'`;
	// -s and text/plain: the sandbox answers one line saying what it posted and what n8n answered.
	const curl = (route, body) =>
		`curl -s -X POST ${control}${route} -H 'accept: text/plain' -H 'content-type: application/json' -d ${json(body)}`;
	// A Send and Wait example's trigger gets the tap (below), not a customer's message.
	const customers = listening.filter((entry) => !waiting.some((example) => example.name === entry.name));
	const posts = customers.map(({ name, url, kind }) =>
		kind === 'statuses'
			? `  Statuses of the last message the sandbox accepted, to "${name}" (outcome "failed" or "read"; "messageId" names another):\n    ${curl('/webhooks/statuses', { url, outcome: 'failed' })}`
			: `  ${kind === 'text' ? 'A text' : `A${/^[aeiou]/.test(kind) ? 'n' : ''} ${kind}`} from a customer to "${name}":\n    ${curl('/webhooks/message', { url, type: kind, ...(kind === 'text' ? { text: 'Hi, where is my order?' } : {}) })}`,
	);
	const tries = waiting.map(
		({ name, startUrl, body, asked, approveLabel, tapUrl }) => `
Try Send and Wait: "${name}"
  1. A refund request of ${body.amount} EUR starts it: ${asked} gets a WhatsApp message with buttons and the execution waits
     (n8n answers {"message":"Workflow was started"}; the execution shows as Waiting under Executions):
    curl -s -X POST ${startUrl} -H 'content-type: application/json' -d ${json(body)}
  2. ${asked} taps "${approveLabel}": the sandbox posts the tap to the workflow's published Cunnekt Trigger, which hands it to
     the waiting execution; it resumes and tells ${body.customer} the refund is approved (see it: curl ${control}/requests?path=/sendreplymessage):
    ${curl('/webhooks/tap', { url: tapUrl, answer: approveLabel })}`,
	);
	const [main] = customers;
	console.log(`
n8n is ready: ${n8n.url}
  Sign in:    ${owner.email} / ${owner.password}
  Credentials: "${stack.credential.name}" (Cunnekt API; a new Cunnekt node picks it) → the sandbox
               "${stack.currentCredential.name}" (Cunnekt API) → the same sandbox
               "${WEBHOOK_CREDENTIAL_NAME}" (Cunnekt Webhook API) holds this install's webhook secret: ${webhookSecret.secret}
               (${webhookSecret.made ? 'made now' : 'made at an earlier start'}, kept in ${webhookSecret.file})
  Workflows:
${imported.map((line) => `    - ${line}`).join('\n') || '    (none)'}
${main ? `  Paste into Cunnekt → API Settings → Webhook URL (the Production URL of "${main.name}" with the secret; Cunnekt must reach this n8n):\n    ${main.url}\n` : ''}
Cunnekt sandbox: ${sandbox.baseUrl} (classic), ${sandbox.currentBaseUrl} (current)   (API key: ${sandbox.apiKey})
  What n8n sent it:  curl ${control}/requests
  Open 24-hour service windows (replies accepted): ${windows.join(', ')}
Make the sandbox post to n8n as Cunnekt does (a customer's message also opens their 24-hour service window):
${posts.join('\n')}
  Open another number's service window without a message:
    ${curl('/windows', { mobile: '919812345678' })}
${tries.join('\n')}

Files the media example saves: ${stack.filesDir}
n8n's log: ${stack.logFile}
Press Ctrl-C to stop n8n and the sandbox.`);
}

void main();
