import { NodeHelpers } from 'n8n-workflow';
import type { IDataObject, INodeParameters, ResourceMapperValue } from 'n8n-workflow';

import { Cunnekt } from '../../../nodes/Cunnekt/Cunnekt.node';
import { searchCampaigns } from '../../../nodes/Cunnekt/methods/listSearch';
import { REFUSED_FIELDS } from '../../helpers/errors';
import { loadOptionsContext, runCunnekt } from '../../helpers/n8n';
import { credentialsFor, startSandbox } from '../../helpers/sandbox';
import type { Sandbox } from '../../helpers/sandbox';

/** Campaign → Create (per item and from all items), Launch and Get Many against the sandbox's campaign store. */

const PICTURE = 'https://example.com/diwali.jpg';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ apiKey: 'campaign-key-7b21' });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const run = (parameters: INodeParameters, items: IDataObject[] = [{}], continueOnFail = false) =>
	runCunnekt({
		parameters: { resource: 'campaign', ...parameters },
		items,
		credentials: credentialsFor(sandbox),
		continueOnFail,
	});

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const fromList = (value: string) => ({ __rl: true, mode: 'list', value, cachedResultName: value });
const mapping = (value: Record<string, string>): ResourceMapperValue => ({
	mappingMode: 'defineBelow',
	value,
	matchingColumns: [],
	schema: [],
	attemptToConvertTypes: false,
	convertFieldsToString: false,
});

/** A spreadsheet's rows: a number typed the way people type them, a name and an amount. */
const rows = (count: number) =>
	Array.from({ length: count }, (_, row) => ({
		phone: `+91 98${String(row).padStart(3, '0')} 4${String(row).padStart(4, '0')}`,
		name: `Customer ${row + 1}`,
		amount: `Rs. ${100 + row}`,
	}));
const digits = (phone: string) => phone.replace(/\D/g, '');

/** One campaign from all rows, with order_update's image header and two variables filled from each row. */
const fromAllRows = (items: IDataObject[], extra: INodeParameters = {}, continueOnFail = false) =>
	run(
		{
			operation: 'create',
			campaignName: 'Diwali offer',
			templateId: fromList('sdsdDSDdssd'),
			recipientsMode: 'allItems',
			mobile: '={{ $json.phone }}',
			parametersMode: 'templateFields',
			templateFields: mapping({ header_image: PICTURE, body_1: '={{ $json.name }}', body_2: '={{ $json.amount }}' }),
			...extra,
		},
		items,
		continueOnFail,
	);

const orderUpdateComponents = (row: { name: string; amount: string }) => [
	{ type: 'header', parameters: [{ type: 'image', image: { link: PICTURE } }] },
	{
		type: 'body',
		parameters: [
			{ type: 'text', text: row.name },
			{ type: 'text', text: row.amount },
		],
	},
];

const campaignBodies = () => sandbox.requestsTo('/campaigns').filter((request) => request.method === 'POST').map((request) => request.rawBody.toString('utf8'));

