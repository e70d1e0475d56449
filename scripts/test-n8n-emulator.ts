// The built-in Amazon emulator for scripts/test-n8n.mjs: listens on EMULATOR_PORT (0 = any free
// port) and prints one JSON line with the credential values that point n8n at it.
// EMULATOR_BIG_REPORTS (JSON) adds generated big reports, made once into .bench-cache/:
// { "sales": { "2025-03": 1000000 }, "orders": { "GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL": 300000 },
//   "salesAndTraffic": 100000 }.
import { readFileSync } from 'node:fs';

import { ordersGzFile, salesZipFile } from '../bench/fixtures';
import { emulatorCredentials, startAmazonEmulator } from '../emulator';
import { salesAndTrafficReport } from '../nodes/AmazonSellingPartner/reports/salesAndTraffic.report';

interface BigReports {
	/** Sales months of the Appstore, by month: rows. */
	sales?: Record<string, number>;
	/** Selling Partner orders flat files, by report type: rows (every report of the type gets it). */
	orders?: Record<string, number>;
	/** A Sales and Traffic report (JSON) with this many per-ASIN entries. */
	salesAndTraffic?: number;
}

/** The registry's Sales and Traffic sample with `count` per-ASIN entries (ASINs and SKUs numbered). */
function salesAndTrafficDocument(count: number): string {
	const sample = JSON.parse(salesAndTrafficReport.sample.text) as { salesAndTrafficByAsin: Array<Record<string, unknown>> };
	const [entry] = sample.salesAndTrafficByAsin;
	sample.salesAndTrafficByAsin = Array.from({ length: count }, (_, i) => ({ ...entry, childAsin: `B0${String(i).padStart(8, '0')}`, sku: `SKU-${i}` }));
	return JSON.stringify(sample);
}

async function main(): Promise<void> {
	const emulator = await startAmazonEmulator({ port: Number(process.env.EMULATOR_PORT ?? 0), settlements: true });
	const big = JSON.parse(process.env.EMULATOR_BIG_REPORTS ?? '{}') as BigReports;
	for (const [month, rows] of Object.entries(big.sales ?? {})) emulator.appstore.setReport('sales', month, { zip: readFileSync(salesZipFile(rows, month)) });
	for (const [reportType, rows] of Object.entries(big.orders ?? {})) {
		emulator.spApi.serve(reportType, { text: '', bytes: readFileSync(ordersGzFile(rows)), compression: 'GZIP', charset: 'UTF-8' });
	}
	if (big.salesAndTraffic) {
		emulator.spApi.serve(salesAndTrafficReport.reportType, { text: salesAndTrafficDocument(big.salesAndTraffic), compression: 'GZIP', charset: 'UTF-8' });
	}
	console.log(JSON.stringify({ baseUrl: emulator.baseUrl, credentials: emulatorCredentials(emulator) }));
	const stop = () => void emulator.close().then(() => process.exit(0));
	process.on('SIGTERM', stop);
	process.on('SIGINT', stop);
}

void main();
