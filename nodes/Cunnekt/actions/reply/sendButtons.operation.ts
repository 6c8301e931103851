import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkLength, checkUnique, LIMITS } from '../../whatsapp/limits';
import type { ReplyButtonEntry } from '../../../shared/platforms/message';
import {
	entryIdProperty,
	entryText,
	entryTitleProperty,
	interactiveProperties,
	readEntries,
	readEntryIds,
	readInteractive,
} from './fields';
import { replyOperation } from './operation';

const { replyButtons, buttonTitle, buttonId } = LIMITS;

const properties: INodeProperties[] = [
	...interactiveProperties(true),
	{
		displayName: 'Buttons',
		name: 'buttons',
		type: 'fixedCollection',
		placeholder: 'Add Button',
		required: true,
		typeOptions: { multipleValues: true, sortable: true },
		default: {},
		description: `${replyButtons.min} to ${replyButtons.max} reply buttons, shown in this order. Each title must be different.`,
		options: [
			{
				displayName: 'Button',
				name: 'button',
				values: [
					entryTitleProperty(
						'Excellent',
						`The button's label, 1 to ${buttonTitle.max} characters (WhatsApp's limit; Cunnekt's page says 24)`,
					),
					entryIdProperty('button', 'taps', buttonId.max, 'rating_excellent'),
				],
			},
		],
	},
	{
		// Shown as soon as a 4th button is added, before anything runs (the send refuses it too).
		displayName: `WhatsApp shows at most ${replyButtons.max} reply buttons: remove the extra ones (or use Send List for more choices).`,
		name: 'tooManyButtonsNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { [`buttons.button[${replyButtons.max}]`]: [{ _cnd: { exists: true } }] } },
	},
];

/** The buttons, after WhatsApp's checks: 1–3 buttons, titles 1–20 and unique, IDs ≤ 256. */
function readButtons(this: IExecuteFunctions, itemIndex: number): ReplyButtonEntry[] {
	const entries = readEntries.call(this, 'buttons.button', itemIndex, 'Buttons', replyButtons);
	const titles = entries.map((entry, position) =>
		checkLength(entryText(entry, 'title'), `Button ${position + 1} title`, buttonTitle),
	);
	checkUnique(titles, 'Button titles');
	const ids = readEntryIds(entries, 'Button', buttonId);
	return titles.map((title, position) => ({ id: ids[position], title }));
}

export const sendButtons = replyOperation({
	value: 'sendButtons',
	option: {
		name: 'Send Buttons',
		action: 'Send a reply with buttons',
		description: 'Send a message with up to 3 reply buttons',
	},
	properties,
	kind: 'buttons',
	read(itemIndex) {
		return {
			kind: 'buttons',
			...readInteractive.call(this, itemIndex, true),
			buttons: readButtons.call(this, itemIndex),
		};
	},
});
