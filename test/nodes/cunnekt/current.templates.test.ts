/**
 * Template Message → Send and Campaign → Create on Cunnekt's current platform: templates go by name and language
 * (WhatsApp Cloud API's `template:{name, language:{code}, components}`), resolved from the template list when the
 * item picked the template From List or By ID, or typed By Name; the components are the classic platform's.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runCunnekt } from '../../helpers/n8n';
import { credentialsFor, currentCredentialsFor, startSandbox } from '../../helpers/sandbox';
import type { Sandbox } from '../../helpers/sandbox';

const KEY = 'current-tmpl-key-31c0';
const SEND_PATH = '/restapi/v1/whatsapp/sendtemplate';
const LIST_PATH = '/restapi/v1/whatsapp/templates';
const MOBILE = '919999999999';
const ENVELOPE = { messaging_product: 'whatsapp', recipient_type: 'individual', to: MOBILE, type: 'template' };
const COMPONENTS = [
	{ type: 'header', parameters: [{ type: 'image', image: { link: 'https://example.com/order.jpg' } }] },
	{
		type: 'body',
		parameters: [
			{ type: 'text', text: 'Vivek' },
			{ type: 'text', text: 'Rs. 999' },
		],
	},
];
const ORDER_UPDATE_FORM = {
	headerType: 'image',
	headerLink: 'https://example.com/order.jpg',
	bodyVariables: { variable: [{ text: 'Vivek' }, { text: 'Rs. 999' }] },
};

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ apiKey: KEY });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const locator = (mode: 'id' | 'list' | 'name', value: string) => ({ __rl: true, mode, value });

const run = (parameters: INodeParameters, items: IDataObject[] = [{}], platform: 'classic' | 'current' = 'current') =>
	runCunnekt({
		parameters,
		items,
		credentials: platform === 'current' ? currentCredentialsFor(sandbox) : credentialsFor(sandbox),
	});

const sendTemplate = (parameters: INodeParameters, platform?: 'classic' | 'current') =>
	run({ resource: 'templateMessage', operation: 'send', mobile: MOBILE, ...parameters }, [{}], platform);

const rawBodies = (path: string) => sandbox.requestsTo(path).map((request) => request.rawBody.toString('utf8'));

describe('Template Message → Send on the current platform', () => {
	it('By ID: the name and language come from the template list, read once; the components as on classic', async () => {
		const { items, error } = await sendTemplate({ templateId: locator('id', 'sdsdDSDdssd'), ...ORDER_UPDATE_FORM });
		expect(error).toBeUndefined();
		expect(sandbox.requests.map((request) => [request.method, request.path])).toEqual([
			['GET', LIST_PATH],
			['POST', SEND_PATH],
		]);
		expect(rawBodies(SEND_PATH)).toEqual([
			JSON.stringify({ ...ENVELOPE, template: { name: 'order_update', language: { code: 'en' }, components: COMPONENTS } }),
		]);
		expect(items.map((item) => [item.json.messageId, item.json.mobile])).toEqual([[sandbox.state.sent[0].id, MOBILE]]);
	});

	it('By Name: no list needed; a template without parameters has no components', async () => {
		const { error } = await sendTemplate({ templateId: locator('name', 'welcome_message|en') });
		expect(error).toBeUndefined();
		expect(sandbox.requests.map((request) => request.path)).toEqual([SEND_PATH]);
		expect(rawBodies(SEND_PATH)).toEqual([
			JSON.stringify({ ...ENVELOPE, template: { name: 'welcome_message', language: { code: 'en' } } }),
		]);
	});

	it('By Name on the classic platform: the id comes from the list, the body is the classic one', async () => {
		const { error } = await sendTemplate({ templateId: locator('name', 'order_update|en'), ...ORDER_UPDATE_FORM }, 'classic');
		expect(error).toBeUndefined();
		expect(sandbox.requests.map((request) => request.path)).toEqual(['/templates', '/sendnotification']);
		expect(rawBodies('/sendnotification')).toEqual([
			JSON.stringify({ mobile: MOBILE, templateid: 'sdsdDSDdssd', template: { components: COMPONENTS } }),
		]);
	});

	it('By Name without a language is refused before anything is sent (an expression; a typed value is an issue in the editor)', async () => {
		const { error } = await run(
			{ resource: 'templateMessage', operation: 'send', mobile: MOBILE, templateId: locator('name', '={{ $json.template }}') },
			[{ template: 'order_update' }],
		);
		expect(error?.message).toBe(
			'Template By Name must be the name and the language code separated by |; received "order_update" [item 0]',
		);
		expect(sandbox.requests).toEqual([]);
	});

	it('Override Bot is refused on the current platform, before anything is sent', async () => {
		const { error } = await sendTemplate({
			templateId: locator('name', 'welcome_message|en'),
			options: { overridebot: 'yes' },
		});
		expect(error?.message).toBe(
			"Override Bot exists only on Cunnekt's classic platform; this credential is set to the current platform (app.cunnekt.com) [item 0]",
		);
		expect(sandbox.requests).toEqual([]);
	});

	it('bad template values get the same error on both platforms', async () => {
		const messages: Array<string | undefined> = [];
		for (const platform of ['classic', 'current'] as const) {
			sandbox.reset();
			const { error } = await sendTemplate(
				{ templateId: locator('id', 'sdsdDSDdssd'), ...ORDER_UPDATE_FORM, headerLink: 'not a link' },
				platform,
			);
			messages.push(error?.message);
			expect(sandbox.requestsTo(platform === 'current' ? SEND_PATH : '/sendnotification')).toEqual([]);
		}
		expect(messages[0]).toBeDefined();
		expect(messages[1]).toBe(messages[0]);
	});
});

describe('Campaign → Create on the current platform (path and body assumed: Cunnekt publishes none)', () => {
	it('one campaign from all items, the template by name and language, recipients as `to`', async () => {
		const { items, error } = await run(
			{
				resource: 'campaign',
				operation: 'create',
				campaignName: 'Diwali',
				templateId: locator('list', 'sdsdDSDdssd'),
				recipientsMode: 'allItems',
				parametersMode: 'form',
				mobile: '={{ $json.phone }}',
				...ORDER_UPDATE_FORM,
			},
			[{ phone: '+91 99999 99999' }, { phone: '919888888888' }],
		);
		expect(error).toBeUndefined();
		expect(sandbox.requestsTo('/restapi/v1/whatsapp/campaigns').map((request) => request.body)).toEqual([
			{
				name: 'Diwali',
				template: { name: 'order_update', language: { code: 'en' } },
				recipients: [
					{ to: '919999999999', template: { components: COMPONENTS } },
					{ to: '919888888888', template: { components: COMPONENTS } },
				],
			},
		]);
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ name: 'Diwali', templateid: 'sdsdDSDdssd', recipient_count: 2 });
	});
});
