// GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE: the settlement layout Amazon stopped making on
// 2026-11-11 (replaced by GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2, settlement.report.ts). Kept so
// that reports made before stay readable by Report ID while Amazon keeps them (90 days). Its lines
// give each kind of amount a column pair of its own (price-type/price-amount, …); the reading and
// the summary are the new layout's (settlement.ts), the summary reading each pair as an amount.
import type { ColumnSpec } from '../../shared/pipeline/records';
import type { SettlementAmountColumn } from './settlement';
import { SETTLEMENT_OUTPUT_PARAMETER, settlementLineReader, settlementSummary } from './settlement';
import type { FlatFileReportType } from './types';

const columns: ColumnSpec[] = [
	// Numeric, but an identifier: kept as text.
	{ key: 'settlementId', titles: ['settlement-id'], type: 'code' },
	{ key: 'lineType', titles: [], type: 'text' },
	{ key: 'settlementStartDate', titles: ['settlement-start-date'], type: 'datetime' },
	{ key: 'settlementEndDate', titles: ['settlement-end-date'], type: 'datetime' },
	{ key: 'depositDate', titles: ['deposit-date'], type: 'datetime' },
	{ key: 'totalAmount', titles: ['total-amount'], type: 'decimal' },
	{ key: 'currency', titles: ['currency'], type: 'text' },
	{ key: 'transactionType', titles: ['transaction-type'], type: 'text' },
	{ key: 'orderId', titles: ['order-id'], type: 'code' },
	{ key: 'merchantOrderId', titles: ['merchant-order-id'], type: 'code' },
	{ key: 'adjustmentId', titles: ['adjustment-id'], type: 'code' },
	{ key: 'shipmentId', titles: ['shipment-id'], type: 'code' },
	{ key: 'marketplaceName', titles: ['marketplace-name'], type: 'text' },
	{ key: 'shipmentFeeType', titles: ['shipment-fee-type'], type: 'text' },
	{ key: 'shipmentFeeAmount', titles: ['shipment-fee-amount'], type: 'decimal' },
	{ key: 'orderFeeType', titles: ['order-fee-type'], type: 'text' },
	{ key: 'orderFeeAmount', titles: ['order-fee-amount'], type: 'decimal' },
	// AFN (fulfilled by Amazon) or MFN (by the seller).
	{ key: 'fulfillmentId', titles: ['fulfillment-id'], type: 'text' },
	{ key: 'postedDate', titles: ['posted-date'], type: 'datetime' },
	{ key: 'orderItemCode', titles: ['order-item-code'], type: 'code' },
	{ key: 'merchantOrderItemId', titles: ['merchant-order-item-id'], type: 'code' },
	{ key: 'merchantAdjustmentItemId', titles: ['merchant-adjustment-item-id'], type: 'code' },
	{ key: 'sku', titles: ['sku'], type: 'code' },
	{ key: 'quantityPurchased', titles: ['quantity-purchased'], type: 'integer' },
	// Principal, Shipping, Tax …
	{ key: 'priceType', titles: ['price-type'], type: 'text' },
	{ key: 'priceAmount', titles: ['price-amount'], type: 'decimal' },
	// Commission, FBAPerUnitFulfillmentFee …; fees are negative amounts.
	{ key: 'itemRelatedFeeType', titles: ['item-related-fee-type'], type: 'text' },
	{ key: 'itemRelatedFeeAmount', titles: ['item-related-fee-amount'], type: 'decimal' },
	{ key: 'miscFeeAmount', titles: ['misc-fee-amount'], type: 'decimal' },
	{ key: 'otherFeeAmount', titles: ['other-fee-amount'], type: 'decimal' },
	{ key: 'otherFeeReasonDescription', titles: ['other-fee-reason-description'], type: 'text' },
	// Files of settlements without promotions (seen in 2023) have no promotion columns.
	{ key: 'promotionId', titles: ['promotion-id'], type: 'code' },
	{ key: 'promotionType', titles: ['promotion-type'], type: 'text' },
	{ key: 'promotionAmount', titles: ['promotion-amount'], type: 'decimal' },
	{ key: 'directPaymentType', titles: ['direct-payment-type'], type: 'text' },
	{ key: 'directPaymentAmount', titles: ['direct-payment-amount'], type: 'decimal' },
	{ key: 'otherAmount', titles: ['other-amount'], type: 'decimal' },
];

