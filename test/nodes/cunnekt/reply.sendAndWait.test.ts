import { InstanceSettings, validateUrlSignature } from 'n8n-core';
import { Container } from '@n8n/di';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runCunnekt } from '../../helpers/n8n';
import { credentialsFor } from '../../helpers/sandbox';
import { expectRefused, onlyReplySent, SEED_MOBILE, useReplySandbox } from '../../helpers/reply';
import { parseRoute, recipientFingerprint, resumeUrl } from '../../../nodes/shared/resumeRouting';

const context = useReplySandbox();
const EXECUTION_ID = '4711';
const WAITING_BASE = 'http://127.0.0.1/webhook-waiting';

async function runSendAndWait(parameters: INodeParameters, items?: IDataObject[]) {
	return await runCunnekt({
		parameters: { resource: 'reply', operation: 'sendAndWait', mobile: SEED_MOBILE, ...parameters },
		items,
		credentials: credentialsFor(context.sandbox),
		executionId: EXECUTION_ID,
	});
}

/** The URL n8n's waiting-webhook route would get for an id, and whether n8n's own check accepts its signature. */
function signatureHolds(id: string): boolean {
	const route = parseRoute(id);
	if (!route) return false;
	const url = new URL(resumeUrl(WAITING_BASE, route));
	const secret = Container.get(InstanceSettings).hmacSignatureSecret;
	return validateUrlSignature(route.signature, url, secret);
}

/** The values tpl_track_shipment needs (header, body, its URL button at index 0; index 1 is its quick reply). */
const TRACK_SHIPMENT_VALUES = [
	{ type: 'header', parameters: [{ type: 'text', text: 'A-1042' }] },
	{ type: 'body', parameters: [{ type: 'text', text: 'AWB123456' }] },
	{ type: 'button', sub_type: 'url', index: 0, parameters: [{ type: 'text', text: 'AWB123456' }] },
];

/** Send and Wait as tpl_track_shipment, its values as JSON, Approve Only. */
const TRACK_SHIPMENT_REQUEST: INodeParameters = {
	sendAs: 'template',
	templateId: { __rl: true, mode: 'id', value: 'tpl_track_shipment' },
	parametersMode: 'json',
	componentsJson: JSON.stringify(TRACK_SHIPMENT_VALUES),
	responseType: 'approval',
};

/** sw2:<execution>:<node>:<answer>:<nonce>:<recipient fingerprint>:<signature>, bound to the number asked. */
const ID_PATTERN = new RegExp(`^sw2:4711:cunnekt:(a0|a1|c\\d):[a-z0-9]+:${recipientFingerprint(SEED_MOBILE)}:[0-9a-f]{64}$`);

