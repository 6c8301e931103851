/**
 * Runs our nodes through n8n's real execution engine in-process (n8n-core's WorkflowExecute, LoadOptionsContext),
 * with real HTTP: only the credential store is ours, answering with the credentials a test gives.
 */
import { ExecutionLifecycleHooks, LoadOptionsContext, WorkflowExecute } from 'n8n-core';
import { Expression, ICredentialsHelper, NodeHelpers, Workflow } from 'n8n-workflow';
import type {
	ExecutionBaseError,
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialType,
	IDataObject,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeProperties,
	INodeType,
	INodeTypes,
	IRun,
	IRunExecutionData,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { CunnektApi } from '../../credentials/CunnektApi.credentials';
import { Cunnekt } from '../../nodes/Cunnekt/Cunnekt.node';
import { CunnektTrigger } from '../../nodes/CunnektTrigger/CunnektTrigger.node';

/** A Cunnekt credential as stored: the key, and the platform's fields (credentials/CunnektApi.credentials.ts). */
export interface TestCredentials {
	apiKey: string;
	/** baseUrl, platform ('classic' | 'current'), currentBaseUrl, customizePaths, the path fields */
	[field: string]: string | boolean;
}

/** Credentials of other types than Cunnekt API (e.g. the trigger's Cunnekt Webhook API), by type name. */
export type OtherCredentials = Record<string, ICredentialDataDecryptedObject>;

const credentialTypes: Record<string, ICredentialType> = { cunnektApi: new CunnektApi() };

/** Resolves "={{$credentials.x}}"-style values the way n8n does, with n8n's own expression engine. */
export function resolveWithCredentials(value: string, credentials: ICredentialDataDecryptedObject): string {
	if (!value.startsWith('=')) return value;
	return String(new Expression('UTC').resolveSimpleParameterValue(value, { $credentials: credentials } as never, false));
}

/** The credential store: the test's credentials, applied through the credential type's generic authentication. */
class TestCredentialsHelper extends ICredentialsHelper {
	constructor(
		private readonly credentials: TestCredentials,
		private readonly otherTypes: OtherCredentials = {},
	) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const authenticate = credentialTypes[typeName]?.authenticate;
		if (!authenticate || typeof authenticate === 'function' || authenticate.type !== 'generic') return requestOptions;
		const headers = { ...(requestOptions.headers ?? {}) } as IDataObject;
		for (const [name, value] of Object.entries(authenticate.properties.headers ?? {})) {
			headers[name] = resolveWithCredentials(String(value), credentials);
		}
		return { ...requestOptions, headers };
	}

	async preAuthentication(): Promise<undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<undefined> {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('not used by these tests');
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: unknown,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		return { ...(this.otherTypes[type] ?? this.credentials) };
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(type: string): INodeProperties[] {
		return credentialTypes[type]?.properties ?? [];
	}
}

/** A trigger-less start node that emits the test's input items. */
class TestInput implements INodeType {
	description = {
		displayName: 'Test Input',
		name: 'testInput',
		group: ['input'],
		version: 1,
		description: 'Emits the items a test gives',
		defaults: { name: 'Test Input' },
		inputs: [],
		outputs: ['main'],
		properties: [],
	} as unknown as INodeType['description'];

	async execute(this: import('n8n-workflow').IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

let types: Record<string, INodeType> | undefined;

export function nodeTypes(): INodeTypes {
	types ??= {
		testInput: new TestInput(),
		'n8n-nodes-cunnekt.cunnekt': new Cunnekt(),
		'n8n-nodes-cunnekt.cunnektTrigger': new CunnektTrigger(),
	};
	const all = types;
	return {
		getByName: (name: string) => all[name],
		getByNameAndVersion: (name: string, version?: number) =>
			NodeHelpers.getVersionedNodeType(all[name], version),
		getKnownTypes: () => ({}),
	} as INodeTypes;
}

export function additionalData(
	credentials: TestCredentials,
	workflowNodes: INode[] = [],
	otherCredentials: OtherCredentials = {},
	executionId?: string,
): IWorkflowExecuteAdditionalData {
	const hooks = new ExecutionLifecycleHooks('manual', 'test-execution', {
		id: 'test-workflow',
		name: 'Test',
		nodes: workflowNodes,
		connections: {},
		active: false,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
	} as never);
	return {
		credentialsHelper: new TestCredentialsHelper(credentials, otherCredentials),
		hooks,
		executeWorkflow: async () => ({ executionId: '', data: [] }),
		sendDataToUI: () => {},
		restApiUrl: 'http://127.0.0.1/rest',
		instanceBaseUrl: 'http://127.0.0.1/',
		formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
		webhookBaseUrl: 'http://127.0.0.1/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1/webhook-test',
		userId: 'test-user',
		...(executionId === undefined ? {} : { executionId }),
		variables: {},
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('not used by these tests');
		},
	} as unknown as IWorkflowExecuteAdditionalData;
}

export interface RunOptions {
	/** The Cunnekt node's parameters (resource, operation, …). */
	parameters: INodeParameters;
	/** The input items (plain JSON or full items with binary). Default: one empty item. */
	items?: Array<IDataObject | INodeExecutionData>;
	credentials: TestCredentials;
	/** Settings → On Error → Continue (the regular output); `onError` names any mode. */
	continueOnFail?: boolean;
	/** Settings → On Error, as n8n stores it; overrides continueOnFail. */
	onError?: 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';
	/** Another node type to run instead of the action node. */
	nodeType?: string;
	/** The execution's id (n8n's signed resume URLs need one: Send and Wait). */
	executionId?: string;
}

export interface RunResult {
	/** What the node returned on its first output. */
	items: INodeExecutionData[];
	/** What n8n put on the node's error output (On Error → Continue (using error output)); [] otherwise. */
	errorItems: INodeExecutionData[];
	/** The error the node stopped with, if any. */
	error?: ExecutionBaseError;
	run: IRun;
}

function asItem(item: IDataObject | INodeExecutionData): INodeExecutionData {
	return 'json' in item && typeof item.json === 'object' ? (item as INodeExecutionData) : { json: item as IDataObject };
}

/** Runs Test Input → Cunnekt in the real engine and returns what the Cunnekt node produced. */
export async function runCunnekt(options: RunOptions): Promise<RunResult> {
	const nodes: INode[] = [
		{ id: 'input', name: 'Test Input', type: 'testInput', typeVersion: 1, position: [0, 0], parameters: {} },
		{
			id: 'cunnekt',
			name: 'Cunnekt',
			type: options.nodeType ?? 'n8n-nodes-cunnekt.cunnekt',
			typeVersion: 1,
			position: [200, 0],
			parameters: options.parameters,
			credentials: { cunnektApi: { id: 'test', name: 'Cunnekt (sandbox)' } },
			...(options.onError
				? { onError: options.onError }
				: options.continueOnFail
					? { onError: 'continueRegularOutput' as const }
					: {}),
		},
	];
	const workflow = new Workflow({
		id: 'test-workflow',
		nodes,
		connections: { 'Test Input': { main: [[{ node: 'Cunnekt', type: 'main', index: 0 }]] } },
		active: false,
		nodeTypes: nodeTypes(),
	});
	const items = (options.items ?? [{}]).map(asItem);
	const runExecutionData: IRunExecutionData = {
		startData: {},
		resultData: { runData: {} },
		executionData: {
			contextData: {},
			metadata: {},
			nodeExecutionStack: [{ node: workflow.getNode('Test Input') as INode, data: { main: [items] }, source: null }],
			waitingExecution: {},
			waitingExecutionSource: {},
		},
	} as unknown as IRunExecutionData;
	const execute = new WorkflowExecute(additionalData(options.credentials, nodes, {}, options.executionId), 'manual', runExecutionData);
	const run = await execute.processRunExecutionData(workflow);
	const task = run.data.resultData.runData.Cunnekt?.[0];
	return {
		items: task?.data?.main?.[0] ?? [],
		errorItems: (options.onError === 'continueErrorOutput' ? task?.data?.main?.[1] : undefined) ?? [],
		error: (task?.error ?? run.data.resultData.error) as ExecutionBaseError | undefined,
		run,
	};
}

/** A real LoadOptionsContext for the action node (list search, resource mapping) with the given parameters. */
export function loadOptionsContext(credentials: TestCredentials, parameters: INodeParameters = {}): LoadOptionsContext {
	const node: INode = {
		id: 'cunnekt',
		name: 'Cunnekt',
		type: 'n8n-nodes-cunnekt.cunnekt',
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { cunnektApi: { id: 'test', name: 'Cunnekt (sandbox)' } },
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: nodeTypes() });
	return new LoadOptionsContext(workflow, node, additionalData(credentials, [node]), '');
}
