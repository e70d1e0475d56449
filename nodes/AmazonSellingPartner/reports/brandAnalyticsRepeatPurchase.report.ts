// GET_BRAND_ANALYTICS_REPEAT_PURCHASE_REPORT (JSON, schema sellingPartnerRepeatPurchaseReport): per
// ASIN and period, orders, unique customers and how many of them bought again. One item per row,
// the repeat purchase revenue as amount and currency.
import type { IDataObject } from 'n8n-workflow';

import { analyticsReport } from './analytics';
import type { StreamedReportType } from './types';

export const brandAnalyticsRepeatPurchaseReport: StreamedReportType = analyticsReport({
	reportType: 'GET_BRAND_ANALYTICS_REPEAT_PURCHASE_REPORT',
	name: 'Brand Analytics Repeat Purchase',
	description: 'Orders, unique customers and repeat customers per ASIN, with repeat purchase revenue, per week, month or quarter',
	prefix: 'repeatPurchase',
	periods: { values: ['WEEK', 'MONTH', 'QUARTER'], onePeriod: false },
	lists: ['dataByAsin'],
	example: amazonExample(),
});

/** Amazon's example document of the report schema (its first rows). */
function amazonExample(): IDataObject {
	return {
		reportSpecification: {
			reportType: 'GET_BRAND_ANALYTICS_REPEAT_PURCHASE_REPORT',
			reportOptions: { reportPeriod: 'WEEK' },
			dataStartTime: '2021-06-06',
			dataEndTime: '2021-06-19',
			marketplaceIds: ['ATVPDKIKX0DER'],
		},
		dataByAsin: [
			{
				startDate: '2021-06-06',
				endDate: '2021-06-12',
				asin: 'B123456789',
				orders: 1256,
				uniqueCustomers: 1201,
				repeatCustomersPctTotal: 0.0083,
				repeatPurchaseRevenue: { amount: 2246.13, currencyCode: 'USD' },
				repeatPurchaseRevenuePctTotal: 0.0217,
			},
			{
				startDate: '2021-06-06',
				endDate: '2021-06-12',
				asin: 'B234567890',
				orders: 2561,
				uniqueCustomers: 43,
				repeatCustomersPctTotal: 0.1234,
				repeatPurchaseRevenue: { amount: 1234.56, currencyCode: 'USD' },
				repeatPurchaseRevenuePctTotal: 0.0465,
			},
			{
				startDate: '2021-06-13',
				endDate: '2021-06-19',
				asin: 'B987654321',
				orders: 6541,
				uniqueCustomers: 123,
				repeatCustomersPctTotal: 0.0129,
				repeatPurchaseRevenue: { amount: 1662.46, currencyCode: 'USD' },
				repeatPurchaseRevenuePctTotal: 0.8717,
			},
		],
	};
}
