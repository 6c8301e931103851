import type { ICredentialsDecrypted } from 'n8n-workflow';

import { Pace, SENDING_DEFAULTS } from './pacing';
import type { SendingSettings } from './pacing';
import type { Connection } from './platforms';
import type { CunnektTemplate } from './types';

/**
 * What one node execution shares across its items: its Sending Options and pace, its credentials (read once), and
 * the templates it looked up. n8n gives each execution its own context object (`this`), so the state is kept by
 * that object: every item of one run shares it and the next run starts afresh (a template or a key can change
 * between runs). The action node's router sets the sending options once, before the first item (startExecution);
 * the transport and the template lookup read the state by name (executionOf). Calls of a context the router never
 * saw (list searches, the trigger's downloads) get the defaults.
 */

/** The credentials as read once per execution: the key, the platform they name, and as n8n's request helper takes them. */
export interface ExecutionCredentials {
	apiKey: string;
	connection: Connection;
	decrypted: ICredentialsDecrypted;
}

export interface ExecutionState {
	/** The run's Sending Options: pace, concurrency, retries, timeout. */
	readonly sending: SendingSettings;
	/** Every request of the run waits its turn here. */
	readonly pace: Pace;
	/** Read on the first request; n8n would read and decrypt them again for every request. */
	credentials?: Promise<ExecutionCredentials>;
	/** Templates fetched by id: one fetch per template per run, concurrent items wait for the same answer. */
	readonly templates: Map<string, Promise<CunnektTemplate | undefined>>;
}

const executions = new WeakMap<object, ExecutionState>();

function newExecution(sending: SendingSettings): ExecutionState {
	return { sending, pace: new Pace(sending.maxRequestsPerSecond), templates: new Map() };
}

/** Starts an execution's state with its Sending Options; the router calls it once per run. */
export function startExecution(context: object, sending: SendingSettings): ExecutionState {
	const state = newExecution(sending);
	executions.set(context, state);
	return state;
}

/** The state of the execution this context belongs to (the defaults for one the router did not start). */
export function executionOf(context: object): ExecutionState {
	let state = executions.get(context);
	if (!state) {
		state = newExecution({ ...SENDING_DEFAULTS });
		executions.set(context, state);
	}
	return state;
}
