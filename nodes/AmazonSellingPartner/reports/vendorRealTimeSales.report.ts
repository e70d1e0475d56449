// GET_VENDOR_REAL_TIME_SALES_REPORT (JSON, schema vendorRealTimeSalesReport): a vendor's ordered
// units and revenue per ASIN and hour (UTC), hours after they happen. One item per ASIN and hour;
// the revenue's currency comes from the report (its reportOptions.currencyCode).
import type { IDataObject } from 'n8n-workflow';

import { analyticsReport, textOf } from './analytics';
import { asObject } from './shapeHelpers';
import type { StreamedReportType } from './types';

export const vendorRealTimeSalesReport: StreamedReportType = analyticsReport({
	reportType: 'GET_VENDOR_REAL_TIME_SALES_REPORT',
	name: 'Vendor Real-Time Sales',
	description: 'Vendor Central: ordered units and revenue per ASIN and hour, for the last hours',
	prefix: 'vendorRealTimeSales',
	hours: { defaultHours: 24 },
	lists: ['reportData'],
	// The hours' revenue is in the currency the report names once, in its reportSpecification.
	leadingContext: (members) => ({ orderedRevenueCurrency: textOf(asObject(asObject(members.reportSpecification)?.reportOptions)?.currencyCode) }),
	example: amazonExample(),
});

/** Amazon's example document of the report schema (its first rows). */
function amazonExample(): IDataObject {
	return {
		reportSpecification: {
			reportType: 'GET_VENDOR_REAL_TIME_SALES_REPORT',
			dataStartTime: '2022-04-20T20:00:00Z',
			dataEndTime: '2022-04-20T21:00:00Z',
			marketplaceIds: ['ATVPDKIKX0DER'],
			reportOptions: { currencyCode: 'USD' },
		},
		reportData: [
			{ startTime: '2022-04-20T20:00:00Z', endTime: '2022-04-20T21:00:00Z', asin: 'B00ABCD123', orderedUnits: 1, orderedRevenue: 167.14 },
			{ startTime: '2022-04-20T20:00:00Z', endTime: '2022-04-20T21:00:00Z', asin: 'B00ABCD456', orderedUnits: 0, orderedRevenue: 0 },
			{ startTime: '2022-04-20T20:00:00Z', endTime: '2022-04-20T21:00:00Z', asin: 'B00ABCD789', orderedUnits: 0, orderedRevenue: 0 },
			{ startTime: '2022-04-20T20:00:00Z', endTime: '2022-04-20T21:00:00Z', asin: 'B00LMNO789', orderedUnits: 1, orderedRevenue: 65.99 },
		],
	};
}
