/**
 * A recipient is a phone number or a WhatsApp business-scoped user ID (BSUID), everywhere a send names one: Template
 * Message → Send, Campaign → Create, the closed-window template, Send and Wait. On the current platform a BSUID goes
 * in `recipient` (WhatsApp's Messages API), on the classic one it is refused before anything is sent; an
 * authentication template never goes to a BSUID; a malformed one is refused naming the field, the value and the item.
 * (Every Reply operation to a BSUID on both platforms: reply.bodies.test.ts.)
 */
import type { INodeParameters } from 'n8n-workflow';

import { runCunnekt } from '../../helpers/n8n';
import { credentialsFor, currentCredentialsFor, startSandbox } from '../../helpers/sandbox';
import type { Sandbox } from '../../helpers/sandbox';

const BSUID = 'IN.13491208655302741918';
const PARENT_BSUID = 'IN.ENT.11815799212886844830';
const CLOUD = { messaging_product: 'whatsapp', recipient_type: 'individual' };
const byName = (value: string) => ({ __rl: true, mode: 'name', value });
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

/** An authentication template, as WhatsApp lists one: its code in the body, a copy-code button. */
const LOGIN_CODE = {
	id: 'tpl_login_code',
	name: 'login_code',
	language: 'en',
	status: 'APPROVED',
	category: 'AUTHENTICATION',
	components: [
		{ type: 'BODY', text: '{{1}} is your verification code.', example: { body_text: [['482913']] } },
		{ type: 'BUTTONS', buttons: [{ type: 'OTP', otp_type: 'COPY_CODE', text: 'Copy code' }] },
	],
};

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ apiKey: 'bsuid-key-51ac09' });
});
afterAll(async () => await sandbox.close());
beforeEach(() => {
	sandbox.reset();
	sandbox.state.templates.set(LOGIN_CODE.id, { ...LOGIN_CODE });
});

const run = async (parameters: INodeParameters, platform: 'classic' | 'current', extra: { items?: object[]; continueOnFail?: boolean } = {}) =>
	await runCunnekt({
		parameters,
		items: extra.items as never,
		continueOnFail: extra.continueOnFail,
		credentials: platform === 'current' ? currentCredentialsFor(sandbox) : credentialsFor(sandbox),
	});

const welcome = (mobile: string): INodeParameters => ({
	resource: 'templateMessage',
	operation: 'send',
	mobile,
	templateId: byName('welcome_message|en'),
	parametersMode: 'json',
	componentsJson: '[]',
});

