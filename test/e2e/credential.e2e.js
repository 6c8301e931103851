// @ts-check
/** The credential test, as n8n runs it when a user clicks "Save" / "Retry" on the Cunnekt API credential. */
const assert = require('assert/strict');

module.exports = [
	{
		name: 'credential test through n8n: the right key passes on both platforms, a wrong key fails with our message',
		async run({ stack, step }) {
			step('test the sandbox credential');
			assert.deepEqual(await stack.api.testCredential(stack.credential.id), { status: 'OK', message: 'Connection successful!' });
			assert.deepEqual(
				stack.sandbox.requests.map((request) => [request.method, request.path, request.headers['api-key']]),
				[['GET', '/templates', stack.sandbox.apiKey]],
			);

			step('test a credential with a wrong key');
			const wrong = await stack.api.createCredential({
				name: 'Cunnekt wrong key',
				type: 'cunnektApi',
				data: { apiKey: 'wrong-key-123456', baseUrl: stack.sandbox.baseUrl },
			});
			assert.deepEqual(await stack.api.testCredential(wrong.id), {
				status: 'Error',
				message:
					'Invalid API key for this platform: check the API Key, and the Platform (Open your Cunnekt dashboard: on app2.cunnekt.com choose Classic, on app.cunnekt.com choose Current)',
			});

			step('test a credential with a wrong base URL');
			const nowhere = await stack.api.createCredential({
				name: 'Cunnekt wrong base URL',
				type: 'cunnektApi',
				data: { apiKey: stack.sandbox.apiKey, baseUrl: `${stack.sandbox.url}/api/v1/` },
			});
			assert.deepEqual(await stack.api.testCredential(nowhere.id), {
				status: 'Error',
				message:
					'No Cunnekt API at this Base URL for the chosen Platform: check both (Classic: https://app2.cunnekt.com/v1, Current: https://app.cunnekt.com)',
			});

			step('test the current platform\'s credential: it lists templates at its own path');
			stack.sandbox.clearRequests();
			assert.deepEqual(await stack.api.testCredential(stack.currentCredential.id), { status: 'OK', message: 'Connection successful!' });
			assert.deepEqual(
				stack.sandbox.requests.map((request) => [request.method, request.path]),
				[['GET', '/restapi/v1/whatsapp/templates']],
			);

			step('remove the two wrong credentials: a node added later gets the newest credential of its type');
			for (const { id } of [wrong, nowhere]) await stack.api.call('DELETE', `/credentials/${id}`);
		},
	},
];
