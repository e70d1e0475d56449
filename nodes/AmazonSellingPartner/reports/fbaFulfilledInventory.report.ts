// GET_AFN_INVENTORY_DATA: units at Amazon per SKU, one row per SKU and warehouse condition
// (SELLABLE, UNSELLABLE), updated in near real time. Two titles are oddly cased
// (`Warehouse-Condition-code`, `Quantity Available`); matching ignores case and punctuation.
import type { FlatFileReportType } from './types';

export const fbaFulfilledInventoryReport: FlatFileReportType = {
	reportType: 'GET_AFN_INVENTORY_DATA',
	name: 'FBA Amazon Fulfilled Inventory',
	description: 'Units available at Amazon per SKU, one item per SKU and warehouse condition (sellable or unsellable)',
	roles: ['Amazon Fulfillment'],
	format: 'tsv',
	requestable: true,
	// The stock as it is now: Amazon takes no date range for it.
	dataRange: 'none',
	// Amazon makes this report at most every 30 minutes, and fails requests made too often.
	defaultReuseMinutes: 30,
	columns: [
		{ key: 'sellerSku', titles: ['seller-sku'], type: 'code' },
		// The FNSKU; equal to the ASIN for stickerless (commingled) units.
		{ key: 'fulfillmentChannelSku', titles: ['fulfillment-channel-sku'], type: 'code' },
		{ key: 'asin', titles: ['asin'], type: 'code' },
		{ key: 'conditionType', titles: ['condition-type'], type: 'text' },
		{ key: 'warehouseConditionCode', titles: ['Warehouse-Condition-code'], type: 'text' },
		{ key: 'quantityAvailable', titles: ['Quantity Available'], type: 'integer' },
	],
	// A real (MWS era) row, its unsellable counterpart, and a second SKU (both made up).
	sample: {
		text: [
			'seller-sku\tfulfillment-channel-sku\tasin\tcondition-type\tWarehouse-Condition-code\tQuantity Available',
			'028332694636-UPC\tB07W425S4M\tB07W425S4M\tNewItem\tSELLABLE\t0',
			'028332694636-UPC\tB07W425S4M\tB07W425S4M\tNewItem\tUNSELLABLE\t2',
			'0712\tX001ABCDE1\tB07K1FNN7M\tNewItem\tSELLABLE\t143',
			'',
		].join('\n'),
		charset: 'UTF-8',
		compression: 'GZIP',
	},
};
