import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { startExecution } from '../../shared/execution';
import { resources } from './index';
import { errorItem, toItemError } from './itemErrors';
import type { ErrorItemOutput } from './itemErrors';
import type { CunnektResource } from './node.type';
import { readSendingOptions } from './sendingOptions';

/**
 * Runs fn for items 0..count-1 with at most `concurrency` in flight and returns the results in item order. On the
 * first failure no new item starts; the ones in flight finish, and the failure of the lowest item is thrown.
 */
export async function mapItems<T>(
	count: number,
	concurrency: number,
	fn: (itemIndex: number) => Promise<T>,
): Promise<T[]> {
	const results = new Array<T>(count);
	const progress: { next: number; failure?: { itemIndex: number; error: unknown } } = { next: 0 };
	const worker = async () => {
		while (progress.failure === undefined && progress.next < count) {
			const itemIndex = progress.next++;
			try {
				results[itemIndex] = await fn(itemIndex);
			} catch (error) {
				const earlier = progress.failure as { itemIndex: number } | undefined;
				if (earlier === undefined || itemIndex < earlier.itemIndex) progress.failure = { itemIndex, error };
			}
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, worker));
	if (progress.failure !== undefined) throw progress.failure.error;
	return results;
}

/**
 * For each item: pick the operation, run it, attach pairedItem; with Continue On Fail, one error item per failure,
 * in the item's place, shaped for where n8n puts it (itemErrors.ts). An operation that makes one request of all
 * items (executeAllItems) fails as it succeeds: one item, paired with every input.
 * The run's Sending Options are read once and start the execution's state (pace, retries), before any request.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as CunnektResource;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = resources[resource]?.operations[operationName];
	if (!operation) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operationName}" is not supported for resource "${resource}"`,
		);
	}

	const { sending } = startExecution(this, readSendingOptions.call(this));
	const continueOnFail = this.continueOnFail();
	const errorOutput: ErrorItemOutput = this.getNode().onError === 'continueErrorOutput' ? 'error' : 'regular';
	if (operation.executeAllItems) {
		const pairedItem = items.map((_, item) => ({ item }));
		let combined: INodeExecutionData[] | undefined;
		try {
			combined = await operation.executeAllItems.call(this, items.length);
		} catch (error) {
			const itemError = toItemError.call(this, error, 0);
			if (!continueOnFail) throw itemError;
			return [[errorItem(itemError, pairedItem, errorOutput)]];
		}
		if (combined !== undefined) return [combined.map((result) => ({ ...result, pairedItem }))];
	}

	const perItem = await mapItems(items.length, sending.maxConcurrentRequests, async (itemIndex) => {
		try {
			const outputs = await operation.execute.call(this, itemIndex);
			return outputs.map((output) => ({ ...output, pairedItem: { item: itemIndex } }));
		} catch (error) {
			const itemError = toItemError.call(this, error, itemIndex);
			if (!continueOnFail) throw itemError;
			return [errorItem(itemError, { item: itemIndex }, errorOutput)];
		}
	});
	return [perItem.flat()];
}
