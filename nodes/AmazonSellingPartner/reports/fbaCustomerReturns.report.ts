// GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA: customer returns received at Amazon's fulfilment
// centres, one row per return, updated daily. Files say `order-id`; Seller Central help calls it
// `amazon-order-id` (and AU help `Fulfilment-centre-id`), so both spellings are known.
import type { FlatFileReportType } from './types';

export const fbaCustomerReturnsReport: FlatFileReportType = {
	reportType: 'GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA',
	name: 'FBA Customer Returns',
	description: 'Returns of FBA orders received at Amazon, with the reason, the disposition of the unit and its status',
	roles: ['Amazon Fulfillment', 'Pricing'],
	format: 'tsv',
	requestable: true,
	dataRange: { defaultDays: 30 },
	columns: [
		{ key: 'returnDate', titles: ['return-date'], type: 'datetime' },
		{ key: 'orderId', titles: ['order-id', 'amazon-order-id'], type: 'code' },
		{ key: 'sku', titles: ['sku'], type: 'code' },
		{ key: 'asin', titles: ['asin'], type: 'code' },
		{ key: 'fnsku', titles: ['fnsku'], type: 'code' },
		{ key: 'productName', titles: ['product-name'], type: 'text' },
		{ key: 'quantity', titles: ['quantity'], type: 'integer' },
		{ key: 'fulfillmentCenterId', titles: ['fulfillment-center-id', 'fulfilment-centre-id'], type: 'code' },
		// SELLABLE, CUSTOMER_DAMAGED, DEFECTIVE, CARRIER_DAMAGED …: what became of the unit.
		{ key: 'detailedDisposition', titles: ['detailed-disposition'], type: 'text' },
		{ key: 'reason', titles: ['reason'], type: 'text' },
		{ key: 'status', titles: ['status'], type: 'text' },
		{ key: 'licensePlateNumber', titles: ['license-plate-number'], type: 'code' },
		{ key: 'customerComments', titles: ['customer-comments'], type: 'text' },
	],
	// A real row of 2025, then two made-up ones (one with a comment holding a plain ").
	sample: {
		text: [
			'return-date\torder-id\tsku\tasin\tfnsku\tproduct-name\tquantity\tfulfillment-center-id\tdetailed-disposition\treason\tstatus\tlicense-plate-number\tcustomer-comments',
			'2025-06-05T15:31:40+00:00\t114-2962899-5762619\tLVA1004-UPC\tB00TZ73MUY\tB00TZ73MUY\tVive Alternating Air Pressure Mattress Pad\t1\tLEX1\tCUSTOMER_DAMAGED\tNOT_COMPATIBLE\tIMMEDIATE_DONATION\tLPNNC5N165ZVR\t',
			'2025-06-20T10:11:12+00:00\t408-1234567-0000001\tZEN-001\tB0TEST0001\tX0TEST0001\tZensil Copper Bottle\t1\tDEL4\tSELLABLE\tUNWANTED_ITEM\tUnit returned to inventory\tLPN-AAA-111\t',
			'2025-06-22T18:40:03+00:00\t113-5550123-4567890\t0712\tB07K1FNN7M\tX001ABCDE1\tTrendy Home 12" x 18" Pillow Insert\t2\tMEM1\tDEFECTIVE\tDEFECTIVE\tReimbursed\tLPNRR2K884QXA\tSeams split after a week, the 18" one is flat',
			'',
		].join('\n'),
		charset: 'UTF-8',
		compression: 'GZIP',
	},
};
