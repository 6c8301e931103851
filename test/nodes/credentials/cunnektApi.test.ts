import { createServer } from 'http';
import type { AddressInfo } from 'net';

import { testCredential } from '../../helpers/credentialTest';
import { startSandbox } from '../../helpers/sandbox';
import type { Sandbox } from '../../helpers/sandbox';

const KEY = 'cred-key-5e8d21';
const REVOKED_KEY = 'cred-key-revoked-7a90';
let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ apiKey: KEY, revokedKeys: [REVOKED_KEY] });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

/** A loopback port nothing listens on: taken, then released. */
async function closedPort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return port;
}

describe('Cunnekt API credential test (as n8n\'s credential dialog runs it)', () => {
	it('passes with the right key, listing templates with the key in the API-KEY header', async () => {
		const result = await testCredential({ apiKey: KEY, baseUrl: sandbox.baseUrl });
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(sandbox.requests.map((request) => [request.method, request.path, request.headers['api-key']])).toEqual([
			['GET', '/templates', KEY],
		]);
	});

	it('passes with a trailing slash on the base URL', async () => {
		const result = await testCredential({ apiKey: KEY, baseUrl: `${sandbox.baseUrl}/` });
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(sandbox.requests.map((request) => request.path)).toEqual(['/templates']);
	});

	it('says "Invalid API key" for a wrong key', async () => {
		const result = await testCredential({ apiKey: 'not-the-key-42', baseUrl: sandbox.baseUrl });
		expect(result).toEqual({
			status: 'Error',
			message:
				'Invalid API key for this platform: check the API Key, and the Platform (Open your Cunnekt dashboard: on app2.cunnekt.com choose Classic, on app.cunnekt.com choose Current)',
		});
		expect(new Set(sandbox.requests.map((request) => request.headers['api-key']))).toEqual(new Set(['not-the-key-42']));
	});

	it('says the key was refused for a revoked key (403)', async () => {
		const result = await testCredential({ apiKey: REVOKED_KEY, baseUrl: sandbox.baseUrl });
		expect(result).toEqual({
			status: 'Error',
			message: 'The API key was refused (revoked or without API access)',
		});
		expect(sandbox.requests.map((request) => [request.path, request.status])).toEqual([['/templates', 403]]);
	});

	it('says there is no Cunnekt API at a wrong base URL (the host answers 404)', async () => {
		const result = await testCredential({ apiKey: KEY, baseUrl: `${sandbox.url}/api/v1` });
		expect(result).toEqual({
			status: 'Error',
			message:
				'No Cunnekt API at this Base URL for the chosen Platform: check both (Classic: https://app2.cunnekt.com/v1, Current: https://app.cunnekt.com)',
		});
		expect(sandbox.requests).toEqual([]);
	});

	it('names the connection error when nothing answers at the base URL', async () => {
		const port = await closedPort();
		const result = await testCredential({ apiKey: KEY, baseUrl: `http://127.0.0.1:${port}/v1` });
		expect(result).toEqual({ status: 'Error', message: 'ECONNREFUSED' });
	});

	it('passes on the current platform, listing templates at its own path', async () => {
		const result = await testCredential({ apiKey: KEY, platform: 'current', currentBaseUrl: `${sandbox.url}/` });
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(sandbox.requests.map((request) => [request.method, request.path, request.headers['api-key']])).toEqual([
			['GET', '/restapi/v1/whatsapp/templates', KEY],
		]);
	});

	it('says which setting to check when the platform does not match the base URL (current platform, classic URL)', async () => {
		const result = await testCredential({ apiKey: KEY, platform: 'current', currentBaseUrl: sandbox.baseUrl });
		expect(result).toEqual({
			status: 'Error',
			message:
				'No Cunnekt API at this Base URL for the chosen Platform: check both (Classic: https://app2.cunnekt.com/v1, Current: https://app.cunnekt.com)',
		});
		expect(sandbox.requests).toEqual([]);
	});

	it('a credential saved before the Platform field (no platform) is classic, with its own base URL', async () => {
		const result = await testCredential({ apiKey: KEY, baseUrl: sandbox.baseUrl, currentBaseUrl: sandbox.url });
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(sandbox.requests.map((request) => request.path)).toEqual(['/templates']);
	});

	it('tests the templates path the credential sets under Customize Endpoint Paths', async () => {
		const customized = {
			apiKey: KEY,
			platform: 'current',
			currentBaseUrl: sandbox.url,
			customizePaths: true,
			currentPathTemplates: '/api/v1/whatsapp/templates',
		};
		const result = await testCredential(customized);
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^No Cunnekt API at this Base URL/);
		expect(sandbox.requests.map((request) => request.path)).toEqual(['/api/v1/whatsapp/templates']);
		const withoutSwitch = await testCredential({ ...customized, customizePaths: false });
		expect(withoutSwitch).toEqual({ status: 'OK', message: 'Connection successful!' });
	});
});
