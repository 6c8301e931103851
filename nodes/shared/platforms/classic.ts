import type { IDataObject } from 'n8n-workflow';

import { InputError } from '../errors';
import type { CampaignDraft, ReplyMessage, TemplateMessage, TemplateRef } from './message';

/**
 * Cunnekt's classic platform (app2.cunnekt.com): flat bodies, recipient as `mobile`, templates by Cunnekt's id.
 * The bodies are Cunnekt's examples field for field, in their order.
 */

/** The reply types Cunnekt's classic API has no body for; refused before anything is sent. */
const CURRENT_ONLY: Partial<Record<ReplyMessage['kind'], string>> = {
	addressRequest: 'Send Address Request',
	callButton: 'Send Call Button',
};

function needsCurrentPlatform(operation: string): InputError {
	return new InputError(
		`${operation} needs Cunnekt's current platform (app.cunnekt.com); this credential is set to the classic platform (app2.cunnekt.com)`,
		'If your Cunnekt dashboard is on app.cunnekt.com, set Platform to Current in the Cunnekt credential. The classic API has no such message type.',
	);
}

export function replyBody(message: ReplyMessage): IDataObject {
	const operation = CURRENT_ONLY[message.kind];
	if (operation) throw needsCurrentPlatform(operation);
	const mobile = message.to;
	switch (message.kind) {
		case 'text':
			return { mobile, type: 'text', text: message.text };
		case 'media':
			return {
				mobile,
				type: message.mediaType,
				[message.mediaType]: message.link,
				...(message.caption ? { caption: message.caption } : {}),
			};
		case 'buttons':
			return {
				mobile,
				type: 'button',
				...(message.header ? { header: { type: 'text', text: message.header } } : {}),
				body: message.body,
				buttons: message.buttons.map(({ id, title }) => ({ type: 'reply', reply: { id, title } })),
			};
		case 'list':
			return {
				mobile,
				type: 'list',
				...(message.header ? { header: { type: 'text', text: message.header } } : {}),
				body: message.body,
				list_title: message.button,
				list: message.rows.map((row) => ({ ...row })),
			};
		case 'form':
			return { mobile, type: 'flow', body: message.body, form_cta: message.cta, form_id: message.formId };
		case 'ctaUrl':
			return { mobile, type: 'cta_url', body: message.body, button_text: message.buttonText, button_url: message.url };
		default:
			throw needsCurrentPlatform(message.kind);
	}
}

/** Cunnekt's template id: the one the item gave, or the one the template list holds for its name and language. */
async function templateId(template: TemplateRef): Promise<string> {
	return template.id ?? (await template.resolve()).id;
}

export async function templateBody(message: TemplateMessage): Promise<IDataObject> {
	const body: IDataObject = { mobile: message.to, templateid: await templateId(message.template) };
	if (message.overridebot) body.overridebot = message.overridebot;
	if (message.components.length > 0) body.template = { components: message.components };
	return body;
}

export async function campaignBody(draft: CampaignDraft): Promise<IDataObject> {
	return {
		name: draft.name,
		templateid: await templateId(draft.template),
		recipients: draft.recipients.map(({ to, components }) =>
			components.length > 0 ? { mobile: to, template: { components } } : { mobile: to },
		),
	};
}
