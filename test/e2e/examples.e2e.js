// @ts-check
/** The example workflows in examples/: each imports into n8n as a user would, and runs against the sandbox. */
const assert = require('assert/strict');
const { createWorkflow, loadExamples, hasTrigger } = require('../../playground/stack');
const { executeById, assertRequests, sendOutput, orderUpdateBody, assertSucceeded } = require('./harness');

/** What running each manually started example must do: its requests to the sandbox (per node) and its last node's items. */
const runs = {
	'send-order-updates.json': {
		lastNode: 'Send order update',
		requests: () => [
			[
				['GET', '/templates', undefined],
				['POST', '/sendnotification', orderUpdateBody('919999999999', 'Asha', 'Rs. 999')],
				['POST', '/sendnotification', orderUpdateBody('919888888888', 'Vivek', 'Rs. 1,250')],
			],
		],
		items: (sandbox) => [
			{ json: sendOutput(sandbox, '919999999999', 0), pairedItem: { item: 0 } },
			{ json: sendOutput(sandbox, '919888888888', 0), pairedItem: { item: 1 } },
		],
	},
	'campaign-from-customers.json': {
		lastNode: 'Launch campaign',
		requests: (sandbox) => {
			const [campaign] = [...sandbox.state.campaigns.values()];
			return [
				[
					['GET', '/templates', undefined],
					[
						'POST',
						'/campaigns',
						{
							name: 'Welcome',
							templateid: 'asdasdDSDsd',
							recipients: [{ mobile: '919999999999' }, { mobile: '919888888888' }, { mobile: '919777777777' }],
						},
					],
				],
				[['POST', `/campaigns/${campaign.id}/launch`, undefined]],
			];
		},
		items: (sandbox) => {
			const [campaign] = [...sandbox.state.campaigns.values()];
			const json = {
				id: campaign.id,
				name: 'Welcome',
				templateid: 'asdasdDSDsd',
				status: 'LAUNCHED',
				created_at: campaign.created_at,
				launched_at: campaign.launched_at,
				recipient_count: 3,
				messages: sandbox.state.sent.map((sent) => ({ mobile: sent.mobile, id: sent.id })),
			};
			return [{ json, pairedItem: { item: 0 } }];
		},
	},
};

module.exports = [
	{
		name: 'examples: every example imports (published when it has a trigger) and each manual one runs against the sandbox',
		async run({ stack, step }) {
			const examples = loadExamples();
			assert.ok(examples.length > 0, 'examples/ holds workflows');
			for (const { file, workflow } of examples) {
				step(`import ${file}`);
				assert.ok(
					workflow.nodes.some((node) => node.type === 'n8n-nodes-base.stickyNote'),
					`${file} explains itself in a sticky note`,
				);
				const created = await createWorkflow(stack, workflow);
				if (hasTrigger(workflow)) continue;
				const expected = runs[file];
				assert.ok(expected, `${file} runs by hand: say here what its run must do`);
				step(`run ${file}`);
				stack.sandbox.reset();
				const run = await executeById(stack, created.id);
				assertSucceeded(run.execution);
				assertRequests(stack.sandbox, expected.requests(stack.sandbox));
				assert.deepEqual(run.output(expected.lastNode), expected.items(stack.sandbox));
			}
		},
	},
];
