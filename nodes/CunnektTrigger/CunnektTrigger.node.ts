import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	IHookFunctions,
	INodeCredentialTestResult,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { nothingStartsAnswer, tapsAnswer } from './answers';
import { authenticationProblem, verificationAnswer } from './authenticate';
import type { AuthenticationMode } from './authenticate';
import { parseJsonBody, rawBodyOf, sizeProblem } from './body';
import { checkWebhookCredential } from './checkCredential';
import { dropDuplicates } from './dedupe';
import { depthProblem } from './depth';
import { CREDENTIAL_MODES, DEFAULTS, triggerProperties } from './description';
import { attachMedia } from './downloadMedia';
import type { TriggerEvent } from './events';
import { filteredOutBecause } from './filters';
import { normalisePayload } from './normalise';
import { resumeWaitingExecutions, splitResumeTaps } from './resume';
import { readAuthentication, readFilters, readSecrets } from './settings';
import type { TriggerOptions, WebhookSecrets } from './settings';

/** What webhook() needs of the HTTP response to answer by itself (express's Response in n8n). */
interface PlainResponse {
	writeHead(status: number, headers: Record<string, string>): unknown;
	end(body: string): unknown;
}

/** Answers the call without starting the workflow. */
function answer(response: PlainResponse, status: number, body: string): IWebhookResponseData {
	response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' });
	response.end(body);
	return { noWebhookResponse: true };
}

type Received = { ok: true; events: TriggerEvent[] } | { ok: false; status: 400 | 401; reason: string };

/** The request's events, or why it starts nothing: too large, not authenticated, too deep, not JSON, not a webhook. */
function receivedEvents(
	context: IWebhookFunctions,
	options: TriggerOptions,
	mode: AuthenticationMode,
	secrets: WebhookSecrets,
): Received {
	const rawBody = rawBodyOf(context.getRequestObject().rawBody, context.getBodyData());
	const tooLarge = sizeProblem(rawBody, options.maxBodySize ?? DEFAULTS.maxBodySizeKb);
	if (tooLarge) return { ok: false, status: 400, reason: tooLarge };
	const unauthorized = authenticationProblem(readAuthentication(context, mode, secrets), {
		headers: context.getHeaderData(),
		query: context.getQueryData() as IDataObject,
		rawBody,
	});
	if (unauthorized) return { ok: false, status: 401, reason: unauthorized };
	const tooDeep = depthProblem(rawBody);
	if (tooDeep) return { ok: false, status: 400, reason: tooDeep };
	const body = parseJsonBody(rawBody);
	if (!body.ok) return { ok: false, status: 400, reason: body.reason };
	const normalised = normalisePayload(body.payload);
	return normalised.ok ? normalised : { ok: false, status: 400, reason: normalised.reason };
}

/** The wanted events not seen before; while testing ("Execute step") the user resends samples on purpose, so all. */
function freshEvents(context: IWebhookFunctions, options: TriggerOptions, wanted: TriggerEvent[]): TriggerEvent[] {
	if (context.getMode() === 'manual') return wanted;
	return dropDuplicates(
		`${context.getWorkflow().id ?? ''}:${context.getNode().id}`,
		wanted,
		(options.duplicateWindow ?? DEFAULTS.duplicateWindowMinutes) * 60_000,
	);
}

