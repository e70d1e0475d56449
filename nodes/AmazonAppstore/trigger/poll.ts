// The Appstore trigger's events. State in the node's static data, bounded whatever the reports' size:
// - newSalesTransactions: { checkedAt, months: { 'YYYY-MM': MonthMemory } } for the two months polled;
// - newMonthlyReport: { checkedAt, watch, seen: ['sales/YYYY-MM', …] }.
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { AmazonRequestError } from '../../shared/errors';
import { PresetSummary } from '../../shared/output/summarize';
import { limitsWithMaxMegabytes } from '../../shared/pipeline/limits';
import type { MonthMemory } from '../../shared/trigger/monthMemory';
import { MonthScan } from '../../shared/trigger/monthMemory';
import { sendThroughN8n } from '../../shared/transport/http';
import { boundedKeys, checkedRecently, commitState, stringList } from '../../shared/trigger/state';
import type { YearMonth } from '../period';
import { addMonths, currentMonth, formatMonth } from '../period';
import { readMonthReport } from '../readReport';
import { appstoreReportTypeById } from '../reports/registry';
import { salesReport } from '../reports/sales.report';
import type { AppstoreConnection } from '../transport/reportingApi';
import { APPSTORE_CREDENTIAL, appstoreConnection, getReportUrl } from '../transport/reportingApi';

const SAMPLE_SIZE = 5;
export const DEFAULT_CHECK_MINUTES = 180;

export async function pollAppstore(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const event = this.getNodeParameter('event') as string;
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const state = this.getWorkflowStaticData('node');
	const manual = this.getMode() === 'manual';
	// Poll Times may say every minute: Amazon refreshes these files once a day.
	if (!manual && checkedRecently(state, options.checkEveryMinutes, DEFAULT_CHECK_MINUTES)) return null;
	const connection = {
		...appstoreConnection(await this.getCredentials(APPSTORE_CREDENTIAL), sendThroughN8n(this.helpers)),
		progress: (message: string) => this.logger.info(message),
	};
	const items =
		event === 'newMonthlyReport'
			? await newMonthlyReports.call(this, connection, state, manual)
			: await newSalesTransactions.call(this, connection, state, manual, options);
	return items.length ? [items] : null;
}

/** A line item's identity: the Invoice ID, as Amazon's documentation says; else what describes it. */
function lineKey(row: IDataObject): string {
	const invoice = typeof row.invoiceId === 'string' ? row.invoiceId : '';
	if (invoice && invoice.toUpperCase() !== 'NA') return invoice;
	return [row.transactionId, row.transactionType, row.adjustment, row.transactionTimeRaw, row.asin, row.estimatedEarnings].join('|');
}


