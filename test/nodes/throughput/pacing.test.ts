/**
 * The pace through n8n's real engine against the sandbox's rate cap: counts only (requests in any one-second window,
 * refusals, copies), never durations.
 */
import type { INodeParameters } from 'n8n-workflow';

import { runCunnekt } from '../../helpers/n8n';
import { credentialsFor, startSandbox } from '../../helpers/sandbox';
import type { Sandbox } from '../../helpers/sandbox';

const { maxPerWindow } = require('../../sandbox/stats') as { maxPerWindow(times: number[], windowMs: number): number };

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const mobiles = (count: number) => Array.from({ length: count }, (_, index) => `9197000${String(index).padStart(5, '0')}`);

/** Template Message → Send of welcome_message (no variables) to each mobile: a broadcast. */
async function broadcast(count: number, sendingOptions: INodeParameters = {}) {
	const recipients = mobiles(count);
	const run = await runCunnekt({
		parameters: {
			resource: 'templateMessage',
			operation: 'send',
			mobile: '={{ $json.mobile }}',
			templateId: { __rl: true, mode: 'id', value: 'asdasdDSDsd' },
			parametersMode: 'form',
			sendingOptions,
		},
		items: recipients.map((mobile) => ({ mobile })),
		credentials: credentialsFor(sandbox),
	});
	return { ...run, recipients };
}

/** Every item delivered exactly once, in input order, with its own message id. */
function expectAllDeliveredOnce(items: Awaited<ReturnType<typeof broadcast>>['items'], recipients: string[]) {
	expect(items.map((item) => item.pairedItem)).toEqual(recipients.map((_, item) => ({ item })));
	items.forEach((item, index) => {
		const sent = sandbox.state.sent.filter((message) => message.mobile === recipients[index]);
		expect(sent).toHaveLength(1);
		expect(item.json.messageId).toBe(sent[0].id);
	});
	expect(sandbox.stats().duplicates).toBe(0);
}

describe('the rate cap', () => {
	it('never lets more than Max Requests per Second reach Cunnekt in any one-second window', async () => {
		sandbox.faults.set({ path: '*', rateCap: 15 });
		const { items, error, recipients } = await broadcast(25, { maxRequestsPerSecond: 10 });
		expect(error).toBeUndefined();
		expectAllDeliveredOnce(items, recipients);
		const stats = sandbox.stats({ path: '/sendnotification' });
		expect(stats.requests).toBe(25);
		expect(stats.rejected).toBe(0);
		expect(stats.maxPerWindow).toBeLessThanOrEqual(10);
	});

	it.each([
		['with Retry-After', 1],
		['without Retry-After', null],
	])(
		'finds a lower real cap than configured (20/s against the default 80/s, %s): all delivered, none doubled, few refusals',
		async (_, retryAfter) => {
			sandbox.faults.set({ path: '*', rateCap: 20, retryAfter });
			const { items, error, recipients } = await broadcast(60);
			expect(error).toBeUndefined();
			expectAllDeliveredOnce(items, recipients);
			const stats = sandbox.stats({ path: '/sendnotification' });
			expect(stats.sent).toBe(60);
			// Sending on at 80/s, all 60 would leave within the first second and the 40 above the cap would be refused
			// before any retry. Slowing down keeps it well under that. The exact count is not the node's alone: the
			// sandbox answers from this same process, so a pause of the event loop (a busy machine, another test
			// file's worker) holds the first 429 back while paced requests leave; runs here counted 1 to 32.
			expect(stats.rejected).toBeGreaterThan(0);
			expect(stats.rejected).toBeLessThan(40);
			expect(stats.requests).toBe(60 + stats.rejected);
			// After the first refusal the pace is halved: no quarter of a second sees the 20 that 80/s would send.
			const refusedAt = sandbox.requests.find((request) => request.status === 429)?.at ?? 0;
			const after = sandbox.requests.filter((request) => request.at > refusedAt).map((request) => request.at);
			expect(maxPerWindow(after, 250)).toBeLessThanOrEqual(12);
		},
	);
});

describe('concurrency', () => {
	it('keeps at most Max Concurrent Requests in flight, and the output in input order', async () => {
		sandbox.faults.set({ path: '/sendnotification', latencyMs: 200 });
		const { items, error, recipients } = await broadcast(9, { maxConcurrentRequests: 3 });
		expect(error).toBeUndefined();
		expectAllDeliveredOnce(items, recipients);
		expect(sandbox.stats({ path: '/sendnotification' }).maxInFlight).toBe(3);
	});

	it('sends one at a time with Max Concurrent Requests 1', async () => {
		sandbox.faults.set({ path: '/sendnotification', latencyMs: [5, 30] });
		const { items, error, recipients } = await broadcast(6, { maxConcurrentRequests: 1 });
		expect(error).toBeUndefined();
		expectAllDeliveredOnce(items, recipients);
		expect(sandbox.stats({ path: '/sendnotification' }).maxInFlight).toBe(1);
		expect(sandbox.requests.map((request) => (request.body as { mobile: string }).mobile)).toEqual(recipients);
	});
});
