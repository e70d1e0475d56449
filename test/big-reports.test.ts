// Big reports: Filter Rows, Summary per Group, the file output and the item limit, through n8n's
// engine against the emulator, for flat files (orders, the Appstore's CSV) and JSON reports. The
// expected values are computed here from the fixtures' source lines, not from the node.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, test } from 'node:test';

import { BinaryDataService } from 'n8n-core';
import type { IBinaryData, IDataObject, INodeExecutionData } from 'n8n-workflow';

import { ORDERS_HEADER, ordersLine } from '../bench/fixtures';
import { generateSalesReport } from '../emulator/fixtures/appstore-sales';
import { generateSubscriptionReport } from '../emulator/fixtures/appstore-subscription';
import { APPSTORE, keptTrigger, runAgainst, SELLING_PARTNER, SELLING_PARTNER_TRIGGER, US, useEmulator } from './harness/amazon';
import { SalesSummary, SubscriptionSummary } from './oracles/monthSummaries';

const emulator = useEmulator();

const ORDERS = 'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL';
const ORDER_ROWS = 3_000;

/** The orders fixture's source rows: Amazon's column names and text, as bench/fixtures.ts writes them. */
const orderRows: Array<Record<string, string>> = Array.from({ length: ORDER_ROWS }, (_, i) => {
	const cells = ordersLine(i).split('\t');
	return Object.fromEntries(ORDERS_HEADER.map((title, index) => [title, cells[index]]));
});
const ordersTsv = [ORDERS_HEADER.join('\t'), ...Array.from({ length: ORDER_ROWS }, (_, i) => ordersLine(i)), ''].join('\n');

const ids = (rows: Array<Record<string, string>>) => rows.map((row) => row['amazon-order-id']);
const price = (row: Record<string, string>) => Number(row['item-price']);

async function getOrders(parameters: IDataObject = {}, extra: IDataObject = {}) {
	emulator().spApi.queueOutcome(ORDERS, { status: 'DONE', document: { text: ordersTsv, compression: 'GZIP' } });
	return await runAgainst(emulator(), SELLING_PARTNER, {
		resource: 'report',
		operation: 'get',
		reportType: ORDERS,
		marketplaceIds: [US],
		...parameters,
		options: { reuseWithinMinutes: 0, ...(extra.options as IDataObject) },
	});
}

type Condition = { field: string; operator: string; value?: string };

const filterRows = (conditions: Condition[], combine: 'and' | 'or' = 'and', ignoreCase = true) => ({
	filterRows: { filter: { conditions: { condition: conditions }, combine, ignoreCase } },
});

async function filteredOrderIds(conditions: Condition[], combine: 'and' | 'or' = 'and', ignoreCase = true): Promise<string[]> {
	const { items, error } = await getOrders(filterRows(conditions, combine, ignoreCase));
	assert.equal(error, undefined, JSON.stringify(conditions));
	return items.map((item) => item.json.amazonOrderId as string);
}

/** Reads a binary item's bytes: in the harness n8n keeps them as base64, with a filesystem store by id. */
async function binaryText(binary: IBinaryData): Promise<string> {
	if (binary.id) {
		return (await binaryDataService().getAsBuffer(binary)).toString('utf8');
	}
	return Buffer.from(binary.data, 'base64').toString('utf8');
}

/** n8n-core's binary data service, from n8n-core's own dependency container. */
function binaryDataService(): BinaryDataService {
	const di = createRequire(require.resolve('n8n-core'))('@n8n/di') as typeof import('@n8n/di');
	return di.Container.get(BinaryDataService);
}

/** RFC 4180 CSV into rows of cells (quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	for (let index = 0; index < text.length; index++) {
		const char = text[index];
		if (quoted) {
			if (char === '"' && text[index + 1] === '"') {
				cell += '"';
				index++;
			} else if (char === '"') quoted = false;
			else cell += char;
		} else if (char === '"') quoted = true;
		else if (char === ',') {
			row.push(cell);
			cell = '';
		} else if (char === '\n' || char === '\r') {
			if (char === '\r' && text[index + 1] === '\n') index++;
			row.push(cell);
			rows.push(row);
			row = [];
			cell = '';
		} else cell += char;
	}
	if (cell || row.length) rows.push([...row, cell]);
	return rows;
}

/** A typed item's value as the CSV writes it. */
const csvText = (value: unknown) => (value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value));

