// The sales report: one line item per row (the Invoice ID identifies it; a transaction can have
// several, e.g. a charge and its partial refunds).
import type { IDataObject } from 'n8n-workflow';

import { isoDateTimeWithOffset, parseAmazonDateTime, zoneOffsetMinutes } from '../../shared/pipeline/dates';
import { textCell } from '../../shared/pipeline/values';
import { AmountTotals, formatAmount, formatCount } from '../../shared/totals';
import type { AppstoreReportType } from './types';

// The marketplace's zone, for times whose zone token is missing or unknown.
const MARKETPLACE_ZONES: Record<string, string> = {
	US: 'America/Los_Angeles',
	GB: 'Europe/London',
	UK: 'Europe/London',
	DE: 'Europe/Paris',
	FR: 'Europe/Paris',
	IT: 'Europe/Paris',
	ES: 'Europe/Paris',
	JP: 'Asia/Tokyo',
	IN: 'Asia/Kolkata',
	AU: 'Australia/Sydney',
	BR: 'America/Sao_Paulo',
	CA: 'America/Toronto',
	CN: 'Asia/Shanghai',
};

export const salesReport: AppstoreReportType = {
	reportType: 'sales',
	name: 'Sales',
	title: 'sales report',
	description: 'The transactions of a month: sales, refunds, in-app items and subscriptions',
	columns: [
		{ key: 'marketplace', titles: ['Marketplace'], type: 'text' },
		{ key: 'countryRegionCode', titles: ['Country/Region Code', 'Country Code'], type: 'code' },
		{ key: 'invoiceId', titles: ['Invoice Id'], type: 'code' },
		{ key: 'transactionId', titles: ['Transaction Id'], type: 'code' },
		{ key: 'purchaserId', titles: ['Purchaser Id'], type: 'code' },
		{ key: 'transactionTime', titles: ['Transaction Time', 'Transaction Date'], type: 'text' },
		{ key: 'transactionTimeRaw', titles: [], type: 'text' },
		{ key: 'transactionType', titles: ['Transaction Type'], type: 'text' },
		{ key: 'adjustment', titles: ['Adjustment'], type: 'boolean' },
		{ key: 'asin', titles: ['ASIN'], type: 'code' },
		{ key: 'vendorSku', titles: ['Vendor SKU', 'SKU'], type: 'code' },
		{ key: 'title', titles: ['Title'], type: 'text' },
		{ key: 'itemName', titles: ['Item Name'], type: 'text' },
		{ key: 'itemType', titles: ['Item Type'], type: 'text' },
		{ key: 'inAppSubscriptionTerm', titles: ['In-App Subscription Term'], type: 'text' },
		{ key: 'inAppSubscriptionStatus', titles: ['In-App Subscription Status'], type: 'text' },
		{ key: 'units', titles: ['Units'], type: 'integer' },
		{ key: 'usageTime', titles: ['Usage Time'], type: 'integer' },
		{ key: 'marketplaceCurrency', titles: ['Marketplace Currency', 'Currency'], type: 'code' },
		{ key: 'salesPrice', titles: ['Sales Price'], type: 'decimal' },
		{ key: 'estimatedEarnings', titles: ['Estimated Earnings'], type: 'decimal' },
	],
	finish(record, rawCell) {
		const raw = textCell(rawCell('transactionTime') ?? '');
		record.transactionTimeRaw = raw;
		const parsed = raw === null ? undefined : parseAmazonDateTime(raw);
		// The marketplace's zone only when the time names none (or one not known).
		const offset = parsed && (zoneOffsetMinutes(parsed) ?? zoneOffsetMinutes(parsed, MARKETPLACE_ZONES[String(record.countryRegionCode ?? '').toUpperCase()]));
		record.transactionTime = parsed && offset !== undefined ? isoDateTimeWithOffset(parsed, offset) : null;
	},
	summarize: (reportMonth) => new SalesSummary(reportMonth),
	// The columns and example values of the Reporting API documentation.
	sample: [
		'Marketplace,Country/Region Code,Invoice Id,Transaction Id,Purchaser Id,Transaction Time,Transaction Type,Adjustment,ASIN,Vendor SKU,Title,Item Name,Item Type,In-App Subscription Term,In-App Subscription Status,Units,Usage Time,Marketplace Currency,Sales Price,Estimated Earnings',
		'Amazon.com,US,8dd921637-b092f385a7ee4-62c6494b3ed702,21854260140446,amzn1.account.AGMODJOGUIUOTR6DSVASQ5UX,05/21/18 14:39 PST,Charge,No,C00006M4PF,com.gamevendor.fungame,Smashemup Truck Game,Smashemup Truck Game,Application,,,1,,USD,4.99,3.49',
		'Amazon.com,US,8dd921637-b092f385a7ee4-62c6494b3ed703,21854260140447,amzn1.account.AGMODJOGUIUOTR6DSVASQ5UX,05/22/18 09:12 PDT,Charge,No,C00006M4PG,com.gamevendor.fungame.gold,Smashemup Truck Game,Gold membership,Subscription,Weekly,Trial,1,,USD,0.99,0.69',
		'',
	].join('\r\n'),
};

