import { isFromRecipient, parseRoute, recipientFingerprint, resumeUrl } from '../../nodes/shared/resumeRouting';
import { splitResumeTaps, waitingBaseUrl } from '../../nodes/CunnektTrigger/resume';
import type { TriggerEvent } from '../../nodes/CunnektTrigger/events';
import { normalisePayload } from '../../nodes/CunnektTrigger/normalise';

const SIGNATURE = 'ab'.repeat(32);
const MANAGER = '919000000001';
const FINGERPRINT = recipientFingerprint(MANAGER);
const APPROVE = `sw2:4711:3f2b9c1e-0d4a-4b8e-9f1a-2c3d4e5f6a7b:a1:mk9x2a:${FINGERPRINT}:${SIGNATURE}`;
/** A reply id of a request sent before the recipient was bound. */
const UNBOUND = `sw1:4711:3f2b9c1e-0d4a-4b8e-9f1a-2c3d4e5f6a7b:a1:mk9x2a:${SIGNATURE}`;

function events(messages: unknown[]): TriggerEvent[] {
	const result = normalisePayload({
		messaging_product: 'whatsapp',
		metadata: { display_phone_number: '15550001111', phone_number_id: '123' },
		messages,
	});
	if (!result.ok) throw new Error(result.reason);
	return result.events;
}

