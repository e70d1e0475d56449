// The SP-API performance reports laid out as Amazon’s documentation shows them, run through
// n8n-core's engine against the emulator: V1 customer metrics, V2 account health, promotions and
// coupons, sales and traffic; that the emulator serves the documentation's layouts; and that every report
// type of the registry is typed the same by Get, Download and the Report Ready trigger.
import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';

import { XMLParser } from 'fast-xml-parser';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { accountHealthAmazonExample } from '../emulator/fixtures/sp-account-health';
import { documentedChecklist } from '../emulator/fixtures/sp-customer-metrics';
import { generateFeedback } from '../emulator/fixtures/sp-feedback';
import { DOCUMENTED_V2_ENTRIES, DOCUMENTED_V2_ITEM_METRICS, DOCUMENTED_V2_ORDER_DEFECT_CHANNELS, documentedV2Document } from '../emulator/fixtures/documented-account-health';
import type { DocumentedV1Block } from '../emulator/fixtures/documented-customer-metrics';
import {
	DOCUMENTED_V1_CHECKLIST,
	DOCUMENTED_V1_CONTACT_FIELDS,
	DOCUMENTED_V1_CUSTOMER_EXPERIENCE_MEASURES,
	DOCUMENTED_V1_ORDER_DEFECT_MEASURES,
	DOCUMENTED_V1_RATED_BY,
	documentedV1Blocks,
	documentedV1Checklist,
	documentedV1Truth,
	documentedV1Xml,
} from '../emulator/fixtures/documented-customer-metrics';
import { documentedCouponDocument, documentedPromotionDocument } from '../emulator/fixtures/documented-promotions';
import { documentedSalesTrafficReport } from '../emulator/fixtures/documented-sales-traffic';
import { allReportTypes, reportTypeById } from '../nodes/AmazonSellingPartner/reports/registry';
import type { FlatFileReportType, SpReportType } from '../nodes/AmazonSellingPartner/reports/types';
import {
	CA,
	daysAgo,
	EVERY_POLL,
	keptTrigger,
	MX,
	runAgainst,
	SELLING_PARTNER as NODE,
	SELLING_PARTNER_TRIGGER as TRIGGER,
	US,
	useEmulator,
} from './harness/amazon';

const emulatorNow = useEmulator();
let emulator = emulatorNow();
beforeEach(() => {
	emulator = emulatorNow();
	// Reports finish on the first status check: these tests are about documents, not waiting.
	emulator.spApi.pollsUntilDone = 1;
});

const V1 = 'GET_V1_SELLER_PERFORMANCE_REPORT';
const V2 = 'GET_V2_SELLER_PERFORMANCE_REPORT';
const PROMOTIONS = 'GET_PROMOTION_PERFORMANCE_REPORT';
const COUPONS = 'GET_COUPON_PERFORMANCE_REPORT';
const SALES_AND_TRAFFIC = 'GET_SALES_AND_TRAFFIC_REPORT';
const FEEDBACK = 'GET_SELLER_FEEDBACK_DATA';

/** Runs the Selling Partner node once; Get never reuses a report, so each test sees its own document. */
async function run(parameters: IDataObject) {
	return await runAgainst(emulator, NODE, { resource: 'report', simplify: true, options: { reuseWithinMinutes: 0 }, ...parameters });
}

const json = (items: INodeExecutionData[]) => items.map((item) => item.json);

function registered(reportType: string): SpReportType {
	const report = reportTypeById(reportType);
	assert.ok(report, `${reportType} is in the registry`);
	return report;
}

/** The next report of this type gets this document. */
function queueDocument(reportType: string, text: string, extra: { contentType?: string; compression?: 'none' | 'GZIP' } = {}) {
	emulator.spApi.queueOutcome(reportType, { status: 'DONE', document: { text, ...extra } });
}

