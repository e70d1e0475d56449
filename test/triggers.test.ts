// The polling triggers, driven through n8n-core's poll functions over several polls against the
// emulator: first run, nothing new, new rows, restated month, rollover, failed poll, manual mode.
import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { generateSalesReport, salesCsv } from '../emulator/fixtures/appstore-sales';
import type { SalesTruth } from '../emulator/fixtures/appstore-sales';
import { accountHealthRealWorldVariant, accountHealthSchemaVariant } from '../emulator/fixtures/sp-account-health';
import { generateFeedback } from '../emulator/fixtures/sp-feedback';
import {
	APPSTORE_TRIGGER,
	credentialsFor,
	EVERY_POLL,
	keptTrigger,
	monthsAgo,
	runAgainst,
	SELLING_PARTNER,
	SELLING_PARTNER_TRIGGER as SP_TRIGGER,
	US,
	useEmulator,
} from './harness/amazon';
import { runPoll } from './harness/engine';

const emulatorNow = useEmulator();
let emulator = emulatorNow();
beforeEach(() => {
	emulator = emulatorNow();
});

const trigger = (type: string, parameters: IDataObject) => keptTrigger(emulatorNow, type, parameters);

/** A month's generated rows plus new transactions, as Amazon's file grows during the month. */
function growMonth(month: string, extra: number, base: SalesTruth[] = generateSalesReport(month).rows): SalesTruth[] {
	const rows = [...base];
	for (let index = 0; index < extra; index++) {
		rows.push({ ...base[index], transactionId: `99${Date.now()}${index}`, invoiceId: `new-${index}` });
	}
	emulator.appstore.setReport('sales', month, { csv: salesCsv(month, rows) });
	return rows;
}

