// GET_SALES_AND_TRAFFIC_REPORT (JSON): Business Reports' sales and traffic, per period and per ASIN
// (or SKU). Items of both lists come out, told apart by `list`, flat: { amount, currencyCode } money
// becomes x and xCurrency. Percentages are as Amazon writes them (4.35 = 4.35 %, not capped at 100).
import type { IDataObject } from 'n8n-workflow';

import { optionChoice } from './analytics';
import { asObject, asObjects, flattenMetrics } from './shapeHelpers';
import type { TreeReportType } from './types';

const DATE_GRANULARITIES = ['DAY', 'WEEK', 'MONTH'];
const ASIN_GRANULARITIES = ['PARENT', 'CHILD', 'SKU'];

export const salesAndTrafficReport: TreeReportType = {
	reportType: 'GET_SALES_AND_TRAFFIC_REPORT',
	name: 'Sales and Traffic',
	description: 'Sales, units, sessions, page views and Buy Box percentage, per day, week or month and per ASIN or SKU',
	roles: ['Brand Analytics'],
	format: 'json',
	requestable: true,
	// Amazon reads whole days (at most two years back), widened to whole weeks or months.
	dataRange: { defaultDays: 7 },
	// Amazon takes one marketplace per Sales and Traffic report.
	perMarketplace: true,
	parameters: [
		{
			displayName: 'Date Granularity',
			name: 'salesAndTrafficDateGranularity',
			type: 'options',
			options: [
				{ name: 'Day', value: 'DAY', description: 'One by-date item per day' },
				{ name: 'Month', value: 'MONTH', description: 'One by-date item per calendar month; the range is widened to whole months' },
				{ name: 'Week', value: 'WEEK', description: 'One by-date item per week, Sunday to Saturday; the range is widened to whole weeks' },
			],
			default: 'DAY',
			description: 'The period each by-date item covers',
		},
		{
			displayName: 'ASIN Granularity',
			name: 'salesAndTrafficAsinGranularity',
			type: 'options',
			options: [
				{ name: 'Child ASIN', value: 'CHILD', description: 'One by-ASIN item per child ASIN, with its parent ASIN' },
				{ name: 'Parent ASIN', value: 'PARENT', description: 'One by-ASIN item per parent ASIN, its variations together' },
				{ name: 'SKU', value: 'SKU', description: 'One by-ASIN item per SKU, with its child and parent ASIN' },
			],
			default: 'PARENT',
			description: 'What each by-ASIN item covers, for the whole date range',
		},
	],
	reportOptions: (read) => ({
		dateGranularity: optionChoice(read('salesAndTrafficDateGranularity'), DATE_GRANULARITIES, 'DAY', 'Date Granularity'),
		asinGranularity: optionChoice(read('salesAndTrafficAsinGranularity'), ASIN_GRANULARITIES, 'PARENT', 'ASIN Granularity'),
	}),
	shapeDocument(document, context) {
		const specification = asObject(document.reportSpecification) ?? {};
		const options = asObject(specification.reportOptions) ?? {};
		// Each item says what it covers, so items of several reports can share one sheet.
		const report = {
			dataStartTime: textOf(specification.dataStartTime),
			dataEndTime: textOf(specification.dataEndTime),
			marketplaceIds: Array.isArray(specification.marketplaceIds) ? (specification.marketplaceIds as string[]) : context.marketplaceIds,
			dateGranularity: textOf(options.dateGranularity),
			asinGranularity: textOf(options.asinGranularity),
		};
		return [
			...asObjects(document.salesAndTrafficByDate).map((entry) => ({ list: 'byDate', ...flattenMetrics(entry), ...report })),
			// childAsin and sku are only there for CHILD and SKU granularity: null otherwise, for stable columns.
			...asObjects(document.salesAndTrafficByAsin).map((entry) => ({
				list: 'byAsin',
				parentAsin: null,
				childAsin: null,
				sku: null,
				...flattenMetrics(entry),
				...report,
			})),
		];
	},
	sample: { text: JSON.stringify(sampleDocument()), charset: 'UTF-8', compression: 'GZIP' },
};

function textOf(value: unknown): string | null {
	return typeof value === 'string' && value !== '' ? value : null;
}

