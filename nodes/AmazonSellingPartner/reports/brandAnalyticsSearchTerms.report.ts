// GET_BRAND_ANALYTICS_SEARCH_TERMS_REPORT (JSON, schema sellingPartnerSearchTermsReport): the three
// most clicked ASINs of each search term, by department, for one marketplace and one day, week, month
// or quarter. Documents of several GB: they stream, one item per row, each ending with the report's
// period, dates and marketplace.
import type { IDataObject } from 'n8n-workflow';

import { analyticsReport } from './analytics';
import type { StreamedReportType } from './types';

export const brandAnalyticsSearchTermsReport: StreamedReportType = analyticsReport({
	reportType: 'GET_BRAND_ANALYTICS_SEARCH_TERMS_REPORT',
	name: 'Brand Analytics Search Terms',
	description: 'The three most clicked ASINs per search term and department, with click and conversion shares, for a day, week, month or quarter',
	prefix: 'searchTerms',
	periods: { values: ['DAY', 'WEEK', 'MONTH', 'QUARTER'], onePeriod: true },
	lists: ['dataByDepartmentAndSearchTerm'],
	example: amazonExample(),
});

/** Amazon's example document of the report schema (its first rows). */
function amazonExample(): IDataObject {
	return {
		reportSpecification: {
			reportType: 'GET_BRAND_ANALYTICS_SEARCH_TERMS_REPORT',
			reportOptions: { reportPeriod: 'WEEK' },
			dataStartTime: '2021-06-06',
			dataEndTime: '2021-06-12',
			marketplaceIds: ['ATVPDKIKX0DER'],
		},
		dataByDepartmentAndSearchTerm: [
			{
				departmentName: 'Amazon.com',
				searchTerm: 'search term rank one',
				searchFrequencyRank: 1,
				clickedAsin: 'B123456789',
				clickShareRank: 1,
				clickShare: 0.0771,
				conversionShare: 0.0874,
			},
			{
				departmentName: 'Amazon.com',
				searchTerm: 'search term rank one',
				searchFrequencyRank: 1,
				clickedAsin: 'B987654321',
				clickShareRank: 2,
				clickShare: 0.0726,
				conversionShare: 0.0974,
			},
			{
				departmentName: 'Amazon.com',
				searchTerm: 'search term rank one',
				searchFrequencyRank: 1,
				clickedAsin: 'B897654321',
				clickShareRank: 3,
				clickShare: 0.0405,
				conversionShare: 0.0854,
			},
			{
				departmentName: 'Amazon.com',
				searchTerm: 'search term rank two',
				searchFrequencyRank: 2,
				clickedAsin: 'B123454321',
				clickShareRank: 1,
				clickShare: 0.0567,
				conversionShare: 0.123,
			},
			{
				departmentName: 'Amazon.com',
				searchTerm: 'search term rank two',
				searchFrequencyRank: 2,
				clickedAsin: 'B567898765',
				clickShareRank: 2,
				clickShare: 0.0371,
				conversionShare: 0.0854,
			},
			{
				departmentName: 'Amazon.com',
				searchTerm: 'search term rank two',
				searchFrequencyRank: 2,
				clickedAsin: 'B135797531',
				clickShareRank: 3,
				clickShare: 0.0205,
				conversionShare: 0.0469,
			},
		],
	};
}
