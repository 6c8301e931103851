import { InputError } from '../../nodes/shared/errors';
import { buildComponents, checkComponentLimits, parseComponentsJson } from '../../nodes/Cunnekt/whatsapp/templateComponents';
import { describeExpectations, templateExpectations, valuesFromSlots } from '../../nodes/Cunnekt/whatsapp/templateExpectations';
import type { CunnektTemplate, TemplateComponent } from '../../nodes/shared/types';

const { seededTemplates } = require('../../sandbox/state') as { seededTemplates(): CunnektTemplate[] };
const { checkComponents } = require('../../sandbox/templates-logic') as {
	checkComponents(template: unknown, components: unknown): { status: number; body: { error: { code: number; error_data: { details: string } } } } | undefined;
};

const seeded = (id: string) => seededTemplates().find((template) => template.id === id) as CunnektTemplate;

/** What InputError a call throws: message and description. */
function refusal(call: () => unknown): { message: string; description?: string } {
	try {
		call();
	} catch (error) {
		if (error instanceof InputError) return { message: error.message, description: error.description };
		throw error;
	}
	throw new Error('expected an InputError');
}

describe('buildComponents', () => {
	it('builds nothing from nothing (a template without variables sends no components)', () => {
		expect(buildComponents({})).toEqual([]);
		expect(buildComponents({ body: [], buttons: [], cards: [] })).toEqual([]);
	});

	it('puts header, body, buttons and carousel in that order, each in its casing', () => {
		expect(
			JSON.stringify(
				buildComponents({
					cards: [{ cardIndex: 0, header: { type: 'video', link: 'https://e.x/v.mp4' }, body: [{ text: 'a' }] }],
					buttons: [{ subType: 'url', index: 0, value: 'x1' }],
					body: [{ text: 'one' }, { text: 'two', parameterName: 'second' }],
					header: { type: 'text', text: 'H', parameterName: 'order' },
				}),
			),
		).toBe(
			'[{"type":"header","parameters":[{"type":"text","parameter_name":"order","text":"H"}]},' +
				'{"type":"body","parameters":[{"type":"text","text":"one"},{"type":"text","parameter_name":"second","text":"two"}]},' +
				'{"type":"button","sub_type":"url","index":0,"parameters":[{"type":"text","text":"x1"}]},' +
				'{"type":"CAROUSEL","cards":[{"card_index":0,"components":[' +
				'{"type":"HEADER","parameters":[{"type":"VIDEO","video":{"link":"https://e.x/v.mp4"}}]},' +
				'{"type":"BODY","parameters":[{"type":"TEXT","text":"a"}]}]}]}]',
		);
	});

	it('leaves the filename out when there is none', () => {
		expect(buildComponents({ header: { type: 'document', link: 'https://e.x/a.pdf' } })).toEqual([
			{ type: 'header', parameters: [{ type: 'document', document: { link: 'https://e.x/a.pdf' } }] },
		]);
	});
});

