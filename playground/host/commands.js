// @ts-check
/**
 * Commands run to completion, for the playground's installers and services: logged to a file with a progress line
 * while they run (run), or at once with their output (runSync); and the log files they leave (safeRead, tail).
 * Plain CommonJS, like everything in playground/ and sandbox/, so it runs without compiling.
 */
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');

/** A progress line on stderr under a prefix ("[n8n] …"), so a long one-time install never looks hung. */
function progressLog(prefix) {
	return (message) => {
		process.stderr.write(`[${prefix}] ${message}\n`);
	};
}

const defaultLog = progressLog('n8n');

/** Runs a command to completion, its output appended to logFile; rejects with the log's tail. */
function run(command, args, { cwd, env, logFile, heartbeat, log = defaultLog } = /** @type {any} */ ({})) {
	return new Promise((resolve, reject) => {
		const out = logFile ? fs.openSync(logFile, 'a') : 'ignore';
		if (logFile) fs.appendFileSync(logFile, `\n$ ${command} ${args.join(' ')}\n`);
		const child = spawn(command, args, { cwd, env, stdio: ['ignore', out, out] });
		const started = Date.now();
		const timer = heartbeat
			? setInterval(() => log(heartbeat(Math.round((Date.now() - started) / 1000))), 15000)
			: undefined;
		child.on('error', (error) => {
			if (timer) clearInterval(timer);
			reject(error);
		});
		child.on('exit', (code, signal) => {
			if (timer) clearInterval(timer);
			if (typeof out === 'number') fs.closeSync(out);
			if (code === 0) return resolve(undefined);
			const tail = logFile ? fs.readFileSync(logFile, 'utf8').split('\n').slice(-25).join('\n') : '';
			reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`}); log: ${logFile}\n${tail}`));
		});
	});
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

function safeRead(file) {
	try {
		return fs.readFileSync(file, 'utf8');
	} catch {
		return '';
	}
}

function tail(file, lines = 20) {
	return safeRead(file).trimEnd().split('\n').slice(-lines).join('\n');
}

module.exports = { progressLog, run, runSync, onPath, safeRead, tail };
