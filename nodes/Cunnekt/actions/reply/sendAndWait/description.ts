import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';

import { LIMITS } from '../../../whatsapp/limits';
import { mobileProperty } from '../../common';
import { templateLocator } from '../../templateFields/locator';
import { templateParameterProperties } from '../../templateFields/properties';

/**
 * Send and Wait for Response's fields. Parameter names follow n8n's own send-and-wait nodes (message, responseType,
 * approvalOptions, options.limitWaitTime), which is also what lets n8n generate the "Human review" tool
 * (cunnektHitlTool) from this node.
 */

const { buttonTitle, listRowTitle, listButton, interactiveBody, choiceButtons, choiceRows, templateButtons } = LIMITS;

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

/** Where the answer comes from: nothing on this node can receive it (docs/send-and-wait.md). */
const tapNotice: INodeProperties = {
	displayName:
		'The tap comes back through a Cunnekt Trigger: this n8n needs one published workflow with a Cunnekt Trigger whose Production URL is your Cunnekt Webhook URL (Cunnekt → API Settings). One trigger serves every Send and Wait; without it the execution waits until its time limit.',
	name: 'tapNotice',
	type: 'notice',
	default: '',
};

const choiceValues: INodeProperties[] = [
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
];

/** "Options to Choose From", for one way of asking: at most max options, and a notice as soon as there are more. */
function choicesProperties(max: number, show: Record<string, string[]>): INodeProperties[] {
	const shown = { responseType: ['choice'], ...show };
	return [
		{
			displayName: 'Options to Choose From',
			name: 'choices',
			type: 'fixedCollection',
			placeholder: 'Add Option',
			required: true,
			typeOptions: { multipleValues: true, sortable: true },
			default: {},
			displayOptions: { show: shown },
			description: `What the person can pick, in this order (${max} at most); the execution resumes with the picked value. For a template, the n-th quick-reply button picks the n-th option.`,
			options: [{ displayName: 'Option', name: 'choice', values: choiceValues }],
		},
		{
			displayName: `WhatsApp takes at most ${max} options here: remove the extra ones.`,
			name: 'tooManyChoicesNotice',
			type: 'notice',
			default: '',
			displayOptions: { show: { ...shown, [`choices.choice[${max}]`]: [{ _cnd: { exists: true } }] } },
		},
	];
}

export const properties: INodeProperties[] = [
	tapNotice,
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
		// Shown while Approval Options is empty: what is sent then (answers.ts reads the same defaults).
		displayName:
			'The message gets one button, Approve. Change the Buttons below to rename it or to add a Decline button.',
		name: 'defaultApprovalNotice',
		type: 'notice',
		default: '',
		displayOptions: {
			show: { responseType: ['approval'] },
			hide: { 'approvalOptions.values': [{ _cnd: { exists: true } }] },
		},
	},
	{
		displayName: 'Approval Options',
		name: 'approvalOptions',
		type: 'fixedCollection',
		placeholder: 'Change the Buttons',
		default: {},
		description: 'The buttons the person gets: one Approve button, or Approve and a Decline button',
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
				description: `${choiceButtons.min} to ${choiceButtons.max} buttons, labels up to ${buttonTitle.max} characters`,
			},
			{
				name: 'List',
				value: 'list',
				description: `${choiceRows.min} to ${choiceRows.max} rows behind one button, labels up to ${listRowTitle.max} characters`,
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
	...choicesProperties(choiceButtons.max, { sendAs: ['interactive'], choiceStyle: ['buttons'] }),
	...choicesProperties(choiceRows.max, { sendAs: ['interactive'], choiceStyle: ['list'] }),
	...choicesProperties(templateButtons.max, { sendAs: ['template'] }),
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
