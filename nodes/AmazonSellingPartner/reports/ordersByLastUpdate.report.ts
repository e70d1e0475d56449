// GET_FLAT_FILE_ALL_ORDERS_DATA_BY_LAST_UPDATE_GENERAL: every order item whose order changed in the
// range (placed, shipped, cancelled …), one row per item. Same columns as Orders by Order Date:
// Amazon's docs leave `cpf` out for this one, but real files have it.
import { ORDER_COLUMNS } from './ordersByOrderDate.report';
import type { FlatFileReportType } from './types';

export const ordersByLastUpdateReport: FlatFileReportType = {
	reportType: 'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_LAST_UPDATE_GENERAL',
	name: 'Orders by Last Update',
	description: 'Every order item whose order was updated in the range (new, shipped, cancelled), with prices, taxes and ship-to city',
	roles: ['Inventory and Order Tracking', 'Amazon Fulfillment', 'Direct-to-Consumer Shipping', 'Pricing', 'Product Listing'],
	format: 'tsv',
	requestable: true,
	dataRange: { defaultDays: 7 },
	columns: ORDER_COLUMNS,
	// Real cancelled merchant-fulfilled rows of 2022; the last one has no currency or price.
	sample: {
		text: [
			'amazon-order-id\tmerchant-order-id\tpurchase-date\tlast-updated-date\torder-status\tfulfillment-channel\tsales-channel\torder-channel\tship-service-level\tproduct-name\tsku\tasin\titem-status\tquantity\tcurrency\titem-price\titem-tax\tshipping-price\tshipping-tax\tgift-wrap-price\tgift-wrap-tax\titem-promotion-discount\tship-promotion-discount\tship-city\tship-state\tship-postal-code\tship-country\tpromotion-ids\tcpf\tis-business-order\tpurchase-order-number\tprice-designation\tsignature-confirmation-recommended',
			'114-3041148-1777835\t\t2022-07-18T00:32:07+00:00\t2022-07-28T07:24:14+00:00\tCancelled\tMerchant\tAmazon.com\tWebsiteOrderChannel\tStandard\tBeyond Meat Beyond Burger Plant-Based Patties 2 pk, 8 oz (Frozen)\t2J-D6V7-C8XI\tB074K5MDLW\t\t0\tUSD\t7.0\t0.09\t\t\t\t\t\t\tBURBANK\tIL\t60459-3101\tUS\t\t\tfalse\t\t\tfalse',
			'112-3669120-1845053\t\t2022-07-14T21:59:53+00:00\t2022-07-26T07:16:14+00:00\tCancelled\tMerchant\tAmazon.com\tWebsiteOrderChannel\tStandard\tHouse Foods, Tofu Shirataki, Spaghetti Shaped Tofu, 8 oz\t0R-4KDA-Z2U8\tB000VHYM2E\t\t0\tUSD\t10.0\t\t\t\t\t\t\t\tNorth Andover\tMA\t01845\tUS\t\t\tfalse\t\t\tfalse',
			'113-3281105-7707448\t\t2022-07-25T16:07:42+00:00\t2022-07-25T16:13:14+00:00\tCancelled\tMerchant\tAmazon.com\tWebsiteOrderChannel\tStandard\tBeyond Meat Beyond Burger Plant-Based Patties 2 pk, 8 oz (Frozen)\t2J-D6V7-C8XI\tB074K5MDLW\t\t0\t\t\t\t\t\t\t\t\t\tNEW YORK\tNY\t10023-7107\tUS\t\t\tfalse\t\t\tfalse',
			'',
		].join('\n'),
		charset: 'UTF-8',
		compression: 'GZIP',
	},
};
