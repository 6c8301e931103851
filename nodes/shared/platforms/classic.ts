import type { IDataObject } from 'n8n-workflow';

import { InputError } from '../errors';
import type { CampaignDraft, TemplateMessage, TemplateRef } from './message';
import { unsupported } from './platform';
import type { Platform, ReplyBodies } from './platform';

/**
 * Cunnekt's classic platform (app2.cunnekt.com): flat bodies, recipient as `mobile`, templates by Cunnekt's id.
 * The bodies are Cunnekt's examples field for field, in their order.
 */

const textHeader = (header: string | undefined): IDataObject =>
	header ? { header: { type: 'text', text: header } } : {};

const replies: ReplyBodies = {
	text: ({ to, text }) => ({ mobile: to, type: 'text', text }),
	media: ({ to, mediaType, link, caption }) => ({
		mobile: to,
		type: mediaType,
		[mediaType]: link,
		...(caption ? { caption } : {}),
	}),
	buttons: ({ to, header, body, buttons }) => ({
		mobile: to,
		type: 'button',
		...textHeader(header),
		body,
		buttons: buttons.map(({ id, title }) => ({ type: 'reply', reply: { id, title } })),
	}),
	list: ({ to, header, body, button, rows }) => ({
		mobile: to,
		type: 'list',
		...textHeader(header),
		body,
		list_title: button,
		list: rows.map((row) => ({ ...row })),
	}),
	form: ({ to, body, cta, formId }) => ({ mobile: to, type: 'flow', body, form_cta: cta, form_id: formId }),
	ctaUrl: ({ to, body, buttonText, url }) => ({ mobile: to, type: 'cta_url', body, button_text: buttonText, button_url: url }),
	addressRequest: unsupported('Send Address Request'),
	callButton: unsupported('Send Call Button'),
};

/** Cunnekt's template id: the one the item gave, or the one the template list holds for its name and language. */
async function templateId(template: TemplateRef): Promise<string> {
	return template.id ?? (await template.resolve()).id;
}

async function templateBody(message: TemplateMessage): Promise<IDataObject> {
	const body: IDataObject = { mobile: message.to, templateid: await templateId(message.template) };
	if (message.overridebot) body.overridebot = message.overridebot;
	if (message.components.length > 0) body.template = { components: message.components };
	return body;
}

async function campaignBody(draft: CampaignDraft): Promise<IDataObject> {
	return {
		name: draft.name,
		templateid: await templateId(draft.template),
		recipients: draft.recipients.map(({ to, components }) =>
			components.length > 0 ? { mobile: to, template: { components } } : { mobile: to },
		),
	};
}

export const classic: Platform = {
	name: 'classic',
	label: 'Classic',
	host: 'app2.cunnekt.com',
	defaultBaseUrl: 'https://app2.cunnekt.com/v1',
	baseUrlField: 'baseUrl',
	paths: {
		sendReply: '/sendreplymessage',
		sendTemplate: '/sendnotification',
		mediaFile: '/getmediafile',
		templates: '/templates',
		templateSync: '/templates/sync',
		template: '/templates/{id}',
		campaigns: '/campaigns',
		campaign: '/campaigns/{id}',
		campaignLaunch: '/campaigns/{id}/launch',
	},
	replies,
	templateBody,
	campaignBody,
	refuse: (operation) =>
		new InputError(
			`${operation} needs Cunnekt's current platform (app.cunnekt.com); this credential is set to the classic platform (app2.cunnekt.com)`,
			'If your Cunnekt dashboard is on app.cunnekt.com, set Platform to Current in the Cunnekt credential. The classic API has no such message type.',
		),
};
