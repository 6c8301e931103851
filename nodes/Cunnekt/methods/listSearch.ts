import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { containsText, listCampaigns, listTemplates } from '../actions/lists';

/** A list entry as the resource locator shows it: "name (language) · STATUS", searchable by name or id. */
function searchResult(entries: IDataObject[], filter: string | undefined, statusNote = (status: string) => status): INodeListSearchResult {
	const results = entries
		.filter((entry) => containsText(filter, entry.name, entry.id))
		.map((entry) => {
			const language = entry.language ? ` (${String(entry.language)})` : '';
			const status = entry.status ? ` · ${statusNote(String(entry.status))}` : '';
			return { name: `${String(entry.name ?? entry.id)}${language}${status}`, value: String(entry.id) };
		});
	return { results };
}

const sendable = (entry: IDataObject) => String(entry.status ?? 'APPROVED').toUpperCase() === 'APPROVED';

/**
 * Templates for the Template locators, which all send one: the approved ones first, then the others, each saying
 * it cannot be sent (a send of one is refused before anything leaves), in the list's order otherwise.
 */
export async function searchTemplates(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const templates = await listTemplates.call(this);
	const ordered = [...templates.filter(sendable), ...templates.filter((entry) => !sendable(entry))];
	return searchResult(ordered, filter, (status) => (status.toUpperCase() === 'APPROVED' ? status : `${status}, cannot be sent`));
}

/** Campaigns for the Campaign locator (Launch). */
export async function searchCampaigns(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return searchResult(await listCampaigns.call(this), filter);
}
