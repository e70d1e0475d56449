// The Amazon Selling Partner node as the editor shows it. Report types come from the registry
// (reports/*.report.ts): the list, each type's own parameters and the subtitle.
import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_MAX_REPORT_MB, STREAMED_MAX_REPORT_MB } from '../shared/pipeline/limits';
import { allReportTypes, reportParameters, reportTypeOptions } from './reports/registry';

const show = (operation: string[]) => ({ show: { resource: ['report'], operation } });

/** Report types that ignore a data range: their Data Start/End fields are hidden. */
const WITHOUT_DATA_RANGE = allReportTypes()
	.filter((report) => report.requestable && report.dataRange === 'none')
	.map((report) => report.reportType);

export const reportTypeParameter = (operations: string[], requestableOnly: boolean): INodeProperties => ({
	displayName: 'Report Type',
	name: 'reportType',
	type: 'options',
	options: reportTypeOptions((report) => !requestableOnly || report.requestable),
	default: 'GET_SELLER_FEEDBACK_DATA',
	required: true,
	description:
		'The report to get. Any other report type Amazon has can be given by its ID (like GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE) using an <a href="https://docs.n8n.io/code/expressions/">expression</a>: its rows then come with Amazon’s own column names, as text.',
	displayOptions: show(operations),
});

export const marketplacesParameter = (displayOptions: INodeProperties['displayOptions']): INodeProperties => ({
	displayName: 'Marketplace Names or IDs',
	name: 'marketplaceIds',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getMarketplaces' },
	default: [],
	required: true,
	description:
		'The marketplaces of the credential’s region to report on. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	displayOptions,
});

const reportOptionsCollection: INodeProperties = {
	displayName: 'Report Options',
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
};

const downloadOptions: INodeProperties[] = [
	{
		displayName: 'Attach Original File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		description: 'Attach Amazon’s original document as binary data, under this field name, to the first item',
	},
	{
		displayName: 'Max Report Size (MB)',
		name: 'maxReportMegabytes',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: DEFAULT_MAX_REPORT_MB,
		description:
			`Stop reading a report that decompresses to more than this. Guards n8n’s memory against a damaged file. Not set: ${DEFAULT_MAX_REPORT_MB.toLocaleString('en-US')} MB, or ${STREAMED_MAX_REPORT_MB.toLocaleString('en-US')} MB for the Brand Analytics and vendor reports, which stream (their document is never held whole: only their items take memory).`,
	},
	{
		displayName: 'Max Wait (Minutes)',
		name: 'maxWaitMinutes',
		type: 'number',
		typeOptions: { minValue: 0.1, maxValue: 240, numberPrecision: 1 },
		default: 15,
		description:
			'How long to wait for Amazon to build the report. After that the node stops with the report ID, to download it later with "Download Report".',
	},
	{
		displayName: 'Return File Instead of Items',
		name: 'returnFile',
		type: 'boolean',
		default: false,
		description: 'Whether to return the report document as a file (one item with binary data) instead of its rows',
	},
];

export const sellingPartnerProperties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [{ name: 'Report', value: 'report' }],
		default: 'report',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['report'] } },
		options: [
			{ name: 'Cancel', value: 'cancel', description: 'Cancel a report that has not started yet', action: 'Cancel a report' },
			{ name: 'Create', value: 'create', description: 'Ask Amazon to make a report, without waiting for it', action: 'Create a report' },
			{
				name: 'Download',
				value: 'download',
				description: 'Get the rows of a report made earlier, by its ID (waits for it to finish)',
				action: 'Download a report',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Request a report, wait for Amazon to make it, and get its rows as items',
				action: 'Get a report',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List reports, including those Amazon makes on a schedule',
				action: 'Get many reports',
			},
			{ name: 'Get Status', value: 'getStatus', description: 'Get a report’s processing status', action: 'Get the status of a report' },
		],
		default: 'get',
	},
	reportTypeParameter(['get', 'create'], true),
	marketplacesParameter(show(['get', 'create'])),
	{
		displayName: 'Data Start',
		name: 'dataStartTime',
		type: 'dateTime',
		default: '',
		description: 'Start of the period the report covers',
		hint: 'Empty: the report type’s default period (the last 30 days for seller feedback, 7 for orders)',
		displayOptions: { show: { resource: ['report'], operation: ['get', 'create'] }, hide: { reportType: WITHOUT_DATA_RANGE } },
	},
	{
		displayName: 'Data End',
		name: 'dataEndTime',
		type: 'dateTime',
		default: '',
		description: 'End of the period the report covers',
		hint: 'Empty: now',
		displayOptions: { show: { resource: ['report'], operation: ['get', 'create'] }, hide: { reportType: WITHOUT_DATA_RANGE } },
	},
	...reportParameters(['get', 'create']),
	{
		displayName: 'Report ID',
		name: 'reportId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 50039018470',
		description: 'The reportId from Create, Get Many, or the error of a Get that ran out of time',
		displayOptions: show(['getStatus', 'cancel', 'download']),
	},
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description:
			'Whether to return typed items with camelCase keys (numbers, booleans, ISO dates), shaped per report type. Off: Amazon’s column names and text, the rows of a Brand Analytics or vendor report as Amazon wrote them, or the JSON/XML document as Amazon sent it.',
		displayOptions: show(['get', 'download']),
	},
	{
		displayName: 'Report Type Names or IDs',
		name: 'reportTypes',
		type: 'multiOptions',
		options: reportTypeOptions(),
		default: ['GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE'],
		required: true,
		description:
			'Up to 10 report types. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: show(['getMany']),
	},
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
		displayOptions: show(['getMany']),
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { resource: ['report'], operation: ['getMany'], returnAll: [false] } },
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add filter',
		default: {},
		displayOptions: show(['getMany']),
		options: [
			{
				displayName: 'Created Since',
				name: 'createdSince',
				type: 'dateTime',
				default: '',
				description: 'Reports created at or after this moment. Empty: Amazon’s default, 90 days back.',
			},
			{ displayName: 'Created Until', name: 'createdUntil', type: 'dateTime', default: '', description: 'Empty: now' },
			{
				...marketplacesParameter(undefined),
				required: false,
				description: 'Only reports of these marketplaces. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
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
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: show(['get']),
		options: [
			...downloadOptions.slice(0, 1),
			{
				displayName: 'Fail When Amazon Has No Data',
				name: 'failIfNoData',
				type: 'boolean',
				default: false,
				description: 'Whether to stop with an error when Amazon cancels the report for lack of data. By default that gives no items.',
			},
			...downloadOptions.slice(1, 3),
			{ ...reportOptionsCollection, displayName: 'Report Options (Other Types)' },
			...downloadOptions.slice(3),
			{
				displayName: 'Reuse Recent Report (Minutes)',
				name: 'reuseWithinMinutes',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description:
					'Use a finished report of the same request made this many minutes ago or less, instead of creating one (Amazon lets an account create about one report a minute). 0: account health and customer metrics are reused for 60 minutes, others never.',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: show(['create']),
		options: [{ ...reportOptionsCollection, displayName: 'Report Options (Other Types)' }],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: show(['download']),
		options: downloadOptions,
	},
];
