import { NodeOperationError, SEND_AND_WAIT_OPERATION, updateDisplayOptions, WAIT_INDEFINITELY } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { InputError } from '../../../shared/errors';
import { answerQuery, encodeRoute, MAX_ROUTING_LENGTH, readForwardedTap, RESUMED_ANSWER } from '../../../shared/resumeRouting';
import type { ResumeAnswer } from '../../../shared/resumeRouting';
import type { ReplyMessage } from '../../../shared/platforms/message';
import type { CunnektTemplate, TemplateComponent } from '../../../shared/types';
import { checkLength, checkUnique, LIMITS } from '../../whatsapp/limits';
import type { Range } from '../../whatsapp/limits';
import { mobileProperty, readMobile } from '../common';
import { readTemplateId, templateLocator } from '../pickers';
import { templateForExecution } from '../templateLookup';
import { templateParameterProperties } from '../templateParameters';
import { readTemplateMessage, sendTemplateMessage } from '../templateSending';
import { entryText, readEntries, readLimitedText, sendReply } from './shared';

/**
 * Reply → Send and Wait for Response: sends a question with native WhatsApp buttons (or list rows, or a template's
 * quick replies), puts the execution to wait, and resumes with the answer when the Cunnekt Trigger forwards the tap
 * to n8n's signed resume URL (see nodes/shared/resumeRouting.ts and nodes/CunnektTrigger/resume.ts). Parameter names
 * follow n8n's own send-and-wait nodes (message, responseType, approvalOptions, options.limitWaitTime), which is also
 * what lets n8n generate the "Human review" tool (cunnektHitlTool) from this node.
 */

const { buttonTitle, listRowTitle, listButton, listRowId, interactiveBody } = LIMITS;

/** How many options a choice offers: 2–3 reply buttons or 2–10 list rows (one option is not a choice). */
const CHOICE_COUNTS: Record<ChoiceStyle, Range> = { buttons: { min: 2, max: 3 }, list: { min: 2, max: 10 } };

type ChoiceStyle = 'buttons' | 'list';

const limitWaitTimeOption: INodeProperties = {
	displayName: 'Limit Wait Time',
	name: 'limitWaitTime',
	type: 'fixedCollection',
	description:
		'Whether to stop waiting after a while. At the limit the execution goes on with the input items unchanged (no "data" field), as with n8n\'s own send-and-wait nodes.',
	default: { values: { limitType: 'afterTimeInterval', resumeAmount: 45, resumeUnit: 'minutes' } },
	options: [
		{
			displayName: 'Values',
			name: 'values',
			values: [
				{
					displayName: 'Limit Type',
					name: 'limitType',
					type: 'options',
					default: 'afterTimeInterval',
					description: 'Stop waiting after an amount of time, or at a date and time',
					options: [
						{ name: 'After Time Interval', value: 'afterTimeInterval', description: 'Waits for a certain amount of time' },
						{ name: 'At Specified Time', value: 'atSpecifiedTime', description: 'Waits until the set date and time' },
					],
				},
				{
					displayName: 'Amount',
					name: 'resumeAmount',
					type: 'number',
					displayOptions: { show: { limitType: ['afterTimeInterval'] } },
					typeOptions: { minValue: 0, numberPrecision: 2 },
					default: 1,
					description: 'The time to wait',
				},
				{
					displayName: 'Unit',
					name: 'resumeUnit',
					type: 'options',
					displayOptions: { show: { limitType: ['afterTimeInterval'] } },
					options: [
						{ name: 'Minutes', value: 'minutes' },
						{ name: 'Hours', value: 'hours' },
						{ name: 'Days', value: 'days' },
					],
					default: 'hours',
					description: 'Unit of the interval value',
				},
				{
					displayName: 'Max Date and Time',
					name: 'maxDateAndTime',
					type: 'dateTime',
					displayOptions: { show: { limitType: ['atSpecifiedTime'] } },
					default: '',
					description: 'Stop waiting at this date and time',
				},
			],
		},
	],
};

