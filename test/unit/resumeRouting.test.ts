import { parseRoute, resumeUrl } from '../../nodes/shared/resumeRouting';
import { splitResumeTaps, waitingBaseUrl } from '../../nodes/CunnektTrigger/resume';
import type { TriggerEvent } from '../../nodes/CunnektTrigger/events';
import { normalisePayload } from '../../nodes/CunnektTrigger/normalise';

const SIGNATURE = 'ab'.repeat(32);
const APPROVE = `sw1:4711:3f2b9c1e-0d4a-4b8e-9f1a-2c3d4e5f6a7b:a1:mk9x2a:${SIGNATURE}`;

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
		expect(route).toEqual({
			executionId: '4711',
			nodePath: '3f2b9c1e-0d4a-4b8e-9f1a-2c3d4e5f6a7b',
			answer: { approved: true },
			nonce: 'mk9x2a',
			signature: SIGNATURE,
		});
		expect(resumeUrl('http://127.0.0.1:5678/webhook-waiting', route!)).toBe(
			`http://127.0.0.1:5678/webhook-waiting/4711/3f2b9c1e-0d4a-4b8e-9f1a-2c3d4e5f6a7b?approved=true&nonce=mk9x2a&signature=${SIGNATURE}`,
		);
		expect(parseRoute(APPROVE.replace(':a1:', ':c3:'))?.answer).toEqual({ choice: 3 });
	});

	it.each([
		['another button', 'track_order'],
		['a host in the id', `sw1:4711:evil.example.com/x:a1:mk9x2a:${SIGNATURE}`],
		['a path in the node id', `sw1:4711:../../webhook/x:a1:mk9x2a:${SIGNATURE}`],
		['a dot segment as the node id', `sw1:4711:..:a1:mk9x2a:${SIGNATURE}`],
		['a short signature', `sw1:4711:node:a1:mk9x2a:${SIGNATURE.slice(2)}`],
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
