/** Starts and stops the sandbox (sandbox/, plain JavaScript so the CLI, e2e and bench can run it as is). */
import type { TestCredentials } from './n8n';

export interface RecordedRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	headers: Record<string, string | string[] | undefined>;
	body: unknown;
	rawBody: Buffer;
	at: number;
	/** The status answered; absent when no answer was sent (reset, never answered). */
	status?: number;
}

export interface Sandbox {
	url: string;
	baseUrl: string;
	/** The current platform's base URL (its paths start with /api/v1/whatsapp or /restapi/v1/whatsapp). */
	currentBaseUrl: string;
	apiKey: string;
	port: number;
	state: {
		windows: Map<string, number>;
		templates: Map<string, Record<string, unknown>>;
		campaigns: Map<string, Record<string, unknown>>;
		media: Map<string, { bytes: Buffer; mimeType?: string; fileName?: string }>;
		sent: Array<{ id: string; mobile: string; endpoint: string; body: unknown; at: number }>;
		/** messageId → who sent it: the messages customers sent (a read receipt may name them). */
		received: Map<string, string | undefined>;
	};
	requests: RecordedRequest[];
	requestsTo(path: string): RecordedRequest[];
	clearRequests(): void;
	/** Back to a new sandbox's state: seeded templates, no windows, nothing recorded. */
	reset(): void;
	openWindow(mobile: string): void;
	close(): Promise<void>;
	/** The fault switchboard (sandbox/faults.js); reset() clears it. */
	faults: {
		set(rules: FaultRule | FaultRule[]): unknown[];
		clear(path?: string): void;
		list(): unknown[];
	};
	/** Figures from the record (sandbox/stats.js). */
	stats(options?: { path?: string; windowMs?: number }): SandboxStats;
	[more: string]: unknown;
}

export type FaultKind =
	| 'tooManyRequests'
	| 'unavailable'
	| 'resetBeforeBody'
	| 'resetAfterBody'
	| 'badGatewayHtml'
	| 'errorBody'
	| 'noAnswer';

export interface FaultRule {
	path: string;
	latencyMs?: number | [number, number];
	rateCap?: number;
	fault?: FaultKind;
	times?: number;
	retryAfter?: number | 'auto' | null;
	status?: number;
	body?: unknown;
}

export interface SandboxStats {
	path: string;
	windowMs: number;
	requests: number;
	answered: Record<string, number>;
	rejected: number;
	unanswered: number;
	maxPerWindow: number;
	maxInFlight: number;
	sent: number;
	duplicates: number;
	duplicated: Array<{ mobile: string; endpoint: string; copies: number }>;
}

const { startSandbox: start } = require('../../sandbox/server') as {
	startSandbox(options?: { port?: number; apiKey?: string; revokedKeys?: string[] }): Promise<Sandbox>;
};

export async function startSandbox(
	options: { apiKey?: string; port?: number; revokedKeys?: string[] } = {},
): Promise<Sandbox> {
	return await start({ port: 0, ...options });
}

/** The credentials that point the nodes at a sandbox. */
export function credentialsFor(sandbox: Sandbox, apiKey = sandbox.apiKey): TestCredentials {
	return { apiKey, baseUrl: sandbox.baseUrl };
}

/** The credentials that point the nodes at the sandbox's current platform (app.cunnekt.com's paths and bodies). */
export function currentCredentialsFor(sandbox: Sandbox, apiKey = sandbox.apiKey): TestCredentials {
	return { apiKey, platform: 'current', currentBaseUrl: sandbox.currentBaseUrl };
}
