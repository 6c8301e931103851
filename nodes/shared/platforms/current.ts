import type { IDataObject } from 'n8n-workflow';

import { InputError } from '../errors';
import type { CampaignDraft, Recipient, TemplateIdentity, TemplateMessage, TemplateRef } from './message';
import type { Platform, ReplyBodies } from './platform';

/**
 * Cunnekt's current platform (app.cunnekt.com): WhatsApp Cloud API messages. Cunnekt documents the envelope and the
 * text body; every other body is the Cloud API's own, field for field (docs/current-platform.md cites Meta's pages).
 */

const ENVELOPE = { messaging_product: 'whatsapp', recipient_type: 'individual' } as const;

/**
 * Who the message goes to, as WhatsApp's Messages API takes it: a phone number in `to`, a BSUID in `recipient` (when
 * both are given WhatsApp uses `to`, so a message carries exactly one).
 */
function addressee(to: Recipient): IDataObject {
	return to.kind === 'phone' ? { to: to.phone } : { recipient: to.userId };
}

/** The envelope every message begins with, addressed. */
function envelope(to: Recipient): IDataObject {
	return { ...ENVELOPE, ...addressee(to) };
}

/** A message whose content sits under the key its type names (`type:"text", text:{…}`), as every Cloud API type does. */
function typed(to: Recipient, type: string, content: IDataObject | IDataObject[]): IDataObject {
	return { ...envelope(to), type, [type]: content };
}

function interactive(to: Recipient, content: IDataObject): IDataObject {
	return { ...envelope(to), type: 'interactive', interactive: content };
}

/** An interactive message whose action is named after its type (flow, cta_url, address_message, voice_call). */
function namedAction(to: Recipient, type: string, body: string, parameters?: IDataObject): IDataObject {
	return interactive(to, { type, body: { text: body }, action: { name: type, ...(parameters ? { parameters } : {}) } });
}

const textHeader = (header: string | undefined): IDataObject =>
	header ? { header: { type: 'text', text: header } } : {};

/** Only the parameters given: WhatsApp applies its own defaults to the rest. */
function given(parameters: IDataObject): IDataObject {
	return Object.fromEntries(Object.entries(parameters).filter(([, value]) => value !== undefined && value !== ''));
}

const replies: ReplyBodies = {
	text: ({ to, text }) => typed(to, 'text', { body: text }),
	media: ({ to, mediaType, link, caption, fileName }) => {
		if (mediaType === 'audio' && caption) {
			throw new InputError(
				'Caption cannot go with audio on Cunnekt\'s current platform: WhatsApp\'s Cloud API takes no caption for audio',
				'Leave Caption empty, or send the text in its own Send Text.',
			);
		}
		const media: IDataObject = { link };
		if (caption) media.caption = caption;
		if (mediaType === 'document' && fileName) media.filename = fileName;
		return typed(to, mediaType, media);
	},
	buttons: ({ to, header, body, buttons }) =>
		interactive(to, {
			type: 'button',
			...textHeader(header),
			body: { text: body },
			action: { buttons: buttons.map(({ id, title }) => ({ type: 'reply', reply: { id, title } })) },
		}),
	list: ({ to, header, body, button, rows }) =>
		interactive(to, {
			type: 'list',
			...textHeader(header),
			body: { text: body },
			action: { button, sections: [{ rows: rows.map((row) => ({ ...row })) }] },
		}),
	form: ({ to, body, formId, cta }) =>
		namedAction(to, 'flow', body, { flow_message_version: '3', flow_id: formId, flow_cta: cta }),
	ctaUrl: ({ to, body, buttonText, url }) => namedAction(to, 'cta_url', body, { display_text: buttonText, url }),
	addressRequest: ({ to, body, values }) =>
		namedAction(to, 'address_message', body, { country: 'IN', ...(values ? { values } : {}) }),
	callButton: ({ to, body, displayText, ttlMinutes, payload }) => {
		const parameters = given({ display_text: displayText, ttl_minutes: ttlMinutes, payload });
		return namedAction(to, 'voice_call', body, Object.keys(parameters).length > 0 ? parameters : undefined);
	},
	location: ({ to, latitude, longitude, name, address }) =>
		typed(to, 'location', given({ latitude, longitude, name, address })),
	locationRequest: ({ to, body }) =>
		interactive(to, { type: 'location_request_message', body: { text: body }, action: { name: 'send_location' } }),
	contacts: ({ to, contacts }) => typed(to, 'contacts', contacts),
	reaction: ({ to, messageId, emoji }) => typed(to, 'reaction', { message_id: messageId, emoji }),
	sticker: ({ to, link }) => typed(to, 'sticker', { link }),
	custom: ({ to, content }) => ({ ...envelope(to), ...content }),
	/** About a message the customer sent: no recipient, no recipient_type (Meta's typing-indicator page). */
	markRead: ({ messageId, typingIndicator }) => ({
		messaging_product: ENVELOPE.messaging_product,
		status: 'read',
		message_id: messageId,
		...(typingIndicator ? { typing_indicator: { type: 'text' } } : {}),
	}),
};

