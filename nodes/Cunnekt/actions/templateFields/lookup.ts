import type { IExecuteFunctions } from 'n8n-workflow';

import { InputError } from '../../../shared/errors';
import { executionOf } from '../../../shared/execution';
import type { TemplateIdentity, TemplateRef } from '../../../shared/platforms/message';
import type { CunnektFunctions } from '../../../shared/transport';
import type { CunnektTemplate } from '../../../shared/types';
import { listTemplates } from '../lists';

/**
 * A template key names a template by id (`1036659577939498`) or by name and language (`order_update|en_US`, the
 * Template locator's By Name mode): Cunnekt's classic platform sends templates by id, the current one by name.
 */
export function parseTemplateKey(key: string): { id: string } | { name: string; language: string } {
	const separator = key.indexOf('|');
	return separator < 0 ? { id: key } : { name: key.slice(0, separator).trim(), language: key.slice(separator + 1).trim() };
}

/** One template, found by its key in `GET /templates` (Cunnekt has no single-template endpoint); undefined if absent. */
export async function findTemplate(
	this: CunnektFunctions,
	templateKey: string,
	itemIndex?: number,
): Promise<CunnektTemplate | undefined> {
	const templates = await listTemplates.call(this, itemIndex);
	const key = parseTemplateKey(templateKey);
	return templates.find((entry) =>
		'id' in key ? String(entry.id) === key.id : entry.name === key.name && entry.language === key.language,
	);
}

/** The error for a template id the list does not hold; the hint says what to do in the operation at hand. */
export function templateNotListed(
	templateId: string,
	hint = 'Choose the template again From List, or use Parameters → Form or JSON for a template the list does not show.',
): InputError {
	return new InputError(`Template ${JSON.stringify(templateId)} is not in your Cunnekt template list`, hint);
}

/**
 * The template as the list holds it, or undefined when it does not: fetched at most once per execution
 * (execution.ts); concurrent items wait for the same answer.
 */
export async function listedTemplate(
	this: IExecuteFunctions,
	templateId: string,
	itemIndex: number,
): Promise<CunnektTemplate | undefined> {
	const { templates } = executionOf(this);
	let pending = templates.get(templateId);
	if (!pending) {
		pending = findTemplate.call(this, templateId, itemIndex);
		templates.set(templateId, pending);
	}
	return await pending;
}

/** The template, fetched at most once per execution; one the list does not hold is an InputError. */
export async function templateForExecution(
	this: IExecuteFunctions,
	templateId: string,
	itemIndex: number,
): Promise<CunnektTemplate> {
	const template = await listedTemplate.call(this, templateId, itemIndex);
	if (!template) throw templateNotListed(templateId);
	return template;
}

/**
 * The template an item names, for a message: what its key gives, and the rest from the template list when the
 * platform needs it (the list is read at most once per execution, and not at all when the key says enough).
 */
export function templateRef(this: IExecuteFunctions, templateKey: string, itemIndex: number): TemplateRef {
	const resolve = async (): Promise<TemplateIdentity> => {
		const template = await templateForExecution.call(this, templateKey, itemIndex);
		if (!template.name || !template.language) {
			throw new InputError(
				`Template ${JSON.stringify(templateKey)} has no name or language in your Cunnekt template list`,
				'Choose the template By Name instead: its name and language code, e.g. order_update|en_US.',
			);
		}
		return { id: String(template.id), name: template.name, language: template.language };
	};
	return { ...parseTemplateKey(templateKey), resolve };
}
