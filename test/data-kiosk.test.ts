// The Amazon Selling Partner node's Analytics Query resource (Data Kiosk), run in n8n-core's engine
// against the emulator. Expected items are computed here from the emulator's fixture records (the
// seller's data), flattened by this file's own reading of the schemas, never read back from the node.
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { beforeEach, describe, test } from 'node:test';

import type { IBinaryData, ICredentialDataDecryptedObject, IDataObject, INodeExecutionData } from 'n8n-workflow';

import { EMULATOR_SP_API_CLIENT } from '../emulator';
import { bigCatalogueRecord, economics, salesAndTrafficByAsin, salesAndTrafficByAsinLines, salesAndTrafficByDate } from '../emulator/fixtures/data-kiosk';
import { CA, credentialsFor, MX, SELLING_PARTNER as NODE, SP_CREDENTIAL, US, useEmulator } from './harness/amazon';
import type { RunNodeOptions } from './harness/engine';
import { loadOptions, NODE_UNDER_TEST, runNode } from './harness/engine';

const emulatorNow = useEmulator();
let emulator = emulatorNow();
let credentials: Record<string, ICredentialDataDecryptedObject>;
let sellers = 0;

beforeEach(() => {
	emulator = emulatorNow();
	// Each test is a seller of its own: the node paces createQuery per seller account (a burst of
	// 15, then one a minute), as Amazon meters it, so tests do not eat each other's burst.
	const refreshToken = `Atzr|emulator-seller-${++sellers}`;
	emulator.lwa.addClient({ ...EMULATOR_SP_API_CLIENT, refreshTokens: [refreshToken] });
	credentials = credentialsFor(emulator, { [SP_CREDENTIAL]: { refreshToken } });
});

async function run(parameters: IDataObject, extra: Partial<RunNodeOptions> = {}) {
	const result = await runNode({ type: NODE, parameters: { resource: 'analyticsQuery', ...parameters }, credentials, ...extra });
	const hints = (result.run.data.resultData.runData[NODE_UNDER_TEST]?.[0]?.hints ?? []).map((hint) => hint.message);
	return { ...result, hints };
}

const calls = (method: string, pattern: RegExp) => emulator.requests.filter((request) => request.method === method && pattern.test(request.path));
const creates = () => calls('POST', /^\/dataKiosk\/2023-11-15\/queries$/).map((request) => JSON.parse(request.body) as { query: string; paginationToken?: string });
const polls = () => calls('GET', /^\/dataKiosk\/2023-11-15\/queries\/\d+$/);

/** The calendar date `days` days ago (UTC). */
const day = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

const json = (items: INodeExecutionData[]) => items.map((item) => item.json);

// ---- expected items, from the fixture records ----------------------------------------------------

/** The schema's money metrics (Amount): an item has them as x and xCurrency. */
const MONEY = new Set(['averageSalesPerOrderItem', 'averageSellingPrice', 'claimsAmount', 'orderedProductSales', 'shippedProductSales']);

/** A Sales and Traffic record as an item: its fields, the sales and traffic metrics beside them, money as x and xCurrency. */
function salesAndTrafficItem(record: Record<string, unknown>, b2b = false): IDataObject {
	const item: IDataObject = {};
	for (const [key, value] of Object.entries(record)) {
		if (key !== 'sales' && key !== 'traffic') {
			item[key] = value as string;
			continue;
		}
		for (const [metric, measured] of Object.entries(value as Record<string, unknown>)) {
			if (!b2b && metric.endsWith('B2B')) continue;
			if (MONEY.has(metric.replace(/B2B$/, ''))) {
				const money = measured as { amount: number; currencyCode: string } | null;
				item[metric] = money?.amount ?? null;
				item[`${metric}Currency`] = money?.currencyCode ?? null;
			} else {
				item[metric] = measured as number;
			}
		}
	}
	return item;
}

type Money = { amount: number; currencyCode: string } | null;

const amount = (value: unknown) => (value as Money)?.amount ?? null;
const currency = (value: unknown) => (value as Money)?.currencyCode ?? null;
const cents = (value: number) => Math.round(value * 1e6) / 1e6;

function chargeFields(detail: Record<string, unknown>): IDataObject {
	const fields: IDataObject = { quantity: detail.quantity as number | null };
	for (const name of ['amount', 'amountPerUnit', 'amountPerUnitDelta', 'promotionAmount', 'taxAmount', 'totalAmount']) {
		fields[name] = amount(detail[name]);
		fields[`${name}Currency`] = currency(detail[name]);
	}
	return fields;
}

/** A Seller Economics record as an item: product and period, sales, fee and ad totals, costs, net proceeds, fees and ads listed. */
function economicsItem(record: Record<string, unknown>): IDataObject {
	const sales = record.sales as Record<string, unknown>;
	const fees = record.fees as Array<{ feeTypeName: string; charges: Array<Record<string, unknown>> }>;
	const ads = record.ads as Array<{ adTypeName: string; charge: Record<string, unknown> }>;
	const cost = record.cost as Record<string, Record<string, unknown>>;
	const proceeds = record.netProceeds as Record<string, unknown>;
	const charges = fees.flatMap((fee) => fee.charges.map((charge) => ({ fee, charge })));
	const feeTotals = charges.map(({ charge }) => (charge.aggregatedDetail as Record<string, Money>).totalAmount as Money);
	const adTotals = ads.map((ad) => ad.charge.totalAmount as Money);
	const item: IDataObject = {
		startDate: record.startDate as string,
		endDate: record.endDate as string,
		marketplaceId: record.marketplaceId as string,
		msku: record.msku as string | null,
		fnsku: record.fnsku as string | null,
		childAsin: record.childAsin as string | null,
		parentAsin: record.parentAsin as string,
		netUnitsSold: sales.netUnitsSold as number,
		unitsOrdered: sales.unitsOrdered as number,
		unitsRefunded: sales.unitsRefunded as number,
		feesTotal: feeTotals.length ? cents(feeTotals.reduce((sum, money) => sum + (money?.amount ?? 0), 0)) : null,
		feesTotalCurrency: feeTotals[0]?.currencyCode ?? null,
		adsTotal: adTotals.length ? cents(adTotals.reduce((sum, money) => sum + (money?.amount ?? 0), 0)) : null,
		adsTotalCurrency: adTotals[0]?.currencyCode ?? null,
		costOfGoodsSold: amount(cost.costOfGoodsSold),
		costOfGoodsSoldCurrency: currency(cost.costOfGoodsSold),
		fbaCostShippingToAmazonCost: amount(cost.fbaCost.shippingToAmazonCost),
		fbaCostShippingToAmazonCostCurrency: currency(cost.fbaCost.shippingToAmazonCost),
		mfnCostFulfillmentCost: amount(cost.mfnCost.fulfillmentCost),
		mfnCostFulfillmentCostCurrency: currency(cost.mfnCost.fulfillmentCost),
		mfnCostStorageCost: amount(cost.mfnCost.storageCost),
		mfnCostStorageCostCurrency: currency(cost.mfnCost.storageCost),
		miscellaneousCost: amount(cost.miscellaneousCost),
		miscellaneousCostCurrency: currency(cost.miscellaneousCost),
		netProceedsTotal: amount(proceeds.total),
		netProceedsTotalCurrency: currency(proceeds.total),
		netProceedsPerUnit: amount(proceeds.perUnit),
		netProceedsPerUnitCurrency: currency(proceeds.perUnit),
		fees: charges.map(({ fee, charge }) => ({
			feeTypeName: fee.feeTypeName,
			startDate: charge.startDate as string,
			endDate: charge.endDate as string,
			...chargeFields(charge.aggregatedDetail as Record<string, unknown>),
			...(Array.isArray(charge.components)
				? { components: (charge.components as Array<Record<string, unknown>>).map((component) => ({ name: component.name as string, ...chargeFields(component.aggregatedDetail as Record<string, unknown>) })) }
				: {}),
		})),
		ads: ads.map((ad) => ({ adTypeName: ad.adTypeName, ...chargeFields(ad.charge) })),
	};
	for (const name of ['averageSellingPrice', 'netProductSales', 'orderedProductSales', 'refundedProductSales']) {
		item[name] = amount(sales[name]);
		item[`${name}Currency`] = currency(sales[name]);
	}
	return item;
}

