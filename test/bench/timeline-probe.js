// @ts-check
/**
 * `npm run bench -- sendAndWait --timeline`: loaded into n8n's own process (`node --require`), it writes one JSON line
 * per moment a webhook request reaches n8n or is answered, and per expression isolate n8n takes (with how long the
 * taking lasted: a warm one from its pool of one, or one built cold), to the file named by CUNNEKT_BENCH_TIMELINE.
 * timeline.js reads them back. Touches nothing but a wrapper around two functions.
 */
const fs = require('fs');
const http = require('http');
const Module = require('module');

const file = process.env.CUNNEKT_BENCH_TIMELINE;
if (file) {
	const fd = fs.openSync(file, 'a');
	const now = () => performance.timeOrigin + performance.now();
	const write = (event) => fs.writeSync(fd, `${JSON.stringify({ at: now(), ...event })}\n`);

	const emit = http.Server.prototype.emit;
	http.Server.prototype.emit = function (event, request, response, ...rest) {
		if (event === 'request' && /\/webhook(-waiting)?\//.test(request.url ?? '')) {
			const path = (request.url ?? '').split('?')[0];
			write({ what: 'request', path });
			response.on('finish', () => write({ what: 'answered', path, status: response.statusCode }));
		}
		return emit.call(this, event, request, response, ...rest);
	};

	// n8n's expression engine (@n8n/expression-runtime): each acquire() takes an isolate for one caller.
	const load = Module._load;
	let wrapped = false;
	Module._load = function (request, ...rest) {
		const exported = load.call(this, request, ...rest);
		if (!wrapped && /expression-evaluator$/.test(request) && exported?.ExpressionEvaluator) {
			wrapped = true;
			const acquire = exported.ExpressionEvaluator.prototype.acquire;
			exported.ExpressionEvaluator.prototype.acquire = async function (caller) {
				const started = now();
				const taken = await acquire.call(this, caller);
				write({ what: 'isolate', startedAt: started, ms: now() - started });
				return taken;
			};
		}
		return exported;
	};
}
