// @ts-check
/**
 * n8n in queue mode on one machine, from nothing: Postgres and Redis of the run's own, the Cunnekt sandbox, a main
 * process (editor and API; no production webhooks, manual runs offloaded), workers and a webhook processor. Every
 * n8n process has its own user folder with the packed package installed (as n8n needs it in each), its own ports
 * and its own host id, and they share the queue, the database and the encryption key. All on 127.0.0.1; stop()
 * ends everything by process id, in reverse order.
 */
const crypto = require('crypto');
const path = require('path');
const { freePort } = require('../../playground/host/ports');
const { treeMemory } = require('../../playground/host/memory');
const { startN8n } = require('../../playground/n8n/processes');
const { createUserFolder, packPackage } = require('../../playground/n8n/user-folder');
const { ensureN8n } = require('../../playground/runtime/install-n8n');
const { ensureDebianPackages } = require('../../playground/services/debian');
const { startPostgres } = require('../../playground/services/postgres');
const { startRedis } = require('../../playground/services/redis');
const { setupInstance, waitForWebhook } = require('../../playground/stack');
const { startSandbox } = require('../../sandbox/server');

const HOSTNAME_PRELOAD = path.join(__dirname, 'hostname.js');

/**
 * @param {{
 *   dir: string, workers?: number, concurrency?: number, build?: boolean,
 *   step?: (name: string) => void, log?: (message: string) => void,
 * }} options
 *   dir: this run's folder (the tarball, each process's user folder and log), wiped first.
 *   concurrency: executions each worker runs at once (n8n's --concurrency, default 10).
 */
async function startCluster({ dir, workers = 2, concurrency = 10, build = true, step = () => undefined, log }) {
	/** @type {Array<() => Promise<unknown>>} */
	const stops = [];
	/** @type {any} */
	const cluster = {
		dir,
		workers: [],
		/** Every n8n process, by name: main, worker-1, worker-2, webhook-1. */
		processes: new Map(),
		stop: async () => {
			for (const stop of stops.reverse()) await stop().catch(() => undefined);
			stops.length = 0;
		},
	};
	try {
		require('fs').rmSync(dir, { recursive: true, force: true });
		step('install Postgres and Redis if missing');
		ensureDebianPackages(['postgresql', 'redis-server'], { log });
		step('install n8n');
		cluster.install = await ensureN8n({ log });
		step('build and pack the package');
		cluster.tarball = await packPackage({ outDir: path.join(dir, 'pack'), build, log });
		step('start Postgres');
		cluster.postgres = await startPostgres({ log });
		stops.push(() => cluster.postgres.stop());
		step('start Redis');
		cluster.redis = await startRedis({ log });
		stops.push(() => cluster.redis.stop());
		step('start the sandbox');
		cluster.sandbox = await startSandbox({ port: 0 });
		stops.push(() => cluster.sandbox.close());

		const webhookPort = await freePort();
		const webhookUrl = `http://127.0.0.1:${webhookPort}/`;
		const shared = {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: cluster.postgres.host,
			DB_POSTGRESDB_PORT: String(cluster.postgres.port),
			DB_POSTGRESDB_DATABASE: cluster.postgres.database,
			DB_POSTGRESDB_USER: cluster.postgres.user,
			EXECUTIONS_MODE: 'queue',
			// n8n 3 has no in-memory mode, and these processes share no disk: binary data in the database (n8n 2's
			// default in queue mode, said here so that processes.js's filesystem does not apply).
			N8N_DEFAULT_BINARY_DATA_MODE: 'database',
			QUEUE_BULL_REDIS_HOST: cluster.redis.host,
			QUEUE_BULL_REDIS_PORT: String(cluster.redis.port),
			N8N_ENCRYPTION_KEY: crypto.randomBytes(24).toString('hex'),
			// Main shows this as the trigger's Production URL; the webhook processor serves it.
			N8N_WEBHOOK_URL: webhookUrl,
			WEBHOOK_URL: webhookUrl,
			NODE_OPTIONS: `--require ${HOSTNAME_PRELOAD}`,
		};
		/** One n8n process with its own user folder holding the package; stopped with the cluster. */
		const start = async (name, options) => {
			const userFolder = createUserFolder({ dir: path.join(dir, name), tarball: cluster.tarball });
			const n8n = await startN8n({
				install: cluster.install,
				userFolder,
				logFile: path.join(dir, `${name}.log`),
				...options,
				env: { ...shared, CUNNEKT_HOST_ID: name, ...options.env },
			});
			n8n.name = name;
			cluster.processes.set(name, n8n);
			stops.push(() => n8n.stop());
			return n8n;
		};

		step('start n8n main (runs the database migrations)');
		cluster.main = await start('main', {
			command: ['start'],
			env: { N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true', OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true' },
		});
		step(`start ${workers} workers and a webhook processor`);
		const starting = [];
		for (let index = 1; index <= workers; index++) starting.push(startWorker(cluster, start, index, concurrency));
		starting.push(start('webhook-1', { command: ['webhook'], port: webhookPort, readyPath: '/healthz/readiness' }));
		const started = await Promise.all(starting);
		cluster.webhook = started.pop();
		cluster.workers = started;

		await setupInstance(cluster, cluster.main, cluster.sandbox, step);
		return /** @type {Cluster} */ (cluster);
	} catch (error) {
		await cluster.stop();
		throw error;
	}
}

