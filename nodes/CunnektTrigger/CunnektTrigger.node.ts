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

import { plural } from '../shared/values';
import { authenticationProblem, readsCredential, verificationAnswer } from './authenticate';
import type { AuthenticationMode, AuthenticationSettings } from './authenticate';
import { parseJsonBody, rawBodyOf, sizeProblem } from './body';
import { checkWebhookCredential, WEBHOOK_CREDENTIAL_NAME } from './checkCredential';
import { dropDuplicates } from './dedupe';
import { depthProblem } from './depth';
import { CREDENTIAL_MODES, DEFAULTS, triggerProperties } from './description';
import { attachMedia } from './downloadMedia';
import { parseBusinessNumbers, passesFilters } from './filters';
import type { TriggerFilters } from './filters';
import { normalisePayload } from './normalise';
import { resumeWaitingExecutions, splitResumeTaps } from './resume';

/** What webhook() needs of the HTTP response to answer by itself (express's Response in n8n). */
interface PlainResponse {
	writeHead(status: number, headers: Record<string, string>): unknown;
	end(body: string): unknown;
}

interface TriggerOptions {
	businessNumbers?: string;
	downloadMedia?: boolean;
	duplicateWindow?: number;
	maxBodySize?: number;
	messageTypes?: string[];
	verifyToken?: string;
}

/** Answers the call without starting the workflow. */
function answer(response: PlainResponse, status: number, body: string): IWebhookResponseData {
	response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' });
	response.end(body);
	return { noWebhookResponse: true };
}

interface WebhookSecrets {
	secret: string;
	appSecret: string;
	verifyToken: string;
}

/**
 * The secrets to check calls against: the Cunnekt Webhook API credential's when one is selected (n8n shows it for
 * every Authentication but None); else the node's own fields, where workflows saved before the credential existed
 * keep them.
 */
async function readSecrets(context: IWebhookFunctions, mode: AuthenticationMode, options: TriggerOptions): Promise<WebhookSecrets> {
	if (readsCredential(mode) && context.getNode().credentials?.[WEBHOOK_CREDENTIAL_NAME] !== undefined) {
		const credential = await context.getCredentials<Partial<WebhookSecrets> & { sharedSecret?: string }>(
			WEBHOOK_CREDENTIAL_NAME,
		);
		return {
			secret: credential.sharedSecret ?? '',
			appSecret: credential.appSecret ?? '',
			verifyToken: credential.verifyToken ?? '',
		};
	}
	return {
		secret: context.getNodeParameter('secret', '') as string,
		appSecret: context.getNodeParameter('appSecret', '') as string,
		verifyToken: options.verifyToken ?? '',
	};
}

function readAuthentication(context: IWebhookFunctions, mode: AuthenticationMode, secrets: WebhookSecrets): AuthenticationSettings {
	const secretIn = context.getNodeParameter('secretIn', 'query') as 'header' | 'query';
	return {
		mode,
		secretIn,
		secretName:
			secretIn === 'header'
				? (context.getNodeParameter('headerName', 'X-Webhook-Secret') as string)
				: (context.getNodeParameter('parameterName', 'secret') as string),
		secret: secrets.secret,
		appSecret: secrets.appSecret,
	};
}

function readFilters(context: IWebhookFunctions, options: TriggerOptions): TriggerFilters {
	const events = context.getNodeParameter('events', [...DEFAULTS.events]) as string[];
	return {
		events,
		statuses: events.includes('status')
			? (context.getNodeParameter('statuses', [...DEFAULTS.statuses]) as string[])
			: [],
		messageTypes: options.messageTypes ?? [],
		businessNumbers: parseBusinessNumbers(options.businessNumbers ?? ''),
	};
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
		credentials: [
			// Only for the "Download Media" option.
			{ name: 'cunnektApi', required: false },
			{
				name: 'cunnektWebhookApi',
				required: false,
				displayOptions: { show: { authentication: CREDENTIAL_MODES } },
				testedBy: 'cunnektWebhookApiTest',
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

		const request = this.getRequestObject();
		const rawBody = rawBodyOf(request.rawBody, this.getBodyData());
		const tooLarge = sizeProblem(rawBody, options.maxBodySize ?? DEFAULTS.maxBodySizeKb);
		if (tooLarge) return answer(response, 400, tooLarge);

		const unauthorized = authenticationProblem(readAuthentication(this, mode, secrets), {
			headers: this.getHeaderData(),
			query: this.getQueryData() as IDataObject,
			rawBody,
		});
		if (unauthorized) return answer(response, 401, unauthorized);

		const tooDeep = depthProblem(rawBody);
		if (tooDeep) return answer(response, 400, tooDeep);
		const body = parseJsonBody(rawBody);
		if (!body.ok) return answer(response, 400, body.reason);
		const normalised = normalisePayload(body.payload);
		if (!normalised.ok) return answer(response, 400, normalised.reason);

		// Taps on Send and Wait requests resume their executions and start none here (answered at once when alone).
		const { taps, others } = splitResumeTaps(normalised.events);
		if (taps.length > 0 && others.length === 0) {
			answer(response, 200, `Received: ${plural(taps.length, 'answer')} to Send and Wait, handed to the waiting execution`);
			await resumeWaitingExecutions.call(this, taps);
			return { noWebhookResponse: true };
		}
		if (taps.length > 0) await resumeWaitingExecutions.call(this, taps);

		const filters = readFilters(this, options);
		const wanted = others.filter((event) => passesFilters(event, filters));
		// While testing ("Execute step") the user resends samples on purpose: only live calls are deduplicated.
		const fresh =
			this.getMode() === 'manual'
				? wanted
				: dropDuplicates(
						`${this.getWorkflow().id ?? ''}:${this.getNode().id}`,
						wanted,
						(options.duplicateWindow ?? DEFAULTS.duplicateWindowMinutes) * 60_000,
					);
		if (fresh.length === 0) {
			const received = others.length;
			if (received === 0) return answer(response, 200, 'Received: the payload carries no events');
			const filtered = received - wanted.length;
			const duplicates = wanted.length;
			return answer(
				response,
				200,
				`Received ${plural(received, 'event')}; none starts this workflow (filtered out: ${filtered}, duplicates: ${duplicates})`,
			);
		}

		const items: INodeExecutionData[] = fresh.map((event) => ({ json: { ...event } }));
		if (options.downloadMedia === true) await attachMedia.call(this, items);
		return { workflowData: [items] };
	}
}
