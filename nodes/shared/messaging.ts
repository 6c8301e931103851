import type { IExecuteFunctions } from 'n8n-workflow';

import { campaignRequest, replyRequest, templateRequest } from './platforms';
import type { CampaignDraft, ReplyMessage, TemplateMessage } from './platforms/message';
import { connectionFor, cunnektApiRequest } from './transport';

/**
 * Sending a neutral message (platforms/message.ts): the credential's platform turns it into its request, the
 * transport sends it. What a platform cannot send is refused here, before any request.
 */

export async function sendReplyMessage(this: IExecuteFunctions, message: ReplyMessage, itemIndex: number): Promise<unknown> {
	const { platform } = await connectionFor(this);
	return await cunnektApiRequest.call(this, replyRequest(platform, message), itemIndex);
}

export async function sendTemplate(
	this: IExecuteFunctions,
	message: TemplateMessage,
	itemIndex: number,
): Promise<unknown> {
	const { platform } = await connectionFor(this);
	return await cunnektApiRequest.call(this, await templateRequest(platform, message), itemIndex);
}

export async function createCampaign(this: IExecuteFunctions, draft: CampaignDraft, itemIndex: number): Promise<unknown> {
	const { platform } = await connectionFor(this);
	return await cunnektApiRequest.call(this, await campaignRequest(platform, draft), itemIndex);
}
