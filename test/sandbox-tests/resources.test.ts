import { startSandbox } from '../helpers/sandbox';
import type { Sandbox } from '../helpers/sandbox';

/**
 * The sandbox's template, campaign and media routes answer what the node's own checks never let through: these
 * requests go to it directly, so its refusals are real and not just the node's.
 */

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ apiKey: 'direct-key-0f12' });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

async function call(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
	const response = await fetch(`${sandbox.baseUrl}${path}`, {
		method,
		headers: { 'API-KEY': sandbox.apiKey, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: response.status, body: await response.json() };
}

const refusal = (details: string) => ({
	status: 400,
	body: {
		status: 'error',
		message: 'Parameter value is not valid',
		error: { code: 131009, title: 'Parameter value is not valid', message: 'Parameter value is not valid', error_data: { details } },
	},
});

const template = (overrides: Record<string, unknown> = {}) => ({
	name: 'restock_alert',
	category: 'MARKETING',
	language: 'en',
	components: [{ type: 'BODY', text: '{{1}} is back in stock.', example: { body_text: [['Blue kurta']] } }],
	...overrides,
});

describe('sandbox: POST /templates', () => {
	it('refuses a bad name, category, language or components, and stores nothing', async () => {
		expect(await call('POST', '/templates', template({ name: 'Restock Alert' }))).toEqual(
			refusal('name must be lowercase letters, digits and underscores'),
		);
		expect(await call('POST', '/templates', template({ category: 'PROMO' }))).toEqual(
			refusal('category must be one of MARKETING, UTILITY, AUTHENTICATION'),
		);
		expect(await call('POST', '/templates', template({ language: 'English' }))).toEqual(
			refusal('language must be a language code such as en or en_US'),
		);
		expect(await call('POST', '/templates', template({ components: [] }))).toEqual(refusal('components must be a non-empty array'));
		expect(await call('POST', '/templates', template({ components: [{ type: 'FOOTER', text: 'x' }] }))).toEqual(
			refusal('exactly one BODY is required, received 0'),
		);
		expect(await call('POST', '/templates', template({ components: [{ type: 'BODY', text: '{{1}} and {{2}}', example: { body_text: [['a']] } }] }))).toEqual(
			refusal('BODY has 2 variables and 1 examples'),
		);
		expect(
			await call('POST', '/templates', template({ components: [{ type: 'HEADER', format: 'GIF' }, template().components[0]] })),
		).toEqual(refusal('HEADER format "GIF" is not supported'));
		expect(sandbox.state.templates.size).toBe(8);
	});

	it('adds a PENDING template that Sync approves and Delete removes', async () => {
		const created = await call('POST', '/templates', template());
		const id = (created.body as { id: string }).id;
		expect(created).toEqual({ status: 200, body: { id, status: 'PENDING', ...template(), components: template().components } });
		expect(await call('DELETE', `/templates/${id}`)).toEqual({ status: 200, body: { id, deleted: true } });
		expect(await call('DELETE', `/templates/${id}`)).toEqual({ status: 404, body: { status: 'error', message: `Template ${id} not found` } });
	});
});

describe('sandbox: campaigns', () => {
	it('checks every recipient; launches once; refuses a campaign without recipients', async () => {
		expect(await call('POST', '/campaigns', { name: 'x', templateid: 'asdasdDSDsd', recipients: [{ mobile: '919999999999' }, { mobile: '12' }] })).toEqual({
			status: 400,
			body: { status: 'error', message: 'Malformed request: recipients[1].mobile must be 8 to 15 digits' },
		});
		const empty = await call('POST', '/campaigns', { name: 'Later', templateid: 'asdasdDSDsd' });
		const id = (empty.body as { id: string }).id;
		expect(empty.body).toEqual({ id, name: 'Later', templateid: 'asdasdDSDsd', status: 'DRAFT', created_at: expect.any(String), recipient_count: 0 });
		expect(await call('POST', `/campaigns/${id}/launch`)).toEqual({
			status: 400,
			body: { status: 'error', message: `Malformed request: campaign ${id} has no recipients` },
		});
		expect(await call('POST', '/campaigns', { name: 'x', templateid: 'nope' })).toMatchObject({ status: 404 });
		expect(sandbox.state.sent).toEqual([]);
	});
});

describe('sandbox: GET /getmediafile', () => {
	it('asks for the message id, and answers an unknown one with a JSON 404', async () => {
		expect(await call('GET', '/getmediafile')).toEqual({
			status: 400,
			body: { status: 'error', message: 'Malformed request: messageId is required' },
		});
		expect(await call('GET', '/getmediafile?messageId=wamid.X')).toEqual({
			status: 404,
			body: { status: 'error', message: 'Media of message wamid.X not found' },
		});
	});
});
