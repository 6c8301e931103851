// @ts-check
/** PHASE 1 ONLY, until the sandbox's fault switchboard is merged: latency and a rate cap, and the stats the bench reads. */
function installPhase1Faults(sandbox) {
	if (sandbox.faults) return;
	let rule;
	let letThrough = [];
	let rejected = 0;
	sandbox.faults = { set: (given) => { rule = given; letThrough = []; rejected = 0; } };
	const reset = sandbox.reset;
	sandbox.reset = () => { rule = undefined; rejected = 0; reset(); };
	sandbox.interceptors.push(async (request) => {
		if (!rule || request.path !== rule.path) return undefined;
		const now = Date.now();
		let refuse = false;
		if (rule.rateCap) {
			letThrough = letThrough.filter((at) => at > now - 1000);
			if (letThrough.length >= rule.rateCap) refuse = true;
			else letThrough.push(now);
		}
		if (rule.latencyMs) await new Promise((resolve) => setTimeout(resolve, rule.latencyMs));
		if (!refuse) return undefined;
		rejected++;
		return { status: 429, headers: { 'retry-after': '1' }, body: { error: { message: 'Rate limit hit', code: 130429 } } };
	});
	sandbox.stats = ({ path }) => {
		const times = sandbox.requestsTo(path).map((request) => request.at).sort((a, b) => a - b);
		let most = 0;
		for (let last = 0, first = 0; last < times.length; last++) {
			while (times[last] - times[first] >= 1000) first++;
			most = Math.max(most, last - first + 1);
		}
		return { requests: times.length, rejected, duplicates: [], maxPerWindow: most };
	};
}
module.exports = { installPhase1Faults };
