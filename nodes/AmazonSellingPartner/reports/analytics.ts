// What the Brand Analytics and vendor analytics reports share: Amazon's reportPeriod and its
// whole-period date ranges, the distributor view and selling program, ASIN lists, and the context
// every item carries from the document's reportSpecification. Each report file only says which.
import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { AmazonRequestError } from '../../shared/errors';
import { STREAMED_MAX_REPORT_MB } from '../../shared/pipeline/limits';
import { asObject, flattenMetrics, toNumber } from './shapeHelpers';
import type { FitRange, ReportSample, ShapeContext, StreamedReportType } from './types';

export type ReportPeriod = 'DAY' | 'WEEK' | 'MONTH' | 'QUARTER' | 'YEAR';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

const PERIODS: Record<ReportPeriod, INodePropertyOptions & { noun: string }> = {
	DAY: { name: 'Day', value: 'DAY', description: 'Whole days (UTC)', noun: 'day' },
	MONTH: { name: 'Month', value: 'MONTH', description: 'Calendar months', noun: 'month' },
	QUARTER: { name: 'Quarter', value: 'QUARTER', description: 'Calendar quarters, starting in January, April, July and October', noun: 'quarter' },
	WEEK: { name: 'Week', value: 'WEEK', description: 'Sunday to Saturday', noun: 'week' },
	YEAR: { name: 'Year', value: 'YEAR', description: 'Calendar years', noun: 'year' },
};

/** The Report Period parameter of a report type (`name` unique in the registry). */
export function reportPeriodParameter(name: string, periods: ReportPeriod[], onePeriod: boolean): INodeProperties {
	return {
		displayName: 'Report Period',
		name,
		type: 'options',
		options: periods.map((period) => ({ name: PERIODS[period].name, value: period, description: PERIODS[period].description })).sort((a, b) => a.name.localeCompare(b.name)),
		default: 'WEEK',
		description: onePeriod ? 'The period the report covers: Amazon makes it for one whole period' : 'The period each item covers',
		hint: onePeriod
			? 'One period per report: the one Data Start falls in, or (Data Start empty) the last complete one'
			: 'Data Start goes back to the start of its period, Data End to the end of the last complete period; both empty: the last complete period',
	};
}

/** A choice among report option values: empty is the default, anything else must be one of them (case aside). */
export function optionChoice(value: unknown, allowed: readonly string[], fallback: string, label: string): string {
	const text = value === undefined || value === null ? '' : String(value).trim().toUpperCase();
	if (!text) return fallback;
	if (!allowed.includes(text)) {
		throw new AmazonRequestError(`"${label}" is "${String(value)}", which Amazon does not take`, {
			description: `Choose one of ${allowed.join(', ')}.`,
		});
	}
	return text;
}

/**
 * Amazon's rule for these reports: dataStartTime is the first day of a reportPeriod (a Sunday for
 * WEEK) and dataEndTime the last day (a Saturday); some types take one period per report. The range
 * the user gave is moved to whole periods, up to the last complete one; a range that cannot be made
 * whole (the period is not over yet, or spans several where one is allowed) is an error here rather
 * than a FATAL report minutes later.
 */
