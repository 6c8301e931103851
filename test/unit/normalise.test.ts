import type { StatusEvent, TriggerEvent } from '../../nodes/CunnektTrigger/events';
import { normalisePayload, UNKNOWN_SHAPE } from '../../nodes/CunnektTrigger/normalise';
import { webhooks } from '../helpers/sender';
import { CLOSED_WINDOW_ERROR, CLOSED_WINDOW_FAILURE } from '../helpers/trigger';

const { SEED_WEBHOOKS, inboundMessage, batchValue, envelope } = webhooks;

const BUSINESS = { businessPhoneNumberId: '123456789', businessDisplayNumber: '919873617805' };

function eventsOf(payload: unknown): TriggerEvent[] {
	const result = normalisePayload(payload);
	if (!result.ok) throw new Error(`refused: ${result.reason}`);
	return result.events;
}

const seed = (name: keyof typeof SEED_WEBHOOKS) => JSON.parse(SEED_WEBHOOKS[name]) as Record<string, unknown>;
const firstMessage = (value: Record<string, unknown>) => (value.messages as Array<Record<string, unknown>>)[0];
const firstStatus = (value: Record<string, unknown>) => (value.statuses as Array<Record<string, unknown>>)[0];

describe('normalisePayload: Cunnekt\'s samples (sandbox/webhook-samples.js), item for item', () => {
	it('incoming text', () => {
		const value = seed('text');
		expect(eventsOf(value)).toStrictEqual([
			{
				event: 'message',
				messageId: 'wamid.HBgMOTE3ODM4MjYyMjgxFQIAEhgWM0VCMEQyRTI1RUMxQzJEN0Y0RTY0MwA=',
				from: '919999999999',
				contactName: 'VIVEK KUMAR',
				waId: '919999999999',
				userId: null,
				parentUserId: null,
				username: null,
				replyTo: '919999999999',
				timestamp: '2023-08-09T12:25:48.000Z',
				timestampUnix: 1691583948,
				...BUSINESS,
				type: 'text',
				text: 'hello',
				serviceWindowExpiresAt: '2023-08-10T12:25:48.000Z',
				raw: firstMessage(value),
			},
		]);
	});

	it('button click reply, answering an earlier message', () => {
		const value = seed('buttonReply');
		expect(eventsOf(value)).toStrictEqual([
			{
				event: 'message',
				messageId: 'wamid.HBgMOTE3MDQyNzE0MzI2FQIAEhggOTg5NzEyNTdCNDM0MThGQzgzNkYzMDA5NDY4MUFBQ0YA',
				from: '919999999999',
				contactName: 'Vivek Kumar',
				waId: '919999999999',
				userId: null,
				parentUserId: null,
				username: null,
				replyTo: '919999999999',
				timestamp: '2024-01-09T12:35:11.000Z',
				timestampUnix: 1704803711,
				...BUSINESS,
				type: 'interactive',
				interactiveType: 'button_reply',
				reply: { type: 'button', id: '1', title: 'WhatsApp Onboarding', description: null, payload: null },
				context: { messageId: 'wamid.HBgMOTE3MDQyNzE0MzI2FQIAERgSQkRBNUE0QUYyNzE1NDVENzRBAA==', from: '919999999999' },
				serviceWindowExpiresAt: '2024-01-10T12:35:11.000Z',
				raw: firstMessage(value),
			},
		]);
	});

	it('list click reply', () => {
		const value = seed('listReply');
		expect(eventsOf(value)).toStrictEqual([
			{
				event: 'message',
				messageId: 'wamid.HBgMOTE3MDQyNzE0MzI2FQIAEhggMUZGRTU2QzY4MzE2RTQ1M0M4OTA3MjAyNzA5Q0FFN0MA',
				from: '919999999999',
				contactName: 'Vivek Kumar',
				waId: '919999999999',
				userId: null,
				parentUserId: null,
				username: null,
				replyTo: '919999999999',
				timestamp: '2024-01-09T12:35:17.000Z',
				timestampUnix: 1704803717,
				...BUSINESS,
				type: 'interactive',
				interactiveType: 'list_reply',
				reply: { type: 'list', id: 'button2_4', title: 'button2', description: null, payload: null },
				context: { messageId: 'wamid.HBgMOTE3MDQyNzE0MzI2FQIAERgSOTlFQTQ2REJCNDc4QTVERTM5AA==', from: '919999999999' },
				serviceWindowExpiresAt: '2024-01-10T12:35:17.000Z',
				raw: firstMessage(value),
			},
		]);
	});

	it('PDF document', () => {
		const value = seed('document');
		expect(eventsOf(value)).toStrictEqual([
			{
				event: 'message',
				messageId: 'wamid.HBgMOTE3ODM4MjYyMjgxFQIAEhgWM0VCMEIxNkNBMUM4NTk2QzJBMjk0MgA=',
				from: '919999999999',
				contactName: 'VIVEK KUMAR',
				waId: '919999999999',
				userId: null,
				parentUserId: null,
				username: null,
				replyTo: '919999999999',
				timestamp: '2023-08-09T12:25:44.000Z',
				timestampUnix: 1691583944,
				...BUSINESS,
				type: 'document',
				media: {
					id: '1288177442071795',
					mimeType: 'application/pdf',
					sha256: 'a8BfUjKncpRaN1ETZ7qYMWq+vfjL5UXsKJ7M4JS1Y5g=',
					fileName: 'Cunnekt - Product Pitch (3) (1).pdf',
				},
				serviceWindowExpiresAt: '2023-08-10T12:25:44.000Z',
				raw: firstMessage(value),
			},
		]);
	});

	it('image', () => {
		const value = seed('image');
		expect(eventsOf(value)).toStrictEqual([
			{
				event: 'message',
				messageId: 'wamid.HBgMOTE3ODM4MjYyMjgxFQIAEhgWM0VCMEJCMDUxOTQ2N0RGMTkwQ0M2RgA=',
				from: '919999999999',
				contactName: 'VIVEK KUMAR',
				waId: '919999999999',
				userId: null,
				parentUserId: null,
				username: null,
				replyTo: '919999999999',
				timestamp: '2023-08-09T12:24:11.000Z',
				timestampUnix: 1691583851,
				...BUSINESS,
				type: 'image',
				media: {
					id: '6458224610913792',
					mimeType: 'image/jpeg',
					sha256: 'M/Hwg7p2OkyasSJJKZDX3i3cLAV1aeD4D5PbvyfBbhc=',
					fileName: null,
				},
				serviceWindowExpiresAt: '2023-08-10T12:24:11.000Z',
				raw: firstMessage(value),
			},
		]);
	});

	it('sent status, with its conversation and pricing', () => {
		const value = seed('sent');
		expect(eventsOf(value)).toStrictEqual([
			{
				event: 'status',
				status: 'sent',
				messageId: 'wamid.HBgMSDOTE3MDQyNzE0MzI2FQIAERgSRjRDQkM1NDU3QzI2QTRFQkZFAA==',
				recipient: '919999999999',
				recipientUserId: null,
				recipientParentUserId: null,
				replyTo: '919999999999',
				timestamp: '2024-03-14T05:01:56.000Z',
				timestampUnix: 1710392516,
				...BUSINESS,
				conversation: { id: '7a553a2122248af1a88c9fdbeceeb17c', category: 'utility', expiresAt: '2024-03-15T05:02:00.000Z' },
				pricing: { billable: true, pricingModel: 'CBP', category: 'utility', type: null },
				raw: firstStatus(value),
			},
		]);
	});

	it('delivered status: a conversation without expiry', () => {
		const value = seed('delivered');
		expect(eventsOf(value)).toStrictEqual([
			{
				event: 'status',
				status: 'delivered',
				messageId: 'wamid.HBgMOTE3MDQyNzE0MzI2FQsdQkM1NDU3QzI2QTRFQkZFAA==',
				recipient: '919999999999',
				recipientUserId: null,
				recipientParentUserId: null,
				replyTo: '919999999999',
				timestamp: '2024-03-14T05:01:59.000Z',
				timestampUnix: 1710392519,
				...BUSINESS,
				conversation: { id: '7a553a2122248af1a88c9fdbeceeb17c', category: 'utility', expiresAt: null },
				pricing: { billable: true, pricingModel: 'CBP', category: 'utility', type: null },
				raw: firstStatus(value),
			},
		]);
	});

	it('read status: no conversation, no pricing', () => {
		const value = seed('read');
		expect(eventsOf(value)).toStrictEqual([
			{
				event: 'status',
				status: 'read',
				messageId: 'wamid.HBgMOTE3sdMDQyNzE0MzI2FQIAERgSRjRDQkM1NDU3QzI2QTRFQkZFAA==',
				recipient: '919999999999',
				recipientUserId: null,
				recipientParentUserId: null,
				replyTo: '919999999999',
				timestamp: '2024-03-14T05:06:48.000Z',
				timestampUnix: 1710392808,
				...BUSINESS,
				conversation: null,
				pricing: null,
				raw: firstStatus(value),
			},
		]);
	});
});

