/**
 * A Send and Wait tap through the Cunnekt Trigger to the waiting execution, in n8n's engine: the request's reply ids
 * come from Reply → Send and Wait (signed by n8n-core), the trigger runs in n8n-core's WebhookContext, and a local
 * HTTP server plays the part of n8n's waiting-webhook route that a tap meets (n8n-core's signature check, then the
 * action node's resume webhook in a WebhookContext of its own; an execution resumes once).
 */
import http from 'http';
import type { AddressInfo } from 'net';

import { Container } from '@n8n/di';
import {
	buildResumeUrlSuffix,
	generateUrlSignature,
	InstanceSettings,
	prepareUrlForSigning,
	validateUrlSignature,
	WebhookContext,
} from 'n8n-core';
import { Workflow } from 'n8n-workflow';
import type { IDataObject, INode, INodeParameters, IWebhookData, IWorkflowExecuteAdditionalData } from 'n8n-workflow';

import { Cunnekt } from '../../../nodes/Cunnekt/Cunnekt.node';
import { answerQuery, encodeRoute, recipientFingerprint } from '../../../nodes/shared/resumeRouting';
import type { ResumeAnswer } from '../../../nodes/shared/resumeRouting';
import { additionalData, nodeTypes, runCunnekt } from '../../helpers/n8n';
import { onlyReplySent, SEED_MOBILE, useReplySandbox } from '../../helpers/reply';
import { credentialsFor } from '../../helpers/sandbox';
import type { MessageOptions } from '../../helpers/sender';
import { webhooks } from '../../helpers/sender';
import { callTrigger } from '../../helpers/trigger';

const context = useReplySandbox();
const CUNNEKT_NODE_ID = 'cunnekt';
const BSUID = 'IN.13491208655302741918';
const STRANGER = '918888888888';
const APPROVAL: INodeParameters = {
	resource: 'reply',
	operation: 'sendAndWait',
	message: 'Refund 250 EUR?',
	responseType: 'approval',
	approvalOptions: { values: { approvalType: 'double' } },
};

const secret = () => Container.get(InstanceSettings).hmacSignatureSecret;

/** An execution waiting at Reply → Send and Wait (its node's parameters), and what it resumed with. */
interface Waiting {
	parameters: INodeParameters;
	resumedWith?: IDataObject;
}

/** The part of n8n 2.41's waiting-webhook route a forwarded tap meets (packages/cli waiting-webhooks.ts). */
class WaitingRoute {
	readonly executions = new Map<string, Waiting>();
	/** Every request n8n received: path, query and body. */
	readonly received: Array<{ path: string; query: Record<string, string>; body: IDataObject }> = [];
	private server?: http.Server;
	baseUrl = '';

	async start(): Promise<void> {
		this.server = http.createServer((request, response) => {
			const chunks: Buffer[] = [];
			request.on('data', (chunk: Buffer) => chunks.push(chunk));
			request.on('end', () => {
				void this.answer(request, Buffer.concat(chunks).toString('utf8')).then(({ status, body, type }) => {
					response.writeHead(status, { 'content-type': type });
					response.end(body);
				});
			});
		});
		await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
		this.baseUrl = `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}`;
	}

	async stop(): Promise<void> {
		await new Promise((resolve) => this.server?.close(resolve));
	}

	private async answer(request: http.IncomingMessage, text: string): Promise<{ status: number; body: string; type: string }> {
		const url = new URL(request.url ?? '/', this.baseUrl);
		const body = text === '' ? {} : (JSON.parse(text) as IDataObject);
		const query = Object.fromEntries(url.searchParams);
		this.received.push({ path: url.pathname, query, body });
		const [, , executionId, nodeId] = url.pathname.split('/');
		const execution = this.executions.get(executionId);
		const html = (page: string) => ({ body: `<html>${page}</html>`, type: 'text/html' });
		if (!execution) return { status: 404, body: `{"message":"The execution \\"${executionId}\\" does not exist."}`, type: 'application/json' };
		if (!validateUrlSignature(query.signature ?? '', url, secret())) return { status: 401, ...html('form-invalid-token') };
		if (execution.resumedWith) return { status: 200, ...html('send-and-wait-no-action-required') };
		const result = await resumeWebhook(executionId, nodeId, execution.parameters, query, body);
		execution.resumedWith = result.workflowData?.[0]?.[0]?.json;
		return { status: 200, body: JSON.stringify(result.webhookResponse), type: 'application/json' };
	}
}

