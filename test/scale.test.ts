// Real-size reports through n8n-core's engine: 300,000 rows for the Appstore node, seller feedback,
// an orders report through Get, and both triggers. Counts, first and last rows; no timing (speed
// and memory are `npm run bench`'s job).
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { beforeEach, describe, test } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { buildZip } from '../emulator/zip';
import { ORDERS_HEADER, ordersLine, SALES_HEADER, salesLine } from '../bench/fixtures';
import {
	APPSTORE,
	APPSTORE_TRIGGER,
	EVERY_POLL,
	keptTrigger,
	monthsAgo,
	runAgainst,
	SELLING_PARTNER,
	SELLING_PARTNER_TRIGGER,
	US,
	useEmulator,
} from './harness/amazon';

const ROWS = 300_000;
/**
 * These runs read more rows as items than a real n8n can save (README "Big reports in n8n"): the
 * item limit is off, as for an n8n that saves no successful executions. big-reports.test.ts tests
 * the limit itself.
 */
const NO_ITEM_LIMIT = { maxItemsMegabytes: 0 };
const emulatorNow = useEmulator();
let emulator = emulatorNow();
beforeEach(() => {
	emulator = emulatorNow();
});

/** A sales month of `rows` lines as the Reporting API ships it, for `month` (dates moved into it). */
function salesMonth(month: string, lines: string[]): Uint8Array {
	const [year, mm] = month.split('-');
	const text = `${SALES_HEADER}\r\n${lines.map((line) => line.replace(/,03\/(\d\d)\/25 /, `,${mm}/$1/${year.slice(2)} `)).join('\r\n')}\r\n`;
	return buildZip([{ name: `sales_${month.replace('-', '_')}.csv`, content: text }]);
}

const salesLines = (from: number, count: number) => Array.from({ length: count }, (_, index) => salesLine(from + index));

