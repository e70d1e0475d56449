// GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2: a settlement period's payout, made by Amazon about
// every two weeks and never on request (since 2026-11-11 the only settlement report Amazon makes).
// One line per amount (an order's price, tax, each fee, a promotion …); the first line is the
// settlement's summary. Shaping, conventions and the summary: settlement.ts.
import { SETTLEMENT_OUTPUT_PARAMETER, settlementLineReader, settlementSummary } from './settlement';
import type { FlatFileReportType } from './types';
import type { ColumnSpec } from '../../shared/pipeline/records';

const columns: ColumnSpec[] = [
	// Numeric, but an identifier: kept as text.
	{ key: 'settlementId', titles: ['settlement-id'], type: 'code' },
	// 'summary' for the settlement's own line, 'transaction' for the others (settlement.ts).
	{ key: 'lineType', titles: [], type: 'text' },
	{ key: 'settlementStartDate', titles: ['settlement-start-date'], type: 'datetime' },
	{ key: 'settlementEndDate', titles: ['settlement-end-date'], type: 'datetime' },
	{ key: 'depositDate', titles: ['deposit-date'], type: 'datetime' },
	{ key: 'totalAmount', titles: ['total-amount'], type: 'decimal' },
	{ key: 'currency', titles: ['currency'], type: 'text' },
	// Order, Refund, ServiceFee, other-transaction …
	{ key: 'transactionType', titles: ['transaction-type'], type: 'text' },
	{ key: 'orderId', titles: ['order-id'], type: 'code' },
	{ key: 'merchantOrderId', titles: ['merchant-order-id'], type: 'code' },
	{ key: 'adjustmentId', titles: ['adjustment-id'], type: 'code' },
	{ key: 'shipmentId', titles: ['shipment-id'], type: 'code' },
	{ key: 'marketplaceName', titles: ['marketplace-name'], type: 'text' },
	// ItemPrice, ItemFees, Promotion, ItemWithheldTax …, and within each: Principal, Commission …
	{ key: 'amountType', titles: ['amount-type'], type: 'text' },
	{ key: 'amountDescription', titles: ['amount-description'], type: 'text' },
	// Fees and refunds are negative.
	{ key: 'amount', titles: ['amount'], type: 'decimal' },
	// AFN (fulfilled by Amazon) or MFN (by the seller).
	{ key: 'fulfillmentId', titles: ['fulfillment-id'], type: 'text' },
	// The day as posted-date-time says it when the line has one (posted-date's order of day and month varies).
	{ key: 'postedDate', titles: ['posted-date'], type: 'date' },
	{ key: 'postedDateTime', titles: ['posted-date-time'], type: 'datetime' },
	{ key: 'orderItemCode', titles: ['order-item-code'], type: 'code' },
	{ key: 'merchantOrderItemId', titles: ['merchant-order-item-id'], type: 'code' },
	{ key: 'merchantAdjustmentItemId', titles: ['merchant-adjustment-item-id'], type: 'code' },
	{ key: 'sku', titles: ['sku'], type: 'code' },
	{ key: 'quantityPurchased', titles: ['quantity-purchased'], type: 'integer' },
	// Only in some files.
	{ key: 'promotionId', titles: ['promotion-id'], type: 'code' },
];

