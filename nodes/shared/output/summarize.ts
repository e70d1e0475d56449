// Summary per Group: totals computed in the stream. Each record updates the totals of its group
// (count, sum, min, max, average, the latest value) and is dropped, so memory follows the number
// of groups, not the report's size; past a cap on groups the summary stops with an error.
//
// The same machinery makes the reports' own summaries (the Appstore's Summary per Month, Summary
// per Settlement): a preset is plain data a registry file declares — sections of group-by fields
// and aggregations, how each appears in the summary item, and a text for Slack or email:
//
//   summary: {
//     fields: { report: 'sales' },                                   // written first
//     sections: [
//       { name: 'totals', values: [{ op: 'count', name: 'transactions' }], output: 'fields' },
//       { name: 'perDay', groupBy: [{ field: 'transactionTime', bucket: 'day', name: 'day' }],
//         values: [{ op: 'sum', field: 'estimatedEarnings', name: 'earnings' }], output: 'list' },
//     ],
//     text: 'Sales {reportMonth}: {transactions:count} transactions',  // or (summary, format) => string
//   }
//
// What a preset may use besides (each general, none made for one report):
// - aggregations: count, sum, average, min, max, latest, `first` (the first value), `countUnique`
//   (distinct values, bounded: past `max` kept values the counts are null), `countUnreadable`
//   (values the report's typed columns kept as written because they could not be read: text in a
//   number column, a date whose day and month cannot be told apart); `fields` for the values of
//   several columns taken together (the amounts a report spreads over columns of their own);
// - sections: `where` (the rows a section counts), `split` (each row read as several, one per
//   column of a kind), `others` (past a number of groups, new ones summed under one, so endless
//   free-text kinds stay bounded), `output: 'object'` ({ ItemPrice: 27.99, ItemFees: -1 });
// - the preset: `per` (one item per value of a field, e.g. per settlement), `derive` (fields
//   computed from the summary: a check of two totals, warnings, with what the report's reader
//   remarked about the document), `money` (the currency and locale {x:money} writes amounts in),
//   `pick` (the item's fields and their order).
//
// Numbers: a field the report types as numbers holds text only where the report could not read
// the value (it is kept as written, for the user to see): sums, averages, minimums and maximums
// leave such text out (countUnreadable counts it). Untyped fields (Simplify off) add up numbers
// written plainly as text.
import type { IDataObject } from 'n8n-workflow';

import { AmazonRequestError } from '../errors';
import { DecimalSum } from './decimalSum';
import type { FieldKind } from './fields';
import { detached, fieldReader, numericText, startsWithIsoDate } from './fields';
import type { FilterCondition, RecordPredicate } from './filter';
import { compileFilter } from './filter';
import { formatAmount, formatCount, moneyFormatter } from './format';

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

export type AggregationOp = 'count' | 'countUnique' | 'countUnreadable' | 'sum' | 'min' | 'max' | 'average' | 'first' | 'latest';

export interface Aggregation {
	op: AggregationOp;
	/** What to add up. Count without a field counts rows; with one, rows where it has a value. */
	field?: string;
	/**
	 * Several fields taken together (count, countUnreadable, sum, average, min, max): each value of
	 * each counts, e.g. the amounts a report writes in a column per kind. Instead of `field`.
	 */
	fields?: string[];
	/** Output key. Default: op_field, as n8n's Summarize node names them (sum_itemPrice), or count. */
	name?: string;
	/** Only rows that meet all these conditions count. */
	where?: FilterCondition[];
	/** For latest: the field that orders the rows (a date); the value comes from the last row by it. */
	by?: string;
	/**
	 * For countUnique: the most distinct values kept, over all the section's groups together
	 * (default DEFAULT_MAX_UNIQUE). Past it every group's count is null and the values are let go:
	 * memory stays bounded whatever the report holds.
	 */
	max?: number;
	/** The value when no row had one: default 0 for the counts and sum, null for the others. */
	otherwise?: SummaryValue;
}

