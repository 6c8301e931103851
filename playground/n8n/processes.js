// @ts-check
/**
 * n8n processes (main, worker or webhook) on 127.0.0.1, each with its own user folder, ports and env, started from
 * the install in the cache (../runtime/install-n8n.js): startN8n() waits until one serves, stopProcess() stops it by
 * process id, runN8nCommand() runs n8n's CLI; whatever is still running is killed when this process exits.
 */
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');
const { safeRead, tail } = require('../host/commands');
const { freePort } = require('../host/ports');
const { nodeEnv } = require('../runtime/install-node');

/** Every process this module started and has not yet seen exit: killed (whole process group) when we exit. */
const running = new Set();
let exitHookInstalled = false;
function track(child) {
	running.add(child);
	child.once('exit', () => running.delete(child));
	if (exitHookInstalled) return;
	exitHookInstalled = true;
	process.once('exit', () => {
		for (const proc of running) killGroup(proc.pid, 'SIGKILL');
	});
}

function killGroup(pid, signal) {
	if (!pid) return;
	try {
		process.kill(-pid, signal);
	} catch {
		try {
			process.kill(pid, signal);
		} catch {
			// already gone
		}
	}
}

/**
 * n8n 3's rules, kept on the n8n 2 we run (docs/n8n-3.md): binary data on disk (in-memory `default` mode is gone; the
 * queue suite uses `database`), unverified community packages enabled explicitly (n8n 3 stops loading them unless
 * this is true), SSRF protection on. With it, a request to a blocked range (127.0.0.0/8 among them) fails unless
 * allowed: 127.0.0.1 is where the sandbox stands in for Cunnekt's public host, and where the Cunnekt Trigger hands
 * a Send and Wait tap to this n8n's own waiting execution (an address, so only …_IP_RANGES allows it; a hostname
 * in WEBHOOK_URL would need N8N_SSRF_ALLOWED_HOSTNAMES instead).
 */
const N8N3_SETTINGS = {
	N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem',
	N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
	N8N_SSRF_PROTECTION_ENABLED: 'true',
	N8N_SSRF_ALLOWED_IP_RANGES: '127.0.0.1/32',
};

/** The environment every n8n process here shares: loopback only, nothing phoned home, our package loaded. */
function n8nEnv(install, { userFolder, port, brokerPort, env = {} }) {
	return nodeEnv(install.nodeDir, {
		N8N_USER_FOLDER: userFolder,
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		WEBHOOK_URL: `http://127.0.0.1:${port}/`,
		N8N_EDITOR_BASE_URL: `http://127.0.0.1:${port}/`,
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_SECURE_COOKIE: 'false',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_REINSTALL_MISSING_PACKAGES: 'false',
		N8N_LOG_OUTPUT: 'console',
		N8N_LOG_LEVEL: 'info',
		NODE_ENV: 'production',
		...N8N3_SETTINGS,
		...env,
	});
}

/**
 * Starts one n8n process and waits until it serves (GET /rest/settings answers JSON; /healthz says 200 while
 * migrations still run). Several can run at once, each with its own user folder, ports and env.
 * @param {{
 *   install: N8nInstall, userFolder: string, port?: number, brokerPort?: number, command?: string[],
 *   env?: Record<string, string>, logFile?: string, readyPath?: string | null, readyLog?: RegExp, timeoutMs?: number,
 *   nodeArgs?: string[],
 * }} options
 *   command: ['start'] (default), ['worker'], ['webhook']…; readyPath: the GET that must answer JSON ('/healthz'
 *   for a webhook processor); null for a process that serves no HTTP (a worker): it is ready once its log matches
 *   readyLog (default: "n8n worker is now ready"). nodeArgs: options for Node itself, before n8n's script.
 * @returns {Promise<N8nProcess>}
 */
