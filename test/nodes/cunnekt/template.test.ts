import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { searchTemplates } from '../../../nodes/Cunnekt/methods/listSearch';
import { notFoundItem } from '../../helpers/errors';
import { loadOptionsContext, runCunnekt } from '../../helpers/n8n';
import { credentialsFor, startSandbox } from '../../helpers/sandbox';
import type { Sandbox } from '../../helpers/sandbox';

/** Template → Get Many, Get, Create, Sync and Delete against the sandbox's template store. */

type Interceptor = (request: { method: string; path: string }) => { status: number; body: unknown } | undefined;

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ apiKey: 'templates-key-c41f' });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());
afterEach(() => {
	(sandbox.interceptors as Interceptor[]).length = 0;
});

const run = (operation: string, parameters: INodeParameters = {}, items: IDataObject[] = [{}], continueOnFail = false) =>
	runCunnekt({
		parameters: { resource: 'template', operation, ...parameters },
		items,
		credentials: credentialsFor(sandbox),
		continueOnFail,
	});

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const fromList = (value: string) => ({ __rl: true, mode: 'list', value, cachedResultName: value });

const seeded = () => [...sandbox.state.templates.values()] as IDataObject[];
const names = (items: Array<{ json: IDataObject }>) => items.map((item) => item.json.name);
const bodies = (path: string) => sandbox.requestsTo(path).map((request) => request.rawBody.toString('utf8'));

describe('Template → Get Many', () => {
	it('one GET /templates, one item per template as Cunnekt lists it, up to the default limit of 50', async () => {
		const { items, error } = await run('getMany');
		expect(error).toBeUndefined();
		expect(sandbox.requests.map((request) => [request.method, request.path, request.query, request.headers['api-key']])).toEqual([
			['GET', '/templates', {}, 'templates-key-c41f'],
		]);
		expect(items).toEqual(seeded().map((json) => ({ json, pairedItem: { item: 0 } })));
		expect(items).toHaveLength(8);
	});

	it('Limit cuts the list; Return All ignores the limit', async () => {
		expect(names((await run('getMany', { limit: 3 })).items)).toEqual(['welcome_message', 'order_update', 'summer_collection']);
		expect((await run('getMany', { returnAll: true, limit: 3 })).items).toHaveLength(8);
	});

	it('filters by status, category, language and name, after the one request', async () => {
		const filtered = async (filters: INodeParameters) => names((await run('getMany', { returnAll: true, filters })).items);
		expect(await filtered({ status: 'PENDING' })).toEqual(['spring_sale']);
		expect(await filtered({ status: 'REJECTED' })).toEqual(['flash_deal']);
		expect(await filtered({ category: 'UTILITY', language: 'en' })).toEqual(['order_update', 'track_shipment', 'invoice_ready']);
		expect(await filtered({ language: 'EN_us' })).toEqual(['appointment_reminder']);
		expect(await filtered({ name: 'ORDER' })).toEqual(['order_update']);
		expect(await filtered({ status: 'APPROVED', category: 'MARKETING', name: 'e' })).toEqual(['welcome_message', 'summer_collection']);
		expect(await filtered({ name: 'no such template' })).toEqual([]);
		expect(sandbox.requests.map((request) => request.query)).toEqual([{}, {}, {}, {}, {}, {}, {}]);
	});

	it('accepts the list bare or wrapped in {templates}', async () => {
		const [first, second] = seeded();
		const answers: unknown[] = [[first, second], { templates: [second] }];
		(sandbox.interceptors as Interceptor[]).push((request) =>
			request.path === '/templates' ? { status: 200, body: answers.shift() } : undefined,
		);
		expect(names((await run('getMany')).items)).toEqual(['welcome_message', 'order_update']);
		expect(names((await run('getMany')).items)).toEqual(['order_update']);
	});
});

