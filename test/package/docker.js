// @ts-check
/**
 * What can be checked of docker/ without Docker (which cannot run on our machines): the package the Dockerfile
 * installs, and the n8n variables the Dockerfile and the compose files set, each of which n8n must know. Used by
 * test/package/docker.test.ts (with inputs broken on purpose) and by the end-to-end suite (against the packed tarball
 * and the installed n8n's own code).
 */
const fs = require('fs');
const path = require('path');

const DOCKER_DIR = path.join(__dirname, '..', '..', 'docker');

/** The packages the Dockerfile's `npm install` lines name (name@version), in order. */
function installedPackages(dockerfile) {
	const joined = dockerfile.replace(/\\\n/g, ' ');
	return [...joined.matchAll(/npm (?:install|i)\b([^\n&;]*)/g)].flatMap((match) => match[1].trim().split(/\s+/).filter((word) => word && !word.startsWith('-')));
}

/** The variables the Dockerfile's ENV lines set (ENV A=1 B=2, over several lines). */
function dockerfileVariables(dockerfile) {
	const joined = dockerfile.replace(/\\\n/g, ' ');
	return [...joined.matchAll(/^ENV\s+(.+)$/gm)].flatMap((match) => [...match[1].matchAll(/([A-Za-z_][A-Za-z0-9_]*)=/g)].map((name) => name[1]));
}

/**
 * The variables a compose file gives n8n: the `NAME: value` entries of each block that runs n8n (one built from the
 * Dockerfile, one merging an n8n anchor, or the `x-n8n` anchor itself); other images' settings are theirs.
 */
function composeVariables(compose) {
	/** @type {Array<{ name: string, lines: string[] }>} */
	const blocks = [];
	for (const line of compose.split('\n')) {
		const top = /^([\w-]+):/.exec(line);
		const service = /^ {2}([\w-]+):\s*$/.exec(line);
		if (top) blocks.push({ name: top[1], lines: [] });
		else if (service && blocks.at(-1)?.name.startsWith('services')) blocks.push({ name: `services.${service[1]}`, lines: [] });
		else blocks.at(-1)?.lines.push(line);
	}
	const runsN8n = (block) => block.name === 'x-n8n' || block.lines.some((line) => /^\s+(build:|<<: \*n8n|image: .*n8n)/.test(line));
	return blocks.filter(runsN8n).flatMap((block) => block.lines.map((line) => /^\s+([A-Z][A-Z0-9_]*):/.exec(line)?.[1]).filter((name) => name !== undefined));
}

/** Every variable docker/ sets, by file. */
function dockerVariables(dir = DOCKER_DIR) {
	/** @type {Record<string, string[]>} */
	const variables = { Dockerfile: dockerfileVariables(fs.readFileSync(path.join(dir, 'Dockerfile'), 'utf8')) };
	for (const file of fs.readdirSync(dir).filter((name) => /^compose.*\.ya?ml$/.test(name)).sort()) {
		variables[file] = composeVariables(fs.readFileSync(path.join(dir, file), 'utf8'));
	}
	return variables;
}

/**
 * What is wrong with docker/: the Dockerfile installs anything but exactly `name@version` (the packed package), or a
 * file sets a variable n8n does not know (knownVariables: n8nVariables of the n8n the image runs).
 * @param {{ dir?: string, name: string, version: string, knownVariables: Set<string> }} options
 */
function dockerProblems({ dir = DOCKER_DIR, name, version, knownVariables }) {
	const problems = [];
	const installed = installedPackages(fs.readFileSync(path.join(dir, 'Dockerfile'), 'utf8'));
	if (installed.length !== 1 || installed[0] !== `${name}@${version}`) {
		problems.push(`Dockerfile installs ${installed.join(', ') || 'nothing'}, not ${name}@${version} (the packed package)`);
	}
	for (const [file, names] of Object.entries(dockerVariables(dir))) {
		for (const variable of names.filter((candidate) => !knownVariables.has(candidate))) problems.push(`${file} sets ${variable}, which n8n does not read`);
	}
	return problems;
}

/**
 * Every environment variable an installed n8n reads: its configuration's `@Env('NAME')` fields and the `process.env`
 * reads of n8n, n8n-core and its @n8n packages (installDir: the folder holding its node_modules).
 */
function n8nVariables(installDir) {
	const roots = ['n8n/dist', 'n8n-core/dist', ...fs.readdirSync(path.join(installDir, 'node_modules', '@n8n')).map((name) => `@n8n/${name}/dist`)];
	const names = new Set();
	for (const root of roots.map((folder) => path.join(installDir, 'node_modules', folder)).filter((folder) => fs.existsSync(folder))) {
		for (const entry of fs.readdirSync(root, { withFileTypes: true, recursive: true })) {
			if (!entry.isFile() || !entry.name.endsWith('.js')) continue;
			const code = fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
			if (!code.includes('Env)(') && !code.includes('process.env')) continue;
			for (const match of code.matchAll(/Env\)\('([A-Z0-9_]+)'|process\.env\.([A-Z0-9_]+)|process\.env\['([A-Z0-9_]+)'\]/g)) names.add(match[1] ?? match[2] ?? match[3]);
		}
	}
	return names;
}

module.exports = { DOCKER_DIR, installedPackages, dockerfileVariables, composeVariables, dockerVariables, dockerProblems, n8nVariables };
