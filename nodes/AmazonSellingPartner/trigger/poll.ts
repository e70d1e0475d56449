// The Selling Partner trigger's events. No poll waits minutes for Amazon: a report still being made
// is remembered and collected on a later poll. State in the node's static data, bounded:
// - all events: { event, checkedAt };
// - newFeedback: { markets: { [marketplaceId]: { seen: [keys], first?, pending? } } };
// - accountHealthChanged: { watch: 'ids', metrics: { key: [status, meetsTarget, warnings] }, pending? };
// - reportReady: { watch: reportType, seen: [[reportId, createdMs]] }.
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { AmazonRequestError } from '../../shared/errors';
import { outputPlanFor } from '../../shared/output/parameters';
import type { OutputMode, OutputPlan } from '../../shared/output/reportOutput';
import { DEFAULT_LIMITS } from '../../shared/pipeline/limits';
import { sendThroughN8n } from '../../shared/transport/http';
import { boundedKeys, checkedRecently, commitState, recordKey, stringList } from '../../shared/trigger/state';
import { SP_OUTPUT_LABELS } from '../actions/common.descriptions';
import { documentItems } from '../items';
import type { LifecycleOptions } from '../lifecycle';
import { obtainReport, outcomeOf, startReport, waitUntilProcessed } from '../lifecycle';
import { checkMarketplaces, reportTypeValue } from '../parameters';
import { accountHealthReport } from '../reports/accountHealth.report';
import { sellerFeedbackReport } from '../reports/sellerFeedback.report';
import type { CreateReportSpec, SpApiConnection, SpReport } from '../transport/reportsApi';
import { getReport, getReports, SP_API_CREDENTIAL, spApiConnection } from '../transport/reportsApi';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SAMPLE_SIZE = 5;
/** Feedback is read over the last two weeks: Amazon cancels feedback reports of a few days as empty. */
const FEEDBACK_WINDOW_DAYS = 14;
/** A poll waits this long at most for a report it asked for; then the next poll collects it. */
const POLL_WAIT_MINUTES = 10 / 60;
/** A report still not finished after this long is given up and asked for again. */
const PENDING_GIVE_UP_MS = 6 * HOUR;
const DEFAULT_CHECK_MINUTES: Record<string, number> = { newFeedback: 60, accountHealthChanged: 60, reportReady: 15 };

interface Pending {
	reportId: string;
	since: string;
}

export async function pollSellingPartner(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const event = this.getNodeParameter('event') as string;
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const state = this.getWorkflowStaticData('node');
	const manual = this.getMode() === 'manual';
	// Another event starts afresh (as n8n's own triggers reset when what they watch changes).
	if (!manual && state.event !== undefined && state.event !== event) commitState(state, {});
	if (!manual && !hasPending(state) && checkedRecently(state, options.checkEveryMinutes, DEFAULT_CHECK_MINUTES[event] ?? 60)) return null;

	const connection: SpApiConnection = {
		...spApiConnection(await this.getCredentials(SP_API_CREDENTIAL), sendThroughN8n(this.helpers)),
		progress: (message) => this.logger.info(message),
	};
	const next: IDataObject = { event, checkedAt: new Date().toISOString() };
	const items =
		event === 'accountHealthChanged'
			? await accountHealthChanged.call(this, connection, state, next, manual, options)
			: event === 'reportReady'
				? await reportReady.call(this, connection, state, next, manual, options)
				: await newFeedback.call(this, connection, state, next, manual, options);
	// State is written only once the poll has produced its items: a failed poll changes nothing.
	if (!manual) commitState(state, next);
	return items.length ? [items] : null;
}

function hasPending(state: IDataObject): boolean {
	if (state.pending) return true;
	const markets = (state.markets ?? {}) as Record<string, { pending?: Pending }>;
	return Object.values(markets).some((market) => market.pending);
}

function lifecycle(this: IPollFunctions, options: IDataObject, manual: boolean): LifecycleOptions {
	const reuse = Number(options.reuseWithinMinutes ?? 60);
	return {
		reuseWithinMinutes: Number.isFinite(reuse) ? Math.max(0, reuse) : 60,
		// "Fetch Test Event" is interactive: it waits for the report; scheduled polls do not.
		maxWaitMinutes: manual ? 3 : POLL_WAIT_MINUTES,
		progress: (message) => this.logger.info(message),
		limits: DEFAULT_LIMITS,
	};
}