/** The template's name and language: the ones the item gave, or the template list's for its id. */
async function nameAndLanguage(template: TemplateRef): Promise<Pick<TemplateIdentity, 'name' | 'language'>> {
	if (template.name && template.language) return { name: template.name, language: template.language };
	const { name, language } = await template.resolve();
	return { name, language };
}

async function templateBody(message: TemplateMessage): Promise<IDataObject> {
	if (message.overridebot) {
		throw new InputError(
			'Override Bot exists only on Cunnekt\'s classic platform; this credential is set to the current platform (app.cunnekt.com)',
			'Remove the Override Bot option: the current platform\'s template send has no such field.',
		);
	}
	const { name, language } = await nameAndLanguage(message.template);
	const { components } = message;
	return {
		...envelope(message.to),
		type: 'template',
		template: { name, language: { code: language }, ...(components.length > 0 ? { components } : {}) },
	};
}

/** Not published by Cunnekt: the classic campaign's fields with the template by name and language (assumed). */
async function campaignBody(draft: CampaignDraft): Promise<IDataObject> {
	const { name, language } = await nameAndLanguage(draft.template);
	return {
		name: draft.name,
		template: { name, language: { code: language } },
		recipients: draft.recipients.map(({ to, components }) =>
			components.length > 0 ? { ...addressee(to), template: { components } } : addressee(to),
		),
	};
}

/** On app.cunnekt.com only the reply path is published; docs/current-platform.md says where each other one comes from. */
export const current: Platform = {
	name: 'current',
	label: 'Current',
	host: 'app.cunnekt.com',
	defaultBaseUrl: 'https://app.cunnekt.com',
	baseUrlField: 'currentBaseUrl',
	paths: {
		sendReply: '/api/v1/whatsapp/replymessage',
		sendTemplate: '/restapi/v1/whatsapp/sendtemplate',
		mediaFile: '/restapi/v1/whatsapp/getmediafile',
		templates: '/restapi/v1/whatsapp/templates',
		templateSync: '/restapi/v1/whatsapp/templates/sync',
		template: '/restapi/v1/whatsapp/templates/{id}',
		campaigns: '/restapi/v1/whatsapp/campaigns',
		campaign: '/restapi/v1/whatsapp/campaigns/{id}',
		campaignLaunch: '/restapi/v1/whatsapp/campaigns/{id}/launch',
	},
	replies,
	templateBody,
	campaignBody,
	refuse: (operation) =>
		new InputError(
			`${operation} is not available on Cunnekt's current platform (app.cunnekt.com)`,
			'Set Platform to Classic in the Cunnekt credential if your dashboard is on app2.cunnekt.com.',
		),
};
