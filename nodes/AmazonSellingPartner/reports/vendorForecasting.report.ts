// GET_VENDOR_FORECASTING_REPORT (JSON, schema vendorForecastingReport): Amazon's forecast of customer
// demand for a vendor's products, per ASIN and coming week: mean, 70th, 80th and 90th percentile
// units. One item per ASIN and week; the report covers Amazon's latest forecast (no date range).
import type { IDataObject } from 'n8n-workflow';

import { analyticsReport } from './analytics';
import type { StreamedReportType } from './types';

export const vendorForecastingReport: StreamedReportType = analyticsReport({
	reportType: 'GET_VENDOR_FORECASTING_REPORT',
	name: 'Vendor Forecasting',
	description: 'Vendor Central: Amazon’s forecast of customer demand per ASIN and week (mean, P70, P80 and P90 units)',
	prefix: 'vendorForecasting',
	sellingPrograms: ['FRESH', 'RETAIL'],
	lists: ['forecastByAsin'],
	lastUpdated: true,
	example: amazonExample(),
});

/** Amazon's example document of the report schema (its first rows). */
function amazonExample(): IDataObject {
	return {
		reportSpecification: {
			reportType: 'GET_VENDOR_FORECASTING_REPORT',
			reportOptions: { sellingProgram: 'RETAIL' },
			lastUpdatedDate: '2021-06-20',
			marketplaceIds: ['ATVPDKIKX0DER'],
		},
		forecastByAsin: [
			{
				forecastGenerationDate: '2021-06-06',
				asin: 'B123456789',
				startDate: '2021-06-06',
				endDate: '2021-06-12',
				meanForecastUnits: 3.1,
				p70ForecastUnits: 3.9,
				p80ForecastUnits: 30.3,
				p90ForecastUnits: 300.7,
			},
			{
				forecastGenerationDate: '2021-06-06',
				asin: 'B123456789',
				startDate: '2021-06-13',
				endDate: '2021-06-19',
				meanForecastUnits: 3.1,
				p70ForecastUnits: 3.9,
				p80ForecastUnits: 30.3,
				p90ForecastUnits: 300.7,
			},
			{
				forecastGenerationDate: '2021-06-06',
				asin: 'B123456789',
				startDate: '2021-06-20',
				endDate: '2021-06-26',
				meanForecastUnits: 3.1,
				p70ForecastUnits: 3.9,
				p80ForecastUnits: 30.3,
				p90ForecastUnits: 300.7,
			},
			{
				forecastGenerationDate: '2021-06-06',
				asin: 'B123456789',
				startDate: '2021-06-27',
				endDate: '2021-07-03',
				meanForecastUnits: 3.1,
				p70ForecastUnits: 3.9,
				p80ForecastUnits: 30.3,
				p90ForecastUnits: 300.7,
			},
		],
	};
}
