// The Appstore trigger's events. State per event, in the node's static data:
// - newSalesTransactions: { months: { 'YYYY-MM': [keys] } } for the two months polled;
// - newMonthlyReport: { seen: ['sales/YYYY-MM', …] }.
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { boundedKeys, commitState, recordKey, stringList } from '../shared/trigger/state';
import type { AppstoreConnection } from '../AmazonAppstoreReports/api';
import { APPSTORE_CREDENTIAL, appstoreConnection, getReportUrl } from '../AmazonAppstoreReports/api';
import type { YearMonth } from '../AmazonAppstoreReports/period';
import { addMonths, currentMonth, formatMonth } from '../AmazonAppstoreReports/period';
import { readMonthReport } from '../AmazonAppstoreReports/readReport';
import { salesReport } from '../AmazonAppstoreReports/reports/sales';

/** Transactions remembered per month: enough for busy apps, bounded for static data. */
const KEYS_PER_MONTH = 20_000;
const SAMPLE_SIZE = 5;

export async function pollAppstore(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const connection = appstoreConnection(await this.getCredentials(APPSTORE_CREDENTIAL));
	const event = this.getNodeParameter('event') as string;
	const state = this.getWorkflowStaticData('node');
	const manual = this.getMode() === 'manual';
	const items =
		event === 'newMonthlyReport'
			? await newMonthlyReports.call(this, connection, state, manual)
			: await newSalesTransactions.call(this, connection, state, manual);
	return items.length ? [items] : null;
}

const transactionKey = (row: IDataObject) => recordKey([row.transactionId, row.transactionType, row.adjustment]);

async function newSalesTransactions(
	this: IPollFunctions,
	connection: AppstoreConnection,
	state: IDataObject,
	manual: boolean,
): Promise<INodeExecutionData[]> {
	// Amazon restates a month for up to two days after it ends: read both months every poll.
	const now = currentMonth();
	const months: YearMonth[] = [addMonths(now, -1), now];
	const rows: IDataObject[] = [];
	for (const month of months) {
		const report = await readMonthReport(connection, salesReport, month);
		rows.push(...(report?.records ?? []));
	}
	if (manual) {
		// "Fetch test event": the latest transactions, whether new or not; state untouched.
		return latest(rows, SAMPLE_SIZE).map((json) => ({ json }));
	}

	const known = (state.months ?? {}) as Record<string, unknown>;
	const firstPoll = state.months === undefined;
	const backfillDays = Number((this.getNodeParameter('options', {}) as IDataObject).backfillDays ?? 0);
	const since = Date.now() - backfillDays * 86_400_000;

	const nextMonths: Record<string, string[]> = {};
	const fresh: IDataObject[] = [];
	for (const month of months.map(formatMonth)) {
		const seen = new Set(stringList(known[month]));
		const keys: string[] = [];
		for (const row of rows.filter((r) => r.reportMonth === month)) {
			const key = transactionKey(row);
			keys.push(key);
			if (seen.has(key)) continue;
			seen.add(key);
			const emit = firstPoll ? backfillDays > 0 && Date.parse(String(row.transactionTime)) >= since : true;
			if (emit) fresh.push(row);
		}
		// Months that rolled out of the window are dropped with their keys.
		nextMonths[month] = boundedKeys(stringList(known[month]), keys, KEYS_PER_MONTH);
	}
	commitState(state, { months: nextMonths });
	return fresh.map((json) => ({ json }));
}

async function newMonthlyReports(
	this: IPollFunctions,
	connection: AppstoreConnection,
	state: IDataObject,
	manual: boolean,
): Promise<INodeExecutionData[]> {
	const kinds = (this.getNodeParameter('reports', ['sales']) as Array<'sales' | 'subscription'>) ?? ['sales'];
	const now = currentMonth();
	const available: IDataObject[] = [];
	for (const kind of kinds) {
		for (const month of [addMonths(now, -1), now]) {
			if (await getReportUrl(connection, kind, month)) available.push({ report: kind, reportMonth: formatMonth(month) });
		}
	}
	if (manual) return available.slice(-SAMPLE_SIZE).map((json) => ({ json }));

	const firstPoll = state.seen === undefined;
	const seen = stringList(state.seen);
	const fresh = available.filter((entry) => !seen.includes(`${entry.report}/${entry.reportMonth}`));
	commitState(state, { seen: boundedKeys(seen, available.map((entry) => `${entry.report}/${entry.reportMonth}`), 48) });
	// The first poll learns which reports exist; only later ones announce new ones.
	return firstPoll ? [] : fresh.map((json) => ({ json }));
}

function latest(rows: IDataObject[], count: number): IDataObject[] {
	return [...rows]
		.sort((a, b) => Date.parse(String(b.transactionTime)) - Date.parse(String(a.transactionTime)))
		.slice(0, count);
}
