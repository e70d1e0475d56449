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

/** Each report type's own parameters, shown when it is chosen (for these operations, which request reports). */
export function reportParameters(operations: string[]): INodeProperties[] {
	return allReportTypes()
		.filter((report) => report.requestable)
		.flatMap((report) =>
			(report.parameters ?? []).map((parameter) => ({
				...parameter,
				displayOptions: { show: { operation: operations, reportType: [report.reportType] } },
			})),
		);
}

/** A report's own output choice (its `outputParameter`), once however many report types share it (both settlement layouts do). */
export interface OutputChoice {
	parameter: INodeProperties;
	reportTypes: string[];
	/** The name of the first of those report types, e.g. "Settlement". */
	reportName: string;
}

/** The parameter holding a report type's output choice, if it has one. */
export function outputParameterOf(report: SpReportType | undefined): INodeProperties | undefined {
	return report?.parameters?.find((parameter) => parameter.name === report.outputParameter);
}

export function outputChoices(): OutputChoice[] {
	const choices = new Map<string, OutputChoice>();
	for (const report of allReportTypes()) {
		const parameter = outputParameterOf(report);
		if (!parameter) continue;
		const choice = choices.get(parameter.name) ?? { parameter, reportTypes: [], reportName: report.name };
		choice.reportTypes.push(report.reportType);
		choices.set(parameter.name, choice);
	}
	return [...choices.values()];
}

/** The output choices where the report type is a parameter too (the trigger's Report Ready). */
export function outputParameters(show: Record<string, string[]>): INodeProperties[] {
	return outputChoices().map(({ parameter, reportTypes }) => ({ ...parameter, displayOptions: { show: { ...show, reportType: reportTypes } } }));
}

/** The output choices as options of Download, whose report type is only known once Amazon says it: "Settlement Output". */
export function outputOptions(): INodeProperties[] {
	return outputChoices().map(({ parameter, reportName }) => ({
		...parameter,
		displayName: `${reportName} Output`,
		description: `What a ${reportName} report gives, when the report to download is one`,
		displayOptions: undefined,
	}));
}

/** A report type ID as typed by a user or an expression: checked before any request. */
export const REPORT_TYPE_PATTERN = /^[A-Z0-9_]+$/;
