/**
 * Settings → On Error, in n8n's real engine: under Stop Workflow, Continue, and Continue (using error output), every
 * operation's failed item goes where n8n puts failed items, with its pairedItem, in order, one output item per input
 * item (an operation that makes one request of all items fails as it succeeds: one item, paired with every input).
 * n8n 2.41 moves an item to the error output only when its JSON holds nothing but error, message and details
 * (handleNodeErrorOutput in n8n-core), so there the fields are under `details`, beside the input item's own fields.
 */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { resources } from '../../../nodes/Cunnekt/actions';
import { DISPOSITIONS } from '../../../nodes/shared/whatsappErrors';
import { codeFields, REFUSED_FIELDS } from '../../helpers/errors';
import { runCunnekt } from '../../helpers/n8n';
import type { RunOptions, RunResult } from '../../helpers/n8n';
import { REPLY_TEST_KEY, SEED_MOBILE, useReplySandbox } from '../../helpers/reply';
import { credentialsFor } from '../../helpers/sandbox';

const { whatsappError } = require('../../../sandbox/errors') as {
	whatsappError: (status: number, code: number, title: string, details: string) => { status: number; body: IDataObject };
};
const { REPLY_BODIES } = require('../../fixtures/replyBodies') as { REPLY_BODIES: Array<{ operation: string; parameters: INodeParameters }> };

const context = useReplySandbox();

type Mode = 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const INPUTS = [{ row: 0 }, { row: 1 }, { row: 2 }];

/** Fields that let each operation reach its request (or its refusal before sending). */
const PARAMETERS: Record<string, INodeParameters> = {
	'templateMessage.send': { mobile: SEED_MOBILE, templateId: byId('asdasdDSDsd') },
	'media.download': { messageId: 'wamid.any' },
	'template.getMany': { returnAll: true },
	'template.get': { templateId: byId('tpl_spring_sale') },
	'template.create': {
		name: 'delivery_update',
		category: 'UTILITY',
		language: 'en',
		bodyText: 'Hi {{1}}, your order is out for delivery.',
		bodyExamples: { example: [{ text: 'Vivek' }] },
	},
	'template.sync': {},
	'template.delete': { templateId: byId('tpl_spring_sale') },
	'campaign.create': { campaignName: 'Diwali', templateId: byId('asdasdDSDsd'), recipientsMode: 'allItems', mobile: SEED_MOBILE },
	'campaign.launch': { campaignId: byId('cmp_any') },
	'campaign.getMany': { returnAll: true },
	'reply.sendAndWait': { mobile: SEED_MOBILE, message: 'Refund of 250 EUR?', responseType: 'approval' },
	...Object.fromEntries(REPLY_BODIES.map((row) => [`reply.${row.operation}`, { mobile: SEED_MOBILE, ...row.parameters }])),
};

const operations = Object.entries(resources).flatMap(([resource, module]) =>
	Object.values(module.operations).map((operation) => ({
		name: `${resource}.${operation.value}`,
		resource,
		operation: operation.value,
		allItems: operation.executeAllItems !== undefined,
	})),
);

const run = (options: Omit<RunOptions, 'credentials'>, onError: Mode): Promise<RunResult> =>
	runCunnekt({ ...options, credentials: credentialsFor(context.sandbox), executionId: '4711', onError });

/** Every request Cunnekt gets is refused with WhatsApp's 131009. */
function refuseEverything() {
	const refusal = whatsappError(400, 131009, 'Parameter value is not valid', 'The value is not valid');
	context.sandbox.faults.set({ path: '*', fault: 'errorBody', status: refusal.status, body: refusal.body });
}

const withoutError = (json: IDataObject) => Object.fromEntries(Object.entries(json).filter(([key]) => key !== 'error'));

it('every operation has fields here', () => {
	expect(operations.filter(({ name }) => !(name in PARAMETERS)).map(({ name }) => name)).toEqual([]);
});

