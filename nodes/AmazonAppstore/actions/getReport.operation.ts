// Get Sales Report and Get Subscription Report: one flow, the report type from the registry.
import type { IExecuteFunctions, INodeExecutionData, IPairedItemData } from 'n8n-workflow';

import { AmazonRequestError } from '../../shared/errors';
import { itemBudgetFor } from '../../shared/output/itemLimit';
import { checkAttachField, outputPlanFor } from '../../shared/output/parameters';
import type { OutputMode } from '../../shared/output/reportOutput';
import { ReportOutput } from '../../shared/output/reportOutput';
import { fieldKinds } from '../../shared/output/fields';
import { limitsWithMaxMegabytes } from '../../shared/pipeline/limits';
import { progressFor } from '../../shared/progress';
import { sendThroughN8n } from '../../shared/transport/http';
import { APPSTORE_OUTPUT_LABELS } from '../description';
import type { MonthOutcome } from '../document';
import { readMonthReport } from '../document';
import type { PeriodParameters } from '../parameters';
import { formatMonth, resolveMonths } from '../parameters';
import type { AppstoreReportType } from '../reports/types';
import { APPSTORE_CREDENTIAL, appstoreConnection } from '../transport/reportingApi';

interface ReportOptions {
	binaryPropertyName?: string;
	failIfNoReport?: boolean;
	maxReportMegabytes?: number;
	maxItemsMegabytes?: number;
}

type Output = 'rows' | 'month' | 'summary' | 'groups' | 'file';

const ATTACH_LABELS = { attach: 'Attach Original File in Field', file: 'Put Output File in Field' };

/** The shared output stage's mode for each choice of Output. */
const MODES: Record<Output, OutputMode> = { rows: 'items', month: 'items', summary: 'summary', groups: 'summary', file: 'file' };

export async function execute(this: IExecuteFunctions, itemIndex: number, report: AppstoreReportType): Promise<INodeExecutionData[]> {
	const period: PeriodParameters = {
		period: this.getNodeParameter('period', itemIndex) as PeriodParameters['period'],
		month: this.getNodeParameter('month', itemIndex, '') as string,
		startMonth: this.getNodeParameter('startMonth', itemIndex, '') as string,
		endMonth: this.getNodeParameter('endMonth', itemIndex, '') as string,
	};
	const output = this.getNodeParameter('output', itemIndex, 'rows') as Output;
	const simplify = output === 'summary' || (this.getNodeParameter('simplify', itemIndex, true) as boolean);
	const options = this.getNodeParameter('options', itemIndex, {}) as ReportOptions;
	const binaryPropertyName = output === 'groups' ? undefined : options.binaryPropertyName?.trim();
	const months = resolveMonths(period);
	const connection = {
		...appstoreConnection(await this.getCredentials(APPSTORE_CREDENTIAL, itemIndex), sendThroughN8n(this.helpers)),
		progress: progressFor.call(this),
	};
	const signal = this.getExecutionCancelSignal();
	const pairedItem: IPairedItemData = { item: itemIndex };
	const plan = outputPlanFor((name, fallback) => this.getNodeParameter(name, itemIndex, fallback), MODES[output], APPSTORE_OUTPUT_LABELS, {
		preset: output === 'summary' ? report.summary : undefined,
	});
	checkAttachField(plan, binaryPropertyName, ATTACH_LABELS);
	// Month items hold their rows in one field: the rows are collected as items would be, and counted alike.
	const out = new ReportOutput(this, plan, itemBudgetFor(this, options.maxItemsMegabytes), output === 'month' ? undefined : pairedItem);
	const kinds = simplify ? fieldKinds(report.columns) : undefined;

	const results: INodeExecutionData[] = [];
	for (const month of months) {
		const reportMonth = formatMonth(month);
		const what = `${report.title} for ${reportMonth}`;
		out.begin({ what, fileName: `${report.reportType}_${reportMonth.replace('-', '_')}`, format: 'flat', kinds, about: { reportMonth, report: report.reportType } });
		let outcome: MonthOutcome | undefined;
		try {
			outcome = await readMonthReport(
				connection,
				report,
				month,
				{
					originalNames: !simplify,
					keepFile: binaryPropertyName !== undefined,
					limits: limitsWithMaxMegabytes(options.maxReportMegabytes),
					signal,
					ready: () => out.ready(),
				},
				(record) => out.accept(record),
			);
		} finally {
			if (outcome?.status !== 'read') await out.fail();
		}
		if (outcome.status !== 'read') {
			const message = `Amazon has no ${report.title} for ${outcome.reportMonth} yet (${outcome.status === 'none' ? outcome.said : 'unchanged'})`;
			if (options.failIfNoReport) {
				throw new AmazonRequestError(message, {
					description:
						'Amazon has no file for months without activity, before the app went live, or while it processes the month (files arrive up to 48 hours late). Turn off "Fail When a Month Has No Report" to get no items for such months instead.',
				});
			}
			this.logger.info(`${message}; no items for it`);
			if (months.length === 1) this.addExecutionHints({ message: `${message}: no items.`, location: 'outputPane' });
			continue;
		}
		this.logger.debug(`${what}: ${outcome.rows} rows`);
		let made = await out.end();
		if (output === 'month') {
			const rows = made.map((item) => item.json);
			made = [{ json: { reportMonth: outcome.reportMonth, rowCount: rows.length, columns: outcome.columns, rows }, pairedItem }];
		}
		if (outcome.file && binaryPropertyName !== undefined && made.length) {
			made[0].binary = {
				...made[0].binary,
				[binaryPropertyName || 'data']: await this.helpers.prepareBinaryData(Buffer.from(outcome.file.bytes), outcome.file.fileName, 'application/zip'),
			};
		}
		for (const item of made) results.push(item);
	}
	for (const item of out.finish()) results.push(item);
	return results;
}
