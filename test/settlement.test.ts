// Settlements (GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2), made by Amazon on a schedule: the
// Report Ready trigger picks them up, Get Many lists them, Download reads them by ID, as one item
// per line or a summary per settlement. A US file (UTF-8, 1,234.56, posted-date day first) and a
// German one (Cp1252, 1.234,56, 14.03.2023 07:49:55 UTC), and the cases where a file does not say
// how it writes numbers or dates. Expected values are worked out here from the files' text.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, test } from 'node:test';

import type { IDataObject, INodeExecutionData, INodeProperties, INodeType } from 'n8n-workflow';

import { GERMAN_SETTLEMENT_TEXT, settlementDocument, US_SETTLEMENT_TEXT } from '../emulator/fixtures/sp-settlement';
import { reportTypeById, reportTypeChoices } from '../nodes/AmazonSellingPartner/reports/registry';
import type { FlatFileReportType } from '../nodes/AmazonSellingPartner/reports/types';
import { loadPackage } from './harness/engine';
import { DE, EVERY_POLL, keptTrigger, runAgainst, SELLING_PARTNER as NODE, SELLING_PARTNER_TRIGGER as TRIGGER, US, useEmulator } from './harness/amazon';
import type { SettlementAmountColumn } from './oracles/settlementSummaries';
import { SettlementSummaries } from './oracles/settlementSummaries';

const SETTLEMENT = 'GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2';
const REMOVED_SETTLEMENT = 'GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE';

const emulatorNow = useEmulator();
let emulator = emulatorNow();
beforeEach(() => {
	emulator = emulatorNow();
});

const json = (items: INodeExecutionData[]) => items.map((item) => item.json);

/** A settlement Amazon made on its schedule, with this file (tab-separated text). */
function madeByAmazon(text: string, options: { marketplaceIds?: string[]; charset?: string; reportType?: string } = {}): string {
	return emulator.spApi.addScheduledReport({
		reportType: options.reportType ?? SETTLEMENT,
		marketplaceIds: options.marketplaceIds ?? [],
		document: { text, charset: options.charset ?? 'UTF-8', compression: 'GZIP' },
	});
}

async function download(reportId: string, options: IDataObject = {}) {
	const result = await runAgainst(emulator, NODE, { resource: 'report', operation: 'download', reportId, simplify: true, options });
	assert.equal(result.error, undefined, result.error?.message);
	return json(result.items);
}

// ── The files as a reader of the text sees them, without the node ─────────────────────────────

/** Each data line of a tab-separated file as { title: text }. */
function linesOf(text: string): Array<Record<string, string>> {
	const [header, ...lines] = text.split('\n').filter((line) => line !== '');
	const titles = header.split('\t');
	return lines.map((line) => Object.fromEntries(line.split('\t').map((cell, index) => [titles[index], cell])));
}

/** Hundredths of an amount written the US way (1,299.00) or the German way (1.049,00). */
function cents(text: string, style: 'US' | 'DE'): number {
	const plain = style === 'US' ? text.replace(/,/g, '') : text.replace(/\./g, '').replace(',', '.');
	return Math.round(Number(plain) * 100);
}

/** "2025-06-09 05:23:19 UTC" / "14.03.2023 07:49:55 UTC" → "2025-06-09T05:23:19+00:00". */
function isoOf(text: string): string {
	const dotted = /^(\d{2})\.(\d{2})\.(\d{4}) (\d{2}:\d{2}:\d{2}) UTC$/.exec(text);
	if (dotted) return `${dotted[3]}-${dotted[2]}-${dotted[1]}T${dotted[4]}+00:00`;
	const dashed = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) UTC$/.exec(text);
	assert.ok(dashed, `a date of the fixture: ${text}`);
	return `${dashed[1]}T${dashed[2]}+00:00`;
}

interface Expected {
	settlementId: string;
	currency: string;
	total: number;
	depositDate: string;
	lines: number;
	orders: number;
	byTransactionType: Record<string, number>;
	byAmountType: Record<string, number>;
}