describe('Customer Metrics (V1 XML) laid out as Amazon’s documentation lists it', () => {
	const request = (marketplaceIds: string[]) => ({ operation: 'get', reportType: V1, marketplaceIds });
	const serveXml = (xml: string) => queueDocument(V1, xml, { contentType: 'text/xml;charset=UTF-8', compression: 'none' });

	/** An item reduced to what the document says, rates rounded off float noise. */
	const measured = (row: IDataObject) => ({
		marketplaceId: row.marketplaceId,
		metric: row.metric,
		timeFrameStart: row.timeFrameStart ?? null,
		timeFrameEnd: row.timeFrameEnd ?? null,
		orderCount: row.orderCount ?? null,
		count: row.count ?? null,
		rate: typeof row.rate === 'number' ? Math.round(row.rate * 1e9) / 1e9 : (row.rate ?? null),
		...Object.fromEntries(DOCUMENTED_V1_CONTACT_FIELDS.filter((field) => field in row).map((field) => [field, row[field]])),
	});
	const sorted = (rows: IDataObject[]) => rows.map((row) => JSON.stringify(row)).sort();

	/** What the blocks must give, labelled as the brief says: own marketplace, else the only one asked for, else 'unknown'. */
	function expectedItems(blocks: DocumentedV1Block[], requested: string[]) {
		return documentedV1Truth(blocks).map(({ documentMarketplaceId, values, ...truth }) =>
			measured({ ...truth, ...values, marketplaceId: documentMarketplaceId ?? (requested.length === 1 ? requested[0] : 'unknown') }),
		);
	}

	/** Items of measurement blocks (not the checklist's own items for statuses without numbers). */
	const blockItems = (rows: IDataObject[]) => rows.filter((row) => !DOCUMENTED_V1_CHECKLIST.includes(String(row.metric)));

	/** Each checklist entry's status reaches the items it rates, or an item of its own. */
	function assertChecklistReached(rows: IDataObject[], checklist: Record<string, string>) {
		for (const [entry, status] of Object.entries(checklist)) {
			const rated = Object.keys(DOCUMENTED_V1_RATED_BY).filter((metric) => DOCUMENTED_V1_RATED_BY[metric] === entry);
			const carriers = rows.filter((row) => row.metric === entry || rated.includes(String(row.metric)));
			assert.ok(carriers.length > 0, `checklist entry ${entry} reaches an item`);
			for (const row of carriers) assert.equal(row.status, status, `${entry} → ${String(row.metric)} (${String(row.marketplaceId)})`);
		}
	}

	test('two marketplaces (default document): every block is items, each labelled with the marketplace it names', async () => {
		const { items, error } = await run(request([US, CA]));
		assert.equal(error, undefined);
		const rows = json(items);
		const perMarketplace = [
			...DOCUMENTED_V1_ORDER_DEFECT_MEASURES.flatMap((metric) => [metric, metric]),
			...DOCUMENTED_V1_CUSTOMER_EXPERIENCE_MEASURES,
			'buyerSellerContactResponseTimeMetrics',
		].sort();
		// The default document writes US's blocks, then CA's with every count doubled.
		for (const [marketplaceId, scale] of [[US, 1], [CA, 2]] as const) {
			const own = blockItems(rows).filter((row) => row.marketplaceId === marketplaceId);
			assert.deepEqual(own.map((row) => String(row.metric)).sort(), perMarketplace, marketplaceId);
			const defects = own.filter((row) => row.metric === 'orderWithDefects').map(measured);
			assert.deepEqual(
				defects.map((row) => [row.timeFrameStart, row.timeFrameEnd, row.orderCount, row.count, row.rate]).sort(),
				[
					['2026-08-15', '2026-11-13', 1200 * scale, 6 * scale, 0.005],
					['2026-10-14', '2026-11-13', 400 * scale, 6 * scale, 0.005],
				],
				marketplaceId,
			);
			const late = own.find((row) => row.metric === 'lateShipment');
			assert.deepEqual([late?.count, late?.rate, late?.orderCount, late?.timeFrameStart], [22 * scale, 0.055, 400 * scale, '2026-10-14'], marketplaceId);
			// The contact response block has no time frame: its values, without one.
			const contact = own.find((row) => row.metric === 'buyerSellerContactResponseTimeMetrics');
			assert.deepEqual(
				[contact?.averageResponseTimeInHours, contact?.responseUnder24Hours, contact?.timeFrameStart, contact?.timeFrameEnd],
				[7.5 * scale, 41 * scale, null, null],
				marketplaceId,
			);
		}
		assert.equal(blockItems(rows).length, 2 * perMarketplace.length, 'no block item without its marketplace');
		assertChecklistReached(rows, documentedChecklist());
	});

	test('one marketplace asked for: blocks naming none are that marketplace’s', async () => {
		const blocks = documentedV1Blocks(undefined);
		serveXml(documentedV1Xml(blocks));
		const { items, error } = await run(request([CA]));
		assert.equal(error, undefined);
		const rows = json(items);
		assert.deepEqual(sorted(blockItems(rows).map(measured)), sorted(expectedItems(blocks, [CA])));
		assert.ok(rows.every((row) => row.marketplaceId === CA), 'the checklist’s own items too');
		assertChecklistReached(rows, documentedV1Checklist());
	});

	test('two asked for: a block naming none is "unknown", the others keep their own', async () => {
		const blocks = [...documentedV1Blocks(US), ...documentedV1Blocks(undefined, 3), ...documentedV1Blocks(CA, 2)];
		serveXml(documentedV1Xml(blocks));
		const { items, error } = await run(request([US, CA]));
		assert.equal(error, undefined);
		const rows = json(items);
		assert.deepEqual(sorted(blockItems(rows).map(measured)), sorted(expectedItems(blocks, [US, CA])));
		assertChecklistReached(rows, documentedV1Checklist());
	});

	test('two asked for, no block names one: every block item is "unknown"', async () => {
		const blocks = documentedV1Blocks(undefined);
		serveXml(documentedV1Xml(blocks));
		const { items, error } = await run(request([US, CA]));
		assert.equal(error, undefined);
		const rows = blockItems(json(items));
		assert.deepEqual(sorted(rows.map(measured)), sorted(expectedItems(blocks, [US, CA])));
		assert.ok(rows.every((row) => row.marketplaceId === 'unknown'));
	});
});

