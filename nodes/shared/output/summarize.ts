// Summary per Group: totals computed in the stream. Each record updates the totals of its group
// (count, sum, min, max, average, the latest value) and is dropped, so memory follows the number
// of groups, not the report's size; past a cap on groups the summary stops with an error.
//
// The same machinery makes the reports' own summaries (the Appstore's Summary per Month, a
// settlement's summary): a preset is plain data a registry file declares — sections of group-by
// fields and aggregations, how each appears in the summary item, and a text for Slack or email:
//
//   summary: {
//     fields: { report: 'sales' },                                   // written first
//     sections: [
//       { name: 'totals', values: [{ op: 'count', name: 'transactions' }], output: 'fields' },
//       { name: 'perDay', groupBy: [{ field: 'transactionTime', bucket: 'day', name: 'day' }],
//         values: [{ op: 'sum', field: 'estimatedEarnings', name: 'earnings' }], output: 'list' },
//     ],
//     text: 'Sales {reportMonth}: {transactions:count} transactions',  // or (summary) => string
//   }
import type { IDataObject } from 'n8n-workflow';

import { AmazonRequestError } from '../errors';
import { DecimalSum } from './decimalSum';
import type { FieldKind } from './fields';
import { detached, fieldReader, numericText, startsWithIsoDate } from './fields';
import type { FilterCondition, RecordPredicate } from './filter';
import { compileFilter } from './filter';

export type DateBucket = 'day' | 'week' | 'month';

export type SummaryValue = string | number | boolean | null;

export interface GroupField {
	/** The field, or fields tried in order: the first that has a value gives the group. */
	field: string | string[];
	/** Output key. Default: the field, with the bucket after it (purchaseDateMonth). */
	name?: string;
	/** A date field grouped by the day, week (starting Monday) or month it is written in. */
	bucket?: DateBucket;
	/** The group of rows where no field has a value (default: null). */
	otherwise?: SummaryValue;
	/** Groups by it without writing it out. */
	hidden?: boolean;
}

export type AggregationOp = 'count' | 'sum' | 'min' | 'max' | 'average' | 'latest';

export interface Aggregation {
	op: AggregationOp;
	/** What to add up. Count without a field counts rows; with one, rows where it has a value. */
	field?: string;
	/** Output key. Default: op_field, as n8n's Summarize node names them (sum_itemPrice), or count. */
	name?: string;
	/** Only rows that meet all these conditions count. */
	where?: FilterCondition[];
	/** For latest: the field that orders the rows (a date); the value comes from the last row by it. */
	by?: string;
	/** The value when no row had one: default 0 for count and sum, null for the others. */
	otherwise?: SummaryValue;
}

export interface SummarySection {
	name: string;
	groupBy?: GroupField[];
	values: Aggregation[];
	/** Summarize another section's groups instead of the rows: totals of per-group values. */
	from?: string;
	/** Order of the groups: by these output keys, in turn. Default: first seen first. */
	sort?: Array<{ field: string; descending?: boolean }>;
	/** Only the first `count` groups after sorting, per value of the `per` keys. */
	top?: { count: number; per?: string[] };
	/** In the summary item: the one group's values as fields, the groups as a list under `name`, or nothing. */
	output: 'fields' | 'list' | 'none';
}

export interface SummaryPreset {
	/** Constant fields, after the caller's own (e.g. reportMonth) and before the sections. */
	fields?: IDataObject;
	sections: SummarySection[];
	/** A sentence for Slack or email: a template of the summary's fields ({units:count}, {sales:amount}, {reportMonth}) or a function of the summary. */
	text?: string | ((summary: IDataObject) => string);
	/** Most groups a section may have (default DEFAULT_MAX_GROUPS). */
	maxGroups?: number;
}

export const DEFAULT_MAX_GROUPS = 50_000;

export interface SummaryContext {
	/** What is summarized, for messages: "Orders by Order Date report 5003 (…)". */
	what: string;
	kinds?: Map<string, FieldKind>;
	maxGroups?: number;
	/** How the editor names the limit, for its error. */
	maxGroupsLabel?: string;
	/**
	 * Conditions shared by several values (a preset's "refunds" and "sales") compiled once, each
	 * deciding once per record whichever value asks.
	 */
	conditions?: Map<FilterCondition[], RecordPredicate>;
}

// ── One section: rows in, one totals row per group out ─────────────────────────────────────────

interface Accumulator {
	add(record: IDataObject): void;
	result(): SummaryValue;
}

type AccumulatorFactory = () => Accumulator;

/** The groups of one section, with each group's accumulators; `rows()` gives one row per group. */
export class GroupTable {
	private readonly groups = new Map<string, { keys: SummaryValue[]; accumulators: Accumulator[] }>();

	/** The record's group key; its values are left in `this.keys` (one array for all records). */
	private readonly keyOf: (record: IDataObject, keys: SummaryValue[]) => string;