describe('Campaign → Create, one campaign from all input items', () => {
	it('250 rows: exactly one request with 250 recipients, one output item paired with all 250', async () => {
		const sheet = rows(250);
		const { items, error } = await fromAllRows(sheet);
		expect(error).toBeUndefined();
		expect(campaignBodies()).toEqual([
			JSON.stringify({
				name: 'Diwali offer',
				templateid: 'sdsdDSDdssd',
				recipients: sheet.map((row) => ({ mobile: digits(row.phone), template: { components: orderUpdateComponents(row) } })),
			}),
		]);
		expect(sandbox.requests.map((request) => `${request.method} ${request.path}`)).toEqual(['GET /templates', 'POST /campaigns']);
		expect(sandbox.requestsTo('/campaigns')[0].headers['api-key']).toBe('campaign-key-7b21');
		const [campaign] = [...sandbox.state.campaigns.values()];
		expect(items).toEqual([
			{
				json: {
					id: campaign.id,
					name: 'Diwali offer',
					templateid: 'sdsdDSDdssd',
					status: 'DRAFT',
					created_at: campaign.created_at,
					recipient_count: 250,
				},
				pairedItem: sheet.map((_, item) => ({ item })),
			},
		]);
	});

	it("each recipient's components are exactly what Template Message → Send sends for the same row", async () => {
		const sheet = rows(3);
		const shared: INodeParameters = {
			mobile: '={{ $json.phone }}',
			templateId: fromList('sdsdDSDdssd'),
			parametersMode: 'templateFields',
			templateFields: mapping({ header_image: PICTURE, body_1: '={{ $json.name }}', body_2: '={{ $json.amount }}' }),
		};
		expect((await fromAllRows(sheet)).error).toBeUndefined();
		const sends = await runCunnekt({
			parameters: { resource: 'templateMessage', operation: 'send', ...shared },
			items: sheet,
			credentials: credentialsFor(sandbox),
		});
		expect(sends.error).toBeUndefined();
		const recipients = JSON.parse(campaignBodies()[0]).recipients as IDataObject[];
		const sent = sandbox.requestsTo('/sendnotification').map((request) => request.body as IDataObject);
		expect(recipients).toEqual(sent.map(({ mobile, template }) => ({ mobile, template })));
	});

	it('the form and named variables: every row its own values, with their names', async () => {
		const { error } = await run(
			{
				operation: 'create',
				campaignName: '={{ "Reminders " + $json.date }}',
				templateId: byId('tpl_appointment_reminder'),
				mobile: '={{ $json.phone }}',
				bodyVariables: {
					variable: [
						{ text: '={{ $json.name }}', parameterName: 'first_name' },
						{ text: '={{ $json.date }}', parameterName: 'date' },
					],
				},
			},
			[
				{ phone: '919999999999', name: 'Asha', date: '12 March' },
				{ phone: '919888888888', name: 'Ravi', date: '13 March' },
			],
		);
		expect(error).toBeUndefined();
		const named = (name: string, date: string) => ({
			components: [
				{
					type: 'body',
					parameters: [
						{ type: 'text', parameter_name: 'first_name', text: name },
						{ type: 'text', parameter_name: 'date', text: date },
					],
				},
			],
		});
		expect(campaignBodies()).toEqual([
			JSON.stringify({
				name: 'Reminders 12 March',
				templateid: 'tpl_appointment_reminder',
				recipients: [
					{ mobile: '919999999999', template: named('Asha', '12 March') },
					{ mobile: '919888888888', template: named('Ravi', '13 March') },
				],
			}),
		]);
	});

	it('a template without variables: recipients are their numbers alone', async () => {
		const { error } = await run(
			{ operation: 'create', campaignName: 'Welcome', templateId: fromList('asdasdDSDsd'), mobile: '={{ $json.phone }}' },
			[{ phone: '919999999999' }, { phone: '0091 98888 88888' }],
		);
		expect(error).toBeUndefined();
		expect(campaignBodies()).toEqual([
			'{"name":"Welcome","templateid":"asdasdDSDsd","recipients":[{"mobile":"919999999999"},{"mobile":"919888888888"}]}',
		]);
	});

	it('a bad recipient names its item and field, and nothing is sent', async () => {
		const badNumber = rows(30);
		badNumber[17].phone = 'call me';
		const number = await fromAllRows(badNumber);
		expect(number.items).toEqual([]);
		expect(number.error?.message).toBe(
			'Recipient "call me" is neither a phone number nor a WhatsApp business-scoped user ID (BSUID) [item 17]',
		);
		const badValue = rows(30);
		badValue[5].name = '';
		const value = await fromAllRows(badValue);
		expect(value.error?.message).toBe(
			'Body Variable {{1}} is empty; template "order_update" expects an image header link and 2 body variables ({{1}}, {{2}}) [item 5]',
		);
		const twice = rows(30);
		twice[9].phone = twice[2].phone.replace(/ /g, '-');
		const duplicate = await fromAllRows(twice);
		expect(duplicate.error?.message).toBe(`Recipient ${digits(twice[2].phone)} was already given by item 2 [item 9]`);
		expect(duplicate.error?.description).toBe(
			'A campaign sends to each recipient once: remove the duplicates first (for example with a Remove Duplicates node).',
		);
		expect(campaignBodies()).toEqual([]);
		expect(sandbox.state.campaigns.size).toBe(0);
	});

	it('with Continue On Fail: one error item, paired with every input', async () => {
		const sheet = rows(4);
		sheet[3].phone = '12';
		const { items, error } = await fromAllRows(sheet, {}, true);
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{
				json: {
					error: 'Recipient "12" has 2 digits; a WhatsApp number has 8 to 15 digits including the country code [item 3]',
					description: 'Enter the country code and number, for example 919999999999.',
					...REFUSED_FIELDS,
				},
				pairedItem: [{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }],
			},
		]);
		expect(campaignBodies()).toEqual([]);
	});

	it("Cunnekt's own refusals come through: a template that is not approved, values that do not fit it", async () => {
		const pending = await run(
			{ operation: 'create', campaignName: 'Spring', templateId: byId('tpl_spring_sale'), mobile: '919999999999', bodyVariables: { variable: [{ text: '20%' }] } },
		);
		expect(pending.error?.name).toBe('NodeApiError');
		expect(pending.error?.message).toBe('Template name does not exist in the translation (132001)');
		expect(pending.error?.description).toBe(
			"No approved template has this name in this language. Check the template's name and language, and that WhatsApp has approved it. Template tpl_spring_sale is PENDING; only approved templates can be sent",
		);
		const mismatch = await run({
			operation: 'create',
			campaignName: 'Orders',
			templateId: byId('sdsdDSDdssd'),
			mobile: '919999999999',
			parametersMode: 'json',
			componentsJson: '[{"type": "body", "parameters": [{"type": "text", "text": "Vivek"}]}]',
		});
		expect(mismatch.error?.message).toBe('Parameter format does not match format in the created template (132012)');
		expect(mismatch.error?.description).toBe(
			"A template parameter has the wrong format: the header or a variable is not of the type the template defines. recipients[0] (919999999999): The template's header is IMAGE; the send has no header parameter",
		);
		expect(sandbox.state.campaigns.size).toBe(0);
	});
});

