// Runs the package's nodes inside n8n-core's real execution engine, loaded from the built
// package by n8n-core's PackageDirectoryLoader, the way n8n loads a community package.
import './env';

import { resolve } from 'node:path';

import {
	ExecuteContext,
	ExecutionLifecycleHooks,
	getExecutePollFunctions,
	LoadOptionsContext,
	PackageDirectoryLoader,
	RoutingNode,
	WorkflowExecute,
} from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialTypes,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialTestResult,
	INodeCredentialsDetails,
	INodeExecutionData,
	INodeListSearchResult,
	INodeProperties,
	INodePropertyOptions,
	INodeType,
	INodeTypes,
	IConnections,
	IRun,
	IRunExecutionData,
	IVersionedNodeType,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { createRunExecutionData, ICredentialsHelper, NodeConnectionTypes, Workflow } from 'n8n-workflow';

export const PACKAGE_DIR = resolve(__dirname, '../..');
export const PACKAGE_NAME = 'n8n-nodes-amazon-reports';

// Harness-only nodes that drive a workflow: a start node emitting given items, and a sink.
class StartNode implements INodeType {
	description = {
		displayName: 'Harness Start',
		name: 'harness.start',
		group: ['trigger'],
		version: 1,
		description: 'Emits the items given in its "items" parameter',
		defaults: { name: 'Start' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[{}]' }] as INodeProperties[],
	} as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const raw = this.getNodeParameter('items', 0, '[{}]') as string | IDataObject[];
		const items = (typeof raw === 'string' ? JSON.parse(raw) : raw) as IDataObject[];
		return [items.map((json) => ({ json }))];
	}
}

class NoOpNode implements INodeType {
	description = {
		displayName: 'Harness No-Op',
		name: 'harness.noOp',
		group: ['transform'],
		version: 1,
		description: 'Passes its input on',
		defaults: { name: 'End' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [] as INodeProperties[],
	} as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

interface LoadedPackage {
	loader: PackageDirectoryLoader;
	nodeTypes: INodeTypes;
	credentialTypes: ICredentialTypes;
}

let loaded: Promise<LoadedPackage> | undefined;

/** Loads the built package (dist/) through n8n-core's community-package loader, once. */
export async function loadPackage(packageDir = PACKAGE_DIR): Promise<LoadedPackage> {
	loaded ??= (async () => {
		const loader = new PackageDirectoryLoader(packageDir);
		await loader.loadAll();
		const harnessNodes: Record<string, INodeType> = { 'harness.start': new StartNode(), 'harness.noOp': new NoOpNode() };
		const byType = (type: string): INodeType | IVersionedNodeType => {
			if (harnessNodes[type]) return harnessNodes[type];
			const [packageName, name] = splitType(type);
			const entry = packageName === loader.packageName ? loader.nodeTypes[name] : undefined;
			if (!entry) throw new Error(`Unknown node type "${type}"`);
			return entry.type;
		};
		const nodeTypes: INodeTypes = {
			getByName: byType,
			getByNameAndVersion: (type, version) => {
				const node = byType(type);
				return 'nodeVersions' in node ? node.getNodeType(version) : node;
			},
			getKnownTypes: () => ({}),
		};
		const credentialTypes: ICredentialTypes = {
			recognizes: (name) => name in loader.credentialTypes,
			getByName: (name) => loader.credentialTypes[name].type,
			getSupportedNodes: () => [],
			getParentTypes: () => [],
		};
		return { loader, nodeTypes, credentialTypes };
	})();
	return await loaded;
}

function splitType(type: string): [string, string] {
	const dot = type.lastIndexOf('.');
	return [type.slice(0, dot), type.slice(dot + 1)];
}

/** Serves credentials from memory, as n8n's credentials helper serves them from its database. */
class TestCredentialsHelper extends ICredentialsHelper {
	constructor(
		private readonly credentials: Record<string, ICredentialDataDecryptedObject>,
		private readonly credentialTypes: ICredentialTypes,
	) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	/** As n8n's CredentialsHelper: a generic `authenticate` adds its headers and query, expressions resolved with $credentials. */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
		workflow: Workflow,
		node: INode,
	): Promise<IHttpRequestOptions> {
		const authenticate = this.credentialTypes.getByName(typeName).authenticate;
		if (!authenticate || typeof authenticate === 'function' || authenticate.type !== 'generic') return requestOptions;
		const resolve = (value: unknown) =>
			workflow.expression.getParameterValue(value as string, null, 0, 0, node.name, [], 'internal', { $credentials: credentials }, undefined, false);
		for (const part of ['headers', 'qs'] as const) {
			for (const [name, value] of Object.entries(authenticate.properties[part] ?? {})) {
				requestOptions[part] = { ...(requestOptions[part] ?? {}), [name]: resolve(value) as string };
			}
		}
		return requestOptions;
	}

	/**
	 * As n8n's CredentialsHelper: a credential with an expirable hidden field gets it from its
	 * preAuthentication when the field is empty or the token was refused.
	 */
	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		_node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.credentialTypes.getByName(typeName);
		const expirable = type.properties.find((property) => property.type === 'hidden' && property.typeOptions?.expirable === true);
		if (!type.preAuthentication || !expirable) return undefined;
		if (credentials[expirable.name] !== '' && credentials[expirable.name] !== undefined && !credentialsExpired) return undefined;
		return { ...credentials, ...(await type.preAuthentication.call(helpers, credentials)) } as ICredentialDataDecryptedObject;
	}

