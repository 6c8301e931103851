// @ts-check
/**
 * This repository's package as n8n gets it: built, packed (what `npm publish` would upload) and unpacked into a
 * fresh user folder's .n8n/nodes/node_modules, exactly where n8n puts a community package.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { progressLog, run } = require('../host/commands');
const { REPO_DIR, PACKAGE_NAME } = require('../runtime/pin');

const defaultLog = progressLog('n8n');

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

module.exports = { packPackage, createUserFolder };
