// @ts-check
/**
 * Queue mode's database: a Postgres of this run's own, started from nothing and stopped by process id (as the
 * `postgres` user, its own data and socket directory, 127.0.0.1 only).
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { progressLog, runSync } = require('../host/commands');
const { freePort } = require('../host/ports');
const { forgetOnExit, stopOnExit, stopPid } = require('../host/processes');
const { ensureDebianPackages, postgresBinDir } = require('./debian');

const defaultLog = progressLog('services');

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
				forgetOnExit(pid);
				removeDir();
			},
		};
	} catch (error) {
		const tail = fs.existsSync(logFile) ? `\n${fs.readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n')}` : '';
		removeDir();
		throw new Error(`${error instanceof Error ? error.message : error}${tail}`);
	}
}

module.exports = { startPostgres };
