import type { IExecuteFunctions } from 'n8n-workflow';

import { InputError } from '../../shared/errors';
import { executionOf } from '../../shared/execution';
import type { CunnektFunctions } from '../../shared/transport';
import type { CunnektTemplate } from '../../shared/types';
import { listTemplates } from './lists';

/** One template, found by id in `GET /templates` (Cunnekt has no single-template endpoint); undefined if absent. */
export async function findTemplate(
	this: CunnektFunctions,
	templateId: string,
	itemIndex?: number,
): Promise<CunnektTemplate | undefined> {
	const templates = await listTemplates.call(this, itemIndex);
	return templates.find((entry) => String(entry.id) === templateId);
}

/** The error for a template id the list does not hold; the hint says what to do in the operation at hand. */
export function templateNotListed(
	templateId: string,
	hint = 'Choose the template again From List, or use Parameters → Form or JSON for a template the list does not show.',
): InputError {
	return new InputError(`Template ${JSON.stringify(templateId)} is not in your Cunnekt template list`, hint);
}

/** The template, fetched at most once per execution (execution.ts); concurrent items wait for the same answer. */
export async function templateForExecution(
	this: IExecuteFunctions,
	templateId: string,
	itemIndex: number,
): Promise<CunnektTemplate> {
	const { templates } = executionOf(this);
	let pending = templates.get(templateId);
	if (!pending) {
		pending = findTemplate.call(this, templateId, itemIndex);
		templates.set(templateId, pending);
	}
	const template = await pending;
	if (!template) throw templateNotListed(templateId);
	return template;
}