	private readonly keys: SummaryValue[] = [];

	private readonly factories: AccumulatorFactory[];

	private readonly names: string[];

	private readonly maxGroups: number;

	constructor(
		private readonly section: Omit<SummarySection, 'output' | 'name'> & { name?: string },
		private readonly context: SummaryContext,
	) {
		const groupBy = section.groupBy ?? [];
		this.keyOf = groupKeyReader(groupBy, context.what);
		this.factories = section.values.map((aggregation) => accumulatorFactory(aggregation, context));
		this.names = section.values.map(aggregationName);
		this.maxGroups = context.maxGroups ?? DEFAULT_MAX_GROUPS;
		// Without group fields there is one group, there even when no row comes: its totals are 0.
		if (!groupBy.length) this.groups.set('', { keys: [], accumulators: this.factories.map((make) => make()) });
	}

	add(record: IDataObject): void {
		const key = this.keyOf(record, this.keys);
		let group = this.groups.get(key);
		if (group === undefined) {
			if (this.groups.size >= this.maxGroups) throw this.tooManyGroups();
			group = { keys: this.keys.map(detached), accumulators: this.factories.map((make) => make()) };
			this.groups.set(key, group);
		}
		const { accumulators } = group;
		for (let index = 0; index < accumulators.length; index++) accumulators[index].add(record);
	}

	/** One row per group: its group fields (not the hidden ones), then its values; sorted and cut as the section says. */
	rows(): IDataObject[] {
		const groupBy = (this.section.groupBy ?? []).map((group) => ({ name: groupFieldName(group), hidden: group.hidden === true }));
		let rows: IDataObject[] = [];
		for (const { keys, accumulators } of this.groups.values()) {
			const row: IDataObject = {};
			groupBy.forEach((group, index) => {
				if (!group.hidden) row[group.name] = keys[index];
			});
			accumulators.forEach((accumulator, index) => (row[this.names[index]] = accumulator.result()));
			rows.push(row);
		}
		const sort = this.section.sort;
		if (sort?.length) rows.sort((a, b) => compareRows(a, b, sort));
		const top = this.section.top;
		if (top) {
			const kept = new Map<string, number>();
			rows = rows.filter((row) => {
				const key = (top.per ?? []).map((field) => keyPart(row[field] as SummaryValue)).join('\u0000');
				const count = kept.get(key) ?? 0;
				kept.set(key, count + 1);
				return count < top.count;
			});
		}
		return rows;
	}

	private tooManyGroups(): AmazonRequestError {
		const fields = (this.section.groupBy ?? []).map(groupFieldName).join(', ');
		return new AmazonRequestError(`The summary of the ${this.context.what} has more than ${this.maxGroups.toLocaleString('en-US')} groups (grouped by ${fields})`, {
			description: `A summary keeps one total per group, and each group becomes an item. Group by fewer fields or coarser ones (a date by week or month instead of day), or keep fewer rows with Filter Rows. ${this.context.maxGroupsLabel ?? 'Max Groups'} raises the limit.`,
		});
	}
}

export function groupFieldName(group: GroupField): string {
	if (group.name) return group.name;
	const field = Array.isArray(group.field) ? group.field[0] : group.field;
	return group.bucket ? `${field}${group.bucket[0].toUpperCase()}${group.bucket.slice(1)}` : field;
}

export function aggregationName(aggregation: Aggregation): string {
	if (aggregation.name) return aggregation.name;
	return aggregation.field ? `${aggregation.op}_${aggregation.field}` : aggregation.op;
}

/** A group's key as text (types kept apart: the number 1 is not the text "1", nor null "null"). */
function keyPart(value: SummaryValue | undefined): string {
	if (typeof value === 'string') return value;
	if (value === null || value === undefined) return '\u0001';
	return `\u0002${String(value)}`;
}

function groupKeyReader(groupBy: GroupField[], what: string): (record: IDataObject, keys: SummaryValue[]) => string {
	const readers = groupBy.map((group) => groupValueReader(group, what));
	if (readers.length === 0) return () => '';
	if (readers.length === 1) {
		const [read] = readers;
		return (record, keys) => keyPart((keys[0] = read(record)));
	}
	// Built by concatenation, without an array per record (a million records, several sections).
	return (record, keys) => {
		let key = keyPart((keys[0] = readers[0](record)));
		for (let index = 1; index < readers.length; index++) key += `\u0000${keyPart((keys[index] = readers[index](record)))}`;
		return key;
	};
}