describe('Account Health (V2 JSON) laid out as Amazon’s documentation lists it', () => {
	const serveJson = (document: unknown) => queueDocument(V2, JSON.stringify(document));
	const metricName = ([metric, channel]: [string, string | null]) => (channel ? `${metric}/${channel}` : metric);

	test('performanceMetrics without marketplaceId: the one marketplace asked for, with its account status', async () => {
		serveJson(documentedV2Document(CA, 'AT_RISK'));
		const { items, error } = await run({ operation: 'get', reportType: V2, marketplaceIds: [CA] });
		assert.equal(error, undefined);
		const rows = json(items);
		for (const wanted of DOCUMENTED_V2_ITEM_METRICS) {
			const row = rows.find((item) => item.metric === wanted[0] && item.fulfillmentType === wanted[1]);
			assert.ok(row, `${metricName(wanted)} is an item`);
			assert.equal(row.marketplaceId, CA, metricName(wanted));
			assert.equal(row.accountStatus, 'AT_RISK', metricName(wanted));
		}
		assert.ok(rows.every((row) => row.marketplaceId === CA && row.accountStatus === 'AT_RISK'));
	});

	test('Amazon’s own example: suspended marketplace, warningState, WARNED, documentRequest, minute date-times', async () => {
		serveJson(accountHealthAmazonExample());
		const { items, error } = await run({ operation: 'get', reportType: V2, marketplaceIds: [US, CA, MX] });
		assert.equal(error, undefined);
		const rows = json(items);
		// Mexico has no metrics block: its status still reaches the workflow.
		const suspended = rows.find((row) => row.marketplaceId === MX && row.metric === 'accountStatus');
		assert.equal(suspended?.status, 'SUSPENDED');
		assert.equal(suspended?.meetsTarget, false);

		const rating = rows.find((row) => row.metric === 'accountHealthRating');
		assert.equal(rating?.status, 'WARNED');
		assert.equal(rating?.meetsTarget, true, 'WARNED is a warning, not a failed rating');
		assert.deepEqual(rating?.warningStates, [{ warningType: 'spammingSellerMessaging', status: 'BAD' }], 'objects, not a JSON string');
		assert.equal(rating?.marketplaceId, US);

		const documentRequest = rows.find((row) => row.metric === 'documentRequest');
		assert.ok(documentRequest, 'documentRequest is an item');
		assert.equal(documentRequest.defectsCount, 8);
		assert.equal(documentRequest.status, 'GOOD');

		// Amazon writes these without seconds: kept as written.
		const late = rows.find((row) => row.metric === 'lateShipmentRate');
		assert.deepEqual([late?.reportingDateFrom, late?.reportingDateTo], ['2020-10-21T00:00Z', '2020-11-19T23:59Z']);
		assert.deepEqual([documentRequest.reportingDateFrom, documentRequest.reportingDateTo], ['2020-11-21T00:00Z', '2020-11-19T23:59Z']);

		assert.ok(rows.some((row) => row.metric === 'preFulfillmentCancellationRate'), 'prefulfillmentCancelRate under the schema name');
		assert.deepEqual(
			rows.filter((row) => row.metric === 'orderDefectRate').map((row) => row.fulfillmentType).sort(),
			['afn', 'mfn'],
		);
		assert.ok(rows.filter((row) => row.metric !== 'accountStatus').every((row) => row.marketplaceId === US && row.accountStatus === 'AT_RISK'));
	});

	test('every documented metric of the registry sample is an item', async () => {
		const { sample } = registered(V2);
		emulator.spApi.queueOutcome(V2, { status: 'DONE', document: { ...sample } });
		const { items, error } = await run({ operation: 'get', reportType: V2, marketplaceIds: [US] });
		assert.equal(error, undefined);
		const rows = json(items);
		for (const wanted of [...DOCUMENTED_V2_ITEM_METRICS, ['accountStatus', null] as [string, null]]) {
			assert.ok(
				rows.some((row) => row.metric === wanted[0] && row.fulfillmentType === wanted[1] && row.marketplaceId === US),
				`${metricName(wanted)} is an item`,
			);
		}
	});
});

