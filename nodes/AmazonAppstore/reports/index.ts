// The Appstore's report types, by the path segment of the Reporting API.
import { salesReport } from './sales.report';
import { subscriptionReport } from './subscription.report';
import type { AppstoreReport } from './types';

export const APPSTORE_REPORTS: AppstoreReport[] = [salesReport, subscriptionReport];

export function appstoreReport(kind: string): AppstoreReport | undefined {
	return APPSTORE_REPORTS.find((report) => report.kind === kind);
}
