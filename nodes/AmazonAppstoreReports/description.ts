import type { INodeProperties } from 'n8n-workflow';

export const appstoreProperties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Get Sales Report',
				value: 'getSalesReport',
				description: 'Get the transactions of a month: sales, refunds, in-app items and subscriptions',
				action: 'Get a sales report',
			},
			{
				name: 'Get Subscription Report',
				value: 'getSubscriptionReport',
				description: 'Get daily active, started, ended and refunded subscriptions of a month',
				action: 'Get a subscription report',
			},
		],
		default: 'getSalesReport',
	},
	{
		displayName: 'Period',
		name: 'period',
		type: 'options',
		options: [
			{
				name: 'Last Complete Month',
				value: 'lastMonth',
				description: 'The month before the current one (UTC)',
			},
			{
				name: 'Current and Previous Month',
				value: 'currentAndPreviousMonth',
				description:
					'Both months: Amazon keeps restating a month for up to two days after it ends, so a daily run catches late rows',
			},
			{
				name: 'Specific Month',
				value: 'month',
			},
			{
				name: 'Range of Months',
				value: 'range',
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
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Attach Original File',
				name: 'attachFile',
				type: 'boolean',
				default: false,
				description:
					'Whether to attach Amazon’s original ZIP file as binary data: to the month’s item, or to the first row of each month',
			},
			{
				displayName: 'Fail When a Month Has No Report',
				name: 'failIfNoReport',
				type: 'boolean',
				default: false,
				description:
					'Whether to stop with an error when Amazon has no report for a month (no activity, or the app is not live). By default such a month gives no items.',
			},
			{
				displayName: 'Output',
				name: 'output',
				type: 'options',
				options: [
					{
						name: 'One Item per Row',
						value: 'rows',
						description: 'Each line of the report becomes an item, ready for Google Sheets or a database',
					},
					{
						name: 'One Item per Month',
						value: 'month',
						description: 'One item per month, holding all its rows in a "rows" field',
					},
				],
				default: 'rows',
			},
			{
				displayName: 'Put Output File in Field',
				name: 'binaryPropertyName',
				type: 'string',
				default: 'data',
				description: 'The name of the binary field to put the original file in',
				displayOptions: { show: { attachFile: [true] } },
			},
			{
				displayName: 'Use Original Column Names',
				name: 'originalNames',
				type: 'boolean',
				default: false,
				description:
					'Whether to keep Amazon’s column titles and cell text as they are in the file, instead of camelCase keys with typed values',
			},
		],
	},
];