/**
 * The report of a request as far as this poll gets: a finished report (new or reused, or the one
 * a previous poll asked for), or the ID of one still being made.
 */
async function reportOf(
	connection: SpApiConnection,
	spec: CreateReportSpec,
	pending: Pending | undefined,
	options: LifecycleOptions,
): Promise<{ finished: SpReport } | { pending: Pending }> {
	if (pending && Date.now() - Date.parse(pending.since) < PENDING_GIVE_UP_MS) {
		const report = await getReport(connection, pending.reportId);
		if (report.processingStatus === 'IN_QUEUE' || report.processingStatus === 'IN_PROGRESS') return { pending };
		return { finished: report };
	}
	const started = await startReport(connection, spec, options);
	let report = started.report;
	if (report.processingStatus === 'IN_QUEUE' || report.processingStatus === 'IN_PROGRESS') {
		report = await waitUntilProcessed(connection, report.reportId, spec.reportType, { ...options, returnUnfinished: true });
	}
	if (report.processingStatus === 'IN_QUEUE' || report.processingStatus === 'IN_PROGRESS') {
		options.progress(`Report ${report.reportId} (${spec.reportType}) is still ${report.processingStatus}: the next poll collects it`);
		return { pending: { reportId: report.reportId, since: new Date().toISOString() } };
	}
	return { finished: report };
}

/** The items of a finished report, typed like Get (none when Amazon cancelled it for lack of data). */
async function itemsOf(
	this: IPollFunctions,
	connection: SpApiConnection,
	report: SpReport,
	choices: { output?: string; simplify?: boolean; returnFile?: boolean; plan?: OutputPlan; maxItemsMegabytes?: number } = {},
): Promise<INodeExecutionData[]> {
	const outcome = await outcomeOf(connection, report, true, {});
	if (outcome.status === 'CANCELLED') return [];
	return await documentItems.call(
		this,
		connection,
		outcome.document,
		{ reportType: report.reportType, reportId: report.reportId, marketplaceIds: report.marketplaceIds ?? [] },
		{
			simplify: choices.simplify ?? true,
			output: choices.output,
			returnFile: choices.returnFile ?? false,
			attachField: choices.returnFile ? 'data' : undefined,
			limits: DEFAULT_LIMITS,
			plan: choices.plan ?? { mode: 'items', fileField: 'data', labels: SP_OUTPUT_LABELS },
			maxItemsMegabytes: choices.maxItemsMegabytes,
		},
	);
}

/** The JSON of a report's items. */
async function rowsOf(this: IPollFunctions, connection: SpApiConnection, report: SpReport, output?: string): Promise<IDataObject[]> {
	return (await itemsOf.call(this, connection, report, { output })).map((item) => item.json);
}

interface MarketState {
	seen: string[];
	/** The marketplace has not had a completed check yet: its existing feedback is not news. */
	first?: boolean;
	pending?: Pending;
}

const feedbackKey = (row: IDataObject) => recordKey([row.marketplaceId, row.orderId, row.date, row.rating]);

