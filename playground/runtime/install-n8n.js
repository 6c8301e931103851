// @ts-check
/**
 * n8n for `npm start`, the end-to-end suite, the benchmark and the queue-mode suite: the version pinned in
 * ./package.json, installed from ./package-lock.json with Node 24 (./install-node.js) into the cache outside the
 * repository (./pin.js), once, and reused; reinstalled when missing or broken. One installer at a time per cache.
 * Another version (CUNNEKT_N8N_VERSION) has no lockfile of ours: npm resolves n8n's own dependency ranges, as
 * `npm install n8n@<version>` does for a user; it goes into its own folder of the cache, next to the pinned one.
 */
const { spawnSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { progressLog, run, safeRead } = require('../host/commands');
const { isAlive } = require('../host/processes');
const { ensureNode, nodeEnv } = require('./install-node');
const { RUNTIME_DIR, NODE_VERSION, N8N_VERSION, PINNED_N8N_VERSION, cacheDir } = require('./pin');

const defaultLog = progressLog('n8n');

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

/**
 * The files npm installs n8n from: for the pinned version ./package.json and ./package-lock.json as they are (so
 * the marker of an existing install still matches); for another version a package.json naming it, and no lockfile.
 * @returns {Array<[string, Buffer]>}
 */
function runtimeFiles(version) {
	if (version === PINNED_N8N_VERSION) {
		return ['package.json', 'package-lock.json'].map((file) => [file, fs.readFileSync(path.join(RUNTIME_DIR, file))]);
	}
	const manifest = {
		name: 'n8n-nodes-cunnekt-n8n-runtime',
		private: true,
		description: `n8n ${version}, not pinned (CUNNEKT_N8N_VERSION)`,
		dependencies: { n8n: version },
		overrides: FROM_THE_REGISTRY,
	};
	return [['package.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`)]];
}

/**
 * Dependencies some n8n versions fetch from outside the npm registry, which this machine cannot reach, replaced by
 * the same code on the registry: n8n 1.x's nodes name SheetJS 0.20.2 as a tarball on cdn.sheetjs.com; @e965/xlsx
 * publishes those releases on npm (n8n 2 itself depends on @e965/xlsx).
 */
const FROM_THE_REGISTRY = { xlsx: 'npm:@e965/xlsx@0.20.2' };

/** What the marker of a finished install holds: Node's version and the hash of the files it was installed from. */
function lockfileHash(files) {
	const hash = crypto.createHash('sha256');
	for (const [, bytes] of files) hash.update(bytes);
	return `${NODE_VERSION} ${hash.digest('hex')}`;
}

/** The native modules n8n needs compiled for Node 24: sqlite3, and isolated-vm where this n8n has it (2.x). */
const NATIVE_MODULES = ['sqlite3', 'isolated-vm'];
function nativeModules(dir) {
	return NATIVE_MODULES.filter((name) => fs.existsSync(path.join(dir, 'node_modules', name, 'package.json')));
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
	const requires = nativeModules(install.dir).map((name) => `require('${name}');`);
	if (requires.length === 0) return 'it has no sqlite3';
	const natives = spawnSync(install.nodeBin, ['-e', requires.join(' ')], {
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
		const files = runtimeFiles(N8N_VERSION);
		const expected = lockfileHash(files);
		if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === expected) {
			const problem = installProblem(install);
			if (!problem) return install;
			log(`the n8n in ${dir} is broken (${problem}): installing it again`);
		}
		fs.rmSync(dir, { recursive: true, force: true });
		fs.mkdirSync(dir, { recursive: true });
		for (const [file, bytes] of files) fs.writeFileSync(path.join(dir, file), bytes);
		const logFile = path.join(dir, 'install.log');
		const env = nodeEnv(nodeDir);
		// npm logs one "http fetch GET 200 <url>.tgz" per package tarball it downloads (and other GETs for metadata).
		const lock = files.some(([file]) => file === 'package-lock.json') ? require(path.join(RUNTIME_DIR, 'package-lock.json')).packages : undefined;
		const of = lock ? ` of ${packagesToFetch(lock)}` : '';
		const fetched = () => new Set(safeRead(logFile).match(/ http fetch GET 200 \S+\.tgz/g) ?? []).size;
		const pinned = lock ? '' : ` (not the pinned ${PINNED_N8N_VERSION}: no lockfile, npm resolves n8n's own dependency ranges)`;
		log(`installing n8n ${N8N_VERSION}${pinned} (one time: about 2.8 GB, 5 to 8 minutes on 2 cores, downloading then compiling) into ${dir}; log: ${logFile}`);
		// Install scripts off: optional native modules would download binaries from outside and fail the install.
		await run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=http'], {
			cwd: dir,
			env,
			logFile,
			log,
			heartbeat: (seconds) => `still installing n8n: ${seconds} s, ${fetched()}${of} packages fetched`,
		});
		const natives = nativeModules(dir);
		log(`compiling n8n's native modules (${natives.join(', ')}) for Node 24, about 3 minutes on 2 cores`);
		// --ignore-scripts=false: the compile is the packages' install script, whatever setting npm was started with.
		await run('npm', ['rebuild', '--ignore-scripts=false', '--foreground-scripts', ...natives], {
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

/** @typedef {{ version: string, dir: string, nodeDir: string, nodeBin: string, n8nBin: string }} N8nInstall */

module.exports = { ensureN8n };

// `node playground/runtime/install-n8n.js`: install (or check) Node 24 and n8n in the cache.
if (require.main === module) {
	ensureN8n().then(
		(install) => console.log(`n8n ${install.version} ready in ${install.dir}`),
		(error) => {
			console.error(error.message);
			process.exitCode = 1;
		},
	);
}