describe('normalisePayload: the other message types', () => {
	const AT = Date.UTC(2025, 0, 15, 10, 0, 0);
	const one = (type: string, options: Parameters<typeof inboundMessage>[1] = {}) => {
		const built = inboundMessage(type, { id: `wamid.${type}`, at: AT, ...options });
		const [event] = eventsOf(built.value);
		return { event, raw: built.message };
	};
	const common = (type: string, raw: Record<string, unknown>) => ({
		event: 'message',
		messageId: raw.id,
		from: '919999999999' as string | null,
		contactName: 'Vivek Kumar',
		waId: '919999999999' as string | null,
		userId: null as string | null,
		parentUserId: null as string | null,
		username: null as string | null,
		replyTo: '919999999999',
		timestamp: '2025-01-15T10:00:00.000Z',
		timestampUnix: AT / 1000,
		...BUSINESS,
		type,
	});
	const WINDOW = { serviceWindowExpiresAt: '2025-01-16T10:00:00.000Z' };

	it('a template quick-reply button (type "button")', () => {
		const { event, raw } = one('button', { payload: 'STOP_PROMOTIONS', title: 'Stop promotions' });
		expect(event).toStrictEqual({
			...common('button', raw),
			reply: { type: 'quick_reply', id: null, title: 'Stop promotions', description: null, payload: 'STOP_PROMOTIONS' },
			...WINDOW,
			raw,
		});
	});

	it('a list reply with a row description', () => {
		const { event } = one('list_reply', { replyId: 'r3', title: 'Tuesday', description: '10:00 to 12:00' });
		expect(event).toMatchObject({ reply: { type: 'list', id: 'r3', title: 'Tuesday', description: '10:00 to 12:00', payload: null } });
	});

	it('a WhatsApp Flow form answer (nfm_reply): response_json parsed to an object', () => {
		const { event, raw } = one('nfm_reply', { form: { flow_token: 't-1', name: 'Asha Rao', guests: 3, newsletter: true } });
		expect(event).toStrictEqual({
			...common('interactive', raw),
			interactiveType: 'nfm_reply',
			form: { flow_token: 't-1', name: 'Asha Rao', guests: 3, newsletter: true },
			...WINDOW,
			raw,
		});
	});

	it('an interactive message that does not say what it answers: interactiveType null, no reply', () => {
		const value = inboundMessage('button_reply', { at: AT });
		delete (value.message.interactive as Record<string, unknown>).type;
		const [event] = eventsOf(value.value);
		expect(event).toStrictEqual({ ...common('interactive', value.message), interactiveType: null, ...WINDOW, raw: value.message });
	});

	it('a form answer whose response_json is not JSON: form is null, the text stays under raw', () => {
		const value = inboundMessage('nfm_reply', { at: AT });
		((value.message.interactive as Record<string, Record<string, unknown>>).nfm_reply).response_json = '{broken';
		const [event] = eventsOf(value.value);
		expect(event).toMatchObject({ form: null, raw: { interactive: { nfm_reply: { response_json: '{broken' } } } });
	});

	it.each([
		['image', 'image/jpeg', null, 'Our shop front'],
		['video', 'video/mp4', null, 'Unboxing'],
		['audio', 'audio/ogg', null, undefined],
		['document', 'application/pdf', 'Invoice INV-77.pdf', 'My invoice'],
		['sticker', 'image/webp', null, undefined],
	])('%s: media {id, mimeType, sha256, fileName} and the caption', (type, mimeType, fileName, caption) => {
		const { event, raw } = one(type, { mediaId: '777' });
		const content = raw[type] as Record<string, unknown>;
		expect(event).toStrictEqual({
			...common(type, raw),
			...(caption === undefined ? {} : { caption }),
			media: { id: '777', mimeType, sha256: content.sha256, fileName },
			...WINDOW,
			raw,
		});
	});

	it('location', () => {
		const { event, raw } = one('location');
		expect(event).toStrictEqual({
			...common('location', raw),
			location: { latitude: 28.6129, longitude: 77.2295, name: 'India Gate', address: 'Kartavya Path, New Delhi', url: null },
			...WINDOW,
			raw,
		});
	});

	it('contacts: the shared contact cards as sent', () => {
		const { event, raw } = one('contacts');
		expect(event).toStrictEqual({ ...common('contacts', raw), contacts: raw.contacts, ...WINDOW, raw });
		expect((event as { contacts: Array<{ name: { formatted_name: string } }> }).contacts[0].name.formatted_name).toBe('Asha Rao');
	});

	it('reaction', () => {
		const { event, raw } = one('reaction', { reactTo: 'wamid.mine', emoji: '❤️' });
		expect(event).toStrictEqual({ ...common('reaction', raw), reaction: { messageId: 'wamid.mine', emoji: '❤️' }, ...WINDOW, raw });
	});

	it('a text answering an earlier message: context {messageId, from}', () => {
		const { event } = one('text', { text: 'Yes please', context: { id: 'wamid.question', from: '919873617805' } });
		expect(event).toMatchObject({ text: 'Yes please', context: { messageId: 'wamid.question', from: '919873617805' } });
	});

	it('an unknown type is kept: type as received, content under raw', () => {
		const { event, raw } = one('order', { content: { catalog_id: 'c1', product_items: [{ product_retailer_id: 'p1', quantity: 2 }] } });
		expect(event).toStrictEqual({ ...common('order', raw), ...WINDOW, raw });
		expect(event.raw).toMatchObject({ order: { catalog_id: 'c1' } });
	});

	it('"unsupported" keeps WhatsApp\'s errors on the item', () => {
		const { event } = one('unsupported');
		expect(event).toMatchObject({
			type: 'unsupported',
			errors: [
				{
					code: 131051,
					title: 'Message type unknown',
					message: 'Message type unknown',
					details: 'Message type is currently not supported.',
					explanation:
						"The message is of a type WhatsApp's Cloud API does not support: one to a customer cannot go, one from a customer arrives without its content. Send one of the supported types (or ask the customer to).",
					disposition: 'fixInput',
				},
			],
		});
	});

	it("a customer's BSUID, parent BSUID and username beside their number: typed fields; replyTo is the number", () => {
		const { event, raw } = one('text', { userId: 'IN.13491208655302741918', parentUserId: 'IN.ENT.11815799212886844830', username: 'vivek.kumar' });
		expect(raw).toMatchObject({ from: '919999999999', from_user_id: 'IN.13491208655302741918', from_parent_user_id: 'IN.ENT.11815799212886844830' });
		expect(event).toStrictEqual({
			...common('text', raw),
			userId: 'IN.13491208655302741918',
			parentUserId: 'IN.ENT.11815799212886844830',
			username: 'vivek.kumar',
			text: 'hello',
			...WINDOW,
			raw,
		});
	});

	it('a customer with a username and no phone number (no from, no wa_id): found by BSUID; replyTo is the BSUID', () => {
		const { event, raw } = one('text', { withoutPhone: true });
		expect(raw).not.toHaveProperty('from');
		expect(event).toStrictEqual({
			...common('text', raw),
			from: null,
			waId: null,
			userId: 'IN.13491208655302741918',
			username: 'vivek.kumar',
			replyTo: 'IN.13491208655302741918',
			text: 'hello',
			...WINDOW,
			raw,
		});
	});

	it('several customers without phone numbers in one payload: each message gets the contact of its own BSUID', () => {
		const value = batchValue([
			inboundMessage('text', { id: 'wamid.b1', withoutPhone: true, userId: 'IN.1111', username: 'asha', name: 'Asha' }).value,
			inboundMessage('text', { id: 'wamid.b2', withoutPhone: true, userId: 'IN.2222', username: 'ravi', name: 'Ravi' }).value,
			inboundMessage('text', { id: 'wamid.b3', from: '918888888888', name: 'Meera' }).value,
		]);
		const events = eventsOf(value);
		expect(events.map((event) => (event.event === 'message' ? [event.contactName, event.username, event.replyTo] : null))).toEqual([
			['Asha', 'asha', 'IN.1111'],
			['Ravi', 'ravi', 'IN.2222'],
			['Meera', null, '918888888888'],
		]);
	});

	it("a BSUID in the contact only (no from_user_id on the message) is still the customer's", () => {
		const built = inboundMessage('text', { at: AT, withoutPhone: true });
		delete (built.message as Record<string, unknown>).from_user_id;
		const [event] = eventsOf(built.value);
		expect(event).toMatchObject({ from: null, userId: 'IN.13491208655302741918', replyTo: 'IN.13491208655302741918' });
	});

	it('without a contact profile the name is null, and an id-less message still yields its item', () => {
		const [event] = eventsOf({ messaging_product: 'whatsapp', metadata: {}, messages: [{ type: 'text', text: { body: 'hi' } }] });
		expect(event).toMatchObject({
			event: 'message',
			messageId: null,
			from: null,
			contactName: null,
			waId: null,
			timestamp: null,
			businessPhoneNumberId: null,
			text: 'hi',
			serviceWindowExpiresAt: null,
		});
	});
});