/**
 * A row read as several, for a report that writes each kind of amount in a column of its own
 * (an old settlement's price-amount, item-related-fee-amount …): one row per entry, each key of
 * the row read from a field of the record (its name) or a constant ({ value: 'ItemPrice' }). An
 * entry makes a row only when its `required` key has a value (a number, when the report types
 * its field as numbers). An entry whose keys all read the fields of the same name is the record.
 */
export interface SplitRows {
	rows: Array<Record<string, string | { value: SummaryValue }>>;
	required: string;
}

export interface SummarySection {
	name: string;
	/** Only rows that meet all these conditions count in this section (and make its groups). */
	where?: FilterCondition[];
	/** Each row read as several (see SplitRows); the groups and values read the split rows' keys. */
	split?: SplitRows;
	groupBy?: GroupField[];
	/**
	 * Past `after` groups, the rows of any new group are summed in one more group whose group
	 * fields hold `fields` (null for those not named), e.g. '(others)': a report with endless
	 * free-text kinds stays bounded. Without it, more groups than the most allowed is an error.
	 */
	others?: { after: number; fields: Record<string, SummaryValue> };
	values: Aggregation[];
	/** Summarize another section's groups instead of the rows: totals of per-group values. */
	from?: string;
	/** Order of the groups: by these output keys, in turn. Default: first seen first. */
	sort?: Array<{ field: string; descending?: boolean }>;
	/** Only the first `count` groups after sorting, per value of the `per` keys. */
	top?: { count: number; per?: string[] };
	/**
	 * In the summary item: the one group's values as fields; the groups as a list under `name`; as
	 * an object under `name`, each group's first group field → its first value (`{ ItemPrice: 27.99 }`,
	 * for expressions like {{ $json.totalsByAmountType.ItemFees }}); or nothing (read by `from`).
	 */
	output: 'fields' | 'list' | 'object' | 'none';
}

/** What a preset's `derive` knows besides the summary. */
export interface SummaryFacts {
	/** What the report's reader remarked about the document as a whole, that no row shows (e.g. why its numbers stay text). */
	remarks: IDataObject;
	/** Rows left out because their `per` value came after the most items allowed. */
	rowsLeftOut: number;
}

/** How a preset's text writes numbers: counts and amounts the US way, money as `money` says. */
export interface SummaryFormat {
	/** 1,234 */
	count(value: number): string;
	/** 1,234.50, or 1,234 for a whole amount */
	amount(value: number): string;
	/** "EUR 1.234,56": in the summary's currency and locale (SummaryPreset.money) */
	money(value: number): string;
}

export interface SummaryPreset {
	/** Constant fields, after the caller's own (e.g. reportMonth) and before the sections. */
	fields?: IDataObject;
	/**
	 * One item per value of this field (e.g. per settlement, for a file that holds several), each
	 * summarizing its own rows, in the order first seen; at most `max` items: the rows of further
	 * values are left out and counted (SummaryFacts.rowsLeftOut). Without it: one item.
	 */
	per?: GroupField & { max: number };
	sections: SummarySection[];
	/**
	 * Fields computed from the summary once every row is in (whether two totals agree, a count
	 * picked out of a list, warnings), added after the sections' fields and before the text.
	 */
	derive?: (summary: IDataObject, facts: SummaryFacts) => IDataObject;
	/** The summary fields holding the currency code (EUR) and the locale (de-DE) that {x:money} and `format.money` write amounts in. Default: no code, en-US. */
	money?: { currency?: string; locale?: string };
	/** A sentence for Slack or email: a template of the summary's fields ({units:count}, {sales:amount}, {total:money}, {reportMonth}) or a function of the summary. */
	text?: string | ((summary: IDataObject, format: SummaryFormat) => string);
	/** The item's fields, in this order (default: every field as composed); a field the summary lacks is null. Fields used only to derive others are left out this way. */
	pick?: string[];
	/** Most groups a section may have (default DEFAULT_MAX_GROUPS). */
	maxGroups?: number;
}

export const DEFAULT_MAX_GROUPS = 50_000;

