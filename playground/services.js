// @ts-check
/**
 * The services n8n's queue mode needs, each started from nothing for one run and stopped by process id:
 * Postgres (as the `postgres` user, its own data and socket directory, 127.0.0.1 only) and Redis (no persistence).
 * Debian's packages are installed when missing (a new machine has none). Also: a process's peak memory.
 *
 * Plain CommonJS, like ./runtime.
 */
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const { freePort } = require('./runtime');

function defaultLog(message) {
	process.stderr.write(`[services] ${message}\n`);
}

/** Runs a command to completion; throws with its output when it fails. */
function runSync(command, args, options = {}) {
	const result = spawnSync(command, args, { encoding: 'utf8', ...options });
	if (result.status !== 0) {
		const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-20).join('\n');
		throw new Error(`${command} ${args.join(' ')} failed (${result.error?.message ?? `exit ${result.status}`}):\n${output}`);
	}
	return result.stdout;
}

function onPath(command) {
	return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
}

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

function isAlive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** Process ids to end (with their signal) if this process exits before stopping them. */
const leftovers = new Map();
let exitHookInstalled = false;
function stopOnExit(pid, signal, cleanup = () => undefined) {
	leftovers.set(pid, { signal, cleanup });
	if (exitHookInstalled) return;
	exitHookInstalled = true;
	process.once('exit', () => {
		for (const [id, entry] of leftovers) {
			try {
				process.kill(id, entry.signal);
			} catch {
				// already gone
			}
			entry.cleanup();
		}
	});
}