describe('Promotion and Coupon Performance keep what the document says about itself', () => {
	test('promotion items carry the reportSpecification; a promotion without marketplaceId gets the specification’s', async () => {
		const specification = { promotionStartDateFrom: '2026-11-01T00:00:00Z', promotionStartDateTo: '2026-11-15T00:00:00Z', marketplaceIds: [CA] };
		const parameters = { operation: 'get', reportType: PROMOTIONS, marketplaceIds: [CA], promotionStartDateFrom: daysAgo(40), promotionStartDateTo: daysAgo(2) };
		for (const promotionOutput of ['promotions', 'products']) {
			queueDocument(PROMOTIONS, JSON.stringify(documentedPromotionDocument(specification)));
			const { items, error } = await run({ ...parameters, promotionOutput });
			assert.equal(error, undefined, promotionOutput);
			const rows = json(items);
			assert.equal(rows.length, promotionOutput === 'products' ? 3 : 2);
			for (const row of rows) {
				assert.deepEqual(
					{
						from: row.reportPromotionStartDateFrom,
						to: row.reportPromotionStartDateTo,
						marketplaces: row.reportMarketplaceIds,
						marketplaceId: row.marketplaceId,
					},
					{ from: specification.promotionStartDateFrom, to: specification.promotionStartDateTo, marketplaces: [CA], marketplaceId: CA },
					`${promotionOutput}: ${String(row.promotionId)}`,
				);
			}
			assert.ok(rows.some((row) => row.promotionId === 'documented-promo-0002'), 'the promotion without a marketplace is there');
		}
	});

	test('the specification’s marketplace, even when the request named more', async () => {
		// Asked for US and CA, Amazon reports on CA only: the document, not the request, says which.
		const specification = { promotionStartDateFrom: '2026-11-01T00:00:00Z', promotionStartDateTo: '2026-11-15T00:00:00Z', marketplaceIds: [CA] };
		queueDocument(PROMOTIONS, JSON.stringify(documentedPromotionDocument(specification)));
		const { items, error } = await run({ operation: 'get', reportType: PROMOTIONS, marketplaceIds: [US, CA], promotionStartDateFrom: daysAgo(40), promotionStartDateTo: daysAgo(2) });
		assert.equal(error, undefined);
		assert.deepEqual(
			json(items).map((row) => [row.promotionId, row.marketplaceId, row.reportMarketplaceIds]),
			[
				['documented-promo-0001', CA, [CA]],
				['documented-promo-0002', CA, [CA]],
			],
		);
	});

	test('coupons of a document naming its marketplaceIds at the top get that marketplace', async () => {
		// Once as asked, once asked for two: the document's own list decides.
		for (const marketplaceIds of [[CA], [US, CA]]) {
			queueDocument(COUPONS, JSON.stringify(documentedCouponDocument([CA])));
			const { items, error } = await run({
				operation: 'get',
				reportType: COUPONS,
				marketplaceIds,
				couponStartDateFrom: daysAgo(40),
				couponStartDateTo: daysAgo(2),
			});
			assert.equal(error, undefined);
			assert.deepEqual(
				json(items).map((row) => [row.couponId, row.marketplaceId, row.clips]),
				[
					['documented-coupon-1', CA, 300],
					['documented-coupon-2', CA, 120],
				],
				marketplaceIds.join(','),
			);
		}
	});
});

