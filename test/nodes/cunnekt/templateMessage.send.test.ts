import { NodeHelpers } from 'n8n-workflow';
import type { IDataObject, INodeParameters, ResourceMapperValue } from 'n8n-workflow';

import { Cunnekt } from '../../../nodes/Cunnekt/Cunnekt.node';
import { REFUSED_FIELDS } from '../../helpers/errors';
import { runCunnekt } from '../../helpers/n8n';
import { credentialsFor, startSandbox } from '../../helpers/sandbox';
import type { Sandbox } from '../../helpers/sandbox';

/**
 * Template Message → Send against the sandbox. The three request bodies below are Cunnekt's own examples (its
 * Postman collection, "Template Sending API"), transcribed key for key; only placeholders are filled in ("{URL}" → a real link,
 * "yes/no" → "yes").
 */
const PICTURE = 'https://www.cunnekt.com/wp-content/themes/twentytwenty-child/images/wts_4.jpg';

const SEED_PLAIN = { mobile: '919999999999', templateid: 'asdasdDSDsd' };

const SEED_MEDIA_AND_VARIABLES = {
	mobile: '919999999999',
	templateid: 'sdsdDSDdssd',
	template: {
		components: [
			{ type: 'header', parameters: [{ type: 'image', image: { link: 'https://yourdomain.com/filename.jpg' } }] },
			{
				type: 'body',
				parameters: [
					{ type: 'text', text: 'variable_1_value' },
					{ type: 'text', text: 'variable_2_value' },
				],
			},
		],
	},
};

const seedCard = (card: number) => ({
	card_index: card,
	components: [
		{ type: 'HEADER', parameters: [{ type: 'IMAGE', image: { link: PICTURE } }] },
		{
			type: 'BUTTON',
			sub_type: 'QUICK_REPLY',
			index: 0,
			parameters: [{ type: 'PAYLOAD', payload: `card_${card}_button_0` }],
		},
		{ type: 'BUTTON', sub_type: 'URL', index: 1, parameters: [{ type: 'PAYLOAD', payload: `card_${card}_button_1` }] },
	],
});

const SEED_CAROUSEL = {
	mobile: '919999999999',
	templateid: '1036659577939498',
	overridebot: 'yes',
	template: { components: [{ type: 'CAROUSEL', cards: [seedCard(0), seedCard(1), seedCard(2)] }] },
};

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ apiKey: 'tmpl-key-90ab12' });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const fromList = (value: string) => ({ __rl: true, mode: 'list', value, cachedResultName: value });

const send = (
	parameters: INodeParameters,
	items: IDataObject[] = [{}],
	extra: { continueOnFail?: boolean } = {},
) =>
	runCunnekt({
		parameters: { resource: 'templateMessage', operation: 'send', mobile: '919999999999', ...parameters },
		items,
		credentials: credentialsFor(sandbox),
		continueOnFail: extra.continueOnFail,
	});

/** The exact bytes of each /sendnotification body the sandbox received. */
const sentBodies = () => sandbox.requestsTo('/sendnotification').map((request) => request.rawBody.toString('utf8'));

/** The template fields' parameter as n8n stores it: the values and the fields that were shown. */
const mapping = (value: ResourceMapperValue['value'], shown: string[] = Object.keys(value ?? {})) => ({
	mappingMode: 'defineBelow' as const,
	value,
	matchingColumns: [],
	schema: shown.map((id) => ({ id, displayName: id, required: true, defaultMatch: false, display: true, type: 'string' })),
	attemptToConvertTypes: false,
	convertFieldsToString: false,
});

const seedCardForm = (card: number) => ({
	cardIndex: card,
	headerType: 'image',
	headerLink: PICTURE,
	buttons: {
		button: [
			{ subType: 'quick_reply', index: 0, payload: `card_${card}_button_0` },
			{ subType: 'url', index: 1, urlSuffix: `card_${card}_button_1` },
		],
	},
});