const properties: INodeProperties[] = [
	mobileProperty,
	{
		displayName: 'Send As',
		name: 'sendAs',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Buttons or List (Within the 24-Hour Window)',
				value: 'interactive',
				description: 'A free-form message with reply buttons or a list: only if the person wrote within 24 hours',
			},
			{
				name: 'Approved Template with Quick Replies (Any Time)',
				value: 'template',
				description:
					"An approved template whose quick-reply buttons answer, in the template's order: for an approval the first approves and the second declines; for a choice the n-th picks the n-th option",
			},
		],
		default: 'interactive',
	},
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		required: true,
		default: '',
		typeOptions: { rows: 4 },
		displayOptions: { show: { sendAs: ['interactive'] } },
		description: `The question, 1 to ${interactiveBody.max} characters`,
	},
	{
		displayName: 'Response Type',
		name: 'responseType',
		type: 'options',
		default: 'approval',
		options: [
			{ name: 'Approval', value: 'approval', description: 'The person taps Approve (or Decline)' },
			{ name: 'Choice', value: 'choice', description: 'The person picks one of your options' },
		],
	},
	{
		displayName: 'Approval Options',
		name: 'approvalOptions',
		type: 'fixedCollection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show: { responseType: ['approval'] } },
		options: [
			{
				displayName: 'Values',
				name: 'values',
				values: [
					{
						displayName: 'Type of Approval',
						name: 'approvalType',
						type: 'options',
						default: 'single',
						options: [
							{ name: 'Approve Only', value: 'single' },
							{ name: 'Approve and Disapprove', value: 'double' },
						],
					},
					{
						displayName: 'Approve Button Label',
						name: 'approveLabel',
						type: 'string',
						default: 'Approve',
						description: `At most ${buttonTitle.max} characters. Ignored for a template (its own buttons show).`,
					},
					{
						displayName: 'Disapprove Button Label',
						name: 'disapproveLabel',
						type: 'string',
						default: 'Decline',
						displayOptions: { show: { approvalType: ['double'] } },
						description: `At most ${buttonTitle.max} characters. Ignored for a template (its own buttons show).`,
					},
				],
			},
		],
	},
	{
		displayName: 'Show Options As',
		name: 'choiceStyle',
		type: 'options',
		default: 'buttons',
		displayOptions: { show: { responseType: ['choice'], sendAs: ['interactive'] } },
		options: [
			{
				name: 'Reply Buttons',
				value: 'buttons',
				description: `${CHOICE_COUNTS.buttons.min} to ${CHOICE_COUNTS.buttons.max} buttons, labels up to ${buttonTitle.max} characters`,
			},
			{
				name: 'List',
				value: 'list',
				description: `${CHOICE_COUNTS.list.min} to ${CHOICE_COUNTS.list.max} rows behind one button, labels up to ${listRowTitle.max} characters`,
			},
		],
	},
	{
		displayName: 'List Button Label',
		name: 'listButtonLabel',
		type: 'string',
		default: 'Choose',
		displayOptions: { show: { responseType: ['choice'], sendAs: ['interactive'], choiceStyle: ['list'] } },
		description: `The label of the button that opens the list, 1 to ${listButton.max} characters`,
	},
	{
		displayName: 'Options to Choose From',
		name: 'choices',
		type: 'fixedCollection',
		placeholder: 'Add Option',
		required: true,
		typeOptions: { multipleValues: true, sortable: true },
		default: {},
		displayOptions: { show: { responseType: ['choice'] } },
		description:
			'What the person can pick, in this order; the execution resumes with the picked value. For a template, the n-th quick-reply button picks the n-th option.',
		options: [
			{
				displayName: 'Option',
				name: 'choice',
				values: [
					{
						displayName: 'Label',
						name: 'label',
						type: 'string',
						default: '',
						placeholder: 'e.g. Tomorrow 10:00',
						description: 'What the button or row shows (ignored for a template: its buttons show)',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						placeholder: 'e.g. slot_10',
						description: 'What the execution resumes with; empty means the label',
					},
				],
			},
		],
	},
	...updateDisplayOptions({ show: { sendAs: ['template'] } }, [templateLocator, ...templateParameterProperties]),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [limitWaitTimeOption],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['reply'], operation: [SEND_AND_WAIT_OPERATION] } },
	properties,
);