describe(`${ROWS.toLocaleString('en-US')}-row reports`, () => {
	test('Amazon Appstore: every row, first and last right', async () => {
		emulator.appstore.setReport('sales', '2025-03', { zip: salesMonth('2025-03', salesLines(0, ROWS)) });
		const { items, error } = await runAgainst(emulator, APPSTORE, { operation: 'getSalesReport', period: 'month', month: '2025-03', options: NO_ITEM_LIMIT });
		assert.equal(error, undefined);
		assert.equal(items.length, ROWS);
		assert.equal(items[0].json.transactionId, '21854260140446');
		assert.equal(items[0].json.estimatedEarnings, -3.49, 'row 0 is a refund');
		assert.equal(items[ROWS - 1].json.transactionId, String(21854260140446 + ROWS - 1));
		assert.equal(items[ROWS - 1].json.title, 'Puzzle Quest');
		assert.equal(items[1].json.title, 'Truck Game, "Deluxe" Edition', 'quoted CSV field');
		assert.deepEqual(items[ROWS - 1].pairedItem, { item: 0 });
	});

	test('Amazon Appstore: a summary of the month, without keeping its rows', async () => {
		emulator.appstore.setReport('sales', '2025-03', { zip: salesMonth('2025-03', salesLines(0, ROWS)) });
		const { items } = await runAgainst(emulator, APPSTORE, { operation: 'getSalesReport', period: 'month', month: '2025-03', output: 'summary' });
		assert.equal(items.length, 1);
		const summary = items[0].json;
		const refunds = Math.ceil(ROWS / 17);
		assert.equal(summary.transactions, ROWS);
		assert.equal(summary.refunds, refunds);
		const usd = (summary.currencies as IDataObject[]).find((entry) => entry.currency === 'USD') as IDataObject;
		// Every 4th line is US: 4.99 sales price, 3.49 earnings (refunds −3.49, not sales).
		const usLines = salesLines(0, ROWS).filter((line) => line.startsWith('Amazon.com,'));
		const usRefunds = usLines.filter((line) => line.includes(',Refund,')).length;
		assert.equal(usd.sales, Math.round((usLines.length - usRefunds) * 4.99 * 100) / 100);
		assert.equal(usd.estimatedEarnings, Math.round((usLines.length - 2 * usRefunds) * 3.49 * 100) / 100);
		assert.match(String(summary.text), /300,000 transactions/);
	});

	test('Seller feedback: every row of a large flat file, typed', async () => {
		const day = (i: number) => `${(i % 12) + 1}/${(i % 28) + 1}/25`;
		const lines = ['Date\tRating\tComments\tYour Response\tOrder ID\tRater Email'];
		for (let i = 0; i < ROWS; i++) lines.push(`${day(i)}\t${(i % 3) + 1}\t"Late" delivery #${i}\t\t114-${String(i).padStart(7, '0')}-0000001\tb${i}@example.com`);
		emulator.spApi.queueOutcome('GET_SELLER_FEEDBACK_DATA', { status: 'DONE', document: { text: '', bytes: gzipSync(Buffer.from(lines.join('\n'))), compression: 'GZIP' } });
		const { items, error } = await runAgainst(emulator, SELLING_PARTNER, {
			resource: 'report',
			operation: 'get',
			reportType: 'GET_SELLER_FEEDBACK_DATA',
			marketplaceIds: [US],
			dataStartTime: new Date(Date.now() - 30 * 86_400_000).toISOString(),
		});
		assert.equal(error, undefined);
		assert.equal(items.length, ROWS);
		assert.deepEqual(items[0].json, {
			marketplaceId: US,
			date: '2025-01-01',
			rating: 1,
			comments: '"Late" delivery #0',
			response: null,
			orderId: '114-0000000-0000001',
			raterEmail: 'b0@example.com',
		});
		assert.equal(items[ROWS - 1].json.orderId, `114-${String(ROWS - 1).padStart(7, '0')}-0000001`);
	});

	test('Get on an orders report: every row, typed, codes kept as text', async () => {
		const text = `${ORDERS_HEADER.join('\t')}\n${Array.from({ length: ROWS }, (_, i) => ordersLine(i)).join('\n')}\n`;
		emulator.spApi.queueOutcome('GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL', {
			status: 'DONE',
			document: { text: '', bytes: gzipSync(Buffer.from(text)), compression: 'GZIP' },
		});
		const { items, error } = await runAgainst(emulator, SELLING_PARTNER, {
			resource: 'report',
			operation: 'get',
			reportType: 'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL',
			marketplaceIds: [US],
			options: NO_ITEM_LIMIT,
		});
		assert.equal(error, undefined);
		assert.equal(items.length, ROWS);
		const [first, last] = [items[0].json, items[ROWS - 1].json];
		assert.equal(first.amazonOrderId, '114-3941689-8772232');
		assert.equal(first.purchaseDate, '2025-03-01T00:00:07+00:00');
		assert.equal(first.quantity, 1);
		assert.equal(first.itemPrice, 19.98);
		assert.equal(first.shipPostalCode, '98100', 'postal codes stay text');
		assert.equal(first.isBusinessOrder, true);
		assert.equal(last.amazonOrderId, ordersLine(ROWS - 1).split('\t')[0]);
	});

	test('Report Ready trigger: a large scheduled report, every row once', async () => {
		const watcher = keptTrigger(emulatorNow, SELLING_PARTNER_TRIGGER, {
			event: 'reportReady',
			reportType: 'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_LAST_UPDATE_GENERAL',
			options: { ...EVERY_POLL, ...NO_ITEM_LIMIT },
		});
		assert.deepEqual(await watcher.poll(), []);
		const text = `${ORDERS_HEADER.join('\t')}\n${Array.from({ length: ROWS }, (_, i) => ordersLine(i)).join('\n')}\n`;
		emulator.spApi.addScheduledReport({
			reportType: 'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_LAST_UPDATE_GENERAL',
			marketplaceIds: [US],
			document: { text: '', bytes: gzipSync(Buffer.from(text)), compression: 'GZIP' },
		});
		const emitted = await watcher.poll();
		assert.equal(emitted.length, ROWS);
		assert.equal(emitted[ROWS - 1].json.amazonOrderId, ordersLine(ROWS - 1).split('\t')[0]);
		assert.deepEqual(await watcher.poll(), []);
	});

	test('Appstore trigger: bounded state; nothing new, 10 new, a restated month', async () => {
		const month = monthsAgo(0);
		let lines = salesLines(0, ROWS);
		emulator.appstore.setReport('sales', month, { zip: salesMonth(month, lines) });
		const watcher = keptTrigger(emulatorNow, APPSTORE_TRIGGER, { event: 'newSalesTransactions', options: EVERY_POLL });
		assert.deepEqual(await watcher.poll(), [], 'the first poll only remembers');
		const stateSize = () => JSON.stringify(watcher.staticData).length;
		assert.ok(stateSize() <= 256 * 1024, `static data is ${stateSize()} bytes`);

		// Nothing new: S3 says the file has not changed; nothing is downloaded again.
		const downloads = emulator.s3.downloads;
		assert.deepEqual(await watcher.poll(), []);
		assert.equal(emulator.s3.downloads, downloads, 'a conditional GET, answered 304');
		assert.ok(emulator.s3.notModified >= 2, 'both months unchanged');

		// Ten new line items appended: exactly those.
		lines = [...lines, ...salesLines(ROWS, 10)];
		emulator.appstore.setReport('sales', month, { zip: salesMonth(month, lines) });
		let emitted = await watcher.poll();
		assert.deepEqual(
			emitted.map((item) => item.json.transactionId),
			salesLines(ROWS, 10).map((line) => line.split(',')[3]),
		);

		// Restated: the same rows in another order, plus ten more: only the ten.
		const restated = [...lines].reverse();
		restated.splice(1234, 0, ...salesLines(ROWS + 10, 10));
		emulator.appstore.setReport('sales', month, { zip: salesMonth(month, restated) });
		emitted = await watcher.poll();
		assert.deepEqual(
			emitted.map((item) => item.json.transactionId).sort(),
			salesLines(ROWS + 10, 10).map((line) => line.split(',')[3]).sort(),
		);

		// Restated again with nothing new: nothing.
		emulator.appstore.setReport('sales', month, { zip: salesMonth(month, [...restated].sort()) });
		assert.deepEqual(await watcher.poll(), []);
		assert.ok(stateSize() <= 256 * 1024, `static data is ${stateSize()} bytes`);
	});
});