describe("Template Message → Send: Cunnekt's three examples, byte for byte", () => {
	it('a plain template (example 1): only mobile and templateid', async () => {
		const { items, error } = await send({ templateId: byId('asdasdDSDsd') });
		expect(error).toBeUndefined();
		expect(sentBodies()).toEqual([JSON.stringify(SEED_PLAIN)]);
		const [request] = sandbox.requestsTo('/sendnotification');
		expect(request.method).toBe('POST');
		expect(request.headers['api-key']).toBe('tmpl-key-90ab12');
		const wamid = sandbox.state.sent[0].id;
		expect(items.map((item) => [item.json.messageId, item.json.mobile, item.pairedItem])).toEqual([
			[wamid, '919999999999', { item: 0 }],
		]);
	});

	it('a plain template From List (Template\'s Fields, none needed): the same body', async () => {
		const { error } = await send({ templateId: fromList('asdasdDSDsd') });
		expect(error).toBeUndefined();
		expect(sentBodies()).toEqual([JSON.stringify(SEED_PLAIN)]);
	});

	it('image header and 2 body variables (example 2), from the form', async () => {
		const { error } = await send({
			templateId: byId('sdsdDSDdssd'),
			headerType: 'image',
			headerLink: 'https://yourdomain.com/filename.jpg',
			bodyVariables: { variable: [{ text: 'variable_1_value' }, { text: 'variable_2_value' }] },
		});
		expect(error).toBeUndefined();
		expect(sentBodies()).toEqual([JSON.stringify(SEED_MEDIA_AND_VARIABLES)]);
	});

	it("image header and 2 body variables (example 2), from the template's fields", async () => {
		const { error } = await send({
			templateId: fromList('sdsdDSDdssd'),
			parametersMode: 'templateFields',
			templateFields: mapping({
				header_image: 'https://yourdomain.com/filename.jpg',
				body_1: 'variable_1_value',
				body_2: 'variable_2_value',
			}),
		});
		expect(error).toBeUndefined();
		expect(sentBodies()).toEqual([JSON.stringify(SEED_MEDIA_AND_VARIABLES)]);
	});

	it('the carousel (example 3) with overridebot "yes", from the form', async () => {
		const { error } = await send({
			templateId: byId('1036659577939498'),
			cards: { card: [seedCardForm(0), seedCardForm(1), seedCardForm(2)] },
			options: { overridebot: 'yes' },
		});
		expect(error).toBeUndefined();
		expect(sentBodies()).toEqual([JSON.stringify(SEED_CAROUSEL)]);
	});

	it("the carousel (example 3) with overridebot \"no\", from the template's fields", async () => {
		const values: Record<string, string> = {};
		for (const card of [0, 1, 2]) {
			values[`card_${card}_header_image`] = PICTURE;
			values[`card_${card}_button_0_payload`] = `card_${card}_button_0`;
			values[`card_${card}_button_1_url_suffix`] = `card_${card}_button_1`;
		}
		const { error } = await send({
			templateId: fromList('1036659577939498'),
			templateFields: mapping(values),
			options: { overridebot: 'no' },
		});
		expect(error).toBeUndefined();
		expect(sentBodies()).toEqual([JSON.stringify({ ...SEED_CAROUSEL, overridebot: 'no' })]);
	});
});

