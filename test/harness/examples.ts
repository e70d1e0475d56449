// Runs an example workflow's Amazon part in the engine. n8n's own nodes (schedule, IF, Slack,
// Google Sheets, email) are not installed here: the trigger becomes a start node, the others
// pass their input on, so the last node's input is what the real step would receive. A polling
// trigger of this package is polled as the editor's "Fetch test event" does.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import type { ICredentialDataDecryptedObject, IConnections, INode } from 'n8n-workflow';

import type { WorkflowResult } from './engine';
import { loadPackage, PACKAGE_DIR, PACKAGE_NAME, runPoll, runWorkflow } from './engine';

export interface ExampleWorkflow {
	file: string;
	name: string;
	nodes: INode[];
	connections: IConnections;
}

export function readExamples(): ExampleWorkflow[] {
	const folder = join(PACKAGE_DIR, 'examples');
	return readdirSync(folder)
		.filter((name) => name.endsWith('.json'))
		.sort()
		.map((file) => ({ file, ...(JSON.parse(readFileSync(join(folder, file), 'utf8')) as Omit<ExampleWorkflow, 'file'>) }));
}

export const isPackageNode = (node: INode) => node.type.startsWith(`${PACKAGE_NAME}.`);

export function fedNodes(connections: IConnections): Set<string> {
	return new Set(Object.values(connections).flatMap((outputs) => Object.values(outputs).flat(2).map((connection) => connection?.node ?? '')));
}

/** The node no connection leaves from: the step that receives the result. */
export function lastNode(example: ExampleWorkflow): INode | undefined {
	return example.nodes.find((node) => !(node.name in example.connections));
}

export async function runExample(
	example: ExampleWorkflow,
	credentials: Record<string, ICredentialDataDecryptedObject>,
): Promise<WorkflowResult & { triggerItems?: number }> {
	const { nodeTypes } = await loadPackage();
	const fed = fedNodes(example.connections);
	let triggerItems: number | undefined;
	const nodes: INode[] = [];
	for (const node of example.nodes) {
		const isStart = !fed.has(node.name);
		if (isPackageNode(node) && isStart && 'polling' in nodeTypes.getByName(node.type).description) {
			const { items } = await runPoll({ type: node.type, parameters: node.parameters, credentials, staticData: {}, mode: 'manual' });
			triggerItems = items?.length ?? 0;
			nodes.push(startNode(node, (items ?? []).map((item) => item.json)));
		} else if (isPackageNode(node)) {
			nodes.push(node);
		} else {
			nodes.push(isStart ? startNode(node, [{}]) : { ...node, type: 'harness.noOp', typeVersion: 1, parameters: {}, credentials: undefined });
		}
	}
	const result = await runWorkflow({ nodes, connections: example.connections }, { credentials });
	return { ...result, triggerItems };
}

function startNode(node: INode, items: object[]): INode {
	return { ...node, type: 'harness.start', typeVersion: 1, parameters: { items: JSON.stringify(items) }, credentials: undefined };
}
