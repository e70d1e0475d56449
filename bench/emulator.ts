// The benchmark's Amazon, in a process of its own so the measured process holds only what the
// node holds. Serves the big files the bench made: argv[2] is JSON
// { sales: { 'YYYY-MM': zipPath }, documents: { REPORT_TYPE: gzipPath }, dataKiosk?: gzipPath }
// (dataKiosk: the JSONL document of the next analytics query, after each reset).
import { readFileSync } from 'node:fs';

import { emulatorCredentials, startAmazonEmulator } from '../emulator';

async function main(): Promise<void> {
	const files = JSON.parse(process.argv[2] ?? '{}') as { sales?: Record<string, string>; documents?: Record<string, string>; dataKiosk?: string };
	const dataKiosk = files.dataKiosk ? readFileSync(files.dataKiosk) : undefined;
	const emulator = await startAmazonEmulator();
	const load = () => {
		// Reports are ready at the first status check: the bench measures the pipeline, not Amazon's queue.
		emulator.spApi.pollsUntilDone = 1;
		for (const [month, path] of Object.entries(files.sales ?? {})) emulator.appstore.setReport('sales', month, { zip: readFileSync(path) });
		for (const [reportType, path] of Object.entries(files.documents ?? {})) {
			emulator.spApi.serve(reportType, { text: '', bytes: readFileSync(path), compression: 'GZIP', charset: 'UTF-8' });
		}
		if (dataKiosk) emulator.dataKiosk.queueOutcome({ status: 'DONE', pollsUntilDone: 1, document: { bytes: dataKiosk } });
	};
	load();
	// Rate limits as Amazon's, but refilled between cases: each case starts from a fresh Amazon.
	process.stdin.on('data', (line) => {
		if (String(line).includes('reset')) {
			emulator.reset();
			load();
			process.stdout.write('ready\n');
		}
	});
	process.stdin.on('end', () => void emulator.close().then(() => process.exit(0)));
	process.stdout.write(`${JSON.stringify({ credentials: emulatorCredentials(emulator) })}\n`);
}

void main();
