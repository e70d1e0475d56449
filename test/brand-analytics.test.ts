// Brand Analytics and vendor analytics reports (JSON documents that stream), run in n8n-core's
// engine against the emulator: typed items of a search terms and a vendor sales document compared
// with the rows the fixtures wrote; whole-period date ranges; a 200,000-row document streamed; a
// cut or damaged document failing clearly and fast; the Search Query Performance ASIN option; and
// the errors of a rejected or FATAL request naming the report.
import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';

import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { errorDocument } from '../emulator/analytics';
import type { SearchTermsDocumentOptions } from '../emulator/fixtures/sp-brand-analytics';
import { searchTermRow, searchTermsDocument, searchTermsDocumentChunks, vendorSalesDocument } from '../emulator/fixtures/sp-brand-analytics';
import { credentialsFor, DE, runAgainst, SELLING_PARTNER as NODE, SP_CREDENTIAL, US, useEmulator } from './harness/amazon';
import { runNode } from './harness/engine';

const emulatorNow = useEmulator();
let emulator = emulatorNow();
beforeEach(() => {
	emulator = emulatorNow();
	// Reports finish on the first status check: these tests are about documents and requests.
	emulator.spApi.pollsUntilDone = 1;
});

const SEARCH_TERMS = 'GET_BRAND_ANALYTICS_SEARCH_TERMS_REPORT';
const SEARCH_QUERY_PERFORMANCE = 'GET_BRAND_ANALYTICS_SEARCH_QUERY_PERFORMANCE_REPORT';
const VENDOR_SALES = 'GET_VENDOR_SALES_REPORT';
const DAY = 86_400_000;

async function run(parameters: IDataObject) {
	return await runAgainst(emulator, NODE, { resource: 'report', simplify: true, options: { reuseWithinMinutes: 0 }, ...parameters });
}

const json = (items: INodeExecutionData[]) => items.map((item) => item.json);
const createRequests = () => emulator.requests.filter((request) => request.method === 'POST' && request.path === '/reports/2021-06-30/reports');
const lastCreateBody = () => JSON.parse(createRequests().at(-1)?.body ?? '{}') as IDataObject;

/** The last Sunday-to-Saturday week that is over (UTC), as Amazon's Brand Analytics weeks run. */
function lastCompleteWeek(): { sunday: string; saturday: string } {
	const today = Math.floor(Date.now() / DAY) * DAY;
	const daysBack = (new Date(today).getUTCDay() + 1) % 7 || 7;
	const saturday = today - daysBack * DAY;
	const day = (time: number) => new Date(time).toISOString().slice(0, 10);
	return { sunday: day(saturday - 6 * DAY), saturday: day(saturday) };
}

function queueSearchTerms(options: Omit<SearchTermsDocumentOptions, 'marketplaceId'>, bytes?: Uint8Array) {
	const document = bytes ?? gzipSync(Buffer.from(searchTermsDocument({ marketplaceId: US, ...options })));
	emulator.spApi.queueOutcome(SEARCH_TERMS, { status: 'DONE', document: { text: '', bytes: document, compression: 'GZIP' } });
}

