// @ts-check
/**
 * /__sandbox/faults and /__sandbox/stats: the fault switchboard (../faults.js) and the figures of ../stats.js, over
 * HTTP for the end-to-end suite and the benchmark. Also installs the switchboard: `sandbox.faults`, `sandbox.stats()`.
 *
 *   GET    /faults               the rules in force
 *   POST   /faults               a rule, or an array of rules: added (a rule replaces the one for its path)
 *   DELETE /faults[?path=/x]     remove one path's rule, or all
 *   GET    /stats[?path=/x&windowMs=1000]
 */
const { answers } = require('../errors');
const { createFaults } = require('../faults');
const { statsOf } = require('../stats');

module.exports = function registerFaults(control, sandbox) {
	const faults = createFaults(sandbox);
	sandbox.faults = faults;
	sandbox.stats = (options) => statsOf(sandbox, options);
	sandbox.interceptors.push(faults.intercept);
	sandbox.resetHooks.push(() => faults.clear());

	control.route('GET', '/faults', () => ({ status: 200, body: { faults: faults.list() } }));
	control.route('POST', '/faults', (req) => {
		try {
			return { status: 200, body: { faults: faults.set(req.body) } };
		} catch (error) {
			return answers.malformed(error instanceof Error ? error.message : String(error));
		}
	});
	control.route('DELETE', '/faults', (req) => {
		faults.clear(req.query.path);
		return { status: 200, body: { faults: faults.list() } };
	});
	control.route('GET', '/stats', (req) => {
		const windowMs = req.query.windowMs === undefined ? undefined : Number(req.query.windowMs);
		if (windowMs !== undefined && !(windowMs > 0)) return answers.malformed('windowMs must be a positive number');
		return { status: 200, body: statsOf(sandbox, { path: req.query.path, windowMs }) };
	});
};
