// @ts-check
/**
 * `npm run bench -- --profile`: where n8n's main thread spent its time while our node sent. Reads the CPU profile
 * n8n wrote (Node's --cpu-prof), keeps the samples from the first to the last in which our node's item loop was on
 * the stack, and shares them out by the package whose code ran (the innermost frame outside Node's own modules).
 */
const fs = require('fs');
const path = require('path');

const OUR_PACKAGE = `${path.sep}node_modules${path.sep}n8n-nodes-cunnekt${path.sep}`;

/** The package a script URL belongs to ('@n8n/expression-runtime', 'axios', 'n8n-nodes-cunnekt', …). */
function packageOf(url) {
	const parts = url.split('/node_modules/');
	if (parts.length < 2) return '(other scripts)';
	const [scope, name] = parts[parts.length - 1].split('/');
	return scope.startsWith('@') ? `${scope}/${name}` : scope;
}

/**
 * Samples of our code further apart than this belong to different runs: within a run our code runs at least every
 * 200 ms or so (at 1,000 in flight, while answers come in), between two runs the benchmark takes over half a second
 * to replace the workflow.
 */
const RUN_GAP_MS = 350;

/**
 * Each stretch of the profile in which our node sent (one per benchmark run, in order), with its main-thread time
 * shared out by owner.
 * @param {string} file a .cpuprofile
 * @returns {Array<{ windowMs: number, samples: number, shares: Array<{ owner: string, share: number }> }>}
 */
function sendingProfiles(file) {
	const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
	const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
	const parents = new Map();
	for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
	const stackOf = (id) => {
		const frames = [];
		for (let at = id; at !== undefined; at = parents.get(at)) frames.push(nodes.get(at));
		return frames;
	};
	const times = [];
	let time = profile.startTime;
	for (const delta of profile.timeDeltas) times.push((time += delta) / 1000);
	// A run starts where our item loop (router.js's worker) is on the stack and lasts while our code keeps running
	// (an answer's continuation shows only its own function, not the loop that awaits it).
	const ours = (frames) => frames.some((frame) => frame.callFrame.url.includes(`${OUR_PACKAGE}dist`));
	const itemLoop = (frames) =>
		frames.some((frame) => frame.callFrame.functionName === 'worker' && frame.callFrame.url.includes(`${OUR_PACKAGE}dist`));
	const windows = [];
	profile.samples.forEach((id, index) => {
		const frames = stackOf(id);
		if (!ours(frames)) return;
		const current = windows[windows.length - 1];
		if (current && times[index] - current.last <= RUN_GAP_MS) current.last = times[index];
		else if (itemLoop(frames)) windows.push({ first: times[index], last: times[index] });
	});
	return windows.map(({ first, last }) => {
		const owners = new Map();
		let samples = 0;
		profile.samples.forEach((id, index) => {
			if (times[index] < first || times[index] > last) return;
			samples += 1;
			const frames = stackOf(id);
			const top = frames[0].callFrame.functionName;
			const script = frames.find((frame) => frame.callFrame.url && !frame.callFrame.url.startsWith('node:'));
			const owner =
				top === '(idle)'
					? '(idle: waiting for answers)'
					: top === '(garbage collector)'
						? '(garbage collector)'
						: script
							? packageOf(script.callFrame.url)
							: '(Node and V8 internals)';
			owners.set(owner, (owners.get(owner) ?? 0) + 1);
		});
		const shares = [...owners]
			.map(([owner, count]) => ({ owner, share: count / samples }))
			.sort((a, b) => b.share - a.share);
		return { windowMs: last - first, samples, shares };
	});
}

/** The main thread's profile among those n8n wrote: the largest (its task runner and workers write small ones). */
function mainThreadProfile(dir) {
	const files = fs.readdirSync(dir).filter((name) => name.endsWith('.cpuprofile'));
	const sized = files.map((name) => ({ file: path.join(dir, name), size: fs.statSync(path.join(dir, name)).size }));
	return sized.sort((a, b) => b.size - a.size)[0]?.file;
}

module.exports = { sendingProfiles, mainThreadProfile, packageOf };
