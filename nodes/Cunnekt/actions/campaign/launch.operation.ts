import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/endpoints';
import { cunnektApiRequest } from '../../../shared/transport';
import { answerJson, readLocatorId } from '../common';
import type { CunnektOperation } from '../node.type';

const properties: INodeProperties[] = [
	{
		displayName: 'Campaign',
		name: 'campaignId',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description: 'The campaign to launch; it sends its template to every recipient, once',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a campaign…',
				typeOptions: { searchListMethod: 'searchCampaigns', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. cmp_8f2a41c0',
				hint: 'The id Campaign → Create returned, or an expression such as {{ $json.id }}',
			},
		],
	},
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const campaignId = readLocatorId.call(this, 'campaignId', itemIndex, 'Campaign');
	const response = await cunnektApiRequest.call(
		this,
		{ method: 'POST', path: ENDPOINTS.campaignLaunch(campaignId) },
		itemIndex,
	);
	return [{ json: answerJson(response) }];
}

export const launchCampaign: CunnektOperation = {
	value: 'launch',
	option: { name: 'Launch', action: 'Launch a campaign', description: 'Send a campaign to its recipients' },
	properties,
	execute,
};