/** A worker: its own broker port, and its health server (readiness) on its own port on 127.0.0.1. */
async function startWorker(cluster, start, index, concurrency) {
	const healthPort = await freePort();
	const worker = await start(`worker-${index}`, {
		command: ['worker', `--concurrency=${concurrency}`],
		port: healthPort,
		readyPath: '/healthz/readiness',
		env: {
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: String(healthPort),
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
		},
	});
	cluster.workers[index - 1] = worker;
	return worker;
}

/** The URL the webhook processor serves for a path (e.g. `<webhookId>/webhook`), once the workflow is registered. */
async function productionUrl(cluster, webhookPath) {
	return await waitForWebhook(`${cluster.webhook.url}/webhook/${webhookPath}`, cluster.webhook.logFile);
}

/** Which worker started each execution, from the workers' logs ("Worker started execution 12 (job 7)"). */
function executionsByWorker(cluster) {
	/** @type {Map<string, string>} execution id → worker name */
	const workerOf = new Map();
	for (const [name, n8n] of cluster.processes) {
		if (!name.startsWith('worker-')) continue;
		for (const id of workerActivity(n8n).started) workerOf.set(id, name);
	}
	return workerOf;
}

/** The executions a worker started and finished so far, from its log. */
function workerActivity(worker) {
	const log = readLog(worker.logFile);
	const ids = (verb) => new Set([...log.matchAll(new RegExp(`Worker ${verb} execution (\\d+) \\(job`, 'g'))].map((match) => match[1]));
	return { started: ids('started'), finished: ids('finished') };
}

function readLog(file) {
	try {
		return require('fs').readFileSync(file, 'utf8');
	} catch {
		return '';
	}
}

/** Each live n8n process's peak memory (its own, and with its task runner), in MiB. */
function peakMemory(cluster) {
	const rows = [];
	for (const [name, n8n] of cluster.processes) {
		const memory = treeMemory(n8n.pid);
		if (memory) rows.push({ name, pid: n8n.pid, peakMiB: memory.peakMiB, withRunnerMiB: memory.treePeakMiB });
	}
	for (const [name, service] of [
		['postgres', cluster.postgres],
		['redis', cluster.redis],
	]) {
		const memory = service && treeMemory(service.pid);
		if (memory) rows.push({ name, pid: service.pid, peakMiB: memory.peakMiB, withRunnerMiB: memory.treePeakMiB });
	}
	return rows;
}

/**
 * @typedef {import('../../playground/n8n/processes').N8nProcess} N8nProcess
 * @typedef {{
 *   dir: string, install: import('../../playground/runtime/install-n8n').N8nInstall, tarball: string, postgres: any,
 *   redis: any, sandbox: any, main: N8nProcess, workers: N8nProcess[], webhook: N8nProcess,
 *   processes: Map<string, N8nProcess>, owner: typeof import('../../playground/n8n/api').DEMO_OWNER, apiKey: string,
 *   cookie: string, rest: any, api: ReturnType<typeof import('../../playground/n8n/api').publicApi>,
 *   credential: { id: string, name: string }, stop: () => Promise<void>,
 * }} Cluster
 */

module.exports = { startCluster, productionUrl, executionsByWorker, workerActivity, peakMemory };
