// GET_VENDOR_REAL_TIME_TRAFFIC_REPORT (JSON, schema vendorRealTimeTrafficReport): glance views per
// ASIN and hour (UTC), for hours that ended at least an hour before the request. One item per ASIN
// and hour.
import type { IDataObject } from 'n8n-workflow';

import { analyticsReport } from './analytics';
import type { StreamedReportType } from './types';

export const vendorRealTimeTrafficReport: StreamedReportType = analyticsReport({
	reportType: 'GET_VENDOR_REAL_TIME_TRAFFIC_REPORT',
	name: 'Vendor Real-Time Traffic',
	description: 'Vendor Central: glance views (detail page views) per ASIN and hour, for the last hours',
	prefix: 'vendorRealTimeTraffic',
	hours: { defaultHours: 24, endDelayMinutes: 60 },
	lists: ['reportData'],
	example: amazonExample(),
});

/** Amazon's example document of the report schema (its first rows). */
function amazonExample(): IDataObject {
	return {
		reportSpecification: {
			reportType: 'GET_VENDOR_REAL_TIME_TRAFFIC_REPORT',
			dataStartTime: '2022-04-20T20:00:00Z',
			dataEndTime: '2022-04-20T21:00:00Z',
			marketplaceIds: ['ATVPDKIKX0DER'],
		},
		reportData: [{ startTime: '2022-04-20T20:00:00Z', endTime: '2022-04-20T21:00:00Z', asin: 'B00ABCD123', glanceViews: 75 }],
	};
}