/** A failed status of 2025-01-15 10:00 UTC to a UK number, with these errors. */
const failedStatus = (id: string, errors: unknown[]) => ({ id, status: 'failed', timestamp: '1736935200', recipient_id: '447700900123', errors });

/** The first error's fields at the top of a status's item (docs/errors.md). */
function topFields(event: TriggerEvent) {
	const { errorCode, errorTitle, explanation, disposition, retryAfterSeconds, retryNotBefore } = event as StatusEvent;
	return { errorCode, errorTitle, explanation, disposition, retryAfterSeconds, retryNotBefore };
}

describe('normalisePayload: statuses, errors, batches and the envelope', () => {
	/** A failed status without its recipient. */
	const FAILED = { id: 'wamid.failed', status: 'failed', timestamp: '1736935200' };

	it('a failed status carries its errors with the WhatsApp explanation (131047)', () => {
		const status = failedStatus('wamid.failed', [
			{
				code: 131047,
				title: 'Re-engagement message',
				message: 'Re-engagement message',
				error_data: { details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.' },
			},
		]);
		expect(eventsOf({ messaging_product: 'whatsapp', metadata: { phone_number_id: '123456789', display_phone_number: '919873617805' }, statuses: [status] })).toStrictEqual([
			{
				event: 'status',
				status: 'failed',
				messageId: 'wamid.failed',
				recipient: '447700900123',
				recipientUserId: null,
				recipientParentUserId: null,
				replyTo: '447700900123',
				timestamp: '2025-01-15T10:00:00.000Z',
				timestampUnix: 1736935200,
				...BUSINESS,
				conversation: null,
				pricing: null,
				errors: [CLOSED_WINDOW_ERROR],
				...CLOSED_WINDOW_FAILURE,
				windowClosed: true,
				raw: status,
			},
		]);
	});

	it("a late 131047 to a customer known by BSUID only: recipient null, the BSUID, replyTo the BSUID, windowClosed", () => {
		const status = {
			...FAILED,
			recipient_user_id: 'IN.13491208655302741918',
			recipient_parent_user_id: 'IN.ENT.11815799212886844830',
			errors: [{ code: 131047, title: 'Re-engagement message' }],
		};
		const [event] = eventsOf({ messaging_product: 'whatsapp', metadata: { phone_number_id: '123456789', display_phone_number: '919873617805' }, statuses: [status] });
		expect(event).toMatchObject({
			event: 'status',
			recipient: null,
			recipientUserId: 'IN.13491208655302741918',
			recipientParentUserId: 'IN.ENT.11815799212886844830',
			replyTo: 'IN.13491208655302741918',
			windowClosed: true,
		});
	});

	it('a status with the number and the BSUID: replyTo is the number', () => {
		const status = { id: 'wamid.s', status: 'read', timestamp: '1736935200', recipient_id: '919999999999', recipient_user_id: 'IN.1349' };
		const [event] = eventsOf({ messaging_product: 'whatsapp', statuses: [status] });
		expect(event).toMatchObject({ recipient: '919999999999', recipientUserId: 'IN.1349', recipientParentUserId: null, replyTo: '919999999999' });
	});

	it('windowClosed is only on a status whose errors hold 131047 (a string code counts too)', () => {
		const value = (code: number | string) => ({
			messaging_product: 'whatsapp',
			statuses: [{ id: 'wamid.x', status: 'failed', recipient_id: '447700900123', errors: [{ code, title: 'Failed' }] }],
		});
		const closed = (code: number | string) => (eventsOf(value(code))[0] as { windowClosed?: true }).windowClosed;
		expect([closed(131026), closed('131047'), closed(131047)]).toEqual([undefined, true, true]);
		expect('windowClosed' in eventsOf(value(131026))[0]).toBe(false);
	});

	it('a failed status says at its top what to do: 131049 is retried no sooner than 24 hours after the status', () => {
		const status = failedStatus('wamid.capped', [
			{ code: 131049, title: 'Held back by WhatsApp', message: 'Held back by WhatsApp', error_data: { details: 'Per-user marketing limit.' } },
			{ code: 131026, title: 'Undeliverable' },
		]);
		const [event] = eventsOf({ messaging_product: 'whatsapp', statuses: [status] });
		const marketingLimit =
			'WhatsApp held back this marketing message: the customer has received as many marketing messages as WhatsApp allows for now, from all businesses together. Do not send it again within 24 hours; for something urgent, send a utility template instead.';
		expect(event).toMatchObject({
			errors: [
				{ code: 131049, title: 'Held back by WhatsApp', message: 'Held back by WhatsApp', details: 'Per-user marketing limit.', explanation: marketingLimit, disposition: 'retryLater' },
				{ code: 131026, title: 'Undeliverable', message: null, details: null, disposition: 'neverRetry' },
			],
		});
		expect(topFields(event)).toStrictEqual({
			errorCode: 131049,
			errorTitle: 'Held back by WhatsApp',
			explanation: marketingLimit,
			disposition: 'retryLater',
			retryAfterSeconds: 86400,
			retryNotBefore: '2025-01-16T10:00:00.000Z',
		});
	});

	it('a failed status with a code the table does not know: disposition unknown, WhatsApp\'s title kept; a status without errors has none of these fields', () => {
		const failed = { id: 'wamid.odd', status: 'failed', recipient_id: '447700900123', errors: [{ code: '999001', title: 'Something new' }] };
		const [event] = eventsOf({ messaging_product: 'whatsapp', statuses: [failed, { id: 'wamid.ok', status: 'delivered', recipient_id: '447700900123' }] });
		expect(topFields(event)).toStrictEqual({
			errorCode: 999001,
			errorTitle: 'Something new',
			explanation: null,
			disposition: 'unknown',
			retryAfterSeconds: null,
			retryNotBefore: null,
		});
		const delivered = eventsOf({ messaging_product: 'whatsapp', statuses: [{ id: 'wamid.ok', status: 'delivered', recipient_id: '447700900123' }] })[0];
		expect(Object.keys(delivered).filter((key) => /^error|^explanation$|^disposition$|^retry/.test(key))).toEqual([]);
	});

	it("a status's pricing as typed fields (per-message pricing): category, billable, pricing model, type; no conversation", () => {
		const status = (pricing: Record<string, unknown>) => ({
			messaging_product: 'whatsapp',
			statuses: [{ id: 'wamid.priced', status: 'delivered', timestamp: '1736935200', recipient_id: '447700900123', pricing }],
		});
		const priced = (pricing: Record<string, unknown>) => {
			const [event] = eventsOf(status(pricing)) as StatusEvent[];
			return { pricing: event.pricing, conversation: event.conversation };
		};
		expect(priced({ billable: true, pricing_model: 'PMP', category: 'marketing', type: 'regular' })).toStrictEqual({
			pricing: { billable: true, pricingModel: 'PMP', category: 'marketing', type: 'regular' },
			conversation: null,
		});
		expect(priced({ billable: false, pricing_model: 'PMP', category: 'service', type: 'free_customer_service' })).toStrictEqual({
			pricing: { billable: false, pricingModel: 'PMP', category: 'service', type: 'free_customer_service' },
			conversation: null,
		});
		expect(priced({ billable: 'yes' })).toStrictEqual({
			pricing: { billable: null, pricingModel: null, category: null, type: null },
			conversation: null,
		});
	});

	it('payload-level errors become "error" items', () => {
		const error = { code: 130429, title: 'Rate limit hit', message: 'Rate limit hit', error_data: { details: 'Cloud API message throughput has been reached.' } };
		expect(eventsOf({ messaging_product: 'whatsapp', metadata: { phone_number_id: '123456789', display_phone_number: '919873617805' }, errors: [error] })).toStrictEqual([
			{
				event: 'error',
				code: 130429,
				title: 'Rate limit hit',
				message: 'Rate limit hit',
				details: 'Cloud API message throughput has been reached.',
				explanation: 'Rate limited by WhatsApp (throughput limit). Slow down; the node retries as set in its Sending Options.',
				disposition: 'retryLater',
				timestamp: null,
				timestampUnix: null,
				...BUSINESS,
				raw: error,
			},
		]);
	});

	it('an error that says when it happened: its time as for messages, raw as sent', () => {
		const error = { code: 130429, title: 'Rate limit hit', timestamp: '1736935200' };
		const [event] = eventsOf({ messaging_product: 'whatsapp', errors: [error] });
		expect([event.timestamp, 'timestampUnix' in event ? event.timestampUnix : undefined, event.raw]).toStrictEqual([
			'2025-01-15T10:00:00.000Z',
			1736935200,
			error,
		]);
	});

	it('three messages and two statuses in one payload: five items, messages first, in payload order', () => {
		const value = batchValue([
			inboundMessage('text', { id: 'wamid.m1', from: '919999999999' }).value,
			inboundMessage('image', { id: 'wamid.m2', from: '918888888888', name: 'Asha' }).value,
			inboundMessage('button_reply', { id: 'wamid.m3', from: '919999999999' }).value,
			seed('sent'),
			seed('read'),
		]);
		const events = eventsOf(value);
		expect(events.map((event) => [event.event, 'messageId' in event ? event.messageId : null])).toEqual([
			['message', 'wamid.m1'],
			['message', 'wamid.m2'],
			['message', 'wamid.m3'],
			['status', 'wamid.HBgMSDOTE3MDQyNzE0MzI2FQIAERgSRjRDQkM1NDU3QzI2QTRFQkZFAA=='],
			['status', 'wamid.HBgMOTE3sdMDQyNzE0MzI2FQIAERgSRjRDQkM1NDU3QzI2QTRFQkZFAA=='],
		]);
		// Each message gets its own sender's profile.
		expect(events.slice(0, 3).map((event) => (event.event === 'message' ? [event.from, event.contactName] : null))).toEqual([
			['919999999999', 'Vivek Kumar'],
			['918888888888', 'Asha'],
			['919999999999', 'Vivek Kumar'],
		]);
	});

	it('WhatsApp\'s envelope: every "messages" change of every entry, the same items as the bare value; template updates in their place', () => {
		const text = seed('text');
		const image = seed('image');
		const payload = {
			object: 'whatsapp_business_account',
			entry: [
				{ id: 'waba-1', changes: [{ field: 'messages', value: text }] },
				{
					id: 'waba-2',
					changes: [
						{ field: 'message_template_status_update', value: { event: 'APPROVED', message_template_id: 1 } },
						{ field: 'messages', value: image },
					],
				},
			],
		};
		const [template] = eventsOf({ object: 'whatsapp_business_account', entry: [payload.entry[1]] });
		expect(template).toMatchObject({ event: 'templateStatus', templateId: '1', status: 'APPROVED' });
		expect(eventsOf(payload)).toStrictEqual([...eventsOf(text), template, ...eventsOf(image)]);
		expect(eventsOf(envelope([seed('sent')]))).toStrictEqual(eventsOf(seed('sent')));
	});

	it('a JSON array of payloads is read as one batch', () => {
		expect(eventsOf([seed('text'), envelope([seed('read')])])).toStrictEqual([...eventsOf(seed('text')), ...eventsOf(seed('read'))]);
	});

	it('a known shape without events yields no events', () => {
		expect(eventsOf({ messaging_product: 'whatsapp', metadata: { phone_number_id: '1' } })).toEqual([]);
		expect(eventsOf({ object: 'whatsapp_business_account', entry: [] })).toEqual([]);
	});

	it.each([
		['an empty object', {}],
		['another service\'s JSON', { event: 'order.created', id: 7 }],
		['an empty array', []],
		['an array with one unknown part', [JSON.parse(SEED_WEBHOOKS.text), { hello: 'world' }]],
		['a string', 'hello'],
		['a number', 42],
		['null', null],
	])('refuses %s as no known shape', (_name, payload) => {
		expect(normalisePayload(payload)).toEqual({ ok: false, reason: UNKNOWN_SHAPE });
	});
});
