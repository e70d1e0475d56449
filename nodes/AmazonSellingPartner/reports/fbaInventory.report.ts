// GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA: FBA stock of each active (not archived) SKU, as on
// Manage Inventory, updated in near real time. Flags are Yes/No; fnsku equals the ASIN for
// stickerless (commingled) units. The last columns came later, so files may end earlier.
import type { FlatFileReportType } from './types';

export const fbaInventoryReport: FlatFileReportType = {
	reportType: 'GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA',
	name: 'FBA Manage Inventory',
	description: 'FBA stock per SKU as on Manage Inventory: fulfillable, unsellable, reserved, inbound and researching units',
	roles: ['Amazon Fulfillment', 'Pricing'],
	format: 'tsv',
	requestable: true,
	// The stock as it is now: Amazon takes no date range for it.
	dataRange: 'none',
	// Amazon makes this report at most every 30 minutes anyway.
	defaultReuseMinutes: 30,
	columns: [
		{ key: 'sku', titles: ['sku'], type: 'code' },
		{ key: 'fnsku', titles: ['fnsku'], type: 'code' },
		{ key: 'asin', titles: ['asin'], type: 'code' },
		{ key: 'productName', titles: ['product-name'], type: 'text' },
		{ key: 'condition', titles: ['condition'], type: 'text' },
		{ key: 'yourPrice', titles: ['your-price'], type: 'decimal' },
		{ key: 'mfnListingExists', titles: ['mfn-listing-exists'], type: 'boolean' },
		{ key: 'mfnFulfillableQuantity', titles: ['mfn-fulfillable-quantity'], type: 'integer' },
		{ key: 'afnListingExists', titles: ['afn-listing-exists'], type: 'boolean' },
		// Fulfillable + unsellable + reserved.
		{ key: 'afnWarehouseQuantity', titles: ['afn-warehouse-quantity'], type: 'integer' },
		{ key: 'afnFulfillableQuantity', titles: ['afn-fulfillable-quantity'], type: 'integer' },
		{ key: 'afnUnsellableQuantity', titles: ['afn-unsellable-quantity'], type: 'integer' },
		{ key: 'afnReservedQuantity', titles: ['afn-reserved-quantity'], type: 'integer' },
		// Warehouse + inbound (working, shipped, receiving).
		{ key: 'afnTotalQuantity', titles: ['afn-total-quantity'], type: 'integer' },
		{ key: 'perUnitVolume', titles: ['per-unit-volume'], type: 'decimal' },
		{ key: 'afnInboundWorkingQuantity', titles: ['afn-inbound-working-quantity'], type: 'integer' },
		{ key: 'afnInboundShippedQuantity', titles: ['afn-inbound-shipped-quantity'], type: 'integer' },
		{ key: 'afnInboundReceivingQuantity', titles: ['afn-inbound-receiving-quantity'], type: 'integer' },
		{ key: 'afnResearchingQuantity', titles: ['afn-researching-quantity'], type: 'integer' },
		{ key: 'afnReservedFutureSupply', titles: ['afn-reserved-future-supply'], type: 'integer' },
		{ key: 'afnFutureSupplyBuyable', titles: ['afn-future-supply-buyable'], type: 'integer' },
	],
	// Amazon's help-page example values, and a real row of a German seller (stickerless, inbound).
	sample: {
		text: [
			'sku\tfnsku\tasin\tproduct-name\tcondition\tyour-price\tmfn-listing-exists\tmfn-fulfillable-quantity\tafn-listing-exists\tafn-warehouse-quantity\tafn-fulfillable-quantity\tafn-unsellable-quantity\tafn-reserved-quantity\tafn-total-quantity\tper-unit-volume\tafn-inbound-working-quantity\tafn-inbound-shipped-quantity\tafn-inbound-receiving-quantity\tafn-researching-quantity\tafn-reserved-future-supply\tafn-future-supply-buyable',
			'AB-8675309\tX00000E5TX\tB003ZYF3LO\tToysmith Nonstick Bakeware Set\tNew\t10.25\tYes\t10\tYes\t35\t20\t5\t10\t55\t0.23\t10\t5\t5\t0\t0\t0',
			'18-Y92L-D87T\tB0H15QMFP1\tB0H15QMFP1\tKoch Chemie Mzr Mehrzweckreiniger\t\t28.97\tNo\t\tYes\t2\t0\t0\t0\t77\t\t0\t75\t0\t2\t\t',
			'',
		].join('\n'),
		charset: 'UTF-8',
		compression: 'GZIP',
	},
};
