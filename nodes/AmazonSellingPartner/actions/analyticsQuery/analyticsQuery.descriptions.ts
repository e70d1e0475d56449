// Parameters the Analytics Query operations share, each defined once; an operation file picks the
// ones it shows. The ready-made queries come from dataKiosk/queries.ts.
import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { FieldList } from '../../../shared/output/parameters';
import { DEFAULT_MAX_REPORT_MB } from '../../../shared/pipeline/limits';
import { READY_MADE_QUERIES } from '../../dataKiosk/queries';
import { marketplacesParameter, returnAllParameters, rowOutputParametersFor } from '../common.descriptions';

const forQueries = (...queries: string[]) => ({ show: { query: queries } });

const PERIOD_HINT =
	'Week and Month use Amazon’s periods: a start in mid-week moves to the next Sunday and an end to the Saturday before; a start in mid-month to the 1st of the next month, an end to the last day of the month before.';

/** The query and what it is about: the ready-made queries' pickers, or the GraphQL text of a custom one. */
export const queryParameters: INodeProperties[] = [
	{
		displayName: 'Query',
		name: 'query',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Custom Query',
				value: 'custom',
				description: 'Any Data Kiosk query, written in GraphQL: other datasets (vendor analytics …), other fields',
			},
			...READY_MADE_QUERIES.map(({ name, value, description }) => ({ name, value, description })),
		].sort((a, b) => a.name.localeCompare(b.name)),
		default: 'sellerEconomics',
		description: 'What to ask Amazon’s Data Kiosk for',
	},
	{
		...marketplacesParameter,
		description:
			'The marketplaces of the credential’s region; one query per marketplace. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { hide: { query: ['custom'] } },
	},
	{
		displayName: 'Start Date',
		name: 'startDate',
		type: 'dateTime',
		default: '',
		description: 'The first day of the data (its date counts, not the time). At most two years back.',
		hint: 'Empty: 7 days before the end (4 whole weeks for Week, 3 whole months for Month)',
		displayOptions: { hide: { query: ['custom'] } },
	},
	{
		displayName: 'End Date',
		name: 'endDate',
		type: 'dateTime',
		default: '',
		description: 'The last day of the data (its date counts, not the time)',
		hint: 'Empty: yesterday (UTC)',
		displayOptions: { hide: { query: ['custom'] } },
	},
	{
		displayName: 'Date Granularity',
		name: 'dateGranularity',
		type: 'options',
		options: [
			{ name: 'Day', value: 'DAY', description: 'One item per day' },
			{ name: 'Month', value: 'MONTH', description: 'One item per calendar month' },
			{ name: 'Week', value: 'WEEK', description: 'One item per week, Sunday to Saturday' },
		],
		default: 'DAY',
		description: 'The period each item covers',
		hint: PERIOD_HINT,
		displayOptions: forQueries('salesAndTrafficByDate'),
	},
	{
		displayName: 'ASIN Granularity',
		name: 'asinGranularity',
		type: 'options',
		options: [
			{ name: 'Child ASIN', value: 'CHILD', description: 'One item per child ASIN, with its parent ASIN' },
			{ name: 'Parent ASIN', value: 'PARENT', description: 'One item per parent ASIN, its variations together' },
			{ name: 'SKU', value: 'SKU', description: 'One item per SKU, with its child and parent ASIN' },
		],
		default: 'SKU',
		description: 'What each item covers, for the whole date range',
		displayOptions: forQueries('salesAndTrafficByAsin'),
	},
	{
		displayName: 'Product Granularity',
		name: 'productGranularity',
		type: 'options',
		options: [
			{ name: 'Child ASIN', value: 'CHILD_ASIN', description: 'One item per child ASIN (its SKUs together)' },
			{ name: 'Parent ASIN', value: 'PARENT_ASIN', description: 'One item per parent ASIN (its variations together)' },
			{ name: 'SKU', value: 'MSKU', description: 'One item per SKU (merchant SKU), with its FNSKU and ASINs' },
		],
		default: 'MSKU',
		description: 'What each item covers',
		displayOptions: forQueries('sellerEconomics'),
	},
	{
		displayName: 'Date Granularity',
		name: 'economicsDateGranularity',
		type: 'options',
		options: [
			{ name: 'Day', value: 'DAY', description: 'One item per product and day' },
			{ name: 'Month', value: 'MONTH', description: 'One item per product and calendar month' },
			{ name: 'Week', value: 'WEEK', description: 'One item per product and week, Sunday to Saturday' },
			{ name: 'Whole Range', value: 'RANGE', description: 'One item per product for the whole range' },
		],
		default: 'DAY',
		description: 'The period each item covers (days in the marketplace’s time)',
		hint: PERIOD_HINT,
		displayOptions: forQueries('sellerEconomics'),
	},
	{
		displayName: 'Fee Breakdown',
		name: 'feeComponents',
		type: 'multiOptions',
		options: [
			{ name: 'FBA Fulfillment Fee', value: 'FBA_FULFILLMENT_FEE' },
			{ name: 'FBA Storage Fee', value: 'FBA_STORAGE_FEE' },
		],
		default: [],
		description: 'Fee types whose components (base rate, surcharges) each fee in "fees" lists too',
		displayOptions: forQueries('sellerEconomics'),
	},
	{
		displayName: 'GraphQL Query',
		name: 'graphqlQuery',
		type: 'string',
		typeOptions: { rows: 10 },
		default: '',
		required: true,
		placeholder:
			'{ analytics_salesAndTraffic_2024_04_24 { salesAndTrafficByDate(startDate: "2026-11-01", endDate: "2026-11-30", aggregateBy: DAY, marketplaceIds: ["ATVPDKIKX0DER"]) { startDate sales { orderedProductSales { amount currencyCode } } } } }',
		description:
			'A Data Kiosk query, written as the dataset’s <a href="https://developer-docs.amazon.com/sp-api/docs/data-kiosk-schema-explorer-reference">schema</a> says. At most 8,000 characters without whitespace. One item per line of its results.',
		displayOptions: forQueries('custom'),
	},
];