describe.each(operations)('$name, every item failing', ({ name, resource, operation, allItems }) => {
	const options = { parameters: { resource, operation, ...PARAMETERS[name] }, items: INPUTS };
	const pairedItems = allItems ? [INPUTS.map((_, item) => ({ item }))] : INPUTS.map((_, item) => ({ item }));

	it('Stop Workflow: the run stops with the error; no item', async () => {
		refuseEverything();
		const result = await run(options, 'stopWorkflow');
		expect([result.items, result.errorItems]).toEqual([[], []]);
		expect(['NodeApiError', 'NodeOperationError']).toContain(result.error?.name);
		expect(JSON.stringify(result.run)).not.toContain(REPLY_TEST_KEY);
	});

	it('Continue and Continue (using error output): one failed item per input, in order, the same fields', async () => {
		refuseEverything();
		const stopped = (await run(options, 'stopWorkflow')).error;
		refuseEverything();
		const regular = await run(options, 'continueRegularOutput');
		expect(regular.error).toBeUndefined();
		expect(regular.items.map((item) => item.pairedItem)).toEqual(pairedItems);
		expect(regular.items[0].json.error).toBe(stopped?.message);
		for (const item of regular.items) {
			expect(DISPOSITIONS).toContain(item.json.disposition);
			expect(Object.keys(item.json)).toEqual(expect.arrayContaining(['error', 'errorCode', 'errorTitle', 'explanation', 'disposition']));
		}
		refuseEverything();
		const errorOutput = await run(options, 'continueErrorOutput');
		expect([errorOutput.error, errorOutput.items]).toEqual([undefined, []]);
		// n8n adds the input item's fields (of the first paired item) to what the node gave
		expect(errorOutput.errorItems).toEqual(
			regular.items.map((item, index) => ({
				json: { ...INPUTS[allItems ? 0 : index], error: item.json.error, details: withoutError(item.json) },
				pairedItem: item.pairedItem,
			})),
		);
		expect(JSON.stringify([regular.run, errorOutput.run])).not.toContain(REPLY_TEST_KEY);
	});
});

/** Reply → Send Text to three customers, the second one's window closed. */
const sendTexts = (onError: Mode, parameters: INodeParameters = {}) =>
	run(
		{
			parameters: { resource: 'reply', operation: 'sendText', mobile: '={{ $json.mobile }}', text: 'Your order has shipped', ...parameters },
			items: [{ mobile: SEED_MOBILE }, { mobile: CLOSED }, { mobile: OPEN }],
		},
		onError,
	);
const CLOSED = '447700900123';
const OPEN = '919888888888';

const sentItem = (mobile: string, item: number, extra: IDataObject = {}): INodeExecutionData => {
	const sent = context.sandbox.state.sent.find((message) => message.mobile === mobile);
	return {
		json: {
			...extra,
			messageId: sent?.id,
			mobile,
			messaging_product: 'whatsapp',
			contacts: [{ input: mobile, wa_id: mobile }],
			messages: [{ id: sent?.id }],
		},
		pairedItem: { item },
	};
};

const WINDOW_CLOSED_DETAILS = 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.';
const sandboxHint = (mobile: string) =>
	` (Sandbox: a message from ${mobile} opens its window, or open it now: curl -X POST ${context.sandbox.url}/__sandbox/windows -H 'content-type: application/json' -d '{"mobile":"${mobile}"}')`;
const WINDOW_CLOSED =
	'The 24-hour service window is closed: the customer has not written in the last 24 hours. Send a template message instead.';

