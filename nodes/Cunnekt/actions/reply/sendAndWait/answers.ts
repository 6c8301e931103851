import { WAIT_INDEFINITELY } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { InputError } from '../../../../shared/errors';
import type { ResumeAnswer } from '../../../../shared/resumeRouting';
import { checkLength, checkUnique, LIMITS } from '../../../whatsapp/limits';
import type { Range } from '../../../whatsapp/limits';
import { entryText, readEntries } from '../fields';

/** What a Send and Wait request offers (approve or decline, or the options to choose from), and how long it waits. */

export interface ResponseOption {
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

export function choiceEntries(entries: IDataObject[]): ChoiceEntry[] {
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
export function checkLabels(options: ResponseOption[], field: (position: number) => string, range: Range): void {
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
export function readWaitTill(this: IExecuteFunctions, itemIndex: number, now: number): Date {
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

/** How a choice is shown: reply buttons, or rows of a list (a template's quick replies count as a list's). */
export type ChoiceStyle = 'buttons' | 'list';

const CHOICE_COUNTS: Readonly<Record<ChoiceStyle, Range>> = { buttons: LIMITS.choiceButtons, list: LIMITS.choiceRows };

/** The answers a request offers: Approve (and Decline), or the options to choose from, counted for the style. */
export function readOptions(this: IExecuteFunctions, itemIndex: number, style: ChoiceStyle): ResponseOption[] {
	const responseType = this.getNodeParameter('responseType', itemIndex, 'approval') as 'approval' | 'choice';
	return responseType === 'choice'
		? readChoiceOptions.call(this, itemIndex, CHOICE_COUNTS[style])
		: readApprovalOptions.call(this, itemIndex);
}