describe('Template Message → Send: headers, JSON, named variables, text header and URL suffix', () => {
	it('a document header with its filename', async () => {
		const { error } = await send({
			templateId: byId('tpl_invoice_ready'),
			headerType: 'document',
			headerLink: ' https://example.com/invoices/INV-77.pdf ',
			headerFilename: 'INV-77.pdf',
			bodyVariables: { variable: [{ text: 'INV-77' }] },
		});
		expect(error).toBeUndefined();
		expect(sentBodies()).toEqual([
			'{"mobile":"919999999999","templateid":"tpl_invoice_ready","template":{"components":[' +
				'{"type":"header","parameters":[{"type":"document","document":{"link":"https://example.com/invoices/INV-77.pdf","filename":"INV-77.pdf"}}]},' +
				'{"type":"body","parameters":[{"type":"text","text":"INV-77"}]}]}}',
		]);
	});

	it('a video header', async () => {
		sandbox.state.templates.set('tpl_product_demo', {
			id: 'tpl_product_demo',
			name: 'product_demo',
			language: 'en',
			status: 'APPROVED',
			category: 'MARKETING',
			components: [{ type: 'HEADER', format: 'VIDEO' }, { type: 'BODY', text: 'See it in action.' }],
		});
		const { error } = await send({
			templateId: byId('tpl_product_demo'),
			headerType: 'video',
			headerLink: 'https://example.com/demo.mp4',
		});
		expect(error).toBeUndefined();
		expect(sentBodies()).toEqual([
			'{"mobile":"919999999999","templateid":"tpl_product_demo","template":{"components":[' +
				'{"type":"header","parameters":[{"type":"video","video":{"link":"https://example.com/demo.mp4"}}]}]}}',
		]);
	});

	it('JSON mode sends the pasted components as they are, from an array, {components} or a whole payload', async () => {
		const components = SEED_CAROUSEL.template.components;
		for (const pasted of [components, { components }, SEED_CAROUSEL]) {
			const { error } = await send({
				templateId: byId('1036659577939498'),
				parametersMode: 'json',
				componentsJson: JSON.stringify(pasted, null, 2),
				options: { overridebot: 'yes' },
			});
			expect(error).toBeUndefined();
		}
		expect(sentBodies()).toEqual([
			JSON.stringify(SEED_CAROUSEL),
			JSON.stringify(SEED_CAROUSEL),
			JSON.stringify(SEED_CAROUSEL),
		]);
	});

	it('JSON mode refuses invalid JSON, naming the field, and sends nothing', async () => {
		const { error } = await send({
			templateId: byId('sdsdDSDdssd'),
			parametersMode: 'json',
			componentsJson: '[{"type": "body", "parameters": [}]',
		});
		expect(error?.message).toBe(
			`Components (JSON) is not valid JSON: ${jsonError('[{"type": "body", "parameters": [}]')} [item 0]`,
		);
		expect(error?.description).toBe(
			'Paste the components array, e.g. [{"type": "body", "parameters": [{"type": "text", "text": "Vivek"}]}], or {"components": [...]}.',
		);
		expect(sandbox.requests).toEqual([]);
	});

	it('JSON mode refuses a value that is not a components array', async () => {
		const { error } = await send({
			templateId: byId('sdsdDSDdssd'),
			parametersMode: 'json',
			componentsJson: '{"type": "body"}',
		});
		expect(error?.message).toBe('Components (JSON) must be the components array or {"components": [...]} [item 0]');
		expect(sandbox.requests).toEqual([]);
	});

	it("named variables through the template's fields send parameter_name", async () => {
		const { error } = await send(
			{
				templateId: fromList('tpl_appointment_reminder'),
				templateFields: mapping({ body_first_name: '={{ $json.name }}', body_date: '={{ $json.when }}' }),
			},
			[{ name: 'Asha', when: '12 March, 10:00' }],
		);
		expect(error).toBeUndefined();
		expect(sentBodies()).toEqual([
			'{"mobile":"919999999999","templateid":"tpl_appointment_reminder","template":{"components":[' +
				'{"type":"body","parameters":[{"type":"text","parameter_name":"first_name","text":"Asha"},' +
				'{"type":"text","parameter_name":"date","text":"12 March, 10:00"}]}]}}',
		]);
	});

	it("a text header variable and a URL button suffix through the template's fields", async () => {
		const { error } = await send({
			templateId: fromList('tpl_track_shipment'),
			templateFields: mapping({ header_1: 'A-1042', body_1: 'AWB123456', button_0_url_suffix: 'AWB123456' }),
		});
		expect(error).toBeUndefined();
		expect(sentBodies()).toEqual([
			'{"mobile":"919999999999","templateid":"tpl_track_shipment","template":{"components":[' +
				'{"type":"header","parameters":[{"type":"text","text":"A-1042"}]},' +
				'{"type":"body","parameters":[{"type":"text","text":"AWB123456"}]},' +
				'{"type":"button","sub_type":"url","index":0,"parameters":[{"type":"text","text":"AWB123456"}]}]}}',
		]);
	});

	it("the optional quick reply payload, when given, is sent with the button's index", async () => {
		const { error } = await send({
			templateId: fromList('tpl_track_shipment'),
			templateFields: mapping({
				header_1: 'A-1042',
				body_1: 'AWB123456',
				button_0_url_suffix: 'AWB123456',
				button_1_payload: 'talk_A-1042',
			}),
		});
		expect(error).toBeUndefined();
		const body = JSON.parse(sentBodies()[0]) as { template: { components: IDataObject[] } };
		expect(body.template.components.slice(2)).toEqual([
			{ type: 'button', sub_type: 'url', index: 0, parameters: [{ type: 'text', text: 'AWB123456' }] },
			{ type: 'button', sub_type: 'quick_reply', index: 1, parameters: [{ type: 'payload', payload: 'talk_A-1042' }] },
		]);
	});

	it('the same text header and URL suffix from the form', async () => {
		const { error } = await send({
			templateId: byId('tpl_track_shipment'),
			headerType: 'text',
			headerText: 'A-1042',
			bodyVariables: { variable: [{ text: 'AWB123456' }] },
			buttons: { button: [{ subType: 'url', index: 0, urlSuffix: 'AWB123456' }] },
		});
		expect(error).toBeUndefined();
		expect(JSON.parse(sentBodies()[0])).toEqual({
			mobile: '919999999999',
			templateid: 'tpl_track_shipment',
			template: {
				components: [
					{ type: 'header', parameters: [{ type: 'text', text: 'A-1042' }] },
					{ type: 'body', parameters: [{ type: 'text', text: 'AWB123456' }] },
					{ type: 'button', sub_type: 'url', index: 0, parameters: [{ type: 'text', text: 'AWB123456' }] },
				],
			},
		});
	});

	it('named variables from the form, with their names', async () => {
		const { error } = await send({
			templateId: byId('tpl_appointment_reminder'),
			bodyVariables: {
				variable: [
					{ text: 'Asha', parameterName: 'first_name' },
					{ text: '12 March, 10:00', parameterName: '{{date}}' },
				],
			},
		});
		expect(error).toBeUndefined();
		expect(JSON.parse(sentBodies()[0]).template.components).toEqual([
			{
				type: 'body',
				parameters: [
					{ type: 'text', parameter_name: 'first_name', text: 'Asha' },
					{ type: 'text', parameter_name: 'date', text: '12 March, 10:00' },
				],
			},
		]);
	});
});

