import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../shared/endpoints';
import { cunnektApiRequest } from '../../shared/transport';
import { unwrapList } from '../../shared/values';
import type { CunnektFunctions } from '../../shared/transport';
import type { CunnektCampaign, CunnektTemplate } from '../../shared/types';

/**
 * Cunnekt's two lists (templates, campaigns), read the same way by the operations, the list searches and the
 * template lookup: one request, the list unwrapped whether it comes bare or wrapped. Cunnekt documents no query
 * parameters for them, so every filter and limit is applied here, after the one request.
 */

export async function listTemplates(this: CunnektFunctions, itemIndex?: number): Promise<CunnektTemplate[]> {
	const response = await cunnektApiRequest.call(this, { method: 'GET', path: ENDPOINTS.templates }, itemIndex);
	return unwrapList(response, ['templates', 'data', 'items']) as CunnektTemplate[];
}

export async function listCampaigns(this: CunnektFunctions, itemIndex?: number): Promise<CunnektCampaign[]> {
	const response = await cunnektApiRequest.call(this, { method: 'GET', path: ENDPOINTS.campaigns }, itemIndex);
	return unwrapList(response, ['campaigns', 'data', 'items']) as CunnektCampaign[];
}

/** True when the text contains the search, ignoring case; an empty search matches everything. */
export function containsText(search: string | undefined, ...fields: unknown[]): boolean {
	const needle = (search ?? '').trim().toLowerCase();
	if (needle === '') return true;
	return fields.some((field) => (typeof field === 'string' || typeof field === 'number') && String(field).toLowerCase().includes(needle));
}

/** Return All and Limit, as every n8n "Get Many" offers them. */
export const returnAllProperties: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

/** One output item per entry, cut to the Limit unless Return All is on. */
export function limitedItems(this: IExecuteFunctions, itemIndex: number, entries: IDataObject[]): INodeExecutionData[] {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? entries.length : (this.getNodeParameter('limit', itemIndex, 50) as number);
	return entries.slice(0, Math.max(0, limit)).map((json) => ({ json }));
}
