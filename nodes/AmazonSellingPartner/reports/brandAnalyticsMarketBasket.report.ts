// GET_BRAND_ANALYTICS_MARKET_BASKET_REPORT (JSON, schema sellingPartnerMarketBasketAnalysisReport):
// per ASIN of the brand and period, the products most often bought with it (any brand's). One item
// per pair, each ending with the report's period, dates and marketplace.
import type { IDataObject } from 'n8n-workflow';

import { analyticsReport } from './analytics';
import type { StreamedReportType } from './types';

export const brandAnalyticsMarketBasketReport: StreamedReportType = analyticsReport({
	reportType: 'GET_BRAND_ANALYTICS_MARKET_BASKET_REPORT',
	name: 'Brand Analytics Market Basket',
	description: 'The products customers most often buy together with each of your ASINs, per day, week, month or quarter',
	prefix: 'marketBasket',
	periods: { values: ['DAY', 'WEEK', 'MONTH', 'QUARTER'], onePeriod: false },
	lists: ['dataByAsin'],
	example: amazonExample(),
});

/** Amazon's example document of the report schema (its first rows). */
function amazonExample(): IDataObject {
	return {
		reportSpecification: {
			reportType: 'GET_BRAND_ANALYTICS_MARKET_BASKET_REPORT',
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
				purchasedWithAsin: 'B1A345B78C',
				purchasedWithRank: 1,
				combinationPct: 0.028,
			},
			{
				startDate: '2021-06-06',
				endDate: '2021-06-12',
				asin: 'B123456789',
				purchasedWithAsin: 'B1D345E78F',
				purchasedWithRank: 2,
				combinationPct: 0.0229,
			},
			{
				startDate: '2021-06-06',
				endDate: '2021-06-12',
				asin: 'B123456789',
				purchasedWithAsin: 'B1G345H78I',
				purchasedWithRank: 3,
				combinationPct: 0.0212,
			},
		],
	};
}
