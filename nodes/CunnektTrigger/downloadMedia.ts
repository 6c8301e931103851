import type { INodeExecutionData, IWebhookFunctions } from 'n8n-workflow';

import { fetchMediaFile } from '../shared/media';
import { CREDENTIAL_NAME } from '../shared/transport';

/**
 * The "Download Media" option: each media message's file, fetched through the Cunnekt credential, as the item's
 * binary `data`. A file that cannot be fetched never stops the other events: its item says why in `mediaError`.
 */

export const MEDIA_BINARY_PROPERTY = 'data';

export const NO_CREDENTIAL_FOR_MEDIA =
	'Download Media is on, but no Cunnekt credential is selected: choose one under "Credential to connect with" (your API key from Cunnekt → API Settings)';

function describe(error: unknown): string {
	if (!(error instanceof Error)) return String(error);
	const description = (error as Error & { description?: unknown }).description;
	return typeof description === 'string' && description !== '' ? `${error.message}. ${description}` : error.message;
}

export async function attachMedia(this: IWebhookFunctions, items: INodeExecutionData[]): Promise<void> {
	const hasCredential = this.getNode().credentials?.[CREDENTIAL_NAME] !== undefined;
	for (const item of items) {
		const { event, media, messageId } = item.json;
		if (event !== 'message' || !media || typeof messageId !== 'string') continue;
		if (!hasCredential) {
			item.json.mediaError = NO_CREDENTIAL_FOR_MEDIA;
			continue;
		}
		try {
			const file = await fetchMediaFile.call(this, messageId);
			item.binary = {
				[MEDIA_BINARY_PROPERTY]: await this.helpers.prepareBinaryData(file.data, file.fileName, file.mimeType),
			};
		} catch (error) {
			item.json.mediaError = describe(error);
		}
	}
}
