import { execFileSync } from 'child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';

/**
 * The package as `npm publish` would upload it: built from the current sources (`npm run build`), packed with
 * `npm pack` and unpacked where n8n puts a community package (`<folder>/node_modules/<name>`), with n8n-workflow, the
 * peer dependency n8n provides, beside it. The build and the pack run under a lock, because `npm run build` empties
 * dist/ first and two test files may run at once; afterwards a test reads only its own copy, never dist/.
 */

export const ROOT = join(__dirname, '..', '..');
const LOCK = join(tmpdir(), 'n8n-nodes-cunnekt-build.lock');

export interface PackedPackage {
	/** The tarball `npm pack` wrote. */
	tarball: string;
	/** The paths npm packed, as `npm pack --json` lists them, sorted. */
	files: string[];
	/** The unpacked package: <folder>/node_modules/<name>. */
	dir: string;
	name: string;
	version: string;
}

function sleep(ms: number): void {
	Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** Runs work while holding the build lock (a file naming its holder; a dead holder's lock is taken over). */
function withBuildLock<T>(work: () => T): T {
	for (;;) {
		try {
			writeFileSync(LOCK, String(process.pid), { flag: 'wx' });
			break;
		} catch {
			const holder = Number(existsSync(LOCK) ? readFileSync(LOCK, 'utf8') : 0);
			if (!isAlive(holder)) rmSync(LOCK, { force: true });
			else sleep(500);
		}
	}
	try {
		return work();
	} finally {
		rmSync(LOCK, { force: true });
	}
}

let packed: PackedPackage | undefined;

/** Builds, packs and unpacks the package once per test file. */
export function packedPackage(): PackedPackage {
	packed ??= withBuildLock(() => {
		execFileSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
		const folder = mkdtempSync(join(tmpdir(), 'cunnekt-packed-'));
		const output = execFileSync('npm', ['pack', '--json', '--pack-destination', folder], {
			cwd: ROOT,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore'],
		});
		const [pack] = JSON.parse(output) as Array<{ name: string; version: string; filename: string; files: Array<{ path: string }> }>;
		const tarball = join(folder, pack.filename);
		const dir = join(folder, 'node_modules', pack.name);
		mkdirSync(dir, { recursive: true });
		execFileSync('tar', ['xzf', tarball, '--strip-components=1', '-C', dir]);
		symlinkSync(dirname(require.resolve('n8n-workflow/package.json')), join(folder, 'node_modules', 'n8n-workflow'));
		return { tarball, files: pack.files.map((file) => file.path).sort(), dir, name: pack.name, version: pack.version };
	});
	return packed;
}

/**
 * A copy of the unpacked package for a broken-input test, beside the original (so it finds n8n-workflow too), after
 * `breakIt` changed it. Returns its folder.
 */
export function brokenCopy(original: PackedPackage, label: string, breakIt: (dir: string) => void): string {
	const dir = join(dirname(original.dir), `broken-${label}`);
	rmSync(dir, { recursive: true, force: true });
	cpSync(original.dir, dir, { recursive: true });
	breakIt(dir);
	return dir;
}

/** Edits a JSON file in place. */
export function editJson(file: string, edit: (json: Record<string, unknown>) => void): void {
	const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
	edit(json);
	writeFileSync(file, JSON.stringify(json, null, 2));
}