interface TitleTotals {
	title: string;
	currency: string;
	units: number;
	transactions: number;
	earnings: AmountTotals;
}

/** Transactions, units, refunds, sales and earnings per currency and marketplace, top titles. */
class SalesSummary {
	private transactions = 0;

	private refunds = 0;

	private units = 0;

	private readonly currencies = new Map<string, { sales: AmountTotals; earnings: AmountTotals; refunded: AmountTotals }>();

	private readonly marketplaces = new Map<string, { marketplace: string; currency: string; transactions: number; units: number; sales: AmountTotals; earnings: AmountTotals }>();

	private readonly titles = new Map<string, TitleTotals>();

	constructor(private readonly reportMonth: string) {}

	add(record: IDataObject): void {
		this.transactions++;
		const refund = String(record.transactionType ?? '').toLowerCase() === 'refund';
		if (refund) this.refunds++;
		const units = typeof record.units === 'number' ? record.units : 0;
		this.units += refund ? 0 : units;
		const currency = String(record.marketplaceCurrency ?? 'unknown');
		const price = typeof record.salesPrice === 'number' ? record.salesPrice : 0;
		const earnings = typeof record.estimatedEarnings === 'number' ? record.estimatedEarnings : 0;

		let perCurrency = this.currencies.get(currency);
		if (!perCurrency) {
			perCurrency = { sales: new AmountTotals(), earnings: new AmountTotals(), refunded: new AmountTotals() };
			this.currencies.set(currency, perCurrency);
		}
		// The sales price of a refund is the original item's price: it is not a sale.
		if (refund) perCurrency.refunded.add(price);
		else perCurrency.sales.add(price);
		perCurrency.earnings.add(earnings);

		const marketplaceName = String(record.marketplace ?? record.countryRegionCode ?? 'unknown');
		const marketplaceKey = `${marketplaceName}\u0000${currency}`;
		let perMarketplace = this.marketplaces.get(marketplaceKey);
		if (!perMarketplace) {
			perMarketplace = { marketplace: marketplaceName, currency, transactions: 0, units: 0, sales: new AmountTotals(), earnings: new AmountTotals() };
			this.marketplaces.set(marketplaceKey, perMarketplace);
		}
		perMarketplace.transactions++;
		perMarketplace.units += refund ? 0 : units;
		if (!refund) perMarketplace.sales.add(price);
		perMarketplace.earnings.add(earnings);

		const title = String(record.title ?? record.itemName ?? record.asin ?? 'untitled');
		const titleKey = `${title}\u0000${currency}`;
		let perTitle = this.titles.get(titleKey);
		if (!perTitle) {
			perTitle = { title, currency, units: 0, transactions: 0, earnings: new AmountTotals() };
			this.titles.set(titleKey, perTitle);
		}
		perTitle.transactions++;
		perTitle.units += refund ? 0 : units;
		perTitle.earnings.add(earnings);
	}

	result(): IDataObject {
		const currencies = [...this.currencies].sort(([a], [b]) => a.localeCompare(b));
		const topTitles = currencies.flatMap(([currency]) =>
			[...this.titles.values()]
				.filter((entry) => entry.currency === currency)
				.sort((a, b) => b.earnings.value - a.earnings.value)
				.slice(0, 10)
				.map((entry) => ({ title: entry.title, currency, estimatedEarnings: entry.earnings.value, units: entry.units, transactions: entry.transactions })),
		);
		const lines = [
			`Amazon Appstore sales ${this.reportMonth}: ${formatCount(this.transactions)} transactions (${formatCount(this.refunds)} refunds), ${formatCount(this.units)} units`,
			...currencies.map(
				([currency, totals]) =>
					`${currency}: sales ${formatAmount(totals.sales.value)}, estimated earnings ${formatAmount(totals.earnings.value)}${totals.refunded.value ? `, refunded ${formatAmount(totals.refunded.value)}` : ''}`,
			),
		];
		for (const [currency] of currencies) {
			const best = topTitles.filter((entry) => entry.currency === currency).slice(0, 3);
			if (best.length) lines.push(`Top titles (${currency}): ${best.map((entry) => `${entry.title} ${formatAmount(entry.estimatedEarnings)}`).join(', ')}`);
		}
		return {
			reportMonth: this.reportMonth,
			report: 'sales',
			transactions: this.transactions,
			refunds: this.refunds,
			units: this.units,
			currencies: currencies.map(([currency, totals]) => ({
				currency,
				sales: totals.sales.value,
				estimatedEarnings: totals.earnings.value,
				refunded: totals.refunded.value,
			})),
			marketplaces: [...this.marketplaces.values()]
				.sort((a, b) => b.transactions - a.transactions)
				.map((entry) => ({
					marketplace: entry.marketplace,
					currency: entry.currency,
					transactions: entry.transactions,
					units: entry.units,
					sales: entry.sales.value,
					estimatedEarnings: entry.earnings.value,
				})),
			topTitles,
			text: lines.join('\n'),
		};
	}
}