describe('Send and Wait routing', () => {
	it('parses a reply id into the parts of the resume URL, and rebuilds that URL on the given base only', () => {
		const route = parseRoute(APPROVE);
		expect(FINGERPRINT).toMatch(/^[0-9a-f]{12}$/);
		expect(route).toEqual({
			executionId: '4711',
			nodePath: '3f2b9c1e-0d4a-4b8e-9f1a-2c3d4e5f6a7b',
			answer: { approved: true },
			nonce: 'mk9x2a',
			recipient: FINGERPRINT,
			signature: SIGNATURE,
		});
		expect(resumeUrl('http://127.0.0.1:5678/webhook-waiting', route!)).toBe(
			`http://127.0.0.1:5678/webhook-waiting/4711/3f2b9c1e-0d4a-4b8e-9f1a-2c3d4e5f6a7b?approved=true&nonce=mk9x2a&recipient=${FINGERPRINT}&signature=${SIGNATURE}`,
		);
		expect(parseRoute(APPROVE.replace(':a1:', ':c3:'))?.answer).toEqual({ choice: 3 });
	});

	it('still routes an id of a request sent before the recipient was bound (sw1): no recipient, the URL as it was signed', () => {
		const route = parseRoute(UNBOUND);
		expect(route).toMatchObject({ executionId: '4711', answer: { approved: true }, nonce: 'mk9x2a', recipient: null });
		expect(resumeUrl('http://127.0.0.1:5678/webhook-waiting', route!)).toBe(
			`http://127.0.0.1:5678/webhook-waiting/4711/3f2b9c1e-0d4a-4b8e-9f1a-2c3d4e5f6a7b?approved=true&nonce=mk9x2a&signature=${SIGNATURE}`,
		);
		expect(isFromRecipient(route!, ['918888888888'])).toBe(true);
	});

	it('a bound id resumes only for the address it was sent to: the phone number in any spelling, or the BSUID as given', () => {
		const route = parseRoute(APPROVE)!;
		expect(isFromRecipient(route, [MANAGER])).toBe(true);
		expect(isFromRecipient(route, [null, 'IN.13491208655302741918', MANAGER])).toBe(true);
		expect(recipientFingerprint('+91 90000 00001')).toBe(FINGERPRINT);
		expect(isFromRecipient(route, ['918888888888', 'IN.13491208655302741918'])).toBe(false);
		expect(isFromRecipient(route, [null, ''])).toBe(false);
		const toBsuid = { ...route, recipient: recipientFingerprint('IN.13491208655302741918') };
		expect(isFromRecipient(toBsuid, [null, 'IN.13491208655302741918'])).toBe(true);
		expect(isFromRecipient(toBsuid, [MANAGER, 'in.13491208655302741918'])).toBe(false);
		expect(recipientFingerprint('IN.ENT.11815799212886844830')).not.toBe(recipientFingerprint('IN.11815799212886844830'));
	});

	it.each([
		['Mexico, dialled without the 1', '525512345678', '5215512345678'],
		['Mexico, dialled with the 1', '5215512345678', '525512345678'],
		['Brazil, dialled with the mobile 9', '5511987654321', '551187654321'],
		['Brazil, dialled without it', '551187654321', '5511987654321'],
	])("WhatsApp's other spelling of a number counts as the number: %s", (_name, dialled, tapped) => {
		const route = { ...parseRoute(APPROVE)!, recipient: recipientFingerprint(dialled) };
		expect(isFromRecipient(route, [tapped])).toBe(true);
		expect(isFromRecipient(route, [`${tapped.slice(0, -1)}0`])).toBe(false);
	});

	it.each([
		['another button', 'track_order'],
		['a host in the id', `sw1:4711:evil.example.com/x:a1:mk9x2a:${SIGNATURE}`],
		['a path in the node id', `sw1:4711:../../webhook/x:a1:mk9x2a:${SIGNATURE}`],
		['a dot segment as the node id', `sw1:4711:..:a1:mk9x2a:${SIGNATURE}`],
		['a short signature', `sw1:4711:node:a1:mk9x2a:${SIGNATURE.slice(2)}`],
		['a bound id without its recipient', `sw2:4711:node:a1:mk9x2a:${SIGNATURE}`],
		['a recipient that is not a fingerprint', `sw2:4711:node:a1:mk9x2a:IN.13491208655302741918:${SIGNATURE}`],
		['an unbound id with a recipient', `sw1:4711:node:a1:mk9x2a:${FINGERPRINT}:${SIGNATURE}`],
		['an unknown answer', `sw1:4711:node:x1:mk9x2a:${SIGNATURE}`],
		['a query in the execution id', `sw1:4711?a=b:node:a1:mk9x2a:${SIGNATURE}`],
	])('ignores %s', (_name, id) => {
		expect(parseRoute(id)).toBeUndefined();
	});

	it('takes taps (button, list, template quick reply) out of the events and leaves every other event', () => {
		const all = events([
			{ from: '919000000001', id: 'wamid.1', timestamp: '1700000000', type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: APPROVE, title: 'Approve' } } },
			{ from: '919000000001', id: 'wamid.2', timestamp: '1700000000', type: 'text', text: { body: 'hi' } },
			{ from: '919000000001', id: 'wamid.3', timestamp: '1700000000', type: 'interactive', interactive: { type: 'list_reply', list_reply: { id: APPROVE.replace(':a1:', ':c1:'), title: 'Tue' } } },
			{ from: '919000000001', id: 'wamid.4', timestamp: '1700000000', type: 'button', button: { payload: APPROVE.replace(':a1:', ':a0:'), text: 'Decline' } },
			{ from: '919000000001', id: 'wamid.5', timestamp: '1700000000', type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'track_order', title: 'Track' } } },
		]);
		const { taps, others } = splitResumeTaps(all);
		expect(taps.map((tap) => [tap.event.messageId, tap.route.answer])).toEqual([
			['wamid.1', { approved: true }],
			['wamid.3', { choice: 1 }],
			['wamid.4', { approved: false }],
		]);
		expect(others.map((event) => (event.event === 'message' ? event.messageId : null))).toEqual(['wamid.2', 'wamid.5']);
	});

	it("finds n8n's waiting-webhook base from the trigger's own URL (production or test), with any path prefix", () => {
		expect(waitingBaseUrl('http://127.0.0.1:5678/webhook/abc-123/webhook', 'abc-123')).toBe('http://127.0.0.1:5678/webhook-waiting');
		expect(waitingBaseUrl('https://n8n.example.com/n8n/webhook-test/abc-123/webhook', 'abc-123')).toBe(
			'https://n8n.example.com/n8n/webhook-waiting',
		);
		expect(waitingBaseUrl('http://127.0.0.1:5678/webhook/other/webhook', 'abc-123')).toBeUndefined();
		expect(waitingBaseUrl(undefined, 'abc-123')).toBeUndefined();
	});
});
