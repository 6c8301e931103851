/**
 * The body table (test/fixtures/replyBodies.js) in n8n's real engine against the sandbox: every Reply operation
 * that sends one message, on both platforms, from the fields a user fills in to the exact bytes Cunnekt receives at
 * the platform's path, and the exact item; or the exact refusal, with nothing sent.
 */
import type { INodeParameters } from 'n8n-workflow';

import { PLATFORMS } from '../../../nodes/shared/platforms';
import type { PlatformName } from '../../../nodes/shared/endpoints';
import { expectRefused, expectSentItem, REPLY_TEST_KEY, runReply, useReplySandbox } from '../../helpers/reply';

type Outcome = { body: Record<string, unknown> } | { refused: string };
interface Row {
	operation: string;
	parameters: INodeParameters;
	classic: Outcome;
	current: Outcome;
	/** The item's JSON where it is not a send's (Mark as Read). */
	output?: Record<string, unknown>;
}

const { REPLY_BODIES, BSUID_ROWS, RECIPIENT_AS_TYPED, BSUID } = require('../../fixtures/replyBodies') as {
	REPLY_BODIES: Row[];
	BSUID_ROWS: Row[];
	RECIPIENT_AS_TYPED: string;
	BSUID: string;
};

const context = useReplySandbox();
const platforms = Object.keys(PLATFORMS) as PlatformName[];
const recipients = [
	{ recipient: 'a phone number', typed: RECIPIENT_AS_TYPED, rows: REPLY_BODIES },
	{ recipient: 'a BSUID', typed: BSUID, rows: BSUID_ROWS },
];
const cases = recipients.flatMap(({ recipient, typed, rows }) =>
	rows.flatMap((row) => platforms.map((platform) => ({ ...row, recipient, typed, platform, outcome: row[platform] }))),
);

describe('every Reply operation, as a user fills it in, on each platform, to a phone number and to a BSUID (a read receipt goes to nobody)', () => {
	it.each(cases)('$operation to $recipient on the $platform platform', async ({ operation, parameters, typed, platform, outcome, output }) => {
		const { sandbox } = context;
		sandbox.openWindow(BSUID);
		const result = await runReply(sandbox, operation, { ...parameters, mobile: typed }, { platform });
		if ('refused' in outcome) {
			expectRefused(sandbox, result, `${outcome.refused} [item 0]`);
			return;
		}
		expect(sandbox.requests.map((request) => [request.method, request.path])).toEqual([
			['POST', PLATFORMS[platform].paths.sendReply],
		]);
		const [request] = sandbox.requests;
		expect(request.headers['api-key']).toBe(REPLY_TEST_KEY);
		// Byte for byte: the same fields in the same order as Cunnekt's and WhatsApp's examples.
		expect(JSON.stringify(request.body)).toBe(JSON.stringify(outcome.body));
		if (output) {
			expect(result.items).toEqual([{ json: output, pairedItem: { item: 0 } }]);
			expect(sandbox.state.sent).toEqual([]);
		} else if (typed === BSUID) {
			const [sent] = sandbox.state.sent;
			expect(result.items).toEqual([
				{
					json: {
						messageId: sent.id,
						userId: BSUID,
						messaging_product: 'whatsapp',
						contacts: [{ input: BSUID, user_id: BSUID }],
						messages: [{ id: sent.id }],
					},
					pairedItem: { item: 0 },
				},
			]);
		} else expectSentItem(sandbox, result);
	});
});
