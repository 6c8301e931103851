import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { InputError } from '../../../shared/errors';
import { sendMessage } from '../../../shared/transport';
import { addressOf } from '../../../shared/platforms/message';
import type { CampaignRecipient, Recipient } from '../../../shared/platforms/message';
import type { TemplateComponent } from '../../../shared/types';
import { checkTemplateRecipient, parseRecipient } from '../../whatsapp/recipient';
import { answerJson, mobileProperty, readRecipient, readText } from '../common';
import { toItemError } from '../itemErrors';
import { readTemplateId, templateLocator } from '../templateFields/locator';
import { listedTemplate, templateRef } from '../templateFields/lookup';
import { readTemplateComponents } from '../templateFields/values';
import { templateParameterProperties } from '../templateFields/properties';
import type { CunnektOperation } from '../node.type';

type RecipientsMode = 'allItems' | 'perItem';

const ALL_ITEMS = { show: { recipientsMode: ['allItems'] } };
const PER_ITEM = { show: { recipientsMode: ['perItem'] } };

const properties: INodeProperties[] = [
	{
		displayName: 'Campaign Name',
		name: 'campaignName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Diwali offer 2025',
	},
	{ ...templateLocator, description: 'The approved template the campaign sends' },
	{
		displayName: 'Create',
		name: 'recipientsMode',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'One Campaign From All Input Items',
				value: 'allItems',
				description: 'Each input item (a row of a sheet, a contact) is one recipient: one campaign, one request',
			},
			{
				name: 'One Campaign per Input Item',
				value: 'perItem',
				description: 'Each input item creates its own campaign, to the numbers it lists',
			},
		],
		default: 'allItems',
	},
	{
		...mobileProperty,
		description:
			"Each input item's phone number, e.g. {{ $json.phone }} (spaces, dashes, parentheses, a leading + or 00 are removed), or its WhatsApp business-scoped user id (BSUID, current platform only).",
		displayOptions: ALL_ITEMS,
	},
	{
		displayName: 'Recipients',
		name: 'mobiles',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 919999999999, +91 98888 88888, IN.13491208655302741918',
		description:
			"Phone numbers or BSUIDs (current platform only), separated by commas or new lines, or an expression that returns a list. The template's values below apply to every recipient.",
		displayOptions: PER_ITEM,
	},
	...templateParameterProperties,
];

function recipient(to: Recipient, components: TemplateComponent[]): CampaignRecipient {
	return { to, components };
}

const DUPLICATE_HINT =
	'A campaign sends to each recipient once: remove the duplicates first (for example with a Remove Duplicates node).';

/** Creates the campaign with the name and template of the given item, on the credential's platform. */
async function createFrom(
	this: IExecuteFunctions,
	itemIndex: number,
	templateKey: string,
	recipients: CampaignRecipient[],
): Promise<INodeExecutionData[]> {
	const name = readText.call(this, 'campaignName', itemIndex, 'Campaign name').trim();
	const bsuid = recipients.find(({ to }) => to.kind === 'userId');
	if (bsuid) {
		// Only a BSUID needs the template's category: a phone number takes every template.
		const listed = await listedTemplate.call(this, templateKey, itemIndex);
		if (listed) checkTemplateRecipient(listed, bsuid.to);
	}
	const template = templateRef.call(this, templateKey, itemIndex);
	const response = await sendMessage.call(this, { kind: 'campaign', name, template, recipients }, itemIndex);
	return [{ json: answerJson(response) }];
}

/** The recipients one item lists: an array from an expression, or text separated by commas, semicolons or lines. */
function listedRecipients(this: IExecuteFunctions, itemIndex: number): Recipient[] {
	const value = this.getNodeParameter('mobiles', itemIndex, '') as unknown;
	const entries = (Array.isArray(value) ? value : String(value ?? '').split(/[,;\n]+/))
		.map((entry) => (typeof entry === 'number' ? String(entry) : String(entry ?? '')).trim())
		.filter((entry) => entry !== '');
	if (entries.length === 0) throw new InputError('Recipients is empty; list at least one phone number or BSUID');
	const recipients = entries.map((entry, position) => parseRecipient(entry, `Recipient ${position + 1}`));
	const addresses = recipients.map(addressOf);
	addresses.forEach((address, position) => {
		const first = addresses.indexOf(address);
		if (first !== position) {
			throw new InputError(`Recipients ${first + 1} and ${position + 1} are both ${address}`, DUPLICATE_HINT);
		}
	});
	return recipients;
}

/** One campaign per item, to the numbers the item lists; the template's values are the item's, for every number. */
async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const templateid = readTemplateId.call(this, itemIndex);
	const recipients = listedRecipients.call(this, itemIndex);
	const components = await readTemplateComponents.call(this, itemIndex, templateid);
	return await createFrom.call(
		this,
		itemIndex,
		templateid,
		recipients.map((to) => recipient(to, components)),
	);
}

/**
 * One campaign from all items: each item is one recipient, its number and template values read exactly as
 * Template Message → Send reads them. Every item is checked before the one request; the first bad one stops it,
 * named by its item number. The campaign's name and template are the first item's.
 */
async function executeAllItems(
	this: IExecuteFunctions,
	itemCount: number,
): Promise<INodeExecutionData[] | undefined> {
	if ((this.getNodeParameter('recipientsMode', 0, 'allItems') as RecipientsMode) !== 'allItems') return undefined;
	if (itemCount === 0) return [];
	const templateid = readTemplateId.call(this, 0);
	const recipients: CampaignRecipient[] = [];
	const itemOf = new Map<string, number>();
	for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
		try {
			const to = readRecipient.call(this, itemIndex);
			const earlier = itemOf.get(addressOf(to));
			if (earlier !== undefined) {
				throw new InputError(`Recipient ${addressOf(to)} was already given by item ${earlier}`, DUPLICATE_HINT);
			}
			itemOf.set(addressOf(to), itemIndex);
			recipients.push(recipient(to, await readTemplateComponents.call(this, itemIndex, templateid)));
		} catch (error) {
			throw toItemError.call(this, error, itemIndex);
		}
	}
	return await createFrom.call(this, 0, templateid, recipients);
}

export const createCampaign: CunnektOperation = {
	value: 'create',
	option: {
		name: 'Create',
		action: 'Create a campaign',
		description: 'Create a broadcast of one template to many recipients, from all input items or per item',
	},
	properties,
	execute,
	executeAllItems,
};
