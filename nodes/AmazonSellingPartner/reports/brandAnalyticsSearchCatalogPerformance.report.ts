// GET_BRAND_ANALYTICS_SEARCH_CATALOG_PERFORMANCE_REPORT (JSON, schema
// sellingPartnerSearchCatalogPerformanceReport): per ASIN of the brand, its search funnel
// (impressions, clicks, cart adds, purchases, sales from search) for one week, month or quarter. One
// item per ASIN: its metric groups flattened, prices and sales as amount and currency.
import type { IDataObject } from 'n8n-workflow';

import { analyticsReport } from './analytics';
import type { StreamedReportType } from './types';

export const brandAnalyticsSearchCatalogPerformanceReport: StreamedReportType = analyticsReport({
	reportType: 'GET_BRAND_ANALYTICS_SEARCH_CATALOG_PERFORMANCE_REPORT',
	name: 'Brand Analytics Search Catalog Performance',
	description: 'Search impressions, clicks, cart adds, purchases and sales per ASIN of your brand, for a week, month or quarter',
	prefix: 'searchCatalogPerformance',
	periods: { values: ['WEEK', 'MONTH', 'QUARTER'], onePeriod: true },
	asins: {
		option: 'asins',
		description: 'Only these ASINs, separated by spaces or commas (at most 200 characters with the spaces). Empty: every ASIN of your brand.',
		tooMany: 'Amazon takes 200 characters of ASINs per report (18 ASINs with the spaces between them). Leave it empty for every ASIN of your brand, or split them over several items.',
	},
	lists: ['dataByAsin'],
	example: amazonExample(),
});

/** Amazon's example document of the report schema (its first rows). */
function amazonExample(): IDataObject {
	return {
		reportSpecification: {
			reportType: 'GET_BRAND_ANALYTICS_SEARCH_CATALOG_PERFORMANCE_REPORT',
			reportOptions: { reportPeriod: 'WEEK', asins: 'B123456789 B987654321' },
			dataStartTime: '2025-01-05',
			dataEndTime: '2025-01-11',
			marketplaceIds: ['ATVPDKIKX0DER'],
		},
		dataByAsin: [
			{
				startDate: '2025-01-05',
				endDate: '2025-01-11',
				asin: 'B123456789',
				impressionData: {
					impressionCount: 10000,
					impressionMedianPrice: { amount: 19.99, currencyCode: 'USD' },
					sameDayShippingImpressionCount: 5000,
					oneDayShippingImpressionCount: 3000,
					twoDayShippingImpressionCount: 2000,
				},
				clickData: {
					clickCount: 1000,
					clickRate: 0.1,
					clickedMedianPrice: { amount: 19.99, currencyCode: 'USD' },
					sameDayShippingClickCount: 500,
					oneDayShippingClickCount: 300,
					twoDayShippingClickCount: 200,
				},
				cartAddData: {
					cartAddCount: 100,
					cartAddedMedianPrice: { amount: 19.99, currencyCode: 'USD' },
					sameDayShippingCartAddCount: 50,
					oneDayShippingCartAddCount: 30,
					twoDayShippingCartAddCount: 20,
				},
				purchaseData: {
					purchaseCount: 50,
					searchTrafficSales: { amount: 999.5, currencyCode: 'USD' },
					conversionRate: 0.05,
					purchaseMedianPrice: { amount: 19.99, currencyCode: 'USD' },
					sameDayShippingPurchaseCount: 25,
					oneDayShippingPurchaseCount: 15,
					twoDayShippingPurchaseCount: 10,
				},
			},
			{
				startDate: '2025-01-05',
				endDate: '2025-01-11',
				asin: 'B987654321',
				impressionData: {
					impressionCount: 10000,
					impressionMedianPrice: { amount: 19.99, currencyCode: 'USD' },
					sameDayShippingImpressionCount: 5000,
					oneDayShippingImpressionCount: 3000,
					twoDayShippingImpressionCount: 2000,
				},
				clickData: {
					clickCount: 1000,
					clickRate: 0.1,
					clickedMedianPrice: { amount: 19.99, currencyCode: 'USD' },
					sameDayShippingClickCount: 500,
					oneDayShippingClickCount: 300,
					twoDayShippingClickCount: 200,
				},
				cartAddData: {
					cartAddCount: 100,
					cartAddedMedianPrice: { amount: 19.99, currencyCode: 'USD' },
					sameDayShippingCartAddCount: 50,
					oneDayShippingCartAddCount: 30,
					twoDayShippingCartAddCount: 20,
				},
				purchaseData: {
					purchaseCount: 50,
					searchTrafficSales: { amount: 999.5, currencyCode: 'USD' },
					conversionRate: 0.05,
					purchaseMedianPrice: { amount: 19.99, currencyCode: 'USD' },
					sameDayShippingPurchaseCount: 25,
					oneDayShippingPurchaseCount: 15,
					twoDayShippingPurchaseCount: 10,
				},
			},
		],
	};
}