describe('Template → Get', () => {
	it('By ID and From List: the template with its components', async () => {
		for (const templateId of [byId('tpl_track_shipment'), fromList('tpl_track_shipment')]) {
			sandbox.clearRequests();
			const { items, error } = await run('get', { templateId });
			expect(error).toBeUndefined();
			expect(items).toEqual([{ json: sandbox.state.templates.get('tpl_track_shipment'), pairedItem: { item: 0 } }]);
			expect(sandbox.requests.map((request) => `${request.method} ${request.path}`)).toEqual(['GET /templates']);
		}
	});

	it('an id the list does not hold is an error naming it', async () => {
		const { items, error } = await run('get', { templateId: byId('tpl_nope') });
		expect(items).toEqual([]);
		expect(error?.message).toBe('Template "tpl_nope" is not in your Cunnekt template list [item 0]');
		expect(error?.description).toBe("Check the Template ID on Cunnekt's Template List page, or choose the template From List.");
	});

	it('the list search offers every template by name, language and status, and filters by name or id', async () => {
		const context = loadOptionsContext(credentialsFor(sandbox), { resource: 'template', operation: 'get' });
		const all = await searchTemplates.call(context);
		expect(all.results.slice(0, 4)).toEqual([
			{ name: 'welcome_message (en) · APPROVED', value: 'asdasdDSDsd' },
			{ name: 'order_update (en) · APPROVED', value: 'sdsdDSDdssd' },
			{ name: 'summer_collection (en) · APPROVED', value: '1036659577939498' },
			{ name: 'appointment_reminder (en_US) · APPROVED', value: 'tpl_appointment_reminder' },
		]);
		expect(all.results).toHaveLength(8);
		expect(await searchTemplates.call(context, 'SALE')).toEqual({
			results: [{ name: 'spring_sale (en) · PENDING, cannot be sent', value: 'tpl_spring_sale' }],
		});
		expect((await searchTemplates.call(context, '10366')).results.map((entry) => entry.value)).toEqual(['1036659577939498']);
	});

	it('the list search puts the templates that can be sent first, and says which cannot', async () => {
		// Cunnekt lists a pending and a rejected template before the approved ones.
		const templates = sandbox.state.templates;
		const seeded = [...templates.entries()];
		templates.clear();
		for (const [id, template] of [...seeded.filter(([, entry]) => entry.status !== 'APPROVED'), ...seeded.filter(([, entry]) => entry.status === 'APPROVED')]) {
			templates.set(id, template);
		}
		const context = loadOptionsContext(credentialsFor(sandbox), { resource: 'templateMessage', operation: 'send' });
		const names = (await searchTemplates.call(context)).results.map((entry) => entry.name);
		expect(names).toEqual([
			'welcome_message (en) · APPROVED',
			'order_update (en) · APPROVED',
			'summer_collection (en) · APPROVED',
			'appointment_reminder (en_US) · APPROVED',
			'track_shipment (en) · APPROVED',
			'invoice_ready (en) · APPROVED',
			'spring_sale (en) · PENDING, cannot be sent',
			'flash_deal (en) · REJECTED, cannot be sent',
		]);
	});
});

const createForm = (parameters: INodeParameters = {}) =>
	run('create', {
		name: 'delivery_update',
		category: 'UTILITY',
		language: 'en',
		bodyText: 'Hi {{1}}, your order {{2}} is out for delivery.',
		bodyExamples: { example: [{ text: 'Vivek' }, { text: 'A-1042' }] },
		...parameters,
	});

