/**
 * Tests a Cunnekt credential the way n8n's credential dialog does (n8n-io/n8n, packages/cli/src/services/
 * credentials-tester.service.ts): the credential type's `test.request` runs as the routing request of a temporary
 * node through n8n-core's RoutingNode, then the `responseCode` rules turn a failed answer into the dialog's message.
 */
import { ExecuteContext, RoutingNode } from 'n8n-core';
import { Workflow } from 'n8n-workflow';
import type {
	ICredentialsDecrypted,
	INode,
	INodeCredentialTestResult,
	INodeType,
	INodeTypes,
	IRunExecutionData,
} from 'n8n-workflow';

import { CunnektApi } from '../../credentials/CunnektApi.credentials';
import { additionalData } from './n8n';
import type { TestCredentials } from './n8n';

const credentialType = new CunnektApi();

/** The temporary node n8n builds: no properties but one whose routing is the credential's test request. */
function testerNodeType(): INodeType {
	return {
		description: {
			displayName: 'Credential Test',
			name: 'credentialTest',
			group: ['transform'],
			version: 1,
			description: 'Runs a credential test request',
			defaults: { name: 'Credential Test' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: credentialType.name, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					default: '',
					routing: { request: credentialType.test?.request },
				},
			],
		},
	} as INodeType;
}

interface FailedRequest {
	message?: string;
	cause?: { response?: { status?: number; statusText?: string }; code?: string };
}

/** What n8n's credential dialog would show for these credentials. */
export async function testCredential(credentials: TestCredentials): Promise<INodeCredentialTestResult> {
	const nodeType = testerNodeType();
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: 'credentialTest',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [credentialType.name]: { id: 'test', name: 'Cunnekt (test)' } },
	};
	const nodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	} as unknown as INodeTypes;
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const runExecutionData = { resultData: { runData: {} } } as IRunExecutionData;
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData(credentials, [node]),
		'internal',
		runExecutionData,
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
	const decrypted: ICredentialsDecrypted = {
		id: 'test',
		name: 'Cunnekt (test)',
		type: credentialType.name,
		data: { ...credentials },
	};
	try {
		await new RoutingNode(context, nodeType, decrypted).runNode();
	} catch (caught) {
		const error = caught as FailedRequest;
		const status = error.cause?.response?.status;
		if (status !== undefined) {
			const rule = credentialType.test?.rules?.find(
				(candidate) => candidate.type === 'responseCode' && candidate.properties.value === status,
			);
			if (rule) return { status: 'Error', message: rule.properties.message };
			if (status < 199 || status > 299) {
				return {
					status: 'Error',
					message: error.cause?.response?.statusText || `Received HTTP status code: ${status}`,
				};
			}
		} else if (error.cause?.code) {
			return { status: 'Error', message: error.cause.code };
		}
		return { status: 'Error', message: String(error.message) };
	}
	return { status: 'OK', message: 'Connection successful!' };
}
