// @ts-check
/**
 * What the playground installs and where: Node's version, n8n's (pinned in ./package.json, installed from
 * ./package-lock.json; another with CUNNEKT_N8N_VERSION), this repository and its package's name, and the cache
 * outside the repository that holds the install.
 */
const os = require('os');
const path = require('path');

const REPO_DIR = path.resolve(__dirname, '../..');
/** The pinned n8n's package.json and package-lock.json. */
const RUNTIME_DIR = __dirname;
const NODE_VERSION = '24.21.0';
/** The n8n the pin (./package.json, ./package-lock.json) installs, and CI tests. */
const PINNED_N8N_VERSION = require('./package.json').dependencies.n8n;
/**
 * The n8n npm start and the suites run: the pinned one, or CUNNEKT_N8N_VERSION (an exact version from the npm
 * registry, e.g. 1.123.81), which has no lockfile of ours (./install-n8n.js).
 */
const N8N_VERSION = n8nVersion(process.env.CUNNEKT_N8N_VERSION);
const PACKAGE_NAME = require('../../package.json').name;

/** The version asked for, or the pinned one; an exact version only (a range would install a different n8n each time). */
function n8nVersion(wanted) {
	if (!wanted) return PINNED_N8N_VERSION;
	if (!/^\d+\.\d+\.\d+$/.test(wanted)) throw new Error(`CUNNEKT_N8N_VERSION must be an exact n8n version such as 1.123.81, not "${wanted}"`);
	return wanted;
}

/** Where Node 24 and n8n are installed: $CUNNEKT_N8N_CACHE, else $XDG_CACHE_HOME or ~/.cache, /n8n-nodes-cunnekt. */
function cacheDir() {
	if (process.env.CUNNEKT_N8N_CACHE) return path.resolve(process.env.CUNNEKT_N8N_CACHE);
	const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
	return path.join(base, 'n8n-nodes-cunnekt');
}

module.exports = { REPO_DIR, RUNTIME_DIR, NODE_VERSION, N8N_VERSION, PINNED_N8N_VERSION, PACKAGE_NAME, cacheDir };