	async runPreAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('getCredentials is not used by the harness');
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.credentials[type];
		if (!data) throw new Error(`No test credentials of type "${type}"`);
		return { ...data };
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.credentialTypes.getByName(type).properties;
	}
}

function additionalDataFor(
	hooks: ExecutionLifecycleHooks | undefined,
	credentials: Record<string, ICredentialDataDecryptedObject>,
	credentialTypes: ICredentialTypes,
	uiMessages: unknown[] = [],
): IWorkflowExecuteAdditionalData {
	const unsupported = (what: string) => () => {
		throw new Error(`${what} is not available in the test harness`);
	};
	return {
		credentialsHelper: new TestCredentialsHelper(credentials, credentialTypes),
		executeWorkflow: unsupported('executeWorkflow'),
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		executionId: `test-${Date.now()}`,
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678',
		formBaseUrl: 'http://localhost:5678/form',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		formTestBaseUrl: 'http://localhost:5678/form-test',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		mcpBaseUrl: 'http://localhost:5678/mcp',
		mcpTestBaseUrl: 'http://localhost:5678/mcp-test',
		variables: {},
		logAiEvent: () => {},
		// What the editor would show in the browser console during a manual run.
		sendDataToUI: (type: string, data: unknown) => uiMessages.push({ type, data }),
		startRunnerTask: unsupported('startRunnerTask'),
		hooks,
	} as unknown as IWorkflowExecuteAdditionalData;
}

export interface WorkflowDefinition {
	nodes: INode[];
	connections: IConnections;
	staticData?: IDataObject;
}

export interface RunError {
	message: string;
	description?: string;
	name: string;
	itemIndex?: number;
	httpCode?: string;
	nodeName?: string;
}

export interface WorkflowResult {
	run: IRun;
	error?: RunError;
	/** Messages nodes sent to the editor (sendMessageToUI), in order. */
	uiMessages: unknown[];
	outputOf(nodeName: string, outputIndex?: number): INodeExecutionData[];
}

