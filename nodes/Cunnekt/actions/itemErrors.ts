import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, IPairedItemData } from 'n8n-workflow';

import { failureFieldsOf, InputError, withFailureFields } from '../../shared/errors';
import { failureFields } from '../../shared/whatsappErrors';

/** A value the node refused before sending: no code; the message names the field and what to enter. */
const REFUSED_BEFORE_SENDING = failureFields({ disposition: 'fixInput' }, null);
/** An error that did not come through the transport or the checks: the node cannot say what to do. */
const UNKNOWN = failureFields({ disposition: 'unknown' }, null);

/** Errors a user sees: limits become NodeOperationErrors that name the item; API errors keep their item index. */
export function toItemError(
	this: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (error instanceof InputError) {
		const refused = new NodeOperationError(this.getNode(), `${error.message} [item ${itemIndex}]`, {
			itemIndex,
			description: error.description,
		});
		return withFailureFields(refused, REFUSED_BEFORE_SENDING);
	}
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context.itemIndex ??= itemIndex;
		return error;
	}
	return new NodeOperationError(this.getNode(), error instanceof Error ? error : String(error), {
		itemIndex,
	});
}

/** Where the router puts a failed item: beside the others (Continue), or on n8n's error output. */
export type ErrorItemOutput = 'regular' | 'error';

/**
 * The item a failed input yields when the node continues: today's `error`, `description`, `httpCode`, then the
 * fields a workflow branches on (shared/whatsappErrors.ts). n8n 2 moves an item to the error output ("Continue
 * (using error output)") only when its JSON holds nothing but `error`, `message` and `details`
 * (handleNodeErrorOutput in n8n-core's workflow-execute), so there the same fields go under `details`; n8n then adds
 * the input item's fields beside them.
 */
export function errorItem(
	error: NodeApiError | NodeOperationError,
	pairedItem: IPairedItemData | IPairedItemData[],
	output: ErrorItemOutput = 'regular',
): INodeExecutionData {
	const fields: IDataObject = {};
	if (error.description) fields.description = error.description;
	if (error instanceof NodeApiError && error.httpCode) fields.httpCode = error.httpCode;
	Object.assign(fields, failureFieldsOf(error) ?? UNKNOWN);
	const json: IDataObject = output === 'error' ? { error: error.message, details: fields } : { error: error.message, ...fields };
	return { json, pairedItem };
}
