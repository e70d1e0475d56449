// Reading and checking the parameters the operations share, before any request is sent.
import type { IExecuteFunctions } from 'n8n-workflow';

import { AmazonRequestError } from '../shared/errors';
import { checkAttachField, outputPlanFor } from '../shared/output/parameters';
import type { OutputMode, OutputPlan } from '../shared/output/reportOutput';
import { progressFor } from '../shared/progress';
import { sendThroughN8n } from '../shared/transport/http';
import type { Limits } from '../shared/pipeline/limits';
import { limitsWithMaxMegabytes } from '../shared/pipeline/limits';
import type { LifecycleOptions } from './lifecycle';
import { SP_OUTPUT_LABELS } from './actions/common.descriptions';
import { marketplaceById, REGION_NAMES } from './marketplaces';
import type { ReportTypeInfo } from './reports/registry';
import { canBeRequested, canBeScheduled, outputParameterOf, presetOf, REPORT_TYPE_PATTERN, reportTypeById, reportTypeInfo } from './reports/registry';
import type { SpReportType } from './reports/types';
import type { CreateReportSpec, SpApiConnection } from './transport/reportsApi';
import { SP_API_CREDENTIAL, spApiConnection } from './transport/reportsApi';

export async function connectionFor(this: IExecuteFunctions, itemIndex: number): Promise<SpApiConnection> {
	return {
		...spApiConnection(await this.getCredentials(SP_API_CREDENTIAL, itemIndex), sendThroughN8n(this.helpers)),
		progress: progressFor.call(this),
	};
}

/** Marketplace IDs from a list or comma-separated text, each known and in the credential's region. */
export function checkMarketplaces(raw: unknown, connection: SpApiConnection): string[] {
	const ids = (Array.isArray(raw) ? raw : String(raw ?? '').split(','))
		.map((id) => String(id).trim())
		.filter(Boolean);
	if (!ids.length) {
		throw new AmazonRequestError('No marketplace chosen', {
			description: `Choose at least one marketplace of ${REGION_NAMES[connection.region]} in "Marketplace Names or IDs".`,
		});
	}
	if (ids.length > 25) {
		throw new AmazonRequestError(`${ids.length} marketplaces chosen; Amazon takes at most 25 per report`, {
			description: 'Split the marketplaces over several nodes or items.',
		});
	}
	for (const id of ids) {
		const marketplace = marketplaceById(id);
		if (!marketplace) {
			throw new AmazonRequestError(`"${id}" is not an Amazon marketplace ID`, {
				description: 'Choose the marketplace from the list; IDs look like ATVPDKIKX0DER (United States).',
			});
		}
		if (marketplace.region !== connection.region) {
			throw new AmazonRequestError(
				`${marketplace.name} is in ${REGION_NAMES[marketplace.region]}, but the credential is for ${REGION_NAMES[connection.region]}`,
				{
					description: `Use a credential with Region "${REGION_NAMES[marketplace.region]}" for this marketplace, or remove it from "Marketplace Names or IDs".`,
				},
			);
		}
	}
	return ids;
}

/** An optional date-time parameter as ISO 8601 UTC; undefined when empty. */
export function dateValue(value: unknown, label: string): string | undefined {
	if (value === '' || value === null || value === undefined) return undefined;
	const text = String(value).trim();
	const time = Date.parse(text);
	if (!text || Number.isNaN(time)) {
		throw new AmazonRequestError(`"${label}" is not a date: "${text}"`, {
			description: 'Pick a date, or write it as ISO 8601, e.g. 2025-03-01T00:00:00Z.',
		});
	}
	return new Date(time).toISOString();
}

/** Start and end checked against each other and against now. */
export function checkRange(start: { label: string; value?: string }, end: { label: string; value?: string }): void {
	for (const { label, value } of [start, end]) {
		if (value && Date.parse(value) > Date.now() + 60_000) {
			throw new AmazonRequestError(`"${label}" (${value}) is in the future`, {
				description: 'Amazon only reports on the past: choose a moment up to now.',
			});
		}
	}
	if (start.value && end.value && Date.parse(start.value) > Date.parse(end.value)) {
		throw new AmazonRequestError(`"${start.label}" (${start.value}) is after "${end.label}" (${end.value})`, {
			description: `Swap them, or set "${start.label}" to the earlier moment.`,
		});
	}
}

/** The report type of a parameter (from the list, by ID, or from an expression), checked. */
export function reportTypeValue(value: unknown): string {
	// The picker keeps { mode, value }; workflows made before it keep the ID itself.
	const id = typeof value === 'object' && value !== null && 'value' in value ? (value as { value: unknown }).value : value;
	const reportType = String(id ?? '').trim();
	if (!REPORT_TYPE_PATTERN.test(reportType)) {
		throw new AmazonRequestError(reportType ? `"${reportType}" is not a report type` : '"Report Type" is empty', {
			description: 'Choose a report type from the list, or give its ID, written like GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL.',
		});
	}
	return reportType;
}

