// @ts-check
/**
 * The local Cunnekt: a real HTTP server on 127.0.0.1 that speaks the contract (docs/api-contract.md). Every
 * request is recorded for tests to read; a control API under /__sandbox lets other processes (the end-to-end suite,
 * the benchmark) read and steer it.
 */
const http = require('http');
const { answers } = require('./errors');
const { createState, openWindow } = require('./state');
const routeModules = require('./routes');
const controlModules = require('./control');
const { CURRENT_PREFIXES } = require('./routes/current');

const API_BASE = '/v1';
const CONTROL_BASE = '/__sandbox';

/** A path pattern such as "/templates/:id" as a matcher. */
function compile(pattern) {
	const names = [];
	const source = pattern.replace(/:([a-zA-Z]+)/g, (_, name) => {
		names.push(name);
		return '([^/]+)';
	});
	const regex = new RegExp(`^${source}/?$`);
	return (path) => {
		const match = regex.exec(path);
		if (!match) return undefined;
		return Object.fromEntries(names.map((name, index) => [name, decodeURIComponent(match[index + 1])]));
	};
}

function createRouter() {
	const routes = [];
	return {
		route(method, pattern, handler) {
			routes.push({ method, pattern, match: compile(pattern), handler });
		},
		find(method, path) {
			for (const route of routes) {
				const params = route.match(path);
				if (params && route.method === method) return { route, params };
			}
			const known = routes.some((route) => route.match(path));
			return known ? { methodNotAllowed: true } : undefined;
		},
	};
}

function readBody(req) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

function send(res, answer) {
	if (res.headersSent || res.destroyed) return;
	const headers = { ...(answer.headers ?? {}) };
	let payload;
	if (Buffer.isBuffer(answer.raw)) payload = answer.raw;
	else if (typeof answer.raw === 'string') payload = Buffer.from(answer.raw);
	else {
		payload = Buffer.from(JSON.stringify(answer.body ?? {}));
		headers['content-type'] ??= 'application/json';
	}
	headers['content-length'] = String(payload.length);
	res.writeHead(answer.status ?? 200, headers);
	res.end(payload);
}

/**
 * A control answer for a person at a terminal (`curl -H 'accept: text/plain'`): its one-line `text`, or for a
 * refusal its message.
 */
function asText(answer) {
	const line = answer.text ?? answer.body?.message ?? JSON.stringify(answer.body);
	return { status: answer.status, raw: `${line}\n`, headers: { 'content-type': 'text/plain; charset=utf-8' } };
}

/**
 * Starts a sandbox. Options: port (0 = a free one), apiKey, revokedKeys (keys answered 403, as Cunnekt answers a
 * revoked key), host (always loopback).
 * @returns {Promise<Sandbox>}
 */