describe('the emulator speaks the documentation’s layouts', () => {
	test('the default V1 document repeats the documentation’s elements directly under the report root', async () => {
		const { items, error } = await run({ operation: 'get', reportType: V1, marketplaceIds: [US, CA], options: { reuseWithinMinutes: 0, returnFile: true } });
		assert.equal(error, undefined);
		const file = items[0]?.binary?.data;
		assert.ok(file, 'the document as a file');
		// Parsed here, not by the package: every element as a list, to see what repeats.
		const parsed = new XMLParser({ parseTagValue: false, isArray: () => true }).parse(Buffer.from(file.data, 'base64').toString('utf8')) as Record<string, IDataObject[]>;
		assert.equal(parsed.sellerPerformanceReports?.length, 1, 'one report root');
		const root = parsed.sellerPerformanceReports[0] as Record<string, IDataObject[]>;
		assert.ok(!('sellerPerformanceReport' in root), 'no wrapper between the root and the metrics');

		const first = (element: IDataObject, name: string) => (element[name] as unknown[] | undefined)?.[0];
		assert.deepEqual(Object.keys(first(root as IDataObject, 'performanceChecklist') as IDataObject), DOCUMENTED_V1_CHECKLIST);

		// One orderDefectMetrics per marketplace and time frame, straight under the root.
		const defects = root.orderDefectMetrics;
		assert.deepEqual(defects.map((block) => first(block, 'marketplaceId')), [US, US, CA, CA]);
		for (const block of defects) {
			const timeFrame = first(block, 'timeFrame') as IDataObject;
			assert.ok(first(timeFrame, 'start') && first(timeFrame, 'end'), 'a time frame');
			assert.ok(first(block, 'orderCount'));
			for (const measure of DOCUMENTED_V1_ORDER_DEFECT_MEASURES) {
				const element = first(block, measure) as IDataObject;
				assert.ok(first(element, 'count') !== undefined && first(element, 'rate') !== undefined, measure);
			}
		}
		assert.deepEqual(
			root.customerExperience.map((wrapper) => {
				const metrics = first(wrapper, 'customerExperienceMetrics') as IDataObject;
				assert.ok(first(metrics, 'timeFrame'));
				for (const measure of DOCUMENTED_V1_CUSTOMER_EXPERIENCE_MEASURES) assert.ok(first(metrics, measure), measure);
				return first(metrics, 'marketplaceId');
			}),
			[US, CA],
		);
		// The contact response block: the documentation's four values, and no time frame.
		assert.equal(root.buyerSellerContactResponseTimeMetrics.length, 2);
		for (const block of root.buyerSellerContactResponseTimeMetrics) {
			assert.ok(!('timeFrame' in block));
			for (const field of DOCUMENTED_V1_CONTACT_FIELDS) assert.ok(first(block, field) !== undefined, field);
		}
	});

	test('the V2 registry sample holds every entry and field Amazon’s documentation lists', () => {
		const document = JSON.parse(registered(V2).sample.text) as { accountStatuses: IDataObject[]; performanceMetrics: Array<Record<string, IDataObject>> };
		assert.ok(document.accountStatuses.every((entry) => typeof entry.marketplaceId === 'string' && typeof entry.status === 'string'));
		const metrics = document.performanceMetrics[0];
		for (const [entry, fields] of Object.entries(DOCUMENTED_V2_ENTRIES)) {
			assert.ok(entry in metrics, entry);
			for (const field of fields) assert.ok(field in metrics[entry], `${entry}.${field}`);
			const range = metrics[entry].reportingDateRange as IDataObject | undefined;
			if (fields.includes('reportingDateRange')) assert.ok(range?.reportingDateFrom && range.reportingDateTo, `${entry}.reportingDateRange`);
		}
		for (const [channel, fields] of Object.entries(DOCUMENTED_V2_ORDER_DEFECT_CHANNELS)) {
			const block = metrics.orderDefectRate[channel] as IDataObject;
			for (const field of fields) assert.ok(field in block, `orderDefectRate.${channel}.${field}`);
		}
	});

	test('Canada’s feedback dates are day first (03/11/26 is 3 November) and come out as ISO dates', async () => {
		const start = '2026-10-28T00:00:00.000Z';
		const end = '2026-11-30T00:00:00.000Z';
		const { tsv, rows: truth } = generateFeedback(CA, start, end);
		assert.match(tsv, /\n03\/11\/26\t/, 'the document writes 3 November day first');
		assert.ok(truth.some((row) => Number(row.date.slice(8)) <= 12), 'dates that would read as another day month first');
		const { items, error } = await run({ operation: 'get', reportType: FEEDBACK, marketplaceIds: [CA], dataStartTime: start, dataEndTime: end });
		assert.equal(error, undefined);
		assert.deepEqual(json(items), truth);
	});
});