// ── Reading ────────────────────────────────────────────────────────────────────────────────────────────────────

interface ResponseOption {
	answer: ResumeAnswer;
	label: string;
}

interface ApprovalValues {
	approvalType?: 'single' | 'double';
	approveLabel?: string;
	disapproveLabel?: string;
}

function readApprovalOptions(this: IExecuteFunctions, itemIndex: number): ResponseOption[] {
	const values = this.getNodeParameter('approvalOptions.values', itemIndex, {}) as ApprovalValues;
	const approve = { answer: { approved: true }, label: values.approveLabel ?? 'Approve' };
	return values.approvalType === 'double'
		? [approve, { answer: { approved: false }, label: values.disapproveLabel ?? 'Decline' }]
		: [approve];
}

interface ChoiceEntry {
	label: string;
	value: string;
}

function choiceEntries(entries: IDataObject[]): ChoiceEntry[] {
	return entries.map((entry) => {
		const label = entryText(entry, 'label');
		const value = entryText(entry, 'value');
		return { label, value: value.trim() === '' ? label : value };
	});
}

function readChoiceOptions(this: IExecuteFunctions, itemIndex: number, count: Range): ResponseOption[] {
	const entries = choiceEntries(readEntries.call(this, 'choices.choice', itemIndex, 'Options to choose from', count));
	entries.forEach((entry, position) => {
		if (entry.value.trim() === '') throw new InputError(`Option ${position + 1} has neither a label nor a value`);
	});
	checkUnique(
		entries.map((entry) => entry.value),
		'Option values',
	);
	return entries.map((entry, choice) => ({ answer: { choice }, label: entry.label }));
}

/** The labels WhatsApp shows: each within the limit, none twice. */
function checkLabels(options: ResponseOption[], field: (position: number) => string, range: Range): void {
	options.forEach((option, position) => checkLength(option.label, field(position), range));
	checkUnique(
		options.map((option) => option.label),
		'Option labels',
	);
}

const UNIT_MS: Record<string, number> = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 };

interface LimitValues {
	limitType?: 'afterTimeInterval' | 'atSpecifiedTime';
	resumeAmount?: number;
	resumeUnit?: string;
	maxDateAndTime?: string;
}

/** When to stop waiting: never without a limit; a limit that is not in the future is refused before sending. */
function readWaitTill(this: IExecuteFunctions, itemIndex: number, now: number): Date {
	const limit = this.getNodeParameter('options.limitWaitTime.values', itemIndex, {}) as LimitValues;
	if (Object.keys(limit).length === 0) return WAIT_INDEFINITELY;
	if ((limit.limitType ?? 'afterTimeInterval') === 'afterTimeInterval') {
		const amount = Number(limit.resumeAmount ?? 1);
		const unit = limit.resumeUnit ?? 'hours';
		if (!Number.isFinite(amount) || amount <= 0 || UNIT_MS[unit] === undefined) {
			throw new InputError(
				`Limit wait time is ${JSON.stringify(limit.resumeAmount)} ${unit}; it must be more than 0`,
				'Set a positive Amount, or remove the Limit Wait Time option to wait until the person answers.',
			);
		}
		return new Date(now + amount * UNIT_MS[unit]);
	}
	const maxDate = String(limit.maxDateAndTime ?? '');
	const waitTill = new Date(maxDate);
	if (maxDate.trim() === '' || Number.isNaN(waitTill.getTime())) {
		throw new InputError(`Limit wait time "Max Date and Time" is ${JSON.stringify(maxDate)}; it is not a date`);
	}
	if (waitTill.getTime() <= now) {
		throw new InputError(
			`Limit wait time "Max Date and Time" is ${waitTill.toISOString()}, which is in the past`,
			'Choose a date and time in the future, or an interval.',
		);
	}
	return waitTill;
}

