// npm run bench: the nodes inside n8n-core's engine against the emulator, on real-size reports, and
// in the same run the floor a user would otherwise build on: unzip/gunzip + csv-parse into objects
// (columns: true), no n8n. Each case runs in a process of its own (honest peak RSS), three times,
// in rounds with its floor; the fastest run counts. Times are shown as ratios to the floor,
// since this machine is noisy; absolute seconds are there for context.
import { execFileSync, spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

import type { IDataObject } from 'n8n-workflow';

import { ordersGzFile, salesZipFile } from './fixtures';

const ROOT = join(__dirname, '..');
const SIZES = (process.env.BENCH_ROWS ?? '100000,1000000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** Only the Appstore or only the Selling Partner cases: BENCH_ONLY=appstore | sp. */
const ONLY = process.env.BENCH_ONLY;
const APPSTORE = 'n8n-nodes-amazon-reports.amazonAppstore';
const SELLING_PARTNER = 'n8n-nodes-amazon-reports.amazonSellingPartner';

// Each size is a month of its own (Appstore) and a report type of its own (Selling Partner).
const monthFor = (rows: number) => `2025-${String(1 + SIZES.indexOf(rows)).padStart(2, '0')}`;
const ORDER_TYPES = ['GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL', 'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_LAST_UPDATE_GENERAL'];
const orderTypeFor = (rows: number) => ORDER_TYPES[SIZES.indexOf(rows) % ORDER_TYPES.length];

interface Measured {
	seconds: number;
	/** The node alone, without the engine's handling of its items afterwards. */
	nodeSeconds: number;
	rows: number;
	error?: string;
	peakRssMb: number;
	baselineRssMb: number;
	longestBlockMs: number;
	longestBlockInNodeMs: number;
}

/** Totals per day and order status: price, quantity, average price (what a seller sends to a sheet each day). */
const ORDERS_SUMMARY: IDataObject = {
	returnRowsAs: 'summary',
	groupBy: { field: [{ field: 'purchaseDate', bucket: 'day' }, { field: 'orderStatus', bucket: 'value' }] },
	aggregations: {
		value: [
			{ op: 'sum', field: 'itemPrice' },
			{ op: 'sum', field: 'quantity' },
			{ op: 'average', field: 'itemPrice' },
		],
	},
};

/** The pending merchant-fulfilled orders of one day: a few thousand rows of a million. */
const ORDERS_FILTER: IDataObject = {
	filterRows: {
		filter: {
			conditions: {
				condition: [
					{ field: 'purchaseDate', operator: 'equals', value: '2025-03-05' },
					{ field: 'fulfillmentChannel', operator: 'equals', value: 'Merchant' },
					{ field: 'orderStatus', operator: 'equals', value: 'Pending' },
				],
			},
			combine: 'and',
		},
	},
};

/** The rows ORDERS_FILTER keeps, from ordersLine's pattern: day (i % 28) + 1, Merchant when i % 3 is 0, Pending when i % 9 is 0. */
function ordersFilterRows(rows: number): number {
	let count = 0;
	for (let i = 0; i < rows; i++) if (i % 28 === 4 && i % 3 === 0 && i % 9 === 0) count++;
	return count;
}

function files(rows: number) {
	return { zip: salesZipFile(rows, monthFor(rows)), gz: ordersGzFile(rows) };
}

async function startEmulator(config: unknown) {
	const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'emulator.ts'), JSON.stringify(config)], {
		stdio: ['pipe', 'pipe', 'inherit'],
		cwd: ROOT,
	});
	const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
	const first = await lines.next();
	const { credentials } = JSON.parse(String(first.value)) as { credentials: Record<string, Record<string, string>> };
	return {
		credentials,
		async reset() {
			child.stdin.write('reset\n');
			await lines.next();
		},
		stop() {
			child.stdin.end();
		},
	};
}

function runCase(spec: unknown): Measured {
	// BENCH_PROFILE=<folder>: each case also writes a V8 CPU profile there (open it in Chrome's DevTools).
	const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
	const output = execFileSync(process.execPath, [...profile, '--expose-gc', '--max-old-space-size=8192', '--import', 'tsx', join(__dirname, 'case.ts'), JSON.stringify(spec)], {
		cwd: ROOT,
		encoding: 'utf8',
		env: { ...process.env, N8N_LOG_LEVEL: 'silent' },
		maxBuffer: 16 * 1024 * 1024,
	});
	const result = JSON.parse(output.trim().split('\n').pop() as string) as Measured;
	if (result.error) throw new Error(`bench case failed: ${result.error}`);
	return result;
}

