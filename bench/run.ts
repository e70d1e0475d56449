// npm run bench: speed and memory of the report pipeline on large files, stage by stage as the
// nodes run it (unzip or gunzip → decode → parse → shape), fed in 64 KiB chunks like a download.
import { createReadStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { gzipSync, zipSync } from 'fflate';

import { encodeText } from '../emulator/encodings';
import { parseReportFile } from '../nodes/AmazonAppstoreReports/readReport';
import { salesReport } from '../nodes/AmazonAppstoreReports/reports/sales';
import { gunzipIfCompressed } from '../nodes/shared/pipeline/decompress';
import { decodeText } from '../nodes/shared/pipeline/decode';
import { parseDelimited } from '../nodes/shared/pipeline/parseDelimited';
import { sellerFeedbackReport } from '../nodes/AmazonSellingPartnerReports/reports/sellerFeedback';
import { marketplaceById } from '../nodes/AmazonSellingPartnerReports/marketplaces';

const CHUNK = 64 * 1024;

/** The file as a download delivers it: 64 KiB chunks, never the whole file in memory. */
async function* chunked(path: string): AsyncIterable<Uint8Array> {
	yield* createReadStream(path, { highWaterMark: CHUNK }) as AsyncIterable<Uint8Array>;
}

function salesCsv(rows: number): string {
	const header =
		'Marketplace,Country/Region Code,Invoice Id,Transaction ID,Purchaser Id,Transaction Time,Transaction Type,Adjustment,ASIN,Vendor SKU,Title,Item Name,Item Type,In-App Subscription Term,In-App Subscription Status (Trial / Paid),Units,Usage Time,Marketplace Currency,Sales Price (Marketplace Currency),Estimated Earnings (Marketplace Currency)';
	const lines = [header];
	for (let i = 0; i < rows; i++) {
		const refund = i % 17 === 0;
		lines.push(
			[
				'Amazon.de',
				'DE',
				`inv-${i}`,
				String(21854260140446 + i),
				`amzn1.account.P${i}`,
				`2025-03-${String((i % 28) + 1).padStart(2, '0')} 14:${String(i % 60).padStart(2, '0')}:07 CET`,
				refund ? 'Refund' : 'Charge',
				refund ? 'Yes' : 'No',
				'B0BENCHASIN',
				'com.example.game',
				i % 5 === 0 ? '"Größenwahn, das Spiel ""Deluxe"""' : 'Smashemup Truck Game',
				'Coins pack',
				'In-App',
				'',
				'',
				'1',
				'',
				'EUR',
				'4.99',
				refund ? '-3.49' : '3.49',
			].join(','),
		);
	}
	return lines.join('\r\n');
}

function feedbackTsv(rows: number): string {
	const lines = ['Datum\tBewertung\tKommentare\tIhre Antwort\tBestellnummer\tE-Mail-Adresse des Bewerters'];
	for (let i = 0; i < rows; i++) {
		lines.push(`${String((i % 28) + 1).padStart(2, '0')}.03.25\t${(i % 3) + 1}\tLieferung verspätet – 25 € zu teuer\t\t302-${1000000 + i}-1234567\tbuyer${i}@example.com`);
	}
	return lines.join('\r\n');
}

interface Result {
	case: string;
	fileMiB: number;
	compressedMiB: number;
	rows: number;
	seconds: number;
	rowsPerSecond: number;
	/** Most heap and buffer memory in use during the run, above what was in use before it. */
	peakMemoryAddedMiB: number;
	/** Heap still used after the run: mostly the items themselves. */
	itemsHeapMiB: number;
}

async function measure(name: string, fileBytes: number, path: string, work: () => Promise<number>): Promise<Result> {
	global.gc?.();
	// JS heap plus buffers: what the pipeline allocates (RSS rarely shrinks, so it cannot show this).
	const used = () => {
		const memory = process.memoryUsage();
		return memory.heapUsed + memory.external;
	};
	const baseline = process.memoryUsage();
	const baselineUsed = used();
	let peak = baselineUsed;
	const sampler = setInterval(() => (peak = Math.max(peak, used())), 5);
	const started = process.hrtime.bigint();
	const rows = await work();
	const seconds = Number(process.hrtime.bigint() - started) / 1e9;
	clearInterval(sampler);
	peak = Math.max(peak, used());
	const mib = (n: number) => Math.round((n / 1048576) * 10) / 10;
	return {
		case: name,
		fileMiB: mib(fileBytes),
		compressedMiB: mib(statSync(path).size),
		rows,
		seconds: Math.round(seconds * 100) / 100,
		rowsPerSecond: Math.round(rows / seconds),
		peakMemoryAddedMiB: mib(peak - baselineUsed),
		itemsHeapMiB: mib(process.memoryUsage().heapUsed - baseline.heapUsed),
	};
}

async function main() {
	const rows = Number(process.env.BENCH_ROWS ?? 200_000);
	const results: Result[] = [];
	const folder = mkdtempSync(join(tmpdir(), 'amazon-reports-bench-'));

	// The test files are made first and written to disk, so the measured runs hold none of them.
	const zipPath = join(folder, 'sales_2025_03.zip');
	const csvBytes = (() => {
		const csv = new TextEncoder().encode(salesCsv(rows));
		writeFileSync(zipPath, zipSync({ 'sales_2025_03.csv': csv }));
		return csv.length;
	})();
	const gzPath = join(folder, 'feedback.tsv.gz');
	const tsvBytes = (() => {
		const tsv = encodeText(feedbackTsv(rows), 'Cp1252');
		writeFileSync(gzPath, gzipSync(tsv));
		return tsv.length;
	})();

	let kept: unknown[] = [];
	results.push(
		await measure(`Appstore sales: ZIP → CSV → items (${rows} rows)`, csvBytes, zipPath, async () => {
			const { records } = await parseReportFile(chunked(zipPath), salesReport, '2025-03');
			kept = records;
			return records.length;
		}),
	);
	kept = [];

	const context = { marketplace: marketplaceById('A1PA6795UKMFR9'), marketplaceIds: ['A1PA6795UKMFR9'], output: 'rows' };
	results.push(
		await measure(`SP feedback: gzip → Cp1252 TSV → items (${rows} rows)`, tsvBytes, gzPath, async () => {
			let header: string[] | undefined;
			const items: unknown[] = [];
			for await (const cells of parseDelimited(decodeText(gunzipIfCompressed(chunked(gzPath)), 'Cp1252'), { delimiter: '\t' })) {
				if (!header) header = cells;
				else items.push(sellerFeedbackReport.shapeRow(cells, header, context));
			}
			kept = items;
			return items.length;
		}),
	);
	void kept;
	rmSync(folder, { recursive: true, force: true });

	console.table(results);
	console.log('Memory is measured from a baseline taken after the test files were written to disk; items are kept, as a node keeps them.');
}

void main();
