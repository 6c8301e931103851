import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { SENDING_DEFAULTS } from '../../shared/pacing';
import type { SendingSettings } from '../../shared/pacing';

/**
 * "Sending Options": how fast, how many at once, and what to retry, for every send operation. Defined once; shown
 * for Template Message and Reply (every operation) and for Campaign → Create. The defaults are written out (n8n's
 * lint wants literals) and equal SENDING_DEFAULTS, which a unit test holds them to.
 */

const LIMITS = {
	maxRequestsPerSecond: { min: 1, max: 1000 },
	maxConcurrentRequests: { min: 1, max: 1000 },
	maxRetries: { min: 0, max: 10 },
	requestTimeoutMs: { min: 100, max: 600_000 },
} as const;

const options: INodeProperties['options'] = [
	{
		displayName: 'Max Requests per Second',
		name: 'maxRequestsPerSecond',
		type: 'number',
		typeOptions: { minValue: LIMITS.maxRequestsPerSecond.min, maxValue: LIMITS.maxRequestsPerSecond.max },
		default: 80,
		description:
			'The most requests sent to Cunnekt in any one second, across all items of this run. 80 is WhatsApp\'s default throughput per number; raise it if your number is on a higher tier. After a rate-limit answer (429) the node slows down by itself.',
	},
	{
		displayName: 'Max Concurrent Requests',
		name: 'maxConcurrentRequests',
		type: 'number',
		typeOptions: { minValue: LIMITS.maxConcurrentRequests.min, maxValue: LIMITS.maxConcurrentRequests.max },
		default: 32,
		description:
			'The most requests waiting for Cunnekt\'s answer at once. The default reaches 80 per second while answers take up to 0.3 s; to go faster, allow about the rate × the answer time × 1.3. Output order never changes.',
	},
	{
		displayName: 'Max Retries',
		name: 'maxRetries',
		type: 'number',
		typeOptions: { minValue: LIMITS.maxRetries.min, maxValue: LIMITS.maxRetries.max },
		default: 5,
		description:
			'How many times a request is sent again when it certainly did not go through: a rate-limit answer (429), Cunnekt unavailable (503), or a connection that failed before the request was sent. Waits as long as Cunnekt asks (Retry-After), otherwise 1, 2, 4, 8, 16 s.',
	},
	{
		displayName: 'Retry on Timeout',
		name: 'retryOnTimeout',
		type: 'boolean',
		default: false,
		description:
			'Whether to also retry when the request was sent but no answer came (a timeout, a connection closed after sending, a gateway\'s 502 or 504). The message may have been sent already, so a retry can deliver it twice.',
	},
	{
		displayName: 'Request Timeout',
		name: 'requestTimeoutMs',
		type: 'number',
		typeOptions: { minValue: LIMITS.requestTimeoutMs.min, maxValue: LIMITS.requestTimeoutMs.max },
		default: 30000,
		description: 'How long to wait for Cunnekt\'s answer, in milliseconds, before giving up on a request',
	},
];

const sendingOptions: INodeProperties = {
	displayName: 'Sending Options',
	name: 'sendingOptions',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	options,
};

/** The collection, shown for every send operation (one entry per display rule; n8n shows whichever applies). */
export const sendingOptionsProperties: INodeProperties[] = [
	{ ...sendingOptions, displayOptions: { show: { resource: ['templateMessage', 'reply'] } } },
	{ ...sendingOptions, displayOptions: { show: { resource: ['campaign'], operation: ['create'] } } },
];

type NumericSetting = keyof typeof LIMITS;

/** A number option, checked: an expression can give anything. */
function readNumber(
	this: IExecuteFunctions,
	given: Record<string, unknown>,
	name: NumericSetting,
	displayName: string,
): number {
	const value = given[name];
	if (value === undefined || value === '') return SENDING_DEFAULTS[name];
	const number = typeof value === 'number' ? value : Number(value);
	const { min, max } = LIMITS[name];
	if (!Number.isFinite(number) || number < min || number > max) {
		throw new NodeOperationError(
			this.getNode(),
			`Sending Options → ${displayName} must be a number from ${min} to ${max}; it is ${JSON.stringify(value)}`,
		);
	}
	return number;
}

/** This run's Sending Options (the defaults where not set); the router starts the execution's state with them. */
export function readSendingOptions(this: IExecuteFunctions): SendingSettings {
	const given = this.getNodeParameter('sendingOptions', 0, {}) as Record<string, unknown>;
	const settings: SendingSettings = {
		maxRequestsPerSecond: readNumber.call(this, given, 'maxRequestsPerSecond', 'Max Requests per Second'),
		maxConcurrentRequests: Math.floor(
			readNumber.call(this, given, 'maxConcurrentRequests', 'Max Concurrent Requests'),
		),
		maxRetries: Math.floor(readNumber.call(this, given, 'maxRetries', 'Max Retries')),
		retryOnTimeout: given.retryOnTimeout === undefined ? SENDING_DEFAULTS.retryOnTimeout : given.retryOnTimeout === true,
		requestTimeoutMs: readNumber.call(this, given, 'requestTimeoutMs', 'Request Timeout'),
	};
	return settings;
}
