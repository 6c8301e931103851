import type { ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { ENDPOINTS } from '../../shared/endpoints';
import { cunnektApiRequest, unwrapList } from '../../shared/transport';

function matches(filter: string | undefined, ...fields: unknown[]): boolean {
	if (!filter) return true;
	const needle = filter.toLowerCase();
	return fields.some((field) => typeof field === 'string' && field.toLowerCase().includes(needle));
}

/** Templates for the resource locator: "name (language) · STATUS", searchable by name or id. */
export async function searchTemplates(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const response = await cunnektApiRequest.call(this, { method: 'GET', path: ENDPOINTS.templates });
	const results: INodeListSearchItems[] = unwrapList(response, ['templates', 'data', 'items'])
		.filter((entry) => matches(filter, entry.name, entry.id))
		.map((entry) => {
			const language = entry.language ? ` (${String(entry.language)})` : '';
			const status = entry.status ? ` · ${String(entry.status)}` : '';
			return { name: `${String(entry.name ?? entry.id)}${language}${status}`, value: String(entry.id) };
		});
	return { results };
}