describe('Brand Analytics Search Terms', () => {
	test('Get asks for the last complete week, and gives one typed item per row with the report’s context', async () => {
		const week = lastCompleteWeek();
		queueSearchTerms({ rows: 600, dataStartTime: week.sunday, dataEndTime: week.saturday });
		const { items, error } = await run({ operation: 'get', reportType: SEARCH_TERMS, marketplaceIds: [US] });
		assert.equal(error, undefined);

		const body = lastCreateBody();
		assert.equal(body.dataStartTime, `${week.sunday}T00:00:00Z`, 'a Sunday');
		assert.equal(body.dataEndTime, `${week.saturday}T23:59:59Z`, 'the Saturday after');
		assert.deepEqual(body.reportOptions, { reportPeriod: 'WEEK' });

		const context = { reportPeriod: 'WEEK', dataStartTime: week.sunday, dataEndTime: week.saturday, marketplaceId: US };
		assert.deepEqual(
			json(items),
			Array.from({ length: 600 }, (_, index) => ({ ...searchTermRow(index), ...context })),
		);
		// Text JSON escapes, and characters beyond ASCII, come back as written.
		assert.ok(items.some((item) => String(item.json.searchTerm).includes('12" "pro" pan')));
		assert.ok(items.some((item) => String(item.json.searchTerm).includes('c:\\path\\tool')));
		assert.ok(items.some((item) => String(item.json.searchTerm).includes('crème brûlée 日本')));
	});

	test('a reportSpecification after the list still gives every item its context (Download)', async () => {
		queueSearchTerms({ rows: 90, dataStartTime: '2026-10-01', dataEndTime: '2026-10-31', reportPeriod: 'MONTH', specificationLast: true, pretty: false });
		const { items: created } = await run({ operation: 'create', reportType: SEARCH_TERMS, marketplaceIds: [US], searchTermsReportPeriod: 'MONTH' });
		const { items, error } = await run({ operation: 'download', reportId: created[0].json.reportId, options: {} });
		assert.equal(error, undefined);
		assert.equal(items.length, 90);
		for (const [index, item] of items.entries()) {
			assert.deepEqual(item.json, { ...searchTermRow(index), reportPeriod: 'MONTH', dataStartTime: '2026-10-01', dataEndTime: '2026-10-31', marketplaceId: US });
		}
	});

	test('Data Start picks the period: the month it falls in; a range over two months is refused before any request', async () => {
		const { error } = await run({
			operation: 'get',
			reportType: SEARCH_TERMS,
			marketplaceIds: [US],
			searchTermsReportPeriod: 'MONTH',
			dataStartTime: '2026-09-14T00:00:00Z',
		});
		assert.equal(error, undefined);
		assert.equal(lastCreateBody().dataStartTime, '2026-09-01T00:00:00Z');
		assert.equal(lastCreateBody().dataEndTime, '2026-09-30T23:59:59Z');

		const before = createRequests().length;
		const spanning = await run({
			operation: 'get',
			reportType: SEARCH_TERMS,
			marketplaceIds: [US],
			searchTermsReportPeriod: 'MONTH',
			dataStartTime: '2026-09-14T00:00:00Z',
			dataEndTime: '2026-10-20T00:00:00Z',
		});
		assert.match(String(spanning.error?.message), /Search Terms reports cover one month at a time/);
		assert.match(String(spanning.error?.description), /2026-09-01 to 2026-09-30/);
		assert.equal(createRequests().length, before, 'no request');
	});

	test('200,000 rows, gzipped, stream through with every row counted', async () => {
		const rows = 200_000;
		const week = lastCompleteWeek();
		// Gzipped piece by piece, as streaming writers do: a gzip file of some 550 members, each checked.
		const members = [...searchTermsDocumentChunks({ rows, marketplaceId: US, dataStartTime: week.sunday, dataEndTime: week.saturday })].map((chunk) => gzipSync(chunk));
		queueSearchTerms({ rows, dataStartTime: week.sunday, dataEndTime: week.saturday }, Buffer.concat(members));
		const { items, error } = await run({ operation: 'get', reportType: SEARCH_TERMS, marketplaceIds: [US] });
		assert.equal(error, undefined);
		assert.equal(items.length, rows);
		const context = { reportPeriod: 'WEEK', dataStartTime: week.sunday, dataEndTime: week.saturday, marketplaceId: US };
		for (const index of [0, 1, 2, 99_999, 150_001, rows - 1]) assert.deepEqual(items[index].json, { ...searchTermRow(index), ...context }, `row ${index}`);
		assert.deepEqual(items[rows - 1].pairedItem, { item: 0 });
	});

	test('a document cut short fails within seconds, naming the report, with no items', async () => {
		const week = lastCompleteWeek();
		const text = searchTermsDocument({ rows: 50_000, marketplaceId: US, dataStartTime: week.sunday, dataEndTime: week.saturday });
		// Cut in the middle of a row, then gzipped properly: only the JSON says it is incomplete.
		queueSearchTerms({ rows: 0, dataStartTime: '', dataEndTime: '' }, gzipSync(Buffer.from(text.slice(0, Math.floor(text.length * 0.6)))));
		const started = Date.now();
		const { items, error } = await run({ operation: 'get', reportType: SEARCH_TERMS, marketplaceIds: [US] });
		assert.ok(Date.now() - started < 10_000, 'within seconds');
		const [reportId] = [...emulator.spApi.reports.keys()];
		const message = String(error?.message);
		assert.match(message, new RegExp(`Brand Analytics Search Terms report ${reportId} \\(document amzn1\\.spdoc[^)]*United States`));
		assert.match(message, /is not valid JSON: it ends in the middle of its data in element [\d,]+ of "dataByDepartmentAndSearchTerm": the download was cut short/);
		assert.equal(items.length, 0, 'no partial data');
	});

	test('a damaged row fails, saying which row; a cut gzip stream fails too', async () => {
		const week = lastCompleteWeek();
		const text = searchTermsDocument({ rows: 3_000, marketplaceId: US, dataStartTime: week.sunday, dataEndTime: week.saturday, pretty: false });
		const at = text.indexOf('"clickShare":', text.indexOf('search term 700"'));
		queueSearchTerms({ rows: 0, dataStartTime: '', dataEndTime: '' }, gzipSync(Buffer.from(`${text.slice(0, at)}"clickShare":0.0.1${text.slice(text.indexOf(',', at))}`)));
		let result = await run({ operation: 'get', reportType: SEARCH_TERMS, marketplaceIds: [US] });
		assert.match(String(result.error?.message), /Brand Analytics Search Terms report \d+ .* is not valid JSON: .*element 2,101 of "dataByDepartmentAndSearchTerm"/);
		assert.equal(result.items.length, 0);

		const gzipped = gzipSync(Buffer.from(text));
		queueSearchTerms({ rows: 0, dataStartTime: '', dataEndTime: '' }, gzipped.subarray(0, Math.floor(gzipped.length / 2)));
		result = await run({ operation: 'get', reportType: SEARCH_TERMS, marketplaceIds: [US] });
		assert.match(String(result.error?.message), /Brand Analytics Search Terms report \d+/);
		assert.equal(result.items.length, 0);
	});
});