function groupValueReader(group: GroupField, what: string): (record: IDataObject) => SummaryValue {
	const fields = Array.isArray(group.field) ? group.field : [group.field];
	const reads = fields.map(fieldReader);
	const otherwise = group.otherwise ?? null;
	const bucket = group.bucket ? dateBucketer(group.bucket, fields.join(' / '), what) : undefined;
	return (record) => {
		for (const read of reads) {
			const value = read(record);
			if (value === null || value === undefined) continue;
			if (bucket) return bucket(value);
			return typeof value === 'object' ? JSON.stringify(value) : (value as SummaryValue);
		}
		return otherwise;
	};
}

/**
 * The day, week or month a date is written in: `2025-03-05`, the week's Monday `2025-03-03`, or
 * `2025-03`. The report's own calendar (its dates carry the marketplace's offset), not UTC.
 */
function dateBucketer(bucket: DateBucket, field: string, what: string): (value: unknown) => SummaryValue {
	const mondays = new Map<string, string>();
	return (value) => {
		let day: string | undefined;
		if (typeof value === 'string' && startsWithIsoDate(value)) day = value.slice(0, 10);
		else if (typeof value === 'string' && value.trim()) {
			const time = Date.parse(value);
			if (!Number.isNaN(time)) day = new Date(time).toISOString().slice(0, 10);
		}
		if (day === undefined) {
			if (value === '') return null;
			throw new AmazonRequestError(`The summary of the ${what} groups ${field} by ${bucket}, but "${String(value)}" is not a date`, {
				description: 'Group by a date field (the field list says which fields are dates), or group this field by its value. Dates need Simplify on.',
			});
		}
		if (bucket === 'day') return day;
		if (bucket === 'month') return day.slice(0, 7);
		let monday = mondays.get(day);
		if (monday === undefined) {
			const time = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
			const sinceMonday = (new Date(time).getUTCDay() + 6) % 7;
			monday = new Date(time - sinceMonday * 86_400_000).toISOString().slice(0, 10);
			mondays.set(day, monday);
		}
		return monday;
	};
}

/** A number from a typed value or from plainly written text (Simplify off); undefined otherwise. */
function numberOf(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (typeof value === 'string' && value !== '') return numericText(value);
	return undefined;
}