/** The action node's resume webhook, as n8n calls it on a signed resume URL. */
async function resumeWebhook(executionId: string, nodeId: string, parameters: INodeParameters, query: IDataObject, body: IDataObject) {
	const node: INode = {
		id: nodeId,
		name: 'Ask',
		type: 'n8n-nodes-cunnekt.cunnekt',
		typeVersion: 1,
		position: [0, 0],
		parameters,
	};
	const workflow = new Workflow({ id: 'waiting-workflow', nodes: [node], connections: {}, active: true, nodeTypes: nodeTypes() });
	const data = {
		...additionalData({ apiKey: 'unused', baseUrl: 'http://127.0.0.1:9/v1' }, [node], {}, executionId),
		httpRequest: { method: 'POST', query, body, headers: {}, params: {} },
		httpResponse: {},
	} as unknown as IWorkflowExecuteAdditionalData;
	const description = new Cunnekt().description.webhooks?.[0];
	if (!description) throw new Error('The Cunnekt node has no resume webhook');
	const webhookData: IWebhookData = {
		httpMethod: 'POST',
		node: node.name,
		path: '',
		webhookDescription: description,
		workflowId: workflow.id,
		workflowExecuteAdditionalData: data,
	};
	return await new Cunnekt().webhook.call(new WebhookContext(workflow, node, data, 'webhook', webhookData, [], null));
}

const route = new WaitingRoute();
beforeAll(async () => await route.start());
afterAll(async () => await route.stop());
beforeEach(() => {
	route.executions.clear();
	route.received.length = 0;
});

/** Sends the question to SEED_MOBILE as execution `executionId`; its Approve and Decline ids. */
async function ask(executionId: string): Promise<{ approve: string; decline: string; questionId: string }> {
	const result = await runCunnekt({ parameters: { ...APPROVAL, mobile: SEED_MOBILE }, credentials: credentialsFor(context.sandbox), executionId });
	expect(result.error).toBeUndefined();
	const { buttons } = onlyReplySent(context.sandbox) as { buttons: Array<{ reply: { id: string } }> };
	route.executions.set(executionId, { parameters: APPROVAL });
	return { approve: buttons[0].reply.id, decline: buttons[1].reply.id, questionId: context.sandbox.state.sent[0].id };
}

/**
 * A reply id as Reply → Send and Wait makes it for a request to `recipient`, signed the way n8n-core's
 * getSignedResumeUrl signs (a BSUID recipient cannot be sent to by the action node yet: docs/send-and-wait.md).
 */
function routeFor(executionId: string, recipient: string, answer: ResumeAnswer, bound = true): string {
	const nonce = 'mk9x2a';
	const fingerprint = recipientFingerprint(recipient);
	const url = new URL(`http://127.0.0.1/webhook-waiting${buildResumeUrlSuffix(executionId, CUNNEKT_NODE_ID)}`);
	for (const [name, value] of Object.entries(answerQuery(answer, nonce, bound ? fingerprint : null))) url.searchParams.set(name, value);
	url.searchParams.set('signature', generateUrlSignature(prepareUrlForSigning(url), secret()));
	if (bound) return encodeRoute(url.toString(), answer, nonce, fingerprint);
	return `sw1:${executionId}:${CUNNEKT_NODE_ID}:${'approved' in answer && answer.approved ? 'a1' : 'a0'}:${nonce}:${url.searchParams.get('signature')}`;
}

/** The customer taps a reply button with this id; the trigger's answer (and whether it started an execution). */
async function tap(replyId: string, options: MessageOptions = {}) {
	const built = webhooks.inboundMessage('button_reply', { replyId, title: 'Approve', ...options });
	const answer = await callTrigger({ parameters: {}, webhookBaseUrl: `${route.baseUrl}/webhook` }, { body: built.value });
	return { status: answer.status, body: answer.body, started: answer.items !== undefined, message: built.message };
}

