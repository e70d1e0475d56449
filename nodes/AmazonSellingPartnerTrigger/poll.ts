// The Selling Partner trigger's events. State per event, in the node's static data:
// - newFeedback: { seen: [keys] } (bounded);
// - accountHealthChanged: { metrics: { key: [status, meetsTarget] } };
// - reportReady: { since: ISO time, seen: [reportIds] } (bounded).
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import type { CreateReportSpec, SpApiConnection, SpReport } from '../AmazonSellingPartnerReports/api';
import { getReportDocument, getReports, SP_API_CREDENTIAL, spApiConnection } from '../AmazonSellingPartnerReports/api';
import type { LifecycleOptions } from '../AmazonSellingPartnerReports/lifecycle';
import { checkMarketplaces } from '../AmazonSellingPartnerReports/parameters';
import { accountHealthReport } from '../AmazonSellingPartnerReports/reports/accountHealth';
import { REPORT_DEFINITIONS } from '../AmazonSellingPartnerReports/reports';
import { sellerFeedbackReport } from '../AmazonSellingPartnerReports/reports/sellerFeedback';
import type { RunOptions } from '../AmazonSellingPartnerReports/runReport';
import { downloadDocument, runReport } from '../AmazonSellingPartnerReports/runReport';
import { AmazonRequestError } from '../shared/errors';
import { boundedKeys, commitState, recordKey, stringList } from '../shared/trigger/state';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SAMPLE_SIZE = 5;
/** Feedback is read over the last two weeks: Amazon cancels feedback reports of a few days as empty. */
const FEEDBACK_WINDOW_DAYS = 14;

export async function pollSellingPartner(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const connection = spApiConnection(await this.getCredentials(SP_API_CREDENTIAL));
	const event = this.getNodeParameter('event') as string;
	const state = this.getWorkflowStaticData('node');
	const manual = this.getMode() === 'manual';
	const items =
		event === 'accountHealthChanged'
			? await accountHealthChanged.call(this, connection, state, manual)
			: event === 'reportReady'
				? await reportReady.call(this, connection, state, manual)
				: await newFeedback.call(this, connection, state, manual);
	return items.length ? [items] : null;
}

function runOptions(this: IPollFunctions, output: string): RunOptions {
	const reuse = Number((this.getNodeParameter('options', {}) as IDataObject).reuseWithinMinutes ?? 60);
	const lifecycle: LifecycleOptions = {
		// By default one report per hour at most: polls within the hour read the same report.
		reuseWithinMinutes: Number.isFinite(reuse) ? Math.max(0, reuse) : 60,
		maxWaitMinutes: 10,
		progress: (message) => this.logger.info(message),
	};
	return { as: 'items', output, failIfNoData: false, attachFile: false, binaryPropertyName: 'data', lifecycle };
}

async function newFeedback(
	this: IPollFunctions,
	connection: SpApiConnection,
	state: IDataObject,
	manual: boolean,
): Promise<INodeExecutionData[]> {
	const marketplaceIds = checkMarketplaces(this.getNodeParameter('marketplaceIds', []) as string[], connection);
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const minRating = Number(options.minRating ?? 1);
	const maxRating = Number(options.maxRating ?? 3);
	if (minRating > maxRating) {
		throw new AmazonRequestError(`Minimum Rating (${minRating}) is above Maximum Rating (${maxRating})`, {
			description: 'Set the minimum to the lower of the two.',
		});
	}
	// The window ends on the hour, so polls within an hour ask for the same (reusable) report;
	// without reuse, it ends now.
	const reuse = Number(options.reuseWithinMinutes ?? 60);
	const end = reuse > 0 ? Math.floor(Date.now() / HOUR) * HOUR : Date.now();
	const rows: IDataObject[] = [];
	for (const marketplaceId of marketplaceIds) {
		const spec: CreateReportSpec = {
			reportType: sellerFeedbackReport.reportType,
			marketplaceIds: [marketplaceId],
			dataStartTime: new Date(end - FEEDBACK_WINDOW_DAYS * DAY).toISOString(),
			dataEndTime: new Date(end).toISOString(),
		};
		const items = await runReport.call(this, connection, spec, sellerFeedbackReport, runOptions.call(this, 'rows'));
		rows.push(...items.map((item) => item.json));
	}
	const wanted = rows.filter((row) => Number(row.rating) >= minRating && Number(row.rating) <= maxRating);
	const newestFirst = [...wanted].sort((a, b) => String(b.date).localeCompare(String(a.date)));
	if (manual) return newestFirst.slice(0, SAMPLE_SIZE).map((json) => ({ json }));

	const firstPoll = state.seen === undefined;
	const seen = new Set(stringList(state.seen));
	const backfillDays = Number(options.backfillDays ?? 0);
	const since = new Date(Date.now() - backfillDays * DAY).toISOString().slice(0, 10);
	const keys = rows.map((row) => recordKey([row.marketplaceId, row.orderId, row.date, row.rating]));
	const fresh = wanted.filter((row) => {
		if (seen.has(recordKey([row.marketplaceId, row.orderId, row.date, row.rating]))) return false;
		return firstPoll ? backfillDays > 0 && String(row.date) >= since : true;
	});
	commitState(state, { seen: boundedKeys(stringList(state.seen), keys, 5_000) });
	return fresh.map((json) => ({ json }));
}

