// @ts-check
/**
 * The whole environment of `npm start` and the end-to-end suite, from the pieces in ./runtime and ./n8n: n8n
 * installed, our package packed into a fresh user folder, the sandbox, n8n on 127.0.0.1, its owner, an API key and a
 * Cunnekt credential pointing at the sandbox. stop() ends everything it started, in reverse order.
 */
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { freePort } = require('./host/ports');
const { createCredentialAsEditor, publicApi, setupOwner } = require('./n8n/api');
const { startN8n } = require('./n8n/processes');
const { createUserFolder, packPackage } = require('./n8n/user-folder');
const { ensureN8n } = require('./runtime/install-n8n');
const { REPO_DIR } = require('./runtime/pin');
const { startSandbox } = require('../sandbox/server');

const EXAMPLES_DIR = path.join(REPO_DIR, 'examples');
/** The credential for the sandbox's classic platform (app2.cunnekt.com's paths and bodies), the one the README describes first. */
const CREDENTIAL_NAME = 'Cunnekt sandbox (classic platform)';
/** The credential for the sandbox's current platform (app.cunnekt.com's paths and bodies). */
const CURRENT_CREDENTIAL_NAME = 'Cunnekt sandbox (current platform)';
/** The Cunnekt Webhook API credential the examples' triggers name. */
const WEBHOOK_CREDENTIAL_NAME = 'Cunnekt webhook';

/** A long random shared secret, made of the characters a URL carries unchanged (what the credential's test asks). */
function randomWebhookSecret() {
	return crypto.randomBytes(24).toString('base64url');
}

/**
 * @param {{
 *   dir: string, n8nPort?: number, sandboxPort?: number, env?: Record<string, string>, build?: boolean,
 *   nodeArgs?: string[], step?: (name: string) => void, log?: (message: string) => void, webhookSecret?: string,
 * }} options
 *   dir: everything of this run (the packed tarball, the user folder, n8n's log), wiped first.
 *   nodeArgs: options for n8n's Node (the benchmark's --profile passes --cpu-prof).
 *   step: called with each step's name before it runs, so a failure can say which one broke.
 *   webhookSecret: the Shared Secret of the "Cunnekt webhook" credential (npm start keeps one per install); a random
 *   one by default.
 */
async function startStack({ dir, n8nPort, sandboxPort, env, nodeArgs, build = true, step = () => undefined, log, webhookSecret }) {
	/** @type {Array<() => Promise<unknown>>} */
	const stops = [];
	const stack = {
		dir,
		webhookSecret: webhookSecret ?? randomWebhookSecret(),
		logFile: path.join(dir, 'n8n.log'),
		stop: async () => {
			for (const stop of stops.reverse()) await stop().catch(() => undefined);
			stops.length = 0;
		},
	};
	try {
		fs.rmSync(dir, { recursive: true, force: true });
		fs.mkdirSync(dir, { recursive: true });
		step('install n8n');
		stack.install = await ensureN8n({ log });
		step('build and pack the package');
		stack.tarball = await packPackage({ outDir: path.join(dir, 'pack'), build, log });
		step('create the n8n user folder');
		stack.userFolder = createUserFolder({ dir: path.join(dir, 'user'), tarball: stack.tarball });
		step('start the sandbox');
		stack.sandbox = await startSandbox({ port: sandboxPort ? await freePort(sandboxPort) : 0 });
		stops.push(() => stack.sandbox.close());
		step('start n8n');
		stack.filesDir = path.join(stack.userFolder, '.n8n-files');
		// n8n 2 reads and writes files only under ~/.n8n-files by default (a folder that must exist): this user
		// folder's instead.
		fs.mkdirSync(stack.filesDir, { recursive: true });
		stack.env = { N8N_RESTRICT_FILE_ACCESS_TO: stack.filesDir, ...env };
		stack.n8n = await startN8n({
			install: stack.install,
			userFolder: stack.userFolder,
			port: n8nPort ? await freePort(n8nPort) : undefined,
			logFile: stack.logFile,
			env: stack.env,
			nodeArgs,
		});
		stops.push(() => stack.n8n.stop());
		await setupInstance(stack, stack.n8n, stack.sandbox, step);
		return /** @type {Stack} */ (stack);
	} catch (error) {
		await stack.stop();
		throw error;
	}
}

/**
 * What every suite needs of a fresh n8n, set on target: the owner (owner, cookie, rest), an API key (apiKey), the
 * public API (api), the Cunnekt credentials pointing at the sandbox (credential: classic, currentCredential) and the
 * Cunnekt Webhook API credential with target.webhookSecret (a random one when target has none).
 */
async function setupInstance(target, n8n, sandbox, step = () => undefined) {
	step('create the owner and an API key');
	Object.assign(target, await setupOwner(n8n));
	target.api = publicApi(n8n, target.apiKey);
	step('create the Cunnekt credentials');
	// A node added in the editor gets the newest credential of its type: the classic one, created last. Created as the
	// editor creates them (n8n 1.x's public API refuses them).
	target.currentCredential = await createCredentialAsEditor(target.rest, {
		name: CURRENT_CREDENTIAL_NAME,
		type: 'cunnektApi',
		data: { platform: 'current', apiKey: sandbox.apiKey, currentBaseUrl: sandbox.currentBaseUrl },
	});
	target.credential = await createCredentialAsEditor(target.rest, {
		name: CREDENTIAL_NAME,
		type: 'cunnektApi',
		data: { platform: 'classic', apiKey: sandbox.apiKey, baseUrl: sandbox.baseUrl },
	});
	// The examples' triggers keep their shared secret in this credential, as a user's would.
	target.webhookSecret ??= randomWebhookSecret();
	target.webhookCredential = await createCredentialAsEditor(target.rest, {
		name: WEBHOOK_CREDENTIAL_NAME,
		type: 'cunnektWebhookApi',
		data: { sharedSecret: target.webhookSecret, appSecret: '', verifyToken: '' },
	});
}

