import { existsSync, readFileSync, rmSync } from 'fs';
import { dirname, join } from 'path';

import { packedPackage, ROOT } from './packed';

/**
 * What `npm publish` would ship: only the built package (dist/), README.md, LICENSE, package.json and index.js (the
 * package's `main`, which npm always packs); never the sources, tests, sandbox or configuration. It builds first
 * (`npm run build`, in ./packed.ts), so it checks what the current sources build to, also on a fresh clone without
 * dist/.
 */

const ALWAYS = ['LICENSE', 'README.md', 'index.js', 'package.json'];

let packedPaths: string[] = [];

describe('npm pack', () => {
	beforeAll(() => {
		const packed = packedPackage();
		packedPaths = packed.files;
		rmSync(dirname(dirname(packed.dir)), { recursive: true, force: true });
	}, 180000);

	it('lists only dist/, README.md, LICENSE, package.json and index.js, with every node and credential n8n loads', () => {
		const paths = packedPaths;
		const built = paths.filter((path) => path.startsWith('dist/'));
		expect(paths.filter((path) => !path.startsWith('dist/'))).toEqual(ALWAYS);
		const { n8n } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
			n8n: { nodes: string[]; credentials: string[] };
		};
		expect(built).toEqual(expect.arrayContaining([...n8n.nodes, ...n8n.credentials]));
		expect(built.filter((path) => /^dist\/(test|node_modules)\/|\.ts$/.test(path))).toEqual([]);
	});

	it('ships no stale file: every script in dist/ is built from a source that exists', () => {
		const stale = packedPaths
			.filter((path) => path.startsWith('dist/') && path.endsWith('.js'))
			.filter((path) => !existsSync(join(ROOT, path.replace(/^dist\//, '').replace(/\.js$/, '.ts'))));
		expect(stale).toEqual([]);
	});
});