// ── Sending ────────────────────────────────────────────────────────────────────────────────────────────────────

/** One reply id per option, each carrying the routing to this execution's signed resume URL. */
function routeIds(this: IExecuteFunctions, options: ResponseOption[], idLimit: number): string[] {
	const nonce = Date.now().toString(36);
	return options.map((option) => {
		const signedUrl = this.getSignedResumeUrl(answerQuery(option.answer, nonce));
		const id = encodeRoute(signedUrl, option.answer, nonce);
		if (id.length > idLimit) {
			throw new InputError(
				`The reply id that routes the answer back is ${id.length} characters; WhatsApp allows at most ${idLimit}`,
				'The execution or node id is unusually long: give the node a new id by duplicating it.',
			);
		}
		return id;
	});
}

function readOptions(this: IExecuteFunctions, itemIndex: number, style: ChoiceStyle): ResponseOption[] {
	const responseType = this.getNodeParameter('responseType', itemIndex, 'approval') as 'approval' | 'choice';
	return responseType === 'choice'
		? readChoiceOptions.call(this, itemIndex, CHOICE_COUNTS[style])
		: readApprovalOptions.call(this, itemIndex);
}

async function sendInteractive(
	this: IExecuteFunctions,
	itemIndex: number,
	mobile: string,
	waitTill: Date,
): Promise<INodeExecutionData[]> {
	const responseType = this.getNodeParameter('responseType', itemIndex, 'approval') as string;
	const style =
		responseType === 'choice' ? (this.getNodeParameter('choiceStyle', itemIndex, 'buttons') as ChoiceStyle) : 'buttons';
	const message = readLimitedText.call(this, 'message', itemIndex, 'Message', interactiveBody);
	const options = readOptions.call(this, itemIndex, style);
	if (style === 'list') {
		checkLabels(options, (position) => `Option ${position + 1} label`, listRowTitle);
		const listTitle = readLimitedText.call(this, 'listButtonLabel', itemIndex, 'List button label', listButton);
		const ids = routeIds.call(this, options, listRowId.max);
		const body: ReplyMessage = {
			kind: 'list',
			to: mobile,
			body: message,
			button: listTitle,
			rows: options.map((option, position) => ({ id: ids[position], title: option.label })),
		};
		return await sendAndPause.call(this, waitTill, async () => await sendReply.call(this, itemIndex, body));
	}
	const labelField =
		responseType === 'choice'
			? (position: number) => `Option ${position + 1} label`
			: (position: number) => (position === 0 ? 'Approve button label' : 'Disapprove button label');
	checkLabels(options, labelField, buttonTitle);
	const ids = routeIds.call(this, options, MAX_ROUTING_LENGTH);
	const body: ReplyMessage = {
		kind: 'buttons',
		to: mobile,
		body: message,
		buttons: options.map((option, position) => ({ id: ids[position], title: option.label })),
	};
	return await sendAndPause.call(this, waitTill, async () => await sendReply.call(this, itemIndex, body));
}

/** The positions of a template's quick-reply buttons among all its buttons (what `index` means in a send). */
function quickReplyIndexes(template: CunnektTemplate): number[] {
	const buttons = (template.components ?? []).find((component) => String(component.type).toUpperCase() === 'BUTTONS');
	const list = Array.isArray(buttons?.buttons) ? (buttons.buttons as IDataObject[]) : [];
	return list.flatMap((button, index) => (String(button.type).toUpperCase() === 'QUICK_REPLY' ? [index] : []));
}

