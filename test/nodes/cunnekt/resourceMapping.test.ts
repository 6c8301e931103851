import { NodeHelpers } from 'n8n-workflow';
import type { INodeParameters, ResourceMapperField } from 'n8n-workflow';

import { replyOperations } from '../../../nodes/Cunnekt/actions/reply';

import { getTemplateFields } from '../../../nodes/Cunnekt/methods/resourceMapping';
import { Cunnekt } from '../../../nodes/Cunnekt/Cunnekt.node';
import { loadOptionsContext } from '../../helpers/n8n';
import { credentialsFor, startSandbox } from '../../helpers/sandbox';
import type { Sandbox } from '../../helpers/sandbox';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ apiKey: 'mapper-key-51c0' });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const fieldsOf = async (templateId: string, mode = 'list', resource = 'templateMessage', operation = 'send') =>
	await getTemplateFields.call(
		loadOptionsContext(credentialsFor(sandbox), {
			resource,
			operation,
			templateId: { __rl: true, mode, value: templateId },
		}),
	);

/** A field as the resource mapper shows it: every template field is a string and never a matching column. */
const field = (id: string, displayName: string, required: boolean): ResourceMapperField => ({
	id,
	displayName,
	required,
	defaultMatch: false,
	canBeUsedToMatch: false,
	display: true,
	type: 'string',
});

/** One of the template's texts, shown read-only above the variables it holds (nothing of it is sent). */
const text = (id: string, displayName: string, value: string): ResourceMapperField => ({
	...field(`template_text_${id}`, displayName, false),
	readOnly: true,
	defaultValue: value,
});

