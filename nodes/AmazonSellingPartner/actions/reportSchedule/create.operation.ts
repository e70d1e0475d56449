// Create: from now on Amazon makes a report of the type every period, for these marketplaces.
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { AmazonRequestError } from '../../../shared/errors';
import { checkCanBeMade, checkMarketplaces, connectionFor, dateValue, otherReportOptions, reportTypeValue } from '../../parameters';
import { PERIOD_OPTIONS, REPORT_PERIODS, reportPeriod } from '../../schedulePeriods';
import type { CreateReportScheduleSpec } from '../../transport/schedulesApi';
import { createReportSchedule } from '../../transport/schedulesApi';
import { marketplacesParameter, optionsCollection, readingOptions, reportTypeParameter } from '../common.descriptions';
import { scheduleItem } from './schedule';

export const description: INodeProperties[] = updateDisplayOptions({ show: { resource: ['reportSchedule'], operation: ['create'] } }, [
	{
		displayName:
			'Amazon keeps one schedule per report type and marketplaces: a new one replaces it. Each report it makes can start a workflow with the Amazon Selling Partner Trigger (Report Ready).',
		name: 'scheduleNotice',
		type: 'notice',
		default: '',
	},
	reportTypeParameter('schedulable', 'GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA'),
	marketplacesParameter,
	{
		displayName: 'Period',
		name: 'period',
		type: 'options',
		options: PERIOD_OPTIONS,
		default: 'P1D',
		required: true,
		description: 'How often Amazon makes the report',
	},
	{
		displayName: 'First Report At',
		name: 'nextReportCreationTime',
		type: 'dateTime',
		default: '',
		description: 'When Amazon makes the first report; then one every period',
		hint: 'Empty: Amazon chooses',
	},
	// No report type shows parameters of its own here: all of Amazon's reportOptions are name/value pairs.
	optionsCollection([{ ...readingOptions.otherReportOptions, displayName: 'Report Options' }]),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const connection = await connectionFor.call(this, itemIndex);
	const reportType = reportTypeValue(this.getNodeParameter('reportType', itemIndex, '', { extractValue: true }));
	checkCanBeMade(reportType, 'schedule');
	const spec: CreateReportScheduleSpec = {
		reportType,
		marketplaceIds: checkMarketplaces(this.getNodeParameter('marketplaceIds', itemIndex, []), connection),
		period: periodValue(this.getNodeParameter('period', itemIndex, 'P1D')),
	};
	const first = dateValue(this.getNodeParameter('nextReportCreationTime', itemIndex, ''), 'First Report At');
	if (first && Date.parse(first) < Date.now() - 60_000) {
		throw new AmazonRequestError(`"First Report At" (${first}) is in the past`, {
			description: 'Choose a moment to come, or leave it empty for Amazon to choose.',
		});
	}
	if (first) spec.nextReportCreationTime = first;
	const reportOptions = otherReportOptions.call(this, itemIndex);
	if (Object.keys(reportOptions).length) spec.reportOptions = reportOptions;
	const reportScheduleId = await createReportSchedule(connection, spec, this.getExecutionCancelSignal());
	return [{ json: scheduleItem({ reportScheduleId, ...spec }) }];
}

/** A period from the list or an expression, one of Amazon's. */
function periodValue(value: unknown): string {
	const period = String(value ?? '').trim();
	if (!reportPeriod(period)) {
		throw new AmazonRequestError(period ? `"${period}" is not a period Amazon schedules reports by` : '"Period" is empty', {
			description: `Choose a period from the list, or give one of Amazon's: ${REPORT_PERIODS.map((entry) => entry.period).join(', ')}.`,
		});
	}
	return period;
}