/** Orders two values of a field: numbers as numbers, ISO dates with times as instants, other text as text. */
function compareValues(a: SummaryValue, b: SummaryValue): number {
	if (typeof a === 'number' && typeof b === 'number') return a - b;
	if (typeof a === 'string' && typeof b === 'string') {
		if (a.length > 10 && b.length > 10 && startsWithIsoDate(a) && startsWithIsoDate(b) && a.slice(10) !== b.slice(10)) {
			const difference = Date.parse(a) - Date.parse(b);
			if (!Number.isNaN(difference)) return difference;
		}
		return a < b ? -1 : a > b ? 1 : 0;
	}
	return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

function compareRows(a: IDataObject, b: IDataObject, sort: NonNullable<SummarySection['sort']>): number {
	for (const { field, descending } of sort) {
		const left = a[field] as SummaryValue | undefined;
		const right = b[field] as SummaryValue | undefined;
		// Groups without a value last, whichever the direction.
		const leftEmpty = left === null || left === undefined;
		const rightEmpty = right === null || right === undefined;
		if (leftEmpty || rightEmpty) {
			if (leftEmpty !== rightEmpty) return leftEmpty ? 1 : -1;
			continue;
		}
		const order = typeof left === 'string' && typeof right === 'string' ? left.localeCompare(right) : compareValues(left, right);
		if (order !== 0) return descending ? -order : order;
	}
	return 0;
}

function accumulatorFactory(aggregation: Aggregation, context: SummaryContext): AccumulatorFactory {
	const where = aggregation.where?.length ? conditionOf(aggregation.where, context, `The summary value ${aggregationName(aggregation)}`) : undefined;
	const read = aggregation.field ? fieldReader(aggregation.field) : undefined;
	const otherwise = aggregation.otherwise;
	if (aggregation.op !== 'count' && !read) {
		throw new AmazonRequestError(`The summary value "${aggregation.op}" has no field`, { description: 'Choose the field to summarize from the list.' });
	}
	const readValue = read as (record: IDataObject) => unknown;
	switch (aggregation.op) {
		case 'count':
			return () => {
				let count = 0;
				return {
					add(record) {
						if (where && !where(record)) return;
						if (read) {
							const value = read(record);
							if (value === null || value === undefined || value === '') return;
						}
						count++;
					},
					result: () => count,
				};
			};
		case 'sum':
		case 'average':
			return () => {
				const sum = new DecimalSum();
				let count = 0;
				const average = aggregation.op === 'average';
				return {
					add(record) {
						if (where && !where(record)) return;
						const value = numberOf(readValue(record));
						if (value === undefined) return;
						sum.add(value);
						count++;
					},
					result: () => (average ? (count ? sum.value / count : (otherwise ?? null)) : count ? sum.value : (otherwise ?? 0)),
				};
			};
		case 'min':
		case 'max':
			return () => {
				let best: SummaryValue | undefined;
				const sign = aggregation.op === 'min' ? -1 : 1;
				return {
					add(record) {
						if (where && !where(record)) return;
						const raw = readValue(record);
						if (raw === null || raw === undefined || raw === '' || typeof raw === 'object') return;
						const value = (numberOf(raw) ?? raw) as SummaryValue;
						if (best === undefined || sign * compareValues(value, best) > 0) best = detached(value);
					},
					result: () => (best === undefined ? (otherwise ?? null) : best),
				};
			};
		case 'latest': {
			const readBy = aggregation.by ? fieldReader(aggregation.by) : undefined;
			return () => {
				let by: string | number | undefined;
				let value: SummaryValue | undefined;
				return {
					add(record) {
						if (where && !where(record)) return;
						// Rows without the ordering value come first (as the empty text); ties go to the later row.
						const order = readBy ? readBy(record) : undefined;
						const key = typeof order === 'number' ? order : String(order ?? '');
						if (by !== undefined && key < by) return;
						by = key;
						const current = readValue(record);
						value = current === undefined || typeof current === 'object' ? null : detached(current as SummaryValue);
					},
					result: () => (value === undefined || value === null ? (otherwise ?? null) : value),
				};
			};
		}
		default:
			throw new AmazonRequestError(`"${String(aggregation.op)}" is not a summary value`, {
				description: 'Choose one of Average, Count, Maximum, Minimum, Sum.',
			});
	}
}

/** The predicate of a value's conditions; the same conditions (by identity) share one, which decides once per record. */
function conditionOf(conditions: FilterCondition[], context: SummaryContext, label: string): RecordPredicate {
	let predicate = context.conditions?.get(conditions);
	if (predicate) return predicate;
	const test = compileFilter({ conditions, combine: 'and' }, context.kinds, label) as RecordPredicate;
	let last: IDataObject | undefined;
	let result = false;
	predicate = (record) => {
		if (record !== last) {
			last = record;
			result = test(record);
		}
		return result;
	};
	context.conditions?.set(conditions, predicate);
	return predicate;
}

// ── A preset: several sections in one pass, composed into one item ─────────────────────────────

/** A report's own summary (a preset): its sections fed in one pass, composed into one item. */
export class PresetSummary {
	private readonly tables = new Map<string, GroupTable>();

	constructor(
		private readonly preset: SummaryPreset,
		/** Fields written first (e.g. { reportMonth }). */
		private readonly leading: IDataObject,
		private readonly context: SummaryContext,
	) {
		const shared = { maxGroups: preset.maxGroups, conditions: new Map(), ...context };
		for (const section of preset.sections) {
			if (!section.from) this.tables.set(section.name, new GroupTable(section, shared));
		}
	}

	add(record: IDataObject): void {
		for (const table of this.tables.values()) table.add(record);
	}

	result(): IDataObject {
		const rows = new Map<string, IDataObject[]>();
		const rowsOf = (name: string): IDataObject[] => {
			let result = rows.get(name);
			if (result) return result;
			const section = this.preset.sections.find((candidate) => candidate.name === name);
			if (!section) throw new Error(`summary section "${name}" is not declared`);
			if (section.from) {
				const table = new GroupTable(section, { maxGroups: this.preset.maxGroups, ...this.context });
				for (const row of rowsOf(section.from)) table.add(row);
				result = table.rows();
			} else {
				result = (this.tables.get(name) as GroupTable).rows();
			}
			rows.set(name, result);
			return result;
		};
		const summary: IDataObject = { ...this.leading, ...this.preset.fields };
		for (const section of this.preset.sections) {
			if (section.output === 'fields') Object.assign(summary, rowsOf(section.name)[0] ?? {});
			else if (section.output === 'list') summary[section.name] = rowsOf(section.name);
		}
		const { text } = this.preset;
		if (text !== undefined) summary.text = typeof text === 'string' ? fillTemplate(text, summary) : text(summary);
		return summary;
	}
}

/** `{name}`, `{name:count}` (1,234), `{name:amount}` (1,234.5 → 1,234.50) from the summary's fields. */
export function fillTemplate(template: string, summary: IDataObject): string {
	return template.replace(/\{(\w+)(?::(count|amount))?\}/g, (_match, name: string, format?: string) => {
		const value = summary[name];
		if (typeof value === 'number' && format === 'count') return formatCount(value);
		if (typeof value === 'number' && format === 'amount') return formatAmount(value);
		return value === null || value === undefined ? '' : String(value);
	});
}

export function formatAmount(value: number): string {
	return value.toLocaleString('en-US', { minimumFractionDigits: Number.isInteger(value) ? 0 : 2, maximumFractionDigits: 2 });
}

export function formatCount(value: number): string {
	return value.toLocaleString('en-US');
}
