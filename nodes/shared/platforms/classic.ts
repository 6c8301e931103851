import type { IDataObject } from 'n8n-workflow';

import { InputError } from '../errors';
import type { CampaignDraft, Recipient, TemplateMessage, TemplateRef } from './message';
import { unsupported } from './platform';
import type { Platform, ReplyBodies } from './platform';

/**
 * Cunnekt's classic platform (app2.cunnekt.com): flat bodies, recipient as `mobile`, templates by Cunnekt's id.
 * The bodies are Cunnekt's examples field for field, in their order.
 */

/** The classic platform's `mobile`: digits only, so a BSUID is refused before anything is sent. */
function mobileOf(to: Recipient): string {
	if (to.kind === 'phone') return to.phone;
	throw new InputError(
		`${to.field} ${JSON.stringify(to.userId)} is a WhatsApp business-scoped user ID (BSUID); Cunnekt's classic platform (app2.cunnekt.com) sends to phone numbers only`,
		"Map the customer's phone number when WhatsApp sends one (the Cunnekt Trigger's `from`), or use a Cunnekt API credential on the current platform (app.cunnekt.com), which sends to BSUIDs.",
	);
}

const textHeader = (header: string | undefined): IDataObject =>
	header ? { header: { type: 'text', text: header } } : {};

const replies: ReplyBodies = {
	text: ({ to, text }) => ({ mobile: mobileOf(to), type: 'text', text }),
	media: ({ to, mediaType, link, caption }) => ({
		mobile: mobileOf(to),
		type: mediaType,
		[mediaType]: link,
		...(caption ? { caption } : {}),
	}),
	buttons: ({ to, header, body, buttons }) => ({
		mobile: mobileOf(to),
		type: 'button',
		...textHeader(header),
		body,
		buttons: buttons.map(({ id, title }) => ({ type: 'reply', reply: { id, title } })),
	}),
	list: ({ to, header, body, button, rows }) => ({
		mobile: mobileOf(to),
		type: 'list',
		...textHeader(header),
		body,
		list_title: button,
		list: rows.map((row) => ({ ...row })),
	}),
	form: ({ to, body, cta, formId }) => ({ mobile: mobileOf(to), type: 'flow', body, form_cta: cta, form_id: formId }),
	ctaUrl: ({ to, body, buttonText, url }) => ({
		mobile: mobileOf(to),
		type: 'cta_url',
		body,
		button_text: buttonText,
		button_url: url,
	}),
	addressRequest: unsupported('Send Address Request'),
	callButton: unsupported('Send Call Button'),
	location: unsupported('Send Location'),
	locationRequest: unsupported('Request Location'),
	contacts: unsupported('Send Contacts'),
	reaction: unsupported('Send Reaction'),
	sticker: unsupported('Send Sticker'),
	custom: unsupported('Send Custom Message (JSON)'),
	markRead: unsupported('Mark as Read'),
};

/** Cunnekt's template id: the one the item gave, or the one the template list holds for its name and language. */
async function templateId(template: TemplateRef): Promise<string> {
	return template.id ?? (await template.resolve()).id;
}

async function templateBody(message: TemplateMessage): Promise<IDataObject> {
	const mobile = mobileOf(message.to);
	const body: IDataObject = { mobile, templateid: await templateId(message.template) };
	if (message.overridebot) body.overridebot = message.overridebot;
	if (message.components.length > 0) body.template = { components: message.components };
	return body;
}

async function campaignBody(draft: CampaignDraft): Promise<IDataObject> {
	const recipients = draft.recipients.map(({ to, components }) =>
		components.length > 0 ? { mobile: mobileOf(to), template: { components } } : { mobile: mobileOf(to) },
	);
	return { name: draft.name, templateid: await templateId(draft.template), recipients };
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
