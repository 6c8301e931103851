#!/usr/bin/env node
// @ts-check
/**
 * `npm run test:start`: the first run of `npm start`, typed as a person types it (`npm start -- --port N
 * --sandbox-port M`, through npm, in its own process group as a terminal runs it). It reaches "ready" on the ports
 * asked for, the n8n it started has both Cunnekt nodes loaded, every ready-to-paste `curl` it printed works as printed
 * (the text message one starts its example's execution), and Ctrl-C (SIGINT to the process group) stops n8n and the
 * sandbox: no process it started is left and both ports are free again.
 *
 * Plain Node like the other real-n8n suites (../helpers/suite.js); parts of check names select checks. npm start builds
 * the package itself, so --no-build changes nothing here. Last line: "N passed, N failed".
 */
const assert = require('assert/strict');
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { tail } = require('../../playground/host/commands');
const { freePort } = require('../../playground/host/ports');
const { isAlive, processGroup, processTree } = require('../../playground/host/processes');
const { unwrap } = require('../../playground/n8n/api');
const { REPO_DIR, N8N_VERSION } = require('../../playground/runtime/pin');
const { runSuite } = require('../helpers/suite');

const RUN_DIR = path.join(REPO_DIR, '.e2e', 'first-run');
const OUTPUT_FILE = path.join(RUN_DIR, 'npm-start.log');
/** What npm start prints once everything runs. */
const READY = /^n8n is ready: (\S+)$/m;
const relative = (file) => path.relative(process.cwd(), file) || file;

