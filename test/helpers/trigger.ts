/**
 * Runs the Cunnekt Trigger's webhook() through n8n-core's real WebhookContext, as n8n's webhook server would:
 * - callTrigger: one request built in the test (headers, query, raw body); the response object is a small recorder;
 * - startTriggerWorkflow: a local HTTP server (real sockets, real raw bodies) that hands each request to the trigger
 *   and runs the items it returns through n8n-core's WorkflowExecute, with the nodes that follow it.
 * n8n's webhook server itself (packages/cli) is not in-process; the few things it does around webhook() are
 * reproduced in n8nParseBody and n8nAnswer below, from packages/cli/src/webhooks/webhook-helpers.ts.
 */
import http from 'http';
import type { AddressInfo } from 'net';

import { WebhookContext, WorkflowExecute } from 'n8n-core';
import { Workflow } from 'n8n-workflow';
import type {
	IConnections,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	IRun,
	IRunExecutionData,
	IWebhookData,
	IWebhookDescription,
	IWebhookResponseData,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { CunnektTrigger } from '../../nodes/CunnektTrigger/CunnektTrigger.node';
import { additionalData, nodeTypes } from './n8n';
import type { TestCredentials } from './n8n';

export const TRIGGER_NAME = 'Cunnekt Trigger';
const TRIGGER_TYPE = 'n8n-nodes-cunnekt.cunnektTrigger';
const NO_CREDENTIALS: TestCredentials = { apiKey: 'unused', baseUrl: 'http://127.0.0.1:9/v1' };

/** A failed status's error as an item shows it for WhatsApp's 131047 (the sandbox's closed-window failure). */
export const CLOSED_WINDOW_ERROR = {
	code: 131047,
	title: 'Re-engagement message',
	message: 'Re-engagement message',
	details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
	explanation:
		'The 24-hour service window is closed: the customer has not written in the last 24 hours. Send a template message instead.',
	disposition: 'sendTemplate',
};

/** What the top of a failed status's item says for that error: its code, title, explanation and disposition. */
export const CLOSED_WINDOW_FAILURE = {
	errorCode: 131047,
	errorTitle: CLOSED_WINDOW_ERROR.title,
	explanation: CLOSED_WINDOW_ERROR.explanation,
	disposition: 'sendTemplate',
	retryAfterSeconds: null,
	retryNotBefore: null,
};

let counter = 0;
/** A fresh node id per trigger: the duplicate memory is per workflow and node, so tests never share it. */
export const uniqueNodeId = () => `trigger-${process.pid}-${++counter}`;

export interface TriggerSetup {
	parameters: INodeParameters;
	/** Sets the node's Cunnekt credential (for Download Media). */
	credentials?: TestCredentials;
	/** Selects a Cunnekt Webhook API credential with these values. */
	webhookCredential?: { sharedSecret?: string; appSecret?: string; verifyToken?: string };
	/** 'webhook' (an active workflow, the default) or 'manual' (Listen for test event). */
	mode?: WorkflowExecuteMode;
	nodeId?: string;
	workflowId?: string;
	/** n8n's webhook base URL (its trigger URLs, and the waiting webhooks beside them); default http://127.0.0.1/webhook. */
	webhookBaseUrl?: string;
}

export interface TriggerRequest {
	method?: 'GET' | 'POST';
	headers?: Record<string, string>;
	query?: Record<string, string | string[]>;
	/** The raw body: a string or bytes as sent, or an object sent as JSON. */
	body?: string | Buffer | object;
	/** Default: application/json when there is a body. */
	contentType?: string;
}

export interface TriggerAnswer {
	status: number;
	body: string;
	headers: Record<string, string>;
	/** What webhook() returned. */
	result?: IWebhookResponseData;
	/** The items it started the workflow with, if it did. */
	items?: INodeExecutionData[];
}

/** The request as n8n hands it to a node: express's fields plus n8n's rawBody and contentType. */
interface N8nRequest {
	method: string;
	url: string;
	headers: Record<string, string | string[] | undefined>;
	query: Record<string, string | string[]>;
	params: Record<string, string>;
	rawBody: Buffer;
	contentType?: string;
	body?: unknown;
}

/** What webhook() may use of the response: the node answers through writeHead/end (express's Response has both). */
interface N8nResponse {
	writeHead(status: number, headers?: Record<string, string>): unknown;
	end(body?: string | Buffer): unknown;
	headersSent: boolean;
}

/** n8n's body parser for a version-1 node: JSON and text are parsed; a body declared JSON that is not is a 422. */
function n8nParseBody(request: N8nRequest): { status: number; body: string } | undefined {
	if (request.rawBody.length === 0) return undefined;
	const text = request.rawBody.toString('utf8');
	if (request.contentType === 'application/json') {
		try {
			request.body = JSON.parse(text);
		} catch (error) {
			return {
				status: 422,
				body: JSON.stringify({ code: 422, message: 'Failed to parse request body', hint: (error as Error).message }),
			};
		}
	} else if (request.contentType === 'text/plain') {
		request.body = text;
	}
	return undefined;
}

/** n8n's answer after webhook(): none when the node answered; 200 "Webhook call received" when it started nothing; else 200 with no body (responseData "noData"). */
function n8nAnswer(result: IWebhookResponseData, response: N8nResponse): void {
	if (result.noWebhookResponse === true || response.headersSent) return;
	if (result.workflowData === undefined) {
		response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
		response.end(JSON.stringify(result.webhookResponse ?? { message: 'Webhook call received' }));
		return;
	}
	response.writeHead(200, {});
	response.end();
}

function triggerNode(setup: TriggerSetup): INode {
	return {
		id: setup.nodeId ?? uniqueNodeId(),
		name: TRIGGER_NAME,
		type: TRIGGER_TYPE,
		typeVersion: 1,
		position: [0, 0],
		webhookId: 'b3c0a1e2-cunnekt-test',
		parameters: setup.parameters,
		credentials: {
			...(setup.credentials ? { cunnektApi: { id: 'test', name: 'Cunnekt (sandbox)' } } : {}),
			...(setup.webhookCredential ? { cunnektWebhookApi: { id: 'webhook', name: 'Cunnekt Webhook' } } : {}),
		},
	};
}

/** The credentials n8n would decrypt for this trigger. */
const credentialsOf = (setup: TriggerSetup, nodes: INode[]) => {
	const data = additionalData(setup.credentials ?? NO_CREDENTIALS, nodes, setup.webhookCredential ? { cunnektWebhookApi: setup.webhookCredential } : {});
	return setup.webhookBaseUrl === undefined ? data : { ...data, webhookBaseUrl: setup.webhookBaseUrl };
};

function webhookDescription(name: 'default' | 'setup'): IWebhookDescription {
	const found = new CunnektTrigger().description.webhooks?.find((webhook) => webhook.name === name);
	if (!found) throw new Error(`The trigger has no ${name} webhook`);
	return found;
}

/** webhook() of the workflow's trigger node, called through n8n-core's WebhookContext. */
async function runWebhook(
	workflow: Workflow,
	node: INode,
	data: IWorkflowExecuteAdditionalData,
	mode: WorkflowExecuteMode,
	request: N8nRequest,
	response: N8nResponse,
): Promise<IWebhookResponseData> {
	const name = request.method === 'GET' ? 'setup' : 'default';
	const withRequest = { ...data, httpRequest: request, httpResponse: response } as unknown as IWorkflowExecuteAdditionalData;
	const webhookData: IWebhookData = {
		httpMethod: request.method === 'GET' ? 'GET' : 'POST',
		node: node.name,
		path: 'webhook',
		webhookDescription: webhookDescription(name),
		workflowId: workflow.id,
		workflowExecuteAdditionalData: withRequest,
		webhookId: node.webhookId,
	};
	const context = new WebhookContext(workflow, node, withRequest, mode, webhookData, [], null);
	return await new CunnektTrigger().webhook.call(context);
}

function contentTypeOf(header: string | undefined): string | undefined {
	return header?.split(';')[0].trim().toLowerCase() || undefined;
}

/** Records what the node (or n8n) answered. */
class RecordingResponse implements N8nResponse {
	status = 0;
	headers: Record<string, string> = {};
	body = '';
	headersSent = false;

	writeHead(status: number, headers: Record<string, string> = {}): this {
		this.status = status;
		this.headers = { ...headers };
		this.headersSent = true;
		return this;
	}

	end(body: string | Buffer = ''): this {
		this.body = Buffer.isBuffer(body) ? body.toString('utf8') : body;
		return this;
	}
}

/** One request to the trigger, built in the test; answers with what the sender would see and what started. */
export async function callTrigger(setup: TriggerSetup, call: TriggerRequest = {}): Promise<TriggerAnswer> {
	const node = triggerNode(setup);
	const workflow = new Workflow({
		id: setup.workflowId ?? 'trigger-test-workflow',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes: nodeTypes(),
	});
	const method = call.method ?? 'POST';
	const rawBody =
		call.body === undefined
			? Buffer.alloc(0)
			: Buffer.isBuffer(call.body)
				? call.body
				: Buffer.from(typeof call.body === 'string' ? call.body : JSON.stringify(call.body), 'utf8');
	const contentType = call.contentType ?? (rawBody.length > 0 ? 'application/json' : undefined);
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(call.headers ?? {})) headers[name.toLowerCase()] = value;
	if (contentType) headers['content-type'] = contentType;
	const query = call.query ?? {};
	const request: N8nRequest = {
		method,
		url: `/webhook/${node.webhookId}/webhook`,
		headers,
		query,
		params: {},
		rawBody,
		contentType: contentTypeOf(contentType),
	};
	const response = new RecordingResponse();
	const refused = n8nParseBody(request);
	if (refused) return { status: refused.status, body: refused.body, headers: {} };
	const data = credentialsOf(setup, [node]);
	const result = await runWebhook(workflow, node, data, setup.mode ?? 'webhook', request, response);
	n8nAnswer(result, response);
	return {
		status: response.status,
		body: response.body,
		headers: response.headers,
		result,
		items: result.workflowData?.[0],
	};
}