/** Runs a workflow from its start node in WorkflowExecute, as n8n runs a manual execution. */
export async function runWorkflow(
	workflow: WorkflowDefinition,
	options: {
		credentials?: Record<string, ICredentialDataDecryptedObject>;
		cancelAfterMs?: number;
		mode?: WorkflowExecuteMode;
		/** Told when each node starts and ends (the benchmark times the node apart from the engine's own work). */
		onNode?: (event: 'before' | 'after', nodeName: string) => void;
	} = {},
): Promise<WorkflowResult> {
	const { nodeTypes, credentialTypes } = await loadPackage();
	const mode = options.mode ?? 'manual';
	const instance = new Workflow({
		id: 'test-workflow',
		name: 'Test workflow',
		nodes: workflow.nodes,
		connections: workflow.connections,
		nodeTypes,
		staticData: workflow.staticData,
		active: false,
		settings: { executionOrder: 'v1' },
	});
	const hooks = new ExecutionLifecycleHooks(mode, 'test-execution', {
		id: 'test-workflow',
		name: 'Test workflow',
		nodes: workflow.nodes,
		connections: workflow.connections,
		active: false,
		activeVersionId: null,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
	} as never);
	// The engine reports the end of a run (also a cancelled one) through this hook.
	let resolveFinished: (run: IRun) => void = () => {};
	const finished = new Promise<IRun>((resolve) => (resolveFinished = resolve));
	hooks.addHandler('workflowExecuteAfter', (fullRunData) => resolveFinished(fullRunData));
	if (options.onNode) {
		const onNode = options.onNode;
		hooks.addHandler('nodeExecuteBefore', (nodeName) => onNode('before', nodeName));
		hooks.addHandler('nodeExecuteAfter', (nodeName) => onNode('after', nodeName));
	}
	const uiMessages: unknown[] = [];
	const additionalData = additionalDataFor(hooks, options.credentials ?? {}, credentialTypes, uiMessages);

	// Like a manual execution: start from the node that has no input connection.
	const fed = new Set(
		Object.values(workflow.connections).flatMap((outputs) =>
			Object.values(outputs).flat(2).map((connection) => connection?.node),
		),
	);
	const start = workflow.nodes.find((node) => !fed.has(node.name));
	if (!start) throw new Error('The workflow has no start node');
	const runExecutionData: IRunExecutionData = createRunExecutionData({
		executionData: { nodeExecutionStack: [{ node: start, data: { main: [[{ json: {} }]] }, source: null }] },
	});
	let execution: ReturnType<WorkflowExecute['processRunExecutionData']>;
	try {
		execution = new WorkflowExecute(additionalData, mode, runExecutionData).processRunExecutionData(instance);
	} catch (error) {
		// n8n refuses to start a workflow whose nodes have issues (e.g. a required parameter empty).
		const issue = error as Error & { description?: string };
		return {
			run: { data: runExecutionData, status: 'error', mode, startedAt: new Date() } as unknown as IRun,
			error: { message: issue.message, description: issue.description, name: issue.name },
			uiMessages,
			outputOf: () => [],
		};
	}
	const timer = options.cancelAfterMs === undefined ? undefined : setTimeout(() => execution.cancel(), options.cancelAfterMs);
	execution.catch(() => undefined);
	const run = await finished;
	clearTimeout(timer);

	const error = findError(run);
	return {
		run,
		error,
		uiMessages,
		outputOf(nodeName, outputIndex = 0) {
			const runs = run.data.resultData.runData[nodeName] ?? [];
			return runs.flatMap((task) => (task.data?.main?.[outputIndex] ?? []) as INodeExecutionData[]);
		},
	};
}

function findError(run: IRun): RunError | undefined {
	const candidates = [
		run.data.resultData.error,
		...Object.values(run.data.resultData.runData ?? {}).flatMap((tasks) => (tasks ?? []).map((task) => task.error)),
	];
	const error = candidates.find(Boolean) as
		| (Error & { description?: string; context?: { itemIndex?: number }; httpCode?: string; node?: { name?: string } })
		| undefined;
	if (!error) return undefined;
	return {
		message: error.message,
		description: error.description ?? undefined,
		name: error.name,
		itemIndex: error.context?.itemIndex,
		httpCode: error.httpCode ?? undefined,
		nodeName: error.node?.name,
	};
}

export interface RunNodeOptions {
	type: string;
	typeVersion?: number;
	parameters: IDataObject;
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	inputItems?: IDataObject[];
	continueOnFail?: boolean;
	cancelAfterMs?: number;
	onNode?: (event: 'before' | 'after', nodeName: string) => void;
}

export const NODE_UNDER_TEST = 'Node Under Test';