export function wholePeriods(periodParameter: string, periods: ReportPeriod[], onePeriod: boolean, reportName: string): FitRange {
	return (given, read) => {
		const period = optionChoice(read(periodParameter), periods, 'WEEK', 'Report Period') as ReportPeriod;
		const noun = PERIODS[period].noun;
		const yesterday = utcDay(Date.now()) - DAY_MS;
		const lastDay = Math.min(given.end ? utcDay(Date.parse(given.end)) : yesterday, yesterday);
		if (onePeriod && given.start) {
			const start = periodStart(utcDay(Date.parse(given.start)), period);
			const end = periodEnd(start, period);
			if (end > yesterday) {
				throw new AmazonRequestError(`The ${noun} of "Data Start" (${isoDay(start)} to ${isoDay(end)}) is not over yet`, {
					description: `Amazon makes ${reportName} reports for complete ${noun}s. Choose an earlier Data Start, or leave it empty for the last complete ${noun}.`,
				});
			}
			if (given.end && utcDay(Date.parse(given.end)) > end) {
				throw new AmazonRequestError(`${reportName} reports cover one ${noun} at a time, but "Data Start" and "Data End" span more`, {
					description: `Leave Data End empty (the ${noun} of Data Start, ${isoDay(start)} to ${isoDay(end)}, is used), or make one request per ${noun}, e.g. from items with a Data Start each.`,
				});
			}
			return wholeDays(start, end);
		}
		const end = lastCompleteEnd(lastDay, period);
		const start = given.start && !onePeriod ? periodStart(utcDay(Date.parse(given.start)), period) : periodStart(end, period);
		if (start > end) {
			throw new AmazonRequestError(`There is no complete ${noun} between "Data Start" (${isoDay(utcDay(Date.parse(given.start as string)))}) and "Data End" (${isoDay(lastDay)})`, {
				description: `Amazon makes ${reportName} reports for complete ${noun}s${period === 'WEEK' ? ' (Sunday to Saturday)' : ''}. Widen the range, or leave both empty for the last complete ${noun}.`,
			});
		}
		return wholeDays(start, end);
	};
}

/**
 * The real-time vendor reports' hours: the last `defaultHours` whole hours by default, within
 * Amazon's limits (how far back a start may be, how long a range, how long ago it must end).
 */
export function wholeHours(rules: { defaultHours: number; lookBackHours?: number; maxSpanHours?: number; endDelayMinutes?: number }, reportName: string): FitRange {
	return (given) => {
		const now = Date.now();
		const latestEnd = Math.floor((now - (rules.endDelayMinutes ?? 0) * 60_000) / HOUR_MS) * HOUR_MS;
		const end = given.end ? Date.parse(given.end) : latestEnd;
		const start = given.start ? Date.parse(given.start) : end - rules.defaultHours * HOUR_MS;
		if (rules.endDelayMinutes && given.end && end > now - rules.endDelayMinutes * 60_000) {
			throw new AmazonRequestError(`"Data End" must be at least ${rules.endDelayMinutes} minutes ago for ${reportName} reports`, {
				description: `Amazon reports on hours that ended at least ${rules.endDelayMinutes} minutes before the request. Leave Data End empty for the last such hour.`,
			});
		}
		if (rules.lookBackHours && start < now - rules.lookBackHours * HOUR_MS) {
			throw new AmazonRequestError(`"Data Start" is more than ${rules.lookBackHours} hours back, which ${reportName} reports do not reach`, {
				description: `Amazon keeps ${reportName} data for ${rules.lookBackHours} hours (${rules.lookBackHours / 24} days). Choose a later Data Start.`,
			});
		}
		if (rules.maxSpanHours && end - start > rules.maxSpanHours * HOUR_MS) {
			throw new AmazonRequestError(`"Data Start" to "Data End" is more than ${rules.maxSpanHours} hours, the most one ${reportName} report covers`, {
				description: `Make one request per ${rules.maxSpanHours} hours, or shorten the range.`,
			});
		}
		return { start: new Date(start).toISOString(), end: new Date(end).toISOString() };
	};
}

/**
 * A list of ASINs for a report option: 10 letters or digits each, separated by spaces, commas or
 * new lines, written space-separated as Amazon takes them, at most `maxChars` characters.
 */