/** Waits until condition() is true; fails with why() after the guard, so that a hang reads as a failure. */
async function until(condition, why, guardMs = 300000) {
	const deadline = Date.now() + guardMs;
	while (!(await condition())) {
		if (Date.now() > deadline) throw new Error(why());
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

/** Whether a port on 127.0.0.1 can be listened on again. */
async function portIsFree(port) {
	return (await freePort(port)) === port;
}

/**
 * `npm start -- --port N --sandbox-port M` in its own process group, its output kept (and in OUTPUT_FILE). Resolves
 * once it printed "n8n is ready"; rejects with its output's end when it exits first.
 */
async function startNpmStart({ step }) {
	fs.rmSync(RUN_DIR, { recursive: true, force: true });
	fs.mkdirSync(RUN_DIR, { recursive: true });
	step('pick two free ports');
	const port = await freePort();
	let sandboxPort = await freePort();
	while (sandboxPort === port) sandboxPort = await freePort();
	step(`npm start -- --port ${port} --sandbox-port ${sandboxPort} (installs n8n when missing, builds, starts)`);
	const child = spawn('npm', ['start', '--', '--port', String(port), '--sandbox-port', String(sandboxPort)], {
		cwd: REPO_DIR,
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true, // a process group of its own, as a terminal's foreground job
	});
	let output = '';
	const keep = (chunk) => {
		output += chunk;
		fs.appendFileSync(OUTPUT_FILE, chunk);
	};
	child.stdout.on('data', keep);
	child.stderr.on('data', keep);
	/** @type {{ code: number | null, signal: string | null } | undefined} */
	let exit;
	const exited = new Promise((resolve) =>
		child.once('exit', (code, signal) => {
			exit = { code, signal };
			resolve(exit);
		}),
	);
	const env = {
		child,
		port,
		sandboxPort,
		output: () => output,
		exited,
		exit: () => exit,
		/** Ctrl-C if it still runs; SIGKILL to the group if it does not stop (only so that nothing outlives the suite). */
		stop: async () => {
			if (exit) return;
			process.kill(-(/** @type {number} */ (child.pid)), 'SIGINT');
			const timer = setTimeout(() => process.kill(-(/** @type {number} */ (child.pid)), 'SIGKILL'), 120000);
			await exited;
			clearTimeout(timer);
		},
	};
	await until(
		() => READY.test(output) || exit !== undefined,
		() => `npm start printed no "n8n is ready"; its output: ${relative(OUTPUT_FILE)}`,
		1800000, // a first run installs Node 24 and n8n
	);
	if (!READY.test(output)) throw new Error(`npm start stopped (${exit?.signal ?? `exit ${exit?.code}`}) before "ready":\n${tail(OUTPUT_FILE, 15)}`);
	return env;
}

/** The owner's session in the n8n npm start printed, signed in with the e-mail and password it printed. */
async function signIn(env) {
	const url = /** @type {RegExpExecArray} */ (READY.exec(env.output()))[1];
	const [, email, password] = /Sign in:\s+(\S+) \/ (\S+)/.exec(env.output()) ?? [];
	assert.ok(email && password, 'npm start prints the e-mail and password to sign in with');
	const response = await fetch(`${url}/rest/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ emailOrLdapLoginId: email, password }),
	});
	assert.equal(response.status, 200, `signing in with the printed e-mail and password: ${await response.clone().text()}`);
	const cookie = response.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
	const get = async (apiPath) => {
		const answer = await fetch(`${url}${apiPath}`, { headers: { cookie, accept: 'application/json' } });
		assert.equal(answer.status, 200, `GET ${apiPath}`);
		return unwrap(await answer.json());
	};
	return { url, get };
}

/** The `curl` lines npm start printed for a person to paste, as printed. */
function printedCurls(output) {
	return output
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => line.startsWith('curl '));
}

/** The sandbox's control API of the npm start under test (what a person reads with the printed curl …/requests). */
async function sandboxRequests(env, requestPath) {
	return await (await fetch(`http://127.0.0.1:${env.sandboxPort}/__sandbox/requests?path=${requestPath}`)).json();
}

/** Runs a printed line as a shell runs it when pasted. */
function paste(line) {
	const result = spawnSync('sh', ['-c', line], { encoding: 'utf8' });
	assert.equal(result.status, 0, `${line}\nexited ${result.status}: ${result.stderr}`);
	return result.stdout;
}

const checks = [
	{
		name: 'npm start: "ready" on the ports asked for, the sign-in, the sandbox and the example workflows printed',
		async run({ env }) {
			const output = env.output();
			assert.match(output, new RegExp(`^n8n is ready: http://127\\.0\\.0\\.1:${env.port}$`, 'm'));
			assert.match(output, new RegExp(`^Cunnekt sandbox: http://127\\.0\\.0\\.1:${env.sandboxPort}/v1 `, 'm'));
			assert.match(output, /Reply to every inbound message with buttons \(published\)/);
			assert.match(output, /^Press Ctrl-C to stop n8n and the sandbox\.$/m);
		},
	},
	{
		name: 'npm start: the n8n it started has both Cunnekt nodes loaded',
		async run({ env, step }) {
			step('sign in with the printed e-mail and password');
			const n8n = await signIn(env);
			step('the node types n8n serves its editor');
			const types = await n8n.get('/types/nodes.json');
			const names = new Set(types.map((type) => type.name));
			for (const name of ['n8n-nodes-cunnekt.cunnekt', 'n8n-nodes-cunnekt.cunnektTrigger']) assert.ok(names.has(name), `n8n loaded ${name}`);
		},
	},
	{
		name: 'npm start: a webhook secret made for this install (kept outside the repository), and the URL to paste into Cunnekt with it',
		async run({ env }) {
			const output = env.output();
			const [, secret, made, file] =
				/"Cunnekt webhook" \(Cunnekt Webhook API\) holds this install's webhook secret: (\S+)\n\s+\((made now|made at an earlier start), kept in (\S+)\)/.exec(output) ?? [];
			assert.ok(secret, `npm start prints the webhook secret and where it is kept:\n${output}`);
			assert.match(secret, /^[A-Za-z0-9._~-]{32,}$/, 'a long random secret a URL carries unchanged');
			assert.doesNotMatch(secret, /replace|secret|example/i, 'not a placeholder');
			assert.ok(made, 'says whether it was made now');
			assert.equal(fs.readFileSync(file, 'utf8').trim(), secret, 'kept where the next start finds it');
			assert.ok(!path.resolve(file).startsWith(`${REPO_DIR}${path.sep}`), `kept outside the repository: ${file}`);
			const [, pasteUrl] = /Paste into Cunnekt → API Settings → Webhook URL \(.+\):\n\s+(\S+)/.exec(output) ?? [];
			assert.ok(pasteUrl, 'npm start prints the URL to paste into Cunnekt');
			assert.match(pasteUrl, new RegExp(`^http://127\\.0\\.0\\.1:${env.port}/webhook/[0-9a-f-]+/webhook\\?secret=${secret}$`));
			assert.ok(printedCurls(output).some((line) => line.includes(`"url":"${pasteUrl}"`)), 'a printed curl posts a customer message to that URL');
		},
	},
	{
		name: 'npm start: every printed curl works as printed; the text message starts its example, which replies; Send and Wait waits, and the tap resumes it',
		async run({ env, step }) {
			const n8n = await signIn(env);
			const curls = printedCurls(env.output());
			assert.ok(curls.some((line) => line.includes('/webhooks/message')), 'a curl posts a customer message');
			assert.ok(curls.some((line) => line.includes('/webhook/refund-request')), 'a curl starts the refund-approval example');
			assert.ok(curls.some((line) => line.includes('/webhooks/tap')), 'a curl taps its Approve button');
			for (const line of curls) {
				if (line.includes('/webhooks/tap')) {
					step('wait until the manager has the buttons to tap (a person reads them first)');
					await until(
						async () => (await sandboxRequests(env, '/sendreplymessage')).some((request) => request.body.type === 'button' && request.body.mobile === '919000000001'),
						() => 'the refund example sent the manager no buttons',
					);
				}
				step(`paste ${line.slice(0, 90)}…`);
				const answer = paste(line);
				if (line.includes('/windows')) {
					assert.match(answer, /^The 24-hour service window of \d+ is open: replies to it are accepted\.\n$/);
				} else if (line.includes('/webhook/refund-request')) {
					assert.equal(answer, '{"message":"Workflow was started"}');
				} else if (line.includes('/webhooks/tap')) {
					assert.match(answer, new RegExp(`^919000000001 tapped "Approve" on message \\S+; posted as Cunnekt posts it to http://127\\.0\\.0\\.1:${env.port}/webhook/\\S+: n8n answered 200\\b.*\\.\\n$`));
				} else {
					// n8n's answers in words, e.g. "200 (an empty answer: the workflow started)", or for a status the example
					// filters out "200 (Received 1 event; this workflow did not start: status "sent" is not among…)"
					assert.match(answer, new RegExp(`^Posted .+ to http://127\\.0\\.0\\.1:${env.port}/webhook/\\S+: n8n answered 200\\b.*\\.\\n$`));
				}
				assert.doesNotMatch(answer, /answered .*\b[45]\d\d\b/, 'no post was refused');
			}
			step('the executions those posts started finish successfully, the refund resumed by the tap');
			const workflows = await n8n.get('/rest/workflows');
			const reply = workflows.find((workflow) => workflow.name === 'Reply to every inbound message with buttons');
			const refund = workflows.find((workflow) => workflow.name === 'Refund approval on WhatsApp (Send and Wait)');
			assert.ok(reply && refund, 'the reply and refund examples were imported');
			/** @type {any[]} */
			let executions = [];
			await until(
				async () => {
					executions = (await n8n.get('/rest/executions')).results;
					return executions.length > 0 && executions.every((execution) => !['running', 'new', 'waiting'].includes(execution.status));
				},
				() => `executions did not finish: ${JSON.stringify(executions).slice(0, 500)}`,
			);
			assert.ok(executions.some((execution) => execution.workflowId === reply.id), 'the text message started the reply example');
			assert.ok(executions.some((execution) => execution.workflowId === refund.id), 'the refund request started the refund example');
			assert.deepEqual(
				executions.filter((execution) => execution.status !== 'success').map((execution) => [execution.workflowId, execution.status]),
				[],
				'every execution the curls started succeeded',
			);
			step('the sandbox received the reply with buttons, and the customer was told the refund is approved');
			const replies = await sandboxRequests(env, '/sendreplymessage');
			assert.ok(
				replies.some((request) => request.body.mobile === '919999999999' && request.body.type === 'button' && request.status === 200),
				`the reply with buttons to 919999999999 was accepted: ${JSON.stringify(replies).slice(0, 400)}`,
			);
			assert.ok(
				replies.some((request) => request.body.mobile === '919999999999' && /^Good news: your refund of 250 EUR for order A-1042 is approved\.$/.test(request.body.text ?? '')),
				`the customer was told the refund is approved: ${JSON.stringify(replies.map((request) => request.body)).slice(0, 600)}`,
			);
		},
	},
	{
		name: 'npm start: Ctrl-C (SIGINT to its process group) stops n8n and the sandbox; nothing left running, both ports free',
		async run({ env, step }) {
			const pid = /** @type {number} */ (env.child.pid);
			const started = processTree(pid);
			assert.ok(started.length >= 3, `npm, npm start's node and n8n run: ${started.join(' ')}`);
			step('SIGINT to the process group');
			process.kill(-pid, 'SIGINT');
			await until(
				() => env.exit() !== undefined,
				() => `npm start did not stop after SIGINT:\n${tail(OUTPUT_FILE, 10)}`,
			);
			assert.match(env.output(), /Stopping n8n and the sandbox…/);
			step('no process it started is alive, none of its process group');
			await until(
				() => started.every((each) => !isAlive(each)) && processGroup(pid).length === 0,
				() => `still running: ${[...new Set([...started.filter(isAlive), ...processGroup(pid)])].join(' ')}`,
			);
			step('both ports are free');
			assert.ok(await portIsFree(env.port), `port ${env.port} (n8n) is free`);
			assert.ok(await portIsFree(env.sandboxPort), `port ${env.sandboxPort} (sandbox) is free`);
		},
	},
];

void runSuite({
	title: (count) => `First run: npm start as a person types it, n8n ${N8N_VERSION} and the sandbox (${count} checks)`,
	checks,
	start: ({ step }) => startNpmStart({ step }),
	logs: () => `npm start's output: ${relative(OUTPUT_FILE)}; n8n's log: ${relative(path.join(REPO_DIR, '.e2e', 'start', 'n8n.log'))}`,
	contextFor: (env, { step }) => ({ env, step }),
});