async function startN8n(options) {
	const { install, userFolder, command = ['start'], readyPath = '/rest/settings', timeoutMs = 180000 } = options;
	const readyLog = options.readyLog ?? /n8n worker is now ready/;
	const port = options.port ?? (await freePort());
	const brokerPort = options.brokerPort ?? (await freePort());
	const logFile = options.logFile ?? path.join(userFolder, 'n8n.log');
	fs.mkdirSync(path.dirname(logFile), { recursive: true });
	const out = fs.openSync(logFile, 'a');
	const child = spawn(install.nodeBin, [...(options.nodeArgs ?? []), install.n8nBin, ...command], {
		cwd: userFolder,
		env: n8nEnv(install, { userFolder, port, brokerPort, env: options.env }),
		stdio: ['ignore', out, out],
		detached: true, // its own process group: stopping it also stops its task runner
	});
	fs.closeSync(out);
	track(child);
	let exited = /** @type {string | undefined} */ (undefined);
	child.once('exit', (code, signal) => {
		exited = signal ?? `exit ${code}`;
	});
	const url = `http://127.0.0.1:${port}`;
	/** @type {N8nProcess} */
	const handle = {
		pid: /** @type {number} */ (child.pid),
		port,
		brokerPort,
		url,
		userFolder,
		logFile,
		child,
		stop: () => stopProcess(child),
	};
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (exited) throw new Error(`n8n ${command.join(' ')} stopped (${exited}) before it was ready; log: ${logFile}\n${tail(logFile)}`);
		if (readyPath === null) {
			if (readyLog.test(safeRead(logFile))) return handle;
		} else {
			try {
				const response = await fetch(`${url}${readyPath}`);
				if (response.ok && (response.headers.get('content-type') ?? '').includes('json')) return handle;
			} catch {
				// not listening yet
			}
		}
		if (Date.now() > deadline) {
			await handle.stop();
			throw new Error(`n8n ${command.join(' ')} was not ready after ${timeoutMs / 1000} s; log: ${logFile}\n${tail(logFile)}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 300));
	}
}

/** SIGTERM to the process group, SIGKILL after a grace period. Resolves once the process has exited. */
function stopProcess(child, graceMs = 10000) {
	return new Promise((resolve) => {
		if (child.exitCode !== null || child.signalCode !== null) return resolve(undefined);
		const timer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), graceMs);
		child.once('exit', () => {
			clearTimeout(timer);
			killGroup(child.pid, 'SIGKILL'); // its task runner, if it outlived it
			resolve(undefined);
		});
		killGroup(child.pid, 'SIGTERM');
	});
}

/**
 * Runs an n8n CLI command (import:workflow, publish:workflow, execute…) against a user folder, to completion.
 * Give the server's env (database settings) and a broker port of its own when a server runs on the same folder.
 * @returns {Promise<{ code: number | null, stdout: string, stderr: string }>}
 */
async function runN8nCommand(install, userFolder, args, { env = {}, port, brokerPort } = /** @type {any} */ ({})) {
	const child = spawn(install.nodeBin, [install.n8nBin, ...args], {
		cwd: userFolder,
		env: n8nEnv(install, {
			userFolder,
			port: port ?? (await freePort()),
			brokerPort: brokerPort ?? (await freePort()),
			env: { N8N_LOG_LEVEL: 'warn', ...env },
		}),
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	track(child);
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (chunk) => (stdout += chunk));
	child.stderr.on('data', (chunk) => (stderr += chunk));
	const code = await new Promise((resolve) => child.once('exit', (exitCode) => resolve(exitCode)));
	killGroup(child.pid, 'SIGKILL'); // a task runner it left behind
	return { code, stdout, stderr };
}

/**
 * @typedef {import('../runtime/install-n8n').N8nInstall} N8nInstall
 * @typedef {{ pid: number, port: number, brokerPort: number, url: string, userFolder: string, logFile: string,
 *   child: import('child_process').ChildProcess, stop: () => Promise<void> }} N8nProcess
 */

module.exports = { startN8n, stopProcess, runN8nCommand, N8N3_SETTINGS };
