// Looking up the Appstore report registry (reports/index.ts, written from the *.report.ts files).
import { APPSTORE_REPORT_TYPES } from './index';
import type { AppstoreReportType } from './types';

export function allAppstoreReportTypes(): AppstoreReportType[] {
	return [...APPSTORE_REPORT_TYPES].sort((a, b) => a.name.localeCompare(b.name));
}

export function appstoreReportTypeById(reportType: string): AppstoreReportType | undefined {
	return APPSTORE_REPORT_TYPES.find((report) => report.reportType === reportType);
}

/** The operation that gets a report: getSalesReport, getSubscriptionReport. */
export function operationFor(report: AppstoreReportType): string {
	return `get${report.reportType[0].toUpperCase()}${report.reportType.slice(1)}Report`;
}

export function appstoreReportTypeByOperation(operation: string): AppstoreReportType | undefined {
	return APPSTORE_REPORT_TYPES.find((report) => operationFor(report) === operation);
}

/** The operation's display name: "Get Sales Report". */
export const operationName = (report: AppstoreReportType): string => `Get ${report.name} Report`;

/** The subtitle's map from operation to display name, as an expression literal. */
export function operationNamesLiteral(): string {
	return JSON.stringify(Object.fromEntries(allAppstoreReportTypes().map((report) => [operationFor(report), operationName(report)])));
}
