import type { INodeProperties } from 'n8n-workflow';

import { AUTHENTICATION_MODES, modesChecking, readsCredential } from './authenticate';
import { MAX_REMEMBERED_KEYS } from './dedupe';
import { MESSAGE_KINDS } from './filters';

/** The trigger's panel: setup steps, which events start the workflow, who may call, and the filters. */

/** The Authentications that check the shared secret, and those that check WhatsApp's signature (authenticate.ts). */
const SECRET_MODES = modesChecking('secret');
const SIGNATURE_MODES = modesChecking('signature');
/** The Authentications that read the Cunnekt Webhook API credential (n8n shows the credential for these only). */
export const CREDENTIAL_MODES = AUTHENTICATION_MODES.filter(readsCredential);

/**
 * Shown only while the field holds a value. Workflows saved before the Cunnekt Webhook API credential keep their
 * secrets in these node fields, and keep working (webhook() reads them when no credential is selected); a new node
 * never shows them, and emptying one hides it for good. n8n stores what a node shows, so a hidden empty field holds
 * nothing.
 */
const ONLY_WHEN_SET = [{ _cnd: { exists: true as const } }];
const MOVE_TO_CREDENTIAL =
	'Stored in the workflow in clear (exports and n8n\'s API show it). Move it: put it in a Cunnekt Webhook API credential, select the credential above, then empty this field (it disappears). Used only while no credential is selected.';

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
			'Paste this node\'s Production URL (under Webhook URLs above) into Cunnekt → API Settings → Webhook URL, then Publish the workflow. To try it first, paste the Test URL there, click "Execute step" and send your WhatsApp number a message.',
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
			'Who may start the workflow. The secrets go in a Cunnekt Webhook API credential. A call that fails the check gets 401 with a short reason and starts nothing.',
	},
	{
		displayName:
			'With Authentication None, anyone who has this URL can start the workflow. Choose Shared Secret so that only calls carrying your secret start it.',
		name: 'noAuthenticationNotice',
		type: 'notice',
		displayOptions: { show: { authentication: ['none'] } },
		default: '',
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
		// A notice shows no parameter values (and renders <…> as HTML), and nothing in the editor can read a
		// credential: the URL is spelled with a placeholder. (npm start prints the whole URL for its examples.)
		displayName:
			'The URL to paste into Cunnekt → API Settings → Webhook URL is the Production URL above with your secret at its end: …/webhook?secret=YOUR_SECRET, where YOUR_SECRET is the Shared Secret of your Cunnekt Webhook API credential.',
		name: 'querySecretNotice',
		type: 'notice',
		displayOptions: { show: { authentication: SECRET_MODES, secretIn: ['query'], parameterName: ['secret'] } },
		default: '',
	},
	{
		displayName:
			'The URL to paste into Cunnekt → API Settings → Webhook URL is the Production URL above with your secret at its end: …/webhook?PARAMETER_NAME=YOUR_SECRET, with the Parameter Name above and the Shared Secret of your Cunnekt Webhook API credential.',
		name: 'queryParameterSecretNotice',
		type: 'notice',
		displayOptions: {
			show: { authentication: SECRET_MODES, secretIn: ['query'] },
			hide: { parameterName: ['secret'] },
		},
		default: '',
	},
	{
		displayName:
			'Paste the Production URL above as it is; every call must carry the Header Name below with the Shared Secret of your Cunnekt Webhook API credential (for senders that can add headers: Cunnekt\'s Webhook URL setting cannot).',
		name: 'headerSecretNotice',
		type: 'notice',
		displayOptions: { show: { authentication: SECRET_MODES, secretIn: ['header'] } },
		default: '',
	},
	{
		displayName:
			'For WhatsApp (Meta) calling n8n directly: paste the Production URL above as the Callback URL in your Meta app → WhatsApp → Configuration, with the Verify Token of your Cunnekt Webhook API credential; WhatsApp signs every call with the credential\'s App Secret.',
		name: 'signatureNotice',
		type: 'notice',
		displayOptions: { show: { authentication: SIGNATURE_MODES } },
		default: '',
	},
	{
		displayName: 'Header Name',
		name: 'headerName',
		type: 'string',
		displayOptions: { show: { authentication: SECRET_MODES, secretIn: ['header'] } },
		default: 'X-Webhook-Secret',
	},
	{
		displayName: 'Secret (Old Field)',
		name: 'secret',
		type: 'string',
		typeOptions: { password: true },
		displayOptions: { show: { authentication: SECRET_MODES, secret: ONLY_WHEN_SET } },
		default: '',
		description: MOVE_TO_CREDENTIAL,
	},
	{
		displayName: 'App Secret (Old Field)',
		name: 'appSecret',
		type: 'string',
		typeOptions: { password: true },
		displayOptions: { show: { authentication: SIGNATURE_MODES, appSecret: ONLY_WHEN_SET } },
		default: '',
		description: MOVE_TO_CREDENTIAL,
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
				description: `An event that arrived within this many minutes starts nothing: the same message ID; for a status the same ID and status; for an error the same business number, code, timestamp, title, message and details. Remembered in this n8n process, up to the last ${MAX_REMEMBERED_KEYS.toLocaleString('en-US')} events of this trigger. 0 turns it off.`,
			},
			{
				displayName: 'Max Body Size (KB)',
				name: 'maxBodySize',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 1024,
				description:
					'A larger request gets 400 and starts nothing. n8n itself refuses bodies over its N8N_PAYLOAD_SIZE_MAX (16 MB by default) before this trigger runs, so a value above that has no effect.',
			},
			{
				displayName: 'Message Types',
				name: 'messageTypes',
				type: 'multiOptions',
				options: [
					...Object.entries(MESSAGE_KINDS).map(([value, name]) => ({ name, value })),
					{ name: 'Other Types', value: 'other' },
				].sort((a, b) => a.name.localeCompare(b.name)),
				default: [],
				description: 'Only messages of these types start the workflow. Empty: every type.',
			},
			{
				displayName: 'Verify Token (Old Field)',
				name: 'verifyToken',
				type: 'string',
				typeOptions: { password: true },
				displayOptions: { show: { verifyToken: ONLY_WHEN_SET } },
				default: '',
				description: MOVE_TO_CREDENTIAL,
			},
		],
	},
];
