import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

export type CunnektResource = 'templateMessage' | 'reply' | 'media' | 'template' | 'campaign';

/** One operation: its fields and its behaviour, side by side in one file. */
export interface CunnektOperation {
	description: INodeProperties[];
	/** One input item in, its output items out; the router adds pairedItem and handles Continue On Fail. */
	execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]>;
	/**
	 * For operations that can turn all input items into one request (one campaign from all rows). Returns undefined
	 * when the user chose per-item mode; otherwise the output, which the router pairs with every input item.
	 */
	executeAllItems?(this: IExecuteFunctions, itemCount: number): Promise<INodeExecutionData[] | undefined>;
}

export interface CunnektResourceModule {
	description: INodeProperties[];
	operations: Record<string, CunnektOperation>;
}