describe('Vendor Sales', () => {
	const euCredentials = () => ({ [SP_CREDENTIAL]: credentialsFor(emulator, { [SP_CREDENTIAL]: { region: 'eu' } })[SP_CREDENTIAL] });

	test('one item per row of both lists, money as amount and currency, with the report’s view, program and dates', async () => {
		const { document, rows } = vendorSalesDocument(DE);
		emulator.spApi.queueOutcome(VENDOR_SALES, { status: 'DONE', document: { text: JSON.stringify(document, null, 2), compression: 'GZIP' } });
		const { items, error } = await runNode({
			type: NODE,
			parameters: {
				resource: 'report',
				operation: 'get',
				reportType: VENDOR_SALES,
				marketplaceIds: [DE],
				vendorSalesReportPeriod: 'WEEK',
				vendorSalesDistributorView: 'MANUFACTURING',
				vendorSalesSellingProgram: 'RETAIL',
				dataStartTime: '2026-11-10T00:00:00Z',
				dataEndTime: '2026-11-24T00:00:00Z',
				options: { reuseWithinMinutes: 0 },
			},
			credentials: euCredentials(),
		});
		assert.equal(error, undefined);
		const body = lastCreateBody();
		// The range goes back to whole weeks: from the Sunday before the start to the last Saturday by the end.
		assert.equal(body.dataStartTime, '2026-11-08T00:00:00Z');
		assert.equal(body.dataEndTime, '2026-11-21T23:59:59Z');
		assert.deepEqual(body.reportOptions, { reportPeriod: 'WEEK', distributorView: 'MANUFACTURING', sellingProgram: 'RETAIL' });

		const context = {
			reportPeriod: 'WEEK',
			distributorView: 'MANUFACTURING',
			sellingProgram: 'RETAIL',
			dataStartTime: '2026-11-08',
			dataEndTime: '2026-11-21',
			lastUpdatedDate: '2026-11-23',
			marketplaceId: DE,
		};
		assert.deepEqual(json(items), rows.map((row) => ({ ...row, ...context })));
		// Every item has the same columns, in the same order, whichever list it is from.
		const columns = Object.keys(items[0].json);
		for (const item of items) assert.deepEqual(Object.keys(item.json), columns);
	});

	test('Simplify off: each row as Amazon wrote it, saying its list', async () => {
		const { document } = vendorSalesDocument(US);
		emulator.spApi.queueOutcome(VENDOR_SALES, { status: 'DONE', document: { text: JSON.stringify(document), compression: 'GZIP' } });
		const { items, error } = await run({ operation: 'get', reportType: VENDOR_SALES, marketplaceIds: [US], simplify: false });
		assert.equal(error, undefined);
		const written = [
			...(document.salesAggregate as IDataObject[]).map((row) => ({ ...row, list: 'salesAggregate' })),
			...(document.salesByAsin as IDataObject[]).map((row) => ({ ...row, list: 'salesByAsin' })),
		];
		assert.deepEqual(json(items), written);
	});

	test('a FATAL report quotes Amazon’s errorDetails and names the report', async () => {
		const details = 'This report type requires the reportPeriod, distributorView, sellingProgram reportOption to be specified.';
		emulator.spApi.queueOutcome(VENDOR_SALES, { status: 'FATAL', errorText: errorDocument(details), errorCompression: 'GZIP' });
		const { error } = await run({ operation: 'get', reportType: VENDOR_SALES, marketplaceIds: [US] });
		const [reportId] = [...emulator.spApi.reports.keys()];
		assert.equal(String(error?.message), `Amazon could not build report ${reportId} (Vendor Sales, GET_VENDOR_SALES_REPORT): ${details}`);
	});

	test('a report option Amazon does not take ends FATAL, and the reason is Amazon’s', async () => {
		const { error } = await run({
			operation: 'get',
			reportType: VENDOR_SALES,
			marketplaceIds: [US],
			options: { reuseWithinMinutes: 0, reportOptions: { option: [{ name: 'reportPeriod', value: 'FORTNIGHT' }] } },
		});
		assert.match(String(error?.message), /Amazon could not build report \d+ \(Vendor Sales, GET_VENDOR_SALES_REPORT\): Invalid reportPeriod: FORTNIGHT/);
	});
});

