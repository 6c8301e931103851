// @ts-check
/**
 * Processes on this machine by their id: alive or not, stopped with a grace period, ended if this process exits
 * first (stopOnExit), and the process lists of /proc (a process group, a process with its descendants).
 */
const fs = require('fs');

function isAlive(pid) {
	if (!pid) return false;
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

/** A process stopped on purpose: nothing left to end on exit. */
function forgetOnExit(pid) {
	leftovers.delete(pid);
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

module.exports = { isAlive, stopOnExit, forgetOnExit, stopPid, processGroup, processTree };
