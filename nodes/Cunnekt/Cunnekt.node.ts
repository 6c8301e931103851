import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	IHookFunctions,
	INodeExecutionData,
	INodePropertyOptions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { resourcePicker, resources } from './actions';
import { resume } from './actions/reply/sendAndWait/resume';
import { router } from './actions/router';
import { sendingOptionsProperties } from './actions/sendingOptions';
import { listSearch, resourceMapping } from './methods';

/**
 * The subtitle under the node on the canvas, in words: "Send Buttons · Reply". An expression that looks the chosen
 * resource and operation up in a table of their names (n8n shows subtitles as they evaluate).
 */
function subtitle(): string {
	const names: Record<string, string> = {};
	for (const resource of resourcePicker.options as INodePropertyOptions[]) {
		const picker = resources[resource.value as keyof typeof resources].description.find((property) => property.name === 'operation');
		for (const operation of (picker?.options ?? []) as INodePropertyOptions[]) {
			names[`${resource.value}:${operation.value}`] = `${operation.name} · ${resource.name}`;
		}
	}
	return `={{ ${JSON.stringify(names)}[$parameter["resource"] + ":" + $parameter["operation"]] }}`;
}

export class Cunnekt implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cunnekt',
		name: 'cunnekt',
		icon: { light: 'file:cunnekt.svg', dark: 'file:cunnekt.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: subtitle(),
		description: 'Send WhatsApp template and reply messages, and manage media, templates and campaigns with Cunnekt',
		defaults: { name: 'Cunnekt' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'cunnektApi', required: true }],
		// Reply → Send and Wait for Response resumes on n8n's signed resume URL (only POST: a link preview or a
		// browser that opens the URL resumes nothing). The Cunnekt Trigger calls it when the person taps.
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				responseData: '',
				path: '={{ $nodeId }}',
				restartWebhook: true,
				isFullPath: true,
			},
		],
		waitingNodeTooltip: '={{ $parameter["operation"] === "sendAndWait" ? "Waiting for the WhatsApp tap" : "" }}',
		properties: [
			resourcePicker,
			...Object.values(resources).flatMap((resource) => resource.description),
			...sendingOptionsProperties,
		],
	};

	methods = { listSearch, resourceMapping };

	/**
	 * The resume webhook is a waiting webhook (restartWebhook): n8n never registers it when a workflow is published,
	 * so there is nothing to create, find or delete anywhere.
	 */
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await resume.call(this);
	}

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
