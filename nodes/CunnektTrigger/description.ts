import type { INodeProperties } from 'n8n-workflow';

import { MAX_REMEMBERED_KEYS } from './dedupe';

/** The trigger's panel: setup steps, which events start the workflow, who may call, and the filters. */

const SECRET_MODES = ['sharedSecret', 'sharedSecretAndSignature'];
const SIGNATURE_MODES = ['signature', 'sharedSecretAndSignature'];

/** The defaults webhook() falls back on when an option is not set (the fields below show the same values). */
export const DEFAULTS = {
	events: ['message', 'status', 'error'],
	statuses: ['failed'],
	duplicateWindowMinutes: 1440,
	maxBodySizeKb: 1024,
} as const;

export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			'Paste this node\'s Production URL (under Webhook URLs above) into Cunnekt → API Settings → Webhook URL, then activate the workflow. To try it first, paste the Test URL there, click "Listen for test event" and send your WhatsApp number a message.',
		name: 'setupNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Trigger On',
		name: 'events',
		type: 'multiOptions',
		required: true,
		options: [
			{ name: 'Errors', value: 'error', description: 'Errors WhatsApp reports for the whole payload' },
			{ name: 'Messages', value: 'message', description: 'Messages customers send: text, replies, media, forms…' },
			{ name: 'Statuses', value: 'status', description: 'What happened to messages you sent: sent, delivered, read, failed' },
			{
				name: 'Template Status Updates',
				value: 'templateStatus',
				description: 'WhatsApp approved, rejected, paused or disabled one of your templates (one item per update)',
			},
		],
		default: [...DEFAULTS.events],
		description: 'Which events start the workflow. A request carrying several events starts one execution with one item per event.',
	},
	{
		displayName: 'Statuses',
		name: 'statuses',
		type: 'multiOptions',
		displayOptions: { show: { events: ['status'] } },
		options: [
			{ name: 'Deleted', value: 'deleted' },
			{ name: 'Delivered', value: 'delivered' },
			{ name: 'Failed', value: 'failed' },
			{ name: 'Played', value: 'played' },
			{ name: 'Read', value: 'read' },
			{ name: 'Sent', value: 'sent' },
			{ name: 'Warning', value: 'warning' },
		],
		default: [...DEFAULTS.statuses],
		description:
			'Which statuses start the workflow. Sent, delivered and read arrive for every message you send (three executions per message), so only Failed is on by default. Leave empty for every status.',
	},
	{
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		options: [
			{ name: 'None', value: 'none', description: 'Anyone who knows the URL can call it' },
			{
				name: 'Shared Secret',
				value: 'sharedSecret',
				description: 'Each call must carry a secret you choose, as a query parameter or a header',
			},
			{
				name: 'Shared Secret and WhatsApp Signature',
				value: 'sharedSecretAndSignature',
				description: 'Both checks',
			},
			{
				name: 'WhatsApp Signature',
				value: 'signature',
				description: 'For WhatsApp\'s own webhook: the X-Hub-Signature-256 header, signed with your Meta app secret',
			},
		],
		default: 'none',
		description:
			'Who may start the workflow. A call that fails the check gets 401 with a short reason and starts nothing.',
	},
	{
		displayName: 'Secret In',
		name: 'secretIn',
		type: 'options',
		displayOptions: { show: { authentication: SECRET_MODES } },
		options: [
			{ name: 'Query Parameter', value: 'query', description: 'Add it to the URL you paste in Cunnekt: …/webhook?secret=…' },
			{ name: 'Header', value: 'header', description: 'For senders that can add headers' },
		],
		default: 'query',
	},
	{
		displayName: 'Parameter Name',
		name: 'parameterName',
		type: 'string',
		displayOptions: { show: { authentication: SECRET_MODES, secretIn: ['query'] } },
		default: 'secret',
		description: 'The query parameter that carries the secret, e.g. secret in https://…/webhook?secret=YOUR_SECRET',
	},
	{
		displayName: 'Header Name',
		name: 'headerName',
		type: 'string',
		displayOptions: { show: { authentication: SECRET_MODES, secretIn: ['header'] } },
		default: 'X-Webhook-Secret',
	},
	{
		displayName: 'Secret',
		name: 'secret',
		type: 'string',
		typeOptions: { password: true },
		displayOptions: { show: { authentication: SECRET_MODES } },
		required: true,
		default: '',
		description: 'A long random value that only you and Cunnekt know',
	},
	{
		displayName: 'App Secret',
		name: 'appSecret',
		type: 'string',
		typeOptions: { password: true },
		displayOptions: { show: { authentication: SIGNATURE_MODES } },
		required: true,
		default: '',
		description:
			'Your Meta app\'s secret (Meta App Dashboard → App Settings → Basic): WhatsApp signs each call\'s raw body with it',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Business Numbers',
				name: 'businessNumbers',
				type: 'string',
				default: '',
				placeholder: '123456789, 919873617805',
				description:
					'Only events for these WhatsApp business numbers: phone number IDs or display numbers, separated by commas. Empty: every number.',
			},
			{
				displayName: 'Download Media',
				name: 'downloadMedia',
				type: 'boolean',
				default: false,
				description:
					'Whether to fetch the file of each image, video, audio, document or sticker message through the Cunnekt credential and attach it as binary data ("data")',
			},
			{
				displayName: 'Duplicate Window (Minutes)',
				name: 'duplicateWindow',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 1440,
				description: `An event whose message ID (for a status: ID and status) arrived within this many minutes starts nothing. Remembered in this n8n process, up to the last ${MAX_REMEMBERED_KEYS.toLocaleString('en-US')} events of this trigger. 0 turns it off.`,
			},
			{
				displayName: 'Max Body Size (KB)',
				name: 'maxBodySize',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 1024,
				description: 'A larger request gets 400 and starts nothing',
			},
			{
				displayName: 'Message Types',
				name: 'messageTypes',
				type: 'multiOptions',
				options: [
					{ name: 'Audio', value: 'audio' },
					{ name: 'Button Reply', value: 'button_reply' },
					{ name: 'Contacts', value: 'contacts' },
					{ name: 'Document', value: 'document' },
					{ name: 'Form Answer (WhatsApp Flow)', value: 'nfm_reply' },
					{ name: 'Image', value: 'image' },
					{ name: 'List Reply', value: 'list_reply' },
					{ name: 'Location', value: 'location' },
					{ name: 'Other Types', value: 'other' },
					{ name: 'Reaction', value: 'reaction' },
					{ name: 'Sticker', value: 'sticker' },
					{ name: 'Template Quick Reply', value: 'button' },
					{ name: 'Text', value: 'text' },
					{ name: 'Video', value: 'video' },
				],
				default: [],
				description: 'Only messages of these types start the workflow. Empty: every type.',
			},
			{
				displayName: 'Verify Token',
				name: 'verifyToken',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description:
					'Only when WhatsApp itself calls this URL (Meta App → WhatsApp → Configuration): the Verify Token you enter there. The trigger answers WhatsApp\'s check with its challenge when the tokens match.',
			},
		],
	},
];
