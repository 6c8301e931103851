#!/usr/bin/env node
// @ts-check
/**
 * `npm run test:queue`: the packed package in n8n's queue mode (Postgres, Redis, main, two workers, a webhook
 * processor), all started here from nothing on 127.0.0.1 and stopped by process id at the end, even on failure.
 * The checks of ./checks.js and n8n 3's (./n8n3.js: manual executions on workers, binary data in the database), then
 * the run's figures and each process's peak memory. Last line: "N passed, N failed".
 *
 * Arguments: parts of check names to run only those; --no-build packs the dist/ already built.
 * CUNNEKT_QUEUE_MESSAGES: inbound messages (default 1000); the broadcasts send half as many each (at least 50), the
 * graceful-stop burst is 30% of it (at least 60).
 */
const path = require('path');
const { REPO_DIR, N8N_VERSION } = require('../../playground/runtime/pin');
const { startCluster, peakMemory } = require('./cluster');
const { checks, figures } = require('./checks');
const n8n3 = require('./n8n3');
const { runSuite } = require('../helpers/suite');

const RUN_DIR = path.join(REPO_DIR, '.queue', 'run');
const relative = (file) => path.relative(process.cwd(), file) || file;

void runSuite({
	title: (count) =>
		`Queue mode: n8n ${N8N_VERSION}, Postgres, Redis, main + 2 workers + a webhook processor, the packed n8n-nodes-cunnekt (${count} checks)`,
	checks: [...checks, ...n8n3.checks],
	start: ({ build, step }) => startCluster({ dir: RUN_DIR, build, step }),
	logs: () => `logs: ${relative(RUN_DIR)}/{main,worker-1,worker-2,webhook-1}.log`,
	beforeEach: (cluster, check) => {
		cluster.sandbox.reset();
		console.log(`  ${check.name}`);
	},
	contextFor: (cluster, { step, seconds }) => {
		const log = (line) => console.log(`    ${line} (${seconds()})`);
		return {
			cluster,
			log,
			step: (name) => {
				step(name);
				log(name);
			},
		};
	},
	afterChecks: printFigures,
});

function printFigures(cluster) {
	for (const { check, figures: values } of figures) {
		console.log(`\n${check}:`);
		for (const [name, value] of Object.entries(values)) console.log(`  ${name.padEnd(34)} ${value}`);
	}
	console.log('\npeak memory (VmHWM, MiB): own process, and with its children (n8n: task runner; Postgres: backends, shared memory counted in each)');
	const rows = [
		...peakMemory(cluster),
		...Object.entries(cluster.stoppedMemory ?? {}).map(([name, memory]) => ({ name, peakMiB: memory?.peakMiB ?? 0, withRunnerMiB: memory?.treePeakMiB ?? 0 })),
	];
	for (const row of rows) console.log(`  ${row.name.padEnd(20)} ${row.peakMiB.toFixed(0).padStart(6)} ${row.withRunnerMiB.toFixed(0).padStart(6)}`);
	const n8n = rows.filter((row) => row.name !== 'postgres' && row.name !== 'redis');
	console.log(`  ${'all n8n processes'.padEnd(20)} ${n8n.reduce((sum, row) => sum + row.peakMiB, 0).toFixed(0).padStart(6)} ${n8n.reduce((sum, row) => sum + row.withRunnerMiB, 0).toFixed(0).padStart(6)}`);
}