/** Sends a signal and waits until the process is gone; SIGKILL after graceMs. */
async function stopPid(pid, signal, graceMs = 30000) {
	if (!isAlive(pid)) return;
	process.kill(pid, signal);
	const deadline = Date.now() + graceMs;
	while (isAlive(pid)) {
		if (Date.now() > deadline) {
			process.kill(pid, 'SIGKILL');
			break;
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	while (isAlive(pid)) await new Promise((resolve) => setTimeout(resolve, 50));
}

/**
 * A Postgres of this run's own: initdb as the `postgres` user (initdb and postgres refuse root) into a fresh
 * directory, listening on 127.0.0.1 at a free port (its socket in that directory too), one database created.
 * Durability is off (fsync, synchronous_commit): it is thrown away at the end. stop() shuts it down by its process
 * id and removes the directory.
 * @param {{ database?: string, log?: (message: string) => void }} [options]
 */
async function startPostgres({ database = 'n8n', log = defaultLog } = {}) {
	ensureDebianPackages(['postgresql'], { log });
	const bin = /** @type {string} */ (postgresBinDir());
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cunnekt-postgres-'));
	const [uid, gid] = ['-u', '-g'].map((flag) => Number(runSync('id', [flag, 'postgres']).trim()));
	fs.chownSync(dir, uid, gid);
	const dataDir = path.join(dir, 'data');
	const logFile = path.join(dir, 'postgres.log');
	const asPostgres = (command, args) => runSync('runuser', ['-u', 'postgres', '--', path.join(bin, command), ...args], { cwd: dir });
	const removeDir = () => fs.rmSync(dir, { recursive: true, force: true });
	try {
		asPostgres('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-sync']);
		const port = await freePort();
		const settings = `-h 127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
		asPostgres('pg_ctl', ['start', '-w', '-t', '120', '-D', dataDir, '-l', logFile, '-o', settings]);
		const pid = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
		stopOnExit(pid, 'SIGQUIT', removeDir); // SIGQUIT: immediate shutdown
		asPostgres('createdb', ['-h', dir, '-p', String(port), database]);
		return {
			pid,
			port,
			host: '127.0.0.1',
			user: 'postgres',
			database,
			dir,
			logFile,
			/** Fast shutdown (SIGINT) by process id, then the directory is removed. */
			stop: async () => {
				await stopPid(pid, 'SIGINT');
				leftovers.delete(pid);
				removeDir();
			},
		};
	} catch (error) {
		const tail = fs.existsSync(logFile) ? `\n${fs.readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n')}` : '';
		removeDir();
		throw new Error(`${error instanceof Error ? error.message : error}${tail}`);
	}
}

/** Answers once a Redis at this port says PONG. */
function redisPing(port) {
	return new Promise((resolve) => {
		const socket = net.connect(port, '127.0.0.1');
		let answer = '';
		socket.setTimeout(1000, () => socket.destroy());
		socket.on('connect', () => socket.write('PING\r\n'));
		socket.on('data', (chunk) => {
			answer += chunk;
			if (answer.includes('\r\n')) socket.end();
		});
		socket.on('close', () => resolve(answer.startsWith('+PONG')));
		socket.on('error', () => resolve(false));
	});
}

/**
 * A Redis of this run's own on 127.0.0.1 at a free port, nothing saved to disk; stop() ends it by its process id.
 * @param {{ log?: (message: string) => void }} [options]
 */
async function startRedis({ log = defaultLog } = {}) {
	ensureDebianPackages(['redis-server'], { log });
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cunnekt-redis-'));
	const port = await freePort();
	const logFile = path.join(dir, 'redis.log');
	const out = fs.openSync(logFile, 'a');
	const child = spawn(
		'redis-server',
		['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no'],
		{ stdio: ['ignore', out, out], detached: true },
	);
	fs.closeSync(out);
	const pid = /** @type {number} */ (child.pid);
	const removeDir = () => fs.rmSync(dir, { recursive: true, force: true });
	stopOnExit(pid, 'SIGKILL', removeDir);
	const deadline = Date.now() + 30000;
	while (!(await redisPing(port))) {
		if (child.exitCode !== null || Date.now() > deadline) {
			const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n');
			await stopPid(pid, 'SIGKILL');
			removeDir();
			throw new Error(`redis-server did not start on port ${port}:\n${tail}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	return {
		pid,
		port,
		host: '127.0.0.1',
		logFile,
		stop: async () => {
			await stopPid(pid, 'SIGTERM');
			leftovers.delete(pid);
			removeDir();
		},
	};
}

/** VmHWM (peak) and VmRSS (now) of a process in MiB, from /proc; undefined when it is gone. */
function memoryOf(pid) {
	let status;
	try {
		status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
	} catch {
		return undefined;
	}
	const field = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) / 1024;
	return { peakMiB: field('VmHWM'), rssMiB: field('VmRSS') };
}

/** Every running process with its parent and process group, from /proc. */
function processes() {
	const list = [];
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
			// pid (comm) state ppid pgrp …: comm may hold spaces, so read after its closing parenthesis
			const [, parent, group] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			list.push({ pid: Number(entry), parent: Number(parent), group: Number(group) });
		} catch {
			// gone meanwhile
		}
	}
	return list;
}

/** The processes of a process group (e.g. what a terminal's Ctrl-C reaches). */
function processGroup(pgid) {
	return processes()
		.filter((entry) => entry.group === pgid)
		.map((entry) => entry.pid);
}

/** A process and all its descendants (n8n and its task runner; Postgres and its backends), from /proc. */
function processTree(pid) {
	const children = new Map();
	for (const { pid: child, parent } of processes()) children.set(parent, [...(children.get(parent) ?? []), child]);
	const tree = [pid];
	for (let index = 0; index < tree.length; index++) tree.push(...(children.get(tree[index]) ?? []));
	return tree;
}

/**
 * A process's memory and that of it with its descendants (for n8n: its task runner), in MiB. The tree's peak is
 * the sum of each process's own peak.
 * @returns {{ peakMiB: number, rssMiB: number, treePeakMiB: number, treeRssMiB: number } | undefined}
 */
function treeMemory(pid) {
	const own = memoryOf(pid);
	if (!own) return undefined;
	let treePeakMiB = own.peakMiB;
	let treeRssMiB = own.rssMiB;
	for (const other of processTree(pid).slice(1)) {
		const memory = memoryOf(other);
		treePeakMiB += memory?.peakMiB ?? 0;
		treeRssMiB += memory?.rssMiB ?? 0;
	}
	return { ...own, treePeakMiB, treeRssMiB };
}

/**
 * Samples the resident memory of a process and its descendants every intervalMs; stop() answers the highest total seen (MiB) and the
 * total at the start, so the memory a piece of work needed is peak - start.
 */
function sampleMemory(pid, intervalMs = 100) {
	const start = treeMemory(pid)?.treeRssMiB ?? 0;
	let peak = start;
	const timer = setInterval(() => {
		peak = Math.max(peak, treeMemory(pid)?.treeRssMiB ?? 0);
	}, intervalMs);
	return {
		stop: () => {
			clearInterval(timer);
			peak = Math.max(peak, treeMemory(pid)?.treeRssMiB ?? 0);
			return { startMiB: start, peakMiB: peak };
		},
	};
}

module.exports = {
	ensureDebianPackages,
	postgresBinDir,
	startPostgres,
	startRedis,
	stopPid,
	isAlive,
	processGroup,
	processTree,
	memoryOf,
	treeMemory,
	sampleMemory,
};
