// @ts-check
/** The memory of a process and its descendants, from /proc: for the queue-mode suite and the benchmark. */
const fs = require('fs');
const { processTree } = require('./processes');

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

module.exports = { memoryOf, treeMemory, sampleMemory };
