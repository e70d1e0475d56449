// GET_VENDOR_SALES_REPORT (JSON, schema vendorSalesReport): a vendor's sales per period, for the
// whole catalogue (salesAggregate) and per ASIN (salesByAsin). One item per row, told apart by
// `list` (aggregate rows have asin null), money as amount and currency; each ends with the report's
// period, distributor view, selling program, dates and marketplace. Ordered revenue and units come
// with the MANUFACTURING view only, customer returns not for FRESH: null then.
import type { IDataObject } from 'n8n-workflow';

import { analyticsReport } from './analytics';
import type { StreamedReportType } from './types';

export const vendorSalesReport: StreamedReportType = analyticsReport({
	reportType: 'GET_VENDOR_SALES_REPORT',
	name: 'Vendor Sales',
	description: 'Vendor Central: ordered and shipped revenue, units, cost of goods and returns, for the catalogue and per ASIN, per day, week, month, quarter or year',
	prefix: 'vendorSales',
	periods: { values: ['DAY', 'WEEK', 'MONTH', 'QUARTER', 'YEAR'], onePeriod: false },
	distributorView: true,
	sellingPrograms: ['BUSINESS', 'FRESH', 'RETAIL'],
	lists: ['salesAggregate', 'salesByAsin'],
	lastUpdated: true,
	example: amazonExample(),
});

/** Amazon's example document of the report schema (its first rows). */
function amazonExample(): IDataObject {
	return {
		reportSpecification: {
			reportType: 'GET_VENDOR_SALES_REPORT',
			reportOptions: { distributorView: 'MANUFACTURING', reportPeriod: 'WEEK', sellingProgram: 'RETAIL' },
			lastUpdatedDate: '2021-06-20',
			dataStartTime: '2021-06-06',
			dataEndTime: '2021-06-19',
			marketplaceIds: ['ATVPDKIKX0DER'],
		},
		salesAggregate: [
			{
				startDate: '2021-06-06',
				endDate: '2021-06-12',
				customerReturns: 0,
				orderedRevenue: { amount: 1500, currencyCode: 'USD' },
				orderedUnits: 75,
				shippedCogs: { amount: 90, currencyCode: 'USD' },
				shippedRevenue: { amount: 200, currencyCode: 'USD' },
				shippedUnits: 10,
			},
			{
				startDate: '2021-06-13',
				endDate: '2021-06-19',
				customerReturns: 0,
				orderedRevenue: { amount: 0, currencyCode: 'USD' },
				orderedUnits: 0,
				shippedCogs: { amount: 0, currencyCode: 'USD' },
				shippedRevenue: { amount: 0, currencyCode: 'USD' },
				shippedUnits: 0,
			},
		],
		salesByAsin: [
			{
				startDate: '2021-06-06',
				endDate: '2021-06-12',
				asin: 'B123456789',
				customerReturns: 0,
				orderedRevenue: { amount: 1000, currencyCode: 'USD' },
				orderedUnits: 25,
				shippedCogs: { amount: 50, currencyCode: 'USD' },
				shippedRevenue: { amount: 150, currencyCode: 'USD' },
				shippedUnits: 5,
			},
			{
				startDate: '2021-06-06',
				endDate: '2021-06-12',
				asin: 'B987654321',
				customerReturns: 0,
				orderedRevenue: { amount: 500, currencyCode: 'USD' },
				orderedUnits: 50,
				shippedCogs: { amount: 40, currencyCode: 'USD' },
				shippedRevenue: { amount: 50, currencyCode: 'USD' },
				shippedUnits: 5,
			},
			{
				startDate: '2021-06-13',
				endDate: '2021-06-19',
				asin: 'B123456789',
				customerReturns: 0,
				orderedRevenue: { amount: 0, currencyCode: 'USD' },
				orderedUnits: 0,
				shippedCogs: { amount: 0, currencyCode: 'USD' },
				shippedRevenue: { amount: 0, currencyCode: 'USD' },
				shippedUnits: 0,
			},
			{
				startDate: '2021-06-13',
				endDate: '2021-06-19',
				asin: 'B987654321',
				customerReturns: 0,
				orderedRevenue: { amount: 0, currencyCode: 'USD' },
				orderedUnits: 0,
				shippedCogs: { amount: 0, currencyCode: 'USD' },
				shippedRevenue: { amount: 0, currencyCode: 'USD' },
				shippedUnits: 0,
			},
		],
	};
}