export const queryIdParameter: INodeProperties = {
	displayName: 'Query ID',
	name: 'queryId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 1234567890123',
	description: 'The queryId from Create, Get Many, or the error of a Run that ran out of time',
};

/** The chosen query's fields for the pickers of Filter Rows and Summary per Group (methods/loadOptions.ts). */
const QUERY_FIELDS: FieldList = { method: 'getQueryFields', dependsOn: ['query', 'simplify', 'options.includeB2b'] };

/** Return Rows As, its summary fields, and Filter Rows: the output stage of the reports, for a query's results. */
export const queryRowOutputParameters: INodeProperties[] = rowOutputParametersFor(QUERY_FIELDS);

/** Return All and Limit count items: a file or a summary is of the whole result, every page. */
export const resultReturnAllParameters: INodeProperties[] = updateDisplayOptions({ show: { returnRowsAs: ['items'] } }, returnAllParameters);

export const simplifyResultsParameter: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description:
		'Whether to return flat items with camelCase keys, the same on every item (money as amount and currency, groups merged; Seller Economics with total fees, ads and net proceeds). Off: each line of Amazon’s results as written.',
};

/** The options of reading results, by name: each operation lists the ones it offers. */
export const resultOptions = {
	failIfNoData: {
		displayName: 'Fail When Amazon Has No Data',
		name: 'failIfNoData',
		type: 'boolean',
		default: false,
		description: 'Whether to stop with an error when Amazon has no data for the query. By default that gives no items, and a note in the output.',
	},
	includeB2b: {
		displayName: 'Include B2B Metrics',
		name: 'includeB2b',
		type: 'boolean',
		default: false,
		description: 'Whether to add the Amazon Business metrics (the fields ending in B2B; empty unless the seller sells to business customers)',
		displayOptions: { show: { '/query': ['salesAndTrafficByAsin', 'salesAndTrafficByDate'] } },
	},
	maxResultSize: {
		displayName: 'Max Result Size (MB)',
		name: 'maxResultMegabytes',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: DEFAULT_MAX_REPORT_MB,
		description: 'Stop reading results that decompress to more than this. Guards n8n’s memory against a damaged file.',
	},
	maxWait: {
		displayName: 'Max Wait (Minutes)',
		name: 'maxWaitMinutes',
		type: 'number',
		typeOptions: { minValue: 0.1, maxValue: 240, numberPrecision: 1 },
		default: 15,
		description:
			'How long to wait for Amazon to run the query (each page of a long result is a query of its own). After that the node stops with the query ID, to get the results later with "Download".',
	},
} satisfies Record<string, INodeProperties>;
