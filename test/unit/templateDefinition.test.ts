import { buildTemplateDefinition, checkCategory, checkLanguage, checkTemplateDefinition } from '../../nodes/Cunnekt/whatsapp/templateDefinition';
import type { TemplateComponent } from '../../nodes/shared/types';

/** The checks Template → Create applies to the form's components and to pasted JSON alike. */

const body = (text = 'Hello {{1}}', example: TemplateComponent[string] = { body_text: [['Asha']] }): TemplateComponent => ({ type: 'BODY', text, example });
const refusal = (components: TemplateComponent[]) => {
	try {
		checkTemplateDefinition(components);
	} catch (error) {
		return (error as Error).message;
	}
	return 'accepted';
};

describe('checkTemplateDefinition', () => {
	it('accepts the shapes Meta documents: each header format, named examples, every button kind', () => {
		expect(refusal([body()])).toBe('accepted');
		expect(refusal([{ type: 'HEADER', format: 'LOCATION' }, body()])).toBe('accepted');
		expect(refusal([{ type: 'HEADER', format: 'DOCUMENT', example: { header_handle: ['4::aW1hZ2U='] } }, body()])).toBe('accepted');
		expect(
			refusal([
				{ type: 'header', format: 'text', text: 'For {{name}}', example: { header_text_named_params: [{ param_name: 'name', example: 'Asha' }] } },
				body('Hi {{name}}', { body_text_named_params: [{ param_name: 'name', example: 'Asha' }] }),
				{ type: 'FOOTER', text: 'Thanks' },
				{
					type: 'BUTTONS',
					buttons: [
						{ type: 'PHONE_NUMBER', text: 'Call', phone_number: '+919999999999' },
						{ type: 'URL', text: 'Open', url: 'https://example.com/{{1}}', example: 'https://example.com/a' },
						{ type: 'COPY_CODE', text: 'Copy offer code', example: 'SAVE20' },
					],
				},
			]),
		).toBe('accepted');
	});

	it('refuses what the review refuses, naming it', () => {
		expect(refusal([body(), body()])).toBe('The template has 2 bodies; it must have exactly one');
		expect(refusal([{ type: 'HEADER', format: 'TEXT', text: 'A' }, { type: 'HEADER', format: 'TEXT', text: 'B' }, body()])).toBe(
			'The template has 2 HEADER components; at most one is allowed',
		);
		expect(refusal([{ type: 'HEADER', format: 'GIF' }, body()])).toBe(
			'Header format "GIF" is not one of TEXT, IMAGE, VIDEO, DOCUMENT or LOCATION',
		);
		expect(refusal([{ type: 'HEADER', format: 'IMAGE' }, body()])).toBe('Header image needs an example file');
		expect(refusal([body('Hi {{1}}', { body_text: [['  ']] })])).toBe('Body text example 1 (for {{1}}) is empty');
		expect(refusal([body('Hi {{1}}', { body_text: 'Asha' })])).toBe('Body text has 1 variable ({{1}}); 0 example values given');
		expect(
			refusal([
				body(),
				{
					type: 'BUTTONS',
					buttons: [
						{ type: 'PHONE_NUMBER', text: 'Call', phone_number: '+919999999999' },
						{ type: 'PHONE_NUMBER', text: 'Call again', phone_number: '+919888888888' },
					],
				},
			]),
		).toBe('Buttons: 2 phone number buttons given; WhatsApp allows at most 1');
		expect(refusal([body(), { type: 'BUTTONS', buttons: [] }])).toBe('Buttons: 0 given; WhatsApp allows 1 to 10');
	});
});

describe('buildTemplateDefinition', () => {
	it('a named header variable takes its name from the text when the example gives none', () => {
		expect(
			buildTemplateDefinition({
				header: { format: 'TEXT', text: 'Order {{order_id}}', example: { text: 'A-1042' } },
				body: { text: 'Thanks.', examples: [] },
			}),
		).toEqual([
			{
				type: 'HEADER',
				format: 'TEXT',
				text: 'Order {{order_id}}',
				example: { header_text_named_params: [{ param_name: 'order_id', example: 'A-1042' }] },
			},
			{ type: 'BODY', text: 'Thanks.' },
		]);
	});
});

describe('checkCategory and checkLanguage', () => {
	it('write category and language as WhatsApp writes them, and refuse the rest', () => {
		expect(checkCategory(' marketing ')).toBe('MARKETING');
		expect(() => checkCategory('PROMOTION')).toThrow('Category "PROMOTION" is not one of MARKETING, UTILITY, AUTHENTICATION');
		expect(['en', 'en-us', 'EN_us', 'pt_BR', 'zh_CN', 'fil'].map(checkLanguage)).toEqual(['en', 'en_US', 'en_US', 'pt_BR', 'zh_CN', 'fil']);
		expect(() => checkLanguage('English')).toThrow('Language "English" is not a WhatsApp language code');
	});
});