describe('Template Message → Send to a BSUID', () => {
	it.each([BSUID, PARENT_BSUID])('on the current platform: %s in recipient, and the answer\'s user_id lifted', async (userId) => {
		const result = await run(welcome(userId), 'current');
		expect(result.error).toBeUndefined();
		// The template list is read once to check the template may go to a BSUID (not an authentication one).
		expect(sandbox.requests.map((request) => [request.path, JSON.stringify(request.body)])).toEqual([
			['/restapi/v1/whatsapp/templates', undefined],
			[
				'/restapi/v1/whatsapp/sendtemplate',
				JSON.stringify({ ...CLOUD, recipient: userId, type: 'template', template: { name: 'welcome_message', language: { code: 'en' } } }),
			],
		]);
		const [sent] = sandbox.state.sent;
		expect(result.items).toEqual([
			{
				json: {
					messageId: sent.id,
					userId,
					messaging_product: 'whatsapp',
					contacts: [{ input: userId, user_id: userId }],
					messages: [{ id: sent.id }],
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('on the classic platform: refused before sending, naming the field, the value, the item and why', async () => {
		const result = await run({ ...welcome(BSUID), templateId: byId('asdasdDSDsd') }, 'classic');
		expect(result.error?.message).toBe(
			`Recipient "${BSUID}" is a WhatsApp business-scoped user ID (BSUID); Cunnekt's classic platform (app2.cunnekt.com) sends to phone numbers only [item 0]`,
		);
		expect(result.error?.description).toBe(
			"Map the customer's phone number when WhatsApp sends one (the Cunnekt Trigger's `from`), or use a Cunnekt API credential on the current platform (app.cunnekt.com), which sends to BSUIDs.",
		);
		// Nothing sent: only the template list was read (to check the template may go to a BSUID).
		expect(sandbox.requests.map((request) => [request.method, request.path])).toEqual([['GET', '/templates']]);
		expect(sandbox.state.sent).toEqual([]);
	});

	it('an authentication template to a BSUID is refused before sending; to a phone number it goes', async () => {
		const login = (mobile: string) => ({
			...welcome(mobile),
			templateId: byName('login_code|en'),
			componentsJson: '[{"type":"body","parameters":[{"type":"text","text":"482913"}]}]',
		});
		const refused = await run(login(BSUID), 'current');
		expect(refused.error?.message).toBe(
			`Template "login_code" is an authentication template; WhatsApp sends authentication templates (one-tap, zero-tap, copy code) to phone numbers only, and Recipient is a BSUID, "${BSUID}" [item 0]`,
		);
		expect(sandbox.requests.map((request) => request.path)).toEqual(['/restapi/v1/whatsapp/templates']);
		sandbox.clearRequests();
		const sent = await run(login('+91 99999-99999'), 'current');
		expect(sent.error).toBeUndefined();
		expect(sandbox.requests.map((request) => request.path)).toEqual(['/restapi/v1/whatsapp/sendtemplate']);
	});

	it.each([
		['in.13491208655302741918', 'a country code in small letters'],
		['IN.1349-1208', 'a dash'],
		[`IN.${'1'.repeat(129)}`, '129 characters after the dot'],
		['IN.ENT.', 'nothing after ENT.'],
	])('a malformed BSUID (%s: %s) is refused, nothing sent', async (value) => {
		const result = await run(welcome(value), 'current');
		expect(result.error?.message).toMatch(
			/^Recipient ".+" is not a WhatsApp business-scoped user ID \(BSUID\): a BSUID is a two-letter country code in capitals, a dot, and up to 128 letters and digits, optionally after "ENT\." \[item 0\]$/,
		);
		expect(sandbox.requests).toEqual([]);
	});
});

describe('Campaign → Create to BSUIDs', () => {
	const campaign = (mobiles: string): INodeParameters => ({
		resource: 'campaign',
		operation: 'create',
		campaignName: 'Diwali',
		recipientsMode: 'perItem',
		mobiles,
		templateId: byName('welcome_message|en'),
		parametersMode: 'json',
		componentsJson: '[]',
	});

	it('on the current platform: phone numbers in to, BSUIDs in recipient, in the order given', async () => {
		const result = await run(campaign(`+91 99999-99999, ${BSUID}`), 'current');
		expect(result.error).toBeUndefined();
		expect(sandbox.requests.map((request) => [request.path, request.body])).toEqual([
			['/restapi/v1/whatsapp/templates', undefined],
			[
				'/restapi/v1/whatsapp/campaigns',
				{
					name: 'Diwali',
					template: { name: 'welcome_message', language: { code: 'en' } },
					recipients: [{ to: '919999999999' }, { recipient: BSUID }],
				},
			],
		]);
	});

	it('on the classic platform: refused before sending, naming which recipient', async () => {
		const result = await run({ ...campaign(`919999999999, ${BSUID}`), templateId: byId('asdasdDSDsd') }, 'classic');
		expect(result.error?.message).toBe(
			`Recipient 2 "${BSUID}" is a WhatsApp business-scoped user ID (BSUID); Cunnekt's classic platform (app2.cunnekt.com) sends to phone numbers only [item 0]`,
		);
		expect(sandbox.requests.map((request) => [request.method, request.path])).toEqual([['GET', '/templates']]);
		expect(sandbox.state.sent).toEqual([]);
	});

	it('a BSUID listed twice is a duplicate; an authentication template is refused for BSUIDs', async () => {
		const twice = await run(campaign(`${BSUID}\n${BSUID}`), 'current');
		expect(twice.error?.message).toBe(`Recipients 1 and 2 are both ${BSUID} [item 0]`);
		const login = await run({ ...campaign(BSUID), templateId: byName('login_code|en') }, 'current');
		expect(login.error?.message).toMatch(/^Template "login_code" is an authentication template; .* Recipient 1 is a BSUID/);
		expect(sandbox.requests.map((request) => request.path)).toEqual(['/restapi/v1/whatsapp/templates']);
	});
});

describe('a closed window, to a BSUID', () => {
	it('the reply refused with 131047 is followed by the template, to the same BSUID in recipient', async () => {
		const result = await run(
			{
				resource: 'reply',
				operation: 'sendText',
				mobile: BSUID,
				text: 'Your order has shipped',
				ifWindowClosed: 'sendTemplate',
				templateId: byName('welcome_message|en'),
				parametersMode: 'json',
				componentsJson: '[]',
			},
			'current',
		);
		expect(result.error).toBeUndefined();
		expect(sandbox.requests.map((request) => [request.path, request.body])).toEqual([
			['/restapi/v1/whatsapp/templates', undefined],
			['/api/v1/whatsapp/replymessage', { ...CLOUD, recipient: BSUID, type: 'text', text: { body: 'Your order has shipped' } }],
			[
				'/restapi/v1/whatsapp/sendtemplate',
				{ ...CLOUD, recipient: BSUID, type: 'template', template: { name: 'welcome_message', language: { code: 'en' } } },
			],
		]);
		expect(result.items.map((item) => [item.json.sentAs, item.json.userId])).toEqual([['template', BSUID]]);
	});
});
