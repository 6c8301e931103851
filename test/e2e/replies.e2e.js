// @ts-check
/**
 * Every Reply operation of the body table (test/fixtures/replyBodies.js), one after the other in one workflow run by
 * n8n, on each platform: the exact bodies at the platform's reply path, in order, and each node's item; where the
 * platform cannot carry a message, the item says so and nothing is sent for it.
 */
const assert = require('assert/strict');
const { cunnekt, cunnektCurrent, manualWorkflow, execute, receivedRequests, sendOutput, assertSucceeded } = require('./harness');
const { REPLY_BODIES, RECIPIENT, RECIPIENT_AS_TYPED } = require('../fixtures/replyBodies');

/** The reply path of each platform, as nodes/shared/platforms/ spells it. */
const PLATFORMS = [
	{ name: 'classic', node: cunnekt, replyPath: '/sendreplymessage' },
	{ name: 'current', node: cunnektCurrent, replyPath: '/api/v1/whatsapp/replymessage' },
];

module.exports = PLATFORMS.map(({ name, node, replyPath }) => ({
	name: `Reply on the ${name} platform: every operation in one workflow, each exact body in order`,
	async run({ stack, step }) {
		const { sandbox } = stack;
		sandbox.openWindow(RECIPIENT);
		const rows = REPLY_BODIES.map((row) => ({ ...row, outcome: row[name] }));
		step('run the workflow with n8n execute');
		const run = await execute(
			stack,
			manualWorkflow(
				`e2e: every reply, ${name} platform`,
				rows.map(({ operation, parameters, outcome }) =>
					node(
						operation,
						{ resource: 'reply', operation, mobile: RECIPIENT_AS_TYPED, ...parameters },
						// A message the platform cannot carry is refused: the workflow goes on to the next reply.
						'refused' in outcome ? { onError: 'continueRegularOutput' } : {},
					),
				),
			),
		);
		const sent = rows.filter(({ outcome }) => 'body' in outcome);
		// The messages the sandbox records as sent, in order: a read receipt (a row with its own output) is none.
		const messages = sent.filter(({ output }) => !output);
		step(`the sandbox received exactly the ${name} platform's bodies, in order, at ${replyPath}`);
		assert.deepEqual(
			receivedRequests(sandbox).map(([method, path, body]) => [method, path, JSON.stringify(body)]),
			sent.map(({ outcome }) => ['POST', replyPath, JSON.stringify(outcome.body)]),
		);
		step('each node output its message, or the refusal');
		assertSucceeded(run.execution);
		for (const { operation, outcome, output } of rows) {
			const [item, ...more] = run.output(operation);
			assert.deepEqual(more, [], `${operation} output one item`);
			if ('refused' in outcome) {
				assert.equal(item.json.error, `${outcome.refused} [item 0]`, operation);
				continue;
			}
			const nth = messages.findIndex((row) => row.operation === operation);
			const json = output ?? sendOutput(sandbox, RECIPIENT, nth);
			assert.deepEqual(item, { json, pairedItem: { item: 0 } }, operation);
		}
	},
}));