export function asinListOption(value: unknown, label: string, maxChars: number, required: boolean, tooLong: string): string | undefined {
	const asins = [...new Set(String(value ?? '').toUpperCase().split(/[\s,;]+/).filter(Boolean))];
	if (!asins.length) {
		if (!required) return undefined;
		throw new AmazonRequestError(`"${label}" is empty`, { description: 'Amazon requires at least one ASIN for this report, like B0EXAMPLE1.' });
	}
	const wrong = asins.find((asin) => !/^[A-Z0-9]{10}$/.test(asin));
	if (wrong) {
		throw new AmazonRequestError(`"${label}" holds "${wrong.slice(0, 40)}", which is not an ASIN`, {
			description: 'ASINs are 10 letters and digits, like B0EXAMPLE1. Separate them with spaces or commas.',
		});
	}
	const joined = asins.join(' ');
	if (joined.length > maxChars) {
		throw new AmazonRequestError(`"${label}" is ${joined.length} characters once written as Amazon takes them (${asins.length} ASINs); Amazon takes at most ${maxChars}`, {
			description: tooLong,
		});
	}
	return joined;
}

/** The fields every item ends with, from the reportSpecification (and the request, for the marketplace). */
export function specificationFields(members: IDataObject, context: ShapeContext, fields: { options?: string[]; range?: boolean; lastUpdated?: boolean }): IDataObject {
	const specification = asObject(members.reportSpecification) ?? {};
	const reportOptions = asObject(specification.reportOptions) ?? {};
	const result: IDataObject = {};
	for (const option of fields.options ?? []) result[option] = textOf(reportOptions[option]);
	if (fields.range !== false) {
		result.dataStartTime = textOf(specification.dataStartTime);
		result.dataEndTime = textOf(specification.dataEndTime);
	}
	if (fields.lastUpdated) result.lastUpdatedDate = textOf(specification.lastUpdatedDate);
	const marketplaceIds = Array.isArray(specification.marketplaceIds) ? specification.marketplaceIds.map(String) : context.marketplaceIds;
	// These reports are made for one marketplace each.
	result.marketplaceId = marketplaceIds[0] ?? null;
	return result;
}

export function textOf(value: unknown): string | null {
	if (typeof value === 'string') return value === '' ? null : value;
	return typeof value === 'number' ? String(value) : null;
}

/**
 * Elements shaped like Amazon's example row of the schema, which has every field: the same columns
 * in the same order (missing ones null, so that every item has them), then any field Amazon added;
 * metric groups and money flattened (flattenMetrics); numeric text where the example has a number.
 * With several lists, `list` first says which one an item is from.
 */
export function rowsLike(example: IDataObject, multipleLists: boolean): (element: IDataObject, list: string) => IDataObject {
	const flat = flattenMetrics(example);
	const columns = Object.keys(flat);
	const numeric = new Set(columns.filter((column) => typeof flat[column] === 'number'));
	// Flat rows (search terms: millions of them) are read as they are.
	const nested = Object.values(example).some((value) => asObject(value) !== undefined);
	const numericColumns = [...numeric];
	return (element, list) => {
		if (!nested && !multipleLists && hasColumns(element, columns)) {
			// A flat row with exactly the example's columns (almost every search terms row) is the item
			// itself: parsed fresh for it, it needs no copy.
			for (const column of numericColumns) if (typeof element[column] === 'string') element[column] = toNumber(element[column]) ?? element[column];
			return element;
		}
		const fields = nested ? flattenMetrics(element) : element;
		const item: IDataObject = multipleLists ? { list } : {};
		for (const column of columns) {
			const value = fields[column];
			item[column] = value === undefined ? null : numeric.has(column) && typeof value === 'string' ? (toNumber(value) ?? value) : value;
		}
		for (const key in fields) if (!(key in item)) item[key] = fields[key];
		return item;
	};
}

/** Whether a row has exactly these fields, in this order. */
function hasColumns(row: IDataObject, columns: readonly string[]): boolean {
	let index = 0;
	for (const key in row) if (key !== columns[index++]) return false;
	return index === columns.length;
}

/** The Distributor View parameter of a vendor report. */
export function distributorViewParameter(name: string): INodeProperties {
	return {
		displayName: 'Distributor View',
		name,
		type: 'options',
		options: [
			{ name: 'Manufacturing', value: 'MANUFACTURING', description: 'The products you make, whoever sold them to Amazon; with ordered revenue and units' },
			{ name: 'Sourcing', value: 'SOURCING', description: 'The products Amazon bought from you' },
		],
		default: 'MANUFACTURING',
	};
}

