// npm start: the example workflows, run by n8n's real engine against the built-in Amazon, and
// what each one's last step (Slack, Google Sheets, email) would receive.
import { inspect } from 'node:util';

import { emulatorCredentials, startAmazonEmulator } from '../emulator';
import { isPackageNode, lastNode, readExamples, runExample } from '../test/harness/examples';

const SHOW_ITEMS = 2;

async function main(): Promise<void> {
	const emulator = await startAmazonEmulator({ settlements: true });
	console.log(`Built-in Amazon emulator on ${emulator.baseUrl} (no Amazon account needed)\n`);
	const credentials = emulatorCredentials(emulator);
	let failures = 0;
	for (const example of readExamples()) {
		console.log(`━━ ${example.name}  (examples/${example.file})`);
		const started = Date.now();
		const result = await runExample(example, credentials);
		if (result.error) {
			failures++;
			console.log(`   ✗ ${result.error.nodeName ?? 'workflow'}: ${result.error.message}\n     ${result.error.description ?? ''}\n`);
			continue;
		}
		for (const node of example.nodes.filter(isPackageNode)) {
			const items = result.outputOf(node.name);
			const how = result.triggerItems !== undefined && items.length === result.triggerItems ? ' (trigger, "Fetch test event")' : '';
			console.log(`   ${node.name}${how}: ${items.length} item(s), ${Date.now() - started} ms`);
			for (const item of items.slice(0, SHOW_ITEMS)) {
				console.log(indent(inspect(item.json, { depth: 1, colors: process.stdout.isTTY, breakLength: 120, maxArrayLength: 4 })));
			}
			if (items.length > SHOW_ITEMS) console.log(`     … and ${items.length - SHOW_ITEMS} more`);
		}
		const last = lastNode(example);
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
