// GET_FLAT_FILE_OPEN_LISTINGS_DATA ("Inventory Report"): SKU, ASIN, price and quantity of each open
// listing, then the Amazon Business price columns when the seller sells to businesses (older files
// have only the first four). Prices here keep two decimals (`5.00`).
import { BUSINESS_PRICE_COLUMNS } from './listingsActive.report';
import type { FlatFileReportType } from './types';

export const listingsOpenReport: FlatFileReportType = {
	reportType: 'GET_FLAT_FILE_OPEN_LISTINGS_DATA',
	name: 'Open Listings',
	description: 'SKU, ASIN, price and quantity of each open listing, with Amazon Business price tiers',
	roles: ['Inventory and Order Tracking', 'Pricing', 'Product Listing', 'Direct-to-Consumer Shipping'],
	format: 'tsv',
	requestable: true,
	// The listings as they are now: Amazon takes no date range for it.
	dataRange: 'none',
	defaultReuseMinutes: 30,
	columns: [
		{ key: 'sku', titles: ['sku'], type: 'code' },
		{ key: 'asin', titles: ['asin'], type: 'code' },
		{ key: 'price', titles: ['price'], type: 'decimal' },
		// Empty for listings fulfilled by Amazon.
		{ key: 'quantity', titles: ['quantity'], type: 'integer' },
		...BUSINESS_PRICE_COLUMNS,
	],
	// Two real US rows of 2023, and one (made up) with quantity price tiers filled.
	sample: {
		text: [
			'sku\tasin\tprice\tquantity\tBusiness Price\tQuantity Price Type\tQuantity Lower Bound 1\tQuantity Price 1\tQuantity Lower Bound 2\tQuantity Price 2\tQuantity Lower Bound 3\tQuantity Price 3\tQuantity Lower Bound 4\tQuantity Price 4\tQuantity Lower Bound 5\tQuantity Price 5\tProgressive Price Type\tProgressive Lower Bound 1\tProgressive Price 1\tProgressive Lower Bound 2\tProgressive Price 2\tProgressive Lower Bound 3\tProgressive Price 3',
			'I0-RALD-N1UR\tB0B68NBQ1Y\t5.00\t1000\t6.0\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t',
			'IA-VREM-8L92\tB0CJ5Q3NLP\t15.00\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t',
			'TH-1218-B2B\tB07K1FNN7M\t24.99\t120\t22.99\tfixed\t10\t21.99\t25\t19.99\t\t\t\t\t\t\t\t\t\t\t\t\t',
			'',
		].join('\n'),
		charset: 'UTF-8',
		compression: 'GZIP',
	},
};