/** The Selling Program parameter of a vendor report, with the programs its report takes. */
export function sellingProgramParameter(name: string, programs: Array<'BUSINESS' | 'FRESH' | 'RETAIL'>): INodeProperties {
	const all = {
		BUSINESS: { name: 'Amazon Business', value: 'BUSINESS', description: 'Sales to business customers' },
		FRESH: { name: 'Amazon Fresh', value: 'FRESH', description: 'Groceries sold through Amazon Fresh' },
		RETAIL: { name: 'Retail', value: 'RETAIL', description: 'Amazon Retail' },
	};
	return { displayName: 'Selling Program', name, type: 'options', options: programs.map((program) => all[program]), default: 'RETAIL' };
}

/** A report's sample document as Amazon serves these reports: pretty-printed JSON, gzipped. */
export function jsonSample(document: IDataObject): ReportSample {
	return { text: JSON.stringify(document, null, 2), charset: 'UTF-8', compression: 'GZIP' };
}

/** What these report types have in common in the registry. */
export const STREAMED_ANALYTICS: Pick<StreamedReportType, 'format' | 'requestable' | 'perMarketplace' | 'defaultMaxReportMegabytes'> = {
	format: 'json',
	requestable: true,
	// One marketplace per report (Amazon fails a report of several).
	perMarketplace: true,
	defaultMaxReportMegabytes: STREAMED_MAX_REPORT_MB,
};

function utcDay(time: number): number {
	return Math.floor(time / DAY_MS) * DAY_MS;
}

function isoDay(day: number): string {
	return new Date(day).toISOString().slice(0, 10);
}

function wholeDays(start: number, end: number): { start: string; end: string } {
	return { start: `${isoDay(start)}T00:00:00Z`, end: `${isoDay(end)}T23:59:59Z` };
}

/** The first day of the period `day` is in. */
function periodStart(day: number, period: ReportPeriod): number {
	const date = new Date(day);
	const year = date.getUTCFullYear();
	const month = date.getUTCMonth();
	switch (period) {
		case 'DAY':
			return day;
		case 'WEEK':
			return day - date.getUTCDay() * DAY_MS;
		case 'MONTH':
			return Date.UTC(year, month, 1);
		case 'QUARTER':
			return Date.UTC(year, month - (month % 3), 1);
		default:
			return Date.UTC(year, 0, 1);
	}
}

/** The last day of the period that starts on `start`. */
function periodEnd(start: number, period: ReportPeriod): number {
	const date = new Date(start);
	const year = date.getUTCFullYear();
	const month = date.getUTCMonth();
	switch (period) {
		case 'DAY':
			return start;
		case 'WEEK':
			return start + 6 * DAY_MS;
		case 'MONTH':
			return Date.UTC(year, month + 1, 0);
		case 'QUARTER':
			return Date.UTC(year, month + 3, 0);
		default:
			return Date.UTC(year, 11, 31);
	}
}

/** The last day of the last period that is over by `lastDay`. */
function lastCompleteEnd(lastDay: number, period: ReportPeriod): number {
	const start = periodStart(lastDay, period);
	return periodEnd(start, period) <= lastDay ? periodEnd(start, period) : start - DAY_MS;
}

/** The first row of a list of an example document. */
export function exampleRow(document: IDataObject, list: string): IDataObject {
	return (document[list] as IDataObject[])[0];
}

type SellingProgram = 'BUSINESS' | 'FRESH' | 'RETAIL';

