// One benchmark case in a process of its own (so its peak RSS is its own): the node in n8n-core's
// engine against the bench's emulator, or the floor (unzip/gunzip + csv-parse into objects, no n8n).
// Prints one JSON line: seconds, peak RSS, longest event-loop block, rows.
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { gunzipSync } from 'node:zlib';

import { parse } from 'csv-parse/sync';
import { unzipSync } from 'fflate';

import type { IDataObject } from 'n8n-workflow';

import { loadPackage, NODE_UNDER_TEST, runNode } from '../test/harness/engine';

interface Case {
	kind: 'floor-zip-csv' | 'floor-gzip-tsv' | 'node';
	file?: string;
	type?: string;
	parameters?: IDataObject;
	credentials?: Record<string, Record<string, string>>;
	/** Rows read, for a summary: the sum of this field over its items (Summary per Group's count). */
	rowsIn?: string;
}

/** Event-loop blocks: the longest, and the longest while the node ran (the engine's own work after it is separate). */
function blockMeter() {
	let last = performance.now();
	let longest = 0;
	let longestInNode = 0;
	let inNode = false;
	let nodeStarted = 0;
	let nodeSeconds = 0;
	const timer = setInterval(() => {
		const now = performance.now();
		const block = now - last - 5;
		last = now;
		longest = Math.max(longest, block);
		if (inNode) longestInNode = Math.max(longestInNode, block);
	}, 5);
	return {
		node: (event: 'before' | 'after', name: string) => {
			if (name !== NODE_UNDER_TEST) return;
			// The block that ends the node (its last synchronous step) still counts as the node's.
			if (event === 'after') {
				longestInNode = Math.max(longestInNode, performance.now() - last - 5);
				nodeSeconds = (performance.now() - nodeStarted) / 1000;
			} else {
				nodeStarted = performance.now();
			}
			inNode = event === 'before';
		},
		stop: () => {
			clearInterval(timer);
			return { longestMs: Math.round(longest), longestInNodeMs: Math.round(longestInNode), nodeSeconds };
		},
	};
}

async function main(): Promise<void> {
	const spec = JSON.parse(process.argv[2]) as Case;
	if (spec.kind === 'node') await loadPackage();
	global.gc?.();
	const baselineRss = process.memoryUsage().rss;
	const histogram = monitorEventLoopDelay({ resolution: 10 });
	histogram.enable();
	const blocks = blockMeter();
	const started = performance.now();
	let rows = 0;
	let error: string | undefined;
	if (spec.kind === 'floor-zip-csv') {
		const entries = unzipSync(readFileSync(spec.file as string));
		const csv = Object.entries(entries).find(([name]) => name.endsWith('.csv'))?.[1] as Uint8Array;
		rows = (parse(Buffer.from(csv), { columns: true, bom: true, relax_column_count: true, relax_quotes: true }) as unknown[]).length;
	} else if (spec.kind === 'floor-gzip-tsv') {
		const tsv = gunzipSync(readFileSync(spec.file as string));
		rows = (parse(tsv, { columns: true, delimiter: '\t', quote: false, relax_column_count: true }) as unknown[]).length;
	} else {
		const result = await runNode({
			type: spec.type as string,
			parameters: spec.parameters ?? {},
			credentials: spec.credentials,
			onNode: blocks.node,
		});
		error = result.error?.message;
		rows = result.items.length;
		const first = result.items[0]?.json;
		const rowsIn = spec.rowsIn;
		if (rowsIn) rows = result.items.reduce((sum, item) => sum + Number(item.json[rowsIn] ?? 0), 0);
		else if (first && rows === 1) rows = Number(first.transactions ?? 1);
	}
	const seconds = (performance.now() - started) / 1000;
	const { longestMs, longestInNodeMs, nodeSeconds } = blocks.stop();
	histogram.disable();
	process.stdout.write(
		`${JSON.stringify({
			seconds,
			nodeSeconds: spec.kind === 'node' ? nodeSeconds : seconds,
			rows,
			error,
			peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
			baselineRssMb: Math.round(baselineRss / 1048576),
			longestBlockMs: longestMs,
			longestBlockInNodeMs: spec.kind === 'node' ? longestInNodeMs : longestMs,
		})}\n`,
	);
}

void main().then(() => process.exit(0));
