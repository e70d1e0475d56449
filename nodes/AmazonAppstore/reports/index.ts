// Written by scripts/registry.mjs (run by the build) from the *.report.ts files of this folder: do not edit.
import { salesReport } from './sales.report';
import { subscriptionReport } from './subscription.report';
import type { AppstoreReportType } from './types';

export const APPSTORE_REPORT_TYPES: AppstoreReportType[] = [
	salesReport,
	subscriptionReport,
];
