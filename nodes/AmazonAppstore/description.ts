import type { INodeProperties } from 'n8n-workflow';

import { filterRowsParameter, outputOptions, summaryParameters } from '../shared/output/parameters';
import type { OutputLabels } from '../shared/output/reportOutput';
import { DEFAULT_MAX_REPORT_MB } from '../shared/pipeline/limits';
import { allAppstoreReportTypes, operationFor, operationName } from './reports/registry';

/** The report's fields for Filter Rows and Summary per Group (methods.loadOptions.getReportFields). */
const FIELDS = { method: 'getReportFields', dependsOn: ['operation', 'simplify'] };

/** How this node's editor names the ways a big month fits, for the errors that point to them. */
export const APPSTORE_OUTPUT_LABELS: OutputLabels = {
	filter: 'Filter Rows',
	summary: 'Output → Summary per Group',
	file: 'Output → File (CSV)',
	limit: 'Options → Max Items Size (MB)',
	maxGroups: 'Options → Max Groups',
};

/** The Options collection's entries, listed by display name in the editor. */
const OPTIONS: INodeProperties[] = [
	{
		displayName: 'Attach Original File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		description:
			'Attach Amazon’s original ZIP file as binary data under this field name: to the first item of each month',
		displayOptions: { hide: { '/output': ['groups'] } },
	},
	{
		displayName: 'Fail When a Month Has No Report',
		name: 'failIfNoReport',
		type: 'boolean',
		default: false,
		description:
			'Whether to stop with an error when Amazon has no report for a month (no activity, the app not live, or the month not processed yet). By default such a month gives no items.',
	},
	{
		displayName: 'Max Report Size (MB)',
		name: 'maxReportMegabytes',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: DEFAULT_MAX_REPORT_MB,
		description:
			'Stop reading a report that decompresses to more than this. Guards n8n’s memory against a damaged file; raise it for very large months.',
	},
	{ ...outputOptions.maxGroups, displayOptions: { show: { '/output': ['groups'] } } },
	{ ...outputOptions.maxItemsSize, displayOptions: { show: { '/output': ['rows', 'month'] } } },
	{ ...outputOptions.fileField, displayOptions: { show: { '/output': ['file'] } } },
];

export const appstoreProperties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		options: allAppstoreReportTypes()
			.map((report) => ({ name: operationName(report), value: operationFor(report), description: report.description, action: `Get a ${report.title}` }))
			.sort((a, b) => a.name.localeCompare(b.name)),
		default: 'getSalesReport',
	},
	{
		displayName: 'Period',
		name: 'period',
		type: 'options',
		options: [
			{
				name: 'Current and Previous Month',
				value: 'currentAndPreviousMonth',
				description:
					'Both months: Amazon keeps restating a month for up to two days after it ends, so a daily run catches late rows',
			},
			{
				name: 'Last Complete Month',
				value: 'lastMonth',
				description: 'The month before the current one (UTC)',
			},
			{
				name: 'Range of Months',
				value: 'range',
			},
			{
				name: 'Specific Month',
				value: 'month',
			},
		],
		default: 'lastMonth',
		hint: 'Amazon updates these files once a day, up to 48 hours late. Reports exist from January 2018 on.',
	},
	{
		displayName: 'Month',
		name: 'month',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 2025-03',
		description: 'Year and month, as YYYY-MM. An expression giving a date also works, e.g. {{ $now.minus({ months: 2 }) }}.',
		displayOptions: { show: { period: ['month'] } },
	},
	{
		displayName: 'Start Month',
		name: 'startMonth',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 2025-01',
		description: 'First month of the range, as YYYY-MM',
		displayOptions: { show: { period: ['range'] } },
	},
	{
		displayName: 'End Month',
		name: 'endMonth',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 2025-03',
		description: 'Last month of the range (included), as YYYY-MM',
		displayOptions: { show: { period: ['range'] } },
	},
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		options: [
			{
				name: 'File (CSV)',
				value: 'file',
				description:
					'The month’s rows (those Filter Rows keeps) as one CSV file in n8n’s binary data, one item per month: for Google Drive, S3, email or a database. Any size of month.',
			},
			{
				name: 'One Item per Month',
				value: 'month',
				description: 'One item per month, holding all its rows in a "rows" field (small reports only)',
			},
			{
				name: 'One Item per Row',
				value: 'rows',
				description: 'Each line of the report becomes an item, ready for Google Sheets or a database',
			},
			{
				name: 'Summary per Group',
				value: 'groups',
				description:
					'Totals per group you choose (the day, week or month of the transaction time, title, marketplace, type …): one item per group, over all the months read. Any size of month.',
			},
			{
				name: 'Summary per Month',
				value: 'summary',
				description:
					'One item per month with its totals (per currency and marketplace, top titles) and a ready-made "text" for Slack or email. Reads any size of report without keeping its rows.',
			},
		],
		default: 'rows',
		hint: 'As items, a month of more than about 160,000 rows is more than n8n can save (Options → Max Items Size): use Filter Rows, a summary, or File (CSV)',
	},
	...summaryParameters(FIELDS, { show: { output: ['groups'] } }),
	filterRowsParameter(FIELDS),
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description:
			'Whether to return typed fields with camelCase keys (numbers, booleans, ISO dates). Off: Amazon’s column titles and the cells’ text as in the file.',
		displayOptions: { show: { output: ['rows', 'month', 'file', 'groups'] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: OPTIONS.sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
];