describe("Template Message → Send: the template's fields are checked before sending", () => {
	it('a missing variable is refused with what the template expects, and nothing is sent', async () => {
		const { error } = await send({
			templateId: fromList('sdsdDSDdssd'),
			templateFields: mapping({ header_image: PICTURE, body_1: 'Vivek', body_2: '' }),
		});
		expect(error?.message).toBe(
			'Body Variable {{2}} is empty; template "order_update" expects an image header link and 2 body variables ({{1}}, {{2}}) [item 0]',
		);
		expect(error?.name).toBe('NodeOperationError');
		expect(sandbox.requestsTo('/sendnotification')).toEqual([]);
	});

	it('a missing URL suffix and carousel card media are named the same way', async () => {
		const track = await send({
			templateId: fromList('tpl_track_shipment'),
			templateFields: mapping({ header_1: 'A-1042', body_1: 'AWB123456' }),
		});
		expect(track.error?.message).toBe(
			'Button "Track parcel" URL Suffix is empty; template "track_shipment" expects a header variable ({{1}}), 1 body variable ({{1}}) and a URL suffix for button "Track parcel" [item 0]',
		);
		const carousel = await send({
			templateId: fromList('1036659577939498'),
			templateFields: mapping({ card_0_header_image: PICTURE, card_0_button_1_url_suffix: 'a' }),
		});
		expect(carousel.error?.message).toBe(
			'Card 2 Header Image Link is empty; template "summer_collection" expects 3 carousel cards, each with an image header link and a URL suffix for button "Shop now" [item 0]',
		);
		expect(sandbox.requestsTo('/sendnotification')).toEqual([]);
	});

	it('a value of a kind the template does not have (it changed since the fields were loaded) is refused', async () => {
		const { error } = await send({
			templateId: fromList('tpl_invoice_ready'),
			templateFields: {
				...mapping({ header_image: 'https://example.com/invoice.jpg', body_1: 'INV-77' }),
				schema: [
					{ id: 'header_image', displayName: 'Header Image Link', required: true, defaultMatch: false, display: true },
					{ id: 'body_1', displayName: 'Body Variable {{1}}', required: true, defaultMatch: false, display: true },
				],
			},
		});
		expect(error?.message).toBe(
			'Template "invoice_ready" has no field "Header Image Link"; it expects a document header link and 1 body variable ({{1}}) [item 0]',
		);
		expect(error?.description).toBe(
			"The template changed since its fields were loaded: open Template's Fields and reload them.",
		);
		expect(sandbox.requestsTo('/sendnotification')).toEqual([]);
	});

	it('a header link that is not http(s) is refused', async () => {
		const { error } = await send({
			templateId: fromList('sdsdDSDdssd'),
			templateFields: mapping({ header_image: 'ftp://example.com/a.jpg', body_1: 'a', body_2: 'b' }),
		});
		expect(error?.message).toBe('Header Image Link must be an absolute http(s) URL [item 0]');
		expect(sandbox.requestsTo('/sendnotification')).toEqual([]);
	});

	it('a template that is not approved is refused before sending', async () => {
		const { error } = await send({
			templateId: fromList('tpl_spring_sale'),
			templateFields: mapping({ body_1: '20%' }),
		});
		expect(error?.message).toBe('Template "spring_sale" is PENDING; only APPROVED templates can be sent [item 0]');
		expect(sandbox.requestsTo('/sendnotification')).toEqual([]);
	});

	it('fetches the template once per execution, whatever the number of items, and again on the next run', async () => {
		const run = () =>
			send(
				{
					templateId: fromList('tpl_appointment_reminder'),
					templateFields: mapping({ body_first_name: '={{ $json.name }}', body_date: 'Monday' }),
				},
				[{ name: 'Asha' }, { name: 'Ravi' }, { name: 'Meera' }],
			);
		expect((await run()).error).toBeUndefined();
		expect(sandbox.requestsTo('/templates')).toHaveLength(1);
		expect(sentBodies().map((body) => JSON.parse(body).template.components[0].parameters[0].text)).toEqual([
			'Asha',
			'Ravi',
			'Meera',
		]);
		expect((await run()).error).toBeUndefined();
		expect(sandbox.requestsTo('/templates')).toHaveLength(2);
	});

	it('Cunnekt still refuses what the form gets wrong (132000), with the explanation', async () => {
		const { error } = await send({
			templateId: byId('sdsdDSDdssd'),
			headerType: 'image',
			headerLink: PICTURE,
			bodyVariables: { variable: [{ text: 'Vivek' }] },
		});
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe('Number of parameters does not match the expected number of params (132000)');
		expect(error?.description).toBe(
			'The number of template variables does not match what the template expects: check the body, header and button values. body: expected 2, received 1',
		);
	});
});