async function newSalesTransactions(
	this: IPollFunctions,
	connection: AppstoreConnection,
	state: IDataObject,
	manual: boolean,
	options: IDataObject,
): Promise<INodeExecutionData[]> {
	// Amazon restates a month for up to two days after it ends: both months, every poll.
	const now = currentMonth();
	const months: YearMonth[] = [addMonths(now, -1), now];
	const output = this.getNodeParameter('output', 'rows') as 'rows' | 'summary';
	const limits = limitsWithMaxMegabytes(options.maxReportMegabytes);

	if (manual) {
		// "Fetch test event": the latest transactions, whether new or not; state untouched.
		const latest = new LatestRows(SAMPLE_SIZE);
		for (const month of months) await readMonthReport(connection, salesReport, month, { limits }, (row) => latest.add(row));
		return latest.rows().map((json) => ({ json }));
	}

	const firstPoll = state.months === undefined;
	const known = (state.months ?? {}) as Record<string, MonthMemory>;
	const backfillDays = Number(options.backfillDays ?? 0);
	const since = Date.now() - backfillDays * 86_400_000;
	const nextMonths: Record<string, MonthMemory> = {};
	const emitted: IDataObject[] = [];
	for (const month of months.map(formatMonth)) {
		const previous = firstPoll ? undefined : (known[month] ?? { rows: 0, prefix: '', slots: '', recent: '' });
		const scan = new MonthScan(previous, month);
		const fresh: IDataObject[] = [];
		const outcome = await readMonthReport(
			connection,
			salesReport,
			parseYearMonth(month),
			{ limits, ifNoneMatch: previous?.etag },
			(row) => {
				const isNew = scan.next(lineKey(row), row.transactionTime, row);
				if (isNew || (firstPoll && backfillDays > 0 && Date.parse(String(row.transactionTime)) >= since)) fresh.push(row);
			},
		);
		if (outcome.status === 'notModified') {
			nextMonths[month] = known[month];
			continue;
		}
		if (outcome.status === 'none') continue;
		const decided = scan.finish<IDataObject>();
		for (const row of decided.rows) fresh.push(row);
		if (decided.rereadIndexes) {
			// A rewritten month with too many rows to hold: read it again, keeping only the new ones.
			const wanted = decided.rereadIndexes;
			let index = 0;
			await readMonthReport(connection, salesReport, parseYearMonth(month), { limits, ifMatch: outcome.etag }, (row) => {
				if (wanted.has(index++)) fresh.push(row);
			});
		}
		nextMonths[month] = scan.memory(outcome.etag);
		if (output === 'summary') {
			if (fresh.length) {
				const summary = new PresetSummary(salesReport.summary, { reportMonth: month }, { what: `${salesReport.title} for ${month}` });
				for (const row of fresh) summary.add(row);
				emitted.push({ ...summary.result(), newTransactionsOnly: true });
			}
		} else {
			for (const row of fresh) emitted.push(row);
		}
	}
	// Months that rolled out of the window are dropped with their memory.
	commitState(state, { checkedAt: new Date().toISOString(), months: nextMonths });
	return emitted.map((json) => ({ json }));
}

async function newMonthlyReports(
	this: IPollFunctions,
	connection: AppstoreConnection,
	state: IDataObject,
	manual: boolean,
): Promise<INodeExecutionData[]> {
	const reportTypes = (this.getNodeParameter('reports', ['sales']) as string[]) ?? ['sales'];
	for (const reportType of reportTypes) {
		if (!appstoreReportTypeById(reportType)) {
			throw new AmazonRequestError(`"${reportType}" is not an Appstore report`, { description: 'Choose the reports from the list.' });
		}
	}
	const now = currentMonth();
	const available: IDataObject[] = [];
	for (const reportType of reportTypes) {
		for (const month of [addMonths(now, -1), now]) {
			if (await getReportUrl(connection, reportType, month)) available.push({ report: reportType, reportMonth: formatMonth(month) });
		}
	}
	if (manual) return available.slice(-SAMPLE_SIZE).map((json) => ({ json }));

	// Watching other reports starts afresh: their existing months are not news.
	const watch = [...reportTypes].sort().join(',');
	const firstPoll = state.seen === undefined || state.watch !== watch;
	const seen = firstPoll ? [] : stringList(state.seen);
	const fresh = available.filter((entry) => !seen.includes(`${entry.report}/${entry.reportMonth}`));
	commitState(state, {
		checkedAt: new Date().toISOString(),
		watch,
		seen: boundedKeys(seen, available.map((entry) => `${entry.report}/${entry.reportMonth}`), 48),
	});
	return firstPoll ? [] : fresh.map((json) => ({ json }));
}

function parseYearMonth(text: string): YearMonth {
	const [year, month] = text.split('-').map(Number);
	return { year, month };
}

/** The latest rows by transaction time, without keeping the others. */
class LatestRows {
	private kept: IDataObject[] = [];

	constructor(private readonly count: number) {}

	add(row: IDataObject): void {
		this.kept.push(row);
		if (this.kept.length > this.count * 20) this.trim();
	}

	rows(): IDataObject[] {
		this.trim();
		return this.kept;
	}

	private trim(): void {
		this.kept = this.kept
			.sort((a, b) => Date.parse(String(b.transactionTime)) - Date.parse(String(a.transactionTime)))
			.slice(0, this.count);
	}
}