/** Values for a report's own required parameters (date ranges): a month back to two days ago. */
function ownParameters(report: SpReportType): IDataObject {
	const values: IDataObject = {};
	for (const parameter of report.parameters ?? []) {
		if (parameter.type === 'dateTime') values[parameter.name] = /To$/.test(parameter.name) ? daysAgo(2) : daysAgo(30);
		// A required text parameter: its placeholder's example (e.g. the ASINs of Search Query Performance).
		if (parameter.type === 'string' && parameter.required) values[parameter.name] = String(parameter.placeholder ?? '').replace(/^e\.g\.\s*/, '');
	}
	return values;
}

const isFlatFile = (report: SpReportType): report is FlatFileReportType => report.format === 'tsv' || report.format === 'csv';

/** As the reference says titles are matched: case, punctuation and a parenthetical suffix do not count. */
const normalisedTitle = (title: string) =>
	title
		.replace(/^\uFEFF/, '')
		.replace(/\([^)]*\)\s*$/, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '');

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

describe('every registered report type is typed the same by Get, Download and Report Ready', () => {
	/** Download of a report by its ID, as a workflow would after Create or a schedule. */
	const download = async (reportId: string, simplify = true) => await run({ operation: 'download', reportId, simplify, options: {} });

	for (const report of allReportTypes()) {
		const { reportType } = report;

		if (report.requestable) {
			test(`${report.name} (${reportType}): Get and Download give identical items`, async () => {
				emulator.spApi.serve(reportType, { ...report.sample });
				const request = { reportType, marketplaceIds: [US], ...ownParameters(report) };
				const got = await run({ ...request, operation: 'get' });
				assert.equal(got.error, undefined);
				const created = await run({ ...request, operation: 'create' });
				assert.equal(created.error, undefined);
				const downloaded = await download(String(created.items[0].json.reportId));
				assert.equal(downloaded.error, undefined);
				assert.ok(got.items.length > 0, 'the sample gives items');
				assert.deepEqual(json(downloaded.items), json(got.items));
			});
		}

		test(`${report.name} (${reportType}): Report Ready gives the items Download gives`, async () => {
			const watcher = keptTrigger(emulatorNow, TRIGGER, { event: 'reportReady', reportType, simplify: true, options: EVERY_POLL });
			assert.deepEqual(await watcher.poll(), [], 'the first poll only remembers');
			const reportId = emulator.spApi.addScheduledReport({ reportType, marketplaceIds: [US], document: { ...report.sample } });
			const emitted = await watcher.poll();
			const downloaded = await download(reportId);
			assert.equal(downloaded.error, undefined);
			assert.ok(emitted.length > 0, 'the sample gives items');
			assert.deepEqual(json(emitted), json(downloaded.items));
		});

		if (!isFlatFile(report)) continue;

		test(`${report.name} (${reportType}): every sample column is known and typed; Simplify off keeps Amazon’s titles and text`, async () => {
			const lines = report.sample.text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((line) => line !== '');
			const delimiter = report.format === 'tsv' ? '\t' : ',';
			const header = lines[0].split(delimiter).map((title) => title.trim());
			const reportId = emulator.spApi.addScheduledReport({ reportType, marketplaceIds: [US], document: { ...report.sample } });
			const typed = json((await download(reportId)).items);
			const raw = json((await download(reportId, false)).items);
			assert.equal(typed.length, lines.length - 1, 'one item per row');
			assert.equal(raw.length, typed.length);

			// Which file title feeds each known column (by position for localised titles).
			const titleOf = new Map<string, string | undefined>();
			report.columns.forEach((column, index) => {
				const title = report.byPosition ? header[index] : header.find((candidate) => column.titles.some((known) => normalisedTitle(known) === normalisedTitle(candidate)));
				if (!titleOf.has(column.key)) titleOf.set(column.key, title);
			});
			const fed = new Set([...titleOf.values()].filter(Boolean));
			assert.deepEqual(header.filter((title) => !fed.has(title)), [], 'every header column maps to a known key');

			// Nothing but the leading fields and the spec's keys: no camelCase leftovers of unknown titles.
			const leading = Object.keys(report.leading?.({ marketplaceIds: [US] }) ?? {});
			const keys = [...new Set([...leading, ...report.columns.map((column) => column.key)])].sort();
			typed.forEach((row, index) => {
				assert.deepEqual(Object.keys(row).sort(), keys, `row ${index + 1}: keys`);
				for (const column of report.columns) {
					const title = titleOf.get(column.key);
					const text = title === undefined ? undefined : String(raw[index][title]).trim();
					const value = row[column.key];
					const where = `row ${index + 1} ${column.key} (${column.type}) from "${text}"`;
					// A report that reads its lines itself (settlements) derives keys (no titles) and
					// fills empty cells from another line (its summary's dates): its own tests check those.
					if (report.lineReader && (column.titles.length === 0 || text === '')) continue;
					if (text === undefined || text === '') {
						assert.equal(value, null, where);
						continue;
					}
					if (column.type === 'integer' || column.type === 'decimal') {
						assert.equal(typeof value, 'number', where);
						if (/^-?\d+(\.\d+)?$/.test(text)) assert.equal(value, Number(text), where);
					} else if (column.type === 'boolean') {
						assert.equal(typeof value, 'boolean', where);
					} else if (column.type === 'datetime') {
						assert.match(String(value), ISO_WITH_OFFSET, where);
						// The local date and time as the file wrote them.
						const local = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})/.exec(text);
						if (local) assert.equal(String(value).slice(0, 19), `${local[1]}T${local[2]}`, where);
					} else if (column.type === 'date') {
						assert.match(String(value), /^\d{4}-\d{2}-\d{2}$/, where);
					} else if (column.type === 'code') {
						// Identifiers stay as written: a numeric-looking SKU or a postal code keeps its zeros.
						assert.equal(value, text, where);
					} else {
						assert.equal(typeof value, 'string', where);
					}
				}
			});

			// Simplify off: Amazon's titles as keys, every value text.
			raw.forEach((row, index) => {
				assert.deepEqual(Object.keys(row), header, `row ${index + 1}: titles`);
				for (const [title, value] of Object.entries(row)) assert.equal(typeof value, 'string', `row ${index + 1} "${title}"`);
			});
		});
	}
});

