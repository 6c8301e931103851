// @ts-check
/**
 * What the playground installs and where: Node's version, n8n's (pinned in ./package.json, installed from
 * ./package-lock.json), this repository and its package's name, and the cache outside the repository that holds
 * the install.
 */
const os = require('os');
const path = require('path');

const REPO_DIR = path.resolve(__dirname, '../..');
/** The pinned n8n's package.json and package-lock.json. */
const RUNTIME_DIR = __dirname;
const NODE_VERSION = '24.21.0';
const N8N_VERSION = require('./package.json').dependencies.n8n;
const PACKAGE_NAME = require('../../package.json').name;

/** Where Node 24 and n8n are installed: $CUNNEKT_N8N_CACHE, else $XDG_CACHE_HOME or ~/.cache, /n8n-nodes-cunnekt. */
function cacheDir() {
	if (process.env.CUNNEKT_N8N_CACHE) return path.resolve(process.env.CUNNEKT_N8N_CACHE);
	const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
	return path.join(base, 'n8n-nodes-cunnekt');
}

module.exports = { REPO_DIR, RUNTIME_DIR, NODE_VERSION, N8N_VERSION, PACKAGE_NAME, cacheDir };