function assertStableKeys(items: INodeExecutionData[]): void {
	const keys = Object.keys(items[0].json).join();
	for (const item of items) assert.equal(Object.keys(item.json).join(), keys, 'every item has the same keys, in the same order');
}

// ---- the ready-made queries ----------------------------------------------------------------------------

describe('Run: ready-made queries', () => {
	test('Sales and Traffic by Date: one typed item per day, money as amount and currency', async () => {
		const [startDate, endDate] = [day(10), day(4)];
		const { items, error } = await run({ operation: 'run', query: 'salesAndTrafficByDate', marketplaceIds: [US], startDate, endDate, returnAll: true });
		assert.equal(error, undefined);
		const records = salesAndTrafficByDate(US, startDate, endDate, 'DAY');
		assert.equal(records.length, 7);
		assert.deepEqual(json(items), records.map((record) => salesAndTrafficItem(record)));
		assert.equal(typeof items[0].json.orderedProductSales, 'number');
		assert.equal(items[0].json.orderedProductSalesCurrency, 'USD');
		assert.ok(!('orderedProductSalesB2B' in items[0].json), 'B2B metrics only when asked');
		assertStableKeys(items);
		assert.deepEqual(items[6].pairedItem, { item: 0 });

		const [sent] = creates();
		assert.match(sent.query, /analytics_salesAndTraffic_2024_04_24\s*\{\s*salesAndTrafficByDate\(aggregateBy: DAY, startDate: "[\d-]+", endDate: "[\d-]+", marketplaceIds: \["ATVPDKIKX0DER"\]\)/);
		assert.ok(sent.query.includes(`startDate: "${startDate}"`) && sent.query.includes(`endDate: "${endDate}"`));
	});

	test('Sales and Traffic by Date, Week: Amazon’s whole weeks of the range', async () => {
		const [startDate, endDate] = [day(45), day(3)];
		const { items, error } = await run({ operation: 'run', query: 'salesAndTrafficByDate', dateGranularity: 'WEEK', marketplaceIds: [US], startDate, endDate, returnAll: true });
		assert.equal(error, undefined);
		const records = salesAndTrafficByDate(US, startDate, endDate, 'WEEK');
		assert.ok(records.length >= 5);
		assert.deepEqual(json(items), records.map((record) => salesAndTrafficItem(record)));
		for (const item of items) assert.equal(new Date(`${String(item.json.startDate)}T00:00:00Z`).getUTCDay(), 0, 'weeks start on Sunday');
		assert.match(creates()[0].query, /aggregateBy: WEEK/);
	});

	test('Sales and Traffic by ASIN, per SKU, with the B2B metrics', async () => {
		const [startDate, endDate] = [day(9), day(2)];
		const { items, error } = await run({
			operation: 'run',
			query: 'salesAndTrafficByAsin',
			asinGranularity: 'SKU',
			marketplaceIds: [US],
			startDate,
			endDate,
			returnAll: true,
			options: { includeB2b: true },
		});
		assert.equal(error, undefined);
		const records = salesAndTrafficByAsin(US, startDate, endDate, 'SKU');
		assert.equal(records.length, 6, 'one item per SKU');
		assert.deepEqual(json(items), records.map((record) => salesAndTrafficItem(record, true)));
		assert.equal(typeof items[0].json.unitsOrderedB2B, 'number');
		assert.equal(items[0].json.orderedProductSalesB2BCurrency, 'USD');
		assertStableKeys(items);
	});

	test('Sales and Traffic by ASIN, per parent ASIN: child ASIN and SKU are there, empty', async () => {
		const [startDate, endDate] = [day(9), day(2)];
		const { items } = await run({ operation: 'run', query: 'salesAndTrafficByAsin', asinGranularity: 'PARENT', marketplaceIds: [US], startDate, endDate, returnAll: true });
		assert.deepEqual(json(items), salesAndTrafficByAsin(US, startDate, endDate, 'PARENT').map((record) => salesAndTrafficItem(record)));
		assert.equal(items.length, 3);
		assert.equal(items[0].json.childAsin, null);
		assert.equal(items[0].json.sku, null);
	});

	test('two marketplaces: one query each, their items in order; B2B metrics null for a seller without business sales', async () => {
		const [startDate, endDate] = [day(5), day(3)];
		const { items, error } = await run({
			operation: 'run',
			query: 'salesAndTrafficByDate',
			marketplaceIds: [US, CA],
			startDate,
			endDate,
			returnAll: true,
			options: { includeB2b: true },
		});
		assert.equal(error, undefined);
		const expected = [...salesAndTrafficByDate(US, startDate, endDate, 'DAY'), ...salesAndTrafficByDate(CA, startDate, endDate, 'DAY')];
		assert.deepEqual(json(items), expected.map((record) => salesAndTrafficItem(record, true)));
		assert.deepEqual(
			creates().map((sent) => /marketplaceIds: \["(\w+)"\]/.exec(sent.query)?.[1]),
			[US, CA],
		);
		const canada = items.find((item) => item.json.marketplaceId === CA)?.json as IDataObject;
		assert.equal(canada.orderedProductSalesCurrency, 'CAD');
		assert.equal(canada.orderedProductSalesB2B, null);
		assert.equal(canada.orderedProductSalesB2BCurrency, null);
		assertStableKeys(items);
	});

	test('Seller Economics: per SKU and day, fees and ads summed, costs and net proceeds', async () => {
		const [startDate, endDate] = [day(6), day(4)];
		const { items, error } = await run({ operation: 'run', query: 'sellerEconomics', marketplaceIds: [US], startDate, endDate, returnAll: true });
		assert.equal(error, undefined);
		const records = economics(US, startDate, endDate, { date: 'DAY', productId: 'MSKU' }, []);
		assert.equal(records.length, 18, '6 SKUs × 3 days');
		assert.deepEqual(json(items), records.map(economicsItem));
		assertStableKeys(items);

		const tea = items[0].json;
		assert.equal(tea.msku, 'TEA-GRN-100');
		const fees = tea.fees as IDataObject[];
		assert.deepEqual(
			fees.map((fee) => fee.feeTypeName),
			['Referral fees', 'FBA fulfillment fees', 'Monthly inventory storage fees'],
		);
		assert.equal(tea.feesTotal, cents(fees.reduce((sum, fee) => sum + Number(fee.totalAmount), 0)));
		assert.equal(tea.adsTotal, 4.2, 'Sponsored Products: 4.20 a day');
		assert.equal(tea.costOfGoodsSold, 3.1);
		assert.equal(tea.fbaCostShippingToAmazonCost, 0.45);
		assert.equal(tea.mfnCostFulfillmentCost, null, 'an FBA SKU has no merchant fulfilment cost');
		assert.ok(!('components' in fees[1]), 'no breakdown unless asked');

		const sent = creates()[0].query;
		assert.match(sent, /analytics_economics_2024_03_15\s*\{\s*economics\(startDate: "[\d-]+", endDate: "[\d-]+", marketplaceIds: \["ATVPDKIKX0DER"\], aggregateBy: \{date: DAY, productId: MSKU\}\)/);
	});

	test('Seller Economics per week and child ASIN, with the FBA fulfillment fee broken down', async () => {
		const [startDate, endDate] = [day(30), day(2)];
		const { items, error } = await run({
			operation: 'run',
			query: 'sellerEconomics',
			economicsDateGranularity: 'WEEK',
			productGranularity: 'CHILD_ASIN',
			feeComponents: ['FBA_FULFILLMENT_FEE'],
			marketplaceIds: [US],
			startDate,
			endDate,
			returnAll: true,
		});
		assert.equal(error, undefined);
		const records = economics(US, startDate, endDate, { date: 'WEEK', productId: 'CHILD_ASIN' }, ['FBA_FULFILLMENT_FEE']);
		assert.deepEqual(json(items), records.map(economicsItem));
		const fulfillment = (items[0].json.fees as IDataObject[]).find((fee) => fee.feeTypeName === 'FBA fulfillment fees') as IDataObject;
		assert.deepEqual(
			(fulfillment.components as IDataObject[]).map((component) => component.name),
			['Base fulfillment fee', 'Fuel and logistics surcharge'],
		);
		assert.equal(items[0].json.msku, null, 'no SKU when aggregated by child ASIN');
		assert.match(creates()[0].query, /includeComponentsForFeeTypes: \[FBA_FULFILLMENT_FEE\]/);
	});

	test('Simplify off: each line as Amazon wrote it', async () => {
		const [startDate, endDate] = [day(4), day(3)];
		const { items } = await run({ operation: 'run', query: 'sellerEconomics', marketplaceIds: [US], startDate, endDate, returnAll: true, simplify: false });
		const records = economics(US, startDate, endDate, { date: 'DAY', productId: 'MSKU' }, []);
		assert.equal(items.length, records.length);
		const first = items[0].json as Record<string, IDataObject>;
		assert.deepEqual(first.sales, records[0].sales);
		assert.deepEqual(first.netProceeds, records[0].netProceeds);
		assert.equal(first.fees.length === undefined, false);
	});

	test('Custom Query: any fields of a dataset, flattened the same way', async () => {
		const [startDate, endDate] = [day(8), day(6)];
		const graphqlQuery = `# the days' sales only
			query Sales {
				analytics_salesAndTraffic_2024_04_24 {
					salesAndTrafficByDate(startDate: "${startDate}", endDate: "${endDate}", aggregateBy: DAY, marketplaceIds: ["${US}"]) {
						startDate
						sales { orderedProductSales { amount currencyCode } unitsOrdered }
					}
				}
			}`;
		const { items, error } = await run({ operation: 'run', query: 'custom', graphqlQuery, returnAll: true });
		assert.equal(error, undefined);
		assert.deepEqual(
			json(items),
			salesAndTrafficByDate(US, startDate, endDate, 'DAY').map((record) => {
				const sales = record.sales as Record<string, unknown>;
				return { startDate: record.startDate, orderedProductSales: amount(sales.orderedProductSales), orderedProductSalesCurrency: 'USD', unitsOrdered: sales.unitsOrdered };
			}),
		);
		assert.equal(creates()[0].query, graphqlQuery, 'sent as written');
	});
});

// ---- pages ----------------------------------------------------------------------------------------

describe('pagination: a result with a nextToken continues in a new query', () => {
	const economicsRun = (extra: IDataObject) => ({ operation: 'run', query: 'sellerEconomics', marketplaceIds: [US], startDate: day(3), endDate: day(2), ...extra });

	test('Return All: every page, each asked for with the same query and the page’s token', async () => {
		emulator.dataKiosk.pageSize = 5;
		const { items, error } = await run(economicsRun({ returnAll: true }));
		assert.equal(error, undefined);
		const records = economics(US, day(3), day(2), { date: 'DAY', productId: 'MSKU' }, []);
		assert.equal(records.length, 12);
		assert.deepEqual(json(items), records.map(economicsItem));
		const sent = creates();
		assert.equal(sent.length, 3, '5 + 5 + 2');
		assert.equal(sent[0].paginationToken, undefined);
		for (const page of sent.slice(1)) {
			assert.equal(page.query, sent[0].query, 'the same query');
			assert.ok(page.paginationToken, 'with the token of the page before');
		}
	});

	test('Limit: stops at the limit without asking for pages it does not need, and says so', async () => {
		emulator.dataKiosk.pageSize = 5;
		let result = await run(economicsRun({ returnAll: false, limit: 7 }));
		assert.equal(result.items.length, 7);
		assert.equal(creates().length, 2, 'two pages for 7 items');
		assert.match(result.hints.join(), /Stopped at the limit of 7 items: Amazon has more results/);

		emulator.requests.length = 0;
		result = await run(economicsRun({ returnAll: false, limit: 5 }));
		assert.equal(result.items.length, 5);
		assert.equal(creates().length, 1, 'the first page is enough');
		assert.match(result.hints.join(), /Stopped at the limit of 5 items/);

		emulator.requests.length = 0;
		result = await run(economicsRun({ returnAll: false, limit: 50 }));
		assert.equal(result.items.length, 12);
		assert.equal(creates().length, 3);
		assert.deepEqual(result.hints, [], 'nothing cut');
	});
});

// ---- Amazon's rules ---------------------------------------------------------------------------------

describe('Amazon’s rules', () => {
	const economicsRun = (extra: IDataObject = {}) => ({ operation: 'run', query: 'sellerEconomics', marketplaceIds: [US], startDate: day(3), endDate: day(2), ...extra });

	test('DONE without a document: no items and a note in the output, or an error when asked', async () => {
		let result = await run(economicsRun({ marketplaceIds: [MX] }));
		assert.equal(result.error, undefined);
		assert.equal(result.items.length, 0);
		assert.match(result.hints.join(), /Amazon has no data for analytics query \d+ \(Seller Economics, Mexico \(amazon\.com\.mx\), [\d-]+ to [\d-]+\): no items/);

		result = await run(economicsRun({ marketplaceIds: [MX], options: { failIfNoData: true } }));
		assert.match(String(result.error?.message), /Amazon has no data for analytics query \d+ \(Seller Economics, Mexico/);
		assert.match(String(result.error?.description), /Widen the range, or turn off "Fail When Amazon Has No Data"/);
	});

	test('FATAL: the error document’s reason, with the query', async () => {
		emulator.dataKiosk.queueOutcome({ status: 'FATAL', errorMessage: 'The seller is not eligible for the requested dataset.' });
		let { error } = await run(economicsRun());
		assert.match(String(error?.message), /Amazon could not run analytics query \d+ \(Seller Economics, United States \(amazon\.com\), [\d-]+ to [\d-]+\): The seller is not eligible for the requested dataset\./);

		// A custom query is not checked by the node: Amazon's own check fails it.
		const graphqlQuery = `{ analytics_economics_2024_03_15 { economics(startDate: "${day(800)}", endDate: "${day(700)}", marketplaceIds: ["${US}"]) { msku } } }`;
		({ error } = await run({ operation: 'run', query: 'custom', graphqlQuery }));
		assert.match(String(error?.message), /could not run analytics query \d+ \(custom Seller Economics query\): startDate [\d-]+ is invalid: the start date must be no more than two years ago/);
	});

	test('a query Amazon’s schema refuses: its answer, before any wait', async () => {
		const graphqlQuery = `{ analytics_economics_2024_03_15 { economics(startDate: "${day(3)}", endDate: "${day(2)}", marketplaceIds: ["${US}"]) { profit } } }`;
		const { error } = await run({ operation: 'run', query: 'custom', graphqlQuery });
		assert.match(String(error?.message), /Amazon rejected the createQuery request for custom Seller Economics query: Invalid query: Cannot query field "profit" on type "Economics"/);
		assert.match(String(error?.description), /GraphQL schema/);
		assert.equal(polls().length, 0);
	});

	test('a dataset the app has no role for: which role it needs', async () => {
		emulator.dataKiosk.deniedDatasets.add('analytics_economics_2024_03_15');
		const { error } = await run(economicsRun());
		assert.match(String(error?.message), /Amazon denied access to the Data Kiosk API \(createQuery for Seller Economics, United States \(amazon\.com\), [\d-]+ to [\d-]+\): Unauthorized to access requested fields/);
		assert.match(String(error?.description), /needs the Selling Partner Insights role \(Seller Economics\)/);
	});

	test('stopping the execution during the wait ends it promptly, with what it was waiting for', async () => {
		emulator.dataKiosk.queueOutcome({ status: 'DONE', pollsUntilDone: 1000 });
		const started = Date.now();
		const { run: execution, uiMessages } = await run(economicsRun(), { cancelAfterMs: 2_500 });
		assert.equal(execution.status, 'canceled');
		assert.ok(Date.now() - started < 5_000, `ended promptly (${Date.now() - started} ms)`);
		assert.match(JSON.stringify(uiMessages), /Waiting for analytics query \d+ \(Seller Economics, United States \(amazon\.com\), [\d-]+ to [\d-]+\): IN_PROGRESS after \d+s, next check in \d+s/);
		const seen = polls().length;
		assert.ok(seen >= 2, 'it was polling');
		await new Promise((resolve) => setTimeout(resolve, 3_000));
		assert.equal(polls().length, seen, 'no poll after the stop');
	});

	test('Max Wait: a query still running stops with its ID and how to get it later; one never started is cancelled', async () => {
		emulator.dataKiosk.queueOutcome({ status: 'DONE', pollsUntilDone: 1000 });
		let { error } = await run(economicsRun({ options: { maxWaitMinutes: 0.1 } }));
		assert.match(String(error?.message), /Analytics query (\d+) \(Seller Economics, .*\) was still IN_PROGRESS after \d+s/);
		assert.match(String(error?.description), /operation "Download" \(resource Analytics Query\) and Query ID \d+/);
		assert.equal(calls('DELETE', /queries\/\d+$/).length, 0, 'a running query is left to finish');

		emulator.dataKiosk.queueOutcome({ status: 'DONE', pollsUntilDone: 1000, queuedPolls: 1000 });
		({ error } = await run(economicsRun({ options: { maxWaitMinutes: 0.1 } })));
		assert.match(String(error?.message), /was still IN_QUEUE/);
		assert.match(String(error?.description), /cancelled/);
		const [cancelled] = calls('DELETE', /queries\/\d+$/);
		assert.equal(emulator.dataKiosk.queries.get(cancelled.path.split('/').pop() as string)?.processingStatus, 'CANCELLED');
	});

	test('Custom Query over 8,000 characters without whitespace: refused before any request', async () => {
		const fields = Array.from({ length: 700 }, (_, index) => `alias${index}: startDate`).join('\n');
		const graphqlQuery = `{ analytics_salesAndTraffic_2024_04_24 {\n salesAndTrafficByDate(startDate: "${day(3)}", endDate: "${day(2)}", aggregateBy: DAY, marketplaceIds: ["${US}"]) {\n${fields}\n} } }`;
		const { error } = await run({ operation: 'run', query: 'custom', graphqlQuery });
		assert.match(String(error?.message), /The GraphQL query is [\d,]+ characters long without whitespace; Amazon takes at most 8,000/);
		assert.equal(emulator.requests.length, 0, 'nothing sent, not even for a token');

		// Whitespace does not count: a query laid out over 12,000 characters is sent.
		const airy = `{ analytics_salesAndTraffic_2024_04_24 {\n${' '.repeat(12_000)}salesAndTrafficByDate(startDate: "${day(3)}", endDate: "${day(3)}", aggregateBy: DAY, marketplaceIds: ["${US}"]) { startDate } } }`;
		const { items, error: none } = await run({ operation: 'run', query: 'custom', graphqlQuery: airy });
		assert.equal(none, undefined);
		assert.deepEqual(json(items), [{ startDate: day(3) }]);
	});

	test('the date range is checked against the dataset’s rules before any request', async () => {
		const attempts: Array<[IDataObject, RegExp]> = [
			[{ startDate: day(740), endDate: day(700) }, /"Start Date" \([\d-]+\) is more than two years ago/],
			[{ startDate: day(3), endDate: day(-5) }, /"End Date" \([\d-]+\) is in the future/],
			[{ startDate: day(2), endDate: day(3) }, /"Start Date" \([\d-]+\) is after "End Date"/],
			[{ startDate: '2026-02-30' }, /"Start Date" is not a date: "2026-02-30"/],
			[{ startDate: day(4), endDate: day(2), dateGranularity: 'WEEK', query: 'salesAndTrafficByDate' }, /holds no whole week \(Sunday to Saturday\)/],
			[{ startDate: '2026-11-05', endDate: '2026-11-28', economicsDateGranularity: 'MONTH' }, /The range 2026-11-05 to 2026-11-28 holds no whole calendar month/],
		];
		for (const [parameters, message] of attempts) {
			const { error } = await run(economicsRun(parameters));
			assert.match(String(error?.message), message);
		}
		const { error } = await run(economicsRun({ startDate: day(740), endDate: day(700) }));
		assert.match(String(error?.description), /Amazon keeps Seller Economics data for two years: start on [\d-]+ or later/);
		assert.equal(emulator.requests.length, 0);
	});

	test('empty dates: yesterday, and 7 days, 4 whole weeks or 3 whole months before', async () => {
		await run({ operation: 'run', query: 'salesAndTrafficByDate', marketplaceIds: [US] });
		await run({ operation: 'run', query: 'salesAndTrafficByDate', dateGranularity: 'WEEK', marketplaceIds: [US] });
		await run({ operation: 'run', query: 'salesAndTrafficByDate', dateGranularity: 'MONTH', marketplaceIds: [US] });
		const ranges = creates().map((sent) => [/startDate: "([\d-]+)"/.exec(sent.query)?.[1] as string, /endDate: "([\d-]+)"/.exec(sent.query)?.[1] as string]);
		assert.deepEqual(ranges[0], [day(7), day(1)]);
		const [weekStart, weekEnd] = ranges[1];
		assert.equal(weekEnd, day(1));
		assert.equal(new Date(`${weekStart}T00:00:00Z`).getUTCDay(), 0, 'a Sunday');
		assert.equal(salesAndTrafficByDate(US, weekStart, weekEnd, 'WEEK').length, 4, 'four whole weeks');
		const [monthStart, monthEnd] = ranges[2];
		assert.equal(monthStart.slice(8), '01');
		assert.equal(salesAndTrafficByDate(US, monthStart, monthEnd, 'MONTH').length, 3, 'three whole months');
	});

	test('429 on createQuery waits as Amazon says, tells why, and carries on', async () => {
		emulator.inject({
			method: 'POST',
			path: '/dataKiosk/2023-11-15/queries',
			status: 429,
			body: '{"errors":[{"code":"QuotaExceeded","message":"You exceeded your quota for the requested resource."}]}',
			headers: { 'retry-after': '2', 'content-type': 'application/json' },
		});
		const { items, error, uiMessages } = await run(economicsRun({ returnAll: true }));
		assert.equal(error, undefined);
		assert.equal(items.length, 12);
		const [first, second] = calls('POST', /queries$/);
		assert.equal(first.status, 429);
		assert.ok(second.at - first.at >= 1_900, 'waited as Retry-After said');
		assert.match(JSON.stringify(uiMessages), /Waiting 2s before requesting a new analytics query: Amazon is throttling/);
	});

	test('a line that is not JSON: an error naming the query and the line', async () => {
		const good = JSON.stringify({ startDate: day(3), sales: { unitsOrdered: 1 } });
		emulator.dataKiosk.queueOutcome({ status: 'DONE', document: { text: `${good}\n${good}\n{"startDate": "${day(3)}", "sales": \n${good}\n` } });
		const { error } = await run({ operation: 'run', query: 'custom', graphqlQuery: `{ analytics_salesAndTraffic_2024_04_24 { salesAndTrafficByDate(startDate: "${day(3)}", endDate: "${day(3)}", aggregateBy: DAY, marketplaceIds: ["${US}"]) { startDate } } }`, returnAll: true });
		assert.match(String(error?.message), /Line 3 of the results of analytics query \d+ \(custom Sales and Traffic by Date query\) is not a JSON object/);
	});

	test('documents as gzip bytes or plain text read alike (Content-Encoding is the default)', async () => {
		const expected = economics(US, day(3), day(2), { date: 'DAY', productId: 'MSKU' }, []).map(economicsItem);
		for (const compression of ['contentEncoding', 'gzip', 'none'] as const) {
			emulator.dataKiosk.compression = compression;
			const { items, error } = await run(economicsRun({ returnAll: true }));
			assert.equal(error, undefined, compression);
			assert.deepEqual(json(items), expected, compression);
		}
	});
});

// ---- the operations for long queries -------------------------------------------------------------------

describe('Create, Get Status, Download, Cancel, Get Many', () => {
	test('Create returns the query at once; Get Status tells where it is; Download waits and types its lines as Run does', async () => {
		emulator.dataKiosk.queueOutcome({ status: 'DONE', pollsUntilDone: 3 });
		const [startDate, endDate] = [day(5), day(4)];
		const created = await run({ operation: 'create', query: 'sellerEconomics', marketplaceIds: [US], startDate, endDate });
		assert.equal(created.error, undefined);
		const { queryId, query, marketplaceId } = created.items[0].json as { queryId: string; query: string; marketplaceId: string };
		assert.match(queryId, /^\d+$/);
		assert.equal(marketplaceId, US);
		assert.match(query, /^query SellerEconomics \{/);
		assert.equal(polls().length, 0, 'Create does not wait');

		const status = await run({ operation: 'getStatus', queryId });
		assert.equal(status.items[0].json.queryId, queryId);
		assert.equal(status.items[0].json.processingStatus, 'IN_PROGRESS');
		assert.equal(status.items[0].json.query, query);

		const downloaded = await run({ operation: 'download', queryId, returnAll: true });
		assert.equal(downloaded.error, undefined);
		assert.deepEqual(json(downloaded.items), economics(US, startDate, endDate, { date: 'DAY', productId: 'MSKU' }, []).map(economicsItem));

		const done = await run({ operation: 'getStatus', queryId });
		assert.equal(done.items[0].json.processingStatus, 'DONE');
		assert.match(String(done.items[0].json.dataDocumentId), /^amzn1\.tortuga\./);
	});

	test('Download of a query that failed quotes why', async () => {
		emulator.dataKiosk.queueOutcome({ status: 'FATAL', errorMessage: 'Internal error: the query could not be processed.' });
		const created = await run({ operation: 'create', query: 'salesAndTrafficByAsin', marketplaceIds: [US], startDate: day(3), endDate: day(2) });
		const { error } = await run({ operation: 'download', queryId: created.items[0].json.queryId, returnAll: true });
		assert.match(String(error?.message), /Amazon could not run analytics query \d+ \(Sales and Traffic by ASIN\): Internal error: the query could not be processed\./);
	});

	test('Cancel a query before it finishes; a finished one cannot be', async () => {
		emulator.dataKiosk.queueOutcome({ status: 'DONE', pollsUntilDone: 1000 });
		const created = await run({ operation: 'create', query: 'salesAndTrafficByDate', marketplaceIds: [US], startDate: day(3), endDate: day(2) });
		const { queryId } = created.items[0].json as { queryId: string };
		const cancelled = await run({ operation: 'cancel', queryId });
		assert.deepEqual(cancelled.items[0].json, { queryId, cancelled: true });
		const status = await run({ operation: 'getStatus', queryId });
		assert.equal(status.items[0].json.processingStatus, 'CANCELLED');
		const download = await run({ operation: 'download', queryId, returnAll: true });
		assert.match(String(download.error?.message), /Analytics query \d+ \(Sales and Traffic by Date\) was cancelled/);

		emulator.dataKiosk.complete(queryId);
		const finished = (await run({ operation: 'create', query: 'salesAndTrafficByDate', marketplaceIds: [US], startDate: day(3), endDate: day(2) })).items[0].json.queryId as string;
		emulator.dataKiosk.complete(finished);
		const again = await run({ operation: 'cancel', queryId: finished });
		assert.match(String(again.error?.message), /Amazon rejected the cancelQuery request: Query \d+ is DONE and can no longer be cancelled/);
		// An expression that finds nothing in the input item is stopped before it reaches a URL.
		const empty = await run({ operation: 'cancel', queryId: '={{ $json.queryId }}' });
		assert.match(String(empty.error?.message), /"Query ID" is empty/);
	});

	test('Get Many: the account’s queries, newest first, filtered, over Amazon’s pages', async () => {
		const text = `{ analytics_salesAndTraffic_2024_04_24 { salesAndTrafficByDate(startDate: "${day(3)}", endDate: "${day(2)}", aggregateBy: DAY, marketplaceIds: ["${US}"]) { startDate } } }`;
		const ids = Array.from({ length: 130 }, (_, index) => emulator.dataKiosk.addQuery(text, Date.now() - (130 - index) * 60_000));
		const newest = await run({ operation: 'getMany', limit: 5 });
		assert.equal(newest.error, undefined);
		assert.deepEqual(
			newest.items.map((item) => item.json.queryId),
			ids.slice(-5).reverse(),
		);

		let { items } = await run({ operation: 'getMany', returnAll: true });
		assert.equal(items.length, 130);
		const lists = calls('GET', /^\/dataKiosk\/2023-11-15\/queries$/).slice(-2);
		assert.equal(lists[1].query.paginationToken !== undefined, true, 'the second page asked with its token');

		for (const id of ids.slice(0, 3)) emulator.dataKiosk.complete(id);
		({ items } = await run({ operation: 'getMany', returnAll: true, filters: { processingStatuses: ['DONE'] } }));
		assert.deepEqual(items.map((item) => item.json.processingStatus), ['DONE', 'DONE', 'DONE']);
	});
});

// ---- size ---------------------------------------------------------------------------------------------

describe('real-size results', () => {
	const LINES = 200_000;

	test(`${LINES.toLocaleString('en-US')} lines stream into as many typed items (npm run bench measures 1,000,000: bench/data-kiosk.ts)`, async () => {
		const [startDate, endDate] = [day(31), day(2)];
		const text = [...salesAndTrafficByAsinLines(US, startDate, endDate, LINES)].join('\n');
		emulator.dataKiosk.queueOutcome({ status: 'DONE', pollsUntilDone: 1, document: { bytes: gzipSync(Buffer.from(text), { level: 1 }) } });
		// As items, 200,000 lines are more than n8n can save (the item limit, tested below): the limit is off, as for an n8n that saves no executions.
		const { items, error } = await run({ operation: 'run', query: 'salesAndTrafficByAsin', marketplaceIds: [US], startDate, endDate, returnAll: true, options: { includeB2b: true, maxItemsMegabytes: 0 } });
		assert.equal(error, undefined);
		assert.equal(items.length, LINES);
		const [template] = salesAndTrafficByAsin(US, startDate, endDate, 'SKU');
		assert.deepEqual(items[0].json, salesAndTrafficItem(bigCatalogueRecord(template, 0), true));
		assert.deepEqual(items[LINES - 1].json, salesAndTrafficItem(bigCatalogueRecord(template, LINES - 1), true));
		assert.equal(items[LINES - 1].json.sku, `SKU-${LINES - 1}`);
		assert.deepEqual(items[LINES - 1].pairedItem, { item: 0 });
	});
});

// ---- the output stage: Filter Rows, Summary per Group, a file, the item limit ----------------------

describe('results through the output stage of every report (Filter Rows, Summary per Group, File, the item limit)', () => {
	/** Seller Economics per SKU and day over three days: 18 records, 6 SKUs. */
	const [START, END] = [day(6), day(4)];
	const economicsRun = (extra: IDataObject = {}) => ({ operation: 'run', query: 'sellerEconomics', marketplaceIds: [US], startDate: START, endDate: END, returnAll: true, ...extra });
	const economicsItems = () => economics(US, START, END, { date: 'DAY', productId: 'MSKU' }, []).map(economicsItem);

	type Condition = { field: string; operator: string; value?: string };
	const filterRows = (conditions: Condition[], combine: 'and' | 'or' = 'and') => ({ filterRows: { filter: { conditions: { condition: conditions }, combine } } });
	const micros = (value: unknown) => Math.round(Number(value) * 1e6);
	/** A file item's text: the harness's n8n keeps binary data in the item, as base64. */
	const fileText = (binary?: IBinaryData) => Buffer.from(String(binary?.data), 'base64').toString('utf8');

	test('Filter Rows: only the lines that match become items, typed fields compared by kind, over every page', async () => {
		emulator.dataKiosk.pageSize = 5;
		const { items, error } = await run(
			economicsRun(
				filterRows([
					{ field: 'msku', operator: 'startsWith', value: 'tea' },
					{ field: 'netProceedsTotal', operator: 'gt', value: '20' },
				]),
			),
		);
		assert.equal(error, undefined);
		const expected = economicsItems().filter((item) => String(item.msku).startsWith('TEA') && Number(item.netProceedsTotal) > 20);
		assert.ok(expected.length > 0 && expected.length < 9, 'the fixture has lines on both sides');
		assert.deepEqual(json(items), expected);
		assert.equal(creates().length, 4, 'every page read: 5 + 5 + 5 + 3');
		assert.deepEqual(items[0].pairedItem, { item: 0 });

		// Or, and a date compared as a day.
		const dated = await run(economicsRun(filterRows([{ field: 'startDate', operator: 'equals', value: START }, { field: 'msku', operator: 'equals', value: 'KETTLE-1L' }], 'or')));
		assert.deepEqual(json(dated.items), economicsItems().filter((item) => item.startDate === START || item.msku === 'KETTLE-1L'));
	});

	test('Filter Rows with a Limit counts the matching items, asking only for the pages it needs', async () => {
		emulator.dataKiosk.pageSize = 5;
		const { items, hints } = await run(economicsRun({ returnAll: false, limit: 4, ...filterRows([{ field: 'msku', operator: 'isOneOf', value: 'MUG-WHT, MUG-BLU' }]) }));
		const all = economicsItems();
		const mugs = all.filter((item) => ['MUG-WHT', 'MUG-BLU'].includes(String(item.msku)));
		assert.deepEqual(json(items), mugs.slice(0, 4));
		// Two mugs a day, five lines a page: the fourth mug is the 11th line, on page 3.
		assert.equal(all.indexOf(mugs[3]) + 1, 11);
		assert.equal(creates().length, 3, 'no fourth page');
		assert.match(hints.join(), /Stopped at the limit of 4 items: Amazon has more results/);
	});

	test('Filter Rows: a value of the wrong kind is refused before any query is sent; Simplify off compares Amazon’s fields by path', async () => {
		const { error } = await run(economicsRun(filterRows([{ field: 'unitsOrdered', operator: 'gt', value: 'many' }])));
		assert.match(String(error?.message), /^Filter Rows, condition 1 \(unitsOrdered is greater than\): the field holds numbers, but "many" is not a number$/);
		assert.equal(creates().length, 0);

		const raw = await run(economicsRun({ simplify: false, ...filterRows([{ field: 'sales.unitsOrdered', operator: 'gte', value: '5' }]) }));
		assert.equal(raw.error, undefined);
		const records = economics(US, START, END, { date: 'DAY', productId: 'MSKU' }, []);
		const expected = records.filter((record) => Number((record.sales as IDataObject).unitsOrdered) >= 5);
		assert.ok(expected.length > 0 && expected.length < records.length);
		assert.deepEqual(
			raw.items.map((item) => [item.json.msku, item.json.startDate]),
			expected.map((record) => [record.msku, record.startDate]),
		);
	});

	test('Summary per Group: Seller Economics per SKU across four pages, whatever the Limit says', async () => {
		emulator.dataKiosk.pageSize = 5;
		const { items, error } = await run(
			economicsRun({
				// Return All and Limit are the items': a summary is of the whole result.
				returnAll: false,
				limit: 5,
				returnRowsAs: 'summary',
				groupBy: { field: [{ field: 'msku', bucket: 'value' }] },
				aggregations: {
					value: [
						{ op: 'sum', field: 'unitsOrdered' },
						{ op: 'sum', field: 'netProceedsTotal' },
						{ op: 'sum', field: 'feesTotal' },
						{ op: 'average', field: 'orderedProductSales' },
						{ op: 'max', field: 'startDate' },
					],
				},
			}),
		);
		assert.equal(error, undefined);
		assert.equal(creates().length, 4, 'every page');
		const groups = new Map<string, IDataObject[]>();
		for (const item of economicsItems()) groups.set(String(item.msku), [...(groups.get(String(item.msku)) ?? []), item]);
		assert.equal(groups.size, 6);
		const sum = (rows: IDataObject[], field: string) => rows.reduce((total, row) => total + micros(row[field]), 0) / 1e6;
		assert.deepEqual(
			json(items),
			[...groups.keys()].sort().map((msku) => {
				const rows = groups.get(msku) as IDataObject[];
				return {
					msku,
					count: rows.length,
					sum_unitsOrdered: sum(rows, 'unitsOrdered'),
					sum_netProceedsTotal: sum(rows, 'netProceedsTotal'),
					sum_feesTotal: sum(rows, 'feesTotal'),
					average_orderedProductSales: sum(rows, 'orderedProductSales') / rows.length,
					max_startDate: END,
				};
			}),
		);
		assert.deepEqual(items[0].pairedItem, { item: 0 });
	});

	test('Summary per Group: Sales and Traffic by day, grouped by week, over two marketplaces’ queries and their pages', async () => {
		emulator.dataKiosk.pageSize = 4;
		const [startDate, endDate] = [day(20), day(2)];
		const { items, error } = await run({
			operation: 'run',
			query: 'salesAndTrafficByDate',
			marketplaceIds: [US, CA],
			startDate,
			endDate,
			returnRowsAs: 'summary',
			groupBy: { field: [{ field: 'marketplaceId', bucket: 'value' }, { field: 'startDate', bucket: 'week' }] },
			aggregations: { value: [{ op: 'sum', field: 'unitsOrdered' }, { op: 'sum', field: 'orderedProductSales' }, { op: 'sum', field: 'pageViews' }] },
		});
		assert.equal(error, undefined);
		assert.equal(creates().length, 10, 'two queries of 19 days, five pages each');
		const mondayOf = (date: string) => {
			const time = Date.parse(`${date}T00:00:00Z`);
			return new Date(time - ((new Date(time).getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
		};
		const expected = new Map<string, IDataObject>();
		for (const marketplaceId of [US, CA]) {
			for (const item of salesAndTrafficByDate(marketplaceId, startDate, endDate, 'DAY').map((record) => salesAndTrafficItem(record))) {
				const week = mondayOf(String(item.startDate));
				const key = `${marketplaceId}|${week}`;
				const group = expected.get(key) ?? { marketplaceId, startDateWeek: week, count: 0, sum_unitsOrdered: 0, sum_orderedProductSales: 0, sum_pageViews: 0 };
				group.count = Number(group.count) + 1;
				group.sum_unitsOrdered = Number(group.sum_unitsOrdered) + Number(item.unitsOrdered);
				group.sum_orderedProductSales = (micros(group.sum_orderedProductSales) + micros(item.orderedProductSales)) / 1e6;
				group.sum_pageViews = Number(group.sum_pageViews) + Number(item.pageViews);
				expected.set(key, group);
			}
		}
		assert.deepEqual(
			json(items),
			[...expected.keys()].sort().map((key) => expected.get(key)),
		);
		assert.ok(items.length >= 6, 'three or four weeks per marketplace');
	});

	test('File: one JSON Lines file per query, all its pages, whose lines are the items', async () => {
		emulator.dataKiosk.pageSize = 5;
		const { items, error } = await run(economicsRun({ returnRowsAs: 'file', returnAll: false, limit: 3 }));
		assert.equal(error, undefined);
		assert.equal(creates().length, 4, 'every page, whatever the Limit says');
		assert.equal(items.length, 1);
		const [queryId] = emulator.dataKiosk.queries.keys();
		assert.deepEqual(items[0].json, {
			queryId,
			marketplaceId: US,
			description: `Seller Economics, United States (amazon.com), ${START} to ${END}`,
			rows: 18,
			fileName: `sellerEconomics_${queryId}.jsonl`,
		});
		const binary = items[0].binary?.data;
		assert.equal(binary?.mimeType, 'application/x-ndjson');
		assert.equal(binary?.fileName, `sellerEconomics_${queryId}.jsonl`);
		const lines = fileText(binary).split('\n');
		assert.equal(lines.pop(), '', 'ends with a line break');
		assert.deepEqual(
			lines.map((line) => JSON.parse(line) as IDataObject),
			economicsItems(),
		);
		assert.deepEqual(items[0].pairedItem, { item: 0 });

		// Filtered, from two marketplaces: a file each, of the items Run would give.
		const filter = filterRows([{ field: 'unitsOrdered', operator: 'gt', value: '14' }]);
		const parameters = { operation: 'run', query: 'salesAndTrafficByDate', marketplaceIds: [US, CA], startDate: day(9), endDate: day(3), returnAll: true, ...filter };
		const asItems = await run(parameters);
		const asFiles = await run({ ...parameters, returnRowsAs: 'file', options: { fileField: 'results' } });
		assert.equal(asFiles.error, undefined);
		assert.deepEqual(
			asFiles.items.map((item) => [item.json.marketplaceId, Object.keys(item.binary ?? {})]),
			[
				[US, ['results']],
				[CA, ['results']],
			],
		);
		const fileLines = asFiles.items.flatMap((item) => fileText(item.binary?.results).trim().split('\n'));
		assert.ok(asItems.items.length > 2 && asItems.items.length < 14, 'the filter keeps some lines');
		assert.deepEqual(
			fileLines.map((line) => JSON.parse(line) as IDataObject),
			json(asItems.items),
		);
	});

	test('the item limit: past it, no items, and an error naming the rows and the three ways; further pages are not asked for', async () => {
		let { items, error } = await run(economicsRun({ options: { maxItemsMegabytes: 0.01 } }));
		assert.equal(items.length, 0);
		assert.match(
			String(error?.message),
			new RegExp(`^The analytics query \\d+ \\(Seller Economics, United States \\(amazon\\.com\\), ${START} to ${END}\\) has 18 rows: as items they would add about 1 MB to the execution’s data, more than this node hands to n8n \\(1 MB\\)$`),
		);
		for (const way of ['Filter Rows', 'Return Rows As → Summary per Group', 'Return Rows As → File (CSV or JSON Lines)', 'Options → Max Items Size (MB) (0: no limit)']) {
			assert.ok(String(error?.description).includes(way), way);
		}
		// The size the limit is measured against: 18 items of the query, as n8n would save them.
		const size = JSON.stringify(economicsItems()).length;
		assert.ok(size > 0.01 * 1024 * 1024, `${size} characters of items are past 0.01 MB`);

		// Paginated: the limit is passed on the first page, and the pages after it are not asked for.
		emulator.dataKiosk.pageSize = 5;
		emulator.requests.length = 0;
		({ items, error } = await run(economicsRun({ options: { maxItemsMegabytes: 0.005 } })));
		assert.equal(items.length, 0);
		assert.match(String(error?.message), /has more than 5 rows \(further pages were not asked for\): as items they would add more than 1 MB/);
		assert.equal(creates().length, 1);

		// A filter that keeps a few lines fits under it; so does a summary.
		emulator.requests.length = 0;
		const kettles = await run(economicsRun({ options: { maxItemsMegabytes: 0.01 }, ...filterRows([{ field: 'msku', operator: 'equals', value: 'KETTLE-1L' }]) }));
		assert.equal(kettles.error, undefined);
		assert.deepEqual(json(kettles.items), economicsItems().filter((item) => item.msku === 'KETTLE-1L'));
	});

	test('Download: a query made earlier, through the same output stage', async () => {
		const created = await run({ operation: 'create', query: 'sellerEconomics', marketplaceIds: [US], startDate: START, endDate: END });
		const queryId = created.items[0].json.queryId as string;
		const { items, error } = await run({
			operation: 'download',
			queryId,
			returnRowsAs: 'summary',
			groupBy: { field: [{ field: 'startDate', bucket: 'value' }] },
			aggregations: { value: [{ op: 'sum', field: 'adsTotal' }] },
			...filterRows([{ field: 'adsTotal', operator: 'isNotEmpty' }]),
		});
		assert.equal(error, undefined);
		const advertised = economicsItems().filter((item) => item.adsTotal !== null);
		assert.ok(advertised.length > 0 && advertised.length < 18, 'some SKUs advertise');
		const days = [...new Set(advertised.map((item) => String(item.startDate)))].sort();
		assert.deepEqual(
			json(items),
			days.map((startDate) => {
				const rows = advertised.filter((item) => item.startDate === startDate);
				return { startDate, count: rows.length, sum_adsTotal: rows.reduce((total, row) => total + micros(row.adsTotal), 0) / 1e6 };
			}),
		);
		const overLimit = await run({ operation: 'download', queryId, returnAll: true, options: { maxItemsMegabytes: 0.01 } });
		assert.match(String(overLimit.error?.message), new RegExp(`^The analytics query ${queryId} \\(Seller Economics\\) has 18 rows`));
	});

	test('the field pickers list the chosen query’s fields, as its items have them', async () => {
		const fields = (parameters: IDataObject) => loadOptions('n8n-nodes-amazon-reports.amazonSellingPartner', 'getQueryFields', { resource: 'analyticsQuery', operation: 'run', ...parameters });
		const economicsFields = await fields({ query: 'sellerEconomics', simplify: true });
		assert.deepEqual(economicsFields.map((option) => option.value).sort(), Object.keys(economicsItem(economics(US, START, END, { date: 'DAY', productId: 'MSKU' }, [])[0])).sort());
		const described = Object.fromEntries(economicsFields.map((option) => [option.value, option.description]));
		assert.equal(described.netProceedsTotal, 'Number');
		assert.equal(described.netProceedsTotalCurrency, 'Text');
		assert.equal(described.startDate, 'Date');
		assert.equal(described.msku, 'Text');
		assert.match(String(described.fees), /^List/);

		const byDate = await fields({ query: 'salesAndTrafficByDate', simplify: true });
		const [record] = salesAndTrafficByDate(US, day(3), day(3), 'DAY');
		assert.deepEqual(byDate.map((option) => option.value).sort(), Object.keys(salesAndTrafficItem(record)).sort());
		const withB2b = await fields({ query: 'salesAndTrafficByDate', simplify: true, options: { includeB2b: true } });
		assert.deepEqual(withB2b.map((option) => option.value).sort(), Object.keys(salesAndTrafficItem(record, true)).sort());

		const custom = await fields({ query: 'custom', simplify: true, graphqlQuery: `{ analytics_salesAndTraffic_2024_04_24 { salesAndTrafficByDate(startDate: "${day(3)}", endDate: "${day(3)}", aggregateBy: DAY, marketplaceIds: ["${US}"]) { startDate sales { unitsOrdered orderedProductSales { amount currencyCode } } } } }` });
		assert.deepEqual(
			custom.map((option) => [option.value, option.description]),
			[
				['orderedProductSales', 'Number'],
				['orderedProductSalesCurrency', 'Text'],
				['startDate', 'Date'],
				['unitsOrdered', 'Number'],
			],
		);
		assert.deepEqual(await fields({ query: 'sellerEconomics', simplify: false }), [], 'Simplify off: fields by path, written in');
		assert.deepEqual(await fields({ operation: 'download', simplify: true }), [], 'Download learns its query from Amazon');
	});
});