describe('Reply → Send Text, one closed window among three: the failed item where n8n puts failed items', () => {
	beforeEach(() => context.sandbox.openWindow(OPEN));
	const failure = () => ({
		error: 'Re-engagement message (131047)',
		description: `${WINDOW_CLOSED} ${WINDOW_CLOSED_DETAILS}${sandboxHint(CLOSED)}`,
		httpCode: '400',
		errorCode: 131047,
		errorTitle: 'Re-engagement message',
		explanation: WINDOW_CLOSED,
		disposition: 'sendTemplate',
		retryAfterSeconds: null,
		retryNotBefore: null,
	});

	it('Stop Workflow: the run stops at the closed window, naming the code', async () => {
		const result = await sendTexts('stopWorkflow');
		expect([result.items, result.error?.message, result.error?.description]).toEqual([[], failure().error, failure().description]);
	});

	it('Continue: three items in input order, the failed one in its place', async () => {
		const result = await sendTexts('continueRegularOutput');
		expect(result.items).toEqual([sentItem(SEED_MOBILE, 0), { json: failure(), pairedItem: { item: 1 } }, sentItem(OPEN, 2)]);
	});

	it('Continue (using error output): two on Success, the failed one on Error with its input and the fields under details', async () => {
		const result = await sendTexts('continueErrorOutput');
		expect(result.items).toEqual([sentItem(SEED_MOBILE, 0), sentItem(OPEN, 2)]);
		const { error, ...details } = failure();
		expect(result.errorItems).toEqual([{ json: { mobile: CLOSED, error, details }, pairedItem: { item: 1 } }]);
	});
});

describe('Reply → If the Service Window Is Closed → Send a Template Instead, the template refused too (issue 23, point 11)', () => {
	beforeEach(() => context.sandbox.openWindow(OPEN));
	const parameters = { ifWindowClosed: 'sendTemplate', templateId: byId('no_such_template') };
	const failure = () => ({
		error:
			'The reply was refused (Re-engagement message (131047)) and the template sent instead failed too: Template name does not exist in the translation (132001)',
		description:
			"No approved template has this name in this language. Check the template's name and language, and that WhatsApp has approved it. No template with id no_such_template" +
			` The reply: ${WINDOW_CLOSED} ${WINDOW_CLOSED_DETAILS}${sandboxHint(CLOSED)}`,
		httpCode: '404',
		...codeFields(132001, 'Template name does not exist in the translation'),
	});

	it('Stop Workflow: the run stops with both failures', async () => {
		const result = await sendTexts('stopWorkflow', parameters);
		expect([result.items, result.error?.message]).toEqual([[], failure().error]);
	});

	it('Continue: three items, the failed one in its place', async () => {
		const result = await sendTexts('continueRegularOutput', parameters);
		expect(result.items).toEqual([
			sentItem(SEED_MOBILE, 0, { sentAs: 'reply' }),
			{ json: failure(), pairedItem: { item: 1 } },
			sentItem(OPEN, 2, { sentAs: 'reply' }),
		]);
	});

	it('Continue (using error output): 2 items on Success, 1 on Error', async () => {
		const result = await sendTexts('continueErrorOutput', parameters);
		expect(result.items).toEqual([sentItem(SEED_MOBILE, 0, { sentAs: 'reply' }), sentItem(OPEN, 2, { sentAs: 'reply' })]);
		const { error, ...details } = failure();
		expect(result.errorItems).toEqual([{ json: { mobile: CLOSED, error, details }, pairedItem: { item: 1 } }]);
		expect(context.sandbox.requestsTo('/sendnotification')).toHaveLength(1);
	});
});

describe('a value refused before sending, under Continue (using error output)', () => {
	beforeEach(() => context.sandbox.openWindow(OPEN));
	it('the refused item on Error, with disposition fixInput; the others sent', async () => {
		const result = await sendTexts('continueErrorOutput', { text: '={{ $json.mobile === "447700900123" ? "" : "Shipped" }}' });
		expect(result.errorItems).toEqual([
			{
				json: { mobile: CLOSED, error: 'Text is empty; it is required [item 1]', details: { ...REFUSED_FIELDS } },
				pairedItem: { item: 1 },
			},
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 2 }]);
		expect(context.sandbox.requestsTo('/sendreplymessage')).toHaveLength(2);
	});
});
