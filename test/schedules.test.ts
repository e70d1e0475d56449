// Report schedules and the report-type catalogue, through n8n-core's engine against the emulator:
// Create, Get, Get Many and Cancel a schedule; the emulator making a report per period as its
// clock moves, and the Report Ready trigger emitting each one once; the Report Type picker's
// search; removed types refused by ID before any request; untyped catalogue types read by their
// column names; old workflows whose report type is plain text.
import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';

import type { IDataObject, INode, INodeExecutionData, INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { EMULATOR_SP_API_CLIENT } from '../emulator';
import { RETURNS_COLUMNS, RETURNS_ROWS } from '../emulator/fixtures/catalogue-documents';
import { CATALOGUE } from '../nodes/AmazonSellingPartner/reports/catalogue';
import { allReportTypeInfos, reportTypeById, reportTypeChoices, reportTypeInfo } from '../nodes/AmazonSellingPartner/reports/registry';
import { REPORT_PERIODS } from '../nodes/AmazonSellingPartner/schedulePeriods';
import { credentialsFor, DE, EVERY_POLL, keptTrigger, runAgainst, SELLING_PARTNER as NODE, SELLING_PARTNER_TRIGGER as TRIGGER, US, useEmulator } from './harness/amazon';
import { loadPackage, runEditorMethod } from './harness/engine';

const emulatorNow = useEmulator();
let emulator = emulatorNow();
beforeEach(() => {
	emulator = emulatorNow();
	emulator.spApi.pollsUntilDone = 1;
});

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const FBA_INVENTORY = 'GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA';
const RETURNS = 'GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE';
const SETTLEMENT_V2 = 'GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2';

/** The picker's value as the editor stores it. */
const fromList = (value: string) => ({ __rl: true, mode: 'list', value });
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

async function run(parameters: IDataObject) {
	return await runAgainst(emulator, NODE, { resource: 'report', options: { reuseWithinMinutes: 0 }, ...parameters });
}

async function schedule(parameters: IDataObject) {
	return await runAgainst(emulator, NODE, { resource: 'reportSchedule', ...parameters });
}

const json = (items: INodeExecutionData[]) => items.map((item) => item.json);
const spApiRequests = () => emulator.requests.filter((request) => request.path.startsWith('/reports/'));
const scheduleRequests = (method: string) => emulator.requests.filter((request) => request.method === method && request.path.startsWith('/reports/2021-06-30/schedules'));

describe('Report Schedule: Create, Get, Get Many, Cancel', () => {
	test('a daily FBA inventory schedule, from creation to cancellation', async () => {
		const first = new Date(Date.now() + HOUR).toISOString();
		const created = await schedule({ operation: 'create', reportType: fromList(FBA_INVENTORY), marketplaceIds: [US], period: 'P1D', nextReportCreationTime: first });
		assert.equal(created.error, undefined);
		const reportScheduleId = String(created.items[0].json.reportScheduleId);
		assert.match(reportScheduleId, /^\d+$/);
		assert.deepEqual(created.items[0].json, {
			reportScheduleId,
			reportType: FBA_INVENTORY,
			marketplaceIds: [US],
			period: 'P1D',
			nextReportCreationTime: first,
			periodName: 'Every Day',
		});
		assert.deepEqual(JSON.parse(scheduleRequests('POST')[0].body), { reportType: FBA_INVENTORY, marketplaceIds: [US], period: 'P1D', nextReportCreationTime: first });

		const got = await schedule({ operation: 'get', reportScheduleId });
		assert.deepEqual(got.items[0].json, { reportScheduleId, reportType: FBA_INVENTORY, marketplaceIds: [US], period: 'P1D', nextReportCreationTime: first, periodName: 'Every Day' });

		// A weekly returns schedule with a report option; then the inventory schedule again, which replaces the first.
		await schedule({
			operation: 'create',
			reportType: byId(RETURNS),
			marketplaceIds: [US],
			period: 'P7D',
			options: { reportOptions: { option: [{ name: 'custom', value: 'true' }] } },
		});
		const replacement = await schedule({ operation: 'create', reportType: fromList(FBA_INVENTORY), marketplaceIds: [US], period: 'PT84H' });
		const replacementId = String(replacement.items[0].json.reportScheduleId);
		assert.notEqual(replacementId, reportScheduleId);

		const many = await schedule({ operation: 'getMany', reportTypes: [FBA_INVENTORY, RETURNS], returnAll: true });
		assert.equal(many.error, undefined);
		assert.deepEqual(
			json(many.items).map((item) => [item.reportType, item.period, item.periodName, item.reportOptions ?? null]),
			[
				[RETURNS, 'P7D', 'Every 7 Days', { custom: 'true' }],
				[FBA_INVENTORY, 'PT84H', 'Every 84 Hours (3.5 Days)', null],
			],
		);
		assert.equal(scheduleRequests('GET').at(-1)?.query.reportTypes, `${FBA_INVENTORY},${RETURNS}`);
		const limited = await schedule({ operation: 'getMany', reportTypes: [FBA_INVENTORY, RETURNS], limit: 1 });
		assert.equal(limited.items.length, 1);

		const cancelled = await schedule({ operation: 'cancel', reportScheduleId: replacementId });
		assert.deepEqual(cancelled.items[0].json, { reportScheduleId: replacementId, cancelled: true });
		const gone = await schedule({ operation: 'get', reportScheduleId: replacementId });
		assert.match(String(gone.error?.message), new RegExp(`Amazon does not know report schedule ${replacementId}`));
		assert.equal(gone.error?.httpCode, '404');
		assert.match(String(gone.error?.description), /Get Many lists the schedules/);
	});

	test('a period Amazon does not have is refused, with the ones it has, before any request', async () => {
		const { error } = await schedule({ operation: 'create', reportType: fromList(FBA_INVENTORY), marketplaceIds: [US], period: 'PT6H' });
		assert.match(String(error?.message), /"PT6H" is not a period Amazon schedules reports by/);
		for (const { period } of REPORT_PERIODS) assert.ok(String(error?.description).includes(period), `${period} listed`);
		assert.equal(scheduleRequests('POST').length, 0);
	});

	test('a report type Amazon does not schedule: refused by Amazon (400 InvalidInput), or before any request when known', async () => {
		const unknown = await schedule({ operation: 'create', reportType: byId('GET_MADE_UP_REPORT'), marketplaceIds: [US], period: 'P1D' });
		assert.equal(unknown.error?.message, 'Amazon rejected the schedule of GET_MADE_UP_REPORT reports (period P1D)');
		assert.equal(unknown.error?.httpCode, '400');
		assert.equal(scheduleRequests('POST')[0].status, 400);

		const settlement = await schedule({ operation: 'create', reportType: byId(SETTLEMENT_V2), marketplaceIds: [US], period: 'P14D' });
		assert.match(String(settlement.error?.message), /Amazon makes .*GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2.* on its own schedule: there is nothing to schedule/);
		assert.match(String(settlement.error?.description), /Report Ready/);
		const salesTax = await schedule({ operation: 'create', reportType: byId('GET_FLAT_FILE_SALES_TAX_DATA'), marketplaceIds: [US], period: 'P1D' });
		assert.match(String(salesTax.error?.message), /is made in Seller Central: it cannot be scheduled/);
		assert.equal(scheduleRequests('POST').length, 1, 'only the unknown type reached Amazon');
	});

	test('the emulator answers as Amazon does: 400 InvalidInput for a period or a type it does not schedule', async () => {
		// Straight to the emulator, as another client would call Amazon: the node never sends these.
		const token = await fetch(emulator.tokenUrl, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: EMULATOR_SP_API_CLIENT.refreshToken, client_id: EMULATOR_SP_API_CLIENT.clientId, client_secret: EMULATOR_SP_API_CLIENT.clientSecret }),
		}).then(async (response) => ((await response.json()) as { access_token: string }).access_token);
		const create = async (body: IDataObject) => {
			const response = await fetch(`${emulator.spApiBaseUrl}/reports/2021-06-30/schedules`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', 'x-amz-access-token': token },
				body: JSON.stringify(body),
			});
			return { status: response.status, body: (await response.json()) as { errors?: Array<{ code: string; message: string; details?: string }>; reportScheduleId?: string } };
		};
		const period = await create({ reportType: FBA_INVENTORY, marketplaceIds: [US], period: 'PT6H' });
		assert.equal(period.status, 400);
		assert.equal(period.body.errors?.[0].code, 'InvalidInput');
		assert.match(String(period.body.errors?.[0].details), /period must be one of PT5M, PT15M, .* P1M; got "PT6H"/);
		const settlement = await create({ reportType: SETTLEMENT_V2, marketplaceIds: [US], period: 'P14D' });
		assert.deepEqual(settlement.body.errors?.[0], { code: 'InvalidInput', message: 'Invalid input', details: `Report type ${SETTLEMENT_V2} cannot be scheduled.` });
		const good = await create({ reportType: FBA_INVENTORY, marketplaceIds: [US], period: 'PT12H' });
		assert.equal(good.status, 201);
		assert.match(String(good.body.reportScheduleId), /^\d+$/);
	});

	test('First Report At in the past, and a marketplace of another region, are refused before any request', async () => {
		const past = await schedule({ operation: 'create', reportType: fromList(FBA_INVENTORY), marketplaceIds: [US], period: 'P1D', nextReportCreationTime: '2025-01-01T00:00:00Z' });
		assert.match(String(past.error?.message), /"First Report At" \(2025-01-01T00:00:00.000Z\) is in the past/);
		const germany = await schedule({ operation: 'create', reportType: fromList(FBA_INVENTORY), marketplaceIds: [DE], period: 'P1D' });
		assert.match(String(germany.error?.message), /Germany .* is in Europe, but the credential is for North America/);
		assert.equal(spApiRequests().length, 0);
	});
});

