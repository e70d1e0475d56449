// npm run bench: speed and memory of the report pipeline on large files, stage by stage as the
// nodes run it (unzip or gunzip → decode → parse → shape), fed in 64 KiB chunks like a download.
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

async function* chunked(bytes: Uint8Array): AsyncIterable<Uint8Array> {
	for (let offset = 0; offset < bytes.length; offset += CHUNK) yield bytes.subarray(offset, offset + CHUNK);
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
	rows: number;
	seconds: number;
	rowsPerSecond: number;
	peakRssMiB: number;
	heapAfterMiB: number;
}

async function measure(name: string, fileBytes: number, work: () => Promise<number>): Promise<Result> {
	global.gc?.();
	let peak = process.memoryUsage().rss;
	const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
	const started = process.hrtime.bigint();
	const rows = await work();
	const seconds = Number(process.hrtime.bigint() - started) / 1e9;
	clearInterval(sampler);
	peak = Math.max(peak, process.memoryUsage().rss);
	const mib = (n: number) => Math.round((n / 1048576) * 10) / 10;
	return {
		case: name,
		fileMiB: mib(fileBytes),
		rows,
		seconds: Math.round(seconds * 100) / 100,
		rowsPerSecond: Math.round(rows / seconds),
		peakRssMiB: mib(peak),
		heapAfterMiB: mib(process.memoryUsage().heapUsed),
	};
}

async function main() {
	const rows = Number(process.env.BENCH_ROWS ?? 200_000);
	const results: Result[] = [];

	const csv = new TextEncoder().encode(salesCsv(rows));
	const zip = zipSync({ 'sales_2025_03.csv': csv });
	results.push(
		await measure(`Appstore sales: ZIP → CSV → items (${rows} rows)`, csv.length, async () => {
			const { records } = await parseReportFile(chunked(zip), salesReport, '2025-03');
			return records.length;
		}),
	);

	const tsv = encodeText(feedbackTsv(rows), 'Cp1252');
	const gz = gzipSync(tsv);
	const context = { marketplace: marketplaceById('A1PA6795UKMFR9'), marketplaceIds: ['A1PA6795UKMFR9'], output: 'rows' };
	results.push(
		await measure(`SP feedback: gzip → Cp1252 TSV → items (${rows} rows)`, tsv.length, async () => {
			let header: string[] | undefined;
			let count = 0;
			for await (const cells of parseDelimited(decodeText(gunzipIfCompressed(chunked(gz)), 'Cp1252'), { delimiter: '\t' })) {
				if (!header) header = cells;
				else if (sellerFeedbackReport.shapeRow(cells, header, context)) count++;
			}
			return count;
		}),
	);

	console.table(results);
	console.log('Peak RSS includes the test data itself (the uncompressed file is built in memory first).');
}

void main();
