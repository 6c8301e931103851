import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { InputError } from '../../../../shared/errors';
import { addressOf } from '../../../../shared/platforms/message';
import type { AddressedReply, Recipient } from '../../../../shared/platforms/message';
import { answerQuery, encodeRoute, MAX_ROUTING_LENGTH, recipientFingerprint } from '../../../../shared/resumeRouting';
import type { TemplateComponent } from '../../../../shared/types';
import { LIMITS } from '../../../whatsapp/limits';
import { quickReplyIndexes } from '../../../whatsapp/templateExpectations';
import { readRecipient, sendWithOutput } from '../../common';
import { readTemplateId } from '../../templateFields/locator';
import { templateForExecution } from '../../templateFields/lookup';
import { readTemplateMessage } from '../../templateFields/message';
import { readLimitedText } from '../fields';
import { checkLabels, readOptions, readWaitTill } from './answers';
import type { ChoiceStyle, ResponseOption } from './answers';

/**
 * Sending a Send and Wait request: a question with native WhatsApp buttons (or list rows, or a template's quick
 * replies) whose reply ids carry the routing back to this execution (nodes/shared/resumeRouting.ts), then the
 * execution waits until the Cunnekt Trigger hands the tap to n8n's signed resume URL (resume.ts).
 */

const { buttonTitle, listRowTitle, listButton, listRowId, interactiveBody } = LIMITS;

/**
 * One reply id per option, each carrying the routing to this execution's signed resume URL, bound to the address
 * the request goes to (a phone number or a BSUID, as given): only a tap from that person resumes it.
 */
function routeIds(this: IExecuteFunctions, options: ResponseOption[], idLimit: number, recipient: Recipient): string[] {
	const nonce = Date.now().toString(36);
	const fingerprint = recipientFingerprint(addressOf(recipient));
	return options.map((option) => {
		const signedUrl = this.getSignedResumeUrl(answerQuery(option.answer, nonce, fingerprint));
		const id = encodeRoute(signedUrl, option.answer, nonce, fingerprint);
		if (id.length > idLimit) {
			throw new InputError(
				`The reply id that routes the answer back is ${id.length} characters; WhatsApp allows at most ${idLimit}`,
				'The execution or node id is unusually long: give the node a new id by duplicating it.',
			);
		}
		return id;
	});
}

async function sendInteractive(
	this: IExecuteFunctions,
	itemIndex: number,
	mobile: Recipient,
	waitTill: Date,
): Promise<INodeExecutionData[]> {
	const responseType = this.getNodeParameter('responseType', itemIndex, 'approval') as string;
	const style =
		responseType === 'choice' ? (this.getNodeParameter('choiceStyle', itemIndex, 'buttons') as ChoiceStyle) : 'buttons';
	const message = readLimitedText.call(this, 'message', itemIndex, 'Message', interactiveBody);
	const options = readOptions.call(this, itemIndex, style);
	if (style === 'list') {
		checkLabels(options, (position) => `Option ${position + 1} label`, listRowTitle);
		const listTitle = readLimitedText.call(this, 'listButtonLabel', itemIndex, 'List button label', listButton);
		const ids = routeIds.call(this, options, listRowId.max, mobile);
		const body: AddressedReply = {
			kind: 'list',
			to: mobile,
			body: message,
			button: listTitle,
			rows: options.map((option, position) => ({ id: ids[position], title: option.label })),
		};
		return await sendAndPause.call(this, waitTill, async () => await sendWithOutput.call(this, itemIndex, body));
	}
	const labelField =
		responseType === 'choice'
			? (position: number) => `Option ${position + 1} label`
			: (position: number) => (position === 0 ? 'Approve button label' : 'Disapprove button label');
	checkLabels(options, labelField, buttonTitle);
	const ids = routeIds.call(this, options, MAX_ROUTING_LENGTH, mobile);
	const body: AddressedReply = {
		kind: 'buttons',
		to: mobile,
		body: message,
		buttons: options.map((option, position) => ({ id: ids[position], title: option.label })),
	};
	return await sendAndPause.call(this, waitTill, async () => await sendWithOutput.call(this, itemIndex, body));
}

/** The template read as in Template Message → Send, its quick replies' payloads replaced by the routing. */
async function sendTemplate(
	this: IExecuteFunctions,
	itemIndex: number,
	mobile: Recipient,
	waitTill: Date,
): Promise<INodeExecutionData[]> {
	const options = readOptions.call(this, itemIndex, 'list');
	const body = await readTemplateMessage.call(this, itemIndex, mobile);
	const templateKey = readTemplateId.call(this, itemIndex);
	const template = await templateForExecution.call(this, templateKey, itemIndex);
	const indexes = quickReplyIndexes(template);
	if (indexes.length < options.length) {
		throw new InputError(
			`Template ${JSON.stringify(template.name ?? templateKey)} has ${indexes.length} quick-reply button(s); this request needs ${options.length}`,
			'Choose a template with a quick-reply button per answer (for an approval: Approve first, then Decline).',
		);
	}
	const ids = routeIds.call(this, options, MAX_ROUTING_LENGTH, mobile);
	const routed = new Set(indexes.slice(0, ids.length));
	const others = body.components.filter(
		(component) => !(String(component.type).toLowerCase() === 'button' && routed.has(Number(component.index))),
	);
	const quickReplies: TemplateComponent[] = ids.map((payload, position) => ({
		type: 'button',
		sub_type: 'quick_reply',
		index: indexes[position],
		parameters: [{ type: 'payload', payload }],
	}));
	body.components = [...others, ...quickReplies];
	return await sendAndPause.call(this, waitTill, async () => await sendWithOutput.call(this, itemIndex, body));
}

/** Sends, then puts the execution to wait: nothing is held in memory; the tap or the limit resumes it. */
async function sendAndPause(
	this: IExecuteFunctions,
	waitTill: Date,
	send: () => Promise<INodeExecutionData[]>,
): Promise<INodeExecutionData[]> {
	const sent = await send();
	await this.putExecutionToWait(waitTill);
	return sent.map((item) => ({ json: { ...item.json, waitingUntil: waitTill.toISOString() } }));
}

export async function sendAndWait(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const mobile = readRecipient.call(this, itemIndex);
	const waitTill = readWaitTill.call(this, itemIndex, Date.now());
	const sendAs = this.getNodeParameter('sendAs', itemIndex, 'interactive') as 'interactive' | 'template';
	return sendAs === 'template'
		? await sendTemplate.call(this, itemIndex, mobile, waitTill)
		: await sendInteractive.call(this, itemIndex, mobile, waitTill);
}