/** What one Brand Analytics or vendor analytics report is: the rest follows from Amazon's conventions for them. */
export interface AnalyticsReport {
	reportType: string;
	name: string;
	description: string;
	/** Starts the names of the report's parameters (`${prefix}ReportPeriod` …), unique in the registry. */
	prefix: string;
	/** Amazon's reportPeriod values it takes, and whether one report covers a single period. */
	periods?: { values: ReportPeriod[]; onePeriod: boolean };
	/** The real-time reports' hours instead (wholeHours). */
	hours?: Parameters<typeof wholeHours>[0];
	distributorView?: boolean;
	sellingPrograms?: SellingProgram[];
	/** A list of ASINs as a report option: `asin` (required) or `asins` (optional), with its parameter's texts. */
	asins?: { option: 'asin' | 'asins'; description: string; hint?: string; tooMany: string };
	/** The document's lists of items; the last one's example row gives every item its columns. */
	lists: string[];
	/** The reportSpecification has a lastUpdatedDate. */
	lastUpdated?: boolean;
	/** Fields the item gets before the specification's, from the document's top-level members. */
	leadingContext?: (members: IDataObject) => IDataObject;
	/** Amazon's example document of the report schema. */
	example: IDataObject;
}

const DISTRIBUTOR_VIEWS = ['MANUFACTURING', 'SOURCING'];

/** A registry entry for a Brand Analytics or vendor analytics report, from what sets it apart. */
export function analyticsReport(report: AnalyticsReport): StreamedReportType {
	const { prefix, periods, sellingPrograms, asins } = report;
	const reportName = report.name.replace(/^Brand Analytics /, '');
	const parameters: INodeProperties[] = [];
	const options: string[] = [];
	if (periods) {
		parameters.push(reportPeriodParameter(`${prefix}ReportPeriod`, periods.values, periods.onePeriod));
		options.push('reportPeriod');
	}
	if (report.distributorView) {
		parameters.push(distributorViewParameter(`${prefix}DistributorView`));
		options.push('distributorView');
	}
	if (sellingPrograms) {
		parameters.push(sellingProgramParameter(`${prefix}SellingProgram`, sellingPrograms));
		options.push('sellingProgram');
	}
	if (asins) {
		parameters.push({
			displayName: 'ASINs',
			name: `${prefix}Asins`,
			type: 'string',
			default: '',
			...(asins.option === 'asin' ? { required: true } : {}),
			placeholder: 'e.g. B0EXAMPLE1 B0EXAMPLE2',
			description: asins.description,
			...(asins.hint ? { hint: asins.hint } : {}),
		});
	}
	const range = periods ? { fit: wholePeriods(`${prefix}ReportPeriod`, periods.values, periods.onePeriod, reportName) } : report.hours ? { fit: wholeHours(report.hours, reportName) } : 'none';
	const rowList = report.lists[report.lists.length - 1];
	const fields = { options, range: range !== 'none', lastUpdated: report.lastUpdated };
	const leading = report.leadingContext;
	return {
		...STREAMED_ANALYTICS,
		reportType: report.reportType,
		name: report.name,
		description: report.description,
		roles: ['Brand Analytics'],
		dataRange: range,
		...(parameters.length ? { parameters } : {}),
		...(parameters.length
			? {
					reportOptions: (read: (name: string) => unknown) => {
						const chosen: Record<string, string> = {};
						if (periods) chosen.reportPeriod = optionChoice(read(`${prefix}ReportPeriod`), periods.values, 'WEEK', 'Report Period');
						if (report.distributorView) chosen.distributorView = optionChoice(read(`${prefix}DistributorView`), DISTRIBUTOR_VIEWS, 'MANUFACTURING', 'Distributor View');
						if (sellingPrograms) chosen.sellingProgram = optionChoice(read(`${prefix}SellingProgram`), sellingPrograms, 'RETAIL', 'Selling Program');
						if (asins) {
							const list = asinListOption(read(`${prefix}Asins`), 'ASINs', 200, asins.option === 'asin', asins.tooMany);
							if (list) chosen[asins.option] = list;
						}
						return chosen;
					},
				}
			: {}),
		stream: {
			lists: report.lists,
			element: rowsLike(exampleRow(report.example, rowList), report.lists.length > 1),
			context: leading
				? (members, context) => ({ ...leading(members), ...specificationFields(members, context, fields) })
				: (members, context) => specificationFields(members, context, fields),
		},
		sample: jsonSample(report.example),
	};
}