async function accountHealthChanged(
	this: IPollFunctions,
	connection: SpApiConnection,
	state: IDataObject,
	manual: boolean,
): Promise<INodeExecutionData[]> {
	const spec: CreateReportSpec = {
		reportType: accountHealthReport.reportType,
		marketplaceIds: checkMarketplaces(this.getNodeParameter('marketplaceIds', []) as string[], connection),
	};
	const metrics = (await runReport.call(this, connection, spec, accountHealthReport, runOptions.call(this, 'metrics'))).map(
		(item) => item.json,
	);
	const failing = metrics.filter((metric) => metric.meetsTarget === false);
	if (manual) return (failing.length ? failing : metrics).slice(0, SAMPLE_SIZE).map((json) => ({ json }));

	const keyOf = (metric: IDataObject) => `${metric.marketplaceId}|${metric.metric}|${metric.fulfillmentType ?? ''}`;
	const previous = (state.metrics ?? undefined) as Record<string, [unknown, unknown]> | undefined;
	const emitAllFailing = (this.getNodeParameter('options', {}) as IDataObject).emitAllFailing === true;
	const emitted: IDataObject[] = [];
	for (const metric of metrics) {
		const before = previous?.[keyOf(metric)];
		const withPrevious = { ...metric, previousStatus: before?.[0] ?? null, previousMeetsTarget: before?.[1] ?? null };
		const changed = previous !== undefined && (!before || before[0] !== metric.status || before[1] !== metric.meetsTarget);
		if (changed || (emitAllFailing && metric.meetsTarget === false)) emitted.push(withPrevious);
	}
	commitState(state, {
		metrics: Object.fromEntries(metrics.map((metric) => [keyOf(metric), [metric.status ?? null, metric.meetsTarget ?? null]])),
	});
	return emitted.map((json) => ({ json }));
}

async function reportReady(
	this: IPollFunctions,
	connection: SpApiConnection,
	state: IDataObject,
	manual: boolean,
): Promise<INodeExecutionData[]> {
	const reportType = String(this.getNodeParameter('reportType', '')).trim();
	if (!/^[A-Z0-9_]+$/.test(reportType)) {
		throw new AmazonRequestError(`"${reportType}" is not a report type`, {
			description: 'Report types are written like GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE.',
		});
	}
	const as = ((this.getNodeParameter('options', {}) as IDataObject).as as 'items' | 'binary') ?? 'items';
	const firstPoll = state.since === undefined;
	if (firstPoll && !manual) {
		// Start from now: reports made before the trigger was activated are not news.
		commitState(state, { since: new Date().toISOString(), seen: [] });
		return [];
	}
	// Amazon keeps reports 90 days; a small overlap catches reports listed late.
	const since = manual ? new Date(Date.now() - 89 * DAY) : new Date(Date.parse(String(state.since)) - 10 * 60_000);
	const { reports } = await getReports(connection, {
		reportTypes: [reportType],
		processingStatuses: ['DONE'],
		createdSince: since.toISOString(),
		pageSize: 100,
	});
	const seen = stringList(state.seen);
	const candidates = manual ? reports.slice(0, 1) : reports.filter((report) => !seen.includes(report.reportId));
	const items: INodeExecutionData[] = [];
	for (const report of [...candidates].sort(byCreatedTime)) {
		items.push(...(await reportItems.call(this, connection, report, as)));
	}
	if (manual) return items.slice(0, SAMPLE_SIZE);

	const newest = reports.reduce((latest, report) => Math.max(latest, Date.parse(report.createdTime ?? '') || 0), Date.parse(String(state.since)));
	commitState(state, {
		since: new Date(newest).toISOString(),
		seen: boundedKeys(seen, candidates.sort(byCreatedTime).map((report) => report.reportId), 500),
	});
	return items;
}

async function reportItems(
	this: IPollFunctions,
	connection: SpApiConnection,
	report: SpReport,
	as: 'items' | 'binary',
): Promise<INodeExecutionData[]> {
	if (!report.reportDocumentId) return [];
	const document = await getReportDocument(connection, report.reportDocumentId);
	const definition = REPORT_DEFINITIONS[report.reportType];
	const items = await downloadDocument.call(
		this,
		connection,
		document,
		{ reportType: report.reportType, marketplaceIds: report.marketplaceIds ?? [] },
		definition,
		{ as, output: definition ? 'metrics' : 'rows', attachFile: false, binaryPropertyName: 'data' },
	);
	if (as === 'binary') for (const item of items) item.json = { reportId: report.reportId, createdTime: report.createdTime ?? null, ...item.json };
	return items;
}

function byCreatedTime(a: SpReport, b: SpReport): number {
	return Date.parse(a.createdTime ?? '') - Date.parse(b.createdTime ?? '') || Number(a.reportId) - Number(b.reportId);
}