/** Distinct values a countUnique keeps, at most, over a section's groups (a settlement's order IDs). */
export const DEFAULT_MAX_UNIQUE = 500_000;

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

interface Group {
	keys: SummaryValue[];
	accumulators: Accumulator[];
}

/** Groups by the parts of their key, one level per group field: no key text is joined per row. */
type GroupIndex = Map<string, GroupIndex | Group>;

/** The groups of one section, with each group's accumulators; `rows()` gives one row per group. */
export class GroupTable {
	/** The groups in the order first seen. */
	private readonly groups: Group[] = [];

	private readonly index: GroupIndex = new Map();

	/** The one group of a section without group fields. */
	private readonly single?: Group;

	/** The others group, once made. */
	private othersGroup?: Group;

	private readonly readers: Array<(record: IDataObject) => SummaryValue>;

	/** The group values of the row being added (one array for all rows). */
	private readonly keys: SummaryValue[] = [];

	private readonly parts: string[] = [];

	private readonly factories: AccumulatorFactory[];

	private readonly names: string[];

	private readonly maxGroups: number;

	private readonly where?: RecordPredicate;

	private readonly split?: (record: IDataObject, each: (row: IDataObject) => void) => void;

	/** The group the rows of new groups go to past `others.after` groups, and its keys. */
	private readonly others?: { after: number; keys: SummaryValue[] };

	private readonly addSplitRow = (row: IDataObject): void => this.addRow(row);

	constructor(
		private readonly section: Omit<SummarySection, 'output' | 'name'> & { name?: string },
		private readonly context: SummaryContext,
	) {
		const groupBy = section.groupBy ?? [];
		this.readers = groupBy.map((group) => groupValueReader(group, context.what));
		if (section.where?.length) this.where = conditionOf(section.where, context, `The summary section ${section.name ?? ''}`.trim());
		// The split rows' keys are typed as the fields they are read from.
		const rowContext = section.split ? { ...context, kinds: splitKinds(section.split, context.kinds) } : context;
		if (section.split) this.split = rowSplitter(section.split, context.kinds);
		this.factories = section.values.map((aggregation) => accumulatorFactory(aggregation, rowContext));
		this.names = section.values.map(aggregationName);
		this.maxGroups = context.maxGroups ?? DEFAULT_MAX_GROUPS;
		if (section.others) {
			const { fields } = section.others;
			this.others = { after: section.others.after, keys: groupBy.map((group) => fields[groupFieldName(group)] ?? null) };
		}
		// Without group fields there is one group, there even when no row comes: its totals are 0.
		if (!groupBy.length) {
			this.single = { keys: [], accumulators: this.factories.map((make) => make()) };
			this.groups.push(this.single);
		}
	}

	add(record: IDataObject): void {
		if (this.where && !this.where(record)) return;
		if (this.split) this.split(record, this.addSplitRow);
		else this.addRow(record);
	}

	private addRow(record: IDataObject): void {
		const accumulators = (this.single ?? this.groupOf(record)).accumulators;
		for (let index = 0; index < accumulators.length; index++) accumulators[index].add(record);
	}

	/** The row's group, made when new. */
	private groupOf(record: IDataObject): Group {
		const { readers, keys, parts } = this;
		let level: GroupIndex | undefined = this.index;
		let found: GroupIndex | Group | undefined;
		for (let index = 0; index < readers.length; index++) {
			const part = keyPart((keys[index] = readers[index](record)));
			parts[index] = part;
			found = level?.get(part);
			level = found as GroupIndex | undefined;
		}
		return (found as Group | undefined) ?? this.newGroup();
	}

