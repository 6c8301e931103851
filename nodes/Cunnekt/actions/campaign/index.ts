import { defineResource } from '../resource';
import { createCampaign } from './create.operation';
import { getManyCampaigns } from './getMany.operation';
import { launchCampaign } from './launch.operation';

export const campaign = defineResource('campaign', [createCampaign, getManyCampaigns, launchCampaign], 'create');
