import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { containsText, listCampaigns, listTemplates } from '../actions/lists';

/** A list entry as the resource locator shows it: "name (language) · STATUS", searchable by name or id. */
function searchResult(entries: IDataObject[], filter: string | undefined): INodeListSearchResult {
	const results = entries
		.filter((entry) => containsText(filter, entry.name, entry.id))
		.map((entry) => {
			const language = entry.language ? ` (${String(entry.language)})` : '';
			const status = entry.status ? ` · ${String(entry.status)}` : '';
			return { name: `${String(entry.name ?? entry.id)}${language}${status}`, value: String(entry.id) };
		});
	return { results };
}

/** Templates for the Template locators. */
export async function searchTemplates(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return searchResult(await listTemplates.call(this), filter);
}

/** Campaigns for the Campaign locator (Launch). */
export async function searchCampaigns(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return searchResult(await listCampaigns.call(this), filter);
}
