// GET_VENDOR_TRAFFIC_REPORT (JSON, schema vendorTrafficReport): glance views (detail page views) of
// a vendor's products per period, for the whole catalogue (trafficAggregate) and per ASIN
// (trafficByAsin). One item per row, told apart by `list` (aggregate rows have asin null).
import type { IDataObject } from 'n8n-workflow';

import { analyticsReport } from './analytics';
import type { StreamedReportType } from './types';

export const vendorTrafficReport: StreamedReportType = analyticsReport({
	reportType: 'GET_VENDOR_TRAFFIC_REPORT',
	name: 'Vendor Traffic',
	description: 'Vendor Central: glance views (detail page views), for the catalogue and per ASIN, per day, week, month, quarter or year',
	prefix: 'vendorTraffic',
	periods: { values: ['DAY', 'WEEK', 'MONTH', 'QUARTER', 'YEAR'], onePeriod: false },
	lists: ['trafficAggregate', 'trafficByAsin'],
	lastUpdated: true,
	example: amazonExample(),
});

/** Amazon's example document of the report schema (its first rows). */
function amazonExample(): IDataObject {
	return {
		reportSpecification: {
			reportType: 'GET_VENDOR_TRAFFIC_REPORT',
			reportOptions: { reportPeriod: 'WEEK' },
			lastUpdatedDate: '2021-06-20',
			dataStartTime: '2021-06-06',
			dataEndTime: '2021-06-19',
			marketplaceIds: ['ATVPDKIKX0DER'],
		},
		trafficAggregate: [{ startDate: '2021-06-06', endDate: '2021-06-12', glanceViews: 100 }, { startDate: '2021-06-13', endDate: '2021-06-19', glanceViews: 250 }],
		trafficByAsin: [
			{ startDate: '2021-06-06', endDate: '2021-06-12', asin: 'B123456789', glanceViews: 100 },
			{ startDate: '2021-06-13', endDate: '2021-06-19', asin: 'B123456789', glanceViews: 250 },
		],
	};
}