describe('Sales and Traffic (JSON)', () => {
	test('one item per row of either list, saying which, amounts as numbers', async () => {
		const { document, truth } = documentedSalesTrafficReport();
		queueDocument(SALES_AND_TRAFFIC, JSON.stringify(document), { compression: 'GZIP' });
		const { items, error } = await run({
			operation: 'get',
			reportType: SALES_AND_TRAFFIC,
			marketplaceIds: [US],
			dataStartTime: '2026-11-20T00:00:00Z',
			dataEndTime: '2026-11-22T23:59:59Z',
			salesAndTrafficDateGranularity: 'DAY',
			salesAndTrafficAsinGranularity: 'CHILD',
		});
		assert.equal(error, undefined);
		const rows = json(items);
		assert.deepEqual(
			rows.map((row) => [row.list, row.list === 'byDate' ? row.date : row.childAsin, row.orderedProductSales, row.unitsOrdered, row.sessions]),
			truth.map((row) => [row.list, row.key, row.orderedProductSales, row.unitsOrdered, row.sessions]),
		);
		// Every amount Amazon writes as money, not only the one compared above.
		for (const row of rows.filter((item) => item.list === 'byDate')) {
			for (const field of ['averageSalesPerOrderItem', 'shippedProductSales']) assert.equal(typeof row[field], 'number', `${String(row.date)} ${field}`);
		}
	});
});

