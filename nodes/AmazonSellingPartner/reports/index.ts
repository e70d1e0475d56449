// Written by scripts/registry.mjs (run by the build) from the *.report.ts files of this folder: do not edit.
import { accountHealthReport } from './accountHealth.report';
import { couponPerformanceReport } from './couponPerformance.report';
import { customerMetricsReport } from './customerMetrics.report';
import { fbaCustomerReturnsReport } from './fbaCustomerReturns.report';
import { fbaFulfilledInventoryReport } from './fbaFulfilledInventory.report';
import { fbaInventoryReport } from './fbaInventory.report';
import { listingsActiveReport } from './listingsActive.report';
import { listingsAllReport } from './listingsAll.report';
import { listingsOpenReport } from './listingsOpen.report';
import { ordersByLastUpdateReport } from './ordersByLastUpdate.report';
import { ordersByOrderDateReport } from './ordersByOrderDate.report';
import { promotionPerformanceReport } from './promotionPerformance.report';
import { salesAndTrafficReport } from './salesAndTraffic.report';
import { sellerFeedbackReport } from './sellerFeedback.report';
import { settlementReport } from './settlement.report';
import { settlementLegacyReport } from './settlementLegacy.report';
import type { SpReportType } from './types';

export const REPORT_TYPES: SpReportType[] = [
	accountHealthReport,
	couponPerformanceReport,
	customerMetricsReport,
	fbaCustomerReturnsReport,
	fbaFulfilledInventoryReport,
	fbaInventoryReport,
	listingsActiveReport,
	listingsAllReport,
	listingsOpenReport,
	ordersByLastUpdateReport,
	ordersByOrderDateReport,
	promotionPerformanceReport,
	salesAndTrafficReport,
	sellerFeedbackReport,
	settlementReport,
	settlementLegacyReport,
];
