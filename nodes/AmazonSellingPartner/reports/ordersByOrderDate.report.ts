// GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL: every order item placed in the range, one
// row per item (an order of three items is three rows). The header changed over the years (`url`
// until 2020, then `cpf` and `signature-confirmation-recommended`), so columns go by title.
import type { ColumnSpec } from '../../shared/pipeline/records';
import type { FlatFileReportType } from './types';

/** Both All Orders reports (by order date, by last update) have these columns. */
export const ORDER_COLUMNS: ColumnSpec[] = [
	{ key: 'amazonOrderId', titles: ['amazon-order-id'], type: 'code' },
	// Equal to the Amazon order ID for FBA orders, empty for most merchant-fulfilled ones.
	{ key: 'merchantOrderId', titles: ['merchant-order-id'], type: 'code' },
	{ key: 'purchaseDate', titles: ['purchase-date'], type: 'datetime' },
	{ key: 'lastUpdatedDate', titles: ['last-updated-date'], type: 'datetime' },
	{ key: 'orderStatus', titles: ['order-status'], type: 'text' },
	{ key: 'fulfillmentChannel', titles: ['fulfillment-channel'], type: 'text' },
	{ key: 'salesChannel', titles: ['sales-channel'], type: 'text' },
	{ key: 'orderChannel', titles: ['order-channel'], type: 'text' },
	// Only in files of the MWS era (up to 2020), always empty there.
	{ key: 'url', titles: ['url'], type: 'text' },
	{ key: 'shipServiceLevel', titles: ['ship-service-level'], type: 'text' },
	{ key: 'productName', titles: ['product-name'], type: 'text' },
	{ key: 'sku', titles: ['sku'], type: 'code' },
	{ key: 'asin', titles: ['asin'], type: 'code' },
	{ key: 'numberOfItems', titles: ['number-of-items'], type: 'integer' },
	{ key: 'itemStatus', titles: ['item-status'], type: 'text' },
	{ key: 'taxCollectionModel', titles: ['tax-collection-model'], type: 'text' },
	{ key: 'taxCollectionResponsibleParty', titles: ['tax-collection-responsible-party'], type: 'text' },
	{ key: 'quantity', titles: ['quantity'], type: 'integer' },
	// Empty, like the item price, on pending and some cancelled rows.
	{ key: 'currency', titles: ['currency'], type: 'text' },
	{ key: 'itemPrice', titles: ['item-price'], type: 'decimal' },
	{ key: 'itemTax', titles: ['item-tax'], type: 'decimal' },
	{ key: 'shippingPrice', titles: ['shipping-price'], type: 'decimal' },
	{ key: 'shippingTax', titles: ['shipping-tax'], type: 'decimal' },
	{ key: 'giftWrapPrice', titles: ['gift-wrap-price'], type: 'decimal' },
	{ key: 'giftWrapTax', titles: ['gift-wrap-tax'], type: 'decimal' },
	{ key: 'itemPromotionDiscount', titles: ['item-promotion-discount'], type: 'decimal' },
	{ key: 'shipPromotionDiscount', titles: ['ship-promotion-discount'], type: 'decimal' },
	{ key: 'addressType', titles: ['address-type'], type: 'text' },
	{ key: 'shipCity', titles: ['ship-city'], type: 'text' },
	{ key: 'shipState', titles: ['ship-state'], type: 'text' },
	// 01845 and 06614-1403 keep their leading zeros.
	{ key: 'shipPostalCode', titles: ['ship-postal-code'], type: 'code' },
	{ key: 'shipCountry', titles: ['ship-country'], type: 'text' },
	{ key: 'promotionIds', titles: ['promotion-ids'], type: 'text' },
	// Brazilian taxpayer number, empty elsewhere.
	{ key: 'cpf', titles: ['cpf'], type: 'code' },
	{ key: 'isBusinessOrder', titles: ['is-business-order'], type: 'boolean' },
	{ key: 'purchaseOrderNumber', titles: ['purchase-order-number'], type: 'code' },
	{ key: 'priceDesignation', titles: ['price-designation'], type: 'text' },
	{ key: 'signatureConfirmationRecommended', titles: ['signature-confirmation-recommended'], type: 'boolean' },
	{ key: 'isSoldByAb', titles: ['is-sold-by-ab'], type: 'boolean' },
];

export const ordersByOrderDateReport: FlatFileReportType = {
	reportType: 'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL',
	name: 'Orders by Order Date',
	description: 'Every order item placed in the range, any channel or status, with prices, taxes, promotions and ship-to city',
	roles: ['Inventory and Order Tracking', 'Amazon Fulfillment', 'Direct-to-Consumer Shipping', 'Pricing'],
	format: 'tsv',
	requestable: true,
	dataRange: { defaultDays: 7 },
	columns: ORDER_COLUMNS,
	// Real FBA rows of 2020 (the header with `url`); product names hold unescaped " (inches).
	sample: {
		text: [
			'amazon-order-id\tmerchant-order-id\tpurchase-date\tlast-updated-date\torder-status\tfulfillment-channel\tsales-channel\torder-channel\turl\tship-service-level\tproduct-name\tsku\tasin\titem-status\tquantity\tcurrency\titem-price\titem-tax\tshipping-price\tshipping-tax\tgift-wrap-price\tgift-wrap-tax\titem-promotion-discount\tship-promotion-discount\tship-city\tship-state\tship-postal-code\tship-country\tpromotion-ids\tis-business-order\tpurchase-order-number\tprice-designation',
			'114-4892924-3377867\t114-4892924-3377867\t2020-02-18T05:05:21+00:00\t2020-02-18T17:23:22+00:00\tShipped\tAmazon\tAmazon.com\t\t\tExpedited\tTrendy Home 12" x 18" Premium Hypoallergenic Stuffer Home Office Decorative Throw Pillow Insert, Standard/White (12x18)\tth1218\tB07K1FNN7M\tShipped\t1\tUSD\t7.49\t\t\t\t\t\t\t\tMEMPHIS\tTN\t38117-3311\tUS\t\tfalse\t\t',
			'113-9925451-0581038\t113-9925451-0581038\t2020-02-18T05:02:46+00:00\t2020-02-18T16:42:18+00:00\tShipped\tAmazon\tAmazon.com\t\t\tExpedited\tTrendy Home 20" x 20" Premium Hypoallergenic Stuffer Home Office Decorative Throw Pillow Insert, Standard/White (20x20(4pack))\tth20p4\tB07JQBJDRC\tShipped\t1\tUSD\t25.99\t2.14\t\t\t\t\t\t\tGRAND PRAIRIE\tTX\t75050-7893\tUS\t\tfalse\t\t',
			'112-6474735-6981805\t112-6474735-6981805\t2020-02-18T04:37:50+00:00\t2020-02-18T21:41:29+00:00\tShipped\tAmazon\tAmazon.com\t\t\tExpedited\tTrendy Home 12" x 20" Premium Hypoallergenic Stuffer Home Office Decorative Throw Pillow Insert, Standard/White (12x20)\tth1220\tB07JP4XQ4J\tShipped\t1\tUSD\t7.49\t0.48\t\t\t\t\t\t\tSTRATFORD\tCT\t06614-1403\tUS\t\tfalse\t\t',
			'',
		].join('\n'),
		charset: 'UTF-8',
		compression: 'GZIP',
	},
};