describe('Template → Create', () => {
	it('the whole form: text header with its example, body with examples, footer, three kinds of button', async () => {
		const { items, error } = await createForm({
			headerFormat: 'TEXT',
			headerContent: 'Order {{1}}',
			headerExample: 'A-1042',
			footerText: 'Reply STOP to opt out',
			templateButtons: {
				button: [
					{ type: 'URL', text: 'Track parcel', url: 'https://track.example.com/{{1}}', urlExample: 'AWB123456' },
					{ type: 'QUICK_REPLY', text: 'Talk to us' },
					{ type: 'PHONE_NUMBER', text: 'Call us', phoneNumber: '+91 99999-99999' },
				],
			},
		});
		expect(error).toBeUndefined();
		expect(bodies('/templates')).toEqual([
			'{"name":"delivery_update","category":"UTILITY","language":"en","components":[' +
				'{"type":"HEADER","format":"TEXT","text":"Order {{1}}","example":{"header_text":["A-1042"]}},' +
				'{"type":"BODY","text":"Hi {{1}}, your order {{2}} is out for delivery.","example":{"body_text":[["Vivek","A-1042"]]}},' +
				'{"type":"FOOTER","text":"Reply STOP to opt out"},' +
				'{"type":"BUTTONS","buttons":[' +
				'{"type":"URL","text":"Track parcel","url":"https://track.example.com/{{1}}","example":["https://track.example.com/AWB123456"]},' +
				'{"type":"QUICK_REPLY","text":"Talk to us"},' +
				'{"type":"PHONE_NUMBER","text":"Call us","phone_number":"+919999999999"}]}]}',
		]);
		const created = [...sandbox.state.templates.values()].find((template) => template.name === 'delivery_update');
		expect(created?.status).toBe('PENDING');
		expect(items).toEqual([{ json: created, pairedItem: { item: 0 } }]);
		expect(items[0].json.id).toMatch(/^\d{16}$/);
	});

	it('a media header with its example file, and a body without variables', async () => {
		const { error } = await run('create', {
			name: 'new_catalogue',
			category: 'MARKETING',
			language: 'en_US',
			headerFormat: 'IMAGE',
			headerExampleLink: 'https://example.com/catalogue.jpg',
			bodyText: 'Our new catalogue is here.',
		});
		expect(error).toBeUndefined();
		expect(JSON.parse(bodies('/templates')[0])).toEqual({
			name: 'new_catalogue',
			category: 'MARKETING',
			language: 'en_US',
			components: [
				{ type: 'HEADER', format: 'IMAGE', example: { header_handle: ['https://example.com/catalogue.jpg'] } },
				{ type: 'BODY', text: 'Our new catalogue is here.' },
			],
		});
	});

	it('named variables: examples by name, in any order, or by order without names', async () => {
		const named = {
			bodyText: 'Hi {{first_name}}, see you on {{date}}.',
			bodyExamples: { example: [{ text: '12 March', parameterName: 'date' }, { text: 'Asha', parameterName: '{{first_name}}' }] },
		};
		expect((await createForm({ name: 'visit_named', ...named })).error).toBeUndefined();
		expect(
			(await createForm({ name: 'visit_ordered', bodyText: named.bodyText, bodyExamples: { example: [{ text: 'Asha' }, { text: '12 March' }] } }))
				.error,
		).toBeUndefined();
		expect(bodies('/templates').map((body) => JSON.parse(body).components[0].example)).toEqual([
			{ body_text_named_params: [{ param_name: 'date', example: '12 March' }, { param_name: 'first_name', example: 'Asha' }] },
			{ body_text_named_params: [{ param_name: 'first_name', example: 'Asha' }, { param_name: 'date', example: '12 March' }] },
		]);
	});

	it('JSON mode sends the pasted components as they are', async () => {
		const components = [
			{ type: 'BODY', text: 'Your code is {{1}}.', example: { body_text: [['482913']] } },
			{ type: 'BUTTONS', buttons: [{ type: 'OTP', otp_type: 'COPY_CODE', text: 'Copy code' }] },
		];
		const { error } = await run('create', {
			name: 'login_code',
			category: 'AUTHENTICATION',
			language: 'en',
			componentsMode: 'json',
			templateComponents: JSON.stringify({ components }, null, 2),
		});
		expect(error).toBeUndefined();
		expect(bodies('/templates')).toEqual([
			JSON.stringify({ name: 'login_code', category: 'AUTHENTICATION', language: 'en', components }),
		]);
	});

	it('refuses a name WhatsApp refuses, suggesting one, and sends nothing', async () => {
		const { error } = await createForm({ name: 'Delivery Update!' });
		expect(error?.message).toBe(
			'Template name "Delivery Update!" may contain only lowercase letters, digits and underscores [item 0]',
		);
		expect(error?.description).toBe('For example: "delivery_update"');
		expect(sandbox.requests).toEqual([]);
	});

	it('refuses a count of examples that differs from the variables, positional and named', async () => {
		const tooFew = await createForm({ bodyExamples: { example: [{ text: 'Vivek' }] } });
		expect(tooFew.error?.message).toBe('Body text has 2 variables ({{1}}, {{2}}); 1 example value given [item 0]');
		expect(tooFew.error?.description).toBe(
			'WhatsApp reviews every template with an example for each variable: give exactly 2, in the order the variables appear.',
		);
		const none = await createForm({ bodyExamples: {} });
		expect(none.error?.message).toBe('Body text has 2 variables ({{1}}, {{2}}); 0 example values given [item 0]');
		const tooMany = await createForm({ bodyText: 'Hello!', bodyExamples: { example: [{ text: 'Vivek' }] } });
		expect(tooMany.error?.message).toBe('Body text has 0 variables; 1 example value given [item 0]');
		expect(tooMany.error?.description).toBe('Remove the example values: the text has no variables.');
		const named = await createForm({
			bodyText: 'Hi {{first_name}}, see you on {{date}}.',
			bodyExamples: { example: [{ text: 'Asha', parameterName: 'first_name' }] },
		});
		expect(named.error?.message).toBe('Body text has 2 variables ({{first_name}}, {{date}}); 1 example value given [item 0]');
		const misnamed = await createForm({
			bodyText: 'Hi {{first_name}}, see you on {{date}}.',
			bodyExamples: { example: [{ text: 'Asha', parameterName: 'first_name' }, { text: 'Monday', parameterName: 'day' }] },
		});
		expect(misnamed.error?.message).toBe('Body text has no example for {{date}}; the examples name {{first_name}}, {{day}} [item 0]');
		const header = await createForm({ headerFormat: 'TEXT', headerContent: 'Order {{1}}' });
		expect(header.error?.message).toBe('Header text has 1 variable ({{1}}); 0 example values given [item 0]');
		expect(sandbox.requests).toEqual([]);
	});

	it("refuses variables WhatsApp's review refuses: gaps, mixed kinds, capitals", async () => {
		const gap = await createForm({ bodyText: 'Hi {{1}}, order {{3}}' });
		expect(gap.error?.message).toBe('Body text variables must be numbered from {{1}} without gaps; found {{1}}, {{3}} [item 0]');
		expect(gap.error?.description).toBe('Number them {{1}}, {{2}}.');
		const mixed = await createForm({ bodyText: 'Hi {{name}}, order {{1}}' });
		expect(mixed.error?.message).toBe(
			'Body text mixes named ({{name}}) and numbered ({{1}}) variables; WhatsApp allows one kind per template [item 0]',
		);
		const capitals = await createForm({ bodyText: 'Hi {{FirstName}}', bodyExamples: { example: [{ text: 'A' }] } });
		expect(capitals.error?.message).toBe(
			'Body text variable {{FirstName}} may contain only lowercase letters, digits and underscores, starting with a letter [item 0]',
		);
		expect(sandbox.requests).toEqual([]);
	});

	it('refuses what else the review refuses: language, long texts, buttons', async () => {
		const cases: Array<[INodeParameters, string]> = [
			[{ language: 'English' }, 'Language "English" is not a WhatsApp language code'],
			[{ bodyText: 'x'.repeat(1025), bodyExamples: {} }, 'Body text is 1025 characters; WhatsApp allows at most 1024'],
			[{ footerText: 'f'.repeat(61) }, 'Footer is 61 characters; WhatsApp allows at most 60'],
			[{ footerText: 'Hi {{1}}' }, 'Footer may not contain variables'],
			[{ headerFormat: 'TEXT', headerContent: '{{1}} and {{2}}' }, 'Header text has 2 variables ({{1}}, {{2}}); WhatsApp allows at most 1'],
			[{ headerFormat: 'VIDEO', headerExampleLink: '={{ " " }}' }, 'Header example link is empty; it is required'],
			[
				{ templateButtons: { button: [{ type: 'QUICK_REPLY', text: 'A label longer than twenty-five' }] } },
				'Button 1 text is 31 characters; WhatsApp allows at most 25',
			],
			[
				{ templateButtons: { button: [{ type: 'URL', text: 'Track', url: 'https://t.example.com/{{1}}' }] } },
				'Button 1 URL ends with {{1}} but has no example',
			],
			[
				{ templateButtons: { button: [{ type: 'URL', text: 'Track', url: 'https://t.example.com/{{1}}/x', urlExample: 'a' }] } },
				'Button 1 URL may have one variable, {{1}}, at its end; found "https://t.example.com/{{1}}/x"',
			],
			[
				{ templateButtons: { button: [{ type: 'URL', text: 'Track', url: 'track.example.com' }] } },
				'Button 1 URL must be an absolute http(s) URL',
			],
			[
				{ templateButtons: { button: [{ type: 'PHONE_NUMBER', text: 'Call', phoneNumber: '12' }] } },
				'Button 1 phone number "12" has 2 digits; a WhatsApp number has 8 to 15 digits including the country code',
			],
			[
				{ templateButtons: { button: [1, 2, 3].map((n) => ({ type: 'URL', text: `Link ${n}`, url: `https://example.com/${n}` })) } },
				'Buttons: 3 URL buttons given; WhatsApp allows at most 2',
			],
			[
				{ templateButtons: { button: Array.from({ length: 11 }, (_, n) => ({ type: 'QUICK_REPLY', text: `Option ${n}` })) } },
				'Buttons: 11 given; WhatsApp allows 1 to 10',
			],
		];
		for (const [parameters, message] of cases) {
			const { error } = await createForm(parameters);
			expect(error?.message).toBe(`${message} [item 0]`);
		}
		const url = await createForm({ templateButtons: { button: [{ type: 'URL', text: 'Track', url: 'track.example.com' }] } });
		expect(url.error?.description).toBe('Received: "track.example.com". The button opens this link in the browser.');
		expect(sandbox.requests).toEqual([]);
	});

	it('JSON mode is checked the same way', async () => {
		const { error } = await run('create', {
			name: 'promo',
			category: 'MARKETING',
			language: 'en',
			componentsMode: 'json',
			templateComponents: '[{"type": "BODY", "text": "Save {{1}} today", "example": {"body_text": [["20%", "30%"]]}}]',
		});
		expect(error?.message).toBe('Body text has 1 variable ({{1}}); 2 example values given [item 0]');
		const noBody = await run('create', {
			name: 'promo',
			category: 'MARKETING',
			language: 'en',
			componentsMode: 'json',
			templateComponents: '[{"type": "FOOTER", "text": "Thanks"}]',
		});
		expect(noBody.error?.message).toBe('Body text is empty; a template needs one [item 0]');
		expect(sandbox.requests).toEqual([]);
	});

	it("a name already taken in that language: Cunnekt's refusal in its own words", async () => {
		const { error } = await createForm({ name: 'order_update', bodyText: 'Hi {{1}}', bodyExamples: { example: [{ text: 'A' }] } });
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe('Content in this language already exists (2388024)');
		expect(error?.description).toBe('A template named order_update already exists in en');
	});
});

