import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { limitedItems, listCampaigns, returnAllProperties } from '../lists';
import type { CunnektOperation } from '../node.type';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	return limitedItems.call(this, itemIndex, await listCampaigns.call(this, itemIndex));
}

export const getManyCampaigns: CunnektOperation = {
	value: 'getMany',
	option: { name: 'Get Many', action: 'Get many campaigns', description: 'List campaigns' },
	properties: returnAllProperties,
	execute,
};