/** Runs one node behind a start node that emits `inputItems`; returns its output and error. */
export async function runNode(
	options: RunNodeOptions,
): Promise<{ items: INodeExecutionData[]; error?: RunError; run: IRun; uiMessages: unknown[] }> {
	const credentialRefs = Object.fromEntries(
		Object.keys(options.credentials ?? {}).map((type) => [type, { id: `${type}-id`, name: `${type} test` }]),
	);
	const nodes: INode[] = [
		{
			id: 'start',
			name: 'Start',
			type: 'harness.start',
			typeVersion: 1,
			position: [0, 0],
			parameters: { items: JSON.stringify(options.inputItems ?? [{}]) },
		},
		{
			id: 'under-test',
			name: NODE_UNDER_TEST,
			type: options.type,
			typeVersion: options.typeVersion ?? 1,
			position: [200, 0],
			parameters: options.parameters as INode['parameters'],
			credentials: credentialRefs,
			...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
		},
	];
	const connections: IConnections = {
		Start: { main: [[{ node: NODE_UNDER_TEST, type: NodeConnectionTypes.Main, index: 0 }]] },
	};
	const result = await runWorkflow({ nodes, connections }, options);
	return { items: result.outputOf(NODE_UNDER_TEST), error: result.error, run: result.run, uiMessages: result.uiMessages };
}

/** Calls a polling trigger's poll() through n8n-core's poll functions; static data persists in `staticData`. */
export async function runPoll(options: {
	type: string;
	parameters: IDataObject;
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	staticData: IDataObject;
	mode?: 'trigger' | 'manual';
}): Promise<{ items: INodeExecutionData[] | null; staticData: IDataObject }> {
	const { nodeTypes, credentialTypes } = await loadPackage();
	const node: INode = {
		id: 'trigger',
		name: 'Trigger',
		type: options.type,
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters as INode['parameters'],
		credentials: Object.fromEntries(
			Object.keys(options.credentials ?? {}).map((type) => [type, { id: `${type}-id`, name: `${type} test` }]),
		),
	};
	const workflow = new Workflow({
		id: 'test-workflow',
		nodes: [node],
		connections: {},
		nodeTypes,
		staticData: options.staticData,
		active: true,
		settings: { executionOrder: 'v1' },
	});
	const mode = options.mode ?? 'trigger';
	const additionalData = additionalDataFor(undefined, options.credentials ?? {}, credentialTypes);
	const pollFunctions = getExecutePollFunctions(workflow, node, additionalData, mode, mode === 'manual' ? 'manual' : 'activate');
	const nodeType = nodeTypes.getByNameAndVersion(options.type, 1) as INodeType;
	if (!nodeType.poll) throw new Error(`${options.type} is not a polling trigger`);
	const result = await nodeType.poll.call(pollFunctions);
	return { items: result?.[0] ?? null, staticData: workflow.staticData };
}

/**
 * Calls a node's list search (a resource locator's "From List") or load-options method as n8n's
 * editor does: through n8n-core's LoadOptionsContext for the node with these parameters.
 */
export async function runEditorMethod(options: {
	type: string;
	kind: 'listSearch' | 'loadOptions';
	method: string;
	filter?: string;
	parameters?: IDataObject;
	credentials?: Record<string, ICredentialDataDecryptedObject>;
}): Promise<INodeListSearchResult | INodePropertyOptions[]> {
	const { nodeTypes, credentialTypes } = await loadPackage();
	const node: INode = {
		id: 'editor',
		name: 'Editor',
		type: options.type,
		typeVersion: 1,
		position: [0, 0],
		parameters: (options.parameters ?? {}) as INode['parameters'],
		credentials: Object.fromEntries(Object.keys(options.credentials ?? {}).map((type) => [type, { id: `${type}-id`, name: `${type} test` }])),
	};
	const workflow = new Workflow({ id: 'test-workflow', nodes: [node], connections: {}, nodeTypes, active: false, settings: { executionOrder: 'v1' } });
	const additionalData = additionalDataFor(undefined, options.credentials ?? {}, credentialTypes);
	const context = new LoadOptionsContext(workflow, node, additionalData, 'parameters');
	const nodeType = nodeTypes.getByNameAndVersion(options.type, 1) as INodeType;
	const method = nodeType.methods?.[options.kind]?.[options.method] as
		| ((this: LoadOptionsContext, filter?: string) => Promise<INodeListSearchResult | INodePropertyOptions[]>)
		| undefined;
	if (!method) throw new Error(`${options.type} has no ${options.kind} method "${options.method}"`);
	return await method.call(context, options.filter);
}