// Each kind of amount in its own column, with the column of its type where the file has one.
const AMOUNTS: SettlementAmountColumn[] = [
	{ amount: 'priceAmount', amountType: 'ItemPrice', descriptionKey: 'priceType' },
	{ amount: 'itemRelatedFeeAmount', amountType: 'ItemFees', descriptionKey: 'itemRelatedFeeType' },
	{ amount: 'shipmentFeeAmount', amountType: 'ShipmentFees', descriptionKey: 'shipmentFeeType' },
	{ amount: 'orderFeeAmount', amountType: 'OrderFees', descriptionKey: 'orderFeeType' },
	{ amount: 'promotionAmount', amountType: 'Promotion', descriptionKey: 'promotionType' },
	{ amount: 'directPaymentAmount', amountType: 'DirectPayment', descriptionKey: 'directPaymentType' },
	{ amount: 'miscFeeAmount', amountType: 'MiscFee' },
	{ amount: 'otherFeeAmount', amountType: 'OtherFee', descriptionKey: 'otherFeeReasonDescription' },
	{ amount: 'otherAmount', amountType: 'Other' },
];

export const settlementLegacyReport: FlatFileReportType = {
	reportType: 'GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE',
	// The catalogue adds "(Removed by Amazon on 2026-11-11)" wherever the type is listed.
	name: 'Settlement (Old Layout)',
	description:
		'No longer made by Amazon since 2026-11-11: choose Settlement for new settlements. Reports made before can still be read by Report ID while Amazon keeps them (90 days).',
	roles: ['Finance and Accounting', 'Amazon Fulfillment', 'Inventory and Order Tracking'],
	format: 'tsv',
	requestable: false,
	dataRange: 'none',
	parameters: [SETTLEMENT_OUTPUT_PARAMETER],
	outputParameter: SETTLEMENT_OUTPUT_PARAMETER.name,
	columns,
	lineReader: settlementLineReader(columns),
	// Output "Summary per Settlement": the new layout's preset, from the column pairs.
	presets: { summary: settlementSummary(columns, AMOUNTS) },
	// A real US settlement of 2015: the totals row, then one order item's quantity, price and fee rows.
	sample: {
		text: [
			'settlement-id\tsettlement-start-date\tsettlement-end-date\tdeposit-date\ttotal-amount\tcurrency\ttransaction-type\torder-id\tmerchant-order-id\tadjustment-id\tshipment-id\tmarketplace-name\tshipment-fee-type\tshipment-fee-amount\torder-fee-type\torder-fee-amount\tfulfillment-id\tposted-date\torder-item-code\tmerchant-order-item-id\tmerchant-adjustment-item-id\tsku\tquantity-purchased\tprice-type\tprice-amount\titem-related-fee-type\titem-related-fee-amount\tmisc-fee-amount\tother-fee-amount\tother-fee-reason-description\tpromotion-id\tpromotion-type\tpromotion-amount\tdirect-payment-type\tdirect-payment-amount\tother-amount',
			'6016502941\t2015-12-02T03:27:08+00:00\t2015-12-16T03:27:08+00:00\t2015-12-18T03:27:08+00:00\t16630.13\tUSD\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t',
			'6016502941\t\t\t\t\t\tOrder\t112-8095165-5463447\t112-8095165-5463447\t\tD1FyNyr6b\tAmazon.com\t\t\t\t\tAFN\t2015-12-02T04:15:26+00:00\t62538071274626\t\t\tedifier-p270-gold\t1\t\t\t\t\t\t\t\t\t\t\t\t\t',
			'6016502941\t\t\t\t\t\tOrder\t112-8095165-5463447\t112-8095165-5463447\t\tD1FyNyr6b\tAmazon.com\t\t\t\t\tAFN\t2015-12-02T04:15:26+00:00\t62538071274626\t\t\tedifier-p270-gold\t\tPrincipal\t27.99\t\t\t\t\t\t\t\t\t\t\t',
			'6016502941\t\t\t\t\t\tOrder\t112-8095165-5463447\t112-8095165-5463447\t\tD1FyNyr6b\tAmazon.com\t\t\t\t\tAFN\t2015-12-02T04:15:26+00:00\t62538071274626\t\t\tedifier-p270-gold\t\t\t\tFBAPerOrderFulfillmentFee\t-1.00\t\t\t\t\t\t\t\t\t',
			'',
		].join('\n'),
		charset: 'UTF-8',
		compression: 'GZIP',
	},
};
