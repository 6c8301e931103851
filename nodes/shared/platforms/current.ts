import type { IDataObject } from 'n8n-workflow';

import { InputError } from '../errors';
import type { CampaignDraft, ReplyMessage, TemplateIdentity, TemplateMessage, TemplateRef } from './message';

/**
 * Cunnekt's current platform (app.cunnekt.com): WhatsApp Cloud API messages. Cunnekt documents the envelope and the
 * text body; every other body is the Cloud API's own, field for field (docs/current-platform.md cites Meta's pages).
 */

const ENVELOPE = { messaging_product: 'whatsapp', recipient_type: 'individual' } as const;

function interactive(to: string, content: IDataObject): IDataObject {
	return { ...ENVELOPE, to, type: 'interactive', interactive: content };
}

/** An interactive message whose action is named after its type (flow, cta_url, address_message, voice_call). */
function namedAction(to: string, type: string, body: string, parameters?: IDataObject): IDataObject {
	return interactive(to, { type, body: { text: body }, action: { name: type, ...(parameters ? { parameters } : {}) } });
}

const textHeader = (header: string | undefined): IDataObject =>
	header ? { header: { type: 'text', text: header } } : {};

/** Only the parameters given: WhatsApp applies its own defaults to the rest. */
function given(parameters: IDataObject): IDataObject {
	return Object.fromEntries(Object.entries(parameters).filter(([, value]) => value !== undefined && value !== ''));
}

export function replyBody(message: ReplyMessage): IDataObject {
	const { to } = message;
	switch (message.kind) {
		case 'text':
			return { ...ENVELOPE, to, type: 'text', text: { body: message.text } };
		case 'media': {
			if (message.mediaType === 'audio' && message.caption) {
				throw new InputError(
					'Caption cannot go with audio on Cunnekt\'s current platform: WhatsApp\'s Cloud API takes no caption for audio',
					'Leave Caption empty, or send the text in its own Send Text.',
				);
			}
			const media: IDataObject = { link: message.link };
			if (message.caption) media.caption = message.caption;
			if (message.mediaType === 'document' && message.fileName) media.filename = message.fileName;
			return { ...ENVELOPE, to, type: message.mediaType, [message.mediaType]: media };
		}
		case 'buttons':
			return interactive(to, {
				type: 'button',
				...textHeader(message.header),
				body: { text: message.body },
				action: { buttons: message.buttons.map(({ id, title }) => ({ type: 'reply', reply: { id, title } })) },
			});
		case 'list':
			return interactive(to, {
				type: 'list',
				...textHeader(message.header),
				body: { text: message.body },
				action: { button: message.button, sections: [{ rows: message.rows.map((row) => ({ ...row })) }] },
			});
		case 'form':
			return namedAction(to, 'flow', message.body, {
				flow_message_version: '3',
				flow_id: message.formId,
				flow_cta: message.cta,
			});
		case 'ctaUrl':
			return namedAction(to, 'cta_url', message.body, { display_text: message.buttonText, url: message.url });
		case 'addressRequest':
			return namedAction(to, 'address_message', message.body, {
				country: 'IN',
				...(message.values ? { values: message.values } : {}),
			});
		case 'callButton': {
			const parameters = given({
				display_text: message.displayText,
				ttl_minutes: message.ttlMinutes,
				payload: message.payload,
			});
			return namedAction(to, 'voice_call', message.body, Object.keys(parameters).length > 0 ? parameters : undefined);
		}
	}
}

/** The template's name and language: the ones the item gave, or the template list's for its id. */
async function nameAndLanguage(template: TemplateRef): Promise<Pick<TemplateIdentity, 'name' | 'language'>> {
	if (template.name && template.language) return { name: template.name, language: template.language };
	const { name, language } = await template.resolve();
	return { name, language };
}

async function templateObject(template: TemplateRef, components: IDataObject[]): Promise<IDataObject> {
	const { name, language } = await nameAndLanguage(template);
	return { name, language: { code: language }, ...(components.length > 0 ? { components } : {}) };
}

export async function templateBody(message: TemplateMessage): Promise<IDataObject> {
	if (message.overridebot) {
		throw new InputError(
			'Override Bot exists only on Cunnekt\'s classic platform; this credential is set to the current platform (app.cunnekt.com)',
			'Remove the Override Bot option: the current platform\'s template send has no such field.',
		);
	}
	return {
		...ENVELOPE,
		to: message.to,
		type: 'template',
		template: await templateObject(message.template, message.components),
	};
}

/** Not published by Cunnekt: the classic campaign's fields with the template by name and language (assumed). */
export async function campaignBody(draft: CampaignDraft): Promise<IDataObject> {
	const { name, language } = await nameAndLanguage(draft.template);
	return {
		name: draft.name,
		template: { name, language: { code: language } },
		recipients: draft.recipients.map(({ to, components }) =>
			components.length > 0 ? { to, template: { components } } : { to },
		),
	};
}
