/** Sending Options: where the node shows them, their defaults, and values an expression can get wrong. */
import { NodeHelpers } from 'n8n-workflow';
import type { INodeParameters, INodeProperties } from 'n8n-workflow';

import { Cunnekt } from '../../../nodes/Cunnekt/Cunnekt.node';
import { replyOperations } from '../../../nodes/Cunnekt/actions/reply';
import { SENDING_DEFAULTS } from '../../../nodes/shared/pacing';
import { runCunnekt } from '../../helpers/n8n';
import { credentialsFor, startSandbox } from '../../helpers/sandbox';
import type { Sandbox } from '../../helpers/sandbox';

const sendingOptionsEntries = () =>
	new Cunnekt().description.properties.filter((property) => property.name === 'sendingOptions');

const shownFor = (resource: string, operation: string) => {
	const { description } = new Cunnekt();
	return sendingOptionsEntries().some((property) =>
		NodeHelpers.displayParameter({ resource, operation } as INodeParameters, property, null, description),
	);
};

describe('Sending Options', () => {
	it('are shown for every send operation: Template Message, every Reply, Campaign → Create', () => {
		expect(shownFor('templateMessage', 'send')).toBe(true);
		for (const { value } of replyOperations) expect([value, shownFor('reply', value)]).toEqual([value, true]);
		expect(shownFor('campaign', 'create')).toBe(true);
	});

	it('are not shown where nothing is sent to a customer', () => {
		expect(shownFor('campaign', 'launch')).toBe(false);
		expect(shownFor('campaign', 'getMany')).toBe(false);
		expect(shownFor('template', 'getMany')).toBe(false);
		expect(shownFor('media', 'download')).toBe(false);
	});

	it('default to the values the transport uses where they are not set', () => {
		const [collection] = sendingOptionsEntries();
		const defaults = Object.fromEntries(
			(collection.options as INodeProperties[]).map((option) => [option.name, option.default]),
		);
		expect(defaults).toEqual({ ...SENDING_DEFAULTS });
	});
});

describe('Sending Options from an expression', () => {
	let sandbox: Sandbox;

	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(async () => await sandbox.close());
	beforeEach(() => sandbox.reset());

	const sendWith = (sendingOptions: INodeParameters) =>
		runCunnekt({
			parameters: { resource: 'reply', operation: 'sendText', mobile: '919999999999', text: 'Hi', sendingOptions },
			credentials: credentialsFor(sandbox),
			continueOnFail: true,
		});

	it('refuses a value out of range, naming the option, before anything is sent', async () => {
		const { error } = await sendWith({ maxRequestsPerSecond: '={{ 0 }}' });
		expect(error?.message).toBe('Sending Options → Max Requests per Second must be a number from 1 to 1000; it is 0');
		expect(sandbox.requests).toEqual([]);
		const { error: notANumber } = await sendWith({ maxConcurrentRequests: '={{ "many" }}' });
		expect(notANumber?.message).toBe(
			'Sending Options → Max Concurrent Requests must be a number from 1 to 1000; it is "many"',
		);
	});

	it('accepts numbers given as text', async () => {
		sandbox.openWindow('919999999999');
		const { items, error } = await sendWith({ maxRequestsPerSecond: '={{ "5" }}', maxRetries: '={{ "0" }}' });
		expect(error).toBeUndefined();
		expect(items[0].json.messageId).toBe(sandbox.state.sent[0].id);
	});
});