/** What a settlement's summary must say, added up from the file's text. */
function expectedSummary(text: string, style: 'US' | 'DE'): Expected {
	const [summary, ...lines] = linesOf(text);
	const add = (totals: Record<string, number>, key: string, amount: number) => (totals[key] = (totals[key] ?? 0) + amount);
	const byTransactionType: Record<string, number> = {};
	const byAmountType: Record<string, number> = {};
	for (const line of lines) {
		add(byTransactionType, line['transaction-type'], cents(line.amount, style));
		add(byAmountType, line['amount-type'], cents(line.amount, style));
	}
	const inEuros = (totals: Record<string, number>) => Object.fromEntries(Object.entries(totals).map(([key, value]) => [key, value / 100]));
	return {
		settlementId: summary['settlement-id'],
		currency: summary.currency,
		total: cents(summary['total-amount'], style) / 100,
		depositDate: isoOf(summary['deposit-date']),
		lines: lines.length,
		orders: new Set(lines.filter((line) => line['transaction-type'] === 'Order').map((line) => line['order-id'])).size,
		byTransactionType: inEuros(byTransactionType),
		byAmountType: inEuros(byAmountType),
	};
}

function assertSummary(item: IDataObject, expected: Expected) {
	assert.equal(item.settlementId, expected.settlementId);
	assert.equal(item.currency, expected.currency);
	assert.equal(item.totalAmount, expected.total);
	assert.equal(item.linesTotal, expected.total, 'the lines add up to the total');
	assert.equal(item.linesMatchTotal, true);
	assert.equal(item.depositDate, expected.depositDate);
	assert.equal(item.lines, expected.lines);
	assert.equal(item.orders, expected.orders);
	assert.deepEqual(item.totalsByTransactionType, expected.byTransactionType);
	assert.deepEqual(item.totalsByAmountType, expected.byAmountType);
	assert.deepEqual(item.warnings, []);
}

// ── Tests ──────────────────────────────────────────────────────────────────────────────────────

describe('Settlement: Report Ready, Get Many and Download', () => {
	test('Report Ready (its default type) picks up each settlement Amazon made, once, and creates no report', async () => {
		// No Report Type given: the trigger's default is the settlement Amazon makes today.
		const watcher = keptTrigger(emulatorNow, TRIGGER, { event: 'reportReady', options: EVERY_POLL });
		assert.deepEqual(await watcher.poll(), [], 'the first poll only remembers');
		madeByAmazon(GERMAN_SETTLEMENT_TEXT, { marketplaceIds: [DE], charset: 'Cp1252' });
		madeByAmazon(US_SETTLEMENT_TEXT, { marketplaceIds: [US] });
		const emitted = json(await watcher.poll());
		assert.equal(emitted.length, linesOf(GERMAN_SETTLEMENT_TEXT).length + linesOf(US_SETTLEMENT_TEXT).length, 'one item per line of both files');
		assert.deepEqual(
			[...new Set(emitted.map((item) => item.settlementId))],
			[linesOf(GERMAN_SETTLEMENT_TEXT)[0]['settlement-id'], linesOf(US_SETTLEMENT_TEXT)[0]['settlement-id']],
		);
		assert.deepEqual(await watcher.poll(), [], 'each settlement once');
		assert.equal(emulator.requests.filter((request) => request.method === 'POST' && request.path.startsWith('/reports/')).length, 0, 'settlements are never requested');
		const listed = emulator.requests.filter((request) => request.path === '/reports/2021-06-30/reports' && request.method === 'GET');
		assert.ok(listed.every((request) => request.query.reportTypes === SETTLEMENT && request.query.processingStatuses === 'DONE'));
	});

	test('Report Ready with Summary per Settlement: one item per settlement, ready for Slack', async () => {
		const watcher = keptTrigger(emulatorNow, TRIGGER, { event: 'reportReady', reportType: SETTLEMENT, settlementOutput: 'summary', options: EVERY_POLL });
		await watcher.poll();
		const reportId = madeByAmazon(GERMAN_SETTLEMENT_TEXT, { marketplaceIds: [DE], charset: 'Cp1252' });
		const [summary, ...more] = json(await watcher.poll());
		assert.equal(more.length, 0);
		assertSummary(summary, expectedSummary(GERMAN_SETTLEMENT_TEXT, 'DE'));
		assert.equal(summary.reportId, reportId);
		assert.match(String(summary.text), /^Settlement 11795303021 \(Amazon\.de\): EUR 1\.855,72 deposited on 2023-03-16, for 2023-02-28 to 2023-03-14\.\n/);
		assert.match(String(summary.text), /• Order: EUR 2\.008,71 \(3 orders, 10 lines\)/);
		assert.match(String(summary.text), /• Refund: EUR -17,59 \(1 refund, 3 lines\)/);
	});

	test('Get Many (its default type) lists the scheduled settlements; Download gives each one’s summary', async () => {
		const made = emulator.spApi.addSettlementSchedule();
		const listed = await runAgainst(emulator, NODE, { resource: 'report', operation: 'getMany', returnAll: true });
		assert.equal(listed.error, undefined);
		assert.deepEqual(json(listed.items).map((report) => report.reportId).sort(), [...made].sort());
		assert.ok(json(listed.items).every((report) => report.reportType === SETTLEMENT && report.processingStatus === 'DONE'));

		const [german, american] = made;
		const [deSummary] = await download(german, { settlementOutput: 'summary' });
		assertSummary(deSummary, expectedSummary(GERMAN_SETTLEMENT_TEXT, 'DE'));
		const [usSummary] = await download(american, { settlementOutput: 'summary' });
		assertSummary(usSummary, expectedSummary(US_SETTLEMENT_TEXT, 'US'));
		assert.equal(usSummary.marketplaceName, 'Amazon.com');
		assert.match(String(usSummary.text), /^Settlement 24288538021 \(Amazon\.com\): USD 909\.20 deposited on 2025-06-11, for 2025-05-26 to 2025-06-09\./);
		assert.match(String(usSummary.text), /• Order: USD 1,070\.22 \(2 orders, 11 lines\)/);
	});
});

