import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';

import type { CunnektOperation, CunnektResource, CunnektResourceModule } from './node.type';

/**
 * A resource from its operations: the Operation picker (sorted by name, as n8n lists options), each operation's
 * fields shown only for it, then the fields the resource adds for several operations. The operations are the one
 * list a resource keeps; everything else (the router, the tests) reads it from here.
 */
export function defineResource(
	resource: CunnektResource,
	operations: readonly CunnektOperation[],
	defaultOperation: string,
	sharedProperties: INodeProperties[] = [],
): CunnektResourceModule {
	const options = [...operations]
		.sort((a, b) => a.option.name.localeCompare(b.option.name))
		.map((operation) => ({ ...operation.option, value: operation.value }));
	const picker: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options,
		default: defaultOperation,
	};
	return {
		description: [
			picker,
			...operations.flatMap((operation) =>
				updateDisplayOptions({ show: { resource: [resource], operation: [operation.value] } }, operation.properties),
			),
			...sharedProperties,
		],
		operations: Object.fromEntries(operations.map((operation) => [operation.value, operation])),
	};
}
