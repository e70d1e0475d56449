// Get Sales Report and Get Subscription Report: one flow, the report type from the registry.
import type { IDataObject, IExecuteFunctions, INodeExecutionData, IPairedItemData } from 'n8n-workflow';

import { AmazonRequestError } from '../../shared/errors';
import { limitsWithMaxMegabytes } from '../../shared/pipeline/limits';
import { progressFor } from '../../shared/progress';
import { sendThroughN8n } from '../../shared/transport/http';
import type { PeriodParameters } from '../parameters';
import { formatMonth, resolveMonths } from '../parameters';
import { readMonthReport } from '../document';
import type { AppstoreReportType } from '../reports/types';
import { APPSTORE_CREDENTIAL, appstoreConnection } from '../transport/reportingApi';

interface ReportOptions {
	binaryPropertyName?: string;
	failIfNoReport?: boolean;
	maxReportMegabytes?: number;
}

export async function execute(this: IExecuteFunctions, itemIndex: number, report: AppstoreReportType): Promise<INodeExecutionData[]> {
	const period: PeriodParameters = {
		period: this.getNodeParameter('period', itemIndex) as PeriodParameters['period'],
		month: this.getNodeParameter('month', itemIndex, '') as string,
		startMonth: this.getNodeParameter('startMonth', itemIndex, '') as string,
		endMonth: this.getNodeParameter('endMonth', itemIndex, '') as string,
	};
	const output = this.getNodeParameter('output', itemIndex, 'rows') as 'rows' | 'month' | 'summary';
	const simplify = output === 'summary' || (this.getNodeParameter('simplify', itemIndex, true) as boolean);
	const options = this.getNodeParameter('options', itemIndex, {}) as ReportOptions;
	const binaryPropertyName = options.binaryPropertyName?.trim();
	const months = resolveMonths(period);
	const connection = {
		...appstoreConnection(await this.getCredentials(APPSTORE_CREDENTIAL, itemIndex), sendThroughN8n(this.helpers)),
		progress: progressFor.call(this),
	};
	const signal = this.getExecutionCancelSignal();
	const pairedItem: IPairedItemData = { item: itemIndex };

	const results: INodeExecutionData[] = [];
	for (const month of months) {
		const first = results.length;
		const summary = output === 'summary' ? report.summarize(formatMonth(month)) : undefined;
		const rows: IDataObject[] | undefined = output === 'month' ? [] : undefined;
		const outcome = await readMonthReport(
			connection,
			report,
			month,
			{ originalNames: !simplify, keepFile: binaryPropertyName !== undefined, limits: limitsWithMaxMegabytes(options.maxReportMegabytes), signal },
			summary ? (record) => summary.add(record) : rows ? (record) => rows.push(record) : (record) => results.push({ json: record, pairedItem }),
		);
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
		this.logger.debug(`${report.title} ${outcome.reportMonth}: ${outcome.rows} rows`);
		if (summary) results.push({ json: summary.result(), pairedItem });
		if (rows) results.push({ json: { reportMonth: outcome.reportMonth, rowCount: rows.length, columns: outcome.columns, rows }, pairedItem });
		if (outcome.file && binaryPropertyName !== undefined && results.length > first) {
			results[first].binary = {
				[binaryPropertyName || 'data']: await this.helpers.prepareBinaryData(Buffer.from(outcome.file.bytes), outcome.file.fileName, 'application/zip'),
			};
		}
	}
	return results;
}