/** The example workflows shipped in examples/, parsed, with their file names. */
function loadExamples() {
	return fs
		.readdirSync(EXAMPLES_DIR)
		.filter((name) => name.endsWith('.json'))
		.sort()
		.map((file) => ({ file, workflow: JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')) }));
}

/**
 * A workflow whose Cunnekt nodes use the given credential (a workflow file names a credential n8n may not have); a
 * node that names the current platform's credential gets that one (currentCredential), and a trigger that names a
 * Cunnekt Webhook API credential gets webhookCredential.
 */
function withCredential(workflow, credential, currentCredential, webhookCredential) {
	const chosen = (node) =>
		currentCredential && node.credentials?.cunnektApi?.name === CURRENT_CREDENTIAL_NAME ? currentCredential : credential;
	// Only the credential a workflow file names by the stack's name: a test may bring a webhook credential of its own.
	const webhook = (node) =>
		webhookCredential && node.credentials?.cunnektWebhookApi?.name === WEBHOOK_CREDENTIAL_NAME
			? { cunnektWebhookApi: { id: webhookCredential.id, name: webhookCredential.name } }
			: {};
	return {
		...workflow,
		nodes: workflow.nodes.map((node) =>
			node.credentials?.cunnektApi || /^n8n-nodes-cunnekt\.cunnekt(Trigger)?$/.test(node.type)
				? {
						...node,
						credentials: {
							...node.credentials,
							cunnektApi: { id: chosen(node).id, name: chosen(node).name },
							...webhook(node),
						},
					}
				: node,
		),
	};
}

/** The folder the examples write to (n8n's Docker image's ~/.n8n-files), and where this n8n may write instead. */
const EXAMPLE_FILES_DIR = '/home/node/.n8n-files/';

/** A workflow whose file paths point into this n8n's files folder instead of the Docker image's. */
function withLocalFiles(workflow, filesDir) {
	return JSON.parse(JSON.stringify(workflow).split(EXAMPLE_FILES_DIR).join(`${filesDir}/`));
}

/**
 * Creates a workflow through the public API with the stack's credential and files folder; publishes it when it has
 * a trigger.
 */
async function createWorkflow(stack, workflow, { publish = hasTrigger(workflow) } = {}) {
	const created = await stack.api.createWorkflow(withLocalFiles(withCredential(workflow, stack.credential, stack.currentCredential, stack.webhookCredential), stack.filesDir));
	if (publish) await stack.api.publishWorkflow(created.id);
	return created;
}

/** Whether a workflow starts on its own (webhook, schedule, a service's trigger) rather than by hand. */
function hasTrigger(workflow) {
	return workflow.nodes.some(
		(node) => /trigger$/i.test(node.type) && node.type !== 'n8n-nodes-base.manualTrigger',
	);
}

/**
 * The production URL of a published workflow's trigger node, once n8n has registered it. Publishing is
 * asynchronous: until then n8n answers 404 ("The requested webhook … is not registered") on the URL.
 */
async function productionWebhookUrl(stack, workflow, nodeName) {
	const node = workflow.nodes.find((candidate) => candidate.name === nodeName);
	if (!node?.webhookId) throw new Error(`workflow "${workflow.name}" has no node "${nodeName}" with a webhookId`);
	return await waitForWebhook(`${stack.n8n.url}/webhook/${node.webhookId}/webhook`, stack.logFile);
}

/**
 * Waits until n8n serves the webhook at url: a GET answers "Did you mean to make a POST request" (a POST-only
 * webhook), or anything but 404 (a trigger that also answers GET, as ours does WhatsApp's handshake). A queue-mode
 * main answers its editor page there instead, so only the webhook processor's URL will do in queue mode. Returns url.
 */
async function waitForWebhook(url, logFile, attempts = 100) {
	for (let attempt = 0; attempt < attempts; attempt++) {
		const response = await fetch(url);
		const text = await response.text();
		if (text.includes('Did you mean to make a POST request') || response.status !== 404) return url;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error(`n8n never registered ${url}; log: ${logFile}`);
}

/**
 * @typedef {{
 *   dir: string, logFile: string, install: import('./runtime/install-n8n').N8nInstall, tarball: string,
 *   userFolder: string, sandbox: any, n8n: import('./n8n/processes').N8nProcess,
 *   owner: typeof import('./n8n/api').DEMO_OWNER, apiKey: string, cookie: string, rest: any,
 *   api: ReturnType<typeof publicApi>, credential: { id: string, name: string },
 *   currentCredential: { id: string, name: string }, webhookCredential: { id: string, name: string }, webhookSecret: string,
 *   env: Record<string, string>, filesDir: string,
 *   stop: () => Promise<void>,
 * }} Stack
 */

module.exports = {
	startStack,
	loadExamples,
	withCredential,
	createWorkflow,
	hasTrigger,
	productionWebhookUrl,
	waitForWebhook,
	setupInstance,
	CREDENTIAL_NAME,
	CURRENT_CREDENTIAL_NAME,
	WEBHOOK_CREDENTIAL_NAME,
	randomWebhookSecret,
};
