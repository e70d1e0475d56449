// New Sales Transaction: each new line item of the current or previous month's sales report, once,
// also when Amazon restates a month. What is remembered per month is a MonthScan memory (about
// 80 KB, whatever the month's size); a line item is keyed by its Invoice ID (Amazon's identity for
// it), else by what describes it.
// State: { months: { 'YYYY-MM': MonthMemory } } for the two months polled.
import type { IDataObject } from 'n8n-workflow';

import { PresetSummary } from '../../shared/output/summarize';
import { DEFAULT_MAX_REPORT_MB, limitsWithMaxMegabytes } from '../../shared/pipeline/limits';
import type { TriggerEvent } from '../../shared/trigger/event';
import type { MonthMemory } from '../../shared/trigger/monthMemory';
import { MonthScan } from '../../shared/trigger/monthMemory';
import { readMonthReport } from '../document';
import type { YearMonth } from '../parameters';
import { addMonths, currentMonth, formatMonth } from '../parameters';
import { salesReport } from '../reports/sales.report';
import type { AppstoreConnection } from '../transport/reportingApi';
import { APPSTORE_CHECK_MINUTES, SAMPLE_SIZE } from './connect';

/** A line item's identity: the Invoice ID, as Amazon's documentation says; else what describes it. */
function lineKey(row: IDataObject): string {
	const invoice = typeof row.invoiceId === 'string' ? row.invoiceId : '';
	if (invoice && invoice.toUpperCase() !== 'NA') return invoice;
	return [row.transactionId, row.transactionType, row.adjustment, row.transactionTimeRaw, row.asin, row.estimatedEarnings].join('|');
}

export const newSalesTransactionEvent: TriggerEvent<AppstoreConnection> = {
	option: { name: 'New Sales Transaction', value: 'newSalesTransactions', description: 'Each new line item of the current or previous month’s sales report, once' },
	parameters: [
		{
			displayName: 'Output',
			name: 'output',
			type: 'options',
			options: [
				{
					name: 'One Item per Transaction',
					value: 'rows',
					description: 'Each new line item of the sales report, with the same fields as the Amazon Appstore node',
				},
				{
					name: 'Summary per Month',
					value: 'summary',
					description: 'One item per month with new transactions: their totals and a ready-made "text" for Slack or email',
				},
			],
			default: 'rows',
		},
	],
	options: [
		{
			displayName: 'Max Report Size (MB)',
			name: 'maxReportMegabytes',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: DEFAULT_MAX_REPORT_MB,
			description: 'Stop reading a report that decompresses to more than this',
		},
		{
			displayName: 'On First Poll, Emit the Last (Days)',
			name: 'backfillDays',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 62 },
			default: 0,
			description: 'Transactions from this many days back to emit on the first poll. 0 starts from now: the first poll only remembers what exists.',
		},
	],
	checkEveryMinutes: APPSTORE_CHECK_MINUTES,
	stateVersion: 1,

	async poll({ connection, state, manual, options }) {
		// Amazon restates a month for up to two days after it ends: both months, every poll.
		const now = currentMonth();
		const months: YearMonth[] = [addMonths(now, -1), now];
		const output = this.getNodeParameter('output', 'rows') as 'rows' | 'summary';
		const limits = limitsWithMaxMegabytes(options.maxReportMegabytes);

		if (manual) {
			// "Fetch test event": the latest transactions, whether new or not.
			const latest = new LatestRows(SAMPLE_SIZE);
			for (const month of months) await readMonthReport(connection, salesReport, month, { limits }, (row) => latest.add(row));
			return { items: latest.rows().map((json) => ({ json })), state: {} };
		}

		const firstPoll = state?.months === undefined;
		const known = (state?.months ?? {}) as Record<string, MonthMemory>;
		const backfillDays = Number(options.backfillDays ?? 0);
		const since = Date.now() - backfillDays * 86_400_000;
		const nextMonths: Record<string, MonthMemory> = {};
		const emitted: IDataObject[] = [];
		for (const month of months.map(formatMonth)) {
			const previous = firstPoll ? undefined : (known[month] ?? { rows: 0, prefix: '', slots: '', recent: '' });
			const scan = new MonthScan(previous, month);
			const fresh: IDataObject[] = [];
			const outcome = await readMonthReport(connection, salesReport, parseYearMonth(month), { limits, ifNoneMatch: previous?.etag }, (row) => {
				const isNew = scan.next(lineKey(row), row.transactionTime, row);
				if (isNew || (firstPoll && backfillDays > 0 && Date.parse(String(row.transactionTime)) >= since)) fresh.push(row);
			});
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
					for (const json of summary.items()) emitted.push({ ...json, newTransactionsOnly: true });
				}
			} else {
				for (const row of fresh) emitted.push(row);
			}
		}
		// Months that rolled out of the window are dropped with their memory.
		return { items: emitted.map((json) => ({ json })), state: { months: nextMonths } };
	},
};

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
