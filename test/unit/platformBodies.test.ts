/**
 * The body table (test/fixtures/replyBodies.js), pure: every reply kind on both platforms, the exact body or the
 * exact refusal, with no n8n and no HTTP. Also that the table has a row for every message kind and for every Reply
 * operation that sends one message, so a new kind or operation cannot go untested.
 */
import { SEND_AND_WAIT_OPERATION } from 'n8n-workflow';

import { replyOperations } from '../../nodes/Cunnekt/actions/reply';
import type { PlatformName } from '../../nodes/shared/endpoints';
import { PLATFORMS } from '../../nodes/shared/platforms';
import type { ReplyMessage } from '../../nodes/shared/platforms/message';
import { replyBody } from '../../nodes/shared/platforms/platform';

type Outcome = { body: Record<string, unknown> } | { refused: string };
interface Row {
	operation: string;
	message: ReplyMessage;
	classic: Outcome;
	current: Outcome;
}

const { REPLY_BODIES, BSUID_ROWS } = require('../fixtures/replyBodies') as { REPLY_BODIES: Row[]; BSUID_ROWS: Row[] };

const platformNames = Object.keys(PLATFORMS) as PlatformName[];
const recipients = [
	{ recipient: 'a phone number', rows: REPLY_BODIES },
	{ recipient: 'a BSUID', rows: BSUID_ROWS },
];
const cases = recipients.flatMap(({ recipient, rows }) =>
	rows.flatMap((row) => platformNames.map((platform) => ({ ...row, recipient, platform, outcome: row[platform] }))),
);

describe('a reply on each platform, to a phone number and to a BSUID (a read receipt goes to nobody)', () => {
	it.each(cases)('$operation ($message.kind) to $recipient on the $platform platform', ({ platform, message, outcome }) => {
		const spell = () => replyBody(PLATFORMS[platform], message);
		if ('body' in outcome) expect(spell()).toEqual(outcome.body);
		else expect(spell).toThrow(outcome.refused);
	});
});

describe('the body table', () => {
	it('has a row for every reply kind a platform spells', () => {
		const kinds = new Set(REPLY_BODIES.map((row) => row.message.kind));
		for (const platform of platformNames) expect(Object.keys(PLATFORMS[platform].replies).filter((kind) => !kinds.has(kind as never))).toEqual([]);
	});

	it('has a row for every Reply operation that sends one message (Send and Wait has its own tests: its ids are signed per execution)', () => {
		const rows = REPLY_BODIES.map((row) => row.operation).sort();
		const operations = replyOperations.map((operation) => operation.value).filter((value) => value !== SEND_AND_WAIT_OPERATION);
		expect(rows).toEqual([...operations].sort());
	});

	it('says each operation runs exactly where the table has a body for it', () => {
		for (const row of REPLY_BODIES) {
			const operation = replyOperations.find((entry) => entry.value === row.operation);
			expect([row.operation, operation?.platforms]).toEqual([row.operation, platformNames.filter((platform) => 'body' in row[platform])]);
		}
	});
});
