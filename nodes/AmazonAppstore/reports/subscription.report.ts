// The subscription report: one row per day and subscription, with the day's counts.
import type { AppstoreReportType } from './types';

export const subscriptionReport: AppstoreReportType = {
	reportType: 'subscription',
	name: 'Subscription',
	title: 'subscription report',
	description: 'Daily active, started, ended and refunded subscriptions of a month',
	columns: [
		{ key: 'date', titles: ['Date'], type: 'date' },
		{ key: 'marketplace', titles: ['Marketplace'], type: 'text' },
		{ key: 'appTitle', titles: ['App Title'], type: 'text' },
		{ key: 'asin', titles: ['ASIN'], type: 'code' },
		{ key: 'vendorSku', titles: ['Vendor SKU', 'SKU'], type: 'code' },
		{ key: 'subscriptionTitle', titles: ['Subscription Title'], type: 'text' },
		{ key: 'subscriptionDuration', titles: ['Subscription Duration'], type: 'text' },
		{ key: 'subscriptionType', titles: ['Subscription Type'], type: 'text' },
		{ key: 'active', titles: ['Active'], type: 'integer' },
		{ key: 'started', titles: ['Started'], type: 'integer' },
		{ key: 'ended', titles: ['Ended'], type: 'integer' },
		{ key: 'refunded', titles: ['Refunded'], type: 'integer' },
	],
	// Summary per Month: per subscription (and marketplace and type) the month's started, ended and
	// refunded, and the active count of its last day; the totals of those.
	summary: {
		fields: { report: 'subscription' },
		sections: [
			{ name: 'totals', from: 'subscriptions', values: (['active', 'started', 'ended', 'refunded'] as const).map((field) => ({ op: 'sum' as const, field, name: field })), output: 'fields' },
			{
				name: 'subscriptions',
				groupBy: [
					{ field: ['subscriptionTitle', 'vendorSku'], name: 'subscriptionTitle', otherwise: 'unknown' },
					{ field: 'marketplace', otherwise: '', hidden: true },
					{ field: 'subscriptionType', otherwise: '', hidden: true },
				],
				values: [
					{ op: 'max', field: 'date', name: 'lastDate', otherwise: '' },
					{ op: 'latest', field: 'active', by: 'date', name: 'active', otherwise: 0 },
					{ op: 'sum', field: 'started', name: 'started' },
					{ op: 'sum', field: 'ended', name: 'ended' },
					{ op: 'sum', field: 'refunded', name: 'refunded' },
				],
				output: 'list',
			},
		],
		text: 'Amazon Appstore subscriptions {reportMonth}: {active:count} active at the end, {started:count} started, {ended:count} ended, {refunded:count} refunded',
	},
	sample: [
		'Date,Marketplace,App Title,ASIN,Vendor SKU,Subscription Title,Subscription Duration,Subscription Type,Active,Started,Ended,Refunded',
		'12/29/18,Amazon.com,My Test App,C00006M4PF,com.test.monthly,Test Monthly Subscription,Monthly,paid,7261,163,163,163',
		'',
	].join('\r\n'),
};

