import { execFileSync } from 'child_process';
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';

/**
 * What `npm publish` would ship: only the built package (dist/), README.md, LICENSE, package.json and index.js (the
 * package's `main`, which npm always packs); never the sources, tests, sandbox or configuration. It builds first
 * (`npm run build`), so it checks what the current sources build to, also on a fresh clone without dist/.
 */

const root = join(__dirname, '..', '..');
const ALWAYS = ['LICENSE', 'README.md', 'index.js', 'package.json'];

function build(): void {
	execFileSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function packedPaths(): string[] {
	const output = execFileSync('npm', ['pack', '--dry-run', '--json'], {
		cwd: root,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'ignore'],
	});
	const [pack] = JSON.parse(output) as Array<{ files: Array<{ path: string }> }>;
	return pack.files.map((file) => file.path).sort();
}

describe('npm pack', () => {
	beforeAll(build, 180000);

	it('lists only dist/, README.md, LICENSE, package.json and index.js, with every node and credential n8n loads', () => {
		const paths = packedPaths();
		const built = paths.filter((path) => path.startsWith('dist/'));
		expect(paths.filter((path) => !path.startsWith('dist/'))).toEqual(ALWAYS);
		const { n8n } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
			n8n: { nodes: string[]; credentials: string[] };
		};
		expect(built).toEqual(expect.arrayContaining([...n8n.nodes, ...n8n.credentials]));
		expect(built.filter((path) => /^dist\/(test|node_modules)\/|\.ts$/.test(path))).toEqual([]);
	});

	it('ships no stale file: every script in dist/ is built from a source that exists', () => {
		const stale = packedPaths()
			.filter((path) => path.startsWith('dist/') && path.endsWith('.js'))
			.filter((path) => !existsSync(join(root, path.replace(/^dist\//, '').replace(/\.js$/, '.ts'))));
		expect(stale).toEqual([]);
	});
});