describe('Report Ready picks up each scheduled report once', () => {
	test('a schedule made through the node, reports made as the emulator’s clock passes each period', async () => {
		const watcher = keptTrigger(emulatorNow, TRIGGER, { event: 'reportReady', reportType: fromList(FBA_INVENTORY), options: EVERY_POLL });
		assert.deepEqual(await watcher.poll(), [], 'the first poll only remembers');

		const created = await schedule({
			operation: 'create',
			reportType: fromList(FBA_INVENTORY),
			marketplaceIds: [US],
			period: 'P1D',
			nextReportCreationTime: new Date(Date.now() + HOUR).toISOString(),
		});
		const reportScheduleId = String(created.items[0].json.reportScheduleId);
		assert.deepEqual(await watcher.poll(), [], 'nothing due yet');

		const sampleRows = reportTypeById(FBA_INVENTORY)?.sample.text.trim().split('\n').length ?? 0;
		const rows = sampleRows - 1;
		assert.ok(rows > 0);

		emulator.clock.advance(HOUR + 60_000);
		const firstReport = await watcher.poll();
		assert.equal(firstReport.length, rows, 'the first report’s rows');
		const scheduled = [...emulator.spApi.reports.values()];
		assert.equal(scheduled.length, 1);
		assert.equal(scheduled[0].reportScheduleId, reportScheduleId, 'Amazon lists the report with its reportScheduleId');
		const downloaded = await run({ operation: 'download', reportId: scheduled[0].reportId });
		assert.deepEqual(json(firstReport), json(downloaded.items), 'typed as Download types it');
		assert.deepEqual(await watcher.poll(), [], 'not emitted twice');

		emulator.clock.advance(DAY);
		assert.equal((await watcher.poll()).length, rows, 'the next day’s report');
		emulator.clock.advance(2 * DAY);
		assert.equal((await watcher.poll()).length, 2 * rows, 'two days: two reports, each once');
		assert.deepEqual(await watcher.poll(), []);

		const listed = await run({ operation: 'getMany', reportTypes: [FBA_INVENTORY], returnAll: true });
		assert.equal(listed.items.length, 4);
		assert.ok(listed.items.every((item) => item.json.reportScheduleId === reportScheduleId && item.json.processingStatus === 'DONE'));
		const created_ = listed.items.map((item) => Date.parse(String(item.json.createdTime))).sort((a, b) => a - b);
		assert.deepEqual(
			created_.slice(1).map((time, index) => time - created_[index]),
			[DAY, DAY, DAY],
			'one report a day',
		);

		await schedule({ operation: 'cancel', reportScheduleId });
		emulator.clock.advance(3 * DAY);
		assert.deepEqual(await watcher.poll(), [], 'a cancelled schedule makes no more reports');
	});
});

