import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import { ROOT } from './packed';

// Plain JavaScript, shared with the end-to-end suite (which checks the variables against the installed n8n).
const { DOCKER_DIR, dockerProblems, dockerVariables, installedPackages } = require('./docker') as {
	DOCKER_DIR: string;
	dockerProblems: (options: { dir?: string; name: string; version: string; knownVariables: Set<string> }) => string[];
	dockerVariables: (dir?: string) => Record<string, string[]>;
	installedPackages: (dockerfile: string) => string[];
};

/**
 * docker/ without Docker: the Dockerfile installs exactly this package's name and version (what npm pack packs from
 * package.json), and a Dockerfile or compose file that installs another version, or sets a variable n8n does not
 * read, is named. The end-to-end suite checks the real files' variables against the n8n it runs.
 */

const { name, version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };

describe('docker/', () => {
	it('installs exactly this package, at the version package.json gives', () => {
		expect(installedPackages(readFileSync(join(DOCKER_DIR, 'Dockerfile'), 'utf8'))).toEqual([`${name}@${version}`]);
	});

	it("sets unverified packages, the binary data mode, and queue mode's settings for the n8n services only", () => {
		const variables = dockerVariables();
		expect(variables.Dockerfile).toEqual(['N8N_UNVERIFIED_PACKAGES_ENABLED', 'N8N_DEFAULT_BINARY_DATA_MODE']);
		expect(variables['compose.queue.yml']).toEqual(expect.arrayContaining(['EXECUTIONS_MODE', 'N8N_ENCRYPTION_KEY', 'N8N_DEFAULT_BINARY_DATA_MODE']));
		expect(Object.values(variables).flat().filter((variable) => variable.startsWith('POSTGRES_'))).toEqual([]);
	});

	it('names another version, a second package and a variable n8n does not read', () => {
		const dir = mkdtempSync(join(tmpdir(), 'cunnekt-docker-'));
		try {
			cpSync(DOCKER_DIR, dir, { recursive: true });
			const file = join(dir, 'Dockerfile');
			const dockerfile = readFileSync(file, 'utf8');
			expect(dockerfile).toContain(`${name}@${version}`);
			writeFileSync(
				file,
				`${dockerfile.replace(`${name}@${version}`, `${name}@0.0.9 n8n-nodes-other@1.0.0`)}\nENV N8N_RUNNERS_ENABLED=true\n`,
			);
			writeFileSync(join(dir, 'compose.yml'), readFileSync(join(dir, 'compose.yml'), 'utf8').replace('GENERIC_TIMEZONE:', 'N8N_BINARY_DATA_MODE:'));
			const known = new Set(Object.values(dockerVariables()).flat());
			expect(dockerProblems({ dir, name, version, knownVariables: known })).toEqual([
				`Dockerfile installs ${name}@0.0.9, n8n-nodes-other@1.0.0, not ${name}@${version} (the packed package)`,
				'Dockerfile sets N8N_RUNNERS_ENABLED, which n8n does not read',
				'compose.yml sets N8N_BINARY_DATA_MODE, which n8n does not read',
			]);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