async function newFeedback(
	this: IPollFunctions,
	connection: SpApiConnection,
	state: IDataObject,
	next: IDataObject,
	manual: boolean,
	options: IDataObject,
): Promise<INodeExecutionData[]> {
	const marketplaceIds = checkMarketplaces(this.getNodeParameter('marketplaceIds', []), connection);
	const minRating = Number(options.minRating ?? 1);
	const maxRating = Number(options.maxRating ?? 3);
	if (minRating > maxRating) {
		throw new AmazonRequestError(`Minimum Rating (${minRating}) is above Maximum Rating (${maxRating})`, {
			description: 'Set the minimum to the lower of the two.',
		});
	}
	const reuse = lifecycle.call(this, options, manual);
	// The window ends on the hour, so polls within an hour ask for the same (reusable) report;
	// without reuse, it ends now.
	const end = reuse.reuseWithinMinutes > 0 ? Math.floor(Date.now() / HOUR) * HOUR : Date.now();
	const wanted = (row: IDataObject) => Number(row.rating) >= minRating && Number(row.rating) <= maxRating;
	const specFor = (marketplaceId: string): CreateReportSpec => ({
		reportType: sellerFeedbackReport.reportType,
		marketplaceIds: [marketplaceId],
		dataStartTime: new Date(end - FEEDBACK_WINDOW_DAYS * DAY).toISOString(),
		dataEndTime: new Date(end).toISOString(),
	});

	if (manual) {
		const rows: IDataObject[] = [];
		for (const marketplaceId of marketplaceIds) {
			const outcome = await obtainReport(connection, specFor(marketplaceId), reuse);
			if (outcome.status === 'DONE') for (const row of await rowsOf.call(this, connection, outcome.report)) if (wanted(row)) rows.push(row);
		}
		return rows
			.sort((a, b) => String(b.date).localeCompare(String(a.date)))
			.slice(0, SAMPLE_SIZE)
			.map((json) => ({ json }));
	}

	// Each marketplace has its own memory: one added later starts afresh, without a flood.
	const known = (state.markets ?? {}) as Record<string, MarketState>;
	const markets: Record<string, MarketState> = {};
	const backfillDays = Number(options.backfillDays ?? 0);
	const since = new Date(Date.now() - backfillDays * DAY).toISOString().slice(0, 10);
	const emitted: IDataObject[] = [];
	for (const marketplaceId of marketplaceIds) {
		const market: MarketState = known[marketplaceId] ?? { seen: [], first: true };
		const result = await reportOf(connection, specFor(marketplaceId), market.pending, reuse);
		if ('pending' in result) {
			markets[marketplaceId] = { ...market, pending: result.pending };
			continue;
		}
		const rows = await rowsOf.call(this, connection, result.finished);
		const seen = new Set(stringList(market.seen));
		for (const row of rows) {
			if (!wanted(row) || seen.has(feedbackKey(row))) continue;
			if (!market.first || (backfillDays > 0 && String(row.date) >= since)) emitted.push(row);
		}
		markets[marketplaceId] = { seen: boundedKeys(stringList(market.seen), rows.map(feedbackKey), 5_000) };
	}
	next.markets = markets;
	return emitted.map((json) => ({ json }));
}

async function accountHealthChanged(
	this: IPollFunctions,
	connection: SpApiConnection,
	state: IDataObject,
	next: IDataObject,
	manual: boolean,
	options: IDataObject,
): Promise<INodeExecutionData[]> {
	const marketplaceIds = checkMarketplaces(this.getNodeParameter('marketplaceIds', []), connection);
	const spec: CreateReportSpec = { reportType: accountHealthReport.reportType, marketplaceIds };
	const reuse = lifecycle.call(this, options, manual);
	if (manual) {
		const outcome = await obtainReport(connection, spec, reuse);
		const metrics = outcome.status === 'DONE' ? await rowsOf.call(this, connection, outcome.report, 'metrics') : [];
		const failing = metrics.filter((metric) => metric.meetsTarget === false);
		return (failing.length ? failing : metrics).slice(0, SAMPLE_SIZE).map((json) => ({ json }));
	}

	const result = await reportOf(connection, spec, state.pending as Pending | undefined, reuse);
	if ('pending' in result) {
		Object.assign(next, { watch: state.watch, metrics: state.metrics, pending: result.pending });
		return [];
	}
	const metrics = await rowsOf.call(this, connection, result.finished, 'metrics');
	const keyOf = (metric: IDataObject) => `${metric.marketplaceId ?? ''}|${metric.metric}|${metric.fulfillmentType ?? ''}`;
	const warningsOf = (metric: IDataObject) => (metric.warningStates === undefined ? null : JSON.stringify(metric.warningStates));
	const previous = state.metrics as Record<string, [unknown, unknown, unknown?]> | undefined;
	// Marketplaces added since the last check start afresh: their current state is not a change.
	const watchedBefore = new Set(String(state.watch ?? '').split(',').filter(Boolean));
	const emitAllFailing = options.emitAllFailing === true;
	const emitted: IDataObject[] = [];
	for (const metric of metrics) {
		const before = previous?.[keyOf(metric)];
		const known = previous !== undefined && (metric.marketplaceId === null || watchedBefore.has(String(metric.marketplaceId)));
		const changed =
			known && (!before || before[0] !== metric.status || before[1] !== metric.meetsTarget || (before[2] ?? null) !== warningsOf(metric));
		if (changed || (emitAllFailing && metric.meetsTarget === false)) {
			emitted.push({
				...metric,
				previousStatus: before?.[0] ?? null,
				previousMeetsTarget: before?.[1] ?? null,
				...(metric.warningStates !== undefined ? { previousWarningStates: before?.[2] ? JSON.parse(String(before[2])) : null } : {}),
			});
		}
	}
	next.watch = [...marketplaceIds].sort().join(',');
	next.metrics = Object.fromEntries(metrics.map((metric) => [keyOf(metric), [metric.status ?? null, metric.meetsTarget ?? null, warningsOf(metric)]]));
	return emitted.map((json) => ({ json }));
}

