/**
 * A credential on the wrong platform says so at run time (issue 23, point 12): a 401 (a key of the other platform) and
 * a 404 (a base URL or path of the other platform) name the platform, the base URL and the path that was called, and
 * say to check the credential's Platform and Base URL, after Cunnekt's own words. A 404 that carries a WhatsApp code
 * is about what the request named, not where it went: no such note.
 */
import { notFoundDescription, notFoundNote, unauthorizedDescription } from '../../helpers/errors';
import { runReply, SEED_MOBILE, useReplySandbox } from '../../helpers/reply';
import { runCunnekt } from '../../helpers/n8n';

const context = useReplySandbox();

describe('a credential on the wrong platform, at run time', () => {
	it('a key the current platform refuses (401): where the request went, and that a key of the other platform fails', async () => {
		const { sandbox } = context;
		const { error } = await runReply(sandbox, 'sendText', { text: 'Hello' }, { platform: 'current', apiKey: 'classic-key-0000' });
		expect(error?.message).toBe('Invalid API key');
		expect(error?.description).toBe(
			'Invalid API key: check the API Key in the Cunnekt credential (Cunnekt → API Settings).' +
				` Cunnekt's Current platform at ${sandbox.currentBaseUrl} answered 401 to POST /api/v1/whatsapp/replymessage.` +
				" A key of one platform is refused by the other: check the credential's Platform and Base URL too (on app2.cunnekt.com choose Classic, on app.cunnekt.com choose Current).",
		);
		expect(JSON.stringify(error)).not.toContain('classic-key-0000');
	});

	it("Platform Current with the classic platform's base URL (404): Cunnekt's words, then where it went and what to check", async () => {
		const { sandbox } = context;
		const { error, items } = await runCunnekt({
			parameters: { resource: 'reply', operation: 'sendText', mobile: SEED_MOBILE, text: 'Hello' },
			credentials: { apiKey: sandbox.apiKey, platform: 'current', currentBaseUrl: `${sandbox.baseUrl}/` },
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{
				json: {
					error: 'Path /v1/api/v1/whatsapp/replymessage not found',
					description:
						'Cunnekt has nothing at this address: what the request names does not exist, or the credential points at the wrong platform.' +
						` Cunnekt's Current platform at ${sandbox.baseUrl} answered 404 to POST /api/v1/whatsapp/replymessage.` +
						" If that exists, check the credential's Platform and Base URL (Classic: https://app2.cunnekt.com/v1, Current: https://app.cunnekt.com).",
					httpCode: '404',
					errorCode: null,
					errorTitle: null,
					explanation:
						'Cunnekt has nothing at this address: what the request names does not exist, or the credential points at the wrong platform.',
					disposition: 'fixInput',
					retryAfterSeconds: null,
					retryNotBefore: null,
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(sandbox.state.sent).toEqual([]);
	});

	it('Platform Classic with a path of its own that is wrong (404): the Endpoint Paths are named too', async () => {
		const { sandbox } = context;
		const { error } = await runCunnekt({
			parameters: { resource: 'reply', operation: 'sendText', mobile: SEED_MOBILE, text: 'Hello' },
			credentials: { apiKey: sandbox.apiKey, baseUrl: sandbox.baseUrl, customizePaths: true, classicPathSendReply: 'sendreply' },
		});
		expect(error?.message).toBe('Endpoint POST /sendreply not found');
		expect(error?.description).toBe(
			`${notFoundDescription(sandbox.baseUrl, 'POST /sendreply').replace(/\.$/, '')}, and its Endpoint Paths.`,
		);
		expect(error?.description).toContain(notFoundNote(sandbox.baseUrl, 'POST /sendreply', 'Classic', true));
	});

	it('a 401 on the classic platform reads the same way', async () => {
		const { sandbox } = context;
		const { error } = await runReply(sandbox, 'sendText', { text: 'Hello' }, { apiKey: 'current-key-0000' });
		expect(error?.description).toBe(unauthorizedDescription(sandbox.baseUrl, 'POST /sendreplymessage'));
	});
});
