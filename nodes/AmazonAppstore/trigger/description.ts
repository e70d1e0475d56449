import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_MAX_REPORT_MB } from '../../shared/pipeline/limits';
import { checkEveryOption } from '../../shared/trigger/options';
import { allAppstoreReportTypes } from '../reports/registry';
import { DEFAULT_CHECK_MINUTES } from './poll';

export const appstoreTriggerProperties: INodeProperties[] = [
	{
		displayName:
			'Amazon refreshes these reports once a day, up to 48 hours late. Whatever Poll Times says, the trigger checks Amazon at most every 3 hours (see "Check at Most Every"); each check makes 2 requests per report.',
		name: 'pollingNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Trigger On',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'New Monthly Report Available',
				value: 'newMonthlyReport',
				description: 'Once, when a month’s report first appears',
			},
			{
				name: 'New Sales Transaction',
				value: 'newSalesTransactions',
				description: 'Each new line item of the current or previous month’s sales report, once',
			},
		],
		default: 'newSalesTransactions',
	},
	{
		displayName: 'Reports',
		name: 'reports',
		type: 'multiOptions',
		options: allAppstoreReportTypes().map((report) => ({ name: report.name, value: report.reportType, description: report.description })).sort((a, b) =>
			a.name.localeCompare(b.name),
		),
		default: ['sales'],
		displayOptions: { show: { event: ['newMonthlyReport'] } },
	},
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
		displayOptions: { show: { event: ['newSalesTransactions'] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			checkEveryOption(DEFAULT_CHECK_MINUTES, 'Amazon refreshes these files once a day.'),
			{
				displayName: 'Max Report Size (MB)',
				name: 'maxReportMegabytes',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: DEFAULT_MAX_REPORT_MB,
				description: 'Stop reading a report that decompresses to more than this',
				displayOptions: { show: { '/event': ['newSalesTransactions'] } },
			},
			{
				displayName: 'On First Poll, Emit the Last (Days)',
				name: 'backfillDays',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 62 },
				default: 0,
				description:
					'Transactions from this many days back to emit on the first poll. 0 starts from now: the first poll only remembers what exists.',
				displayOptions: { show: { '/event': ['newSalesTransactions'] } },
			},
		],
	},
];
