/**
 * The Reply types that send WhatsApp Cloud API messages only the current platform carries, in n8n's real engine
 * against the sandbox on that platform: every limit refused before sending, with the exact error and nothing sent; at
 * the limit the message goes, exactly. Each type's ordinary body, on both platforms and to a BSUID, is in the body
 * table (test/fixtures/replyBodies.js).
 */
import type { INodeParameters } from 'n8n-workflow';

import { expectRefused, REPLY_TEST_KEY, runReply, SEED_MOBILE, useReplySandbox } from '../../helpers/reply';

const context = useReplySandbox();

const REPLY_PATH = '/api/v1/whatsapp/replymessage';
const ENVELOPE = { messaging_product: 'whatsapp', recipient_type: 'individual', to: SEED_MOBILE };
/** A required field left empty by an expression (a literal empty one is stopped by n8n itself). */
const EMPTY_EXPRESSION = '={{ $json.missing ?? "" }}';

/** Valid parameters per operation; each case changes one thing. */
const VALID: Record<string, INodeParameters> = {
	sendLocation: { latitude: 18.922, longitude: 72.8347 },
	requestLocation: { body: 'Share your location, please.' },
};

const run = (operation: string, parameters: INodeParameters) =>
	runReply(context.sandbox, operation, { ...VALID[operation], ...parameters }, { platform: 'current' });

/** Refused before anything is sent, with exactly this message. */
async function refused(operation: string, parameters: INodeParameters, message: string): Promise<void> {
	expectRefused(context.sandbox, await run(operation, parameters), `${message} [item 0]`);
}

/** Sent once, exactly this body at the reply path, and the item says so. */
async function sent(operation: string, parameters: INodeParameters, body: Record<string, unknown>): Promise<void> {
	const result = await run(operation, parameters);
	expect(result.error).toBeUndefined();
	expect(context.sandbox.requests.map((request) => [request.method, request.path, JSON.stringify(request.body)])).toEqual([
		['POST', REPLY_PATH, JSON.stringify(body)],
	]);
	expect(context.sandbox.requests[0].headers['api-key']).toBe(REPLY_TEST_KEY);
	expect(result.items).toHaveLength(1);
}


describe('Send Location: latitude -90 to 90, longitude -180 to 180, in decimal degrees', () => {
	it('sends the edges, and coordinates an expression gives as text, as numbers', async () => {
		await sent('sendLocation', { latitude: 90, longitude: -180 }, { ...ENVELOPE, type: 'location', location: { latitude: 90, longitude: -180 } });
		context.sandbox.clearRequests();
		await sent(
			'sendLocation',
			{ latitude: '={{ "-12.5" }}', longitude: '={{ " 77.59 " }}' },
			{ ...ENVELOPE, type: 'location', location: { latitude: -12.5, longitude: 77.59 } },
		);
	});

	it.each([
		['latitude', 90.5, 'Latitude must be a number from -90 to 90 (decimal degrees); WhatsApp refuses 90.5'],
		['latitude', -91, 'Latitude must be a number from -90 to 90 (decimal degrees); WhatsApp refuses -91'],
		['longitude', 180.01, 'Longitude must be a number from -180 to 180 (decimal degrees); WhatsApp refuses 180.01'],
		['longitude', -181, 'Longitude must be a number from -180 to 180 (decimal degrees); WhatsApp refuses -181'],
		['latitude', '={{ "12,97" }}', 'Latitude must be a number from -90 to 90 (decimal degrees); WhatsApp refuses "12,97"'],
		['longitude', EMPTY_EXPRESSION, 'Longitude is empty; WhatsApp requires it'],
	])('refuses %s %p', async (name, value, message) => {
		await refused('sendLocation', { [name]: value }, message);
	});
});

describe('Request Location: a body of 1 to 1024 characters', () => {
	it('sends 1024 characters', async () => {
		const text = 'x'.repeat(1024);
		await sent('requestLocation', { body: text }, {
			...ENVELOPE,
			type: 'interactive',
			interactive: { type: 'location_request_message', body: { text }, action: { name: 'send_location' } },
		});
	});

	it('refuses 1025 characters and an empty body', async () => {
		await refused('requestLocation', { body: 'x'.repeat(1025) }, 'Body is 1025 characters; WhatsApp allows at most 1024');
		await refused('requestLocation', { body: EMPTY_EXPRESSION }, 'Body is empty; it is required');
	});
});

describe('the new types have "If the Service Window Is Closed"', () => {
	it('a location to a customer whose window is closed sends the template instead', async () => {
		context.sandbox.reset();
		const result = await run('sendLocation', {
			ifWindowClosed: 'sendTemplate',
			templateId: { __rl: true, mode: 'id', value: 'asdasdDSDsd' },
			parametersMode: 'json',
			componentsJson: '[]',
		});
		expect(result.error).toBeUndefined();
		expect(context.sandbox.requests.map((request) => [request.path, request.status])).toEqual([
			[REPLY_PATH, 400],
			['/restapi/v1/whatsapp/templates', 200],
			['/restapi/v1/whatsapp/sendtemplate', 200],
		]);
		expect(result.items[0].json.sentAs).toBe('template');
	});
});