	private newGroup(): Group {
		const others = this.others;
		if (others && this.groups.length >= others.after) {
			if (!this.othersGroup) {
				this.othersGroup = { keys: others.keys, accumulators: this.factories.map((make) => make()) };
				this.groups.push(this.othersGroup);
			}
			return this.othersGroup;
		}
		if (this.groups.length >= this.maxGroups) throw this.tooManyGroups();
		const group: Group = { keys: this.keys.map(detached), accumulators: this.factories.map((make) => make()) };
		this.groups.push(group);
		let level = this.index;
		const last = this.readers.length - 1;
		for (let index = 0; index < last; index++) {
			const part = detached(this.parts[index]);
			let next = level.get(part) as GroupIndex | undefined;
			if (!next) level.set(part, (next = new Map()));
			level = next;
		}
		level.set(detached(this.parts[last]), group);
		return group;
	}

	/** One row per group: its group fields (not the hidden ones), then its values; sorted and cut as the section says. */
	rows(): IDataObject[] {
		const groupBy = (this.section.groupBy ?? []).map((group) => ({ name: groupFieldName(group), hidden: group.hidden === true }));
		let rows: IDataObject[] = [];
		for (const { keys, accumulators } of this.groups) {
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

/** Reads a record as the rows of a split (see SplitRows), handing each to `each`. */
function rowSplitter(split: SplitRows, kinds: Map<string, FieldKind> | undefined): (record: IDataObject, each: (row: IDataObject) => void) => void {
	const entries = split.rows.map((entry) => {
		const source = entry[split.required];
		if (typeof source !== 'string') throw new Error(`a split row's required key "${split.required}" must be read from a field`);
		const keys = Object.keys(entry);
		return {
			required: fieldReader(source),
			numeric: kinds?.get(source) === 'number',
			same: keys.every((key) => entry[key] === key),
			keys,
			reads: keys.map((key) => {
				const from = entry[key];
				if (typeof from === 'string') return fieldReader(from);
				return () => from.value;
			}),
		};
	});
	return (record, each) => {
		for (const entry of entries) {
			const value = entry.required(record);
			if (value === null || value === undefined || value === '' || (entry.numeric && typeof value !== 'number')) continue;
			if (entry.same) {
				each(record);
				continue;
			}
			const row: IDataObject = {};
			for (let index = 0; index < entry.keys.length; index++) row[entry.keys[index]] = entry.reads[index](record) as IDataObject[string];
			each(row);
		}
	};
}

/** The kinds of a split's keys: the kind of the fields they are read from, when every entry's agrees. */
function splitKinds(split: SplitRows, kinds: Map<string, FieldKind> | undefined): Map<string, FieldKind> {
	const result = new Map<string, FieldKind>();
	const mixed = new Set<string>();
	for (const entry of split.rows) {
		for (const [key, from] of Object.entries(entry)) {
			const kind = typeof from === 'string' ? kinds?.get(from) : undefined;
			if (kind === undefined || (result.has(key) && result.get(key) !== kind)) mixed.add(key);
			else result.set(key, kind);
		}
	}
	for (const key of mixed) result.delete(key);
	return result;
}

export function groupFieldName(group: GroupField): string {
	if (group.name) return group.name;
	const field = Array.isArray(group.field) ? group.field[0] : group.field;
	return group.bucket ? `${field}${group.bucket[0].toUpperCase()}${group.bucket.slice(1)}` : field;
}

export function aggregationName(aggregation: Aggregation): string {
	if (aggregation.name) return aggregation.name;
	const field = aggregation.field ?? aggregation.fields?.[0];
	return field ? `${aggregation.op}_${field}` : aggregation.op;
}

/** A group's key as text (types kept apart: the number 1 is not the text "1", nor null "null"). */
function keyPart(value: SummaryValue | undefined): string {
	if (typeof value === 'string') return value;
	if (value === null || value === undefined) return '\u0001';
	return `\u0002${String(value)}`;
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
	const fields = aggregation.fields ?? (aggregation.field ? [aggregation.field] : []);
	const otherwise = aggregation.otherwise;
	const { op } = aggregation;
	if (op !== 'count' && op !== 'countUnreadable' && !fields.length) {
		throw new AmazonRequestError(`The summary value "${op}" has no field`, { description: 'Choose the field to summarize from the list.' });
	}
	if ((op === 'first' || op === 'latest' || op === 'countUnique') && fields.length > 1) throw new Error(`the summary value "${op}" reads one field`);
	const kinds = context.kinds;
	switch (op) {
		case 'count':
		case 'countUnreadable': {
			const reads = fields.map(fieldReader);
			// Count: values; countUnreadable: what each field's type could not read, kept as text.
			const counts = fields.map((field) => (op === 'count' ? hasValue : unreadableTest(kinds?.get(field))));
			return () => {
				let count = 0;
				return {
					add(record) {
						if (where && !where(record)) return;
						if (!reads.length) {
							count++;
							return;
						}
						for (let index = 0; index < reads.length; index++) {
							const value = reads[index](record);
							if (counts[index](value)) count++;
						}
					},
					result: () => count,
				};
			};
		}
		case 'sum':
		case 'average': {
			const reads = fields.map((field) => numberReader(field, kinds));
			const average = op === 'average';
			return () => {
				const sum = new DecimalSum();
				let count = 0;
				return {
					add(record) {
						if (where && !where(record)) return;
						for (let index = 0; index < reads.length; index++) {
							const value = reads[index](record);
							if (value === undefined) continue;
							sum.add(value);
							count++;
						}
					},
					result: () => (average ? (count ? sum.value / count : (otherwise ?? null)) : count ? sum.value : otherwise === undefined ? 0 : otherwise),
				};
			};
		}
		case 'min':
		case 'max': {
			const reads = fields.map((field) => comparableReader(field, kinds));
			const sign = op === 'min' ? -1 : 1;
			return () => {
				let best: SummaryValue | undefined;
				return {
					add(record) {
						if (where && !where(record)) return;
						for (let index = 0; index < reads.length; index++) {
							const value = reads[index](record);
							if (value !== undefined && (best === undefined || sign * compareValues(value, best) > 0)) best = detached(value);
						}
					},
					result: () => (best === undefined ? (otherwise ?? null) : best),
				};
			};
		}
		case 'first': {
			const read = fieldReader(fields[0]);
			return () => {
				let value: SummaryValue | undefined;
				return {
					add(record) {
						// Found: nothing more to read, not even the conditions.
						if (value !== undefined) return;
						if (where && !where(record)) return;
						const current = read(record);
						if (current === null || current === undefined || current === '' || typeof current === 'object') return;
						value = detached(current as SummaryValue);
					},
					result: () => (value === undefined ? (otherwise ?? null) : value),
				};
			};
		}
		case 'latest': {
			const read = fieldReader(fields[0]);
			const readBy = aggregation.by ? fieldReader(aggregation.by) : undefined;
			if (!readBy) {
				// The last row's value.
				return () => {
					let value: SummaryValue | undefined;
					return {
						add(record) {
							if (where && !where(record)) return;
							const current = read(record);
							value = current === undefined || typeof current === 'object' ? null : detached(current as SummaryValue);
						},
						result: () => (value === undefined || value === null ? (otherwise ?? null) : value),
					};
				};
			}
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
						const current = read(record);
						value = current === undefined || typeof current === 'object' ? null : detached(current as SummaryValue);
					},
					result: () => (value === undefined || value === null ? (otherwise ?? null) : value),
				};
			};
		}
		case 'countUnique': {
			const read = fieldReader(fields[0]);
			const max = aggregation.max ?? DEFAULT_MAX_UNIQUE;
			// Shared by the section's groups: past `max` values kept in all of them, every count is null.
			let kept = 0;
			let over = false;
			const sets: Array<Set<SummaryValue>> = [];
			return () => {
				const seen = new Set<SummaryValue>();
				sets.push(seen);
				// The value of the row before: rows of one order, one day … often come together.
				let previous: unknown;
				return {
					add(record) {
						if (over || (where && !where(record))) return;
						const current = read(record);
						if (current === previous || current === null || current === undefined || current === '') return;
						previous = current;
						const value = typeof current === 'object' ? JSON.stringify(current) : (current as SummaryValue);
						if (seen.has(value)) return;
						if (++kept > max) {
							over = true;
							for (const set of sets) set.clear();
							return;
						}
						seen.add(detached(value));
					},
					result: () => (over ? null : seen.size),
				};
			};
		}
		default:
			throw new AmazonRequestError(`"${String(op)}" is not a summary value`, {
				description: 'Choose one of Average, Count, Maximum, Minimum, Sum.',
			});
	}
}

