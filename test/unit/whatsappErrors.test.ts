/**
 * The table of WhatsApp's error codes (nodes/shared/whatsappErrors.ts): complete for the codes Meta documents, each
 * entry saying what to do, the lookups and the fields a workflow branches on, and docs/errors.md showing exactly it.
 * `UPDATE_DOCS=1 npx jest test/unit/whatsappErrors.test.ts` rewrites the table in docs/errors.md from the code.
 */
import fs from 'fs';
import path from 'path';

import type { ErrorRule } from '../../nodes/shared/whatsappErrors';
import {
	codeValue,
	DISPOSITIONS,
	failureFields,
	HTTP_STATUS_ERRORS,
	httpStatusRule,
	WHATSAPP_ERRORS,
	whatsappErrorRule,
} from '../../nodes/shared/whatsappErrors';

/** The codes issue 20 names; the table may hold more (Meta's whole list). */
const REQUIRED_CODES = [
	130429, 131000, 131005, 131008, 131009, 131016, 131021, 131026, 131030, 131031, 131042, 131045, 131047, 131048, 131049,
	131050, 131051, 131052, 131053, 131056, 131057, 131062, 132000, 132001, 132005, 132007, 132012, 132015, 132016, 132068,
	132069, 133004, 133010, 135000, 368, 4, 80007, 190, 200, 10, 100,
];

describe('the table', () => {
	it('holds every code issue 20 names, and the HTTP statuses the node explained before', () => {
		expect(REQUIRED_CODES.filter((code) => !(String(code) in WHATSAPP_ERRORS))).toEqual([]);
		expect(Object.keys(HTTP_STATUS_ERRORS).sort()).toEqual(['401', '403', '404', '429', '502', '503', '504']);
	});

	it.each([...Object.entries(WHATSAPP_ERRORS), ...Object.entries(HTTP_STATUS_ERRORS)])('%s says what it is and what to do', (_code, rule) => {
		expect(rule.title).toMatch(/^[A-Z].{3,40}$/);
		expect(rule.explanation).toMatch(/^[A-Z].{30,}[.)]$/);
		expect(DISPOSITIONS).toContain(rule.disposition);
		if (rule.disposition === 'fixInput') expect(rule.fix).toMatch(/^the /);
		if (rule.disposition === 'retryLater' && rule.retryAfterSeconds !== undefined) expect(rule.retryAfterSeconds).toBeGreaterThan(0);
	});

	it('the dispositions that matter most', () => {
		const summary = (code: string) => {
			const rule = WHATSAPP_ERRORS[code];
			return [rule.disposition, rule.disposition === 'retryLater' ? rule.retryAfterSeconds : rule.disposition === 'fixInput' ? rule.fix : null];
		};
		expect(
			Object.fromEntries(['131047', '131049', '131050', '131062', '131026', '130429', '131056', '132015', '132016', '131008'].map((code) => [code, summary(code)])),
		).toEqual({
			131047: ['sendTemplate', null],
			131049: ['retryLater', 86400],
			131050: ['neverRetry', null],
			131062: ['fixInput', 'the recipient'],
			131026: ['neverRetry', null],
			130429: ['retryLater', 60],
			131056: ['retryLater', 60],
			132015: ['retryLater', 10800],
			132016: ['fixInput', 'the template'],
			131008: ['fixInput', 'the missing value the details name'],
		});
		expect([WHATSAPP_ERRORS['130429'], WHATSAPP_ERRORS['131056']].map((rule) => (rule as { rateLimit?: string }).rateLimit)).toEqual([
			'throughput',
			'pair',
		]);
		expect(WHATSAPP_ERRORS['131062'].explanation).toBe(
			"This message cannot go to a business-scoped user id (BSUID): some messages, such as one-tap, zero-tap and copy-code authentication templates, need the customer's phone number. Send it to their phone number instead.",
		);
	});
});

describe('lookups', () => {
	it('a code as a number or as text; 200 to 299 share one entry; others are unknown', () => {
		expect(whatsappErrorRule(131049)).toBe(WHATSAPP_ERRORS['131049']);
		expect(whatsappErrorRule(' 131049 ')).toBe(WHATSAPP_ERRORS['131049']);
		expect([whatsappErrorRule(250), whatsappErrorRule('299')]).toEqual([WHATSAPP_ERRORS['200'], WHATSAPP_ERRORS['200']]);
		expect([whatsappErrorRule(300), whatsappErrorRule('abc'), whatsappErrorRule(null), whatsappErrorRule(undefined)]).toEqual([
			undefined,
			undefined,
			undefined,
			undefined,
		]);
		expect([httpStatusRule(404), httpStatusRule(418), httpStatusRule(null)]).toEqual([HTTP_STATUS_ERRORS['404'], undefined, undefined]);
		expect([codeValue('131049'), codeValue(131049), codeValue('TOO_MANY')]).toEqual([131049, 131049, 'TOO_MANY']);
	});
});

