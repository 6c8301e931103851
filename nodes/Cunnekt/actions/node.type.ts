import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

export type CunnektResource = 'templateMessage' | 'reply' | 'media' | 'template' | 'campaign';

/** How an operation shows in its resource's Operation picker (and, by its action, in n8n's nodes panel). */
export interface OperationOption {
	name: string;
	action: string;
	description: string;
}

/**
 * One operation, in one file: its picker option, its fields and its behaviour side by side. Its resource
 * (resource.ts) shows the fields only for this operation and lists the option in the picker.
 */
export interface CunnektOperation {
	/** The operation's value, as workflows store it. */
	value: string;
	option: OperationOption;
	properties: INodeProperties[];
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
	operations: Readonly<Record<string, CunnektOperation>>;
}