describe("getTemplateFields: the resource mapper's fields for each seeded template", () => {
	it('welcome_message (text only): no fields, and says the template is sent as it is', async () => {
		expect(await fieldsOf('asdasdDSDsd')).toEqual({
			fields: [],
			emptyFieldsNotice: 'Template "welcome_message" has no variables: it is sent as it is',
		});
		const [request] = sandbox.requests;
		expect(request.method).toBe('GET');
		expect(request.path).toBe('/templates');
		expect(request.headers['api-key']).toBe('mapper-key-51c0');
	});

	it('order_update (image header, {{1}} {{2}}): the image link, the body text, both variables (short labels, with examples that fit)', async () => {
		expect(await fieldsOf('sdsdDSDdssd')).toEqual({
			fields: [
				field('header_image', 'Header Image Link', true),
				text('body', 'Body Text', 'Hi {{1}}, your order of {{2}} has shipped.'),
				field('body_1', 'Body {{1}} (e.g. Vivek)', true),
				field('body_2', 'Body {{2}} (e.g. Rs. 999)', true),
			],
		});
	});

	it("summer_collection (carousel, 3 cards): each card's image, optional quick reply payload, URL suffix", async () => {
		const perCard = (card: number) => [
			field(`card_${card}_header_image`, `Card ${card + 1} Image Link`, true),
			field(`card_${card}_button_0_payload`, `Card ${card + 1} Button 1 Payload`, false),
			text(`button_1`, `Card ${card + 1} "Shop now" Link`, 'https://example.com/shop/{{1}}'),
			field(`card_${card}_button_1_url_suffix`, `Card ${card + 1} Button 2 Suffix`, true),
		].map((entry) => (entry.id.startsWith('template_text_') ? { ...entry, id: `card_${card}_${entry.id}` } : entry));
		expect(await fieldsOf('1036659577939498')).toEqual({ fields: [...perCard(0), ...perCard(1), ...perCard(2)] });
	});

	it('appointment_reminder (named variables): one field per name, in order', async () => {
		expect(await fieldsOf('tpl_appointment_reminder')).toEqual({
			fields: [
				text('body', 'Body Text (1/2)', 'Hi {{first_name}}, your appointment is on…'),
				field('body_first_name', 'Body {{first_name}}', true),
				text('body_2', 'Body Text (2/2)', '…is on {{date}}. Reply to reschedule.'),
				field('body_date', 'Body {{date}}', true),
			],
		});
	});

	it('track_shipment (text header variable, URL button, quick reply): header, body, suffix, optional payload', async () => {
		expect(await fieldsOf('tpl_track_shipment')).toEqual({
			fields: [
				text('header', 'Header Text', 'Order {{1}}'),
				field('header_1', 'Header {{1}}', true),
				text('body', 'Body Text', 'Your parcel {{1}} is on its way.'),
				field('body_1', 'Body {{1}}', true),
				text('button_0', '"Track parcel" Link', 'https://track.example.com/{{1}}'),
				field('button_0_url_suffix', 'Button 1 URL Suffix', true),
				field('button_1_payload', '"Talk to us" Payload', false),
			],
		});
	});

	it('invoice_ready (document header): the link (required), the file name (optional), the variable', async () => {
		expect(await fieldsOf('tpl_invoice_ready')).toEqual({
			fields: [
				field('header_document', 'Header Document Link', true),
				field('header_filename', 'Document File Name', false),
				text('body', 'Body Text', 'Your invoice {{1}} is attached.'),
				field('body_1', 'Body {{1}} (e.g. INV-77)', true),
			],
		});
	});

	it('spring_sale (PENDING): its variable (sending it is refused at execution, not here)', async () => {
		expect(await fieldsOf('tpl_spring_sale')).toEqual({
			fields: [text('body', 'Body Text', 'Spring sale: {{1}} off everything!'), field('body_1', 'Body {{1}} (e.g. 20%)', true)],
		});
	});

	it('flash_deal (REJECTED, no variables): no fields', async () => {
		expect(await fieldsOf('tpl_flash_deal')).toEqual({
			fields: [],
			emptyFieldsNotice: 'Template "flash_deal" has no variables: it is sent as it is',
		});
	});

	it('asks for a template first when none is chosen, without calling Cunnekt', async () => {
		expect(await fieldsOf('')).toEqual({ fields: [], emptyFieldsNotice: 'Choose a template to see its fields' });
		expect(sandbox.requests).toEqual([]);
	});

	it('says so when the template is not in the list', async () => {
		await expect(fieldsOf('no_such_template')).rejects.toThrow(
			'Template "no_such_template" is not in your Cunnekt template list',
		);
	});

	it('is registered on the node, and the field shows only for templates picked From List', () => {
		const node = new Cunnekt();
		expect(node.methods.resourceMapping.getTemplateFields).toBe(getTemplateFields);
		const mappers = node.description.properties.filter((property) => property.name === 'templateFields');
		const fromList = { parametersMode: 'templateFields', templateId: { __rl: true, mode: 'list', value: 'x' } };
		const byId = { ...fromList, templateId: { __rl: true, mode: 'id', value: 'x' } };
		const shown = (values: INodeParameters) =>
			mappers.some((mapper) => NodeHelpers.displayParameter(values, mapper, null, node.description));
		expect(shown({ resource: 'templateMessage', operation: 'send', ...fromList })).toBe(true);
		expect(shown({ resource: 'templateMessage', operation: 'send', ...byId })).toBe(false);
		expect(shown({ resource: 'campaign', operation: 'create', ...fromList })).toBe(true);
		// Reply → Send and Wait for Response, when sent as a template
		expect(shown({ resource: 'reply', operation: 'sendAndWait', sendAs: 'template', ...fromList })).toBe(true);
		expect(shown({ resource: 'reply', operation: 'sendAndWait', sendAs: 'interactive', ...fromList })).toBe(false);
		// Every other Reply: If the Service Window Is Closed → Send a Template Instead
		for (const { value, windowFallback } of replyOperations.filter((operation) => operation.value !== 'sendAndWait')) {
			const reply = { resource: 'reply', operation: value, ...fromList };
			expect([value, shown({ ...reply, ifWindowClosed: 'sendTemplate' })]).toEqual([value, windowFallback]);
			expect([value, shown({ ...reply, ifWindowClosed: 'fail' })]).toEqual([value, false]);
			expect([value, shown({ ...reply, ifWindowClosed: 'sendTemplate', ...byId })]).toEqual([value, false]);
		}
		expect(shown({ resource: 'template', operation: 'create', ...fromList })).toBe(false);
		for (const mapper of mappers) {
			expect(mapper.type).toBe('resourceMapper');
			expect(mapper.typeOptions?.resourceMapper?.resourceMapperMethod).toBe('getTemplateFields');
			expect(mapper.typeOptions?.loadOptionsDependsOn).toEqual(['templateId.value']);
		}
	});

	it('offers the same fields in Campaign → Create, where each input item fills them for its recipient', async () => {
		expect(await fieldsOf('tpl_track_shipment', 'list', 'campaign', 'create')).toEqual(await fieldsOf('tpl_track_shipment'));
		expect((await fieldsOf('sdsdDSDdssd', 'list', 'campaign', 'create')).fields.map((entry) => entry.id)).toEqual([
			'header_image',
			'template_text_body',
			'body_1',
			'body_2',
		]);
	});
});
