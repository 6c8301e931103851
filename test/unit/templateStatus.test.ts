/** Template status updates (WhatsApp's `message_template_status_update`) in the trigger's normalise and dedupe. */
import { dedupeKey } from '../../nodes/CunnektTrigger/dedupe';
import { normalisePayload } from '../../nodes/CunnektTrigger/normalise';

const REJECTED = {
	event: 'REJECTED',
	message_template_id: 1036659577939498,
	message_template_name: 'summer_offer',
	message_template_language: 'en_US',
	reason: 'INCORRECT_CATEGORY',
};

const APPROVED = {
	event: 'APPROVED',
	message_template_id: 594425479261596,
	message_template_name: 'order_update',
	message_template_language: 'en',
	reason: 'NONE',
};

const ENVELOPE = {
	object: 'whatsapp_business_account',
	entry: [
		{
			id: '102290129340398',
			time: 1733011200,
			changes: [
				{ field: 'message_template_status_update', value: APPROVED },
				{ field: 'account_update', value: { event: 'VERIFIED_ACCOUNT' } },
			],
		},
	],
};

describe('template status updates', () => {
	it("from WhatsApp's envelope: one templateStatus item per update, with the account and the time", () => {
		expect(normalisePayload(ENVELOPE)).toEqual({
			ok: true,
			events: [
				{
					event: 'templateStatus',
					templateId: '594425479261596',
					templateName: 'order_update',
					language: 'en',
					status: 'APPROVED',
					reason: null,
					businessAccountId: '102290129340398',
					timestamp: '2024-12-01T00:00:00.000Z',
					timestampUnix: 1733011200,
					businessPhoneNumberId: null,
					businessDisplayNumber: null,
					raw: APPROVED,
				},
			],
		});
	});

	it("from Cunnekt's payload (the change's value alone), with the rejection's reason", () => {
		expect(normalisePayload(REJECTED)).toEqual({
			ok: true,
			events: [
				{
					event: 'templateStatus',
					templateId: '1036659577939498',
					templateName: 'summer_offer',
					language: 'en_US',
					status: 'REJECTED',
					reason: 'INCORRECT_CATEGORY',
					businessAccountId: null,
					timestamp: null,
					timestampUnix: null,
					businessPhoneNumberId: null,
					businessDisplayNumber: null,
					raw: REJECTED,
				},
			],
		});
	});

	it('from the change itself ({field, value}) the same item', () => {
		const result = normalisePayload({ field: 'message_template_status_update', value: REJECTED });
		expect(result).toEqual(normalisePayload(REJECTED));
	});

	it('a retry repeats the dedupe key; a later status of the same template does not', () => {
		const [first] = (normalisePayload(ENVELOPE) as { events: Parameters<typeof dedupeKey>[0][] }).events;
		const [again] = (normalisePayload(ENVELOPE) as { events: Parameters<typeof dedupeKey>[0][] }).events;
		expect(dedupeKey(first)).toBe('templateStatus:594425479261596:APPROVED:1733011200');
		expect(dedupeKey(again)).toBe(dedupeKey(first));
		const later = { ...ENVELOPE, entry: [{ ...ENVELOPE.entry[0], time: 1733097600 }] };
		const [approvedAgain] = (normalisePayload(later) as { events: Parameters<typeof dedupeKey>[0][] }).events;
		expect(dedupeKey(approvedAgain)).not.toBe(dedupeKey(first));
	});
});
