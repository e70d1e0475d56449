// Get Sales Report and Get Subscription Report: one flow, two report definitions.
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { AmazonRequestError } from '../../shared/errors';
import { APPSTORE_CREDENTIAL, appstoreConnection } from '../api';
import type { PeriodParameters } from '../period';
import { formatMonth, resolveMonths } from '../period';
import { readMonthReport } from '../readReport';
import type { AppstoreReport } from '../reports/types';

interface ReportOptions {
	attachFile?: boolean;
	binaryPropertyName?: string;
	failIfNoReport?: boolean;
	output?: 'rows' | 'month';
	originalNames?: boolean;
}

export async function getReport(
	this: IExecuteFunctions,
	itemIndex: number,
	report: AppstoreReport,
): Promise<INodeExecutionData[]> {
	const period: PeriodParameters = {
		period: this.getNodeParameter('period', itemIndex) as PeriodParameters['period'],
		month: this.getNodeParameter('month', itemIndex, '') as string,
		startMonth: this.getNodeParameter('startMonth', itemIndex, '') as string,
		endMonth: this.getNodeParameter('endMonth', itemIndex, '') as string,
	};
	const options = this.getNodeParameter('options', itemIndex, {}) as ReportOptions;
	const binaryPropertyName = options.binaryPropertyName?.trim() || 'data';
	const months = resolveMonths(period);
	const connection = appstoreConnection(await this.getCredentials(APPSTORE_CREDENTIAL, itemIndex));
	const signal = this.getExecutionCancelSignal();

	const results: INodeExecutionData[] = [];
	for (const month of months) {
		const monthReport = await readMonthReport(connection, report, month, {
			originalNames: options.originalNames,
			keepFile: options.attachFile,
			signal,
		});
		if (!monthReport) {
			if (options.failIfNoReport) {
				throw new AmazonRequestError(`Amazon has no ${report.title} for ${formatMonth(month)}`, {
					description:
						'Amazon answers "Report not found" for months without activity, or before the app went live. Turn off "Fail When a Month Has No Report" to get no items for such months instead.',
				});
			}
			this.logger.debug(`No ${report.title} for ${formatMonth(month)}; nothing to output`);
			continue;
		}
		this.logger.debug(`${report.title} ${monthReport.reportMonth}: ${monthReport.records.length} rows`);

		const monthItems: INodeExecutionData[] =
			options.output === 'month'
				? [
						{
							json: {
								reportMonth: monthReport.reportMonth,
								rowCount: monthReport.records.length,
								columns: monthReport.columns,
								rows: monthReport.records,
							} as IDataObject,
						},
					]
				: monthReport.records.map((record) => ({ json: record }));
		if (monthReport.file && monthItems.length) {
			const { bytes, fileName } = monthReport.file;
			monthItems[0].binary = {
				[binaryPropertyName]: await this.helpers.prepareBinaryData(bytes, fileName, 'application/zip'),
			};
		}
		results.push(...monthItems);
	}
	return results;
}
