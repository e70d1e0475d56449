// The subscription report: one row per day and subscription, with the day's counts.
import type { IDataObject } from 'n8n-workflow';

import { formatCount } from '../../shared/totals';
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
	summarize: (reportMonth) => new SubscriptionSummary(reportMonth),
	sample: [
		'Date,Marketplace,App Title,ASIN,Vendor SKU,Subscription Title,Subscription Duration,Subscription Type,Active,Started,Ended,Refunded',
		'12/29/18,Amazon.com,My Test App,C00006M4PF,com.test.monthly,Test Monthly Subscription,Monthly,paid,7261,163,163,163',
		'',
	].join('\r\n'),
};

/** Started, ended and refunded over the month; active on its last day; per subscription. */
class SubscriptionSummary {
	private readonly subscriptions = new Map<string, { subscriptionTitle: string; lastDate: string; active: number; started: number; ended: number; refunded: number }>();

	constructor(private readonly reportMonth: string) {}

	add(record: IDataObject): void {
		const title = String(record.subscriptionTitle ?? record.vendorSku ?? 'unknown');
		const key = `${title}\u0000${String(record.marketplace ?? '')}\u0000${String(record.subscriptionType ?? '')}`;
		let entry = this.subscriptions.get(key);
		if (!entry) {
			entry = { subscriptionTitle: title, lastDate: '', active: 0, started: 0, ended: 0, refunded: 0 };
			this.subscriptions.set(key, entry);
		}
		const date = String(record.date ?? '');
		const count = (value: unknown) => (typeof value === 'number' ? value : 0);
		if (date >= entry.lastDate) {
			entry.lastDate = date;
			entry.active = count(record.active);
		}
		entry.started += count(record.started);
		entry.ended += count(record.ended);
		entry.refunded += count(record.refunded);
	}

	result(): IDataObject {
		const entries = [...this.subscriptions.values()];
		const total = (field: 'active' | 'started' | 'ended' | 'refunded') => entries.reduce((sum, entry) => sum + entry[field], 0);
		return {
			reportMonth: this.reportMonth,
			report: 'subscription',
			active: total('active'),
			started: total('started'),
			ended: total('ended'),
			refunded: total('refunded'),
			subscriptions: entries,
			text: `Amazon Appstore subscriptions ${this.reportMonth}: ${formatCount(total('active'))} active at the end, ${formatCount(total('started'))} started, ${formatCount(total('ended'))} ended, ${formatCount(total('refunded'))} refunded`,
		};
	}
}
