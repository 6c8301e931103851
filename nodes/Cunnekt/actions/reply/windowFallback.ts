import { updateDisplayOptions } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	NodeApiError,
	NodeOperationError,
} from 'n8n-workflow';

import { InputError, isWindowClosed } from '../../../shared/errors';
import type { AddressedReply, Recipient, TemplateMessage } from '../../../shared/platforms/message';
import { sendWithOutput } from '../common';
import { toItemError } from '../itemErrors';
import { templateLocator } from '../templateFields/locator';
import { readTemplateMessage } from '../templateFields/message';
import { templateParameterProperties } from '../templateFields/properties';

/**
 * "If the Service Window Is Closed" on the Reply operations: fail (as before), or, when Cunnekt answers a reply with
 * WhatsApp's 131047, send an approved template to the same number instead, once. Only that answer starts the
 * template: a reply without an answer (a timeout) may have gone out, so nothing follows it. The node never guesses
 * whether a window is open. The template fields are Template Message → Send's own definitions and names, so
 * readTemplateMessage reads them as it does there. docs/window-fallback.md has the whole story.
 *
 * What a catch here throws is already the error the user sees (toItemError), as n8n's community-node rules ask of
 * every catch (require-node-api-error); the router passes such an error on as it is.
 */

const SEND_TEMPLATE = 'sendTemplate';
const FORM = 'form';

/** Sends one reply and returns its output items. */
export type ReplySender = (
	this: IExecuteFunctions,
	itemIndex: number,
	message: AddressedReply,
) => Promise<INodeExecutionData[]>;

/** How a reply operation shows: its value, name and fields. */
interface ShownOperation {
	value: string;
	option: { name: string };
	properties: INodeProperties[];
}

const formOnly = (property: INodeProperties) => property.displayOptions?.show?.parametersMode?.[0] === FORM;

/**
 * The names of the template Form's fields. n8n keeps one value per name, so on an operation with a field of the same
 * name (Send Buttons' `buttons`, Header Text `headerText`) the template's values come as Template's Fields or JSON.
 */
const FORM_FIELD_NAMES = new Set(templateParameterProperties.filter(formOnly).map((property) => property.name));

const hasFormNames = (operation: ShownOperation) =>
	operation.properties.some((property) => FORM_FIELD_NAMES.has(property.name));

const choice: INodeProperties = {
	displayName: 'If the Service Window Is Closed',
	name: 'ifWindowClosed',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Fail',
			value: 'fail',
			description: 'The item fails with WhatsApp\'s error 131047 (an error item with Continue On Fail)',
		},
		{
			name: 'Send a Template Instead',
			value: SEND_TEMPLATE,
			description: 'Send the approved template chosen below to the same number, once',
		},
	],
	default: 'fail',
	description:
		'What to do when Cunnekt answers that the customer has not written in the last 24 hours (WhatsApp error 131047). A closed window WhatsApp reports later, as a failed status, reaches the Cunnekt Trigger instead.',
};

/** The template fields without the Form: its choice removed from Parameters, its fields left out. */
function withoutForm(properties: INodeProperties[]): INodeProperties[] {
	return properties
		.filter((property) => !formOnly(property))
		.map((property) => {
			if (property.name !== 'parametersMode') return property;
			const options = (property.options ?? []).filter((option) => 'value' in option && option.value !== FORM);
			const keeps = options.some((option) => 'value' in option && option.value === property.default);
			return { ...property, options, default: keeps ? property.default : (options[0] as { value: string }).value };
		});
}

/** The choice and, when it is "Send a Template Instead", the template and its values, for these Reply operations. */
export function windowFallbackProperties(operations: readonly ShownOperation[]): INodeProperties[] {
	const shown = (names: string[]) => ({ resource: ['reply'], operation: names });
	const template = [templateLocator, ...templateParameterProperties];
	const names = (list: readonly ShownOperation[]) => list.map((operation) => operation.value);
	const withForm = names(operations.filter((operation) => !hasFormNames(operation)));
	const formless = names(operations.filter(hasFormNames));
	const whenChosen = (list: string[], properties: INodeProperties[]) =>
		list.length === 0 ? [] : updateDisplayOptions({ show: { ...shown(list), ifWindowClosed: [SEND_TEMPLATE] } }, properties);
	return [
		...updateDisplayOptions({ show: shown(names(operations)) }, [choice]),
		...whenChosen(withForm, template),
		...whenChosen(formless, withoutForm(template)),
	];
}

