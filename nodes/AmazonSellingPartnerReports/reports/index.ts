import { accountHealthReport } from './accountHealth';
import { couponPerformanceReport } from './couponPerformance';
import { customerMetricsReport } from './customerMetrics';
import { promotionPerformanceReport } from './promotionPerformance';
import { sellerFeedbackReport } from './sellerFeedback';
import type { SpReportDefinition } from './types';

/** The report types this package shapes into typed items; any other is parsed generically. */
export const REPORT_DEFINITIONS: Record<string, SpReportDefinition> = Object.fromEntries(
	[sellerFeedbackReport, customerMetricsReport, accountHealthReport, promotionPerformanceReport, couponPerformanceReport].map(
		(definition) => [definition.reportType, definition],
	),
);
