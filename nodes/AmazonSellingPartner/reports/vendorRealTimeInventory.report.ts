// GET_VENDOR_REAL_TIME_INVENTORY_REPORT (JSON, schema vendorRealTimeInventoryReport): units of a
// vendor's products available to sell (in sellable condition in Amazon's fulfillment centers) per
// ASIN and hour (UTC): up to 24 hours per report, within the last 7 days. One item per ASIN and hour.
import type { IDataObject } from 'n8n-workflow';

import { analyticsReport } from './analytics';
import type { StreamedReportType } from './types';

export const vendorRealTimeInventoryReport: StreamedReportType = analyticsReport({
	reportType: 'GET_VENDOR_REAL_TIME_INVENTORY_REPORT',
	name: 'Vendor Real-Time Inventory',
	description: 'Vendor Central: highly available inventory per ASIN and hour, within the last 7 days',
	prefix: 'vendorRealTimeInventory',
	hours: { defaultHours: 24, lookBackHours: 168, maxSpanHours: 24 },
	lists: ['reportData'],
	example: amazonExample(),
});

/** Amazon's example document of the report schema (its first rows). */
function amazonExample(): IDataObject {
	return {
		reportSpecification: {
			reportType: 'GET_VENDOR_REAL_TIME_INVENTORY_REPORT',
			dataStartTime: '2022-10-01T00:00:00Z',
			dataEndTime: '2022-10-01T02:00:00Z',
			marketplaceIds: ['ATVPDKIKX0DER'],
		},
		reportData: [
			{ startTime: '2022-10-01T00:00:00Z', endTime: '2022-10-01T01:00:00Z', asin: 'B123456789', highlyAvailableInventory: 270 },
			{ startTime: '2022-10-01T00:00:00Z', endTime: '2022-10-01T01:00:00Z', asin: 'B987654321', highlyAvailableInventory: 650 },
			{ startTime: '2022-10-01T01:00:00Z', endTime: '2022-10-01T02:00:00Z', asin: 'B123456789', highlyAvailableInventory: 250 },
			{ startTime: '2022-10-01T01:00:00Z', endTime: '2022-10-01T02:00:00Z', asin: 'B987654321', highlyAvailableInventory: 550 },
		],
	};
}
