// The Appstore's Summary per Month as it was written before it became a preset of the shared
// summary machinery (nodes/AmazonAppstore/reports/*.report.ts and totals.ts at commit 38383ab),
// kept verbatim as the oracle: the presets must give exactly what these gave.
import type { IDataObject } from 'n8n-workflow';

const SCALE = 10_000;

class AmountTotals {
	private units = 0;

	add(amount: number): void {
		this.units += Math.round(amount * SCALE);
	}

	get value(): number {
		return this.units / SCALE;
	}
}

function formatAmount(value: number): string {
	return value.toLocaleString('en-US', { minimumFractionDigits: Number.isInteger(value) ? 0 : 2, maximumFractionDigits: 2 });
}

function formatCount(value: number): string {
	return value.toLocaleString('en-US');
}

interface TitleTotals {
	title: string;
	currency: string;
	units: number;
	transactions: number;
	earnings: AmountTotals;
}

/** Transactions, units, refunds, sales and earnings per currency and marketplace, top titles. */
export class SalesSummary {
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

/** Started, ended and refunded over the month; active on its last day; per subscription. */
export class SubscriptionSummary {
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