/** The template to send if the window is closed, read and checked before the reply goes; undefined for Fail. */
async function readFallbackTemplate(
	this: IExecuteFunctions,
	itemIndex: number,
	operation: ShownOperation,
	mobile: Recipient,
): Promise<TemplateMessage | undefined> {
	if (this.getNodeParameter('ifWindowClosed', itemIndex, 'fail') !== SEND_TEMPLATE) return undefined;
	const named = (message: string) => `Template to send if the service window is closed: ${message}`;
	if (hasFormNames(operation) && this.getNodeParameter('parametersMode', itemIndex, FORM) === FORM) {
		throw new InputError(
			named(`Parameters → Form is not available on ${operation.option.name}`),
			"Choose Parameters → Template's Fields or JSON: the Form's header and button fields share their names with this reply's.",
		);
	}
	try {
		return await readTemplateMessage.call(this, itemIndex, mobile);
	} catch (error) {
		const renamed = error instanceof InputError ? new InputError(named(error.message), error.description) : error;
		throw toItemError.call(this, renamed, itemIndex);
	}
}

/** How the refused reply shows in the item: as an error item shows an error, with Cunnekt's answer as it came. */
function refusal(error: NodeApiError): IDataObject {
	return {
		error: error.message,
		...(error.description ? { description: error.description } : {}),
		...(error.httpCode ? { httpCode: error.httpCode } : {}),
		response: error.errorResponse ?? {},
	};
}

/** The template's failure told with the reply's, as the item's one error. */
function bothFailed(
	replyError: NodeApiError,
	templateError: NodeApiError | NodeOperationError,
): NodeApiError | NodeOperationError {
	templateError.message = `The reply was refused (${replyError.message}) and the template sent instead failed too: ${templateError.message}`;
	templateError.description = [templateError.description, `The reply: ${replyError.description ?? replyError.message}`]
		.filter(Boolean)
		.join(' ');
	return templateError;
}

/** The template after a reply refused with 131047; if it fails too, one error that names both failures. */
async function sendTemplateInstead(
	this: IExecuteFunctions,
	itemIndex: number,
	template: TemplateMessage,
	replyError: NodeApiError,
): Promise<INodeExecutionData[]> {
	let sent: INodeExecutionData[];
	try {
		sent = await sendWithOutput.call(this, itemIndex, template);
	} catch (error) {
		throw bothFailed(replyError, toItemError.call(this, error, itemIndex));
	}
	return sent.map(({ json }) => ({ json: { sentAs: 'template', ...json, reply: refusal(replyError) } }));
}

/**
 * A reply sender with "If the Service Window Is Closed": under Fail it is `send` itself; with "Send a Template
 * Instead" the template's values are checked first, and a 131047 answer sends the template to the same number. The
 * output is `send`'s, with `sentAs` saying what went out.
 */
export function withWindowFallback(send: ReplySender, operation: ShownOperation): ReplySender {
	return async function (this: IExecuteFunctions, itemIndex: number, message: AddressedReply) {
		const template = await readFallbackTemplate.call(this, itemIndex, operation, message.to);
		if (!template) return await send.call(this, itemIndex, message);
		let sent: INodeExecutionData[];
		try {
			sent = await send.call(this, itemIndex, message);
		} catch (error) {
			if (!isWindowClosed(error)) throw toItemError.call(this, error, itemIndex);
			return await sendTemplateInstead.call(this, itemIndex, template, error as NodeApiError);
		}
		return sent.map(({ json }) => ({ json: { sentAs: 'reply', ...json } }));
	};
}
