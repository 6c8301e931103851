import type { INodeParameters } from 'n8n-workflow';

import { replyOperations } from '../../../nodes/Cunnekt/actions/reply';
import { expectRefused, onlyReplySent, runReply, useReplySandbox } from '../../helpers/reply';

/**
 * Every limit of the contract's table for reply messages, at its edge: at the limit the message is sent (and the
 * sandbox, which checks as Cunnekt would, accepts it); one past, the node refuses it with the exact message and sends
 * nothing.
 */

const context = useReplySandbox();

/** A required field left empty by an expression (a literal empty one is stopped by n8n itself: "Parameter … is required"). */
const EMPTY_EXPRESSION = '={{ $json.missing ?? "" }}';
const chars = (count: number, char = 'x') => char.repeat(count);
const buttons = (...entries: Array<{ title: string; id?: string }>) => ({
	button: entries.map(({ title, id = '' }) => ({ title, id })),
});
const titledButtons = (count: number) =>
	buttons(...Array.from({ length: count }, (_, index) => ({ title: `Option ${index + 1}` })));
const rows = (...entries: Array<{ title: string; description?: string; id?: string }>) => ({
	row: entries.map(({ title, description = '', id = '' }) => ({ title, description, id })),
});
const titledRows = (count: number) => rows(...Array.from({ length: count }, (_, index) => ({ title: `Row ${index + 1}` })));

/** Valid parameters per operation; each case changes one thing. */
const VALID: Record<string, INodeParameters> = {
	sendButtons: { headerText: '', body: 'How was your order?', buttons: buttons({ title: 'Good' }) },
	sendList: { headerText: '', body: 'Pick a product', listTitle: 'Products', rows: rows({ title: 'Fan' }) },
	sendForm: { body: 'Please tell us more', formCta: 'Fill Form', formId: '925610928478879' },
	sendCtaUrl: { body: 'Your order has shipped', buttonText: 'Track', buttonUrl: 'https://example.com/track' },
	sendImage: { mediaLink: 'https://example.com/photo.jpg', caption: '' },
	sendVideo: { mediaLink: 'https://example.com/clip.mp4', caption: '' },
	sendDocument: { mediaLink: 'https://example.com/invoice.pdf', caption: '' },
	sendAudio: { mediaLink: 'https://example.com/voice.mp3', caption: '' },
};

interface LimitCase {
	limit: string;
	operation: string;
	/** At the limit: the parameters, and where the value lands in the body sent, with what it must be. */
	at: INodeParameters;
	sent: { path: Array<string | number>; value: unknown };
	/** Past the limit: the parameters and the exact error. */
	past: INodeParameters;
	error: string;
}

/** The operations with a field of this name that the classic platform (this file's) sends. */
const withField = (name: string) =>
	replyOperations.filter(
		(operation) => operation.platforms.includes('classic') && operation.properties.some((property) => property.name === name),
	);
const interactiveOperations = withField('body').map((operation) => operation.value);
/** Each media reply: its operation, its media type and how its fields name it ("Image link"). */
const mediaOperations = withField('mediaLink').map((operation) => {
	const label = operation.option.name.replace(/^Send /, '');
	return [operation.value, label.toLowerCase(), label] as const;
});