describe('Reply → Send and Wait for Response', () => {
	it('sends Approve / Decline as native reply buttons whose ids route to this execution, and waits', async () => {
		const result = await runSendAndWait({
			message: 'Refund of 250 EUR for order 1042?',
			responseType: 'approval',
			approvalOptions: { values: { approvalType: 'double', approveLabel: 'Approve', disapproveLabel: 'Decline' } },
			options: { limitWaitTime: { values: { limitType: 'afterTimeInterval', resumeAmount: 2, resumeUnit: 'hours' } } },
		});
		expect(result.error).toBeUndefined();
		const body = onlyReplySent(context.sandbox) as IDataObject & { buttons: Array<{ reply: { id: string } }> };
		const ids = body.buttons.map((button) => button.reply.id);
		expect(body).toEqual({
			mobile: SEED_MOBILE,
			type: 'button',
			body: 'Refund of 250 EUR for order 1042?',
			buttons: [
				{ type: 'reply', reply: { id: ids[0], title: 'Approve' } },
				{ type: 'reply', reply: { id: ids[1], title: 'Decline' } },
			],
		});
		expect(ids[0]).toMatch(ID_PATTERN);
		expect(ids[0].split(':')[3]).toBe('a1');
		expect(ids[1].split(':')[3]).toBe('a0');
		for (const id of ids) {
			expect(id.length).toBeLessThanOrEqual(256);
			expect(signatureHolds(id)).toBe(true);
			// One character changed anywhere (the answer, the execution) and n8n's check fails.
			const flipped = id.includes(':a1:') ? id.replace(':a1:', ':a0:') : id.replace(':a0:', ':a1:');
			expect(signatureHolds(flipped)).toBe(false);
			expect(signatureHolds(id.replace('sw2:4711:', 'sw2:4712:'))).toBe(false);
			// The recipient is signed too: another person's fingerprint, or none (an sw1 id), fails n8n's check.
			const fingerprint = recipientFingerprint(SEED_MOBILE);
			expect(signatureHolds(id.replace(`:${fingerprint}:`, `:${recipientFingerprint('918888888888')}:`))).toBe(false);
			expect(signatureHolds(id.replace('sw2:', 'sw1:').replace(`:${fingerprint}:`, ':'))).toBe(false);
		}
		const waitTill = result.run.waitTill as Date;
		expect(waitTill).toBeInstanceOf(Date);
		const hours = (waitTill.getTime() - Date.now()) / 3_600_000;
		expect(hours).toBeGreaterThan(1.9);
		expect(hours).toBeLessThanOrEqual(2);
		const wamid = context.sandbox.state.sent[0].id;
		expect(result.items[0].json).toMatchObject({ messageId: wamid, mobile: SEED_MOBILE, waitingUntil: waitTill.toISOString() });
	});

	it('without a limit waits until the tap (n8n\'s "wait indefinitely")', async () => {
		const result = await runSendAndWait({ message: 'Approve?', responseType: 'approval' });
		expect(result.error).toBeUndefined();
		expect((result.run.waitTill as Date).toISOString()).toBe('3000-01-01T00:00:00.000Z');
		const body = onlyReplySent(context.sandbox) as { buttons: unknown[] };
		expect(body.buttons).toHaveLength(1);
	});

	it('sends a choice as list rows, each id routing to its option', async () => {
		const result = await runSendAndWait({
			message: 'Which slot suits you?',
			responseType: 'choice',
			choiceStyle: 'list',
			listButtonLabel: 'Slots',
			choices: {
				choice: [
					{ label: 'Mon 10:00', value: 'mon10' },
					{ label: 'Tue 14:00', value: 'tue14' },
					{ label: 'Wed 09:30', value: '' },
					{ label: 'Thu 16:00', value: 'thu16' },
				],
			},
		});
		expect(result.error).toBeUndefined();
		const body = onlyReplySent(context.sandbox) as IDataObject & { list: Array<{ id: string; title: string }> };
		expect(body).toEqual({
			mobile: SEED_MOBILE,
			type: 'list',
			body: 'Which slot suits you?',
			list_title: 'Slots',
			list: body.list.map((row) => ({ id: row.id, title: row.title })),
		});
		expect(body.list.map((row) => row.title)).toEqual(['Mon 10:00', 'Tue 14:00', 'Wed 09:30', 'Thu 16:00']);
		expect(body.list.map((row) => row.id.split(':')[3])).toEqual(['c0', 'c1', 'c2', 'c3']);
		for (const row of body.list) {
			expect(row.id.length).toBeLessThanOrEqual(200);
			expect(signatureHolds(row.id)).toBe(true);
		}
	});

	it('outside the window sends an approved template whose quick-reply payloads carry the routing', async () => {
		const result = await runSendAndWait(TRACK_SHIPMENT_REQUEST);
		expect(result.error).toBeUndefined();
		const sends = context.sandbox.requests.filter((request) => request.method === 'POST');
		expect(sends.map((request) => request.path)).toEqual(['/sendnotification']);
		const body = sends[0].body as { template: { components: Array<IDataObject & { parameters: Array<{ payload: string }> }> } };
		const payload = body.template.components[3].parameters[0].payload;
		expect(body).toEqual({
			mobile: SEED_MOBILE,
			templateid: 'tpl_track_shipment',
			template: {
				components: [
					...TRACK_SHIPMENT_VALUES,
					{ type: 'button', sub_type: 'quick_reply', index: 1, parameters: [{ type: 'payload', payload }] },
				],
			},
		});
		expect(payload.split(':')[3]).toBe('a1');
		expect(signatureHolds(payload)).toBe(true);
		expect(result.run.waitTill).toBeInstanceOf(Date);
	});

	it('refuses a template with fewer quick-reply buttons than answers', async () => {
		const result = await runSendAndWait({ ...TRACK_SHIPMENT_REQUEST, approvalOptions: { values: { approvalType: 'double' } } });
		expect(result.error?.message).toBe('Template "track_shipment" has 1 quick-reply button(s); this request needs 2 [item 0]');
		expect(context.sandbox.requests.filter((request) => request.method === 'POST')).toEqual([]);
		expect(result.run.waitTill).toBeUndefined();
	});

	describe('refuses before sending', () => {
		const refusals: Array<[string, INodeParameters, string]> = [
			['an empty message', { message: '={{ "" }}' }, 'Message is empty; it is required'],
			[
				'an approve label over 20 characters',
				{ message: 'Ok?', approvalOptions: { values: { approveLabel: 'Approve this refund now' } } },
				'Approve button label is 23 characters; WhatsApp allows at most 20',
			],
			[
				'the same label twice',
				{
					message: 'Ok?',
					approvalOptions: { values: { approvalType: 'double', approveLabel: 'Yes', disapproveLabel: 'Yes' } },
				},
				'Option labels must be unique; "Yes" appears more than once',
			],
			[
				'four options as buttons',
				{
					message: 'Pick',
					responseType: 'choice',
					choiceStyle: 'buttons',
					choices: { choice: ['a', 'b', 'c', 'd'].map((label) => ({ label, value: label })) },
				},
				'Options to choose from: 4 given; WhatsApp allows 2 to 3',
			],
			[
				'eleven list rows',
				{
					message: 'Pick',
					responseType: 'choice',
					choiceStyle: 'list',
					choices: { choice: Array.from({ length: 11 }, (_, index) => ({ label: `Slot ${index}`, value: `${index}` })) },
				},
				'Options to choose from: 11 given; WhatsApp allows 2 to 10',
			],
			[
				'a list row label over 24 characters',
				{
					message: 'Pick',
					responseType: 'choice',
					choiceStyle: 'list',
					choices: { choice: [{ label: 'x'.repeat(25), value: 'a' }, { label: 'b', value: 'b' }] },
				},
				'Option 1 label is 25 characters; WhatsApp allows at most 24',
			],
			[
				'duplicate option values',
				{
					message: 'Pick',
					responseType: 'choice',
					choices: { choice: [{ label: 'A', value: 'same' }, { label: 'B', value: 'same' }] },
				},
				'Option values must be unique; "same" appears more than once',
			],
			[
				'a wait limit in the past',
				{
					message: 'Ok?',
					options: {
						limitWaitTime: { values: { limitType: 'atSpecifiedTime', maxDateAndTime: '2020-01-01T00:00:00.000Z' } },
					},
				},
				'Limit wait time "Max Date and Time" is 2020-01-01T00:00:00.000Z, which is in the past',
			],
		];
		it.each(refusals)('%s', async (_name, parameters, message) => {
			const result = await runSendAndWait(parameters);
			expectRefused(context.sandbox, result, `${message} [item 0]`);
			expect(result.run.waitTill).toBeUndefined();
		});
	});

	it('sends one request for several items, with the first item\'s parameters', async () => {
		const result = await runSendAndWait({ message: '={{ $json.text }}' }, [{ text: 'first' }, { text: 'second' }]);
		expect(result.error).toBeUndefined();
		expect((onlyReplySent(context.sandbox) as IDataObject).body).toBe('first');
		expect(result.items.map((item) => item.pairedItem)).toEqual([[{ item: 0 }, { item: 1 }]]);
	});
});
