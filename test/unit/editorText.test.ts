import { excerptAround, excerptsOf, fitsLabel, fitsValue, fittingLabel } from '../../nodes/Cunnekt/whatsapp/editorText';

describe("editorText: what fits a resource mapper field's label and its one-line value in n8n 2.41's editor", () => {
	it('estimates widths a little wide: labels measured in the editor fit, longer ones do not', () => {
		// Measured in n8n 2.41 at 1440×900: the label's room is 154 px, these take 126, 133 and 134 px.
		for (const label of ['Body {{1}} (e.g. Vivek)', 'Card 1 Button 1 Payload', 'Body {{1}} (e.g. INV-77)']) expect([label, fitsLabel(label)]).toEqual([label, true]);
		// Cut off in the editor before (the old labels).
		expect(fitsLabel('Body {{1}} (e.g. Vivek) in "Hi {{1}}, your order of {{2}} has shipped."')).toBe(false);
		expect(fitsLabel('WWWWWWWWWWWWWWWWWWWW')).toBe(false);
		expect(fitsValue('Hi {{1}}, your order of {{2}} has shipped.')).toBe(true);
		expect(fitsValue('Hi {{first_name}}, your appointment is on {{date}}. Reply to reschedule.')).toBe(false);
	});

	it('takes the first label that fits, or cuts the last one with "…"', () => {
		expect(fittingLabel('Body {{1}} (e.g. a rather long example)', 'Body {{1}}')).toBe('Body {{1}}');
		const cut = fittingLabel('Body {{customer_first_name_and_surname}}');
		expect(cut).toBe('Body {{customer_first_…');
		expect(fitsLabel(cut)).toBe(true);
	});

	it('keeps a text that fits whole, on one line, with its variables written {{1}}', () => {
		expect(excerptsOf('Hi {{ 1 }},\nyour order of {{2}}  has shipped.')).toEqual([
			{ text: 'Hi {{1}}, your order of {{2}} has shipped.', variables: ['1', '2'] },
		]);
	});

	it('shows a long text around each variable, in whole words, each piece followed by the variables it shows first', () => {
		const text = `Dear {{1}} and {{2}}, ${'we are glad to tell you that '.repeat(3)}your refund of {{3}} was sent today.`;
		const excerpts = excerptsOf(text);
		expect(excerpts).toEqual([
			{ text: 'Dear {{1}} and {{2}}, we are glad to tell you…', variables: ['1', '2'] },
			{ text: '…that your refund of {{3}} was sent today.', variables: ['3'] },
		]);
		for (const { text: shown } of excerpts) expect([shown, fitsValue(shown)]).toEqual([shown, true]);
	});

	it("cuts a link too long for the line at its start, keeping the variable's end", () => {
		const shown = excerptAround('https://tracking.example-courier-company.com/shipments/india/{{1}}', '1');
		expect(shown).toMatch(/^….*\/shipments\/india\/\{\{1\}\}$/);
		expect(fitsValue(shown)).toBe(true);
	});
});