/**
 * A field's number: a number, or (a field not typed as numbers) a number written plainly as text.
 * In a field typed as numbers, text is a value the report could not read: no number.
 */
function numberReader(field: string, kinds: Map<string, FieldKind> | undefined): (record: IDataObject) => number | undefined {
	const read = fieldReader(field);
	if (kinds?.get(field) === 'number') {
		return (record) => {
			const value = read(record);
			return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
		};
	}
	return (record) => numberOf(read(record));
}

/** A field's value as min and max compare it (numbers as numbers); undefined when it has none. */
function comparableReader(field: string, kinds: Map<string, FieldKind> | undefined): (record: IDataObject) => SummaryValue | undefined {
	const read = fieldReader(field);
	const typedNumber = kinds?.get(field) === 'number';
	return (record) => {
		const raw = read(record);
		if (raw === null || raw === undefined || raw === '' || typeof raw === 'object') return undefined;
		if (typedNumber) return typeof raw === 'number' ? raw : undefined;
		return (numberOf(raw) ?? raw) as SummaryValue;
	};
}

function hasValue(value: unknown): boolean {
	return value !== null && value !== undefined && value !== '';
}

/**
 * Whether a value is one its field's type could not read: text in a number or true/false column, a
 * date kept as written (a typed date is written YYYY-MM-DD…: its dashes are enough to tell).
 */
