// @ts-check
/**
 * The Debian packages the suites need (Postgres and Redis for queue mode, Chromium for the editor checks, ffmpeg for
 * the demo's video), installed with apt-get when missing: a new machine has none.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { onPath, progressLog, runSync } = require('../host/commands');

const defaultLog = progressLog('services');

/** The newest Postgres installed by Debian's packages: /usr/lib/postgresql/<version>/bin, or undefined. */
function postgresBinDir() {
	const root = '/usr/lib/postgresql';
	if (!fs.existsSync(root)) return undefined;
	const versions = fs
		.readdirSync(root)
		.filter((name) => fs.existsSync(path.join(root, name, 'bin', 'postgres')))
		.sort((a, b) => Number(b) - Number(a));
	return versions.length > 0 ? path.join(root, versions[0], 'bin') : undefined;
}

/** What each Debian package provides, so a missing one is seen before anything starts. */
const DEBIAN_PACKAGES = {
	'redis-server': () => onPath('redis-server'),
	postgresql: () => postgresBinDir() !== undefined && spawnSync('id', ['-u', 'postgres']).status === 0,
	chromium: () => onPath('chromium'),
	ffmpeg: () => onPath('ffmpeg'),
};

let aptUpdated = false;

/**
 * Installs the Debian packages (keys of DEBIAN_PACKAGES) that are missing, with apt-get (`apt-get update` once per
 * process first). Without root, says what to install instead.
 * @param {Array<keyof typeof DEBIAN_PACKAGES>} names
 */
function ensureDebianPackages(names, { log = defaultLog } = {}) {
	const missing = names.filter((name) => !DEBIAN_PACKAGES[name]());
	if (missing.length === 0) return;
	if (typeof process.getuid === 'function' && process.getuid() !== 0) {
		throw new Error(`missing Debian packages: ${missing.join(' ')} (install them: sudo apt-get install -y ${missing.join(' ')})`);
	}
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	if (!aptUpdated) {
		log('apt-get update');
		runSync('apt-get', ['-o', 'DPkg::Lock::Timeout=600', 'update'], { env, maxBuffer: 64 * 1024 * 1024 });
		aptUpdated = true;
	}
	log(`installing ${missing.join(', ')} with apt-get (one time)`);
	runSync('apt-get', ['-o', 'DPkg::Lock::Timeout=600', 'install', '-y', '--no-install-recommends', ...missing], {
		env,
		maxBuffer: 64 * 1024 * 1024,
	});
	const still = missing.filter((name) => !DEBIAN_PACKAGES[name]());
	if (still.length > 0) throw new Error(`apt-get installed ${still.join(', ')} but it is still not usable`);
}

module.exports = { ensureDebianPackages, postgresBinDir };
