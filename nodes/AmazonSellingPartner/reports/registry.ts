// Looking up the report registry (reports/index.ts, written from the *.report.ts files).
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { SummaryPreset } from '../../shared/output/summarize';
import type { DocumentFormat, HowMade, Removal, ReportCategory } from './catalogue';
import { CATALOGUE } from './catalogue';
import { REPORT_TYPES } from './index';
import type { SpReportType } from './types';

const BY_ID = new Map(REPORT_TYPES.map((report) => [report.reportType, report]));

export function reportTypeById(reportType: string): SpReportType | undefined {
	return BY_ID.get(reportType);
}

export function allReportTypes(): SpReportType[] {
	return [...REPORT_TYPES].sort((a, b) => a.name.localeCompare(b.name));
}

/** The subtitle's map from report type ID to display name (every known type), as an expression literal. */
export function reportNamesLiteral(): string {
	return JSON.stringify(Object.fromEntries(allReportTypeInfos().map((report) => [report.reportType, report.name])));
}

/**
 * A subtitle expression naming the chosen report type: the picker's { mode, value } or, in
 * workflows made before the picker, the ID as text; an ID the package does not know stays an ID.
 */
export function reportTypeNameExpression(): string {
	const id = '(($parameter["reportType"] && $parameter["reportType"].value) || $parameter["reportType"])';
	return `(${reportNamesLiteral()}[${id}] || ${id})`;
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

/** The summary preset a report type's own output choice names (e.g. Summary per Settlement): it wins over Return Rows As. */
export function presetOf(report: SpReportType | undefined, output: string | undefined): SummaryPreset | undefined {
	return output === undefined ? undefined : report?.presets?.[output];
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

/** A report type as the package knows it: typed by a registry file, or an entry of Amazon's catalogue. */
export interface ReportTypeInfo {
	reportType: string;
	name: string;
	category: ReportCategory | 'Other';
	format: DocumentFormat;
	roles: string[];
	made: HowMade;
	removed?: Removal;
	/** Has a registry file: typed items, its own parameters. */
	typed: boolean;
	/** What a typed report holds, from its registry file. */
	summary?: string;
}

/** Every known report type: the catalogue's, typed by their registry files where there is one. */
const INFOS: ReportTypeInfo[] = (() => {
	const infos = CATALOGUE.map((entry): ReportTypeInfo => {
		const typed = BY_ID.get(entry.reportType);
		const untyped = 'name' in entry ? entry : undefined;
		return {
			reportType: entry.reportType,
			name: typed?.name ?? untyped?.name ?? entry.reportType,
			category: entry.category,
			format: typed?.format ?? untyped?.format ?? 'tsv',
			roles: typed?.roles ?? untyped?.roles ?? [],
			made: entry.made,
			removed: entry.removed,
			typed: typed !== undefined,
			summary: typed?.description,
		};
	});
	const listed = new Set(CATALOGUE.map((entry) => entry.reportType));
	// A registry file of a type the catalogue does not list yet still counts.
	for (const report of REPORT_TYPES.filter((candidate) => !listed.has(candidate.reportType))) {
		const { reportType, name, format, roles, requestable, description } = report;
		infos.push({ reportType, name, format, roles, category: 'Other', made: requestable ? 'request' : 'amazon', typed: true, summary: description });
	}
	return infos.sort((a, b) => a.name.localeCompare(b.name));
})();

const INFO_BY_ID = new Map(INFOS.map((info) => [info.reportType, info]));

export function reportTypeInfo(reportType: string): ReportTypeInfo | undefined {
	return INFO_BY_ID.get(reportType);
}

/** Every known report type, by name. */
export function allReportTypeInfos(): ReportTypeInfo[] {
	return INFOS;
}

/** Whether createReport takes it (Amazon has not removed it and does not make it by itself). */
export const canBeRequested = (info: ReportTypeInfo) => !info.removed && (info.made === 'request' || info.made === 'request-or-schedule');

/** Whether createReportSchedule takes it: the requestable types and those made only on a schedule. */
export const canBeScheduled = (info: ReportTypeInfo) => !info.removed && info.made !== 'amazon' && info.made !== 'seller-central';

/** Amazon keeps reports 90 days: a removed type's last reports can be listed and read that long. */
const READABLE_AFTER_REMOVAL_MS = 90 * 86_400_000;

/** Which report types a picker offers: to request, to schedule, or to read (list, watch). */
export type ReportTypeList = 'requestable' | 'schedulable' | 'readable';

function offered(list: ReportTypeList, now: number): (info: ReportTypeInfo) => boolean {
	if (list === 'requestable') return canBeRequested;
	if (list === 'schedulable') return canBeScheduled;
	return (info) => !info.removed || Date.parse(info.removed.on) + READABLE_AFTER_REMOVAL_MS > now;
}

/** How a report of the type comes to exist, in words. */
export const HOW_MADE: Record<HowMade, string> = {
	request: 'on request',
	'request-or-schedule': 'on request or on a schedule',
	schedule: 'only on a schedule you create',
	amazon: 'made by Amazon on its own schedule',
	'seller-central': 'made in Seller Central, read here',
};

/** "FBA Inventory · TSV · on request · role: Amazon Fulfillment, Pricing · GET_…" (a typed one first says what it holds). */
export function describeReportType(info: ReportTypeInfo): string {
	const roles = info.roles.length ? `role: ${info.roles.join(', ')}` : undefined;
	const how = info.removed ? `removed by Amazon on ${info.removed.on}` : HOW_MADE[info.made];
	const facts = [info.category, `${info.format.toUpperCase()}${info.typed ? ', typed' : ''}`, how, roles, info.reportType].filter(Boolean).join(' · ');
	return info.summary ? `${info.summary.replace(/\.$/, '')}. ${facts}` : facts;
}

/** A picker's entries: name (a removed type says so), ID, description; by name. */
export function reportTypeChoices(list: ReportTypeList, now = Date.now()): INodePropertyOptions[] {
	return INFOS.filter(offered(list, now)).map((info) => ({
		name: info.removed ? `${info.name} (Removed by Amazon on ${info.removed.on})` : info.name,
		value: info.reportType,
		description: describeReportType(info),
	}));
}

/**
 * The entries a search finds: part of an ID ("GET_LEDGER", any case) finds the IDs that contain it;
 * words ("fba inventory") find the entries whose name, ID or category contain each of them.
 */
export function searchReportTypeChoices(list: ReportTypeList, filter = '', now = Date.now()): INodePropertyOptions[] {
	const typed = filter.trim().toLowerCase();
	const partOfId = /^[a-z0-9]*_[a-z0-9_]*$/.test(typed);
	const words = typed.split(/\s+/).filter(Boolean);
	return reportTypeChoices(list, now).filter((choice) => {
		const info = INFO_BY_ID.get(String(choice.value)) as ReportTypeInfo;
		if (partOfId) return info.reportType.toLowerCase().includes(typed);
		const text = `${choice.name} ${info.reportType.replace(/_/g, ' ')} ${info.category}`.toLowerCase();
		return words.every((word) => text.includes(word));
	});
}

/** Documents that are not text (PDF, Excel, ZIP): they are handed over as files, not rows. */
export function deliveredAsFile(reportType: string): boolean {
	const format = INFO_BY_ID.get(reportType)?.format;
	return format === 'pdf' || format === 'xlsx' || format === 'zip';
}