async function main(): Promise<void> {
	console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}`);
	const prepared = Object.fromEntries(SIZES.map((rows) => [rows, files(rows)]));
	const emulator = await startEmulator({
		sales: Object.fromEntries(SIZES.map((rows) => [monthFor(rows), prepared[rows].zip])),
		documents: Object.fromEntries(SIZES.map((rows) => [orderTypeFor(rows), prepared[rows].gz])),
	});
	const { credentials } = emulator;
	const table: Array<Record<string, string | number>> = [];
	const row = (name: string, rows: number, mib: number, measured: Measured, floor: Measured) =>
		table.push({
			case: name,
			rows,
			'file MB': mib,
			seconds: Math.round(measured.seconds * 100) / 100,
			'node s': Math.round(measured.nodeSeconds * 100) / 100,
			'× floor': Math.round((measured.seconds / floor.seconds) * 100) / 100,
			'peak RSS MB': measured.peakRssMb,
			'longest block ms (node / all)': `${measured.longestBlockInNodeMs} / ${measured.longestBlockMs}`,
		});

	interface BenchCase {
		name: string;
		/** The name of the floor this case is compared with (a floor names itself). */
		floor: string;
		mib: number;
		spec: unknown;
		/** Rows the case must end with, when not every row of the file (a filter). */
		rows?: number;
	}
	for (const rows of SIZES) {
		const { zip, gz } = prepared[rows];
		const zipMb = Math.round(statSync(zip).size / 1048576);
		const gzMb = Math.round(statSync(gz).size / 1048576);
		const csvFloor = 'floor: unzip + csv-parse (columns: true)';
		const tsvFloor = 'floor: gunzip + csv-parse (quote: false, columns: true)';
		const appstore = (output: string) => ({
			kind: 'node',
			type: APPSTORE,
			// The engine saves nothing here: the item limit (made for what a real n8n saves) is off.
			parameters: { operation: 'getSalesReport', period: 'month', month: monthFor(rows), output, options: { maxItemsMegabytes: 0 } },
			credentials,
		});
		const cases: BenchCase[] = [];
		if (ONLY !== 'sp') {
			cases.push(
				{ name: csvFloor, floor: csvFloor, mib: zipMb, spec: { kind: 'floor-zip-csv', file: zip } },
				{ name: 'Amazon Appstore: Get Sales Report, rows', floor: csvFloor, mib: zipMb, spec: appstore('rows') },
				{ name: 'Amazon Appstore: Get Sales Report, summary', floor: csvFloor, mib: zipMb, spec: appstore('summary') },
			);
		}
		if (ONLY !== 'appstore') {
			const orders = (extra: IDataObject, rowsIn?: string) => ({
				kind: 'node',
				type: SELLING_PARTNER,
				parameters: { resource: 'report', operation: 'get', reportType: orderTypeFor(rows), marketplaceIds: ['ATVPDKIKX0DER'], options: { reuseWithinMinutes: 0, maxItemsMegabytes: 0 }, ...extra },
				credentials,
				rowsIn,
			});
			cases.push(
				{ name: tsvFloor, floor: tsvFloor, mib: gzMb, spec: { kind: 'floor-gzip-tsv', file: gz } },
				{ name: 'Amazon Selling Partner: Get (orders, typed)', floor: tsvFloor, mib: gzMb, spec: orders({}) },
				{ name: 'Amazon Selling Partner: Get (orders), Summary per Group', floor: tsvFloor, mib: gzMb, spec: orders(ORDERS_SUMMARY, 'count') },
				{ name: 'Amazon Selling Partner: Get (orders), Filter Rows', floor: tsvFloor, mib: gzMb, spec: orders(ORDERS_FILTER), rows: ordersFilterRows(rows) },
			);
		}
		// Rounds of every case in turn, floors included, so a slow spell of this shared machine
		// falls on the floor and the nodes alike; each case's fastest round counts.
		const fastest = new Map<string, Measured>();
		for (let round = 0; round < RUNS; round++) {
			for (const benchCase of cases) {
				await emulator.reset();
				const result = runCase(benchCase.spec);
				const expected = benchCase.rows ?? rows;
				if (result.rows !== expected) throw new Error(`${benchCase.name}: ${result.rows} rows instead of ${expected}`);
				const before = fastest.get(benchCase.name);
				if (!before || result.seconds < before.seconds) fastest.set(benchCase.name, { ...result, peakRssMb: Math.max(result.peakRssMb, before?.peakRssMb ?? 0) });
				else before.peakRssMb = Math.max(before.peakRssMb, result.peakRssMb);
			}
		}
		for (const benchCase of cases) {
			row(benchCase.name, rows, benchCase.mib, fastest.get(benchCase.name) as Measured, fastest.get(benchCase.floor) as Measured);
		}
	}
	emulator.stop();
	console.table(table);
	console.log(
		'× floor: seconds relative to the floor of the same size, in this run. Peak RSS: the whole process (n8n-core loaded). Longest block: the longest time the event loop was blocked while the node ran / over the whole run (the rest is n8n-core handling the items).',
	);
}

void main();
