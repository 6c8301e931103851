/**
 * The pace through n8n's real engine against the sandbox's rate cap: counts only (requests in any one-second window,
 * refusals, copies), never durations.
 */
import type { INodeParameters } from 'n8n-workflow';

import { runCunnekt } from '../../helpers/n8n';
import { credentialsFor, startSandbox } from '../../helpers/sandbox';
import type { Sandbox } from '../../helpers/sandbox';

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

/** Requests in flight in the cap-finding runs: what can be on its way when the first refusal comes back. */
const IN_FLIGHT = 4;

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
		'finds a lower real cap than configured (20/s against the default 80/s, %s): all delivered, none doubled, refused only what was already on its way',
		async (_, retryAfter) => {
			sandbox.faults.set({ path: '*', rateCap: 20, retryAfter });
			const { items, error, recipients } = await broadcast(60, { maxConcurrentRequests: IN_FLIGHT });
			expect(error).toBeUndefined();
			expectAllDeliveredOnce(items, recipients);
			const stats = sandbox.stats({ path: '/sendnotification' });
			expect(stats.sent).toBe(60);
			// At 80/s the 21st request within the first second is refused. By the time that answer is back, at most the
			// requests in flight (Max Concurrent Requests) are on their way and may be refused too; every request started
			// after it is paced under the cap found, however busy the machine. A count, not a time: a busy machine delays
			// and bunches what is in flight (a time window over the sandbox's arrivals failed in CI on that), never adds to
			// it. How far the pace drops and climbs back is test/unit/pacing.test.ts's, on a clock of its own.
			expect(stats.rejected).toBeGreaterThan(0);
			expect(stats.rejected).toBeLessThanOrEqual(IN_FLIGHT);
			expect(stats.requests).toBe(60 + stats.rejected);
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
