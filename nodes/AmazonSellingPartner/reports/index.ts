// Written by scripts/registry.mjs (run by the build) from the *.report.ts files of this folder: do not edit.
import { accountHealthReport } from './accountHealth.report';
import { brandAnalyticsMarketBasketReport } from './brandAnalyticsMarketBasket.report';
import { brandAnalyticsRepeatPurchaseReport } from './brandAnalyticsRepeatPurchase.report';
import { brandAnalyticsSearchCatalogPerformanceReport } from './brandAnalyticsSearchCatalogPerformance.report';
import { brandAnalyticsSearchQueryPerformanceReport } from './brandAnalyticsSearchQueryPerformance.report';
import { brandAnalyticsSearchTermsReport } from './brandAnalyticsSearchTerms.report';
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
import { vendorForecastingReport } from './vendorForecasting.report';
import { vendorInventoryReport } from './vendorInventory.report';
import { vendorNetPureProductMarginReport } from './vendorNetPureProductMargin.report';
import { vendorRealTimeInventoryReport } from './vendorRealTimeInventory.report';
import { vendorRealTimeSalesReport } from './vendorRealTimeSales.report';
import { vendorRealTimeTrafficReport } from './vendorRealTimeTraffic.report';
import { vendorSalesReport } from './vendorSales.report';
import { vendorTrafficReport } from './vendorTraffic.report';
import type { SpReportType } from './types';

export const REPORT_TYPES: SpReportType[] = [
	accountHealthReport,
	brandAnalyticsMarketBasketReport,
	brandAnalyticsRepeatPurchaseReport,
	brandAnalyticsSearchCatalogPerformanceReport,
	brandAnalyticsSearchQueryPerformanceReport,
	brandAnalyticsSearchTermsReport,
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
	vendorForecastingReport,
	vendorInventoryReport,
	vendorNetPureProductMarginReport,
	vendorRealTimeInventoryReport,
	vendorRealTimeSalesReport,
	vendorRealTimeTrafficReport,
	vendorSalesReport,
	vendorTrafficReport,
];