describe('templateExpectations and valuesFromSlots', () => {
	it('describes what each seeded template expects', () => {
		const described = Object.fromEntries(
			seededTemplates().map((template) => [template.name, describeExpectations(templateExpectations(template))]),
		);
		expect(described).toEqual({
			welcome_message: 'no variables',
			order_update: 'an image header link and 2 body variables ({{1}}, {{2}})',
			summer_collection: '3 carousel cards, each with an image header link and a URL suffix for button "Shop now"',
			appointment_reminder: '2 body variables ({{first_name}}, {{date}})',
			track_shipment: 'a header variable ({{1}}), 1 body variable ({{1}}) and a URL suffix for button "Track parcel"',
			invoice_ready: 'a document header link and 1 body variable ({{1}})',
			spring_sale: '1 body variable ({{1}})',
			flash_deal: 'no variables',
		});
	});

	it('labels each field shortly (the editor cuts long labels) and shows a long text around each variable, read-only, above it', () => {
		const long = `Dear {{1}}, ${'we are glad to tell you that '.repeat(3)}your refund of {{2}} was sent today. ${'Thank you. '.repeat(4)}`;
		const template: CunnektTemplate = {
			id: 'tpl_long',
			name: 'refund_sent',
			language: 'en',
			status: 'APPROVED',
			components: [{ type: 'BODY', text: long, example: { body_text: [['Asha']] } }],
		};
		expect(templateExpectations(template).slots.map(({ id, label, text, required }) => ({ id, label, text, required }))).toEqual([
			{ id: 'template_text_body', label: 'Body Text (1/2)', text: 'Dear {{1}}, we are glad to tell you that we…', required: false },
			{ id: 'body_1', label: 'Body {{1}} (e.g. Asha)', text: undefined, required: true },
			{ id: 'template_text_body_2', label: 'Body Text (2/2)', text: '…that your refund of {{2}} was sent today.…', required: false },
			{ id: 'body_2', label: 'Body {{2}}', text: undefined, required: true },
		]);
	});

	it('sends nothing for the read-only texts, whatever their fields hold', () => {
		const expectations = templateExpectations(seeded('sdsdDSDdssd'));
		const values = valuesFromSlots(expectations, (slot) =>
			({ header_image: 'https://e.x/o.jpg', template_text_body: 'Hi {{1}}, your order of {{2}} has shipped.', body_1: 'A', body_2: 'B' })[slot.id],
		);
		expect(values).toEqual({ header: { type: 'image', link: 'https://e.x/o.jpg' }, body: [{ text: 'A' }, { text: 'B' }] });
	});

	it('builds the document header with its filename, and skips optional fields left empty', () => {
		const values = valuesFromSlots(templateExpectations(seeded('tpl_invoice_ready')), (slot) =>
			({ header_document: ' https://e.x/i.pdf ', header_filename: 'i.pdf', body_1: 'INV-77' })[slot.id],
		);
		expect(values).toEqual({
			header: { type: 'document', link: 'https://e.x/i.pdf', filename: 'i.pdf' },
			body: [{ text: 'INV-77' }],
		});
		const track = valuesFromSlots(templateExpectations(seeded('tpl_track_shipment')), (slot) =>
			({ header_1: 'A', body_1: 'B', button_0_url_suffix: 'C', button_1_payload: '' })[slot.id],
		);
		expect(track.buttons).toEqual([{ subType: 'url', index: 0, value: 'C' }]);
	});

	it('keeps a card in place even when it has nothing to fill (the card count must match)', () => {
		const template = {
			id: 't',
			name: 'static_cards',
			components: [{ type: 'CAROUSEL', cards: [{ components: [{ type: 'BODY', text: 'x' }] }, { components: [] }] }],
		};
		const expectations = templateExpectations(template);
		expect(expectations.cardCount).toBe(2);
		expect(buildComponents(valuesFromSlots(expectations, () => undefined))).toEqual([
			{ type: 'CAROUSEL', cards: [{ card_index: 0, components: [] }, { card_index: 1, components: [] }] },
		]);
	});

	it('converts numbers and refuses a required value that is only spaces', () => {
		const expectations = templateExpectations(seeded('tpl_spring_sale'));
		expect(valuesFromSlots(expectations, () => 20)).toEqual({ body: [{ text: '20' }] });
		expect(refusal(() => valuesFromSlots(expectations, () => '   '))).toEqual({
			message: 'Body Variable {{1}} is empty; template "spring_sale" expects 1 body variable ({{1}})',
			description: undefined,
		});
	});
});

describe('parseComponentsJson', () => {
	const body: TemplateComponent[] = [{ type: 'body', parameters: [{ type: 'text', text: 'Vivek' }] }];

	it('accepts the array, {components}, a whole payload, an object from an expression, and nothing', () => {
		expect(parseComponentsJson(JSON.stringify(body))).toEqual(body);
		expect(parseComponentsJson(JSON.stringify({ components: body }))).toEqual(body);
		expect(parseComponentsJson(JSON.stringify({ mobile: '1', template: { components: body } }))).toEqual(body);
		expect(parseComponentsJson(body)).toEqual(body);
		expect(parseComponentsJson('  ')).toEqual([]);
		expect(parseComponentsJson('[]')).toEqual([]);
	});

	it('refuses entries without a type, naming the field and the entry', () => {
		expect(refusal(() => parseComponentsJson('[{"type":"body"}, 3]', 'Recipient Components'))).toEqual({
			message: 'Recipient Components entry 2 must be an object with a "type" (header, body, button or CAROUSEL)',
			description: 'Received: "3"',
		});
		expect(refusal(() => parseComponentsJson('"body"')).message).toBe(
			'Components (JSON) must be the components array or {"components": [...]}',
		);
	});
});

