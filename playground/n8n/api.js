// @ts-check
/** n8n's APIs for the playground and the suites: the owner and an API key (setupOwner), the public API (publicApi). */

/** A fetch-based client for n8n: `rest` with the owner's session cookie, `api` with the public API key. */
function client(baseUrl, headers) {
	return async (method, apiPath, body) => {
		const response = await fetch(`${baseUrl}${apiPath}`, {
			method,
			headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers() },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		let json;
		try {
			json = text ? JSON.parse(text) : undefined;
		} catch {
			json = undefined;
		}
		if (!response.ok) {
			const error = /** @type {any} */ (new Error(`${method} ${apiPath} answered ${response.status}: ${text.slice(0, 500)}`));
			error.status = response.status;
			error.body = json ?? text;
			throw error;
		}
		return json;
	};
}

const DEMO_OWNER = { email: 'demo@example.com', firstName: 'Demo', lastName: 'Owner', password: 'Cunnekt-demo-1' };

/**
 * Creates the instance owner (POST /rest/owner/setup) and an API key with every scope the instance offers.
 * @param {N8nProcess} n8n
 * @returns {Promise<{ owner: typeof DEMO_OWNER, apiKey: string, cookie: string, rest: ReturnType<typeof client> }>}
 */
async function setupOwner(n8n, owner = DEMO_OWNER) {
	let cookie = '';
	const response = await fetch(`${n8n.url}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(owner),
	});
	if (!response.ok) throw new Error(`POST /rest/owner/setup answered ${response.status}: ${await response.text()}`);
	cookie = (response.headers.getSetCookie?.() ?? [])
		.map((line) => line.split(';')[0])
		.join('; ');
	const rest = client(n8n.url, () => ({ cookie }));
	const scopes = unwrap(await rest('GET', '/rest/api-keys/scopes'));
	const created = unwrap(await rest('POST', '/rest/api-keys', { label: 'cunnekt-e2e', scopes, expiresAt: null }));
	const apiKey = created.rawApiKey ?? created.apiKey;
	if (!apiKey) throw new Error(`POST /rest/api-keys returned no key: ${JSON.stringify(created).slice(0, 300)}`);
	return { owner, apiKey, cookie, rest };
}

/** n8n's internal REST answers are wrapped in { data }. */
function unwrap(body) {
	return body && typeof body === 'object' && 'data' in body ? body.data : body;
}

/**
 * n8n's public API (/api/v1) with an API key: call('GET', '/workflows'), plus the few helpers the suites use.
 * @param {N8nProcess | { url: string }} n8n
 * @param {string} apiKey
 */
function publicApi(n8n, apiKey) {
	const call = client(`${n8n.url}/api/v1`, () => ({ 'X-N8N-API-KEY': apiKey }));
	return {
		call,
		createCredential: (credential) => call('POST', '/credentials', credential),
		testCredential: (id) => call('POST', `/credentials/${id}/test`),
		createWorkflow: (workflow) => call('POST', '/workflows', workflowBody(workflow)),
		/** n8n 2 calls activating "publishing"; the published version is the one its triggers run. */
		publishWorkflow: (id) => call('POST', `/workflows/${id}/publish`, {}),
		unpublishWorkflow: (id) => call('POST', `/workflows/${id}/unpublish`, {}),
		executions: async (query = {}) => {
			const params = new URLSearchParams({ includeData: 'true', limit: '250', ...query });
			return (await call('GET', `/executions?${params}`)).data;
		},
		/** Every execution matching the query, page after page (the API answers 250 at most per page). */
		allExecutions: async (query = {}) => {
			const all = [];
			let cursor;
			do {
				const params = new URLSearchParams({ includeData: 'true', limit: '250', ...query, ...(cursor ? { cursor } : {}) });
				const page = await call('GET', `/executions?${params}`);
				all.push(...page.data);
				cursor = page.nextCursor;
			} while (cursor);
			return all;
		},
	};
}

/**
 * Creates a credential as the editor does (POST /rest/credentials, with the owner's session): n8n 1.x's public API
 * checks a credential's data against a schema it derives wrongly from the fields' display conditions, and refuses
 * ours. Returns the credential (id, name…).
 * @param {(method: string, path: string, body?: unknown) => Promise<any>} rest the owner's client (setupOwner)
 * @param {{ name: string, type: string, data: Record<string, unknown> }} credential
 */
async function createCredentialAsEditor(rest, credential) {
	return unwrap(await rest('POST', '/rest/credentials', credential));
}

/** The public API accepts only these fields of a workflow file. */
function workflowBody(workflow) {
	return {
		name: workflow.name,
		nodes: workflow.nodes,
		connections: workflow.connections,
		settings: workflow.settings ?? { executionOrder: 'v1' },
	};
}

/** @typedef {import('./processes').N8nProcess} N8nProcess */

module.exports = { DEMO_OWNER, setupOwner, publicApi, unwrap, createCredentialAsEditor };