describe('Settlement: one item per line', () => {
	test('US file: 1,299.00 is 1299, dates in ISO, posted-date 09/06/25 is the 9 June that posted-date-time says', async () => {
		const items = await download(madeByAmazon(US_SETTLEMENT_TEXT, { marketplaceIds: [US] }));
		const lines = linesOf(US_SETTLEMENT_TEXT);
		assert.equal(items.length, lines.length);
		const [summary] = lines;
		assert.deepEqual(
			items.map((item) => item.lineType),
			lines.map((_, index) => (index === 0 ? 'summary' : 'transaction')),
		);
		items.forEach((item, index) => {
			const line = lines[index];
			const where = `line ${index + 1}`;
			assert.equal(item.settlementId, line['settlement-id'], where);
			assert.equal(item.amount, line.amount ? cents(line.amount, 'US') / 100 : null, where);
			assert.equal(item.sku, line.sku || null, where);
			assert.equal(item.quantityPurchased, line['quantity-purchased'] ? Number(line['quantity-purchased']) : null, where);
			assert.equal(item.promotionId, line['promotion-id'] || null, where);
			// The settlement's dates and currency on every line, its total only on its own.
			assert.equal(item.settlementStartDate, isoOf(summary['settlement-start-date']), where);
			assert.equal(item.depositDate, isoOf(summary['deposit-date']), where);
			assert.equal(item.currency, 'USD', where);
			assert.equal(item.totalAmount, index === 0 ? 909.2 : null, where);
			if (index === 0) return;
			assert.equal(item.postedDateTime, isoOf(line['posted-date-time']), where);
			assert.equal(item.postedDate, isoOf(line['posted-date-time']).slice(0, 10), where);
			// The fixture's posted-date is day first, against Amazon's documentation.
			const [day, month, year] = line['posted-date'].split('/');
			assert.equal(item.postedDate, `20${year}-${month}-${day}`, where);
		});
		assert.ok(items.some((item) => item.amount === 1299), '1,299.00 is 1299');
		assert.ok(items.some((item) => item.postedDate === '2025-06-09' && item.orderId === '113-9921034-5540211'), '09/06/25 is 9 June');
	});

	test('German file (Cp1252): 1.049,00 is 1049, 95,00 is 95, 14.03.2023 07:49:55 UTC is 14 March, umlauts and dashes intact', async () => {
		const items = await download(madeByAmazon(GERMAN_SETTLEMENT_TEXT, { marketplaceIds: [DE], charset: 'Cp1252' }));
		const lines = linesOf(GERMAN_SETTLEMENT_TEXT);
		assert.equal(items.length, lines.length);
		items.forEach((item, index) => {
			const line = lines[index];
			const where = `line ${index + 1}`;
			assert.equal(item.amount, line.amount ? cents(line.amount, 'DE') / 100 : null, where);
			assert.equal(item.sku, line.sku || null, where);
			assert.equal(item.postedDateTime, line['posted-date-time'] ? isoOf(line['posted-date-time']) : null, where);
			assert.equal(item.settlementEndDate, '2023-03-14T07:49:55+00:00', where);
			assert.equal(item.currency, 'EUR', where);
			// Files of settlements without promotions have no promotion-id column: the key is there, empty.
			assert.equal(item.promotionId, null, where);
		});
		assert.equal(items[0].totalAmount, 1855.72);
		assert.deepEqual(
			items.filter((item) => item.amountDescription === 'Principal').map((item) => [item.sku, item.amount]),
			[
				['KAFFEEMÜHLE-GRAU', 1049],
				['SIEB–FEIN', 95],
				['ESPRESSOMASCHINE-DUO', 1234.56],
				['TEEDOSE-BLÜTE', -19.99],
			],
		);
	});

	test('an amount like 1,234 is read by the file’s convention: 1234 in a US file, 1.234 in a German one', async () => {
		const withAmount = (text: string, replace: string, by: string) => {
			assert.ok(text.includes(replace));
			return text.replace(replace, by);
		};
		// The same cell text, in each file: the rest of the file (its total, its other amounts) tells.
		const us = await download(madeByAmazon(withAmount(US_SETTLEMENT_TEXT, '\t-24.17\t', '\t1,234\t')));
		assert.equal(us.find((item) => item.amountDescription === 'Storage Fee')?.amount, 1234);
		const de = await download(madeByAmazon(withAmount(GERMAN_SETTLEMENT_TEXT, '\t-39,00\t', '\t1,234\t'), { charset: 'Cp1252' }));
		assert.equal(de.find((item) => item.amountDescription === 'Subscription Fee')?.amount, 1.234);
		const de2 = await download(madeByAmazon(withAmount(GERMAN_SETTLEMENT_TEXT, '\t-39,00\t', '\t1.234\t'), { charset: 'Cp1252' }));
		assert.equal(de2.find((item) => item.amountDescription === 'Subscription Fee')?.amount, 1234);
		// A German file whose numbers show no decimal mark: Amazon.de, which it names, writes 1.234,56.
		const whole = [
			'settlement-id\tsettlement-start-date\tsettlement-end-date\tdeposit-date\ttotal-amount\tcurrency\ttransaction-type\torder-id\tmarketplace-name\tamount-type\tamount-description\tamount',
			'3001\t2026-03-01T00:00:00+00:00\t2026-03-15T00:00:00+00:00\t2026-03-17T00:00:00+00:00\t1.234\tEUR\t\t\t\t\t\t',
			'3001\t\t\t\t\t\tOrder\t302-1\tAmazon.de\tItemPrice\tPrincipal\t1.300',
			'3001\t\t\t\t\t\tOrder\t302-1\tAmazon.de\tItemFees\tCommission\t-66',
			'',
		].join('\n');
		const [summary] = await download(madeByAmazon(whole), { settlementOutput: 'summary' });
		assert.deepEqual([summary.totalAmount, summary.linesTotal, summary.linesMatchTotal], [1234, 1234, true]);
	});

	test('a file that shows no decimal mark and names no marketplace keeps 1,234 as text, and the summary says so', async () => {
		const text = [
			'settlement-id\tsettlement-start-date\tsettlement-end-date\tdeposit-date\ttotal-amount\tcurrency\ttransaction-type\torder-id\tmarketplace-name\tamount-type\tamount-description\tamount',
			'3002\t2026-03-01T00:00:00+00:00\t2026-03-15T00:00:00+00:00\t2026-03-17T00:00:00+00:00\t1,234\tEUR\t\t\t\t\t\t',
			'3002\t\t\t\t\t\tOrder\t302-2\tNon-Amazon\tItemPrice\tPrincipal\t1,300',
			'3002\t\t\t\t\t\tOrder\t302-2\tNon-Amazon\tItemFees\tCommission\t-66',
			'',
		].join('\n');
		// Two marketplaces asked for (or none): the request does not say which one either.
		const reportId = madeByAmazon(text, { marketplaceIds: [DE, 'A1F83G8C2ARO7P'] });
		const items = await download(reportId);
		assert.deepEqual(
			items.map((item) => item.totalAmount ?? item.amount),
			['1,234', '1,300', -66],
			'never 1234 nor 1.234 by guess; -66 is -66 either way',
		);
		const [summary] = await download(reportId, { settlementOutput: 'summary' });
		assert.equal(summary.totalAmount, null);
		assert.equal(summary.linesTotal, -66);
		assert.match(String((summary.warnings as string[])[0]), /^2 number\(s\) are kept as text \(the file neither shows its decimal mark nor names its marketplace/);
		assert.match(String(summary.text), /⚠ 2 number\(s\) are kept as text/);
	});

	test('posted-date without posted-date-time: read when the file shows its day-month order, kept as written when not', async () => {
		const header =
			'settlement-id\tsettlement-start-date\tsettlement-end-date\tdeposit-date\ttotal-amount\tcurrency\ttransaction-type\torder-id\tamount-type\tamount-description\tamount\tposted-date\tposted-date-time';
		const file = (...lines: string[]) =>
			[header, '4001\t2025-06-01 00:00:00 UTC\t2025-06-15 00:00:00 UTC\t2025-06-17 00:00:00 UTC\t30.00\tUSD\t\t\t\t\t\t\t', ...lines, ''].join('\n');
		const order = (orderId: string, postedDate: string, postedDateTime = '') => `4001\t\t\t\t\t\tOrder\t${orderId}\tItemPrice\tPrincipal\t10.00\t${postedDate}\t${postedDateTime}`;
		const postedDates = async (text: string) => (await download(madeByAmazon(text))).slice(1).map((item) => item.postedDate);

		// 13/06/25 can only be day first: so is 05/06/25 in the same file.
		assert.deepEqual(await postedDates(file(order('A', '05/06/25'), order('B', '13/06/25'), order('C', '06/06/25'))), ['2025-06-05', '2025-06-13', '2025-06-06']);
		// 09/06/25 beside posted-date-time 2025-06-09 says day first too.
		assert.deepEqual(
			await postedDates(file(order('A', '09/06/25', '2025-06-09 05:23:19 UTC'), order('B', '05/06/25'), order('C', '04/06/25'))),
			['2025-06-09', '2025-06-05', '2025-06-04'],
		);
		// Nothing tells: kept as written (never 5 June or 6 May by guess), and the summary says so.
		const unclear = madeByAmazon(file(order('A', '05/06/25'), order('B', '04/06/25'), order('C', '06/06/25')));
		assert.deepEqual((await download(unclear)).slice(1).map((item) => item.postedDate), ['05/06/25', '04/06/25', '2025-06-06']);
		const [summary] = await download(unclear, { settlementOutput: 'summary' });
		assert.deepEqual(summary.warnings, ['2 line(s) keep their posted date as written: its day and month cannot be told apart.']);
	});
});

describe('Settlement: the layout Amazon removed on 2026-11-11', () => {
	const removedSample = async () => {
		const { reportTypeById } = await import('../nodes/AmazonSellingPartner/reports/registry');
		return reportTypeById(REMOVED_SETTLEMENT)?.sample.text as string;
	};

	test('an old report is still read by Report ID: lines typed as before, and its summary from the column pairs', async () => {
		const text = await removedSample();
		const reportId = madeByAmazon(text, { reportType: REMOVED_SETTLEMENT, marketplaceIds: [US] });
		const items = await download(reportId);
		assert.deepEqual(items.map((item) => item.lineType), ['summary', 'transaction', 'transaction', 'transaction']);
		assert.deepEqual(items.map((item) => item.priceAmount ?? item.itemRelatedFeeAmount ?? item.totalAmount), [16630.13, null, 27.99, -1]);
		assert.ok(items.every((item) => item.depositDate === '2015-12-18T03:27:08+00:00' && item.currency === 'USD'));

		const [summary] = await download(reportId, { settlementOutput: 'summary' });
		assert.deepEqual(summary.totalsByAmountType, { ItemPrice: 27.99, ItemFees: -1 });
		assert.deepEqual(summary.totalsByTransactionType, { Order: 26.99 });
		assert.equal(summary.totalAmount, 16630.13);
		// A real file's excerpt: its lines do not add up to the whole settlement, and the summary says so.
		assert.equal(summary.linesMatchTotal, false);
		assert.match(String(summary.text), /⚠ The lines add up to USD 26\.99, not to the total\./);
	});

	test('the report type lists say it was removed, and the new type is the default', async () => {
		const { loader } = await loadPackage();
		const nodes = Object.values(loader.nodeTypes).map(({ type }) => (type as INodeType).description);
		const node = nodes.find((description) => description.name === 'amazonSellingPartner');
		const trigger = nodes.find((description) => description.name === 'amazonSellingPartnerTrigger');
		const property = (properties: INodeProperties[] | undefined, name: string) => properties?.find((candidate) => candidate.name === name) as INodeProperties;
		const reportTypes = property(node?.properties, 'reportTypes');
		const watched = property(trigger?.properties, 'reportType');
		assert.deepEqual(reportTypes.default, [SETTLEMENT]);
		assert.equal((watched.default as { value?: string }).value, SETTLEMENT);
		// The lists the editor loads (Get Many's, the trigger's), on the day of this test's facts.
		const december = Date.parse('2026-12-06T00:00:00Z');
		const removed = reportTypeChoices('readable', december).find((option) => option.value === REMOVED_SETTLEMENT);
		assert.equal(removed?.name, 'Settlement (Old Layout) (Removed by Amazon on 2026-11-11)');
		assert.match(String(removed?.description), /^No longer made by Amazon since 2026-11-11: choose Settlement for new settlements\. Reports made before can still be read by Report ID while Amazon keeps them \(90 days\)\. Settlement · /);
		// Get only offers what can be requested: neither settlement.
		const requestable = reportTypeChoices('requestable', december);
		assert.ok(!requestable.some((option) => option.value === SETTLEMENT || option.value === REMOVED_SETTLEMENT));
	});
});

describe('Settlement: errors', () => {
	test('a FATAL settlement read by Report ID quotes Amazon’s errorDetails', async () => {
		const reportId = emulator.spApi.addScheduledReport({
			reportType: SETTLEMENT,
			marketplaceIds: [US],
			errorText: JSON.stringify({ errorDetails: 'Settlement data is temporarily unavailable for this period' }),
		});
		const { error } = await runAgainst(emulator, NODE, { resource: 'report', operation: 'download', reportId, simplify: true, options: {} });
		assert.match(String(error?.message), new RegExp(`could not build report ${reportId} \\(Settlement, ${SETTLEMENT}\\): Settlement data is temporarily unavailable for this period`));
	});

	test('the emulator serves the German file for European marketplaces, the US file otherwise', () => {
		assert.equal(settlementDocument(DE).charset, 'Cp1252');
		assert.equal(settlementDocument(DE).text, GERMAN_SETTLEMENT_TEXT);
		assert.equal(settlementDocument(US).text, US_SETTLEMENT_TEXT);
	});
});

describe('Summary per Settlement is a preset of the shared summary machinery, and gives what the old code gave', () => {
	// The new layout's amounts, and the old layout's column pairs, as the registry files declared them for the old code.
	const NEW_AMOUNTS: SettlementAmountColumn[] = [{ amount: 'amount', amountTypeKey: 'amountType', descriptionKey: 'amountDescription' }];
	const OLD_AMOUNTS: SettlementAmountColumn[] = [
		{ amount: 'priceAmount', amountType: 'ItemPrice', descriptionKey: 'priceType' },
		{ amount: 'itemRelatedFeeAmount', amountType: 'ItemFees', descriptionKey: 'itemRelatedFeeType' },
		{ amount: 'shipmentFeeAmount', amountType: 'ShipmentFees', descriptionKey: 'shipmentFeeType' },
		{ amount: 'orderFeeAmount', amountType: 'OrderFees', descriptionKey: 'orderFeeType' },
		{ amount: 'promotionAmount', amountType: 'Promotion', descriptionKey: 'promotionType' },
		{ amount: 'directPaymentAmount', amountType: 'DirectPayment', descriptionKey: 'directPaymentType' },
		{ amount: 'miscFeeAmount', amountType: 'MiscFee' },
		{ amount: 'otherFeeAmount', amountType: 'OtherFee', descriptionKey: 'otherFeeReasonDescription' },
		{ amount: 'otherAmount', amountType: 'Other' },
	];
	const numberKeys = (reportType: string) =>
		((reportTypeById(reportType) as FlatFileReportType).columns ?? []).filter((column) => column.type === 'decimal' || column.type === 'integer').map((column) => column.key);

	/** The node's summary items and the old code's, fed the node's line items. */
	async function bothSummaries(text: string, options: { reportType?: string; charset?: string; marketplaceIds?: string[]; numberNote?: string } = {}) {
		const reportType = options.reportType ?? SETTLEMENT;
		const reportId = madeByAmazon(text, options);
		const oracle = new SettlementSummaries(reportType === SETTLEMENT ? NEW_AMOUNTS : OLD_AMOUNTS, numberKeys(reportType), options.numberNote, reportId);
		for (const line of await download(reportId)) oracle.add(line);
		return { preset: await download(reportId, { settlementOutput: 'summary' }), oracle: oracle.result() };
	}

	const HEADER = US_SETTLEMENT_TEXT.split('\n')[0];
	const cells = (values: Record<string, string>) =>
		HEADER.split('\t')
			.map((title) => values[title] ?? '')
			.join('\t');
	const summaryLine = (id: string, total: string, currency: string, start = '2025-05-26 05:23:19 UTC') =>
		cells({ 'settlement-id': id, 'settlement-start-date': start, 'settlement-end-date': '2025-06-09 05:23:19 UTC', 'deposit-date': '2025-06-11 05:23:19 UTC', 'total-amount': total, currency });
	const TYPES = ['Order', 'Refund', 'ServiceFee', 'other-transaction', 'Adjustment', 'Chargeback Refund', 'Liquidations', 'CouponRedemptionFee', 'Lightning Deal Fee', 'Current Reserve Amount', ''];
	/** Line `i` of a settlement: types, kinds, orders and marketplaces that vary, some amounts missing or unreadable. */
	const line = (id: string, i: number, marketplace: (i: number) => string) =>
		cells({
			'settlement-id': id,
			'transaction-type': TYPES[i % TYPES.length],
			'order-id': i % 5 === 4 ? '' : `113-${String(i % 37).padStart(7, '0')}-0000001`,
			'marketplace-name': marketplace(i),
			'amount-type': ['ItemPrice', 'ItemFees', 'Promotion', ''][i % 4],
			'amount-description': ['Principal', 'Commission', 'Tax', 'Storage Fee', ''][i % 5],
			// Missing, or unreadable in a file that writes 1,234.56 (12,3456 fits no convention).
			amount: i % 23 === 22 ? '' : i % 29 === 28 ? '12,3456' : `${i % 3 ? '-' : ''}${(i * 7.31) % 2000 > 999 ? '1,' : ''}${String(Math.floor((i * 7.31) % 999)).padStart(3, '0')}.${String(i % 100).padStart(2, '0')}`,
			'posted-date': '09/06/25',
			'posted-date-time': `2025-06-09 ${String(i % 24).padStart(2, '0')}:00:00 UTC`,
			'quantity-purchased': i % 6 === 0 ? String(1 + (i % 4)) : '',
		});

	test('the documented files, the old layout, and files the reader could not fully read: the same items, values, order and text', async () => {
		const cases: Array<[string, Parameters<typeof bothSummaries>[1]]> = [
			[US_SETTLEMENT_TEXT, { marketplaceIds: [US] }],
			[GERMAN_SETTLEMENT_TEXT, { marketplaceIds: [DE], charset: 'Cp1252' }],
			[await (async () => reportTypeById(REMOVED_SETTLEMENT)?.sample.text as string)(), { reportType: REMOVED_SETTLEMENT, marketplaceIds: [US] }],
			[
				[
					'settlement-id\tsettlement-start-date\tsettlement-end-date\tdeposit-date\ttotal-amount\tcurrency\ttransaction-type\torder-id\tmarketplace-name\tamount-type\tamount-description\tamount',
					'3002\t2026-03-01T00:00:00+00:00\t2026-03-15T00:00:00+00:00\t2026-03-17T00:00:00+00:00\t1,234\tEUR\t\t\t\t\t\t',
					'3002\t\t\t\t\t\tOrder\t302-2\tNon-Amazon\tItemPrice\tPrincipal\t1,300',
					'3002\t\t\t\t\t\tOrder\t302-2\tNon-Amazon\tItemFees\tCommission\t-66',
					'',
				].join('\n'),
				{ marketplaceIds: [DE, 'A1F83G8C2ARO7P'], numberNote: 'the file neither shows its decimal mark nor names its marketplace, so 1,234 could be 1234 or 1.234' },
			],
		];
		for (const [text, options] of cases) {
			const { preset, oracle } = await bothSummaries(text, options);
			assert.equal(JSON.stringify(preset), JSON.stringify(oracle), text.slice(0, 200));
			assert.equal(preset.length, 1);
		}
	});

	test('several settlements in a file (Japan’s after the US’s), one without a summary line, lines of none, eleven kinds of transaction', async () => {
		const text = [
			HEADER,
			summaryLine('5001', '-1,234.56', 'USD'),
			...Array.from({ length: 400 }, (_, i) => line('5001', i, (n) => (n < 30 ? 'Non-Amazon' : 'Amazon.com'))),
			summaryLine('5002', '98765', 'JPY'),
			...Array.from({ length: 150 }, (_, i) => line('5002', i + 7, () => 'Amazon.co.jp')),
			// A settlement whose summary line is not in the file, and lines that name none.
			...Array.from({ length: 40 }, (_, i) => line('5003', i + 3, () => 'Non-Amazon')),
			...Array.from({ length: 5 }, (_, i) => line('', i, () => '')),
			'',
		].join('\n');
		const { preset, oracle } = await bothSummaries(text, { marketplaceIds: [US] });
		assert.equal(JSON.stringify(preset), JSON.stringify(oracle));
		assert.deepEqual(
			preset.map((item) => [item.settlementId, item.marketplaceName, item.currency, (item.warnings as string[]).length]),
			[
				['5001', 'Amazon.com', 'USD', 1],
				['5002', 'Amazon.co.jp', 'JPY', 1],
				// Lines of another settlement than the summary line's before them take none of its fields.
				['5003', 'Non-Amazon', null, 2],
				// Lines without a settlement ID are the last summary line's.
				[null, null, 'JPY', 1],
			],
		);
		assert.match(String(preset[1].text), /^Settlement 5002 \(Amazon\.co\.jp\): JPY 98,765 deposited on 2025-06-11/);
		assert.match(String(preset[0].text), /• … and 3 more transaction types/);
	});

	test('the bounds: past 100 settlements their lines are left out and said so; past 500 kinds the rest is summed as “(others)”', async () => {
		const many = [HEADER, ...Array.from({ length: 102 }, (_, i) => [summaryLine(String(7000 + i), '1.00', 'USD'), line(String(7000 + i), 0, () => 'Amazon.com')]).flat(), ''].join('\n');
		const settlements = await bothSummaries(many, { marketplaceIds: [US] });
		assert.equal(JSON.stringify(settlements.preset), JSON.stringify(settlements.oracle));
		assert.equal(settlements.preset.length, 100);
		assert.equal((settlements.preset[0].warnings as string[])[0], '4 line(s) of settlements beyond the first 100 in this file are left out.');

		const kinds = [
			HEADER,
			summaryLine('8001', '0.00', 'USD'),
			...Array.from({ length: 503 }, (_, i) => cells({ 'settlement-id': '8001', 'transaction-type': `Type ${i}`, 'amount-type': 'ItemFees', 'amount-description': `Fee ${i}`, amount: '1.00' })),
			'',
		].join('\n');
		const others = await bothSummaries(kinds, { marketplaceIds: [US] });
		assert.equal(JSON.stringify(others.preset), JSON.stringify(others.oracle));
		const [item] = others.preset;
		assert.deepEqual((item.transactionTypes as IDataObject[]).slice(-1), [{ transactionType: '(others)', total: 3, lines: 3, orders: 0, quantity: 0 }]);
		assert.deepEqual((item.amountTypes as IDataObject[]).slice(-1), [{ amountType: '(others)', amountDescription: null, total: 3, lines: 3 }]);
	});

	test('the preset is data in the registry files, shared by both layouts; the reader keeps no totals', () => {
		const presetOf = (reportType: string) => (reportTypeById(reportType) as FlatFileReportType).presets?.summary;
		assert.ok(presetOf(SETTLEMENT) && presetOf(REMOVED_SETTLEMENT));
		const source = readFileSync(require.resolve('../nodes/AmazonSellingPartner/reports/settlement.ts'), 'utf8');
		assert.doesNotMatch(source, /class \w*Totals|new Set[<(]|DecimalSum|AmountTotals|add\(record/, 'no totals of its own');
		assert.equal(existsSync(join(__dirname, '..', 'nodes', 'shared', 'totals.ts')), false);
	});
});
