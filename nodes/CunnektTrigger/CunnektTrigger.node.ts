import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

export class CunnektTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cunnekt Trigger',
		name: 'cunnektTrigger',
		icon: { light: 'file:cunnekt.svg', dark: 'file:cunnekt.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '=Events: {{$parameter["events"] ?? "messages"}}',
		description: 'Starts the workflow when Cunnekt posts an inbound WhatsApp message or a delivery status',
		defaults: { name: 'Cunnekt Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'cunnektApi', required: false }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				responseData: 'noData',
				path: 'webhook',
			},
		],
		properties: [
			{
				displayName:
					'Paste this node\'s Production URL into Cunnekt → API Settings → Webhook URL, then activate the workflow',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
		],
	};

	// Cunnekt has no API to register a webhook: the user pastes the URL in its dashboard, so nothing is registered here.
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
		const body = this.getBodyData() as IDataObject;
		return { workflowData: [[{ json: body }]] };
	}
}