const dayOf = (iso: string) => iso.slice(0, 10);
const mondayOf = (day: string) => {
	const time = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
	return new Date(time - ((new Date(time).getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
};
const cents = (value: number) => Math.round(value * 100);

describe('Filter Rows', () => {
	test('each operator, on typed fields', async () => {
		const cases: Array<[Condition, (row: Record<string, string>) => boolean]> = [
			[{ field: 'orderStatus', operator: 'equals', value: 'shipped' }, (row) => row['order-status'] === 'Shipped'],
			[{ field: 'orderStatus', operator: 'notEquals', value: 'Shipped' }, (row) => row['order-status'] !== 'Shipped'],
			[{ field: 'productName', operator: 'contains', value: 'dino' }, (row) => row['product-name'].toLowerCase().includes('dino')],
			[{ field: 'productName', operator: 'notContains', value: 'Bottle' }, (row) => !row['product-name'].includes('Bottle')],
			[{ field: 'sku', operator: 'startsWith', value: 'SKU-001' }, (row) => row.sku.startsWith('SKU-001')],
			[{ field: 'amazonOrderId', operator: 'endsWith', value: '-8772242' }, (row) => row['amazon-order-id'].endsWith('-8772242')],
			[{ field: 'itemPrice', operator: 'gt', value: '22' }, (row) => price(row) > 22],
			[{ field: 'itemPrice', operator: 'gte', value: '22.98' }, (row) => price(row) >= 22.98],
			[{ field: 'quantity', operator: 'lt', value: '2' }, (row) => Number(row.quantity) < 2],
			[{ field: 'quantity', operator: 'lte', value: '2' }, (row) => Number(row.quantity) <= 2],
			[{ field: 'sku', operator: 'isOneOf', value: 'SKU-00001, SKU-00002,SKU-00003' }, (row) => ['SKU-00001', 'SKU-00002', 'SKU-00003'].includes(row.sku)],
			[{ field: 'itemPromotionDiscount', operator: 'isEmpty' }, (row) => row['item-promotion-discount'] === ''],
			[{ field: 'promotionIds', operator: 'isNotEmpty' }, (row) => row['promotion-ids'] !== ''],
		];
		for (const [condition, keep] of cases) {
			const expected = ids(orderRows.filter(keep));
			assert.ok(expected.length > 0 && expected.length < ORDER_ROWS, `${condition.operator}: the fixture has rows on both sides`);
			assert.deepEqual(await filteredOrderIds([condition]), expected, `${condition.field} ${condition.operator} ${condition.value ?? ''}`);
		}
	});

	test('numbers compare as numbers, dates as days or instants', async () => {
		// As text, "19.98" < "9.5": every price is above 9.5 as a number.
		assert.equal((await filteredOrderIds([{ field: 'itemPrice', operator: 'gt', value: '9.5' }])).length, ORDER_ROWS);
		const day = (row: Record<string, string>) => row['purchase-date'].slice(0, 10);
		assert.deepEqual(await filteredOrderIds([{ field: 'purchaseDate', operator: 'equals', value: '2025-03-05' }]), ids(orderRows.filter((row) => day(row) === '2025-03-05')));
		assert.deepEqual(await filteredOrderIds([{ field: 'purchaseDate', operator: 'gt', value: '2025-03-20' }]), ids(orderRows.filter((row) => day(row) > '2025-03-20')));
		const noon = Date.parse('2025-03-10T12:00:00Z');
		assert.deepEqual(
			await filteredOrderIds([{ field: 'purchaseDate', operator: 'lt', value: '2025-03-10T12:00:00Z' }]),
			ids(orderRows.filter((row) => Date.parse(row['purchase-date']) < noon)),
		);
	});

	test('dates written with different offsets compare as instants (Appstore sales)', async () => {
		const month = '2024-07';
		const truth = generateSalesReport(month).rows;
		const cut = Date.parse('2024-07-15T00:00:00Z');
		const { items, error } = await runAgainst(emulator(), APPSTORE, {
			operation: 'getSalesReport',
			period: 'month',
			month,
			...filterRows([{ field: 'transactionTime', operator: 'lt', value: '2024-07-15T00:00:00Z' }]),
		});
		assert.equal(error, undefined);
		const expected = truth.filter((row) => Date.parse(row.transactionTime) < cut).map((row) => row.invoiceId);
		assert.ok(new Set(truth.map((row) => row.transactionTime.slice(-6))).size > 2, 'the month has several offsets');
		assert.deepEqual(
			items.map((item) => item.json.invoiceId),
			expected,
		);
	});

	test('and / or, and letter case', async () => {
		const shippedDino = (row: Record<string, string>) => row['order-status'] === 'Shipped' && row['product-name'].includes('Dino');
		const pendingOrDino = (row: Record<string, string>) => row['order-status'] === 'Pending' || row['product-name'].includes('Dino');
		const conditions = (status: string): Condition[] => [
			{ field: 'orderStatus', operator: 'equals', value: status },
			{ field: 'productName', operator: 'contains', value: 'Dino' },
		];
		assert.deepEqual(await filteredOrderIds(conditions('Shipped'), 'and'), ids(orderRows.filter(shippedDino)));
		assert.deepEqual(await filteredOrderIds(conditions('Pending'), 'or'), ids(orderRows.filter(pendingOrDino)));
		assert.deepEqual(await filteredOrderIds([{ field: 'orderStatus', operator: 'equals', value: 'shipped' }], 'and', false), [], 'Ignore Case off');
	});

	test('Simplify off: numbers written as text still compare as numbers', async () => {
		const { items, error } = await getOrders({ simplify: false, ...filterRows([{ field: 'item-price', operator: 'lt', value: '20' }]) });
		assert.equal(error, undefined);
		assert.deepEqual(
			items.map((item) => item.json['amazon-order-id']),
			ids(orderRows.filter((row) => price(row) < 20)),
		);
	});

	test('a value of the wrong kind is refused before anything is read', async () => {
		const { items, error } = await getOrders(filterRows([{ field: 'itemPrice', operator: 'gt', value: 'cheap' }]));
		assert.equal(items.length, 0);
		assert.match(String(error?.message), /Filter Rows, condition 1 \(itemPrice is greater than\): the field holds numbers, but "cheap" is not a number/);
		const dates = await getOrders(filterRows([{ field: 'purchaseDate', operator: 'gt', value: 'last week' }]));
		assert.match(String(dates.error?.message), /holds dates, but "last week" is not a date/);
		assert.match(String(dates.error?.description), /2025-03-05/);
	});

	test('the Appstore’s Summary per Month of the filtered rows', async () => {
		const month = '2025-02';
		const { items: rows } = await runAgainst(emulator(), APPSTORE, { operation: 'getSalesReport', period: 'month', month });
		const oracle = new SalesSummary(month);
		for (const item of rows) if (item.json.marketplaceCurrency === 'EUR') oracle.add(item.json);
		const { items, error } = await runAgainst(emulator(), APPSTORE, {
			operation: 'getSalesReport',
			period: 'month',
			month,
			output: 'summary',
			...filterRows([{ field: 'marketplaceCurrency', operator: 'equals', value: 'EUR' }]),
		});
		assert.equal(error, undefined);
		assert.ok((items[0].json.transactions as number) < rows.length);
		assert.equal(JSON.stringify(items[0].json), JSON.stringify(oracle.result()));
	});
});

describe('Summary per Group', () => {
	const summarize = async (groupBy: Array<{ field: string; bucket: string }>, values: Array<{ op: string; field: string }>, extra: IDataObject = {}) =>
		await getOrders({ returnRowsAs: 'summary', groupBy: { field: groupBy }, aggregations: { value: values }, ...extra }, extra);

	test('by day and status: count, sum, average, min and max, to the cent', async () => {
		const { items, error } = await summarize(
			[
				{ field: 'purchaseDate', bucket: 'day' },
				{ field: 'orderStatus', bucket: 'value' },
			],
			[
				{ op: 'sum', field: 'itemPrice' },
				{ op: 'average', field: 'quantity' },
				{ op: 'min', field: 'itemPrice' },
				{ op: 'max', field: 'purchaseDate' },
				{ op: 'count', field: 'promotionIds' },
			],
		);
		assert.equal(error, undefined);
		const groups = new Map<string, Array<Record<string, string>>>();
		for (const row of orderRows) {
			const key = `${dayOf(row['purchase-date'])}|${row['order-status']}`;
			groups.set(key, [...(groups.get(key) ?? []), row]);
		}
		assert.equal(items.length, groups.size);
		const sorted = [...groups.keys()].sort();
		assert.deepEqual(
			items.map((item) => `${item.json.purchaseDateDay}|${item.json.orderStatus}`),
			sorted,
			'one item per group, in order of the group fields',
		);
		for (const item of items) {
			const rows = groups.get(`${item.json.purchaseDateDay}|${item.json.orderStatus}`) as Array<Record<string, string>>;
			const sumCents = rows.reduce((sum, row) => sum + cents(price(row)), 0);
			assert.equal(item.json.count, rows.length);
			assert.equal(item.json.sum_itemPrice, sumCents / 100, 'exact to the cent');
			assert.equal(item.json.average_quantity, rows.reduce((sum, row) => sum + Number(row.quantity), 0) / rows.length);
			assert.equal(item.json.min_itemPrice, Math.min(...rows.map(price)));
			assert.equal(item.json.max_purchaseDate, rows.map((row) => row['purchase-date']).sort().at(-1));
			assert.equal(item.json.count_promotionIds, rows.filter((row) => row['promotion-ids'] !== '').length);
			assert.deepEqual(item.pairedItem, { item: 0 });
		}
	});

	test('by week (from Monday) and by month', async () => {
		const weekly = await summarize([{ field: 'purchaseDate', bucket: 'week' }], [{ op: 'sum', field: 'quantity' }]);
		const weeks = new Map<string, number>();
		for (const row of orderRows) {
			const week = mondayOf(dayOf(row['purchase-date']));
			weeks.set(week, (weeks.get(week) ?? 0) + Number(row.quantity));
		}
		assert.deepEqual(
			weekly.items.map((item) => [item.json.purchaseDateWeek, item.json.sum_quantity]),
			[...weeks].sort(([a], [b]) => a.localeCompare(b)),
		);
		assert.ok(weekly.items.every((item) => new Date(`${String(item.json.purchaseDateWeek)}T00:00:00Z`).getUTCDay() === 1), 'weeks start on Monday');
		const monthly = await summarize([{ field: 'purchaseDate', bucket: 'month' }], [{ op: 'sum', field: 'itemPrice' }]);
		assert.deepEqual(
			monthly.items.map((item) => item.json),
			[{ purchaseDateMonth: '2025-03', count: ORDER_ROWS, sum_itemPrice: orderRows.reduce((sum, row) => sum + cents(price(row)), 0) / 100 }],
		);
	});

	test('no group fields: the totals of the whole (filtered) report', async () => {
		const { items } = await summarize([], [{ op: 'sum', field: 'itemPrice' }], filterRows([{ field: 'fulfillmentChannel', operator: 'equals', value: 'Merchant' }]));
		const merchant = orderRows.filter((row) => row['fulfillment-channel'] === 'Merchant');
		assert.deepEqual(
			items.map((item) => item.json),
			[{ count: merchant.length, sum_itemPrice: merchant.reduce((sum, row) => sum + cents(price(row)), 0) / 100 }],
		);
	});

	test('over all the months of a range (Appstore), per day of the transaction time and currency', async () => {
		const truth = [...generateSalesReport('2024-05').rows, ...generateSalesReport('2024-06').rows];
		const { items, error } = await runAgainst(emulator(), APPSTORE, {
			operation: 'getSalesReport',
			period: 'range',
			startMonth: '2024-05',
			endMonth: '2024-06',
			output: 'groups',
			groupBy: { field: [{ field: 'marketplaceCurrency', bucket: 'value' }, { field: 'transactionTime', bucket: 'month' }] },
			aggregations: { value: [{ op: 'sum', field: 'estimatedEarnings' }] },
		});
		assert.equal(error, undefined);
		const expected = new Map<string, { count: number; cents: number }>();
		for (const row of truth) {
			const key = `${row.marketplaceCurrency}|${row.transactionTime.slice(0, 7)}`;
			const entry = expected.get(key) ?? { count: 0, cents: 0 };
			entry.count++;
			entry.cents += cents(row.estimatedEarnings ?? 0);
			expected.set(key, entry);
		}
		assert.deepEqual(
			Object.fromEntries(items.map((item) => [`${item.json.marketplaceCurrency}|${item.json.transactionTimeMonth}`, { count: item.json.count, cents: cents(item.json.sum_estimatedEarnings as number) }])),
			Object.fromEntries(expected),
		);
	});

	test('more groups than Max Groups: a clear error naming the limit', async () => {
		const { items, error } = await summarize([{ field: 'amazonOrderId', bucket: 'value' }], [], { options: { maxGroups: 100 } });
		assert.equal(items.length, 0);
		assert.match(String(error?.message), /has more than 100 groups \(grouped by amazonOrderId\)/);
		assert.match(String(error?.description), /coarser ones \(a date by week or month instead of day\).* Options → Max Groups raises the limit\.$/s);
	});
});

describe('Output as a file', () => {
	test('a flat file as CSV: Amazon’s rows (Simplify off), exactly', async () => {
		const { items, error } = await getOrders({ simplify: false, returnRowsAs: 'file' });
		assert.equal(error, undefined);
		assert.equal(items.length, 1);
		const binary = items[0].binary?.data as IBinaryData;
		assert.equal(binary.mimeType, 'text/csv');
		assert.match(String(binary.fileName), new RegExp(`^${ORDERS}_\\d+\\.csv$`));
		assert.equal(items[0].json.rows, ORDER_ROWS);
		const rows = parseCsv(await binaryText(binary));
		assert.deepEqual(rows[0], ORDERS_HEADER);
		assert.deepEqual(rows.slice(1), orderRows.map((row) => ORDERS_HEADER.map((title) => row[title])));
	});

	test('typed and filtered: the rows Get would give as items', async () => {
		const filter = filterRows([{ field: 'orderStatus', operator: 'equals', value: 'Pending' }]);
		const [asItems, asFile] = [await getOrders(filter), await getOrders({ ...filter, returnRowsAs: 'file' })];
		const rows = parseCsv(await binaryText(asFile.items[0].binary?.data as IBinaryData));
		const keys = Object.keys(asItems.items[0].json);
		assert.deepEqual(rows[0], keys);
		assert.equal(rows.length - 1, orderRows.filter((row) => row['order-status'] === 'Pending').length);
		assert.deepEqual(
			rows.slice(1),
			asItems.items.map((item) => keys.map((key) => csvText(item.json[key]))),
		);
	});

	test('the Appstore month as CSV, quoted fields and line breaks kept', async () => {
		const month = '2025-01';
		const { csv } = generateSalesReport(month);
		const { items, error } = await runAgainst(emulator(), APPSTORE, { operation: 'getSalesReport', period: 'month', month, output: 'file', simplify: false });
		assert.equal(error, undefined);
		assert.deepEqual(items[0].json, { reportMonth: month, report: 'sales', rows: generateSalesReport(month).rows.length, fileName: 'sales_2025_01.csv' });
		const source = parseCsv(csv.replace(/^\uFEFF/, '')).filter((row) => row.some((cell) => cell !== ''));
		const written = parseCsv(await binaryText(items[0].binary?.data as IBinaryData));
		assert.deepEqual(written[0], ['reportMonth', ...source[0]]);
		assert.deepEqual(
			written.slice(1),
			source.slice(1).map((cells) => [month, ...cells]),
		);
	});

	test('the original file attached beside the output file, never over it', async () => {
		const month = '2025-01';
		const clash = await runAgainst(emulator(), APPSTORE, { operation: 'getSalesReport', period: 'month', month, output: 'file', options: { binaryPropertyName: 'data' } });
		assert.match(String(clash.error?.message), /"Attach Original File in Field" and "Put Output File in Field" are both "data"/);
		const { items, error } = await runAgainst(emulator(), APPSTORE, { operation: 'getSalesReport', period: 'month', month, output: 'file', options: { binaryPropertyName: 'original' } });
		assert.equal(error, undefined);
		assert.deepEqual(Object.keys(items[0].binary ?? {}).sort(), ['data', 'original']);
		assert.equal(items[0].binary?.original.mimeType, 'application/zip');
		assert.equal(items[0].binary?.data.mimeType, 'text/csv');
	});

	test('a JSON report as JSON Lines: one line per item', async () => {
		const parameters = { resource: 'report', operation: 'get', reportType: 'GET_SALES_AND_TRAFFIC_REPORT', marketplaceIds: [US], options: { reuseWithinMinutes: 0 } };
		const asItems = await runAgainst(emulator(), SELLING_PARTNER, parameters);
		const asFile = await runAgainst(emulator(), SELLING_PARTNER, { ...parameters, returnRowsAs: 'file' });
		assert.equal(asFile.error, undefined);
		const binary = asFile.items[0].binary?.data as IBinaryData;
		assert.equal(binary.mimeType, 'application/x-ndjson');
		assert.match(String(binary.fileName), /\.jsonl$/);
		const lines = (await binaryText(binary)).split('\n');
		assert.equal(lines.pop(), '', 'ends with a line break');
		assert.ok(asItems.items.length > 1);
		assert.deepEqual(
			lines.map((line) => JSON.parse(line) as IDataObject),
			asItems.items.map((item) => item.json),
		);
	});

	test('the Report Ready trigger returns a new report as a file of its filtered rows', async () => {
		const trigger = keptTrigger(emulator, SELLING_PARTNER_TRIGGER, {
			event: 'reportReady',
			reportType: ORDERS,
			returnRowsAs: 'file',
			...filterRows([{ field: 'quantity', operator: 'gte', value: '3' }]),
			options: { checkEveryMinutes: 0 },
		});
		assert.deepEqual(await trigger.poll(), [], 'the reports already there are not news');
		emulator().spApi.addScheduledReport({ reportType: ORDERS, marketplaceIds: [US], document: { text: ordersTsv, compression: 'GZIP' } });
		const items = await trigger.poll();
		assert.equal(items.length, 1);
		const expected = orderRows.filter((row) => Number(row.quantity) >= 3);
		assert.equal(items[0].json.rows, expected.length);
		const rows = parseCsv(await binaryText(items[0].binary?.data as IBinaryData));
		assert.deepEqual(
			rows.slice(1).map((cells) => cells[rows[0].indexOf('amazonOrderId')]),
			ids(expected),
		);
	});
});

describe('the item limit: a clear stop before n8n breaks', () => {
	test('past the limit: no items, an error naming the rows and the three ways', async () => {
		const { items, error } = await getOrders({}, { options: { maxItemsMegabytes: 0.5 } });
		assert.equal(items.length, 0);
		assert.match(String(error?.message), /^The Orders by Order Date report \d+ \(document .+\) has 3,000 rows: as items they would add about \d+ MB to the execution’s data, more than this node hands to n8n \(1 MB\)$/);
		const description = String(error?.description);
		for (const way of ['Filter Rows', 'Return Rows As → Summary per Group', 'Return Rows As → File (CSV or JSON Lines)', 'Options → Max Items Size (MB) (0: no limit)']) {
			assert.ok(description.includes(way), way);
		}
	});

	test('0 removes the limit; a filter that keeps fewer rows fits under it', async () => {
		assert.equal((await getOrders({}, { options: { maxItemsMegabytes: 0 } })).items.length, ORDER_ROWS);
		const shipped = orderRows.filter((row) => row.sku === 'SKU-00007');
		const filtered = await getOrders(filterRows([{ field: 'sku', operator: 'equals', value: 'SKU-00007' }]), { options: { maxItemsMegabytes: 0.5 } });
		assert.equal(filtered.error, undefined);
		assert.deepEqual(
			filtered.items.map((item) => item.json.amazonOrderId),
			ids(shipped),
		);
	});

	test('the items of all input items count together', async () => {
		const [one, two] = [orderRows.length, orderRows.length];
		for (let i = 0; i < 2; i++) emulator().spApi.queueOutcome(ORDERS, { status: 'DONE', document: { text: ordersTsv, compression: 'GZIP' } });
		// A limit that one report fits under, two do not.
		const { items: single } = await getOrders({}, { options: { maxItemsMegabytes: 0 } });
		const size = JSON.stringify(single.map((item) => item.json)).length / 1024 / 1024;
		const { items, error } = await runAgainst(
			emulator(),
			SELLING_PARTNER,
			{ resource: 'report', operation: 'get', reportType: ORDERS, marketplaceIds: [US], options: { reuseWithinMinutes: 0, maxItemsMegabytes: size * 1.5 } },
			{ inputItems: [{}, {}] },
		);
		assert.equal(items.length, 0);
		assert.match(String(error?.message), /has 3,000 rows/);
		assert.equal(error?.itemIndex, 1, `the second input item (${one} + ${two} rows) is one too many`);
	});

	test('the Appstore names its own ways out; One Item per Month counts alike', async () => {
		const { error } = await runAgainst(emulator(), APPSTORE, { operation: 'getSalesReport', period: 'month', month: '2025-02', options: { maxItemsMegabytes: 0.001 } });
		assert.match(String(error?.message), /^The sales report for 2025-02 has \d+ rows/);
		for (const way of ['Filter Rows', 'Output → Summary per Group', 'Output → File (CSV)']) assert.ok(String(error?.description).includes(way), way);
		const perMonth = await runAgainst(emulator(), APPSTORE, { operation: 'getSalesReport', period: 'month', month: '2025-02', output: 'month', options: { maxItemsMegabytes: 0.001 } });
		assert.match(String(perMonth.error?.message), /has \d+ rows/);
	});
});

describe('the Appstore’s Summary per Month is a preset of the same machinery, and gives what it gave', () => {
	const months = ['2019-03', '2022-05', '2024-07', '2025-02', '2025-03'];

	const summaryAndRows = async (operation: string, month: string) => {
		const summary = await runAgainst(emulator(), APPSTORE, { operation, period: 'month', month, output: 'summary' });
		const rows = await runAgainst(emulator(), APPSTORE, { operation, period: 'month', month });
		assert.equal(summary.error, undefined);
		return { summary: summary.items[0].json, rows: rows.items.map((item: INodeExecutionData) => item.json) };
	};

	test('sales: the same fields, values, order and text', async () => {
		for (const month of months) {
			const { summary, rows } = await summaryAndRows('getSalesReport', month);
			const oracle = new SalesSummary(month);
			for (const row of rows) oracle.add(row);
			assert.equal(JSON.stringify(summary), JSON.stringify(oracle.result()), month);
			assert.equal(summary.transactions, generateSalesReport(month).rows.length);
		}
	});

	test('subscriptions: the same fields, values, order and text', async () => {
		for (const month of months) {
			const { summary, rows } = await summaryAndRows('getSubscriptionReport', month);
			const oracle = new SubscriptionSummary(month);
			for (const row of rows) oracle.add(row);
			assert.equal(JSON.stringify(summary), JSON.stringify(oracle.result()), month);
			assert.ok(generateSubscriptionReport(month).rows.length > 0);
		}
	});

	test('the preset is data in the registry file: sections and a text, no code of its own', () => {
		const source = readFileSync(require.resolve('../nodes/AmazonAppstore/reports/subscription.report.ts'), 'utf8');
		assert.match(source, /summary: \{\n\t\tfields: \{ report: 'subscription' \},\n\t\tsections: \[/);
		assert.doesNotMatch(source, /class |add\(record/);
	});
});

describe('in n8n’s binary store (filesystem mode), written from the stream', () => {
	test('the file lands in the store, not in the execution’s JSON, with the same content', async () => {
		const { items: inMemory } = await getOrders({ simplify: false, returnRowsAs: 'file' });
		const expected = Buffer.from((inMemory[0].binary?.data as IBinaryData).data, 'base64').toString('utf8');
		// n8n's default mode: its BinaryDataService writes what prepareBinaryData gets to disk, reading it as it comes.
		await binaryDataService().init();
		const { items, error } = await getOrders({ simplify: false, returnRowsAs: 'file' });
		assert.equal(error, undefined);
		const binary = items[0].binary?.data as IBinaryData;
		assert.match(String(binary.id), /^filesystem-v2:/);
		assert.equal(binary.data, 'filesystem-v2', 'no content in the item');
		assert.equal(binary.bytes, Buffer.byteLength(expected));
		assert.equal(await binaryText(binary), expected);
	});
});