const cases: LimitCase[] = [
	// Send Buttons
	{
		limit: 'at most 3 buttons',
		operation: 'sendButtons',
		at: { buttons: titledButtons(3) },
		sent: { path: ['buttons', 'length'], value: 3 },
		past: { buttons: titledButtons(4) },
		error: 'Buttons: 4 given; WhatsApp allows 1 to 3 [item 0]',
	},
	{
		limit: 'at least 1 button',
		operation: 'sendButtons',
		at: { buttons: titledButtons(1) },
		sent: { path: ['buttons', 'length'], value: 1 },
		past: { buttons: {} },
		error: 'Buttons: 0 given; WhatsApp allows 1 to 3 [item 0]',
	},
	{
		limit: 'button title at most 20 characters',
		operation: 'sendButtons',
		at: { buttons: buttons({ title: 'Good' }, { title: chars(20) }) },
		sent: { path: ['buttons', 1, 'reply', 'title'], value: chars(20) },
		past: { buttons: buttons({ title: 'Good' }, { title: chars(23) }) },
		error: 'Button 2 title is 23 characters; WhatsApp allows at most 20 [item 0]',
	},
	{
		limit: 'button title counted in characters, not UTF-16 units',
		operation: 'sendButtons',
		at: { buttons: buttons({ title: chars(20, '👍') }) },
		sent: { path: ['buttons', 0, 'reply', 'title'], value: chars(20, '👍') },
		past: { buttons: buttons({ title: chars(21, '👍') }) },
		error: 'Button 1 title is 21 characters; WhatsApp allows at most 20 [item 0]',
	},
	{
		limit: 'button title at least 1 character',
		operation: 'sendButtons',
		at: { buttons: buttons({ title: 'Y' }) },
		sent: { path: ['buttons', 0, 'reply', 'title'], value: 'Y' },
		past: { buttons: buttons({ title: 'Yes' }, { title: EMPTY_EXPRESSION }) },
		error: 'Button 2 title is empty; WhatsApp requires it [item 0]',
	},
	{
		limit: 'button ID at most 256 characters',
		operation: 'sendButtons',
		at: { buttons: buttons({ title: 'Good', id: chars(256) }) },
		sent: { path: ['buttons', 0, 'reply', 'id'], value: chars(256) },
		past: { buttons: buttons({ title: 'Good', id: chars(257) }) },
		error: 'Button 1 ID is 257 characters; WhatsApp allows at most 256 [item 0]',
	},
	{
		limit: 'button titles unique',
		operation: 'sendButtons',
		at: { buttons: buttons({ title: 'Good' }, { title: 'Good!' }) },
		sent: { path: ['buttons', 1, 'reply', 'title'], value: 'Good!' },
		past: { buttons: buttons({ title: 'Good' }, { title: 'Bad' }, { title: 'Good' }) },
		error: 'Button titles must be unique; "Good" appears more than once [item 0]',
	},
	{
		limit: 'button IDs unique (an empty ID is the button\'s position)',
		operation: 'sendButtons',
		at: { buttons: buttons({ title: 'Good', id: '3' }, { title: 'Bad' }) },
		sent: { path: ['buttons', 1, 'reply', 'id'], value: '2' },
		past: { buttons: buttons({ title: 'Good', id: '2' }, { title: 'Bad' }) },
		error: 'Button IDs must be unique; "2" appears more than once [item 0]',
	},
	// Send List
	{
		limit: 'at most 10 rows',
		operation: 'sendList',
		at: { rows: titledRows(10) },
		sent: { path: ['list', 'length'], value: 10 },
		past: { rows: titledRows(11) },
		error: 'Rows: 11 given; WhatsApp allows 1 to 10 [item 0]',
	},
	{
		limit: 'at least 1 row',
		operation: 'sendList',
		at: { rows: titledRows(1) },
		sent: { path: ['list', 'length'], value: 1 },
		past: { rows: {} },
		error: 'Rows: 0 given; WhatsApp allows 1 to 10 [item 0]',
	},
	{
		limit: 'row title at most 24 characters',
		operation: 'sendList',
		at: { rows: rows({ title: 'Fan' }, { title: 'Cooler' }, { title: chars(24) }) },
		sent: { path: ['list', 2, 'title'], value: chars(24) },
		past: { rows: rows({ title: 'Fan' }, { title: 'Cooler' }, { title: chars(25) }) },
		error: 'Row 3 title is 25 characters; WhatsApp allows at most 24 [item 0]',
	},
	{
		limit: 'row title at least 1 character',
		operation: 'sendList',
		at: { rows: rows({ title: 'F' }) },
		sent: { path: ['list', 0, 'title'], value: 'F' },
		past: { rows: rows({ title: EMPTY_EXPRESSION, description: 'Wall fan' }) },
		error: 'Row 1 title is empty; WhatsApp requires it [item 0]',
	},
	{
		limit: 'row description at most 72 characters',
		operation: 'sendList',
		at: { rows: rows({ title: 'Fan', description: chars(72) }) },
		sent: { path: ['list', 0, 'description'], value: chars(72) },
		past: { rows: rows({ title: 'Fan' }, { title: 'AC', description: chars(73) }) },
		error: 'Row 2 description is 73 characters; WhatsApp allows at most 72 [item 0]',
	},
	{
		limit: 'row ID at most 200 characters',
		operation: 'sendList',
		at: { rows: rows({ title: 'Fan', id: chars(200) }) },
		sent: { path: ['list', 0, 'id'], value: chars(200) },
		past: { rows: rows({ title: 'Fan', id: chars(201) }) },
		error: 'Row 1 ID is 201 characters; WhatsApp allows at most 200 [item 0]',
	},
	{
		limit: 'row IDs unique',
		operation: 'sendList',
		at: { rows: rows({ title: 'Fan', id: 'fan' }, { title: 'Fan', id: 'fan_2' }) },
		sent: { path: ['list', 1, 'id'], value: 'fan_2' },
		past: { rows: rows({ title: 'Fan', id: 'fan' }, { title: 'Wall fan', id: 'fan' }) },
		error: 'Row IDs must be unique; "fan" appears more than once [item 0]',
	},
	{
		limit: 'button label (list_title) at most 20 characters',
		operation: 'sendList',
		at: { listTitle: chars(20) },
		sent: { path: ['list_title'], value: chars(20) },
		past: { listTitle: chars(21) },
		error: 'Button label is 21 characters; WhatsApp allows at most 20 [item 0]',
	},
	{
		limit: 'button label (list_title) required',
		operation: 'sendList',
		at: { listTitle: 'P' },
		sent: { path: ['list_title'], value: 'P' },
		past: { listTitle: EMPTY_EXPRESSION },
		error: 'Button label is empty; it is required [item 0]',
	},
	// Header text: Send Buttons and Send List
	...['sendButtons', 'sendList'].map(
		(operation): LimitCase => ({
			limit: 'header text at most 60 characters',
			operation,
			at: { headerText: chars(60) },
			sent: { path: ['header'], value: { type: 'text', text: chars(60) } },
			past: { headerText: chars(61) },
			error: 'Header text is 61 characters; WhatsApp allows at most 60 [item 0]',
		}),
	),
	// Interactive body: every interactive reply
	...interactiveOperations.flatMap((operation): LimitCase[] => [
		{
			limit: 'body at most 1024 characters',
			operation,
			at: { body: chars(1024) },
			sent: { path: ['body'], value: chars(1024) },
			past: { body: chars(1025) },
			error: 'Body is 1025 characters; WhatsApp allows at most 1024 [item 0]',
		},
		{
			limit: 'body required',
			operation,
			at: { body: 'B' },
			sent: { path: ['body'], value: 'B' },
			past: { body: ' ' },
			error: 'Body is empty; it is required [item 0]',
		},
	]),
	// Send Form
	{
		limit: 'form button label (form_cta) at most 20 characters',
		operation: 'sendForm',
		at: { formCta: chars(20) },
		sent: { path: ['form_cta'], value: chars(20) },
		past: { formCta: chars(21) },
		error: 'Form button label is 21 characters; WhatsApp allows at most 20 [item 0]',
	},
	{
		limit: 'form ID required',
		operation: 'sendForm',
		at: { formId: ' 925610928478879 ' },
		sent: { path: ['form_id'], value: '925610928478879' },
		past: { formId: EMPTY_EXPRESSION },
		error: 'Form ID is empty; it is required [item 0]',
	},
	// Send CTA URL
	{
		limit: 'CTA button text at most 20 characters',
		operation: 'sendCtaUrl',
		at: { buttonText: chars(20) },
		sent: { path: ['button_text'], value: chars(20) },
		past: { buttonText: chars(21) },
		error: 'Button text is 21 characters; WhatsApp allows at most 20 [item 0]',
	},
	{
		limit: 'CTA button URL http(s)',
		operation: 'sendCtaUrl',
		at: { buttonUrl: 'http://example.com/orders?id=1042' },
		sent: { path: ['button_url'], value: 'http://example.com/orders?id=1042' },
		past: { buttonUrl: 'ftp://example.com/orders' },
		error: 'Button URL must be an absolute http(s) URL [item 0]',
	},
	{
		limit: 'CTA button URL absolute',
		operation: 'sendCtaUrl',
		at: { buttonUrl: 'https://example.com' },
		sent: { path: ['button_url'], value: 'https://example.com' },
		past: { buttonUrl: 'www.example.com/orders' },
		error: 'Button URL must be an absolute http(s) URL [item 0]',
	},
	// Media: every media reply
	...mediaOperations.flatMap(([operation, type, label]): LimitCase[] => [
		{
			limit: 'caption at most 1024 characters',
			operation,
			at: { caption: chars(1024) },
			sent: { path: ['caption'], value: chars(1024) },
			past: { caption: chars(1025) },
			error: 'Caption is 1025 characters; WhatsApp allows at most 1024 [item 0]',
		},
		{
			limit: 'media link an absolute http(s) URL',
			operation,
			at: { mediaLink: `http://example.com/${type}` },
			sent: { path: [type], value: `http://example.com/${type}` },
			// The placeholder in Cunnekt's own request template: no scheme.
			past: { mediaLink: 'link-to-image-file.com/image.jpg' },
			error: `${label} link must be an absolute http(s) URL [item 0]`,
		},
	]),
];

function valueAt(body: unknown, path: Array<string | number>): unknown {
	return path.reduce<unknown>(
		(value, key) => (value === undefined || value === null ? undefined : (value as Record<string, unknown>)[key]),
		body,
	);
}

describe.each(cases)('$operation: $limit', ({ operation, at, sent, past, error }) => {
	it('at the limit: sent, and the sandbox accepts it', async () => {
		const { sandbox } = context;
		const result = await runReply(sandbox, operation, { ...VALID[operation], ...at });
		expect(result.error).toBeUndefined();
		expect(valueAt(onlyReplySent(sandbox), sent.path)).toEqual(sent.value);
	});

	it('past it: refused with the exact message, nothing sent', async () => {
		const { sandbox } = context;
		const result = await runReply(sandbox, operation, { ...VALID[operation], ...past });
		expectRefused(sandbox, result, error);
	});
});
