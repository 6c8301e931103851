import type { IExecuteFunctions } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/endpoints';
import { InputError } from '../../../shared/limits';
import { cunnektApiRequest, unwrapList } from '../../../shared/transport';
import type { CunnektFunctions } from '../../../shared/transport';
import type { CunnektTemplate } from '../../../shared/types';

/** One template, found by id in `GET /templates` (Cunnekt has no single-template endpoint); undefined if absent. */
export async function findTemplate(
	this: CunnektFunctions,
	templateId: string,
	itemIndex?: number,
): Promise<CunnektTemplate | undefined> {
	const response = await cunnektApiRequest.call(this, { method: 'GET', path: ENDPOINTS.templates }, itemIndex);
	const template = unwrapList(response, ['templates', 'data', 'items']).find(
		(entry) => String(entry.id) === templateId,
	);
	return template as CunnektTemplate | undefined;
}

/** The error for a template id the list does not hold. */
export function templateNotListed(templateId: string): InputError {
	return new InputError(
		`Template ${JSON.stringify(templateId)} is not in your Cunnekt template list`,
		'Choose the template again From List, or use Parameters → Form or JSON for a template the list does not show.',
	);
}

/**
 * Templates fetched during one node execution, by id. Keyed by the execution's context object, so every item of one
 * run shares one fetch per template and the next run asks Cunnekt again (a template can change between runs).
 */
const fetchedPerExecution = new WeakMap<object, Map<string, Promise<CunnektTemplate | undefined>>>();

/** The template, fetched at most once per execution; concurrent items wait for the same answer. */
export async function templateForExecution(
	this: IExecuteFunctions,
	templateId: string,
	itemIndex: number,
): Promise<CunnektTemplate> {
	let fetched = fetchedPerExecution.get(this);
	if (!fetched) {
		fetched = new Map();
		fetchedPerExecution.set(this, fetched);
	}
	let pending = fetched.get(templateId);
	if (!pending) {
		pending = findTemplate.call(this, templateId, itemIndex);
		fetched.set(templateId, pending);
	}
	const template = await pending;
	if (!template) throw templateNotListed(templateId);
	return template;
}