describe('the Report Type catalogue', () => {
	const search = async (method: string, filter?: string) => {
		const type = method === 'searchReadableReportTypes' ? TRIGGER : NODE;
		const { results } = (await runEditorMethod({ type, kind: 'listSearch', method, filter })) as INodeListSearchResult;
		return results;
	};

	test('the table: unique IDs and names, untyped entries complete, typed ones agree with their registry file', () => {
		const ids = CATALOGUE.map((entry) => entry.reportType);
		assert.equal(new Set(ids).size, ids.length, 'unique IDs');
		const infos = allReportTypeInfos();
		assert.ok(infos.length >= 110, `${infos.length} report types`);
		assert.equal(new Set(infos.map((info) => info.name)).size, infos.length, 'unique names');
		for (const entry of CATALOGUE) {
			const typed = reportTypeById(entry.reportType);
			if (!typed) {
				assert.ok('name' in entry && entry.format && entry.roles.length, `${entry.reportType}: name, format and roles`);
				continue;
			}
			const requestable = entry.made === 'request' || entry.made === 'request-or-schedule';
			assert.equal(typed.requestable, requestable, `${entry.reportType}: requestable as its registry file says`);
		}
		for (const info of infos.filter((candidate) => candidate.removed?.instead)) {
			const instead = reportTypeInfo(String(info.removed?.instead));
			assert.ok(instead && !instead.removed, `${info.reportType}: replaced by a known type that is not removed`);
		}
	});

	test('the picker finds a type by name, by ID (any case), and by category, and describes it', async () => {
		const byName = await search('searchRequestableReportTypes', 'ledger');
		assert.deepEqual(
			byName.map((result) => [result.name, result.value]),
			[
				['Inventory Ledger (Detailed View)', 'GET_LEDGER_DETAIL_VIEW_DATA'],
				['Inventory Ledger (Summary View)', 'GET_LEDGER_SUMMARY_VIEW_DATA'],
			],
		);
		assert.equal(byName[0].description, 'FBA Inventory · TSV · on request · role: Amazon Fulfillment · GET_LEDGER_DETAIL_VIEW_DATA');
		assert.deepEqual((await search('searchRequestableReportTypes', 'get_flat_file_returns')).map((result) => result.value), [RETURNS]);
		assert.deepEqual((await search('searchRequestableReportTypes', 'GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE')).map((result) => result.value), [RETURNS]);
		const vendor = await search('searchRequestableReportTypes', 'vendor retail');
		assert.ok(vendor.length >= 8 && vendor.every((result) => String(result.value).startsWith('GET_VENDOR_')));
		const typed = (await search('searchRequestableReportTypes', 'seller feedback'))[0];
		assert.equal(
			typed.description,
			'Negative and neutral (1–3 star) feedback from buyers, one item per feedback. Performance · TSV, typed · on request · role: Selling Partner Insights, Amazon Fulfillment · GET_SELLER_FEEDBACK_DATA',
		);
		const all = await search('searchRequestableReportTypes');
		assert.ok(all.length >= 85, `${all.length} requestable types`);
		const names = all.map((result) => result.name);
		assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b)), 'by name');
	});

	test('each picker offers what its operation can do: request, schedule, or read', async () => {
		const values = async (method: string, filter: string) => (await search(method, filter)).map((result) => result.value);
		assert.deepEqual(await values('searchRequestableReportTypes', 'settlement'), [], 'Amazon makes settlements itself');
		assert.ok(!(await values('searchRequestableReportTypes', 'subscribe')).length, 'removed types are not offered');
		assert.ok((await values('searchSchedulableReportTypes', 'scheduled xml orders')).includes('GET_ORDER_REPORT_DATA_SHIPPING'), 'schedule-only types can be scheduled');
		assert.ok((await values('searchSchedulableReportTypes', 'fba manage inventory')).includes(FBA_INVENTORY));
		assert.ok(!(await values('searchRequestableReportTypes', 'scheduled xml orders')).length, '… but not requested');
		assert.ok(!(await values('searchSchedulableReportTypes', 'sales tax')).includes('GET_FLAT_FILE_SALES_TAX_DATA'), 'made in Seller Central');
		assert.ok((await values('searchReadableReportTypes', 'settlement')).includes(SETTLEMENT_V2), 'Report Ready watches settlements');
		assert.ok(!(await values('searchReadableReportTypes', 'subscribe')).length, 'a type removed more than 90 days ago has no reports left');
		const getMany = (await runEditorMethod({ type: NODE, kind: 'loadOptions', method: 'getReadableReportTypes' })) as INodePropertyOptions[];
		assert.ok(getMany.some((option) => option.value === SETTLEMENT_V2));
		// Within Amazon's 90 days after a removal, its last reports can still be listed, labelled.
		const december = reportTypeChoices('readable', Date.parse('2026-12-06T00:00:00Z'));
		assert.equal(december.find((choice) => choice.value === 'GET_V2_SETTLEMENT_REPORT_DATA_XML')?.name, 'Settlement (XML) (Removed by Amazon on 2026-11-11)');
		assert.equal(reportTypeChoices('readable', Date.parse('2027-03-01T00:00:00Z')).find((choice) => choice.value === 'GET_V2_SETTLEMENT_REPORT_DATA_XML'), undefined);
	});

	test('a removed type given by ID is refused before any request, naming the day and the replacement', async () => {
		const settlement = await run({ operation: 'get', reportType: byId('GET_V2_SETTLEMENT_REPORT_DATA_XML'), marketplaceIds: [US] });
		assert.equal(settlement.error?.message, 'Amazon removed Settlement (XML) (GET_V2_SETTLEMENT_REPORT_DATA_XML) on 2026-11-11: it can no longer be requested');
		assert.match(String(settlement.error?.description), /^Use Settlement \(GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2\) instead\. Reports Amazon made before then can still be read by their Report ID/);
		const flatFile = await run({ operation: 'create', reportType: 'GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE', marketplaceIds: [US] });
		assert.match(String(flatFile.error?.message), /^Amazon removed .*\(GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE\) on 2026-11-11: it can no longer be requested$/);
		const subscribe = await schedule({ operation: 'create', reportType: byId('GET_FBA_SNS_FORECAST_DATA'), marketplaceIds: [US], period: 'P7D' });
		assert.equal(subscribe.error?.message, 'Amazon removed Subscribe and Save Forecast (GET_FBA_SNS_FORECAST_DATA) on 2025-12-11: it can no longer be scheduled');
		assert.match(String(subscribe.error?.description), /Replenishment API/);
		const ledger = await run({ operation: 'get', reportType: byId('GET_FBA_FULFILLMENT_INVENTORY_RECEIPTS_DATA'), marketplaceIds: [US] });
		assert.match(String(ledger.error?.description), /Use Inventory Ledger \(Detailed View\) \(GET_LEDGER_DETAIL_VIEW_DATA\) instead/);
		assert.equal(spApiRequests().length, 0, 'no request reached Amazon');
	});

	test('a type Amazon makes only on a schedule, or in Seller Central, is refused by Get with the way to get it', async () => {
		const xmlOrders = await run({ operation: 'get', reportType: byId('GET_ORDER_REPORT_DATA_SHIPPING'), marketplaceIds: [US] });
		assert.equal(xmlOrders.error?.message, 'Amazon makes Scheduled XML Orders for Shipping (GET_ORDER_REPORT_DATA_SHIPPING) reports only on a schedule: they cannot be requested');
		assert.match(String(xmlOrders.error?.description), /resource Report Schedule, Create/);
		const holds = await run({ operation: 'create', reportType: byId('GET_DATE_RANGE_FINANCIAL_HOLDS_DATA'), marketplaceIds: [US] });
		assert.match(String(holds.error?.message), /Deferred Transactions \(GET_DATE_RANGE_FINANCIAL_HOLDS_DATA\) is made in Seller Central: it cannot be requested/);
		assert.equal(spApiRequests().length, 0);
	});

	test('Download by Report ID still reads a report of a removed type', async () => {
		const xml = '<?xml version="1.0"?><SettlementReport><SettlementData><AmazonSettlementID>12345</AmazonSettlementID><TotalAmount currency="USD">95.00</TotalAmount></SettlementData></SettlementReport>';
		const reportId = emulator.spApi.addScheduledReport({ reportType: 'GET_V2_SETTLEMENT_REPORT_DATA_XML', marketplaceIds: [US], document: { text: xml, contentType: 'text/xml' } });
		const { items, error } = await run({ operation: 'download', reportId });
		assert.equal(error, undefined);
		assert.deepEqual(json(items), [{ SettlementReport: { SettlementData: { AmazonSettlementID: '12345', TotalAmount: { '#text': '95.00', '@currency': 'USD' } } } }]);
	});

	test('an untyped catalogue type through Get and Download: one item per row, keyed by Amazon’s column names', async () => {
		const expected = RETURNS_ROWS.map((cells) => Object.fromEntries(RETURNS_COLUMNS.map((column, index) => [column, cells[index]])));
		const got = await run({ operation: 'get', reportType: fromList(RETURNS), marketplaceIds: [US] });
		assert.equal(got.error, undefined);
		assert.deepEqual(json(got.items), expected);
		assert.equal(got.items[1].json['Item Name'], 'T-Shirt "Classic", Black, M', 'a quote is text in a flat file');
		const reportId = [...emulator.spApi.reports.keys()][0];
		const downloaded = await run({ operation: 'download', reportId });
		assert.deepEqual(json(downloaded.items), expected);
	});

	test('a PDF report type comes as a file, not as rows', async () => {
		// Easy Ship is India's, a marketplace of the European region.
		const india = await runAgainst(
			emulator,
			NODE,
			{ resource: 'report', operation: 'get', reportType: fromList('GET_EASYSHIP_DOCUMENTS'), marketplaceIds: ['A21TJRUUN4KGV'] },
			{ credentials: credentialsFor(emulator, { amazonSellingPartnerApi: { region: 'eu' } }) },
		);
		assert.equal(india.error, undefined);
		assert.equal(india.items.length, 1);
		const file = india.items[0].binary?.data;
		assert.equal(file?.mimeType, 'application/pdf');
		assert.match(Buffer.from(String(file?.data), 'base64').toString('latin1'), /^%PDF-1\.4/);
		assert.equal(india.items[0].json.reportType, 'GET_EASYSHIP_DOCUMENTS');
	});

	test('the report type of an older workflow (plain text), By ID or From List: the same request', async () => {
		const bodies: unknown[] = [];
		for (const reportType of ['GET_SELLER_FEEDBACK_DATA', byId('GET_SELLER_FEEDBACK_DATA'), fromList('GET_SELLER_FEEDBACK_DATA')]) {
			emulator.reset();
			const { error } = await run({ operation: 'create', reportType, marketplaceIds: [US], dataStartTime: '2026-10-01T00:00:00Z', dataEndTime: '2026-10-31T00:00:00Z' });
			assert.equal(error, undefined);
			bodies.push(JSON.parse(spApiRequests()[0].body));
		}
		assert.deepEqual(bodies[1], bodies[0]);
		assert.deepEqual(bodies[2], bodies[0]);
		const watcher = keptTrigger(emulatorNow, TRIGGER, { event: 'reportReady', reportType: 'GET_V2_SELLER_PERFORMANCE_REPORT', options: EVERY_POLL });
		assert.deepEqual(await watcher.poll(), []);
		assert.equal(emulator.requests.at(-1)?.query.reportTypes, 'GET_V2_SELLER_PERFORMANCE_REPORT');
	});

	test('the subtitle names the report type whatever the value’s form', async () => {
		const { nodeTypes } = await loadPackage();
		const subtitleOf = (type: string, parameters: IDataObject) => {
			const node: INode = { id: 'n', name: 'N', type, typeVersion: 1, position: [0, 0], parameters: parameters as INode['parameters'] };
			const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
			const subtitle = nodeTypes.getByNameAndVersion(type, 1).description.subtitle as string;
			return workflow.expression.getSimpleParameterValue(node, subtitle, 'internal', {});
		};
		assert.equal(subtitleOf(NODE, { resource: 'report', operation: 'get', reportType: fromList(RETURNS) }), 'Get: Returns by Return Date');
		assert.equal(subtitleOf(NODE, { resource: 'report', operation: 'create', reportType: 'GET_SELLER_FEEDBACK_DATA' }), 'Create: Seller Feedback');
		assert.equal(subtitleOf(NODE, { resource: 'report', operation: 'get', reportType: byId('GET_SOMETHING_NEW') }), 'Get: GET_SOMETHING_NEW');
		assert.equal(subtitleOf(NODE, { resource: 'reportSchedule', operation: 'create', reportType: fromList(FBA_INVENTORY) }), 'Schedule: FBA Manage Inventory');
		assert.equal(subtitleOf(NODE, { resource: 'reportSchedule', operation: 'getMany' }), 'Get Many Schedules');
		assert.equal(subtitleOf(NODE, { resource: 'report', operation: 'download' }), 'Download Report');
		assert.equal(subtitleOf(TRIGGER, { event: 'reportReady', reportType: fromList(SETTLEMENT_V2) }), 'Report Ready: Settlement');
	});
});