describe('Template Message → Send: limits at and past the edge', () => {
	const cardTemplate = (count: number) => {
		sandbox.state.templates.set(`tpl_cards_${count}`, {
			id: `tpl_cards_${count}`,
			name: `cards_${count}`,
			status: 'APPROVED',
			components: [
				{ type: 'BODY', text: 'Pick one.' },
				{ type: 'CAROUSEL', cards: Array.from({ length: count }, () => ({ components: [{ type: 'HEADER', format: 'IMAGE' }] })) },
			],
		});
		return byId(`tpl_cards_${count}`);
	};
	const cards = (indexes: number[]) => ({
		card: indexes.map((cardIndex) => ({ cardIndex, headerType: 'image', headerLink: `https://example.com/${cardIndex}.jpg` })),
	});

	it('sends 1 card and 10 cards', async () => {
		expect((await send({ templateId: cardTemplate(1), cards: cards([0]) })).error).toBeUndefined();
		const ten = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
		expect((await send({ templateId: cardTemplate(10), cards: cards(ten) })).error).toBeUndefined();
		const sent = sentBodies().map((body) => JSON.parse(body).template.components[0].cards.length);
		expect(sent).toEqual([1, 10]);
	});

	it('refuses 11 cards, and an empty carousel in JSON', async () => {
		const eleven = await send({ templateId: cardTemplate(10), cards: cards([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) });
		expect(eleven.error?.message).toBe('Carousel cards: 11 given; WhatsApp allows 1 to 10 [item 0]');
		expect(eleven.error?.description).toBe('Remove 1.');
		const none = await send({
			templateId: cardTemplate(1),
			parametersMode: 'json',
			componentsJson: '[{"type": "CAROUSEL", "cards": []}]',
		});
		expect(none.error?.message).toBe('Carousel cards: 0 given; WhatsApp allows 1 to 10 [item 0]');
		expect(sandbox.requests).toEqual([]);
	});

	it('refuses a card_index used twice', async () => {
		const { error } = await send({ templateId: cardTemplate(3), cards: cards([0, 1, 1]) });
		expect(error?.message).toBe('Carousel card_index must be unique; 1 appears more than once [item 0]');
		expect(sandbox.requests).toEqual([]);
	});

	it('refuses media links that are not http(s), in the header and in a card', async () => {
		const header = await send({
			templateId: byId('sdsdDSDdssd'),
			headerType: 'image',
			headerLink: 'www.example.com/photo.jpg',
			bodyVariables: { variable: [{ text: 'a' }, { text: 'b' }] },
		});
		expect(header.error?.message).toBe('Header image link must be an absolute http(s) URL [item 0]');
		expect(header.error?.description).toBe(
			'Received: "www.example.com/photo.jpg". WhatsApp fetches the file itself, so it needs a public link such as https://example.com/file.jpg.',
		);
		const card = await send({
			templateId: cardTemplate(2),
			cards: { card: [{ cardIndex: 0, headerLink: 'https://example.com/0.jpg' }, { cardIndex: 1, headerLink: 'file:///tmp/1.jpg' }] },
		});
		expect(card.error?.message).toBe('Carousel card 2 header image link must be an absolute http(s) URL [item 0]');
		expect(sandbox.requests).toEqual([]);
	});

	it('refuses empty form values, naming them', async () => {
		const body = await send({ templateId: byId('sdsdDSDdssd'), bodyVariables: { variable: [{ text: 'a' }, { text: ' ' }] } });
		expect(body.error?.message).toBe('Body variable 2 is empty; WhatsApp refuses empty parameters [item 0]');
		const button = await send({
			templateId: byId('1036659577939498'),
			cards: { card: [{ cardIndex: 0, headerLink: PICTURE, buttons: { button: [{ subType: 'url', index: 1 }] } }] },
		});
		expect(button.error?.message).toBe(
			'Carousel card 1 button 1 URL suffix is empty; WhatsApp refuses empty parameters [item 0]',
		);
		expect(sandbox.requests).toEqual([]);
	});
});

describe('Template Message → Send: Continue On Fail and the editor', () => {
	it('yields one item per input, in order, and sends each good item once', async () => {
		const { items, error } = await send(
			{
				mobile: '={{ $json.mobile }}',
				templateId: byId('sdsdDSDdssd'),
				headerType: 'image',
				headerLink: '={{ $json.picture }}',
				bodyVariables: { variable: [{ text: '={{ $json.name }}' }, { text: 'Rs. 999' }] },
			},
			[
				{ mobile: '919999999999', picture: PICTURE, name: 'Vivek' },
				{ mobile: '919888888888', picture: 'not a link', name: 'Asha' },
				{ mobile: 'call me', picture: PICTURE, name: 'Ravi' },
				{ mobile: '919777777777', picture: PICTURE, name: '' },
				{ mobile: '919666666666', picture: PICTURE, name: 'Meera' },
			],
			{ continueOnFail: true },
		);
		expect(error).toBeUndefined();
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }, { item: 4 }]);
		expect(items[0].json.messageId).toBe(sandbox.state.sent[0].id);
		expect(items[1].json).toEqual({
			error: 'Header image link must be an absolute http(s) URL [item 1]',
			description:
				'Received: "not a link". WhatsApp fetches the file itself, so it needs a public link such as https://example.com/file.jpg.',
			...REFUSED_FIELDS,
		});
		expect(items[2].json.error).toBe(
			'Recipient "call me" is neither a phone number nor a WhatsApp business-scoped user ID (BSUID) [item 2]',
		);
		expect(items[3].json.error).toBe('Body variable 1 is empty; WhatsApp refuses empty parameters [item 3]');
		expect(items[4].json.messageId).toBe(sandbox.state.sent[1].id);
		expect(sentBodies().map((body) => JSON.parse(body).mobile)).toEqual(['919999999999', '919666666666']);
	});

	it("shows Template's Fields only for a template picked From List, and the form for one typed By ID", () => {
		const { properties } = new Cunnekt().description;
		const shown = (templateId: IDataObject, parametersMode?: string) =>
			properties
				.filter((property) =>
					NodeHelpers.displayParameter(
						{
							resource: 'templateMessage',
							operation: 'send',
							templateId,
							...(parametersMode ? { parametersMode } : {}),
						} as INodeParameters,
						property,
						{ typeVersion: 1 },
						new Cunnekt().description,
					),
				)
				.map((property) => `${property.name}${property.name === 'parametersMode' ? `=${String(property.default)}` : ''}`);
		expect(shown(fromList('x'), 'templateFields')).toEqual([
			'resource',
			'operation',
			'mobile',
			'templateId',
			'parametersMode=templateFields',
			'templateFields',
			'options',
			'sendingOptions',
		]);
		expect(shown(byId('x'), 'form')).toEqual([
			'resource',
			'operation',
			'mobile',
			'templateId',
			'parametersMode=form',
			'headerType',
			'bodyVariables',
			'buttons',
			'cards',
			'options',
			'sendingOptions',
		]);
		expect(shown(byId('x'), 'templateFields')).not.toContain('templateFields');
	});

	it("refuses Template's Fields for a template typed By ID", async () => {
		const { error } = await send({
			templateId: byId('sdsdDSDdssd'),
			parametersMode: 'templateFields',
			templateFields: mapping({ body_1: 'a' }),
		});
		expect(error?.message).toBe("Parameters → Template's Fields needs a template chosen From List [item 0]");
		expect(sandbox.requests).toEqual([]);
	});
});

/** The message JSON.parse gives for a text, as this Node.js words it. */
function jsonError(text: string): string {
	try {
		JSON.parse(text);
	} catch (error) {
		return (error as Error).message;
	}
	return '';
}
