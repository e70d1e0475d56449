// The example workflows: they import (every node type is ours or one of n8n's base nodes, every
// parameter of ours is known) and their Amazon part runs in the real engine against the emulator.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import type { INodeType } from 'n8n-workflow';

import type { AmazonEmulator } from '../emulator';
import { emulatorCredentials, startAmazonEmulator } from '../emulator';
import { loadPackage, PACKAGE_NAME } from './harness/engine';
import { fedNodes, isPackageNode, lastNode, readExamples, runExample } from './harness/examples';

// n8n's own nodes the examples use; they are not installed here, so they are known by name.
const N8N_BASE_NODES = new Set([
	'n8n-nodes-base.scheduleTrigger',
	'n8n-nodes-base.googleSheets',
	'n8n-nodes-base.googleDrive',
	'n8n-nodes-base.slack',
	'n8n-nodes-base.if',
	'n8n-nodes-base.emailSend',
]);

let emulator: AmazonEmulator;
before(async () => {
	emulator = await startAmazonEmulator({ settlements: true });
});
after(async () => {
	await emulator.close();
});

for (const example of readExamples()) {
	test(`examples/${example.file} imports and runs against the emulator`, async () => {
		const { loader } = await loadPackage();
		for (const node of example.nodes) {
			if (!isPackageNode(node)) {
				assert.ok(N8N_BASE_NODES.has(node.type), `${node.name}: ${node.type} is one of n8n's base nodes`);
				continue;
			}
			const type = loader.nodeTypes[node.type.slice(PACKAGE_NAME.length + 1)]?.type as INodeType | undefined;
			assert.ok(type, `${node.type} is in the package`);
			const known = new Set(type.description.properties.map((property) => property.name));
			// Polling triggers get n8n's poll interval parameter from the editor.
			if (type.description.polling) known.add('pollTimes');
			for (const parameter of Object.keys(node.parameters)) assert.ok(known.has(parameter), `${node.name}: unknown parameter "${parameter}"`);
			for (const credential of Object.keys(node.credentials ?? {})) assert.ok(credential in loader.credentialTypes, `${node.name}: unknown credential ${credential}`);
		}
		for (const name of fedNodes(example.connections)) {
			assert.ok(example.nodes.some((node) => node.name === name), `connection to unknown node ${name}`);
		}

		const result = await runExample(example, emulatorCredentials(emulator));
		assert.equal(result.error, undefined, result.error?.message);
		const last = lastNode(example);
		assert.ok(last && result.outputOf(last.name).length > 0, 'the last step receives items');
	});
}
