import type { INodeProperties } from 'n8n-workflow';

import { marketplaceOptions } from '../AmazonSellingPartnerReports/marketplaces';

const reuseOption: INodeProperties = {
	displayName: 'Reuse Reports Created Within (Minutes)',
	name: 'reuseWithinMinutes',
	type: 'number',
	typeOptions: { minValue: 0 },
	default: 60,
	description:
		'Polls within this time read the same report instead of creating one (Amazon allows about one new report a minute). New feedback or changes show up once a newer report is made.',
};

export const sellingPartnerTriggerProperties: INodeProperties[] = [
	{
		displayName:
			'Amazon lets an account create about one report a minute. This trigger reuses a report for an hour (feedback, account health) or only reads the reports Amazon already made (Report Ready), so poll every 15 minutes or less often.',
		name: 'pollingNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Account Health Changed',
				value: 'accountHealthChanged',
				description: 'A metric’s status or whether it meets its target changed since the last poll',
			},
			{
				name: 'New Feedback',
				value: 'newFeedback',
				description: 'Each new negative or neutral (1–3 star) feedback, once',
			},
			{
				name: 'Report Ready',
				value: 'reportReady',
				description: 'Each new finished report of a type, including those Amazon makes on a schedule',
			},
		],
		default: 'newFeedback',
	},
	{
		displayName: 'Marketplaces',
		name: 'marketplaceIds',
		type: 'multiOptions',
		options: marketplaceOptions(),
		default: ['ATVPDKIKX0DER'],
		required: true,
		description:
			'The marketplaces to watch, in the credential’s region. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show: { event: ['newFeedback', 'accountHealthChanged'] } },
	},
	{
		displayName: 'Report Type',
		name: 'reportType',
		type: 'string',
		default: 'GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE',
		required: true,
		placeholder: 'e.g. GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE',
		description: 'The reportType to watch for',
		displayOptions: { show: { event: ['reportReady'] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show: { event: ['newFeedback'] } },
		options: [
			{
				displayName: 'Maximum Rating',
				name: 'maxRating',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 5 },
				default: 3,
				description: 'Only feedback rated this or lower',
			},
			{
				displayName: 'Minimum Rating',
				name: 'minRating',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 5 },
				default: 1,
				description: 'Only feedback rated this or higher',
			},
			{
				displayName: 'On First Poll, Emit the Last (Days)',
				name: 'backfillDays',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 30 },
				default: 0,
				description: 'Feedback from this many days back to emit on the first poll. 0 starts from now.',
			},
			reuseOption,
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show: { event: ['accountHealthChanged'] } },
		options: [
			{
				displayName: 'Emit All Failing Metrics Every Poll',
				name: 'emitAllFailing',
				type: 'boolean',
				default: false,
				description: 'Whether to emit, every poll, all metrics not meeting their target, instead of only the changes',
			},
			reuseOption,
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show: { event: ['reportReady'] } },
		options: [
			{
				displayName: 'Output',
				name: 'as',
				type: 'options',
				options: [
					{ name: 'Items', value: 'items', description: 'One item per row of the report' },
					{ name: 'Binary File', value: 'binary', description: 'One item per report, with its document as a file' },
				],
				default: 'items',
			},
		],
	},
];