/** Up to 10 report types (Amazon's limit for getReports and getReportSchedules), from a list or comma-separated text. */
export function reportTypesValue(raw: unknown): string[] {
	const reportTypes = (Array.isArray(raw) ? raw : String(raw ?? '').split(','))
		.map((type) => String(type).trim())
		.filter(Boolean)
		.map(reportTypeValue);
	if (!reportTypes.length || reportTypes.length > 10) {
		throw new AmazonRequestError(
			reportTypes.length ? `${reportTypes.length} report types given; Amazon takes at most 10` : '"Report Type Names or IDs" is empty',
			{ description: 'Choose between 1 and 10 report types.' },
		);
	}
	return reportTypes;
}

/**
 * Refuses, before any request, a report type that cannot be made the way asked: one Amazon removed
 * (naming the day and what to use instead), or one it only makes on a schedule or in Seller
 * Central. Types the catalogue does not know go to Amazon as they are.
 */
export function checkCanBeMade(reportType: string, how: 'request' | 'schedule'): void {
	const info = reportTypeInfo(reportType);
	if (!info) return;
	const what = `${info.name} (${reportType})`;
	const verb = how === 'request' ? 'requested' : 'scheduled';
	if (info.removed) {
		const instead = info.removed.instead ? reportTypeInfo(info.removed.instead) : undefined;
		throw new AmazonRequestError(`Amazon removed ${what} on ${info.removed.on}: it can no longer be ${verb}`, {
			description: [
				instead ? `Use ${instead.name} (${instead.reportType}) instead.` : undefined,
				info.removed.note,
				'Reports Amazon made before then can still be read by their Report ID (Download) while Amazon keeps them, 90 days.',
			]
				.filter(Boolean)
				.join(' '),
		});
	}
	if (how === 'request' ? canBeRequested(info) : canBeScheduled(info)) return;
	throw cannotBeMade(info, what, how);
}

function cannotBeMade(info: ReportTypeInfo, what: string, how: 'request' | 'schedule'): AmazonRequestError {
	if (info.made === 'seller-central') {
		return new AmazonRequestError(`${what} is made in Seller Central: it cannot be ${how === 'request' ? 'requested' : 'scheduled'} through the API`, {
			description: 'Generate it in Seller Central, then read it here: Get Many and Download (by Report ID), or the Amazon Selling Partner Trigger (Report Ready).',
		});
	}
	if (how === 'schedule') {
		return new AmazonRequestError(`Amazon makes ${what} reports on its own schedule: there is nothing to schedule`, {
			description: 'Use the Amazon Selling Partner Trigger (Report Ready) to get each one as Amazon makes it.',
		});
	}
	return new AmazonRequestError(`Amazon makes ${what} reports only on a schedule: they cannot be requested`, {
		description:
			info.made === 'schedule'
				? 'Create a schedule (resource Report Schedule, Create), then let the Amazon Selling Partner Trigger (Report Ready) pick up each report.'
				: 'Use the Amazon Selling Partner Trigger (Report Ready), or Get Many and Download with the report ID.',
	});
}

export interface ReportRequest {
	spec: CreateReportSpec;
	definition?: SpReportType;
}

/** The createReport request of Get and Create: type, marketplaces, range, options; all checked. */
export function reportRequestFor(this: IExecuteFunctions, itemIndex: number, connection: SpApiConnection): ReportRequest {
	const reportType = reportTypeValue(this.getNodeParameter('reportType', itemIndex, '', { extractValue: true }));
	checkCanBeMade(reportType, 'request');
	const definition = reportTypeById(reportType);
	const marketplaceIds = checkMarketplaces(this.getNodeParameter('marketplaceIds', itemIndex, []), connection);
	const spec: CreateReportSpec = { reportType, marketplaceIds };
	const read = (name: string) => this.getNodeParameter(name, itemIndex, '');
	if (!definition || definition.dataRange !== 'none') {
		let end = dateValue(this.getNodeParameter('dataEndTime', itemIndex, ''), 'Data End');
		let start = dateValue(this.getNodeParameter('dataStartTime', itemIndex, ''), 'Data Start');
		const dataRange = definition?.dataRange;
		if (dataRange && dataRange !== 'none' && 'fit' in dataRange) {
			({ start, end } = dataRange.fit({ start, end }, read));
		} else if (!start && dataRange && dataRange !== 'none') {
			start = new Date(Date.parse(end ?? new Date().toISOString()) - dataRange.defaultDays * 86_400_000).toISOString();
		}
		checkRange({ label: 'Data Start', value: start }, { label: 'Data End', value: end });
		spec.dataStartTime = start;
		spec.dataEndTime = end ?? (start ? new Date().toISOString() : undefined);
	}
	const reportOptions: Record<string, string> = {
		...definition?.reportOptions?.(read),
		...otherReportOptions.call(this, itemIndex),
	};
	if (Object.keys(reportOptions).length) spec.reportOptions = reportOptions;
	return { spec, definition };
}

