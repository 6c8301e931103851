import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { limitedItems, listCampaigns, returnAllProperties } from '../lists';

export const description = updateDisplayOptions(
	{ show: { resource: ['campaign'], operation: ['getMany'] } },
	returnAllProperties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	return limitedItems.call(this, itemIndex, await listCampaigns.call(this, itemIndex));
}
