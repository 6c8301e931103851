import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkLength, LIMITS } from '../../whatsapp/limits';
import type { ListRowEntry } from '../../../shared/platforms/message';
import {
	entryIdProperty,
	entryText,
	entryTitleProperty,
	interactiveProperties,
	readEntries,
	readEntryIds,
	readInteractive,
	readLimitedText,
} from './fields';
import { replyOperation } from './operation';

const { listRows, listRowTitle, listRowDescription, listRowId, listButton } = LIMITS;

const properties: INodeProperties[] = [
	...interactiveProperties(true),
	{
		displayName: 'Button Label',
		name: 'listTitle',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Items Available',
		description: `The label of the button that opens the list (Cunnekt's "list_title"), 1 to ${listButton.max} characters`,
	},
	{
		displayName: 'Rows',
		name: 'rows',
		type: 'fixedCollection',
		placeholder: 'Add Row',
		required: true,
		typeOptions: { multipleValues: true, sortable: true },
		default: {},
		description: `The options the customer picks from: ${listRows.min} to ${listRows.max} rows, in this order`,
		options: [
			{
				displayName: 'Row',
				name: 'row',
				values: [
					entryTitleProperty('Window AC', `The row's title, 1 to ${listRowTitle.max} characters`),
					{
						displayName: 'Description',
						name: 'description',
						type: 'string',
						default: '',
						placeholder: 'e.g. Window AC starting from Rs. 19,999',
						description: `Optional second line under the title, at most ${listRowDescription.max} characters`,
					},
					entryIdProperty('row', 'picks', listRowId.max, 'window_ac'),
				],
			},
		],
	},
];

/** The rows, after WhatsApp's checks: 1–10 rows, title ≤ 24, description ≤ 72, ID ≤ 200. */
function readRows(this: IExecuteFunctions, itemIndex: number): ListRowEntry[] {
	const entries = readEntries.call(this, 'rows.row', itemIndex, 'Rows', listRows);
	const rows = entries.map((entry, position) => {
		const title = checkLength(entryText(entry, 'title'), `Row ${position + 1} title`, listRowTitle);
		const rowDescription = entryText(entry, 'description');
		checkLength(rowDescription, `Row ${position + 1} description`, listRowDescription);
		return { title, description: rowDescription };
	});
	const ids = readEntryIds(entries, 'Row', listRowId);
	return rows.map(({ title, description: rowDescription }, position) => ({
		id: ids[position],
		title,
		...(rowDescription === '' ? {} : { description: rowDescription }),
	}));
}

export const sendList = replyOperation({
	value: 'sendList',
	option: {
		name: 'Send List',
		action: 'Send a reply with a list',
		description: 'Send a message with a list of up to 10 options',
	},
	properties,
	kind: 'list',
	read(itemIndex) {
		return {
			kind: 'list',
			...readInteractive.call(this, itemIndex, true),
			button: readLimitedText.call(this, 'listTitle', itemIndex, 'Button label', listButton),
			rows: readRows.call(this, itemIndex),
		};
	},
});
