/**
 * Reply → "If the Service Window Is Closed" → Send a Template Instead, through n8n's real engine against the sandbox,
 * which answers 131047 to a reply for a number whose window is closed (only SEED_MOBILE's is open unless a test opens
 * more). Counts and bodies come from what reached the sandbox.
 */
import { NodeHelpers } from 'n8n-workflow';
import type { IDataObject, INodeParameters, INodeProperties } from 'n8n-workflow';

import { Cunnekt } from '../../../nodes/Cunnekt/Cunnekt.node';
import { replyOperations } from '../../../nodes/Cunnekt/actions/reply';
import { codeFields } from '../../helpers/errors';
import { REPLY_TEST_KEY, runReply, SEED_MOBILE, useReplySandbox } from '../../helpers/reply';
import type { ReplyRunOptions } from '../../helpers/reply';

const context = useReplySandbox();

const CLOSED = '447700900123';
const CLOSED_2 = '447700900124';
const OPEN_2 = '919888888888';
const PICTURE = 'https://example.com/order.jpg';

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const fromList = (value: string) => ({ __rl: true, mode: 'list', value, cachedResultName: value });

/** order_update (an image header, two body variables) by ID, its values in the Form. */
const ORDER_UPDATE_FORM: INodeParameters = {
	ifWindowClosed: 'sendTemplate',
	templateId: byId('sdsdDSDdssd'),
	parametersMode: 'form',
	headerType: 'image',
	headerLink: PICTURE,
	bodyVariables: { variable: [{ text: '={{ $json.name }}' }, { text: 'Rs. 999' }] },
};

const orderUpdateBody = (mobile: string, name: string) => ({
	mobile,
	templateid: 'sdsdDSDdssd',
	template: {
		components: [
			{ type: 'header', parameters: [{ type: 'image', image: { link: PICTURE } }] },
			{
				type: 'body',
				parameters: [
					{ type: 'text', text: name },
					{ type: 'text', text: 'Rs. 999' },
				],
			},
		],
	},
});

const WINDOW_CLOSED_DETAILS =
	'Message failed to send because more than 24 hours have passed since the customer last replied to this number.';

/** What the sandbox (and only the sandbox) adds to its closed-window answer: how to open the window. */
const sandboxHint = (mobile: string) =>
	` (Sandbox: a message from ${mobile} opens its window, or open it now: curl -X POST ${context.sandbox.url}/__sandbox/windows -H 'content-type: application/json' -d '{"mobile":"${mobile}"}')`;

const windowClosedDescription = (mobile: string) =>
	`The 24-hour service window is closed: the customer has not written in the last 24 hours. Send a template message instead. ${WINDOW_CLOSED_DETAILS}${sandboxHint(mobile)}`;

/** The reply's refusal as the item keeps it. */
const refusedReply = (mobile: string) => ({
	error: 'Re-engagement message (131047)',
	description: windowClosedDescription(mobile),
	httpCode: '400',
	response: {
		status: 'error',
		message: 'Re-engagement message',
		error: {
			code: 131047,
			title: 'Re-engagement message',
			message: 'Re-engagement message',
			error_data: { details: `${WINDOW_CLOSED_DETAILS}${sandboxHint(mobile)}` },
		},
	},
});

const sendText = (parameters: INodeParameters, items: IDataObject[], options: ReplyRunOptions = {}) =>
	runReply(context.sandbox, 'sendText', { mobile: '={{ $json.mobile }}', text: 'Your order has shipped', ...parameters }, { items, ...options });

const bodiesTo = (path: string) => context.sandbox.requestsTo(path).map((request) => request.body as IDataObject);
const sentTo = (mobile: string, endpoint: string) =>
	context.sandbox.state.sent.filter((message) => message.mobile === mobile && message.endpoint === endpoint);

/** What a delivered send answers, as the sandbox gives it. */
const answer = (mobile: string, id: string) => ({
	messaging_product: 'whatsapp',
	contacts: [{ input: mobile, wa_id: mobile }],
	messages: [{ id }],
});

const repliedItem = (mobile: string, item: number) => {
	const [sent] = sentTo(mobile, 'sendreplymessage');
	return { json: { sentAs: 'reply', messageId: sent.id, mobile, ...answer(mobile, sent.id) }, pairedItem: { item } };
};
const templateItem = (mobile: string, item: number) => {
	const [sent] = sentTo(mobile, 'sendnotification');
	return {
		json: { sentAs: 'template', messageId: sent.id, mobile, ...answer(mobile, sent.id), reply: refusedReply(mobile) },
		pairedItem: { item },
	};
};

