// @ts-check
/**
 * n8n 3's rules in queue mode (docs/n8n-3.md): manual executions run on workers (OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS,
 * which n8n 3 makes the only way), and binary data in the database (no in-memory mode; main and the workers share
 * no disk), for Media → Download on a worker and the trigger's Download Media on the webhook processor.
 */
const assert = require('assert/strict');
const crypto = require('crypto');
const { unwrap } = require('../../playground/n8n/api');
const { createWorkflow } = require('../../playground/stack');
const { SAMPLE_IDS } = require('../../sandbox/media-files');
const { CUNNEKT, chainWorkflow, cunnekt, node, outputOf } = require('../e2e/harness');
const { executionsByWorker, productionUrl } = require('./cluster');

const MANUAL = 'When clicking ‘Execute workflow’';
const CUSTOMER = '919555000222';

/** The workflow's finished executions, once there are `count` (read with their data). */
async function finished(cluster, workflowId, count) {
	for (let attempt = 0; attempt < 900; attempt++) {
		const executions = await cluster.api.allExecutions({ workflowId });
		if (executions.length === count && executions.every((execution) => execution.stoppedAt)) return executions;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error(`workflow ${workflowId}: ${count} executions never finished`);
}

/** A binary field's bytes as main serves them (the editor's download), wherever n8n keeps them. */
async function servedBytes(cluster, binary) {
	const response = await fetch(`${cluster.main.url}/rest/binary-data?${new URLSearchParams({ id: binary.id, action: 'download' })}`, {
		headers: { cookie: cluster.cookie },
	});
	assert.equal(response.status, 200, `main serves binary data ${binary.id}`);
	return Buffer.from(await response.arrayBuffer());
}

/** The worker that ran an execution (from the workers' logs). */
function workerOf(cluster, executionId) {
	const worker = executionsByWorker(cluster).get(String(executionId));
	assert.ok(worker?.startsWith('worker-'), `a worker ran execution ${executionId}: ${worker}`);
	return worker;
}

/** The first stored item of a node, with its binary. */
const storedItem = (execution, name) => execution.data.resultData.runData[name][0].data.main[0][0];

module.exports = {
	checks: [
		{
			name: 'n8n 3: a manual execution (Execute workflow) of Template Message → Send and Media → Download runs on a worker; the file is kept in the database and main serves it byte for byte',
			async run({ cluster, step, log }) {
				const { sandbox } = cluster;
				step('create Manual Trigger → Template Message → Send → Media → Download');
				const created = await createWorkflow(
					cluster,
					chainWorkflow('queue: manual send and download', [
						node(MANUAL, 'n8n-nodes-base.manualTrigger'),
						cunnekt('Send', { resource: 'templateMessage', operation: 'send', mobile: CUSTOMER, templateId: { __rl: true, mode: 'id', value: 'asdasdDSDsd' } }),
						cunnekt('Download', { resource: 'media', operation: 'download', messageId: SAMPLE_IDS.incomingPdf, binaryPropertyName: 'invoice' }),
					]),
					{ publish: false },
				);
				step('Execute workflow, as the editor asks main: main queues it');
				const started = unwrap(await cluster.rest('POST', `/rest/workflows/${created.id}/run`, { triggerToStartFrom: { name: MANUAL } }));
				assert.ok(started.executionId, `main answered ${JSON.stringify(started)}`);
				const [execution] = await finished(cluster, created.id, 1);
				assert.equal(execution.status, 'success');
				assert.equal(execution.mode, 'manual');
				log(`ran on ${workerOf(cluster, execution.id)}`);
				step('the template went out once; the file is in the database and main serves its bytes');
				assert.deepEqual(sandbox.requestsTo('/sendnotification').map((request) => request.body), [{ mobile: CUSTOMER, templateid: 'asdasdDSDsd' }]);
				assert.equal(outputOf(execution, 'Send')[0].json.mobile, CUSTOMER);
				const { binary } = storedItem(execution, 'Download');
				assert.equal(binary.invoice.data, 'database', 'binary data mode database');
				assert.ok((await servedBytes(cluster, binary.invoice)).equals(sandbox.state.media.get(SAMPLE_IDS.incomingPdf).bytes));
			},
		},
		{
			name: "n8n 3: the trigger's Download Media on the webhook processor keeps the file in the database; the execution goes on on a worker, whose next node reads the file's bytes",
			async run({ cluster, step, log }) {
				step('publish a trigger with Download Media → a Code node that reads the file');
				const webhookId = crypto.randomUUID();
				const created = await createWorkflow(
					cluster,
					chainWorkflow('queue: trigger downloads media', [
						node('Cunnekt Trigger', `${CUNNEKT}Trigger`, { events: ['message'], options: { downloadMedia: true } }, { webhookId }),
						node(
							'Read the file',
							'n8n-nodes-base.code',
							{ jsCode: "const bytes = await this.helpers.getBinaryDataBuffer(0, 'data');\nreturn [{ json: { base64: bytes.toString('base64') } }];" },
							{ typeVersion: 2 },
						),
					]),
					{ publish: true },
				);
				const url = await productionUrl(cluster, `${webhookId}/webhook`);
				step('the sandbox posts an image to the webhook processor');
				const posted = await cluster.sandbox.webhooks.message(url, 'image', { from: CUSTOMER });
				assert.equal(posted.status, 200);
				const [execution] = await finished(cluster, created.id, 1);
				assert.equal(execution.status, 'success');
				log(`ran on ${workerOf(cluster, execution.id)}`);
				step('the file is in the database, and the worker read its bytes');
				const { binary, json } = storedItem(execution, 'Cunnekt Trigger');
				assert.equal(json.messageId, posted.messageId);
				assert.equal(binary.data.data, 'database', 'binary data mode database');
				const bytes = cluster.sandbox.state.media.get(posted.messageId).bytes;
				assert.deepEqual(outputOf(execution, 'Read the file'), [{ json: { base64: bytes.toString('base64') }, pairedItem: { item: 0 } }]);
			},
		},
	],
};
