// npm start: the example workflows, run by n8n's real engine against the built-in Amazon.
// Amazon nodes run as they would in n8n; other n8n nodes (schedule, Google Sheets, Slack, IF) are
// not part of this package, so the trigger becomes a start node and the rest pass items on,
// and the script prints what the last step would receive.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { inspect } from 'node:util';

import type { IConnections, INode } from 'n8n-workflow';

import { EMULATOR_APPSTORE_CLIENT, EMULATOR_SP_API_CLIENT, startAmazonEmulator } from '../emulator';
import { PACKAGE_NAME, runWorkflow } from '../test/harness/engine';

const EXAMPLES = join(__dirname, '..', 'examples');
const SHOW_ITEMS = 2;

async function main(): Promise<void> {
	const emulator = await startAmazonEmulator();
	console.log(`Built-in Amazon emulator on ${emulator.baseUrl} (no Amazon account needed)\n`);
	const credentials = {
		amazonAppstoreReportingApi: {
			...EMULATOR_APPSTORE_CLIENT,
			environment: 'custom',
			tokenUrl: emulator.tokenUrl,
			apiBaseUrl: emulator.appstoreApiBaseUrl,
		},
		amazonSellingPartnerApi: {
			...EMULATOR_SP_API_CLIENT,
			region: 'na',
			environment: 'custom',
			tokenUrl: emulator.tokenUrl,
			apiBaseUrl: emulator.spApiBaseUrl,
		},
	};
	let failures = 0;
	for (const file of readdirSync(EXAMPLES).filter((name) => name.endsWith('.json')).sort()) {
		const example = JSON.parse(readFileSync(join(EXAMPLES, file), 'utf8')) as { name: string; nodes: INode[]; connections: IConnections };
		console.log(`━━ ${example.name}  (examples/${file})`);
		const fed = new Set(Object.values(example.connections).flatMap((outputs) => Object.values(outputs).flat(2).map((c) => c?.node)));
		const nodes = example.nodes.map((node): INode => {
			if (node.type.startsWith(`${PACKAGE_NAME}.`)) return node;
			return { ...node, type: fed.has(node.name) ? 'harness.noOp' : 'harness.start', typeVersion: 1, parameters: {}, credentials: undefined };
		});
		const started = Date.now();
		const result = await runWorkflow({ nodes, connections: example.connections }, { credentials });
		if (result.error) {
			failures++;
			console.log(`   ✗ ${result.error.nodeName ?? 'workflow'}: ${result.error.message}\n     ${result.error.description ?? ''}\n`);
			continue;
		}
		for (const node of example.nodes.filter((n) => n.type.startsWith(`${PACKAGE_NAME}.`))) {
			const items = result.outputOf(node.name);
			console.log(`   ${node.name}: ${items.length} item(s) in ${Date.now() - started} ms`);
			for (const item of items.slice(0, SHOW_ITEMS)) {
				console.log(indent(inspect(item.json, { depth: 1, colors: process.stdout.isTTY, breakLength: 120, maxArrayLength: 4 })));
			}
			if (items.length > SHOW_ITEMS) console.log(`     … and ${items.length - SHOW_ITEMS} more`);
		}
		const last = example.nodes.find((node) => !Object.keys(example.connections).includes(node.name));
		if (last) {
			const received = result.outputOf(last.name);
			console.log(`   → "${last.name}" (${last.type.replace('n8n-nodes-base.', '')}) would receive ${received.length} item(s)`);
			const text = received[0]?.json.text;
			if (typeof text === 'string') console.log(indent(text, '     │ '));
		}
		console.log('');
	}
	await emulator.close();
	if (failures) process.exitCode = 1;
}

function indent(text: string, prefix = '     '): string {
	return text
		.split('\n')
		.map((line) => prefix + line)
		.join('\n');
}

void main();
