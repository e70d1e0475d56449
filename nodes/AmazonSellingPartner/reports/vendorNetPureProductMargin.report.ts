// GET_VENDOR_NET_PURE_PRODUCT_MARGIN_REPORT (JSON, schema vendorNetPureProductMarginReport): Amazon's
// margin on a vendor's products per period (a fraction: 0.1234 = 12.34 %), for the whole catalogue
// (netPureProductMarginAggregate) and per ASIN (netPureProductMarginByAsin). One item per row, told
// apart by `list` (aggregate rows have asin null).
import type { IDataObject } from 'n8n-workflow';

import { analyticsReport } from './analytics';
import type { StreamedReportType } from './types';

export const vendorNetPureProductMarginReport: StreamedReportType = analyticsReport({
	reportType: 'GET_VENDOR_NET_PURE_PRODUCT_MARGIN_REPORT',
	name: 'Vendor Net Pure Product Margin',
	description: 'Vendor Central: Amazon’s net pure product margin on your products, for the catalogue and per ASIN, per day, week, month, quarter or year',
	prefix: 'vendorMargin',
	periods: { values: ['DAY', 'WEEK', 'MONTH', 'QUARTER', 'YEAR'], onePeriod: false },
	lists: ['netPureProductMarginAggregate', 'netPureProductMarginByAsin'],
	lastUpdated: true,
	example: amazonExample(),
});

/** Amazon's example document of the report schema (its first rows). */
function amazonExample(): IDataObject {
	return {
		reportSpecification: {
			reportType: 'GET_VENDOR_NET_PURE_PRODUCT_MARGIN_REPORT',
			reportOptions: { reportPeriod: 'WEEK' },
			lastUpdatedDate: '2021-06-20',
			dataStartTime: '2021-06-06',
			dataEndTime: '2021-06-19',
			marketplaceIds: ['ATVPDKIKX0DER'],
		},
		netPureProductMarginAggregate: [
			{ startDate: '2021-06-06', endDate: '2021-06-12', netPureProductMargin: 0.1234 },
			{ startDate: '2021-06-13', endDate: '2021-06-19', netPureProductMargin: 0.1234 },
		],
		netPureProductMarginByAsin: [
			{ startDate: '2021-06-06', endDate: '2021-06-12', asin: 'B123456789', netPureProductMargin: 0.1234 },
			{ startDate: '2021-06-06', endDate: '2021-06-12', asin: 'B987654321', netPureProductMargin: 0.1234 },
		],
	};
}