/** Amazon's example document (the report schema's), its first two days and two SKUs. */
function sampleDocument(): IDataObject {
	const usd = (amount: number) => ({ amount, currencyCode: 'USD' });
	return {
		reportSpecification: {
			reportType: 'GET_SALES_AND_TRAFFIC_REPORT',
			reportOptions: { dateGranularity: 'DAY', asinGranularity: 'SKU' },
			dataStartTime: '2021-06-11',
			dataEndTime: '2021-06-12',
			marketplaceIds: ['ATVPDKIKX0DER'],
		},
		salesAndTrafficByDate: [
			{
				date: '2021-06-11',
				salesByDate: {
					orderedProductSales: usd(238.44),
					unitsOrdered: 23,
					totalOrderItems: 20,
					averageSalesPerOrderItem: usd(11.92),
					averageUnitsPerOrderItem: 1.15,
					averageSellingPrice: usd(10.37),
					unitsRefunded: 1,
					refundRate: 4.35,
					claimsGranted: 0,
					claimsAmount: usd(0.0),
					shippedProductSales: usd(650.72),
					unitsShipped: 59,
					ordersShipped: 54,
				},
				trafficByDate: {
					browserPageViews: 1158,
					mobileAppPageViews: 500,
					pageViews: 1658,
					browserSessions: 906,
					mobileAppSessions: 94,
					sessions: 1000,
					buyBoxPercentage: 10.54,
					orderItemSessionPercentage: 2.21,
					unitSessionPercentage: 2.54,
					averageOfferCount: 9686,
					averageParentItems: 9630,
					feedbackReceived: 10,
					negativeFeedbackReceived: 1,
					receivedNegativeFeedbackRate: 10.0,
				},
			},
			{
				date: '2021-06-12',
				salesByDate: {
					orderedProductSales: usd(217.7),
					unitsOrdered: 18,
					totalOrderItems: 18,
					averageSalesPerOrderItem: usd(12.09),
					averageUnitsPerOrderItem: 1.0,
					averageSellingPrice: usd(12.09),
					unitsRefunded: 0,
					refundRate: 0.0,
					claimsGranted: 0,
					claimsAmount: usd(0.0),
					shippedProductSales: usd(0.0),
					unitsShipped: 0,
					ordersShipped: 0,
				},
				trafficByDate: {
					browserPageViews: 1209,
					mobileAppPageViews: 191,
					pageViews: 1400,
					browserSessions: 937,
					mobileAppSessions: 163,
					sessions: 1100,
					buyBoxPercentage: 10.92,
					orderItemSessionPercentage: 1.92,
					unitSessionPercentage: 1.92,
					averageOfferCount: 9702,
					averageParentItems: 9646,
					feedbackReceived: 0,
					negativeFeedbackReceived: 0,
					receivedNegativeFeedbackRate: 0.0,
				},
			},
		],
		salesAndTrafficByAsin: [
			{
				parentAsin: 'B123456789',
				childAsin: 'B123456789',
				sku: 'AB-1C2D-EFGH',
				salesByAsin: { unitsOrdered: 1, orderedProductSales: usd(16.79), totalOrderItems: 1 },
				trafficByAsin: {
					browserSessions: 13,
					mobileAppSessions: 5,
					sessions: 18,
					browserSessionPercentage: 0.33,
					mobileAppSessionPercentage: 0.2,
					sessionPercentage: 0.26,
					browserPageViews: 21,
					mobileAppPageViews: 22,
					pageViews: 43,
					browserPageViewsPercentage: 0.41,
					mobileAppPageViewsPercentage: 0.2,
					pageViewsPercentage: 0.3,
					buyBoxPercentage: 95.24,
					unitSessionPercentage: 7.69,
				},
			},
			{
				parentAsin: 'B234567890',
				childAsin: 'B234567890',
				sku: 'CD-2E3F-GHIJ',
				salesByAsin: { unitsOrdered: 3, orderedProductSales: usd(26.25), totalOrderItems: 2 },
				trafficByAsin: {
					browserSessions: 8,
					mobileAppSessions: 5,
					sessions: 13,
					browserSessionPercentage: 0.33,
					mobileAppSessionPercentage: 0.1,
					sessionPercentage: 0.2,
					browserPageViews: 21,
					mobileAppPageViews: 12,
					pageViews: 33,
					browserPageViewsPercentage: 0.41,
					mobileAppPageViewsPercentage: 0.25,
					pageViewsPercentage: 0.32,
					buyBoxPercentage: 0.0,
					unitSessionPercentage: 37.5,
				},
			},
		],
	};
}
