// Parameters several operations share, each defined once; an operation file picks the ones it
// shows, by name. Report types come from the registry (reports/*.report.ts) and Amazon's catalogue.
import type { INodeProperties } from 'n8n-workflow';

import type { FieldList } from '../../shared/output/parameters';
import { filterRowsParameter, outputOptions, summaryParameters } from '../../shared/output/parameters';
import type { OutputLabels } from '../../shared/output/reportOutput';
import { DEFAULT_MAX_REPORT_MB, STREAMED_MAX_REPORT_MB } from '../../shared/pipeline/limits';
import type { ReportTypeList } from '../reports/registry';
import { allReportTypes, REPORT_TYPE_PATTERN, reportParameters, reportTypeInfo } from '../reports/registry';

const EXPRESSION_LINK = '<a href="https://docs.n8n.io/code/expressions/">expression</a>';

const VERBS: Record<ReportTypeList, string> = { requestable: 'get', schedulable: 'schedule', readable: 'watch' };

const SEARCH_METHODS: Record<ReportTypeList, string> = {
	requestable: 'searchRequestableReportTypes',
	schedulable: 'searchSchedulableReportTypes',
	readable: 'searchReadableReportTypes',
};

/**
 * The Report Type picker: every type Amazon lists, searchable by name, category or ID, or an ID
 * typed in. Its value is { mode, value }; workflows made when it was a plain list keep the ID as
 * text, which reads the same (read it with `extractValue: true`).
 */
export const reportTypeParameter = (list: ReportTypeList, defaultType = 'GET_SELLER_FEEDBACK_DATA'): INodeProperties => ({
	displayName: 'Report Type',
	name: 'reportType',
	type: 'resourceLocator',
	default: { mode: 'list', value: defaultType, cachedResultName: reportTypeInfo(defaultType)?.name ?? defaultType },
	required: true,
	description: `The report to ${VERBS[list]}. Search by name, category or ID. A type Amazon adds later can be given By ID (or by ${EXPRESSION_LINK}).`,
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Search by name, category or ID…',
			typeOptions: { searchListMethod: SEARCH_METHODS[list], searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: REPORT_TYPE_PATTERN.source,
						errorMessage: 'A report type ID is written in capitals, digits and underscores, like GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE',
					},
				},
			],
		},
	],
});

export const marketplacesParameter: INodeProperties = {
	displayName: 'Marketplace Names or IDs',
	name: 'marketplaceIds',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getMarketplaces' },
	default: [],
	required: true,
	description:
		'The marketplaces of the credential’s region to report on. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

/** Report types that ignore a data range: their Data Start/End fields are hidden. */
const WITHOUT_DATA_RANGE = allReportTypes()
	.filter((report) => report.requestable && report.dataRange === 'none')
	.map((report) => report.reportType);

export const dataRangeParameters: INodeProperties[] = [
	{
		displayName: 'Data Start',
		name: 'dataStartTime',
		type: 'dateTime',
		default: '',
		description: 'Start of the period the report covers',
		hint: 'Empty: the report type’s default period (the last 30 days for seller feedback, 7 for orders)',
		displayOptions: { hide: { reportType: WITHOUT_DATA_RANGE } },
	},
	{
		displayName: 'Data End',
		name: 'dataEndTime',
		type: 'dateTime',
		default: '',
		description: 'End of the period the report covers',
		hint: 'Empty: now',
		displayOptions: { hide: { reportType: WITHOUT_DATA_RANGE } },
	},
];

/** The report types' own parameters (each shown when its type is chosen), for one operation. */
export const reportTypeOwnParameters = (operation: string): INodeProperties[] => reportParameters([operation]);

export const reportIdParameter: INodeProperties = {
	displayName: 'Report ID',
	name: 'reportId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 50039018470',
	description: 'The reportId from Create, Get Many, or the error of a Get that ran out of time',
};

export const reportScheduleIdParameter: INodeProperties = {
	displayName: 'Report Schedule ID',
	name: 'reportScheduleId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 50090018913',
	description: 'The reportScheduleId from Create or Get Many (resource Report Schedule)',
};

/** A Get Many filter: Amazon's processing statuses (reports and analytics queries have the same five). */
export const processingStatusesFilter: INodeProperties = {
	displayName: 'Processing Statuses',
	name: 'processingStatuses',
	type: 'multiOptions',
	options: [
		{ name: 'Cancelled', value: 'CANCELLED' },
		{ name: 'Done', value: 'DONE' },
		{ name: 'Fatal', value: 'FATAL' },
		{ name: 'In Progress', value: 'IN_PROGRESS' },
		{ name: 'In Queue', value: 'IN_QUEUE' },
	],
	default: [],
};

/** Get Many's Return All and Limit. */
export const returnAllParameters: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

export const simplifyParameter: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description:
		'Whether to return typed items with camelCase keys (numbers, booleans, ISO dates), shaped per report type. Off: Amazon’s column names and text, the rows of a Brand Analytics or vendor report as Amazon wrote them, or the JSON/XML document as Amazon sent it.',
};