/** The template read as in Template Message → Send, its quick replies' payloads replaced by the routing. */
async function sendTemplate(
	this: IExecuteFunctions,
	itemIndex: number,
	mobile: string,
	waitTill: Date,
): Promise<INodeExecutionData[]> {
	const options = readOptions.call(this, itemIndex, 'list');
	const body = await readTemplateMessage.call(this, itemIndex, mobile);
	const templateKey = readTemplateId.call(this, itemIndex);
	const template = await templateForExecution.call(this, templateKey, itemIndex);
	const indexes = quickReplyIndexes(template);
	if (indexes.length < options.length) {
		throw new InputError(
			`Template ${JSON.stringify(template.name ?? templateKey)} has ${indexes.length} quick-reply button(s); this request needs ${options.length}`,
			'Choose a template with a quick-reply button per answer (for an approval: Approve first, then Decline).',
		);
	}
	const ids = routeIds.call(this, options, MAX_ROUTING_LENGTH);
	const routed = new Set(indexes.slice(0, ids.length));
	const others = body.components.filter(
		(component) => !(String(component.type).toLowerCase() === 'button' && routed.has(Number(component.index))),
	);
	const quickReplies: TemplateComponent[] = ids.map((payload, position) => ({
		type: 'button',
		sub_type: 'quick_reply',
		index: indexes[position],
		parameters: [{ type: 'payload', payload }],
	}));
	body.components = [...others, ...quickReplies];
	return await sendAndPause.call(this, waitTill, async () => await sendTemplateMessage.call(this, itemIndex, body));
}

/** Sends, then puts the execution to wait: nothing is held in memory; the tap or the limit resumes it. */
async function sendAndPause(
	this: IExecuteFunctions,
	waitTill: Date,
	send: () => Promise<INodeExecutionData[]>,
): Promise<INodeExecutionData[]> {
	const sent = await send();
	await this.putExecutionToWait(waitTill);
	return sent.map((item) => ({ json: { ...item.json, waitingUntil: waitTill.toISOString() } }));
}

async function sendAndWait(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const mobile = readMobile.call(this, itemIndex);
	const waitTill = readWaitTill.call(this, itemIndex, Date.now());
	const sendAs = this.getNodeParameter('sendAs', itemIndex, 'interactive') as 'interactive' | 'template';
	return sendAs === 'template'
		? await sendTemplate.call(this, itemIndex, mobile, waitTill)
		: await sendInteractive.call(this, itemIndex, mobile, waitTill);
}

/** One request per execution, as n8n's send-and-wait nodes do: the first item's parameters; one wait. */
export async function executeAllItems(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await sendAndWait.call(this, 0);
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	return await sendAndWait.call(this, itemIndex);
}

// ── Resuming ───────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * n8n calls this on the signed resume URL after checking its signature (n8n's waiting-webhook route): the answer
 * is in the signed query, who and when in the body the trigger forwarded. The output follows n8n's send-and-wait
 * nodes: everything under `data`.
 */
export async function resume(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const query = this.getQueryData() as IDataObject;
	const forwarded = readForwardedTap(this.getBodyData());
	const tap = { ...forwarded, respondedAt: forwarded.respondedAt ?? new Date().toISOString() };
	let answer: IDataObject;
	if (query.choice !== undefined) {
		const position = Number(query.choice);
		const entries = choiceEntries(this.getNodeParameter('choices.choice', []) as IDataObject[]);
		const picked = entries[position];
		if (!picked) {
			throw new NodeOperationError(this.getNode(), `The answer picks option ${position + 1}, which no longer exists`);
		}
		answer = { choice: picked.value, choiceLabel: picked.label };
	} else {
		answer = { approved: query.approved === 'true' };
	}
	return {
		webhookResponse: RESUMED_ANSWER,
		workflowData: [[{ json: { data: { ...answer, ...tap } } }]],
	};
}
