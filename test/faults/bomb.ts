// One hostile document in a process of its own, so its memory and event-loop figures are its own:
// `node --import tsx test/faults/bomb.ts <case>`. Starts an emulator, builds the document, runs a
// normal report first (the baseline), then the node on the hostile one through the harness's
// runNode. Prints one JSON line: seconds, peak RSS, growth over the normal run, longest block.
import type { IDataObject } from 'n8n-workflow';

import { emulatorCredentials, startAmazonEmulator } from '../../emulator';
import type { AmazonEmulator } from '../../emulator';
import { APPSTORE, SELLING_PARTNER, US } from '../harness/amazon';
import { runNode } from '../harness/engine';
import { deflateBomb, GiB, gzipBomb, MiB, zipBomb } from './documents';

interface BombCase {
	/** Puts the hostile document in place; returns the node and parameters that read it. */
	prepare(emulator: AmazonEmulator): { type: string; parameters: IDataObject; compressedBytes: number };
}

const feedback = { operation: 'get', reportType: 'GET_SELLER_FEEDBACK_DATA', marketplaceIds: [US] };

const CASES: Record<string, BombCase> = {
	// 10 GiB of one endless line, gzipped to about 10 MB, as a Selling Partner document.
	gzip: {
		prepare(emulator) {
			const bytes = gzipBomb(10 * GiB, 'a');
			emulator.spApi.serve('GET_SELLER_FEEDBACK_DATA', { text: '', bytes, compression: 'GZIP' });
			return { type: SELLING_PARTNER, parameters: feedback, compressedBytes: bytes.length };
		},
	},
	// A sales report's header, then 10 GiB of line breaks, deflated into a ZIP of about 10 MB.
	zip: {
		prepare(emulator) {
			const head = 'Marketplace,Transaction ID,Transaction Time,Units\r\n';
			const zip = zipBomb('sales_2025_03.csv', deflateBomb(head, 10 * GiB, '\n'), 10 * GiB + head.length);
			emulator.appstore.setReport('sales', '2025-03', { zip });
			return { type: APPSTORE, parameters: { operation: 'getSalesReport', period: 'month', month: '2025-03' }, compressedBytes: zip.length };
		},
	},
	// 200 MB without a line break, plain (not gzipped), as a Selling Partner flat file.
	longLine: {
		prepare(emulator) {
			const bytes = Buffer.alloc(200 * 1000 * 1000, 'x');
			// A report made on a schedule: the emulator stores (and hashes) the 200 MB now, not during the run.
			const reportId = emulator.spApi.addScheduledReport({
				reportType: 'GET_SELLER_FEEDBACK_DATA',
				marketplaceIds: [US],
				document: { text: '', bytes, compression: 'none' },
			});
			return { type: SELLING_PARTNER, parameters: { resource: 'report', operation: 'download', reportId }, compressedBytes: bytes.length };
		},
	},
};

/** The longest the event loop went without running a 10 ms timer, and the highest RSS seen by it. */
function meter() {
	let last = performance.now();
	let longestBlockMs = 0;
	let sampledPeakRss = process.memoryUsage.rss();
	const timer = setInterval(() => {
		const now = performance.now();
		longestBlockMs = Math.max(longestBlockMs, now - last - 10);
		last = now;
		sampledPeakRss = Math.max(sampledPeakRss, process.memoryUsage.rss());
	}, 10);
	return () => {
		clearInterval(timer);
		longestBlockMs = Math.max(longestBlockMs, performance.now() - last - 10);
		return { longestBlockMs: Math.round(longestBlockMs), sampledPeakRss };
	};
}

/** How long a run may take before it counts as hung. */
const WATCHDOG_MS = 30_000;

const maxRss = () => process.resourceUsage().maxRSS * 1024;
const mb = (bytes: number) => Math.round(bytes / MiB);

async function main(): Promise<void> {
	const name = process.argv[2];
	const bombCase = CASES[name];
	if (!bombCase) throw new Error(`Unknown case "${name}"; cases: ${Object.keys(CASES).join(', ')}`);
	const emulator = await startAmazonEmulator();
	const credentials = emulatorCredentials(emulator);
	const { type, parameters, compressedBytes } = bombCase.prepare(emulator);

	// A normal report first: the package and engine loaded, the baseline the bomb is measured against.
	const normal = await runNode({
		type: APPSTORE,
		parameters: { operation: 'getSalesReport', period: 'month', month: '2025-01' },
		credentials,
	});
	if (normal.error || !normal.items.length) throw new Error(`The normal run failed: ${normal.error?.message}`);
	const normalPeakRss = maxRss();
	const normalRss = process.memoryUsage.rss();

	const s3Before = emulator.requests.filter((request) => request.path.startsWith('/s3/')).length;
	const stop = meter();
	const started = performance.now();
	// A run that never ends is reported as such, with the figures up to then.
	let watchdog: NodeJS.Timeout | undefined;
	const hung = new Promise<undefined>((done) => (watchdog = setTimeout(() => done(undefined), WATCHDOG_MS)));
	const result = await Promise.race([runNode({ type, parameters, credentials }), hung]);
	clearTimeout(watchdog);
	const seconds = (performance.now() - started) / 1000;
	const { longestBlockMs, sampledPeakRss } = stop();
	const peakRss = Math.max(maxRss(), sampledPeakRss);
	const s3 = emulator.requests.filter((request) => request.path.startsWith('/s3/')).length - s3Before;
	if (result) await emulator.close();
	process.stdout.write(
		`${JSON.stringify({
			case: name,
			hung: !result,
			compressedMb: Math.round((compressedBytes / MiB) * 10) / 10,
			seconds: Math.round(seconds * 100) / 100,
			items: result?.items.length ?? 0,
			error: result?.error ? { message: result.error.message, description: result.error.description } : null,
			normalPeakRssMb: mb(normalPeakRss),
			normalRssMb: mb(normalRss),
			peakRssMb: mb(peakRss),
			// What the hostile document added to the peak of the normal run.
			growthMb: mb(Math.max(0, peakRss - Math.max(normalPeakRss, normalRss))),
			longestBlockMs,
			s3Downloads: s3,
		})}\n`,
	);
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
		process.exit(1);
	},
);
