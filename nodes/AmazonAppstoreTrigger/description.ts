import type { INodeProperties } from 'n8n-workflow';

export const appstoreTriggerProperties: INodeProperties[] = [
	{
		displayName:
			'Amazon refreshes these reports once a day, up to 48 hours late: polling every few hours is plenty. Each poll makes 2 requests per report (current and previous month).',
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
				name: 'New Sales Transaction',
				value: 'newSalesTransactions',
				description: 'Each new row of the current or previous month’s sales report, once',
			},
			{
				name: 'New Monthly Report Available',
				value: 'newMonthlyReport',
				description: 'Once, when a month’s sales or subscription report first appears',
			},
		],
		default: 'newSalesTransactions',
	},
	{
		displayName: 'Reports',
		name: 'reports',
		type: 'multiOptions',
		options: [
			{ name: 'Sales', value: 'sales' },
			{ name: 'Subscription', value: 'subscription' },
		],
		default: ['sales'],
		displayOptions: { show: { event: ['newMonthlyReport'] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show: { event: ['newSalesTransactions'] } },
		options: [
			{
				displayName: 'On First Poll, Emit the Last (Days)',
				name: 'backfillDays',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 62 },
				default: 0,
				description:
					'Transactions from this many days back to emit on the first poll. 0 starts from now: the first poll only remembers what exists.',
			},
		],
	},
];