describe('Amazon Appstore Trigger: New Sales Transaction', () => {
	const parameters = { event: 'newSalesTransactions', options: EVERY_POLL };

	test('starts from now, then emits each new transaction once', async () => {
		const current = monthsAgo(0);
		const watcher = trigger(APPSTORE_TRIGGER, parameters);
		assert.deepEqual(await watcher.poll(), [], 'the first poll floods nothing');
		assert.deepEqual(await watcher.poll(), [], 'nothing new');

		const rows = growMonth(current, 3);
		const emitted = await watcher.poll();
		assert.deepEqual(
			emitted.map((item) => item.json.transactionId),
			rows.slice(-3).map((row) => row.transactionId),
		);
		assert.deepEqual(Object.keys(emitted[0].json).slice(0, 3), ['reportMonth', 'marketplace', 'countryRegionCode'], 'same fields as Get Sales Report');
		assert.deepEqual(await watcher.poll(), [], 'not emitted twice');
	});

	test('a restated previous month emits its late rows once', async () => {
		const previous = monthsAgo(1);
		const watcher = trigger(APPSTORE_TRIGGER, parameters);
		await watcher.poll();
		const rows = growMonth(previous, 2);
		const emitted = await watcher.poll();
		assert.deepEqual(emitted.map((item) => item.json.transactionId), rows.slice(-2).map((row) => row.transactionId));
		assert.ok(emitted.every((item) => item.json.reportMonth === previous));
		assert.deepEqual(await watcher.poll(), []);
	});

	test('a failed poll changes no state, and the next good poll loses nothing', async () => {
		const current = monthsAgo(0);
		const watcher = trigger(APPSTORE_TRIGGER, parameters);
		await watcher.poll();
		const before = watcher.nodeState();
		const rows = growMonth(current, 2);
		emulator.inject({ path: /^\/api\/appstore\//, status: 500, body: 'down', times: 100 });
		await assert.rejects(watcher.poll(), /HTTP 500/);
		assert.deepEqual(watcher.nodeState(), before);
		emulator.reset();
		growMonth(current, 2, rows.slice(0, -2));
		const emitted = await watcher.poll();
		assert.equal(emitted.length, 2);
	});

	test('month rollover: months out of the window are dropped, known rows stay known', async () => {
		const previous = monthsAgo(1);
		const watcher = trigger(APPSTORE_TRIGGER, parameters);
		await watcher.poll();
		// As if the last poll ran a month ago: it knew the month before the window and "previous".
		const state = watcher.staticData['node:Trigger'] as { months: Record<string, unknown> };
		state.months = { [monthsAgo(2)]: { rows: 1, prefix: 'stale', days: {}, recent: '' }, [previous]: state.months[previous] };
		const emitted = await watcher.poll();
		assert.equal(emitted.length, generateSalesReport(monthsAgo(0)).rows.length, 'the new current month is all new');
		assert.deepEqual(Object.keys(watcher.nodeState().months as IDataObject).sort(), [previous, monthsAgo(0)].sort());
	});

	test('the last N days on the first poll, when asked', async () => {
		const watcher = trigger(APPSTORE_TRIGGER, { ...parameters, options: { ...EVERY_POLL, backfillDays: 62 } });
		const emitted = await watcher.poll();
		assert.ok(emitted.length > 0);
		const since = Date.now() - 62 * 86_400_000;
		assert.ok(emitted.every((item) => Date.parse(String(item.json.transactionTime)) >= since));
	});

	test('manual mode returns a recent sample at once and keeps no state', async () => {
		const watcher = trigger(APPSTORE_TRIGGER, parameters);
		const sample = await watcher.poll('manual');
		assert.equal(sample.length, 5);
		assert.deepEqual(watcher.nodeState(), {});
	});
});

describe('Amazon Appstore Trigger: New Monthly Report Available', () => {
	test('emits once when a month’s report first appears', async () => {
		const current = monthsAgo(0);
		emulator.appstore.setReport('subscription', current, null);
		const watcher = trigger(APPSTORE_TRIGGER, { event: 'newMonthlyReport', reports: ['sales', 'subscription'], options: EVERY_POLL });
		assert.deepEqual(await watcher.poll(), []);
		emulator.reset();
		assert.deepEqual(
			(await watcher.poll()).map((item) => item.json),
			[{ report: 'subscription', reportMonth: current }],
		);
		assert.deepEqual(await watcher.poll(), []);
	});
});

describe('what the triggers remembered before events had one contract is read on', () => {
	test('account health metrics keyed "marketplace|metric|fulfillment": no change is invented, a real one is emitted', async () => {
		const parameters = { event: 'accountHealthChanged', marketplaceIds: [US], options: { ...EVERY_POLL, reuseWithinMinutes: 0 } };
		const document = (report: unknown) => ({ status: 'DONE' as const, document: { text: JSON.stringify(report) } });
		// The metrics as the node's Get gives them, remembered as the package's first version wrote them.
		emulator.spApi.queueOutcome('GET_V2_SELLER_PERFORMANCE_REPORT', document(accountHealthSchemaVariant(US)));
		const { items: metrics, error } = await runAgainst(emulator, SELLING_PARTNER, {
			operation: 'get',
			reportType: 'GET_V2_SELLER_PERFORMANCE_REPORT',
			marketplaceIds: [US],
			accountHealthOutput: 'metrics',
			options: { reuseWithinMinutes: 0 },
		});
		assert.equal(error, undefined, error?.message);
		const remembered = Object.fromEntries(
			metrics.map(({ json }) => [
				`${json.marketplaceId ?? ''}|${json.metric}|${json.fulfillmentType ?? ''}`,
				[json.status ?? null, json.meetsTarget ?? null, json.warningStates === undefined ? null : JSON.stringify(json.warningStates)],
			]),
		);
		const staticData: IDataObject = { 'node:Trigger': { event: 'accountHealthChanged', checkedAt: '2026-01-01T00:00:00.000Z', watch: US, metrics: remembered } };
		const poll = async () => (await runPoll({ type: SP_TRIGGER, parameters, credentials: credentialsFor(emulator), staticData })).items ?? [];

		emulator.spApi.queueOutcome('GET_V2_SELLER_PERFORMANCE_REPORT', document(accountHealthSchemaVariant(US)));
		assert.deepEqual(await poll(), [], 'nothing changed');
		const better = accountHealthSchemaVariant(US);
		Object.assign(better.performanceMetrics[0].lateShipmentRate, { status: 'GOOD', rate: 0.02 });
		emulator.spApi.queueOutcome('GET_V2_SELLER_PERFORMANCE_REPORT', document(better));
		assert.deepEqual(
			(await poll()).map((item) => [item.json.metric, item.json.previousStatus, item.json.status]),
			[['lateShipmentRate', 'BAD', 'GOOD']],
		);
	});

	test('Appstore months remembered as "sales/YYYY-MM" are not new again', async () => {
		const watcher = trigger(APPSTORE_TRIGGER, { event: 'newMonthlyReport', reports: ['sales'], options: EVERY_POLL });
		const node = watcher.staticData as IDataObject;
		node['node:Trigger'] = { checkedAt: '2026-01-01T00:00:00.000Z', watch: 'sales', seen: [`sales/${monthsAgo(1)}`, `sales/${monthsAgo(0)}`] };
		assert.deepEqual(await watcher.poll(), []);
		const state = watcher.nodeState();
		assert.equal((state.seen as string[]).length, 2);
		assert.ok((state.seen as string[]).every((key) => !key.includes('/')), 'rewritten the one way keys are built');
	});
});

describe('Amazon Selling Partner Trigger: New Feedback', () => {
	const creates = () => emulator.requests.filter((r) => r.method === 'POST' && r.path === '/reports/2021-06-30/reports');

	test('starts from now, reuses the hour’s report, then emits new feedback once', async () => {
		const watcher = trigger(SP_TRIGGER, { event: 'newFeedback', marketplaceIds: [US], options: EVERY_POLL });
		assert.deepEqual(await watcher.poll(), []);
		assert.deepEqual(await watcher.poll(), []);
		assert.equal(creates().length, 1, 'the second poll reused the first report');
	});

	test('new rows appear once, filtered by rating', async () => {
		const watcher = trigger(SP_TRIGGER, { event: 'newFeedback', marketplaceIds: [US], options: { ...EVERY_POLL, reuseWithinMinutes: 0, minRating: 1, maxRating: 2 } });
		await watcher.poll();
		const end = new Date().toISOString();
		const { tsv } = generateFeedback(US, new Date(Date.now() - 14 * 86_400_000).toISOString(), end);
		const today = new Date();
		const usDate = `${today.getUTCMonth() + 1}/${today.getUTCDate()}/${String(today.getUTCFullYear() % 100).padStart(2, '0')}`;
		const document = `${tsv}${usDate}\t1\tNever arrived\t\t111-2222222-3333333\tnew@buyer.example\r\n${usDate}\t3\tOK-ish\t\t111-2222222-4444444\t\r\n`;
		emulator.spApi.queueOutcome('GET_SELLER_FEEDBACK_DATA', { status: 'DONE', document: { text: document } });
		const emitted = await watcher.poll();
		assert.deepEqual(
			emitted.map((item) => [item.json.orderId, item.json.rating]),
			[['111-2222222-3333333', 1]],
			'the 3-star row is filtered out',
		);
		emulator.spApi.queueOutcome('GET_SELLER_FEEDBACK_DATA', { status: 'DONE', document: { text: document } });
		assert.deepEqual(await watcher.poll(), []);
	});

	test('manual mode returns recent feedback without state', async () => {
		const watcher = trigger(SP_TRIGGER, { event: 'newFeedback', marketplaceIds: [US] });
		const sample = await watcher.poll('manual');
		assert.ok(sample.length > 0 && sample.length <= 5);
		assert.ok(sample.every((item) => typeof item.json.orderId === 'string'));
		assert.deepEqual(watcher.nodeState(), {});
	});
});

describe('Amazon Selling Partner Trigger: Account Health Changed', () => {
	test('emits the metrics whose status or target changed, with previous values', async () => {
		const watcher = trigger(SP_TRIGGER, { event: 'accountHealthChanged', marketplaceIds: [US], options: { ...EVERY_POLL, reuseWithinMinutes: 0 } });
		emulator.spApi.queueOutcome('GET_V2_SELLER_PERFORMANCE_REPORT', { status: 'DONE', document: { text: JSON.stringify(accountHealthSchemaVariant(US)) } });
		assert.deepEqual(await watcher.poll(), []);

		// Late shipment recovers: BAD → GOOD.
		const better = accountHealthSchemaVariant(US);
		Object.assign(better.performanceMetrics[0].lateShipmentRate, { status: 'GOOD', rate: 0.02 });
		emulator.spApi.queueOutcome('GET_V2_SELLER_PERFORMANCE_REPORT', { status: 'DONE', document: { text: JSON.stringify(better) } });
		const emitted = await watcher.poll();
		assert.deepEqual(
			emitted.map((item) => [item.json.metric, item.json.previousStatus, item.json.status, item.json.previousMeetsTarget, item.json.meetsTarget]),
			[['lateShipmentRate', 'BAD', 'GOOD', false, true]],
		);
		emulator.spApi.queueOutcome('GET_V2_SELLER_PERFORMANCE_REPORT', { status: 'DONE', document: { text: JSON.stringify(better) } });
		assert.deepEqual(await watcher.poll(), []);
	});

	test('optionally emits every failing metric every poll', async () => {
		const watcher = trigger(SP_TRIGGER, { event: 'accountHealthChanged', marketplaceIds: [US], options: { ...EVERY_POLL, reuseWithinMinutes: 0, emitAllFailing: true } });
		const first = await watcher.poll();
		const second = await watcher.poll();
		// Four metrics and the account status (AT_RISK).
		assert.equal(first.length, 5);
		assert.equal(second.length, 5);
		assert.ok(second.every((item) => item.json.meetsTarget === false));
	});

	test('a failed poll keeps the previous state', async () => {
		const watcher = trigger(SP_TRIGGER, { event: 'accountHealthChanged', marketplaceIds: [US], options: { ...EVERY_POLL, reuseWithinMinutes: 0 } });
		await watcher.poll();
		const before = watcher.nodeState();
		emulator.spApi.queueOutcome('GET_V2_SELLER_PERFORMANCE_REPORT', { status: 'FATAL', errorText: '{"errorDetails":"Internal failure"}' });
		await assert.rejects(watcher.poll(), /could not build report/);
		assert.deepEqual(watcher.nodeState(), before);
		emulator.spApi.queueOutcome('GET_V2_SELLER_PERFORMANCE_REPORT', { status: 'DONE', document: { text: JSON.stringify(accountHealthRealWorldVariant(US)) } });
		const emitted = await watcher.poll();
		assert.ok(emitted.length > 0, 'the change shows up on the next good poll');
	});
});

describe('Amazon Selling Partner Trigger: Report Ready', () => {
	test('emits each new DONE report once, including scheduled ones, creating none', async () => {
		const watcher = trigger(SP_TRIGGER, { event: 'reportReady', reportType: 'GET_V2_SELLER_PERFORMANCE_REPORT', options: EVERY_POLL });
		assert.deepEqual(await watcher.poll(), []);
		emulator.spApi.addScheduledReport({
			reportType: 'GET_V2_SELLER_PERFORMANCE_REPORT',
			marketplaceIds: [US],
			document: { text: JSON.stringify(accountHealthSchemaVariant(US)) },
		});
		const emitted = await watcher.poll();
		assert.ok(emitted.length > 5, 'the report’s metrics, as Get Account Health gives them');
		assert.ok(emitted.some((item) => item.json.metric === 'lateShipmentRate'));
		assert.deepEqual(await watcher.poll(), []);
		assert.equal(emulator.requests.filter((r) => r.method === 'POST').length, 0);
	});
});

describe('Triggers, poll by poll', () => {
	const feedbackDocument = (marketplaceId: string, extra: string) => {
		const { tsv } = generateFeedback(marketplaceId, new Date(Date.now() - 14 * 86_400_000).toISOString(), new Date().toISOString());
		return { status: 'DONE' as const, document: { text: `${tsv}${extra}` } };
	};
	const today = () => {
		const now = new Date();
		return `${now.getUTCMonth() + 1}/${now.getUTCDate()}/${String(now.getUTCFullYear() % 100).padStart(2, '0')}`;
	};

	test('account status and warning states changing are changes, with previous and new values', async () => {
		const watcher = trigger(SP_TRIGGER, { event: 'accountHealthChanged', marketplaceIds: [US], options: { ...EVERY_POLL, reuseWithinMinutes: 0 } });
		const normal = accountHealthSchemaVariant(US);
		normal.accountStatuses[0].status = 'NORMAL';
		emulator.spApi.queueOutcome('GET_V2_SELLER_PERFORMANCE_REPORT', { status: 'DONE', document: { text: JSON.stringify(normal) } });
		await watcher.poll();

		const atRisk = accountHealthSchemaVariant(US);
		atRisk.performanceMetrics[0].warningStates = ['LATE_SHIPMENT_RATE', 'POLICY_WARNING'];
		emulator.spApi.queueOutcome('GET_V2_SELLER_PERFORMANCE_REPORT', { status: 'DONE', document: { text: JSON.stringify(atRisk) } });
		const emitted = (await watcher.poll()).map((item) => item.json);
		const status = emitted.find((item) => item.metric === 'accountStatus');
		assert.deepEqual([status?.previousStatus, status?.status, status?.meetsTarget], ['NORMAL', 'AT_RISK', false]);
		const rating = emitted.find((item) => item.metric === 'accountHealthRating');
		assert.deepEqual(rating?.previousWarningStates, ['LATE_SHIPMENT_RATE']);
		assert.deepEqual(rating?.warningStates, ['LATE_SHIPMENT_RATE', 'POLICY_WARNING']);
	});

	test('Report Ready emits a report that finished after a newer one, once', async () => {
		const type = 'GET_V2_SELLER_PERFORMANCE_REPORT';
		const document = { text: JSON.stringify(accountHealthSchemaVariant(US)) };
		const watcher = trigger(SP_TRIGGER, { event: 'reportReady', reportType: type, options: EVERY_POLL });
		assert.deepEqual(await watcher.poll(), []);
		const older = emulator.spApi.addScheduledReport({ reportType: type, marketplaceIds: [US], document, createdAt: Date.now() - 10 * 60_000, inProgress: true });
		emulator.spApi.addScheduledReport({ reportType: type, marketplaceIds: [US], document });
		assert.ok((await watcher.poll()).length > 0, 'the newer report');
		assert.deepEqual(await watcher.poll(), []);
		emulator.spApi.complete(older);
		const late = await watcher.poll();
		assert.ok(late.length > 0, 'the older report, finished later, is emitted too');
		assert.deepEqual(await watcher.poll(), []);
	});

	test('adding a marketplace does not flood its existing feedback; changing the event starts afresh', async () => {
		const CA = 'A2EUQ1WTGCTBG2';
		const parameters = { event: 'newFeedback', marketplaceIds: [US], options: { ...EVERY_POLL, reuseWithinMinutes: 0 } };
		const staticData = {};
		const poll = async (params: IDataObject) => {
			const { items } = await runPoll({ type: SP_TRIGGER, parameters: params, credentials: credentialsFor(emulator), staticData });
			return items ?? [];
		};
		assert.deepEqual(await poll(parameters), []);
		// Canada added: its feedback so far is not news; a new US feedback is.
		emulator.spApi.queueOutcome('GET_SELLER_FEEDBACK_DATA', feedbackDocument(US, `${today()}\t1\tBroken\t\t111-0000000-0000001\t\r\n`));
		const emitted = await poll({ ...parameters, marketplaceIds: [US, CA] });
		assert.deepEqual(emitted.map((item) => [item.json.marketplaceId, item.json.orderId]), [[US, '111-0000000-0000001']]);
		// Another event: the feedback memory is dropped, account health starts from its first check.
		assert.deepEqual(await poll({ event: 'accountHealthChanged', marketplaceIds: [US], options: EVERY_POLL }), []);
		assert.equal((staticData as IDataObject)['node:Trigger'] && ((staticData as IDataObject)['node:Trigger'] as IDataObject).markets, undefined);
	});

	test('a report still being made is collected on a later poll; no poll waits minutes', async () => {
		const parameters = { event: 'newFeedback', marketplaceIds: [US], options: { ...EVERY_POLL, reuseWithinMinutes: 0 } };
		const watcher = trigger(SP_TRIGGER, parameters);
		await watcher.poll();
		emulator.spApi.queueOutcome('GET_SELLER_FEEDBACK_DATA', { ...feedbackDocument(US, `${today()}\t2\tLate\t\t111-0000000-0000002\t\r\n`), pollsUntilDone: 1000 });
		const started = Date.now();
		assert.deepEqual(await watcher.poll(), []);
		assert.ok(Date.now() - started < 20_000, 'the poll returned within seconds');
		const pending = (watcher.nodeState().markets as IDataObject)[US] as IDataObject;
		const reportId = String((pending.pending as IDataObject).reportId);
		emulator.spApi.complete(reportId);
		const emitted = await watcher.poll();
		assert.deepEqual(emitted.map((item) => item.json.orderId), ['111-0000000-0000002']);
		assert.equal(((watcher.nodeState().markets as IDataObject)[US] as IDataObject).pending, undefined);
	});

	test('each line item once by Invoice ID: two partial refunds of one transaction are two items', async () => {
		const current = monthsAgo(0);
		const watcher = trigger(APPSTORE_TRIGGER, { event: 'newSalesTransactions', options: EVERY_POLL });
		await watcher.poll();
		const base = generateSalesReport(current).rows;
		const charge = base.find((row) => row.transactionType === 'Charge') as SalesTruth;
		const refunds = [1, 2].map((n) => ({ ...charge, transactionType: 'Refund', adjustment: true, invoiceId: `refund-${n}`, estimatedEarnings: -1 }));
		emulator.appstore.setReport('sales', current, { csv: salesCsv(current, [...base, ...refunds]) });
		const emitted = await watcher.poll();
		assert.deepEqual(emitted.map((item) => item.json.invoiceId), ['refund-1', 'refund-2']);
		assert.ok(emitted.every((item) => item.json.transactionId === charge.transactionId));
	});

	test('the triggers pace themselves whatever Poll Times says', async () => {
		const watcher = trigger(APPSTORE_TRIGGER, { event: 'newSalesTransactions' });
		await watcher.poll();
		const requests = emulator.requests.length;
		assert.deepEqual(await watcher.poll(), [], 'checked less than 3 hours ago: nothing to do');
		assert.equal(emulator.requests.length, requests, 'no request to Amazon');
		const sp = trigger(SP_TRIGGER, { event: 'reportReady', reportType: 'GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2' });
		await sp.poll();
		const before = emulator.requests.length;
		await sp.poll();
		assert.equal(emulator.requests.length, before, 'Report Ready checks at most every 15 minutes by default');
	});
});
