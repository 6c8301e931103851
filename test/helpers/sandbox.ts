/** Starts and stops the sandbox (test/sandbox, plain JavaScript so the CLI, e2e and bench can run it as is). */
import type { TestCredentials } from './n8n';

export interface RecordedRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	headers: Record<string, string | string[] | undefined>;
	body: unknown;
	rawBody: Buffer;
	at: number;
}

export interface Sandbox {
	url: string;
	baseUrl: string;
	apiKey: string;
	port: number;
	state: {
		windows: Map<string, number>;
		templates: Map<string, Record<string, unknown>>;
		campaigns: Map<string, Record<string, unknown>>;
		media: Map<string, { bytes: Buffer; mimeType?: string; fileName?: string }>;
		sent: Array<{ id: string; mobile: string; endpoint: string; body: unknown; at: number }>;
	};
	requests: RecordedRequest[];
	requestsTo(path: string): RecordedRequest[];
	clearRequests(): void;
	/** Back to a new sandbox's state: seeded templates, no windows, nothing recorded. */
	reset(): void;
	openWindow(mobile: string): void;
	close(): Promise<void>;
	[more: string]: unknown;
}

const { startSandbox: start } = require('../sandbox/server') as {
	startSandbox(options?: { port?: number; apiKey?: string }): Promise<Sandbox>;
};

export async function startSandbox(options: { apiKey?: string } = {}): Promise<Sandbox> {
	return await start({ port: 0, ...options });
}

/** The credentials that point the nodes at a sandbox. */
export function credentialsFor(sandbox: Sandbox, apiKey = sandbox.apiKey): TestCredentials {
	return { apiKey, baseUrl: sandbox.baseUrl };
}