async function reportReady(
	this: IPollFunctions,
	connection: SpApiConnection,
	state: IDataObject,
	next: IDataObject,
	manual: boolean,
	options: IDataObject,
): Promise<INodeExecutionData[]> {
	const reportType = reportTypeValue(this.getNodeParameter('reportType', ''));
	const simplify = this.getNodeParameter('simplify', true) as boolean;
	const returnFile = options.returnFile === true;
	const lookBackMs = Math.max(1, Number(options.lookBackHours ?? 72)) * HOUR;
	const listed = await doneReports(connection, reportType, manual ? 89 * DAY : lookBackMs);
	const mode = this.getNodeParameter('returnRowsAs', 'items') as OutputMode;
	const plan = outputPlanFor((name, fallback) => this.getNodeParameter(name, fallback), mode, SP_OUTPUT_LABELS);
	// "Fetch test event" shows a few items: the rest of a big report is read, not kept.
	if (manual) plan.sample = SAMPLE_SIZE;
	const maxItemsMegabytes = options.maxItemsMegabytes as number | undefined;
	const deliver = async (report: SpReport): Promise<INodeExecutionData[]> => {
		const items = await itemsOf.call(this, connection, report, { simplify, returnFile, plan, maxItemsMegabytes });
		if (returnFile) for (const item of items) item.json = { ...item.json, createdTime: report.createdTime ?? null };
		return items;
	};
	if (manual) return listed.length ? (await deliver(listed[listed.length - 1])).slice(0, SAMPLE_SIZE) : [];

	// Watching another type starts afresh: the reports it already has are not news.
	const first = state.watch !== reportType;
	const seen = new Map<string, number>(first ? [] : ((state.seen ?? []) as Array<[string, number]>));
	const items: INodeExecutionData[] = [];
	for (const report of listed) {
		if (seen.has(report.reportId)) continue;
		// Every report once, whatever order Amazon finishes them in.
		if (!first) for (const item of await deliver(report)) items.push(item);
		seen.set(report.reportId, Date.parse(report.createdTime ?? '') || Date.now());
	}
	const keepAfter = Date.now() - lookBackMs - HOUR;
	next.watch = reportType;
	next.seen = [...seen].filter(([, created]) => created >= keepAfter).slice(-2_000);
	return items;
}

/** DONE reports of a type created within the window, oldest first. */
async function doneReports(connection: SpApiConnection, reportType: string, windowMs: number): Promise<SpReport[]> {
	const reports: SpReport[] = [];
	let page = await getReports(connection, {
		reportTypes: [reportType],
		processingStatuses: ['DONE'],
		createdSince: new Date(Date.now() - windowMs).toISOString(),
		pageSize: 100,
	});
	for (let pages = 1; ; pages++) {
		for (const report of page.reports) reports.push(report);
		// getReports allows a request every 45 seconds or so: a few pages per poll at most.
		if (!page.nextToken || pages >= 3) break;
		page = await getReports(connection, { nextToken: page.nextToken });
	}
	return reports.sort(
		(a, b) => Date.parse(a.createdTime ?? '') - Date.parse(b.createdTime ?? '') || Number(a.reportId) - Number(b.reportId),
	);
}