describe('Campaign → Create: the fields each mode shows', () => {
	const shown = (parameters: INodeParameters) => {
		const { description } = new Cunnekt();
		return description.properties
			.filter((property) =>
				NodeHelpers.displayParameter({ resource: 'campaign', operation: 'create', ...parameters }, property, { typeVersion: 1 }, description),
			)
			.map((property) => property.name);
	};

	it("all items: one number per item and, for a template From List, the template's own fields", () => {
		expect(shown({ recipientsMode: 'allItems', templateId: fromList('x'), parametersMode: 'templateFields' })).toEqual([
			'resource',
			'operation',
			'campaignName',
			'templateId',
			'recipientsMode',
			'mobile',
			'parametersMode',
			'templateFields',
			'sendingOptions',
		]);
	});

	it('per item: the list of numbers and, for a template By ID, the form', () => {
		expect(shown({ recipientsMode: 'perItem', templateId: byId('x'), parametersMode: 'form' })).toEqual([
			'resource',
			'operation',
			'campaignName',
			'templateId',
			'recipientsMode',
			'mobiles',
			'parametersMode',
			'headerType',
			'bodyVariables',
			'buttons',
			'cards',
			'sendingOptions',
		]);
	});
});

describe('Campaign → Create, one campaign per input item', () => {
	const perItem = (items: IDataObject[], extra: INodeParameters = {}) =>
		run(
			{
				operation: 'create',
				campaignName: '={{ $json.campaign }}',
				templateId: byId('tpl_invoice_ready'),
				recipientsMode: 'perItem',
				mobiles: '={{ $json.numbers }}',
				headerType: 'document',
				headerLink: '={{ $json.invoice }}',
				headerFilename: 'invoice.pdf',
				bodyVariables: { variable: [{ text: '={{ $json.number }}' }] },
				...extra,
			},
			items,
		);

	it('one request per item, to the numbers it lists (text or a list), the same values for each', async () => {
		const { items, error } = await perItem([
			{ campaign: 'March invoices', numbers: '919999999999, +91 98888 88888\n0091 97777 77777', invoice: 'https://example.com/march.pdf', number: 'INV-3' },
			{ campaign: 'April invoices', numbers: ['919666666666', 919555555555], invoice: 'https://example.com/april.pdf', number: 'INV-4' },
		]);
		expect(error).toBeUndefined();
		const components = (link: string, number: string) => ({
			components: [
				{ type: 'header', parameters: [{ type: 'document', document: { link, filename: 'invoice.pdf' } }] },
				{ type: 'body', parameters: [{ type: 'text', text: number }] },
			],
		});
		const march = components('https://example.com/march.pdf', 'INV-3');
		const april = components('https://example.com/april.pdf', 'INV-4');
		expect(campaignBodies()).toEqual([
			JSON.stringify({
				name: 'March invoices',
				templateid: 'tpl_invoice_ready',
				recipients: [
					{ mobile: '919999999999', template: march },
					{ mobile: '919888888888', template: march },
					{ mobile: '919777777777', template: march },
				],
			}),
			JSON.stringify({
				name: 'April invoices',
				templateid: 'tpl_invoice_ready',
				recipients: [
					{ mobile: '919666666666', template: april },
					{ mobile: '919555555555', template: april },
				],
			}),
		]);
		expect(items.map((item) => [item.json.name, item.json.recipient_count, item.pairedItem])).toEqual([
			['March invoices', 3, { item: 0 }],
			['April invoices', 2, { item: 1 }],
		]);
	});

	it('refuses an empty list, a bad number and a number listed twice, naming the item', async () => {
		const base = { campaign: 'x', invoice: 'https://example.com/a.pdf', number: 'INV-1' };
		const empty = await perItem([{ ...base, numbers: ' , ' }]);
		expect(empty.error?.message).toBe('Recipients is empty; list at least one phone number or BSUID [item 0]');
		const bad = await perItem([{ ...base, numbers: '919999999999' }, { ...base, numbers: '919999999999, 98-76' }]);
		expect(bad.error?.message).toBe(
			'Recipient 2 "98-76" has 4 digits; a WhatsApp number has 8 to 15 digits including the country code [item 1]',
		);
		const twice = await perItem([{ ...base, numbers: '919999999999, +91 99999 99999' }]);
		expect(twice.error?.message).toBe('Recipients 1 and 2 are both 919999999999 [item 0]');
		expect(campaignBodies()).toEqual([JSON.stringify({
			name: 'x',
			templateid: 'tpl_invoice_ready',
			recipients: [
				{
					mobile: '919999999999',
					template: {
						components: [
							{ type: 'header', parameters: [{ type: 'document', document: { link: 'https://example.com/a.pdf', filename: 'invoice.pdf' } }] },
							{ type: 'body', parameters: [{ type: 'text', text: 'INV-1' }] },
						],
					},
				},
			],
		})]);
	});
});

