// The sales report: one line item per row (the Invoice ID identifies it; a transaction can have
// several, e.g. a charge and its partial refunds).
import type { IDataObject } from 'n8n-workflow';

import type { FilterCondition } from '../../shared/output/filter';
import type { SummaryFormat, SummaryPreset } from '../../shared/output/summarize';
import { isoDateTimeWithOffset, parseAmazonDateTime, zoneOffsetMinutes } from '../../shared/pipeline/dates';
import { textCell } from '../../shared/pipeline/values';
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
	summary: salesSummary(),
	// The columns and example values of the Reporting API documentation.
	sample: [
		'Marketplace,Country/Region Code,Invoice Id,Transaction Id,Purchaser Id,Transaction Time,Transaction Type,Adjustment,ASIN,Vendor SKU,Title,Item Name,Item Type,In-App Subscription Term,In-App Subscription Status,Units,Usage Time,Marketplace Currency,Sales Price,Estimated Earnings',
		'Amazon.com,US,8dd921637-b092f385a7ee4-62c6494b3ed702,21854260140446,amzn1.account.AGMODJOGUIUOTR6DSVASQ5UX,05/21/18 14:39 PST,Charge,No,C00006M4PF,com.gamevendor.fungame,Smashemup Truck Game,Smashemup Truck Game,Application,,,1,,USD,4.99,3.49',
		'Amazon.com,US,8dd921637-b092f385a7ee4-62c6494b3ed703,21854260140447,amzn1.account.AGMODJOGUIUOTR6DSVASQ5UX,05/22/18 09:12 PDT,Charge,No,C00006M4PG,com.gamevendor.fungame.gold,Smashemup Truck Game,Gold membership,Subscription,Weekly,Trial,1,,USD,0.99,0.69',
		'',
	].join('\r\n'),
};

/**
 * Summary per Month: transactions, refunds and units; sales, earnings and refunds per currency; the
 * same per marketplace; the ten titles earning most per currency; a sentence for Slack. The sales
 * price of a refund is the original item's price: it counts as refunded, not as a sale, and its
 * units are not sold units.
 */
function salesSummary(): SummaryPreset {
	const refund: FilterCondition[] = [{ field: 'transactionType', operator: 'equals', value: 'refund' }];
	const sale: FilterCondition[] = [{ field: 'transactionType', operator: 'notEquals', value: 'refund' }];
	const currency = { field: 'marketplaceCurrency', name: 'currency', otherwise: 'unknown' };
	return {
		fields: { report: 'sales' },
		sections: [
			{
				name: 'totals',
				values: [
					{ op: 'count', name: 'transactions' },
					{ op: 'count', name: 'refunds', where: refund },
					{ op: 'sum', field: 'units', name: 'units', where: sale },
				],
				output: 'fields',
			},
			{
				name: 'currencies',
				groupBy: [currency],
				values: [
					{ op: 'sum', field: 'salesPrice', name: 'sales', where: sale },
					{ op: 'sum', field: 'estimatedEarnings', name: 'estimatedEarnings' },
					{ op: 'sum', field: 'salesPrice', name: 'refunded', where: refund },
				],
				sort: [{ field: 'currency' }],
				output: 'list',
			},
			{
				name: 'marketplaces',
				groupBy: [{ field: ['marketplace', 'countryRegionCode'], name: 'marketplace', otherwise: 'unknown' }, currency],
				values: [
					{ op: 'count', name: 'transactions' },
					{ op: 'sum', field: 'units', name: 'units', where: sale },
					{ op: 'sum', field: 'salesPrice', name: 'sales', where: sale },
					{ op: 'sum', field: 'estimatedEarnings', name: 'estimatedEarnings' },
				],
				sort: [{ field: 'transactions', descending: true }],
				output: 'list',
			},
			{
				name: 'topTitles',
				groupBy: [{ field: ['title', 'itemName', 'asin'], name: 'title', otherwise: 'untitled' }, currency],
				values: [
					{ op: 'sum', field: 'estimatedEarnings', name: 'estimatedEarnings' },
					{ op: 'sum', field: 'units', name: 'units', where: sale },
					{ op: 'count', name: 'transactions' },
				],
				sort: [{ field: 'currency' }, { field: 'estimatedEarnings', descending: true }],
				top: { count: 10, per: ['currency'] },
				output: 'list',
			},
		],
		text: salesText,
	};
}

function salesText(summary: IDataObject, format: SummaryFormat): string {
	const currencies = summary.currencies as IDataObject[];
	const topTitles = summary.topTitles as IDataObject[];
	const amount = (value: unknown) => format.amount(value as number);
	const count = (value: unknown) => format.count(value as number);
	const lines = [
		`Amazon Appstore sales ${String(summary.reportMonth)}: ${count(summary.transactions)} transactions (${count(summary.refunds)} refunds), ${count(summary.units)} units`,
		...currencies.map(
			(totals) =>
				`${String(totals.currency)}: sales ${amount(totals.sales)}, estimated earnings ${amount(totals.estimatedEarnings)}${totals.refunded ? `, refunded ${amount(totals.refunded)}` : ''}`,
		),
	];
	for (const { currency } of currencies) {
		const best = topTitles.filter((entry) => entry.currency === currency).slice(0, 3);
		if (best.length) lines.push(`Top titles (${String(currency)}): ${best.map((entry) => `${String(entry.title)} ${amount(entry.estimatedEarnings)}`).join(', ')}`);
	}
	return lines.join('\n');
}