export const settlementReport: FlatFileReportType = {
	reportType: 'GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2',
	name: 'Settlement',
	description:
		'A settlement period’s payout, made by Amazon about every two weeks: its summary (deposit date, total), then each order, refund, fee and other amount settled in it',
	roles: ['Finance and Accounting'],
	format: 'tsv',
	requestable: false,
	dataRange: 'none',
	columns,
	parameters: [SETTLEMENT_OUTPUT_PARAMETER],
	outputParameter: SETTLEMENT_OUTPUT_PARAMETER.name,
	lineReader: settlementLineReader(columns),
	// Output "Summary per Settlement": a preset of the shared summary machinery.
	presets: { summary: settlementSummary(columns, [{ amount: 'amount', amountTypeKey: 'amountType', descriptionKey: 'amountDescription' }]) },
	// A US settlement laid out as a real one: UTF-8, amounts with thousands separators, dates with
	// " UTC", posted-date day first (09/06/25 is 9 June, as posted-date-time says) though Amazon
	// documents it month first. The emulator serves a German file for European marketplaces.
	sample: {
		text: [
			'settlement-id\tsettlement-start-date\tsettlement-end-date\tdeposit-date\ttotal-amount\tcurrency\ttransaction-type\torder-id\tmerchant-order-id\tadjustment-id\tshipment-id\tmarketplace-name\tamount-type\tamount-description\tamount\tfulfillment-id\tposted-date\tposted-date-time\torder-item-code\tmerchant-order-item-id\tmerchant-adjustment-item-id\tsku\tquantity-purchased\tpromotion-id',
			'24288538021\t2025-05-26 05:23:19 UTC\t2025-06-09 05:23:19 UTC\t2025-06-11 05:23:19 UTC\t909.20\tUSD\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t',
			'24288538021\t\t\t\t\t\tOrder\t113-4408219-7362615\t\t\tDmJ5vQz3B\tAmazon.com\tItemPrice\tPrincipal\t1,299.00\tAFN\t27/05/25\t2025-05-27 14:02:11 UTC\t58213974410282\t\t\tCAM-4K-PRO\t1\t',
			'24288538021\t\t\t\t\t\tOrder\t113-4408219-7362615\t\t\tDmJ5vQz3B\tAmazon.com\tItemPrice\tTax\t103.92\tAFN\t27/05/25\t2025-05-27 14:02:11 UTC\t58213974410282\t\t\tCAM-4K-PRO\t\t',
			'24288538021\t\t\t\t\t\tOrder\t113-4408219-7362615\t\t\tDmJ5vQz3B\tAmazon.com\tPromotion\tPrincipal\t-50.00\tAFN\t27/05/25\t2025-05-27 14:02:11 UTC\t58213974410282\t\t\tCAM-4K-PRO\t\tA2WQ5F1DXYZ9K3-PLM-3318',
			'24288538021\t\t\t\t\t\tOrder\t113-4408219-7362615\t\t\tDmJ5vQz3B\tAmazon.com\tItemWithheldTax\tMarketplaceFacilitatorTax-Principal\t-103.92\tAFN\t27/05/25\t2025-05-27 14:02:11 UTC\t58213974410282\t\t\tCAM-4K-PRO\t\t',
			'24288538021\t\t\t\t\t\tOrder\t113-4408219-7362615\t\t\tDmJ5vQz3B\tAmazon.com\tItemFees\tCommission\t-187.35\tAFN\t27/05/25\t2025-05-27 14:02:11 UTC\t58213974410282\t\t\tCAM-4K-PRO\t\t',
			'24288538021\t\t\t\t\t\tOrder\t113-4408219-7362615\t\t\tDmJ5vQz3B\tAmazon.com\tItemFees\tFBAPerUnitFulfillmentFee\t-7.17\tAFN\t27/05/25\t2025-05-27 14:02:11 UTC\t58213974410282\t\t\tCAM-4K-PRO\t\t',
			'24288538021\t\t\t\t\t\tOrder\t113-9921034-5540211\t\t\tD9rT2kWpN\tAmazon.com\tItemPrice\tPrincipal\t25.98\tAFN\t09/06/25\t2025-06-09 05:23:19 UTC\t60417283301554\t\t\tCABLE-USB-C-2M\t2\t',
			'24288538021\t\t\t\t\t\tOrder\t113-9921034-5540211\t\t\tD9rT2kWpN\tAmazon.com\tItemPrice\tTax\t2.08\tAFN\t09/06/25\t2025-06-09 05:23:19 UTC\t60417283301554\t\t\tCABLE-USB-C-2M\t\t',
			'24288538021\t\t\t\t\t\tOrder\t113-9921034-5540211\t\t\tD9rT2kWpN\tAmazon.com\tItemWithheldTax\tMarketplaceFacilitatorTax-Principal\t-2.08\tAFN\t09/06/25\t2025-06-09 05:23:19 UTC\t60417283301554\t\t\tCABLE-USB-C-2M\t\t',
			'24288538021\t\t\t\t\t\tOrder\t113-9921034-5540211\t\t\tD9rT2kWpN\tAmazon.com\tItemFees\tCommission\t-3.90\tAFN\t09/06/25\t2025-06-09 05:23:19 UTC\t60417283301554\t\t\tCABLE-USB-C-2M\t\t',
			'24288538021\t\t\t\t\t\tOrder\t113-9921034-5540211\t\t\tD9rT2kWpN\tAmazon.com\tItemFees\tFBAPerUnitFulfillmentFee\t-6.34\tAFN\t09/06/25\t2025-06-09 05:23:19 UTC\t60417283301554\t\t\tCABLE-USB-C-2M\t\t',
			'24288538021\t\t\t\t\t\tRefund\t113-2750018-0931266\t\tamzn1.sp.rfnd.3fXk9qT\t\tAmazon.com\tItemPrice\tPrincipal\t-12.99\tAFN\t02/06/25\t2025-06-02 18:40:57 UTC\t59120384718826\t\tFc5rXb2Q\tCABLE-USB-C-2M\t1\t',
			'24288538021\t\t\t\t\t\tRefund\t113-2750018-0931266\t\tamzn1.sp.rfnd.3fXk9qT\t\tAmazon.com\tItemPrice\tTax\t-1.04\tAFN\t02/06/25\t2025-06-02 18:40:57 UTC\t59120384718826\t\tFc5rXb2Q\tCABLE-USB-C-2M\t\t',
			'24288538021\t\t\t\t\t\tRefund\t113-2750018-0931266\t\tamzn1.sp.rfnd.3fXk9qT\t\tAmazon.com\tItemWithheldTax\tMarketplaceFacilitatorTax-Principal\t1.04\tAFN\t02/06/25\t2025-06-02 18:40:57 UTC\t59120384718826\t\tFc5rXb2Q\tCABLE-USB-C-2M\t\t',
			'24288538021\t\t\t\t\t\tRefund\t113-2750018-0931266\t\tamzn1.sp.rfnd.3fXk9qT\t\tAmazon.com\tItemFees\tCommission\t1.95\tAFN\t02/06/25\t2025-06-02 18:40:57 UTC\t59120384718826\t\tFc5rXb2Q\tCABLE-USB-C-2M\t\t',
			'24288538021\t\t\t\t\t\tRefund\t113-2750018-0931266\t\tamzn1.sp.rfnd.3fXk9qT\t\tAmazon.com\tItemFees\tRefundCommission\t-0.39\tAFN\t02/06/25\t2025-06-02 18:40:57 UTC\t59120384718826\t\tFc5rXb2Q\tCABLE-USB-C-2M\t\t',
			'24288538021\t\t\t\t\t\tServiceFee\t\t\t\t\tAmazon.com\tCost of Advertising\tTransactionTotalAmount\t-85.43\t\t31/05/25\t2025-05-31 07:12:44 UTC\t\t\t\t\t\t',
			'24288538021\t\t\t\t\t\tother-transaction\t\t\t\t\t\tother-transaction\tSubscription Fee\t-39.99\t\t26/05/25\t2025-05-26 11:05:02 UTC\t\t\t\t\t\t',
			'24288538021\t\t\t\t\t\tother-transaction\t\t\t\t\tAmazon.com\tother-transaction\tStorage Fee\t-24.17\t\t07/06/25\t2025-06-07 09:30:00 UTC\t\t\t\t\t\t',
			'',
		].join('\n'),
		charset: 'UTF-8',
		compression: 'GZIP',
	},
};