/**
 * Runs a credential's Test button as n8n's CredentialsTester does for a declarative test: the
 * credential's `test` request through n8n-core's RoutingNode (preAuthentication, authenticate,
 * n8n's HTTP stack), and its rules on the answer.
 */
export async function testCredential(credentialType: string, data: ICredentialDataDecryptedObject): Promise<INodeCredentialTestResult> {
	const { credentialTypes } = await loadPackage();
	const testRequest = credentialTypes.getByName(credentialType).test;
	if (!testRequest) throw new Error(`Credential type "${credentialType}" declares no test`);
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: 'harness.credentialTest',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [credentialType]: { id: 'test', name: 'test' } },
	};
	const testNodeType = {
		description: {
			displayName: 'Credential test',
			name: 'harness.credentialTest',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: {},
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			credentials: [{ name: credentialType, required: true }],
			properties: [{ displayName: 'Temp', name: 'temp', type: 'string', default: '', routing: { request: testRequest.request } }],
		},
	} as unknown as INodeType;
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: { getByName: () => testNodeType, getByNameAndVersion: () => testNodeType, getKnownTypes: () => ({}) },
	});
	const credentials = { ...data, accessToken: '' };
	const additionalData = additionalDataFor(undefined, { [credentialType]: credentials }, credentialTypes);
	const executeData = { node, data: {}, source: null };
	const context = new ExecuteContext(workflow, node, additionalData, 'internal', createRunExecutionData(), 0, [], { main: [[{ json: {} }]] }, executeData, []);
	let response: INodeExecutionData[][] | null | undefined;
	try {
		response = await new RoutingNode(context, testNodeType, { id: 'test', name: 'test', type: credentialType, data: credentials }).runNode();
	} catch (caught) {
		const error = caught as Error & { cause?: { response?: { status: number; statusText?: string }; code?: string } };
		const status = error.cause?.response?.status;
		if (status !== undefined) {
			const rule = testRequest.rules?.find((candidate) => candidate.type === 'responseCode' && candidate.properties.value === status);
			if (rule) return { status: 'Error', message: rule.properties.message };
			if (status < 199 || status > 299) return { status: 'Error', message: error.cause?.response?.statusText || `Received HTTP status code: ${status}` };
		} else if (error.cause?.code) {
			return { status: 'Error', message: error.cause.code };
		}
		return { status: 'Error', message: error.message };
	}
	const json = response?.[0]?.[0]?.json ?? {};
	for (const rule of testRequest.rules ?? []) {
		if (rule.type === 'responseSuccessBody' && json[rule.properties.key] === rule.properties.value) return { status: 'Error', message: rule.properties.message };
	}
	return { status: 'OK', message: 'Connection successful!' };
}

/**
 * Calls a node's loadOptions method as the editor does when it opens a list: through n8n-core's
 * LoadOptionsContext, with the node's current parameters.
 */
export async function loadOptions(type: string, method: string, currentNodeParameters: IDataObject): Promise<Array<{ name: string; value: unknown; description?: string }>> {
	const { nodeTypes } = await loadPackage();
	const nodeType = nodeTypes.getByNameAndVersion(type, 1) as INodeType;
	const load = nodeType.methods?.loadOptions?.[method];
	if (!load) throw new Error(`${type} has no loadOptions method ${method}`);
	const node: INode = { id: 'node', name: 'Node', type, typeVersion: 1, position: [0, 0], parameters: currentNodeParameters as INode['parameters'] };
	const workflow = new Workflow({ id: 'test-workflow', nodes: [node], connections: {}, nodeTypes, active: false, settings: { executionOrder: 'v1' } });
	const additionalData = { currentNodeParameters } as unknown as IWorkflowExecuteAdditionalData;
	return await load.call(new LoadOptionsContext(workflow, node, additionalData, 'parameters.field'));
}