describe('errors name the report, its ID and the marketplace', () => {
	test('a damaged (truncated gzip) feedback document', async () => {
		const { tsv } = generateFeedback(US, daysAgo(30), daysAgo(1));
		const gzipped = gzipSync(Buffer.from(tsv, 'utf8'));
		emulator.spApi.queueOutcome(FEEDBACK, {
			status: 'DONE',
			document: { text: tsv, bytes: gzipped.subarray(0, Math.floor(gzipped.length / 2)), compression: 'GZIP' },
		});
		const { error } = await run({ operation: 'get', reportType: FEEDBACK, marketplaceIds: [US] });
		const [reportId] = [...emulator.spApi.reports.keys()];
		const message = String(error?.message);
		assert.match(message, /Seller Feedback/);
		assert.ok(message.includes(reportId), `report ${reportId} in: ${message}`);
		assert.match(message, /United States/);
	});

	test('a damaged account health document of Canada', async () => {
		queueDocument(V2, '{"accountStatuses": [');
		const { error } = await run({ operation: 'get', reportType: V2, marketplaceIds: [CA] });
		const [reportId] = [...emulator.spApi.reports.keys()];
		const message = String(error?.message);
		assert.match(message, /Account Health/);
		assert.ok(message.includes(reportId), `report ${reportId} in: ${message}`);
		assert.match(message, /Canada/);
	});
});
