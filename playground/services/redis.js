// @ts-check
/** Queue mode's broker: a Redis of this run's own, started from nothing and stopped by process id (no persistence). */
const { spawn } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const { progressLog } = require('../host/commands');
const { freePort } = require('../host/ports');
const { forgetOnExit, stopOnExit, stopPid } = require('../host/processes');
const { ensureDebianPackages } = require('./debian');

const defaultLog = progressLog('services');

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
			forgetOnExit(pid);
			removeDir();
		},
	};
}

module.exports = { startRedis };
