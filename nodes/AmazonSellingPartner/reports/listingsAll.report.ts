// GET_MERCHANT_LISTINGS_ALL_DATA: every listing, active or inactive, one row per SKU. The zshop-*
// and asin2/asin3 columns are leftovers Amazon still writes, empty. `open-date` is local time with
// its zone abbreviation (`2021-08-15 20:35:17 PDT`).
import type { ColumnSpec } from '../../shared/pipeline/records';
import type { FlatFileReportType } from './types';

/** The columns the listings reports share (All and Active Listings), in file order. */
export const LISTING_COLUMNS: ColumnSpec[] = [
	{ key: 'itemName', titles: ['item-name'], type: 'text' },
	{ key: 'itemDescription', titles: ['item-description'], type: 'text' },
	{ key: 'listingId', titles: ['listing-id'], type: 'code' },
	// Seller SKUs can be all digits (194312).
	{ key: 'sellerSku', titles: ['seller-sku'], type: 'code' },
	{ key: 'price', titles: ['price'], type: 'decimal' },
	// Empty for listings fulfilled by Amazon.
	{ key: 'quantity', titles: ['quantity'], type: 'integer' },
	{ key: 'openDate', titles: ['open-date'], type: 'datetime' },
	{ key: 'imageUrl', titles: ['image-url'], type: 'text' },
	{ key: 'itemIsMarketplace', titles: ['item-is-marketplace'], type: 'boolean' },
	// 1 = ASIN, 2 = ISBN, 3 = UPC, 4 = EAN.
	{ key: 'productIdType', titles: ['product-id-type'], type: 'integer' },
	{ key: 'zshopShippingFee', titles: ['zshop-shipping-fee'], type: 'decimal' },
	{ key: 'itemNote', titles: ['item-note'], type: 'text' },
	// Amazon's condition number: 11 = New, 1–4 = Used, 5–8 = Collectible, 10 = Refurbished.
	{ key: 'itemCondition', titles: ['item-condition'], type: 'integer' },
	{ key: 'zshopCategory1', titles: ['zshop-category1'], type: 'text' },
	{ key: 'zshopBrowsePath', titles: ['zshop-browse-path'], type: 'text' },
	{ key: 'zshopStorefrontFeature', titles: ['zshop-storefront-feature'], type: 'text' },
	{ key: 'asin1', titles: ['asin1'], type: 'code' },
	{ key: 'asin2', titles: ['asin2'], type: 'code' },
	{ key: 'asin3', titles: ['asin3'], type: 'code' },
	// Text: no file seen fills them, so their values (y/n or a shipping-region number) are unknown.
	{ key: 'willShipInternationally', titles: ['will-ship-internationally'], type: 'text' },
	{ key: 'expeditedShipping', titles: ['expedited-shipping'], type: 'text' },
	{ key: 'zshopBoldface', titles: ['zshop-boldface'], type: 'text' },
	{ key: 'productId', titles: ['product-id'], type: 'code' },
	{ key: 'bidForFeaturedPlacement', titles: ['bid-for-featured-placement'], type: 'text' },
	{ key: 'addDelete', titles: ['add-delete'], type: 'text' },
	{ key: 'pendingQuantity', titles: ['pending-quantity'], type: 'integer' },
	// DEFAULT = fulfilled by the seller; AMAZON_NA, AMAZON_EU … = fulfilled by Amazon.
	{ key: 'fulfillmentChannel', titles: ['fulfillment-channel'], type: 'text' },
	{ key: 'merchantShippingGroup', titles: ['merchant-shipping-group'], type: 'text' },
];

export const listingsAllReport: FlatFileReportType = {
	reportType: 'GET_MERCHANT_LISTINGS_ALL_DATA',
	name: 'All Listings',
	description: 'Every listing, active or inactive, with SKU, ASIN, price, quantity, open date and status',
	roles: ['Inventory and Order Tracking', 'Pricing', 'Product Listing', 'Direct-to-Consumer Shipping'],
	format: 'tsv',
	requestable: true,
	// The listings as they are now: Amazon takes no date range for it.
	dataRange: 'none',
	defaultReuseMinutes: 30,
	columns: [...LISTING_COLUMNS, { key: 'status', titles: ['status'], type: 'text' }],
	// Real US rows of 2021–2023: an all-digit SKU, an FBA listing without quantity, an inactive one.
	sample: {
		text: [
			'item-name\titem-description\tlisting-id\tseller-sku\tprice\tquantity\topen-date\timage-url\titem-is-marketplace\tproduct-id-type\tzshop-shipping-fee\titem-note\titem-condition\tzshop-category1\tzshop-browse-path\tzshop-storefront-feature\tasin1\tasin2\tasin3\twill-ship-internationally\texpedited-shipping\tzshop-boldface\tproduct-id\tbid-for-featured-placement\tadd-delete\tpending-quantity\tfulfillment-channel\tmerchant-shipping-group\tstatus',
			'Stamping Plates Set Nail Art Stamping Plates Plaid Flowers Leaves Lace Stamp Templates Kit Nail Image Plates Nail Manicuring DIY Printing Tools 8Pcs\t\t0816Y30OYFH\t194312\t19.99\t\t2021-08-15 20:35:17 PDT\t\ty\t1\t\t\t11\t\t\t\tB00V7I4DHA\t\t\t\t\t\tB00V7I4DHA\t\t\t\tAMAZON_NA\tMigrated Template\tActive',
			'GiftBox\tMonitor and optimize the GiftBox to reward your customers and increase the average order value\t0711ZJUYPNS\tI0-RALD-N1UR\t5\t1000\t2022-07-11 01:34:18 PDT\t\ty\t1\t\t\t11\t\t\t\tB0B68NBQ1Y\t\t\t\t\t\tB0B68NBQ1Y\t\t\t0\tDEFAULT\tMigrated Template\tActive',
			'House Foods, Organic Firm Tofu, 14 oz\t\t0705Z8HWWAY\tMP-V4RG-EDEY\t5\t1518\t2022-07-05 08:00:10 PDT\t\ty\t1\t\t\t1\t\t\t\tB000VHRNUW\t\t\t\t\t\tB000VHRNUW\t\t\t0\tDEFAULT\tMigrated Template\tInactive',
			'',
		].join('\n'),
		charset: 'UTF-8',
		compression: 'GZIP',
	},
};
