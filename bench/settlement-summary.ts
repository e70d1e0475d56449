// Summary per Settlement on a big settlement file (not part of `npm run bench`): the Amazon Selling
// Partner node's Download, Output "Summary per Settlement", in n8n-core's engine against the
// emulator, in a process of its own per run (honest peak RSS). Prints seconds, peak RSS, the longest
// event-loop block and a digest of the summary item, so two builds can be compared on the same file.
//
//   node scripts/build.mjs && node --import tsx bench/settlement-summary.ts [rows=1000000] [runs=2]
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { promisify } from 'node:util';

import { emulatorCredentials, startAmazonEmulator } from '../emulator';
import { loadPackage, runNode } from '../test/harness/engine';
import { settlementGzFile } from './fixtures';

const SETTLEMENT = 'GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2';
const SELLING_PARTNER = 'n8n-nodes-amazon-reports.amazonSellingPartner';

interface Run {
	reportId: string;
	credentials: Record<string, Record<string, string>>;
}

/** One run, in this (child) process: the node reads the settlement and gives its summary. */
async function child(run: Run): Promise<void> {
	await loadPackage();
	global.gc?.();
	const histogram = monitorEventLoopDelay({ resolution: 10 });
	histogram.enable();
	const started = performance.now();
	const result = await runNode({
		type: SELLING_PARTNER,
		parameters: { resource: 'report', operation: 'download', reportId: run.reportId, simplify: true, options: { settlementOutput: 'summary' } },
		credentials: run.credentials,
	});
	const seconds = (performance.now() - started) / 1000;
	histogram.disable();
	const summary = result.items.map((item) => item.json);
	// SETTLEMENT_SUMMARY_OUT=path keeps the items, to compare two builds field by field.
	if (process.env.SETTLEMENT_SUMMARY_OUT) writeFileSync(process.env.SETTLEMENT_SUMMARY_OUT, JSON.stringify(summary, null, 1));
	process.stdout.write(
		`${JSON.stringify({
			seconds: Math.round(seconds * 100) / 100,
			peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
			longestBlockMs: Math.round(histogram.max / 1e6),
			error: result.error?.message,
			items: summary.length,
			lines: summary[0]?.lines,
			orders: summary[0]?.orders,
			linesMatchTotal: summary[0]?.linesMatchTotal,
			digest: createHash('sha256').update(JSON.stringify(summary)).digest('hex').slice(0, 16),
		})}\n`,
	);
}

async function main(): Promise<void> {
	const rows = Number(process.argv[2] ?? 1_000_000);
	const runs = Number(process.argv[3] ?? 2);
	const file = settlementGzFile(rows);
	console.log(`${rows.toLocaleString('en-US')} settlement lines, ${Math.round(statSync(file).size / 1048576)} MB gzip`);
	const emulator = await startAmazonEmulator();
	const reportId = emulator.spApi.addScheduledReport({
		reportType: SETTLEMENT,
		marketplaceIds: ['ATVPDKIKX0DER'],
		document: { text: '', bytes: readFileSync(file), compression: 'GZIP', charset: 'UTF-8' },
	});
	const run: Run = { reportId, credentials: emulatorCredentials(emulator) };
	for (let index = 0; index < runs; index++) {
		// Asynchronously: the emulator serves the child from this process.
		const { stdout } = await promisify(execFile)(
			process.execPath,
			['--expose-gc', '--max-old-space-size=8192', '--import', 'tsx', join(__dirname, 'settlement-summary.ts'), 'child', JSON.stringify(run)],
			{ cwd: join(__dirname, '..'), env: { ...process.env, N8N_LOG_LEVEL: 'silent' }, maxBuffer: 16 * 1024 * 1024 },
		);
		console.log(stdout.trim().split('\n').pop());
	}
	await emulator.close();
}

if (process.argv[2] === 'child') void child(JSON.parse(process.argv[3]) as Run).then(() => process.exit(0));
else void main();
