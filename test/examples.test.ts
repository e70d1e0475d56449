// The example workflows: they import (every node type is ours or one of n8n's base nodes) and
// their Amazon part runs in the real engine against the emulator, as npm start shows.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import type { IConnections, INode, INodeType } from 'n8n-workflow';

import type { AmazonEmulator } from '../emulator';
import { EMULATOR_APPSTORE_CLIENT, EMULATOR_SP_API_CLIENT, startAmazonEmulator } from '../emulator';
import { loadPackage, PACKAGE_DIR, PACKAGE_NAME, runWorkflow } from './harness/engine';

const EXAMPLES = join(PACKAGE_DIR, 'examples');
// n8n's own nodes the examples end with; they are not installed here, so they are known by name.
const N8N_BASE_NODES = new Set(['n8n-nodes-base.scheduleTrigger', 'n8n-nodes-base.googleSheets', 'n8n-nodes-base.slack', 'n8n-nodes-base.if', 'n8n-nodes-base.emailSend']);

let emulator: AmazonEmulator;
before(async () => {
	emulator = await startAmazonEmulator();
});
after(async () => {
	await emulator.close();
});

const files = readdirSync(EXAMPLES).filter((name) => name.endsWith('.json'));

for (const file of files) {
	test(`examples/${file} imports and runs against the emulator`, async () => {
		const example = JSON.parse(readFileSync(join(EXAMPLES, file), 'utf8')) as { nodes: INode[]; connections: IConnections };
		const { loader } = await loadPackage();
		for (const node of example.nodes) {
			if (node.type.startsWith(`${PACKAGE_NAME}.`)) {
				const name = node.type.slice(PACKAGE_NAME.length + 1);
				const type = loader.nodeTypes[name]?.type;
				assert.ok(type && 'description' in type, `${node.type} is in the package`);
				const known = new Set((type as INodeType).description.properties.map((property) => property.name));
				for (const parameter of Object.keys(node.parameters)) assert.ok(known.has(parameter), `${node.name}: unknown parameter "${parameter}"`);
				for (const credential of Object.keys(node.credentials ?? {})) {
					assert.ok(credential in loader.credentialTypes, `${node.name}: unknown credential ${credential}`);
				}
			} else {
				assert.ok(N8N_BASE_NODES.has(node.type), `${node.name}: ${node.type} is one of n8n's base nodes`);
			}
		}
		const fed = new Set(Object.values(example.connections).flatMap((outputs) => Object.values(outputs).flat(2).map((c) => c?.node)));
		for (const name of fed) assert.ok(example.nodes.some((node) => node.name === name), `connection to unknown node ${name}`);

		const nodes = example.nodes.map((node): INode =>
			node.type.startsWith(`${PACKAGE_NAME}.`)
				? node
				: { ...node, type: fed.has(node.name) ? 'harness.noOp' : 'harness.start', typeVersion: 1, parameters: {}, credentials: undefined },
		);
		const result = await runWorkflow(
			{ nodes, connections: example.connections },
			{
				credentials: {
					amazonAppstoreReportingApi: { ...EMULATOR_APPSTORE_CLIENT, environment: 'custom', tokenUrl: emulator.tokenUrl, apiBaseUrl: emulator.baseUrl },
					amazonSellingPartnerApi: { ...EMULATOR_SP_API_CLIENT, region: 'na', environment: 'custom', tokenUrl: emulator.tokenUrl, apiBaseUrl: emulator.baseUrl },
				},
			},
		);
		assert.equal(result.error, undefined, result.error?.message);
		for (const node of example.nodes.filter((n) => n.type.startsWith(`${PACKAGE_NAME}.`))) {
			assert.ok(result.outputOf(node.name).length > 0, `${node.name} gave items`);
		}
	});
}