describe('checkComponentLimits', () => {
	const carousel = (indexes: unknown[], link = 'https://e.x/p.jpg'): TemplateComponent[] => [
		{
			type: 'CAROUSEL',
			cards: indexes.map((card_index) => ({
				card_index,
				components: [{ type: 'HEADER', parameters: [{ type: 'IMAGE', image: { link } }] }],
			})),
		},
	];

	it('accepts 1 and 10 cards, refuses 0 and 11', () => {
		expect(() => checkComponentLimits(carousel([0]))).not.toThrow();
		expect(() => checkComponentLimits(carousel([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]))).not.toThrow();
		expect(refusal(() => checkComponentLimits(carousel([]))).message).toBe(
			'Carousel cards: 0 given; WhatsApp allows 1 to 10',
		);
		expect(refusal(() => checkComponentLimits(carousel([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]))).message).toBe(
			'Carousel cards: 11 given; WhatsApp allows 1 to 10',
		);
	});

	it('refuses a repeated or missing card_index', () => {
		expect(refusal(() => checkComponentLimits(carousel([2, 0, 2]))).message).toBe(
			'Carousel card_index must be unique; 2 appears more than once',
		);
		expect(refusal(() => checkComponentLimits(carousel([0, undefined]))).message).toBe(
			'Carousel card 2 card_index is missing; it must be a whole number from 0',
		);
		expect(refusal(() => checkComponentLimits(carousel([0, '1']))).message).toBe(
			'Carousel card 2 card_index is "1"; it must be a whole number from 0',
		);
	});

	it('refuses media links that are not http(s), wherever they are', () => {
		expect(refusal(() => checkComponentLimits(carousel([0], 'ftp://e.x/p.jpg'))).message).toBe(
			'Carousel card 1 header image link must be an absolute http(s) URL',
		);
		expect(
			refusal(() =>
				checkComponentLimits([{ type: 'header', parameters: [{ type: 'document', document: { link: '' } }] }]),
			).message,
		).toBe('Header document link must be an absolute http(s) URL');
		expect(() =>
			checkComponentLimits([{ type: 'header', parameters: [{ type: 'video', video: { link: 'http://e.x/v.mp4' } }] }]),
		).not.toThrow();
	});
});

describe("the sandbox's template check (the fake Cunnekt's 132000 / 132012)", () => {
	const problem = (id: string, components: unknown) => {
		const answer = checkComponents(seeded(id), components);
		return answer && `${answer.body.error.code}: ${answer.body.error.error_data.details}`;
	};

	it('accepts what the node builds for each template', () => {
		expect(problem('asdasdDSDsd', undefined)).toBeUndefined();
		expect(
			problem('tpl_appointment_reminder', [
				{ type: 'body', parameters: [{ type: 'text', parameter_name: 'date', text: 'Mon' }, { type: 'text', parameter_name: 'first_name', text: 'A' }] },
			]),
		).toBeUndefined();
	});

	it('refuses wrong named parameters, a missing header text, a missing URL suffix', () => {
		expect(
			problem('tpl_appointment_reminder', [
				{ type: 'body', parameters: [{ type: 'text', text: 'A' }, { type: 'text', text: 'Mon' }] },
			]),
		).toBe('132012: body: expected parameter_name first_name, date; received undefined, undefined');
		expect(problem('tpl_track_shipment', [{ type: 'body', parameters: [{ type: 'text', text: 'A' }] }])).toBe(
			'132000: header: expected 1, received 0',
		);
		expect(
			problem('tpl_track_shipment', [
				{ type: 'header', parameters: [{ type: 'text', text: 'A' }] },
				{ type: 'body', parameters: [{ type: 'text', text: 'B' }] },
			]),
		).toBe('132000: button 0 (URL): expected a URL suffix, received none');
		expect(problem('asdasdDSDsd', [{ type: 'header', parameters: [{ type: 'text', text: 'A' }] }])).toBe(
			'132000: header: the template has none, received 1',
		);
	});

	it("refuses a card count or a card header type that differs from the template's", () => {
		const card = (card_index: number, type = 'IMAGE') => ({
			card_index,
			components: [
				{ type: 'HEADER', parameters: [{ type, [type.toLowerCase()]: { link: 'https://e.x/p' } }] },
				{ type: 'BUTTON', sub_type: 'URL', index: 1, parameters: [{ type: 'PAYLOAD', payload: 's' }] },
			],
		});
		expect(problem('1036659577939498', [{ type: 'CAROUSEL', cards: [card(0), card(1), card(2)] }])).toBeUndefined();
		expect(problem('1036659577939498', [{ type: 'CAROUSEL', cards: [card(0), card(1)] }])).toBe(
			'132000: carousel: expected 3 cards, received 2',
		);
		expect(problem('1036659577939498', [{ type: 'CAROUSEL', cards: [card(0), card(1, 'VIDEO'), card(2)] }])).toBe(
			"132012: card 1: The template's header is IMAGE; the send's header is VIDEO",
		);
	});
});