describe('Reply → If the Service Window Is Closed', () => {
	it('Fail (the default): the 131047 error as before, and no template', async () => {
		const { items, error } = await sendText({ templateId: byId('asdasdDSDsd') }, [{ mobile: CLOSED }]);
		expect(items).toEqual([]);
		expect(error?.message).toBe('Re-engagement message (131047)');
		expect(context.sandbox.requestsTo('/sendnotification')).toEqual([]);
	});

	it('Send a Template Instead: exactly one template per refused reply, none for delivered ones, in item order', async () => {
		const { sandbox } = context;
		sandbox.openWindow(OPEN_2);
		const people = [
			{ mobile: SEED_MOBILE, name: 'Asha' },
			{ mobile: CLOSED, name: 'Vivek' },
			{ mobile: OPEN_2, name: 'Ravi' },
			{ mobile: CLOSED_2, name: 'Meera' },
		];
		const { items, error } = await sendText(ORDER_UPDATE_FORM, people);
		expect(error).toBeUndefined();
		expect(bodiesTo('/sendreplymessage')).toHaveLength(4);
		expect(bodiesTo('/sendnotification').sort((a, b) => String(a.mobile).localeCompare(String(b.mobile)))).toEqual([
			orderUpdateBody(CLOSED, 'Vivek'),
			orderUpdateBody(CLOSED_2, 'Meera'),
		]);
		expect(items).toEqual([
			repliedItem(SEED_MOBILE, 0),
			templateItem(CLOSED, 1),
			repliedItem(OPEN_2, 2),
			templateItem(CLOSED_2, 3),
		]);
		expect(sandbox.stats().duplicates).toBe(0);
	});

	it('the exact bytes: the reply first, then the template to the same number', async () => {
		const { sandbox } = context;
		const { error } = await sendText({ ifWindowClosed: 'sendTemplate', templateId: byId('asdasdDSDsd') }, [{ mobile: '+44 7700 900123' }]);
		expect(error).toBeUndefined();
		expect(sandbox.requests.map((request) => [request.method, request.path, request.rawBody.toString('utf8')])).toEqual([
			['POST', '/sendreplymessage', JSON.stringify({ mobile: CLOSED, type: 'text', text: 'Your order has shipped' })],
			['POST', '/sendnotification', JSON.stringify({ mobile: CLOSED, templateid: 'asdasdDSDsd' })],
		]);
		expect(sandbox.requests.map((request) => request.headers['api-key'])).toEqual([REPLY_TEST_KEY, REPLY_TEST_KEY]);
	});

	it('a 131047 inside a 2xx body counts too', async () => {
		const { sandbox } = context;
		const refusal = { status: 'error', error: { code: 131047, message: 'Re-engagement message' } };
		sandbox.faults.set({ path: '/sendreplymessage', fault: 'errorBody', body: refusal });
		const { items, error } = await sendText({ ifWindowClosed: 'sendTemplate', templateId: byId('asdasdDSDsd') }, [{ mobile: SEED_MOBILE }]);
		expect(error).toBeUndefined();
		expect(bodiesTo('/sendnotification')).toEqual([{ mobile: SEED_MOBILE, templateid: 'asdasdDSDsd' }]);
		expect(items[0].json).toMatchObject({ sentAs: 'template', reply: { error: 'Re-engagement message (131047)', httpCode: '200', response: refusal } });
	});

	it("Template's Fields: the template is looked up and its values checked before the reply goes", async () => {
		const { sandbox } = context;
		const parameters: INodeParameters = {
			ifWindowClosed: 'sendTemplate',
			templateId: fromList('sdsdDSDdssd'),
			templateFields: {
				mappingMode: 'defineBelow',
				value: { header_image: PICTURE, body_1: 'Vivek', body_2: 'Rs. 999' },
				matchingColumns: [],
				schema: [],
				attemptToConvertTypes: false,
				convertFieldsToString: false,
			},
		};
		const { error } = await sendText(parameters, [{ mobile: CLOSED }]);
		expect(error).toBeUndefined();
		expect(sandbox.requests.map((request) => [request.method, request.path])).toEqual([
			['GET', '/templates'],
			['POST', '/sendreplymessage'],
			['POST', '/sendnotification'],
		]);
		expect(bodiesTo('/sendnotification')).toEqual([orderUpdateBody(CLOSED, 'Vivek')]);
	});

	it('template values that WhatsApp would refuse stop the item before anything is sent', async () => {
		const { sandbox } = context;
		const parameters = { ...ORDER_UPDATE_FORM, bodyVariables: { variable: [{ text: '' }, { text: 'Rs. 999' }] } };
		const { items, error } = await sendText(parameters, [{ mobile: SEED_MOBILE }]);
		expect(items).toEqual([]);
		expect(error?.message).toBe(
			'Template to send if the service window is closed: Body variable 1 is empty; WhatsApp refuses empty parameters [item 0]',
		);
		expect(sandbox.requests).toEqual([]);
	});

	describe('a template refused too: one error naming both failures', () => {
		const parameters = { ifWindowClosed: 'sendTemplate', templateId: byId('no_such_template') };
		const message =
			'The reply was refused (Re-engagement message (131047)) and the template sent instead failed too: Template name does not exist in the translation (132001)';
		const description = () =>
			`No approved template has this name in this language. Check the template's name and language, and that WhatsApp has approved it. No template with id no_such_template The reply: ${windowClosedDescription(CLOSED)}`;

		it('stops the run without Continue On Fail', async () => {
			const { items, error } = await sendText(parameters, [{ mobile: CLOSED }]);
			expect(items).toEqual([]);
			expect([error?.name, error?.message, error?.description]).toEqual(['NodeApiError', message, description()]);
			expect(context.sandbox.requestsTo('/sendnotification')).toHaveLength(1);
		});

		it('with Continue On Fail: its error item, and the other items as usual', async () => {
			const { items, error } = await sendText(parameters, [{ mobile: CLOSED }, { mobile: SEED_MOBILE }], { continueOnFail: true });
			expect(error).toBeUndefined();
			expect(items).toEqual([
				{
					// The item's code and disposition are the template's: what failed last, and what to fix
					json: { error: message, description: description(), httpCode: '404', ...codeFields(132001, 'Template name does not exist in the translation') },
					pairedItem: { item: 0 },
				},
				repliedItem(SEED_MOBILE, 1),
			]);
			expect(context.sandbox.requestsTo('/sendnotification')).toHaveLength(1);
		});
	});

	it('with Continue On Fail, an input error and a fallback in one run: one item each, in order', async () => {
		const { items, error } = await sendText(ORDER_UPDATE_FORM, [{ mobile: 'call me', name: 'X' }, { mobile: CLOSED, name: 'Vivek' }], {
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(items[0].json.error).toMatch(/^Recipient "call me" is neither a phone number nor a WhatsApp business-scoped user ID/);
		expect(items[1]).toEqual(templateItem(CLOSED, 1));
	});

	it.each(['resetAfterBody', 'noAnswer'] as const)(
		'a reply whose answer was lost (%s) is not a 131047: no template, and the error says it may have gone',
		async (fault) => {
			const { sandbox } = context;
			sandbox.faults.set({ path: '/sendreplymessage', fault, times: 1 });
			const { items, error } = await sendText(
				{ ...ORDER_UPDATE_FORM, sendingOptions: { requestTimeoutMs: 1000 } },
				[{ mobile: CLOSED, name: 'Vivek' }],
			);
			expect(items).toEqual([]);
			expect(error?.description).toMatch(/^The request reached Cunnekt but no answer says whether the message went out/);
			expect(sandbox.requestsTo('/sendreplymessage')).toHaveLength(1);
			expect(sandbox.requestsTo('/sendnotification')).toEqual([]);
		},
	);

	it('under the rate cap: every refused reply gets one template, never more than Max Requests per Second', async () => {
		const { sandbox } = context;
		sandbox.faults.set({ path: '*', rateCap: 10 });
		const mobiles = Array.from({ length: 16 }, (_, index) => `9197000${String(index).padStart(5, '0')}`);
		mobiles.filter((_, index) => index % 2 === 0).forEach((mobile) => sandbox.openWindow(mobile));
		const { items, error } = await sendText(
			{ ...ORDER_UPDATE_FORM, sendingOptions: { maxRequestsPerSecond: 8 } },
			mobiles.map((mobile) => ({ mobile, name: 'Asha' })),
		);
		expect(error).toBeUndefined();
		expect(items.map((item) => [item.json.sentAs, item.json.mobile, item.pairedItem])).toEqual(
			mobiles.map((mobile, item) => [item % 2 === 0 ? 'reply' : 'template', mobile, { item }]),
		);
		mobiles.forEach((mobile, index) => {
			expect(sentTo(mobile, 'sendreplymessage')).toHaveLength(index % 2 === 0 ? 1 : 0);
			expect(sentTo(mobile, 'sendnotification')).toHaveLength(index % 2 === 0 ? 0 : 1);
		});
		const stats = sandbox.stats();
		expect([stats.requests, stats.rejected, stats.duplicates]).toEqual([16 + 8, 0, 0]);
		expect(stats.maxPerWindow).toBeLessThanOrEqual(8);
	});

	describe('Send Buttons, whose Header Text and Buttons share their names with the template Form', () => {
		const replyButtons = {
			body: 'Rate us',
			buttons: { button: [{ title: 'Good', id: 'good' }] },
			headerText: 'Dear Customer!',
		};

		it('JSON: the reply keeps its own fields, the template gets the JSON', async () => {
			const { components } = orderUpdateBody(CLOSED, 'Vivek').template;
			const { error } = await runReply(context.sandbox, 'sendButtons', {
				mobile: CLOSED,
				...replyButtons,
				ifWindowClosed: 'sendTemplate',
				templateId: byId('sdsdDSDdssd'),
				parametersMode: 'json',
				componentsJson: JSON.stringify(components),
			});
			expect(error).toBeUndefined();
			expect(bodiesTo('/sendreplymessage')).toEqual([
				{
					mobile: CLOSED,
					type: 'button',
					header: { type: 'text', text: 'Dear Customer!' },
					body: 'Rate us',
					buttons: [{ type: 'reply', reply: { id: 'good', title: 'Good' } }],
				},
			]);
			expect(bodiesTo('/sendnotification')).toEqual([{ mobile: CLOSED, templateid: 'sdsdDSDdssd', template: { components } }]);
		});

		it('By ID, Parameters left as it is: JSON is the default there, and a template without variables goes as is', async () => {
			const { error } = await runReply(context.sandbox, 'sendButtons', {
				mobile: CLOSED,
				...replyButtons,
				ifWindowClosed: 'sendTemplate',
				templateId: byId('asdasdDSDsd'),
			});
			expect(error).toBeUndefined();
			expect(bodiesTo('/sendnotification')).toEqual([{ mobile: CLOSED, templateid: 'asdasdDSDsd' }]);
		});

		it('the Form is refused before sending, naming what to choose instead', async () => {
			const { error } = await runReply(context.sandbox, 'sendButtons', {
				mobile: CLOSED,
				...replyButtons,
				...ORDER_UPDATE_FORM,
				bodyVariables: { variable: [{ text: 'Vivek' }, { text: 'Rs. 999' }] },
			});
			expect(error?.message).toBe(
				'Template to send if the service window is closed: Parameters → Form is not available on Send Buttons [item 0]',
			);
			expect(context.sandbox.requests).toEqual([]);
		});
	});
});

describe('the fields of If the Service Window Is Closed', () => {
	const { description } = new Cunnekt();
	const { properties } = description;
	const operations = replyOperations.filter((operation) => operation.windowFallback).map((operation) => operation.value);
	const shownWith = (values: INodeParameters) =>
		properties.filter((property: INodeProperties) => NodeHelpers.displayParameter(values, property, { typeVersion: 1 } as never, description));

	it('is on every Reply operation but Mark as Read (a read receipt goes to nobody) and Send and Wait; the template fields only once Send a Template Instead is chosen', () => {
		expect(replyOperations.filter((operation) => !operation.windowFallback).map((operation) => operation.value)).toEqual([
			'markAsRead',
			'sendAndWait',
		]);
		const markAsRead = shownWith({ resource: 'reply', operation: 'markAsRead' }).map((property) => property.name);
		expect(markAsRead).not.toContain('ifWindowClosed');
		const sendAndWait = shownWith({ resource: 'reply', operation: 'sendAndWait' }).map((property) => property.name);
		expect(sendAndWait).not.toContain('ifWindowClosed');
		for (const operation of operations) {
			const names = (values: INodeParameters) => shownWith({ resource: 'reply', operation, ...values }).map((property) => property.name);
			expect(names({ ifWindowClosed: 'fail' })).toContain('ifWindowClosed');
			expect(names({ ifWindowClosed: 'fail' })).not.toContain('templateId');
			expect(names({ ifWindowClosed: 'sendTemplate', templateId: byId('x') })).toEqual(expect.arrayContaining(['templateId', 'parametersMode']));
		}
	});

	it.each(['form', 'json', 'templateFields'])('no two fields shown together share a name (Parameters: %s)', (parametersMode) => {
		for (const operation of operations) {
			for (const templateId of [byId('x'), fromList('x')]) {
				for (const headerType of ['text', 'document']) {
					const values = { resource: 'reply', operation, ifWindowClosed: 'sendTemplate', templateId, parametersMode, headerType };
					const names = shownWith(values).map((property) => property.name);
					expect([operation, names.filter((name, index) => names.indexOf(name) !== index)]).toEqual([operation, []]);
				}
			}
		}
	});
});