export class CunnektTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cunnekt Trigger',
		name: 'cunnektTrigger',
		icon: { light: 'file:cunnekt.svg', dark: 'file:cunnekt.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"On " + ($parameter["events"] || []).map((event) => ({ message: "messages", status: "statuses", error: "errors" })[event] || event).join(", ")}}',
		// n8n's nodes panel shows one "Cunnekt" item for both nodes and describes it with the trigger's description
		// (also when adding an action): so it names the actions first, then what the trigger does.
		description:
			'Send WhatsApp template and reply messages, manage media, templates and campaigns, and start workflows on customers\' messages and delivery statuses, with Cunnekt',
		defaults: { name: 'Cunnekt Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		// Named by what each is for (n8n labels them "Credential" and "Credential for …" otherwise): the webhook's
		// secrets for the Authentications that check one, the API key only for Options → Download Media.
		credentials: [
			{
				name: 'cunnektWebhookApi',
				displayName: 'Webhook Secrets (Cunnekt Webhook API)',
				required: false,
				displayOptions: { show: { authentication: CREDENTIAL_MODES } },
				testedBy: 'cunnektWebhookApiTest',
			},
			{
				name: 'cunnektApi',
				displayName: 'For Download Media: Cunnekt API',
				required: false,
				displayOptions: { show: { 'options.downloadMedia': [true] } },
			},
		],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				// n8n's default answers with the literal text "firstEntryJson"; a sender only needs the 200.
				responseData: 'noData',
				path: 'webhook',
			},
			{
				// WhatsApp's verification handshake (hub.challenge), on the same URL.
				name: 'setup',
				httpMethod: 'GET',
				responseMode: 'onReceived',
				path: 'webhook',
				ndvHideUrl: true,
			},
		],
		triggerPanel: {
			header: 'Pull in events from Cunnekt',
			executionsHelp: {
				inactive:
					'<b>While building your workflow</b>, paste the Test URL into Cunnekt → API Settings → Webhook URL, click "Execute step", then send your WhatsApp number a message: it appears here.<br /><br /><b>Once you are happy with your workflow</b>, paste the Production URL there instead and Publish the workflow. Every message and status Cunnekt posts then starts it; those executions are in the executions list.',
				active:
					'<b>While building your workflow</b>, paste the Test URL into Cunnekt → API Settings → Webhook URL, click "Execute step", then send your WhatsApp number a message: it appears here.<br /><br /><b>Your workflow is published</b>: with the Production URL in Cunnekt → API Settings → Webhook URL, every message and status Cunnekt posts starts it; those executions are in the executions list.',
			},
			activationHint:
				'Once your workflow is ready, Publish it and paste the Production URL into Cunnekt → API Settings → Webhook URL.',
		},
		properties: triggerProperties,
	};

	/**
	 * Cunnekt has no API to register, list or remove a webhook: the user pastes the URL in Cunnekt's dashboard. So
	 * these never claim a registration: nothing is known to exist, nothing is created, nothing is deleted (n8n only
	 * calls create when checkExists is false, and reads neither result further).
	 */
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return false;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return false;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return false;
			},
		},
	};

	methods = {
		credentialTest: {
			async cunnektWebhookApiTest(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				return checkWebhookCredential(credential.data ?? {});
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const response = this.getResponseObject() as PlainResponse;
		const options = this.getNodeParameter('options', {}) as TriggerOptions;
		const mode = this.getNodeParameter('authentication', 'none') as AuthenticationMode;
		const secrets = await readSecrets(this, mode, options);

		if (this.getWebhookName() === 'setup') {
			const verification = verificationAnswer(this.getQueryData() as IDataObject, secrets.verifyToken);
			return answer(response, verification.status, verification.body);
		}

		const received = receivedEvents(this, options, mode, secrets);
		if (!received.ok) return answer(response, received.status, received.reason);

		// Answers to Send and Wait resume their executions and start none here; alone, the answer says what became of
		// them; beside other events, the others go on.
		const { taps, others } = splitResumeTaps(received.events);
		const outcomes = taps.length > 0 ? await resumeWaitingExecutions.call(this, taps) : [];
		if (taps.length > 0 && others.length === 0) return answer(response, 200, tapsAnswer(taps, outcomes));

		const filters = readFilters(this, options);
		const reasons = others.map((event) => filteredOutBecause(event, filters));
		const wanted = others.filter((_event, index) => reasons[index] === undefined);
		const fresh = freshEvents(this, options, wanted);
		if (fresh.length === 0) {
			const filteredOut = reasons.filter((reason): reason is string => reason !== undefined);
			const nothing = nothingStartsAnswer(others.length, filteredOut, wanted.length);
			return answer(response, 200, taps.length > 0 ? `${tapsAnswer(taps, outcomes)}. ${nothing}` : nothing);
		}

		const items: INodeExecutionData[] = fresh.map((event) => ({ json: { ...event } }));
		if (options.downloadMedia === true) await attachMedia.call(this, items);
		return { workflowData: [items] };
	}
}
