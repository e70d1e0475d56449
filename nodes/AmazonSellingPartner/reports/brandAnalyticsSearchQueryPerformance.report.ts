// GET_BRAND_ANALYTICS_SEARCH_QUERY_PERFORMANCE_REPORT (JSON, schema
// sellingPartnerSearchQueryPerformanceReport): per ASIN asked for and search query, the query's
// volume and the funnel (impressions, clicks, cart adds, purchases) of all ASINs and of this one, for
// one week, month or quarter. One item per row: its metric groups flattened, median prices as amount
// and currency.
import type { IDataObject } from 'n8n-workflow';

import { analyticsReport } from './analytics';
import type { StreamedReportType } from './types';

export const brandAnalyticsSearchQueryPerformanceReport: StreamedReportType = analyticsReport({
	reportType: 'GET_BRAND_ANALYTICS_SEARCH_QUERY_PERFORMANCE_REPORT',
	name: 'Brand Analytics Search Query Performance',
	description: 'Impressions, clicks, cart adds and purchases per search query for the ASINs you name, against all ASINs, for a week, month or quarter',
	prefix: 'searchQueryPerformance',
	periods: { values: ['WEEK', 'MONTH', 'QUARTER'], onePeriod: true },
	asins: {
		option: 'asin',
		description: 'The ASINs to report on, separated by spaces or commas (Amazon’s asin report option): one report covers them all',
		hint: 'At most 200 characters with the spaces between them, so up to 18 ASINs. Amazon makes about 20 of these reports a day per selling account: put several ASINs in one report rather than one report each.',
		tooMany: 'Amazon takes 200 characters of ASINs per report (18 ASINs with the spaces between them). Split them over several items or nodes, keeping in mind that Amazon makes about 20 Search Query Performance reports a day per selling account.',
	},
	lists: ['dataByAsin'],
	example: amazonExample(),
});

/** Amazon's example document of the report schema (its first rows). */
function amazonExample(): IDataObject {
	return {
		reportSpecification: {
			reportType: 'GET_BRAND_ANALYTICS_SEARCH_QUERY_PERFORMANCE_REPORT',
			reportOptions: { reportPeriod: 'WEEK', asin: 'B123456789 B987654321' },
			dataStartTime: '2025-01-05',
			dataEndTime: '2025-01-11',
			marketplaceIds: ['ATVPDKIKX0DER'],
		},
		dataByAsin: [
			{
				startDate: '2025-01-05',
				endDate: '2025-01-11',
				asin: 'B123456789',
				searchQueryData: { searchQuery: 'wireless headphones', searchQueryScore: 5, searchQueryVolume: 15000 },
				impressionData: { totalQueryImpressionCount: 10000, asinImpressionCount: 765, asinImpressionShare: 0.0765 },
				clickData: {
					totalClickCount: 1000,
					totalClickRate: 0.1,
					asinClickCount: 50,
					asinClickShare: 0.05,
					totalMedianClickPrice: { amount: 19.99, currencyCode: 'USD' },
					asinMedianClickPrice: { amount: 19.99, currencyCode: 'USD' },
					totalSameDayShippingClickCount: 200,
					totalOneDayShippingClickCount: 300,
					totalTwoDayShippingClickCount: 500,
				},
				cartAddData: {
					totalCartAddCount: 200,
					totalCartAddRate: 0.02,
					asinCartAddCount: 10,
					asinCartAddShare: 0.05,
					totalMedianCartAddPrice: { amount: 19.99, currencyCode: 'USD' },
					asinMedianCartAddPrice: { amount: 19.99, currencyCode: 'USD' },
					totalSameDayShippingCartAddCount: 40,
					totalOneDayShippingCartAddCount: 60,
					totalTwoDayShippingCartAddCount: 100,
				},
				purchaseData: {
					totalPurchaseCount: 100,
					totalPurchaseRate: 0.01,
					asinPurchaseCount: 5,
					asinPurchaseShare: 0.05,
					totalMedianPurchasePrice: { amount: 19.99, currencyCode: 'USD' },
					asinMedianPurchasePrice: { amount: 19.99, currencyCode: 'USD' },
					totalSameDayShippingPurchaseCount: 20,
					totalOneDayShippingPurchaseCount: 30,
					totalTwoDayShippingPurchaseCount: 50,
				},
			},
			{
				startDate: '2025-01-05',
				endDate: '2025-01-11',
				asin: 'B987654321',
				searchQueryData: { searchQuery: 'wireless headphones', searchQueryScore: 5, searchQueryVolume: 15000 },
				impressionData: { totalQueryImpressionCount: 10000, asinImpressionCount: 765, asinImpressionShare: 0.0765 },
				clickData: {
					totalClickCount: 1000,
					totalClickRate: 0.1,
					asinClickCount: 50,
					asinClickShare: 0.05,
					totalMedianClickPrice: { amount: 19.99, currencyCode: 'USD' },
					asinMedianClickPrice: { amount: 19.99, currencyCode: 'USD' },
					totalSameDayShippingClickCount: 200,
					totalOneDayShippingClickCount: 300,
					totalTwoDayShippingClickCount: 500,
				},
				cartAddData: {
					totalCartAddCount: 200,
					totalCartAddRate: 0.02,
					asinCartAddCount: 10,
					asinCartAddShare: 0.05,
					totalMedianCartAddPrice: { amount: 19.99, currencyCode: 'USD' },
					asinMedianCartAddPrice: { amount: 19.99, currencyCode: 'USD' },
					totalSameDayShippingCartAddCount: 40,
					totalOneDayShippingCartAddCount: 60,
					totalTwoDayShippingCartAddCount: 100,
				},
				purchaseData: {
					totalPurchaseCount: 100,
					totalPurchaseRate: 0.01,
					asinPurchaseCount: 5,
					asinPurchaseShare: 0.05,
					totalMedianPurchasePrice: { amount: 19.99, currencyCode: 'USD' },
					asinMedianPurchasePrice: { amount: 19.99, currencyCode: 'USD' },
					totalSameDayShippingPurchaseCount: 20,
					totalOneDayShippingPurchaseCount: 30,
					totalTwoDayShippingPurchaseCount: 50,
				},
			},
		],
	};
}
