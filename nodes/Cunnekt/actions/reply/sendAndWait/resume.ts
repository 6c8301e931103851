import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { readForwardedTap, RESUMED_ANSWER } from '../../../../shared/resumeRouting';
import { choiceEntries } from './answers';

/**
 * n8n calls this on the signed resume URL after checking its signature (n8n's waiting-webhook route): the answer
 * is in the signed query, who and when in the body the trigger forwarded. The output follows n8n's send-and-wait
 * nodes: everything under `data`.
 */
export async function resume(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const query = this.getQueryData() as IDataObject;
	const forwarded = readForwardedTap(this.getBodyData());
	const tap = { ...forwarded, respondedAt: forwarded.respondedAt ?? new Date().toISOString() };
	let answer: IDataObject;
	if (query.choice !== undefined) {
		const position = Number(query.choice);
		const entries = choiceEntries(this.getNodeParameter('choices.choice', []) as IDataObject[]);
		const picked = entries[position];
		if (!picked) {
			throw new NodeOperationError(this.getNode(), `The answer picks option ${position + 1}, which no longer exists`);
		}
		answer = { choice: picked.value, choiceLabel: picked.label };
	} else {
		answer = { approved: query.approved === 'true' };
	}
	return {
		webhookResponse: RESUMED_ANSWER,
		workflowData: [[{ json: { data: { ...answer, ...tap } } }]],
	};
}