export interface FollowingNode {
	name: string;
	type: string;
	parameters: INodeParameters;
	credentials?: boolean;
}

export interface TriggerWorkflow {
	/** The production webhook URL (POST events, GET WhatsApp's handshake). */
	url: string;
	/** Every execution the trigger started, once finished. */
	executions: IRun[];
	/** Resolves when every execution started so far has finished. */
	idle(): Promise<void>;
	close(): Promise<void>;
}

function readRequestBody(request: http.IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => resolve(Buffer.concat(chunks)));
		request.on('error', reject);
	});
}

/** The items the trigger returned, run through the engine with the nodes that follow it (as n8n starts a webhook execution). */
async function execute(
	workflow: Workflow,
	node: INode,
	data: IWorkflowExecuteAdditionalData,
	items: INodeExecutionData[][],
): Promise<IRun> {
	const runExecutionData = {
		startData: {},
		resultData: { runData: {} },
		executionData: {
			contextData: {},
			metadata: {},
			nodeExecutionStack: [{ node, data: { main: items }, source: null }],
			waitingExecution: {},
			waitingExecutionSource: {},
		},
	} as unknown as IRunExecutionData;
	return await new WorkflowExecute(data, 'webhook', runExecutionData).processRunExecutionData(workflow);
}

/** An active workflow "Cunnekt Trigger → following nodes" behind a real HTTP server on 127.0.0.1. */
export async function startTriggerWorkflow(
	setup: TriggerSetup & { following?: FollowingNode[] },
): Promise<TriggerWorkflow> {
	const node = triggerNode(setup);
	const following: INode[] = (setup.following ?? []).map((next, index) => ({
		id: `following-${index}`,
		name: next.name,
		type: next.type,
		typeVersion: 1,
		position: [200 * (index + 1), 0],
		parameters: next.parameters,
		...(next.credentials ? { credentials: { cunnektApi: { id: 'test', name: 'Cunnekt (sandbox)' } } } : {}),
	}));
	const chain = [node, ...following];
	const connections: IConnections = {};
	for (let index = 0; index + 1 < chain.length; index++) {
		connections[chain[index].name] = { main: [[{ node: chain[index + 1].name, type: 'main', index: 0 }]] };
	}
	const workflow = new Workflow({
		id: setup.workflowId ?? 'trigger-workflow',
		nodes: chain,
		connections,
		active: true,
		nodeTypes: nodeTypes(),
	});
	const data = credentialsOf(setup, chain);
	const executions: IRun[] = [];
	const running = new Set<Promise<void>>();
	const path = `/webhook/${node.webhookId}/webhook`;

	const server = http.createServer(async (incoming, outgoing) => {
		try {
			const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
			if (url.pathname !== path || (incoming.method !== 'POST' && incoming.method !== 'GET')) {
				outgoing.writeHead(404, { 'content-type': 'application/json' });
				outgoing.end(JSON.stringify({ code: 404, message: 'The requested webhook is not registered.' }));
				return;
			}
			const query: Record<string, string | string[]> = {};
			for (const [name, value] of url.searchParams) {
				const existing = query[name];
				query[name] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
			}
			const request: N8nRequest = {
				method: incoming.method,
				url: incoming.url ?? '/',
				headers: incoming.headers,
				query,
				params: {},
				rawBody: await readRequestBody(incoming),
				contentType: contentTypeOf(incoming.headers['content-type']),
			};
			const refused = n8nParseBody(request);
			if (refused) {
				outgoing.writeHead(refused.status, { 'content-type': 'application/json' });
				outgoing.end(refused.body);
				return;
			}
			const result = await runWebhook(workflow, node, data, setup.mode ?? 'webhook', request, outgoing);
			n8nAnswer(result, outgoing);
			if (result.workflowData) {
				const run = execute(workflow, node, data, result.workflowData).then((done) => {
					executions.push(done);
				});
				running.add(run);
				void run.finally(() => running.delete(run));
			}
		} catch (error) {
			// What n8n answers when webhook() throws; a test that sees it has found a defect.
			if (!outgoing.headersSent) outgoing.writeHead(500, { 'content-type': 'application/json' });
			outgoing.end(JSON.stringify({ code: 500, message: 'Workflow Webhook Error: Workflow could not be started!', cause: String(error) }));
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}${path}`,
		executions,
		idle: async () => {
			while (running.size > 0) await Promise.all([...running]);
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

/** The items a node produced in a finished execution. */
export function outputOf(run: IRun, nodeName: string): IDataObject[] {
	return (run.data.resultData.runData[nodeName]?.[0]?.data?.main?.[0] ?? []).map((item) => item.json);
}