describe('Template → Sync and Delete', () => {
	it('Create, then Sync approves it (the answer says what changed), then Template Message → Send sends it', async () => {
		const created = await createForm();
		const id = created.items[0].json.id as string;
		const { items, error } = await run('sync');
		expect(error).toBeUndefined();
		expect(sandbox.requestsTo('/templates/sync').map((request) => [request.method, request.rawBody.length])).toEqual([['POST', 0]]);
		expect(items).toEqual([
			{
				json: {
					synced: 9,
					changed: [
						{ id: 'tpl_spring_sale', name: 'spring_sale', language: 'en', previous_status: 'PENDING', status: 'APPROVED' },
						{ id, name: 'delivery_update', language: 'en', previous_status: 'PENDING', status: 'APPROVED' },
					],
				},
				pairedItem: { item: 0 },
			},
		]);
		const sent = await runCunnekt({
			parameters: {
				resource: 'templateMessage',
				operation: 'send',
				mobile: '919999999999',
				templateId: fromList(id),
				templateFields: {
					mappingMode: 'defineBelow',
					value: { body_1: 'Vivek', body_2: 'A-1042' },
					matchingColumns: [],
					schema: [],
					attemptToConvertTypes: false,
					convertFieldsToString: false,
				},
			},
			credentials: credentialsFor(sandbox),
		});
		expect(sent.error).toBeUndefined();
		expect(bodies('/sendnotification')).toEqual([
			`{"mobile":"919999999999","templateid":"${id}","template":{"components":[{"type":"body","parameters":[{"type":"text","text":"Vivek"},{"type":"text","text":"A-1042"}]}]}}`,
		]);
	});

	it('Sync with nothing pending changes nothing', async () => {
		await run('sync');
		expect((await run('sync')).items[0].json).toEqual({ synced: 8, changed: [] });
	});

	it('Delete: DELETE /templates/{id}, the template is gone', async () => {
		const { items, error } = await run('delete', { templateId: fromList('tpl_flash_deal') });
		expect(error).toBeUndefined();
		expect(sandbox.requests.map((request) => [request.method, request.path, request.rawBody.length])).toEqual([
			['DELETE', '/templates/tpl_flash_deal', 0],
		]);
		expect(items).toEqual([{ json: { id: 'tpl_flash_deal', deleted: true }, pairedItem: { item: 0 } }]);
		expect(sandbox.state.templates.has('tpl_flash_deal')).toBe(false);
	});

	it('Delete of an unknown id: the 404 in Cunnekt\'s words; with Continue On Fail, one item per input', async () => {
		const { items, error } = await run(
			'delete',
			{ templateId: byId('={{ $json.id }}') },
			[{ id: 'tpl_nope' }, { id: 'tpl_spring_sale' }],
			true,
		);
		expect(error).toBeUndefined();
		expect(items).toEqual([
			notFoundItem(sandbox.baseUrl, 'Template tpl_nope not found', 'DELETE /templates/tpl_nope', 0),
			{ json: { id: 'tpl_spring_sale', deleted: true }, pairedItem: { item: 1 } },
		]);
		expect(sandbox.requests.map((request) => request.path)).toEqual(['/templates/tpl_nope', '/templates/tpl_spring_sale']);
	});
});