/** Amazon's reportOptions given as name/value pairs (option "Report Options (Other Types)"). */
export function otherReportOptions(this: IExecuteFunctions, itemIndex: number): Record<string, string> {
	const options: Record<string, string> = {};
	const pairs = this.getNodeParameter('options.reportOptions.option', itemIndex, []) as Array<{ name?: string; value?: string }>;
	for (const { name, value } of pairs ?? []) {
		if (name?.trim()) options[name.trim()] = String(value ?? '');
	}
	return options;
}

interface OptionValues {
	binaryPropertyName?: string;
	failIfNoData?: boolean;
	maxItemsMegabytes?: number;
	maxReportMegabytes?: number;
	maxWaitMinutes?: number;
	returnFile?: boolean;
	reuseWithinMinutes?: number;
}

export interface DownloadChoices {
	simplify: boolean;
	/** The report's own output choice. */
	output?: string;
	/** Attach the original file under this binary field. */
	attachField?: string;
	returnFile: boolean;
	failIfNoData: boolean;
	limits: Limits;
	/** What becomes of the rows: Filter Rows, then items, a file or a summary. */
	plan: OutputPlan;
	/** Options → Max Items Size (MB); 0 removes the limit. */
	maxItemsMegabytes?: number;
}

/** What Get and Download do with a document: typed or raw items, a file, limits. */
export function downloadChoicesFor(this: IExecuteFunctions, itemIndex: number, definition: SpReportType | undefined): DownloadChoices {
	const options = this.getNodeParameter('options', itemIndex, {}) as OptionValues & Record<string, unknown>;
	// Get has the report type's output choice beside the type; Download, which learns the type from
	// Amazon, among its options.
	const outputParameter = outputParameterOf(definition);
	const chosen = outputParameter ? (options[outputParameter.name] ?? this.getNodeParameter(outputParameter.name, itemIndex, outputParameter.default)) : undefined;
	const output = chosen === undefined ? undefined : String(chosen);
	// The report's own output choice may name one of its summary presets; that wins over Return Rows As.
	const preset = presetOf(definition, output);
	const mode = preset ? 'summary' : (this.getNodeParameter('returnRowsAs', itemIndex, 'items') as OutputMode);
	// A preset gives one item per report (or per settlement …): the original file goes on the first, as with items.
	const attachField = options.binaryPropertyName === undefined || (mode === 'summary' && !preset) ? undefined : String(options.binaryPropertyName).trim() || 'data';
	const plan = outputPlanFor((name, fallback) => this.getNodeParameter(name, itemIndex, fallback), mode, SP_OUTPUT_LABELS, { preset });
	if (options.returnFile !== true) checkAttachField(plan, attachField, { attach: 'Attach Original File in Field', file: 'Put Output File in Field' });
	return {
		// A preset reads the typed records.
		simplify: preset !== undefined || (this.getNodeParameter('simplify', itemIndex, true) as boolean),
		output,
		attachField,
		returnFile: options.returnFile === true,
		failIfNoData: options.failIfNoData === true,
		limits: limitsWithMaxMegabytes(options.maxReportMegabytes, definition?.defaultMaxReportMegabytes),
		plan,
		maxItemsMegabytes: options.maxItemsMegabytes,
	};
}

/** Reuse, the wait and its messages. */
export function lifecycleOptionsFor(this: IExecuteFunctions, itemIndex: number, definition: SpReportType | undefined): LifecycleOptions {
	const options = this.getNodeParameter('options', itemIndex, {}) as OptionValues;
	const reuse = options.reuseWithinMinutes === undefined ? (definition?.defaultReuseMinutes ?? 0) : Number(options.reuseWithinMinutes);
	return {
		reuseWithinMinutes: Number.isFinite(reuse) ? Math.max(0, reuse) : 0,
		maxWaitMinutes: Math.max(0.1, Number(options.maxWaitMinutes ?? 15)),
		signal: this.getExecutionCancelSignal(),
		progress: progressFor.call(this),
		limits: limitsWithMaxMegabytes(options.maxReportMegabytes, definition?.defaultMaxReportMegabytes),
	};
}