async function startSandbox(options = {}) {
	const apiKey = options.apiKey ?? 'sandbox-api-key';
	const revokedKeys = new Set(options.revokedKeys ?? []);
	const api = createRouter();
	const control = createRouter();
	/** @type {any} */
	const sandbox = {
		apiKey,
		state: createState(),
		/** every API request: { method, path, query, headers, body, rawBody, at, startedAt, status?, doneAt?, endedAt?, fault? } */
		requests: [],
		/**
		 * hooks other modules add: (req, sandbox) => answer | 'handled' | undefined, tried before the route (faults).
		 * 'handled' means the hook dealt with the connection itself (reset it, or never answers).
		 */
		interceptors: [],
		/** hooks other modules add, run by reset() (the fault switchboard clears itself) */
		resetHooks: [],
		api,
		control,
		openWindow: (mobile) => openWindow(sandbox.state, mobile),
		clearRequests: () => {
			sandbox.requests.length = 0;
		},
		/** Back to a new sandbox's state: seeded templates, no windows, nothing recorded, no faults. */
		reset: () => {
			sandbox.state = createState();
			sandbox.clearRequests();
			for (const hook of sandbox.resetHooks) hook();
		},
		/** What the API answers a request (key check, then the route), without the interceptors. */
		handle: async (request) => {
			const key = request.headers['api-key'];
			if (key === undefined || key === '') return answers.missingKey();
			if (revokedKeys.has(key)) return answers.revokedKey();
			if (key !== apiKey) return answers.invalidKey();
			if (request.malformed) return answers.malformed('the body is not valid JSON');
			const found = api.find(request.method, request.path);
			if (!found) return answers.notFound(`Endpoint ${request.method} ${request.path}`);
			if (found.methodNotAllowed)
				return { status: 405, body: { status: 'error', message: `Method ${request.method} not allowed` } };
			return await found.route.handler({ ...request, params: found.params }, sandbox);
		},
		/** The recorded requests to one API path, e.g. '/sendreplymessage'. */
		requestsTo: (path) => sandbox.requests.filter((request) => request.path === path),
	};
	for (const register of routeModules) register(api, sandbox);
	registerControl(control, sandbox);
	for (const register of controlModules) register(control, sandbox);

	const server = http.createServer(async (req, res) => {
		try {
			const url = new URL(req.url ?? '/', 'http://127.0.0.1');
			const rawBody = await readBody(req);
			const contentType = String(req.headers['content-type'] ?? '');
			let body;
			let malformed = false;
			if (rawBody.length > 0 && !/multipart|octet-stream/.test(contentType)) {
				try {
					body = JSON.parse(rawBody.toString('utf8'));
				} catch {
					malformed = true;
					body = rawBody.toString('utf8');
				}
			}
			const request = {
				method: req.method ?? 'GET',
				path: url.pathname,
				query: Object.fromEntries(url.searchParams),
				headers: { ...req.headers },
				body,
				rawBody,
				malformed,
				at: Date.now(),
				// the same moments to a fraction of a millisecond, for counting what overlapped (see stats.js)
				startedAt: performance.now(),
				socket: req.socket,
				res,
			};
			if (url.pathname.startsWith(CONTROL_BASE)) {
				request.path = url.pathname.slice(CONTROL_BASE.length) || '/';
				const found = control.find(request.method, request.path);
				if (!found?.route) return send(res, answers.notFound(`Control ${request.path}`));
				const answer = await found.route.handler({ ...request, params: found.params }, sandbox);
				return send(res, String(req.headers.accept ?? '').includes('text/plain') ? asText(answer) : answer);
			}
			// The classic platform lives under /v1, the current one at its own paths (routes/current.js).
			const current = CURRENT_PREFIXES.some((prefix) => url.pathname.startsWith(prefix));
			const classicPath = url.pathname.startsWith(`${API_BASE}/`) ? url.pathname.slice(API_BASE.length) : undefined;
			const onePlatform = current || (classicPath !== undefined && !CURRENT_PREFIXES.some((prefix) => classicPath.startsWith(prefix)));
			if (!onePlatform) return send(res, answers.notFound(`Path ${url.pathname}`));
			request.path = current ? url.pathname : classicPath;
			request.platform = current ? 'current' : 'classic';
			const { socket: _socket, res: _res, malformed: _malformed, ...recorded } = request;
			sandbox.requests.push(recorded);
			request.recorded = recorded;
			// For the record: the status answered, and when the exchange ended (answered, reset or abandoned).
			res.on('close', () => {
				recorded.doneAt = Date.now();
				recorded.endedAt = performance.now();
				if (res.headersSent) recorded.status = res.statusCode;
			});

			for (const intercept of sandbox.interceptors) {
				const answer = await intercept(request, sandbox);
				if (answer === 'handled') return;
				if (answer) return send(res, answer);
			}
			return send(res, await sandbox.handle(request));
		} catch (error) {
			send(res, { status: 500, body: { status: 'error', message: `Sandbox failure: ${error?.message ?? error}` } });
		}
	});
	server.keepAliveTimeout = 5000;
	const sockets = new Set();
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, '127.0.0.1', () => resolve(undefined));
	});
	const address = /** @type {import('net').AddressInfo} */ (server.address());
	sandbox.port = address.port;
	sandbox.url = `http://127.0.0.1:${address.port}`;
	sandbox.baseUrl = `${sandbox.url}${API_BASE}`;
	/** The current platform's base URL: its paths carry their own prefixes. */
	sandbox.currentBaseUrl = sandbox.url;
	sandbox.server = server;
	sandbox.close = () =>
		new Promise((resolve) => {
			for (const socket of sockets) socket.destroy();
			server.close(() => resolve(undefined));
		});
	return sandbox;
}

/** /__sandbox: read the record, open service windows, reset. No key: it only listens on 127.0.0.1. */
function registerControl(control, sandbox) {
	control.route('GET', '/', () => ({
		status: 200,
		body: { baseUrl: sandbox.baseUrl, currentBaseUrl: sandbox.currentBaseUrl, apiKey: sandbox.apiKey },
	}));
	control.route('GET', '/requests', (req) => {
		const path = req.query.path;
		const list = path ? sandbox.requestsTo(path) : sandbox.requests;
		return { status: 200, body: list.map(({ rawBody: _raw, ...rest }) => rest) };
	});
	control.route('DELETE', '/requests', () => {
		sandbox.clearRequests();
		return { status: 200, body: { cleared: true } };
	});
	control.route('GET', '/sent', () => ({ status: 200, body: sandbox.state.sent }));
	control.route('POST', '/windows', (req) => {
		const mobile = String(req.body?.mobile ?? '');
		if (!/^\d{8,15}$/.test(mobile)) return answers.malformed('mobile must be 8 to 15 digits');
		sandbox.openWindow(mobile);
		return { status: 200, body: { mobile, open: true }, text: `The 24-hour service window of ${mobile} is open: replies to it are accepted.` };
	});
	control.route('POST', '/reset', () => {
		sandbox.reset();
		return { status: 200, body: { reset: true } };
	});
}

module.exports = { startSandbox, API_BASE, CONTROL_BASE };
