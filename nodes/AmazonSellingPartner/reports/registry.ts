// Looking up the report registry (reports/index.ts, written from the *.report.ts files).
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { REPORT_TYPES } from './index';
import type { SpReportType } from './types';

const BY_ID = new Map(REPORT_TYPES.map((report) => [report.reportType, report]));

export function reportTypeById(reportType: string): SpReportType | undefined {
	return BY_ID.get(reportType);
}

export function allReportTypes(): SpReportType[] {
	return [...REPORT_TYPES].sort((a, b) => a.name.localeCompare(b.name));
}

/** The registry as editor options: display name, with the report type ID in the description. */
export function reportTypeOptions(filter: (report: SpReportType) => boolean = () => true): INodePropertyOptions[] {
	return allReportTypes()
		.filter(filter)
		.map((report) => ({ name: report.name, value: report.reportType, description: `${report.description} (${report.reportType})` }));
}

/** The subtitle's map from report type ID to display name, as an expression literal. */
export function reportNamesLiteral(): string {
	return JSON.stringify(Object.fromEntries(allReportTypes().map((report) => [report.reportType, report.name])));
}

/** Each report type's own parameters, shown when it is chosen (for these operations). */
export function reportParameters(operations: string[]): INodeProperties[] {
	return allReportTypes().flatMap((report) =>
		(report.parameters ?? []).map((parameter) => ({
			...parameter,
			displayOptions: { show: { operation: operations, reportType: [report.reportType] } },
		})),
	);
}

/** A report type ID as typed by a user or an expression: checked before any request. */
export const REPORT_TYPE_PATTERN = /^[A-Z0-9_]+$/;