describe('failureFields: what a workflow branches on', () => {
	const at = Date.parse('2026-05-04T10:00:00.000Z');

	it.each([
		[
			'131049: retry no sooner than 24 hours after the failure, with the title the error carried',
			{ code: '131049', title: 'Meta held it back', httpCode: 400 },
			{ errorCode: 131049, errorTitle: 'Meta held it back', explanation: WHATSAPP_ERRORS['131049'].explanation, retryAfterSeconds: 86400, retryNotBefore: '2026-05-05T10:00:00.000Z' },
		],
		[
			"the table's title when the error has none; a Retry-After the answer gave wins over the table's wait",
			{ code: 130429, httpCode: 429, retryAfterMs: 1500 },
			{ errorCode: 130429, errorTitle: 'Throughput limit', explanation: WHATSAPP_ERRORS['130429'].explanation, retryAfterSeconds: 2, retryNotBefore: '2026-05-04T10:00:02.000Z' },
		],
	])('%s', (_case, facts, expected) => {
		expect(failureFields(facts, at)).toStrictEqual({ ...expected, disposition: 'retryLater' });
	});

	it('without a code: the HTTP status decides; without either, or for a code the table lacks, unknown', () => {
		expect(failureFields({ httpCode: 404 }, at)).toStrictEqual({
			errorCode: null,
			errorTitle: null,
			explanation: HTTP_STATUS_ERRORS['404'].explanation,
			disposition: 'fixInput',
			retryAfterSeconds: null,
			retryNotBefore: null,
		});
		expect(failureFields({ httpCode: 200 }, at).disposition).toBe('unknown');
		expect(failureFields({ code: '999001', title: 'New', httpCode: 400 }, at)).toMatchObject({ errorCode: 999001, errorTitle: 'New', explanation: null, disposition: 'unknown' });
		expect(failureFields({ code: '999001', httpCode: 503 }, at)).toMatchObject({ disposition: 'retryLater', explanation: HTTP_STATUS_ERRORS['503'].explanation });
	});

	it('what the transport knows (no answer came) decides over the status, never over a code; no time, no retryNotBefore', () => {
		expect(failureFields({ httpCode: null, disposition: 'unknown' }, at).disposition).toBe('unknown');
		expect(failureFields({ httpCode: null, disposition: 'retryLater' }, at)).toMatchObject({ retryAfterSeconds: null, retryNotBefore: null });
		expect(failureFields({ code: 131047, httpCode: 400, disposition: 'unknown' }, at).disposition).toBe('sendTemplate');
		expect(failureFields({ code: 131049 }, null)).toMatchObject({ retryAfterSeconds: 86400, retryNotBefore: null });
	});
});

const DOCS = path.join(__dirname, '../../docs/errors.md');
const START = '<!-- The tables below are generated from nodes/shared/whatsappErrors.ts: UPDATE_DOCS=1 npx jest test/unit/whatsappErrors.test.ts -->';
const END = '<!-- end of the generated tables -->';

function duration(seconds: number): string {
	if (seconds % 3600 === 0) return `${seconds / 3600} h`;
	return seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`;
}

function dispositionText(rule: ErrorRule): string {
	switch (rule.disposition) {
		case 'retryLater': {
			const when = rule.retryAfterSeconds === undefined ? '' : `, not before ${duration(rule.retryAfterSeconds)}`;
			const node = rule.rateLimit === 'pair' ? '; the node retries it at once, slower for this recipient' : rule.rateLimit ? '; the node retries it at once, slower' : '';
			return `\`retryLater\`${when}${node}`;
		}
		case 'fixInput':
			return `\`fixInput\`: ${rule.fix}`;
		case 'unknown':
			return '`unknown`: it may have gone through';
		default:
			return `\`${rule.disposition}\``;
	}
}

function table(heading: string, rules: Readonly<Record<string, ErrorRule>>, label: (code: string) => string): string {
	const rows = Object.entries(rules)
		.sort(([a], [b]) => Number(a) - Number(b))
		.map(([code, rule]) => `| ${label(code)} | ${rule.title} | ${dispositionText(rule)} | ${rule.explanation} |`);
	return [`| ${heading} | name | disposition | what it means and what to do |`, '| --- | --- | --- | --- |', ...rows].join('\n');
}

function generated(): string {
	return [
		START,
		'',
		'### WhatsApp codes',
		'',
		table('code', WHATSAPP_ERRORS, (code) => (code === '200' ? '200–299' : code)),
		'',
		'### HTTP statuses (an answer without a WhatsApp code)',
		'',
		table('status', HTTP_STATUS_ERRORS, (code) => code),
		'',
		END,
	].join('\n');
}

it('docs/errors.md shows exactly the table in the code', () => {
	const page = fs.readFileSync(DOCS, 'utf8');
	const [before, rest] = page.split(START);
	const after = rest?.split(END)[1];
	expect(after).toBeDefined();
	const expected = `${before}${generated()}${after}`;
	if (process.env.UPDATE_DOCS === '1') fs.writeFileSync(DOCS, expected);
	expect(fs.readFileSync(DOCS, 'utf8')).toBe(expected);
});