describe('Search Query Performance: the ASINs of its asin option', () => {
	const request = (asins: string) => ({ operation: 'get', reportType: SEARCH_QUERY_PERFORMANCE, marketplaceIds: [US], searchQueryPerformanceAsins: asins });
	const asinsNumbered = (count: number) => Array.from({ length: count }, (_, index) => `B0TEST${String(index).padStart(4, '0')}`);

	test('several ASINs, however separated, go to Amazon space-separated', async () => {
		const { error } = await run(request(' b0test0001,B0TEST0002\nB0TEST0003  B0TEST0001 '));
		assert.equal(error, undefined);
		assert.equal((lastCreateBody().reportOptions as IDataObject).asin, 'B0TEST0001 B0TEST0002 B0TEST0003');
		// 18 ASINs are 197 characters: the most Amazon takes.
		const eighteen = asinsNumbered(18).join(', ');
		assert.equal((await run(request(eighteen))).error, undefined);
		assert.equal(String((lastCreateBody().reportOptions as IDataObject).asin).length, 197);
	});

	test('more than 200 characters, a value that is no ASIN, or none: a clear error before any request', async () => {
		const cases: Array<[string, RegExp]> = [
			[asinsNumbered(19).join(' '), /"ASINs" is 208 characters once written as Amazon takes them \(19 ASINs\); Amazon takes at most 200/],
			['B0TEST0001 https://amazon.com/dp/B0TEST0002', /"ASINs" holds "HTTPS:\/\/AMAZON.COM\/DP\/B0TEST0002", which is not an ASIN/],
			['  ', /"ASINs" is empty/],
		];
		for (const [asins, message] of cases) {
			const { error } = await run(request(asins));
			assert.match(String(error?.message), message);
		}
		const { error } = await run(request(asinsNumbered(19).join(' ')));
		assert.match(String(error?.description), /about 20 Search Query Performance reports a day/);
		assert.equal(createRequests().length, 0, 'no request');
	});
});

describe('errors of a rejected request name the report', () => {
	test('createReport answered 400 says which report type it was for', async () => {
		// A report option that overrides the typed one with a moment without a zone: Amazon answers 400.
		const { error } = await run({
			operation: 'get',
			reportType: 'GET_PROMOTION_PERFORMANCE_REPORT',
			marketplaceIds: [US],
			promotionStartDateFrom: new Date(Date.now() - 30 * DAY).toISOString(),
			promotionStartDateTo: new Date(Date.now() - 2 * DAY).toISOString(),
			options: { reuseWithinMinutes: 0, reportOptions: { option: [{ name: 'promotionStartDateFrom', value: '2026-10-01T00:00:00' }] } },
		});
		assert.match(
			String(error?.message),
			/^Amazon rejected the createReport request for Promotion Performance \(GET_PROMOTION_PERFORMANCE_REPORT\): promotionStartDateFrom and promotionStartDateTo must name a time zone/,
		);
	});
});

describe('JSON reports the package does not know stream too', () => {
	const UNKNOWN = 'GET_B2B_PRODUCT_OPPORTUNITIES_RECOMMENDED_FOR_YOU';

	test('one item per element of its list; with two lists, each item says its list', async () => {
		const recommendations = Array.from({ length: 5 }, (_, index) => ({ asin: `B0RECO000${index}`, brandName: `Brand ${index}`, rank: index + 1 }));
		emulator.spApi.queueOutcome(UNKNOWN, { status: 'DONE', document: { text: JSON.stringify({ recommendations }), compression: 'GZIP' } });
		let result = await run({ operation: 'get', reportType: UNKNOWN, marketplaceIds: [US] });
		assert.equal(result.error, undefined);
		assert.deepEqual(json(result.items), recommendations);

		const document = { reportSpecification: { marketplaceIds: [US] }, first: [{ a: 1 }, { a: 2 }], ids: ['X', 'Y'], second: [{ b: 3 }] };
		emulator.spApi.queueOutcome(UNKNOWN, { status: 'DONE', document: { text: JSON.stringify(document), compression: 'none' } });
		result = await run({ operation: 'get', reportType: UNKNOWN, marketplaceIds: [US] });
		assert.deepEqual(json(result.items), [
			{ a: 1, list: 'first' },
			{ a: 2, list: 'first' },
			{ b: 3, list: 'second' },
		]);
	});
});