// ── What becomes of the rows: items, a file, or a summary; and which rows (Filter Rows) ────────

/** How this node's editor names the ways a big report fits, for the errors that point to them. */
export const SP_OUTPUT_LABELS: OutputLabels = {
	filter: 'Filter Rows',
	summary: 'Return Rows As → Summary per Group',
	file: 'Return Rows As → File (CSV or JSON Lines)',
	limit: 'Options → Max Items Size (MB)',
	maxGroups: 'Options → Max Groups',
};

/** The report type's fields for the pickers of Filter Rows and Summary per Group (methods/loadOptions.ts). */
const REPORT_FIELDS: FieldList = { method: 'getReportFields', dependsOn: ['reportType', 'simplify'] };

export const returnRowsAsParameter: INodeProperties = {
	displayName: 'Return Rows As',
	name: 'returnRowsAs',
	type: 'options',
	options: [
		{
			name: 'File (CSV or JSON Lines)',
			value: 'file',
			description:
				'The rows (those Filter Rows keeps) as one file in n8n’s binary data: CSV for flat files, JSON Lines for JSON and XML reports and analytics query results. For Google Drive, S3, email or a database; any size of report.',
		},
		{ name: 'Items (One per Row)', value: 'items', description: 'Each row becomes an item, ready for Google Sheets or a database' },
		{
			name: 'Summary per Group',
			value: 'summary',
			description: 'Totals per group you choose (a day, week or month, SKU, ASIN, marketplace, status …): one item per group. Any size of report.',
		},
	],
	default: 'items',
	hint: 'As items, more than about 100,000 rows (orders) is more than n8n can save (Options → Max Items Size): for big reports filter the rows, summarize them, or return a file',
};

/** Return Rows As, its summary fields, and Filter Rows, their field pickers listing `fields`. */
export function rowOutputParametersFor(fields: FieldList): INodeProperties[] {
	return [returnRowsAsParameter, ...summaryParameters(fields, { show: { returnRowsAs: ['summary'] } }), filterRowsParameter(fields)];
}

/** Return Rows As, its summary fields, and Filter Rows, for the operations that read a report's rows. */
export const rowOutputParameters: INodeProperties[] = rowOutputParametersFor(REPORT_FIELDS);

/** The options of reading a report, by name: each operation lists the ones it offers. */
export const readingOptions = {
	attachOriginalFile: {
		displayName: 'Attach Original File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		description: 'Attach Amazon’s original document as binary data, under this field name, to the first item',
		displayOptions: { show: { '/returnRowsAs': ['items', 'file'] } },
	},
	fileField: { ...outputOptions.fileField, displayOptions: { show: { '/returnRowsAs': ['file'] } } },
	maxGroups: { ...outputOptions.maxGroups, displayOptions: { show: { '/returnRowsAs': ['summary'] } } },
	maxItemsSize: { ...outputOptions.maxItemsSize, displayOptions: { show: { '/returnRowsAs': ['items'] } } },
	failIfNoData: {
		displayName: 'Fail When Amazon Has No Data',
		name: 'failIfNoData',
		type: 'boolean',
		default: false,
		description: 'Whether to stop with an error when Amazon cancels the report for lack of data. By default that gives no items.',
	},
	maxReportSize: {
		displayName: 'Max Report Size (MB)',
		name: 'maxReportMegabytes',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: DEFAULT_MAX_REPORT_MB,
		description: `Stop reading a report that decompresses to more than this. Guards n8n’s memory against a damaged file. Not set: ${DEFAULT_MAX_REPORT_MB.toLocaleString('en-US')} MB, or ${STREAMED_MAX_REPORT_MB.toLocaleString('en-US')} MB for the Brand Analytics and vendor reports, which stream (their document is never held whole: only their items take memory).`,
	},
	maxWait: {
		displayName: 'Max Wait (Minutes)',
		name: 'maxWaitMinutes',
		type: 'number',
		typeOptions: { minValue: 0.1, maxValue: 240, numberPrecision: 1 },
		default: 15,
		description: 'How long to wait for Amazon to build the report. After that the node stops with the report ID, to download it later with "Download Report".',
	},
	otherReportOptions: {
		displayName: 'Report Options (Other Types)',
		name: 'reportOptions',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add report option',
		description: 'Amazon’s reportOptions for this report type, as name and value (see the report type’s documentation)',
		options: [
			{
				displayName: 'Option',
				name: 'option',
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
	returnFile: {
		displayName: 'Return File Instead of Items',
		name: 'returnFile',
		type: 'boolean',
		default: false,
		description: 'Whether to return the report document as a file (one item with binary data) instead of its rows',
	},
	reuseRecent: {
		displayName: 'Reuse Recent Report (Minutes)',
		name: 'reuseWithinMinutes',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description:
			'Use a finished report of the same request made this many minutes ago or less, instead of creating one (Amazon lets an account create about one report a minute). 0: account health and customer metrics are reused for 60 minutes, others never.',
	},
} satisfies Record<string, INodeProperties>;

/** An operation's Options collection; its entries are sorted by display name, as the editor lists them. */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [...options].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}