function unreadableTest(kind: FieldKind | undefined): (value: unknown) => boolean {
	if (kind === 'number' || kind === 'boolean') return (value) => typeof value === 'string' && value !== '';
	if (kind === 'date') return (value) => typeof value === 'string' && value !== '' && (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45);
	return () => false;
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

// ── A preset: several sections in one pass, composed into one item (or one per `per` value) ──────

/** The tables of one item of a preset: its sections that read rows (the others read these at the end). */
interface PresetPart {
	/** The `per` field's value (none without `per`). */
	value: SummaryValue | undefined;
	tables: Map<string, GroupTable>;
	/** The same tables, for the loop every row goes through. */
	all: GroupTable[];
}

/** A report's own summary (a preset): its sections fed in one pass, composed into its items. */
export class PresetSummary {
	private readonly parts = new Map<string, PresetPart>();

	/** The `per` field's value of a row. */
	private readonly partValue?: (record: IDataObject) => SummaryValue;

	/** The part of the last row (rows of one settlement come together): no lookup while the key stays. */
	private lastKey: string | undefined;

	private last: PresetPart | undefined;

	private rowsLeftOut = 0;

	private readonly shared: SummaryContext;

	constructor(
		private readonly preset: SummaryPreset,
		/** Fields written first (e.g. { reportMonth }). */
		private readonly leading: IDataObject,
		private readonly context: SummaryContext,
	) {
		this.shared = { maxGroups: preset.maxGroups, conditions: new Map(), ...context };
		if (preset.per) this.partValue = groupValueReader(preset.per, context.what);
		else this.last = this.newPart('', undefined);
	}

	add(record: IDataObject): void {
		let part = this.last;
		if (this.partValue) {
			const value = this.partValue(record);
			const key = keyPart(value);
			if (key !== this.lastKey) {
				this.lastKey = key;
				part = this.last = this.parts.get(key) ?? this.newPart(key, value);
			}
		}
		if (!part) {
			this.rowsLeftOut++;
			return;
		}
		const tables = part.all;
		for (let index = 0; index < tables.length; index++) tables[index].add(record);
	}

	/** The summary items: one, or one per `per` value; `remarks` are what the report's reader noted about the document. */
	items(remarks: IDataObject = {}): IDataObject[] {
		const facts: SummaryFacts = { remarks, rowsLeftOut: this.rowsLeftOut };
		return [...this.parts.values()].map((part) => this.compose(part, facts));
	}

	/** A new item's tables, or undefined past `per.max` items. */
	private newPart(key: string, value: SummaryValue | undefined): PresetPart | undefined {
		if (this.preset.per && this.parts.size >= this.preset.per.max) return undefined;
		const tables = new Map<string, GroupTable>();
		for (const section of this.preset.sections) {
			if (!section.from) tables.set(section.name, new GroupTable(section, this.shared));
		}
		const part = { value: detached(value), tables, all: [...tables.values()] };
		this.parts.set(detached(key), part);
		return part;
	}

	private compose(part: PresetPart, facts: SummaryFacts): IDataObject {
		const { preset } = this;
		const rows = new Map<string, IDataObject[]>();
		const rowsOf = (name: string): IDataObject[] => {
			let result = rows.get(name);
			if (result) return result;
			const section = preset.sections.find((candidate) => candidate.name === name);
			if (!section) throw new Error(`summary section "${name}" is not declared`);
			if (section.from) {
				// Rows of another section, not of the report: the report's field kinds do not apply.
				const table = new GroupTable(section, { maxGroups: preset.maxGroups, ...this.context, kinds: undefined });
				for (const row of rowsOf(section.from)) table.add(row);
				result = table.rows();
			} else {
				result = (part.tables.get(name) as GroupTable).rows();
			}
			rows.set(name, result);
			return result;
		};
		const summary: IDataObject = { ...this.leading, ...preset.fields };
		if (preset.per && !preset.per.hidden) summary[groupFieldName(preset.per)] = part.value as IDataObject[string];
		for (const section of preset.sections) {
			if (section.output === 'fields') Object.assign(summary, rowsOf(section.name)[0] ?? {});
			else if (section.output === 'list') summary[section.name] = rowsOf(section.name);
			else if (section.output === 'object') summary[section.name] = objectOf(section, rowsOf(section.name));
		}
		if (preset.derive) Object.assign(summary, preset.derive(summary, facts));
		const { text } = preset;
		if (text !== undefined) {
			const format = summaryFormat(preset.money, summary);
			summary.text = typeof text === 'string' ? fillTemplate(text, summary, format) : text(summary, format);
		}
		if (!preset.pick) return summary;
		const picked: IDataObject = {};
		for (const key of preset.pick) picked[key] = summary[key] === undefined ? null : summary[key];
		return picked;
	}
}

/** A section's groups as one object: each group's first group field → its first value. */
function objectOf(section: SummarySection, rows: IDataObject[]): IDataObject {
	const [group] = section.groupBy ?? [];
	if (!group || !section.values.length) throw new Error(`summary section "${section.name}" needs a group field and a value to be an object`);
	const key = groupFieldName(group);
	const value = aggregationName(section.values[0]);
	const object: IDataObject = {};
	for (const row of rows) object[String(row[key])] = row[value];
	return object;
}

/** The number formats of a summary's text, money in the currency and locale its fields say. */
function summaryFormat(money: SummaryPreset['money'], summary: IDataObject): SummaryFormat {
	const textOf = (field: string | undefined) => (field && typeof summary[field] === 'string' ? (summary[field] as string) : undefined);
	return { count: formatCount, amount: formatAmount, money: moneyFormatter(textOf(money?.currency), textOf(money?.locale)) };
}

/** `{name}`, `{name:count}` (1,234), `{name:amount}` (1,234.5 → 1,234.50), `{name:money}` (EUR 1.234,50) from the summary's fields. */
export function fillTemplate(template: string, summary: IDataObject, format: SummaryFormat = summaryFormat(undefined, summary)): string {
	return template.replace(/\{(\w+)(?::(count|amount|money))?\}/g, (_match, name: string, style?: 'count' | 'amount' | 'money') => {
		const value = summary[name];
		if (typeof value === 'number' && style) return format[style](value);
		return value === null || value === undefined ? '' : String(value);
	});
}