describe('Campaign → Launch and Get Many', () => {
	const createTwo = async () => {
		const { items } = await fromAllRows(rows(2));
		return items[0].json.id as string;
	};

	it('Launch: POST /campaigns/{id}/launch; one send per recipient, with its own components', async () => {
		const id = await createTwo();
		sandbox.clearRequests();
		const { items, error } = await run({ operation: 'launch', campaignId: byId(id) });
		expect(error).toBeUndefined();
		expect(sandbox.requests.map((request) => [request.method, request.path, request.rawBody.length])).toEqual([
			['POST', `/campaigns/${id}/launch`, 0],
		]);
		const sheet = rows(2);
		expect(sandbox.state.sent.map(({ mobile, endpoint, body }) => ({ mobile, endpoint, body }))).toEqual(
			sheet.map((row) => ({
				mobile: digits(row.phone),
				endpoint: 'campaign',
				body: {
					campaignid: id,
					mobile: digits(row.phone),
					templateid: 'sdsdDSDdssd',
					template: { components: orderUpdateComponents(row) },
				},
			})),
		);
		const campaign = sandbox.state.campaigns.get(id) as IDataObject;
		expect(items).toEqual([
			{
				json: {
					id,
					name: 'Diwali offer',
					templateid: 'sdsdDSDdssd',
					status: 'LAUNCHED',
					created_at: campaign.created_at,
					launched_at: campaign.launched_at,
					recipient_count: 2,
					messages: sandbox.state.sent.map(({ mobile, id: messageId }) => ({ mobile, id: messageId })),
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('a second launch is refused, and sends nothing more; an unknown campaign is a 404', async () => {
		const id = await createTwo();
		expect((await run({ operation: 'launch', campaignId: fromList(id) })).error).toBeUndefined();
		const again = await run({ operation: 'launch', campaignId: fromList(id) });
		expect(again.error?.name).toBe('NodeApiError');
		expect(again.error?.message).toBe(
			`Campaign ${id} was already launched at ${String((sandbox.state.campaigns.get(id) as IDataObject).launched_at)}`,
		);
		expect((again.error as { httpCode?: string }).httpCode).toBe('409');
		expect(sandbox.state.sent).toHaveLength(2);
		const unknown = await run({ operation: 'launch', campaignId: byId('cmp_nope') });
		expect(unknown.error?.message).toBe('Campaign cmp_nope not found');
		const requests = sandbox.requests.length;
		const empty = await run({ operation: 'launch', campaignId: byId('={{ $json.id }}') }, [{ id: ' ' }]);
		expect(empty.error?.message).toBe('Campaign is empty; choose one from the list or enter its ID [item 0]');
		expect(sandbox.requests).toHaveLength(requests);
	});

	it('Get Many lists the campaigns (Limit, Return All); the list search offers them by name and status', async () => {
		for (const name of ['Diwali offer', 'New year', 'Holi sale']) {
			await fromAllRows(rows(1), { campaignName: name });
		}
		const ids = [...sandbox.state.campaigns.keys()];
		await run({ operation: 'launch', campaignId: byId(ids[1]) });
		sandbox.clearRequests();
		const all = await run({ operation: 'getMany', returnAll: true });
		expect(sandbox.requests.map((request) => [request.method, request.path, request.query])).toEqual([['GET', '/campaigns', {}]]);
		expect(all.items.map((item) => [item.json.id, item.json.name, item.json.status, item.json.recipient_count])).toEqual([
			[ids[0], 'Diwali offer', 'DRAFT', 1],
			[ids[1], 'New year', 'LAUNCHED', 1],
			[ids[2], 'Holi sale', 'DRAFT', 1],
		]);
		expect(all.items[0].json).not.toHaveProperty('recipients');
		expect((await run({ operation: 'getMany', limit: 2 })).items).toHaveLength(2);

		expect(new Cunnekt().methods.listSearch.searchCampaigns).toBe(searchCampaigns);
		const context = loadOptionsContext(credentialsFor(sandbox), { resource: 'campaign', operation: 'launch' });
		expect(await searchCampaigns.call(context)).toEqual({
			results: [
				{ name: 'Diwali offer · DRAFT', value: ids[0] },
				{ name: 'New year · LAUNCHED', value: ids[1] },
				{ name: 'Holi sale · DRAFT', value: ids[2] },
			],
		});
		expect(await searchCampaigns.call(context, 'SALE')).toEqual({ results: [{ name: 'Holi sale · DRAFT', value: ids[2] }] });
	});
});