const respondedAt = (message: Record<string, unknown>) => new Date(Number(message.timestamp) * 1000).toISOString();

describe('Send and Wait: a tap through the Cunnekt Trigger', () => {
	it('from the person asked: resumes the execution, which says who answered; the same tap again and a late Decline resume nothing', async () => {
		const { approve, decline, questionId } = await ask('4711');
		const first = await tap(approve, { from: SEED_MOBILE, context: { id: questionId } });
		expect(first).toMatchObject({
			status: 200,
			body: `Received an answer to Send and Wait from ${SEED_MOBILE}: it resumed the waiting execution`,
			started: false,
		});
		expect(route.executions.get('4711')?.resumedWith).toEqual({
			data: { approved: true, respondedBy: SEED_MOBILE, respondedAt: respondedAt(first.message), messageId: first.message.id, requestMessageId: questionId },
		});
		expect(route.received.map((request) => [request.path, request.query.recipient])).toEqual([
			[`/webhook-waiting/4711/${CUNNEKT_NODE_ID}`, recipientFingerprint(SEED_MOBILE)],
		]);

		const again = await callTrigger(
			{ parameters: {}, webhookBaseUrl: `${route.baseUrl}/webhook` },
			{ body: { messaging_product: 'whatsapp', metadata: webhooks.BUSINESS, contacts: [], messages: [first.message] } },
		);
		expect([again.status, again.body]).toEqual([
			200,
			`Received an answer to Send and Wait from ${SEED_MOBILE}: it resumed nothing, as it was handed to its execution already (the same tap again)`,
		]);
		const late = await tap(decline, { from: SEED_MOBILE });
		expect(late.body).toBe(
			`Received an answer to Send and Wait from ${SEED_MOBILE}: it resumed nothing, as its execution no longer waits (answered already, timed out, stopped or finished)`,
		);
		expect(route.received).toHaveLength(2);
		expect(route.executions.get('4711')?.resumedWith).toMatchObject({ data: { approved: true } });
	});

	it('from anyone else: answered 200 with why, nothing reaches n8n, nothing starts, the execution still waits', async () => {
		const { approve } = await ask('4712');
		const other = await tap(approve, { from: STRANGER, userId: 'IN.99999999999999999999' });
		expect(other).toMatchObject({
			status: 200,
			body: `Received an answer to Send and Wait from ${STRANGER}: it resumed nothing, as the request was sent to someone else, and only the person asked can answer it`,
			started: false,
		});
		expect(route.received).toEqual([]);
		expect(route.executions.get('4712')?.resumedWith).toBeUndefined();
		// The person asked can still answer.
		expect((await tap(approve, { from: SEED_MOBILE })).body).toBe(
			`Received an answer to Send and Wait from ${SEED_MOBILE}: it resumed the waiting execution`,
		);
	});

	it('a forged tap (Decline with the Approve signature): n8n refuses it, and the answer says so; the execution still waits', async () => {
		const { approve, decline } = await ask('4713');
		const forged = `${decline.slice(0, -64)}${approve.slice(-64)}`;
		const answer = await tap(forged, { from: SEED_MOBILE });
		expect(answer).toMatchObject({
			status: 200,
			body: `Received an answer to Send and Wait from ${SEED_MOBILE}: it resumed nothing, as n8n refused it: its signature does not match (the answer was altered or forged)`,
			started: false,
		});
		expect(route.received.map((request) => request.query.approved)).toEqual(['false']);
		expect(route.executions.get('4713')?.resumedWith).toBeUndefined();
		// An id whose recipient was swapped for the forger's own number fails n8n's signature too.
		const swapped = approve.replace(`:${recipientFingerprint(SEED_MOBILE)}:`, `:${recipientFingerprint(STRANGER)}:`);
		expect((await tap(swapped, { from: STRANGER })).body).toMatch(/it resumed nothing, as n8n refused it: its signature does not match/);
	});

	it('a customer with no phone number in the webhook, asked by BSUID: resumes, respondedBy is the BSUID', async () => {
		route.executions.set('4714', { parameters: APPROVAL });
		const answer = await tap(routeFor('4714', BSUID, { approved: true }), { withoutPhone: true });
		expect(answer).toMatchObject({ status: 200, body: `Received an answer to Send and Wait from ${BSUID}: it resumed the waiting execution`, started: false });
		expect(route.executions.get('4714')?.resumedWith).toEqual({
			data: { approved: true, respondedBy: BSUID, respondedAt: respondedAt(answer.message), messageId: answer.message.id, requestMessageId: null },
		});
	});

	it('asked by BSUID, the tap carries the number too: resumes; respondedBy is the address the request was sent to', async () => {
		route.executions.set('4715', { parameters: APPROVAL });
		const answer = await tap(routeFor('4715', BSUID, { approved: false }), { from: SEED_MOBILE, userId: BSUID });
		expect(answer.body).toBe(`Received an answer to Send and Wait from ${SEED_MOBILE}: it resumed the waiting execution`);
		expect(route.executions.get('4715')?.resumedWith).toMatchObject({ data: { approved: false, respondedBy: BSUID } });
		route.executions.set('4716', { parameters: APPROVAL });
		const stranger = await tap(routeFor('4716', BSUID, { approved: true }), { withoutPhone: true, userId: 'IN.99999999999999999999' });
		expect(stranger.body).toBe(
			'Received an answer to Send and Wait from IN.99999999999999999999: it resumed nothing, as the request was sent to someone else, and only the person asked can answer it',
		);
	});

	it('a request sent before the recipient was bound (an sw1 id) still resumes, from whoever taps', async () => {
		route.executions.set('4717', { parameters: APPROVAL });
		const unbound = routeFor('4717', SEED_MOBILE, { approved: true }, false);
		expect(unbound).toMatch(/^sw1:4717:cunnekt:a1:mk9x2a:[0-9a-f]{64}$/);
		const answer = await tap(unbound, { from: STRANGER });
		expect(answer.body).toBe(`Received an answer to Send and Wait from ${STRANGER}: it resumed the waiting execution`);
		expect(route.executions.get('4717')?.resumedWith).toMatchObject({ data: { approved: true, respondedBy: STRANGER } });
	});

	it('a tap beside other events: the events start the workflow, the tap still resumes its execution', async () => {
		const { approve } = await ask('4718');
		const body = webhooks.batchValue([
			webhooks.inboundMessage('button_reply', { replyId: approve, from: SEED_MOBILE }).value,
			webhooks.inboundMessage('text', { from: SEED_MOBILE, text: 'thanks' }).value,
		]);
		const answer = await callTrigger({ parameters: {}, webhookBaseUrl: `${route.baseUrl}/webhook` }, { body });
		expect([answer.status, answer.body, answer.items?.map((item) => item.json.text)]).toEqual([200, '', ['thanks']]);
		expect(route.executions.get('4718')?.resumedWith).toMatchObject({ data: { approved: true, respondedBy: SEED_MOBILE } });
	});

	it("n8n cannot be reached: the answer says so, and the same tap sent again tries again", async () => {
		const { approve } = await ask('4719');
		const unreachable = await callTrigger(
			{ parameters: {}, webhookBaseUrl: 'http://127.0.0.1:9/webhook' },
			{ body: webhooks.inboundMessage('button_reply', { replyId: approve, from: SEED_MOBILE, id: 'wamid.retried' }).value },
		);
		expect(unreachable.body).toMatch(
			new RegExp(`^Received an answer to Send and Wait from ${SEED_MOBILE}: it resumed nothing, as n8n's resume URL could not be reached; the same tap sent again tries again \\(.+\\)$`),
		);
		expect((await tap(approve, { from: SEED_MOBILE, id: 'wamid.retried' })).body).toBe(
			`Received an answer to Send and Wait from ${SEED_MOBILE}: it resumed the waiting execution`,
		);
	});
});
