// Filter Rows: conditions on a report's fields, compiled once into one small predicate that runs
// on every record as it is parsed (a million times per report), so only the rows that match ever
// become items, file lines or summary input.
//
// Why not n8n's `filter` parameter type: its left values are expressions, resolved per input item
// by getNodeParameter — our records are not input items, and resolving an expression per record
// costs about 100 times what this predicate costs (bench/filter-evaluation.ts measures both on a
// million orders rows); its operators also fix the type per condition, where a report's typed
// columns already say whether a field holds numbers, dates or text.
import type { IDataObject } from 'n8n-workflow';

import { AmazonRequestError } from '../errors';
import type { FieldKind } from './fields';
import { fieldReader, isEmptyValue, numericText, startsWithIsoDate } from './fields';

export type FilterOperator =
	| 'equals'
	| 'notEquals'
	| 'contains'
	| 'notContains'
	| 'startsWith'
	| 'endsWith'
	| 'gt'
	| 'gte'
	| 'lt'
	| 'lte'
	| 'isOneOf'
	| 'isEmpty'
	| 'isNotEmpty';

export interface FilterCondition {
	field: string;
	operator: FilterOperator;
	/** The value to compare with, as written (numbers, dates `2025-03-05` or `2025-03-05T14:00:00Z`, text). */
	value?: string | number | boolean | null;
}

export interface RowFilterSpec {
	conditions: FilterCondition[];
	/** All conditions must hold (and, the default), or any one (or). */
	combine?: 'and' | 'or';
	/** Text compares without regard to letter case (the default, as n8n's Filter node). */
	ignoreCase?: boolean;
}

export type RecordPredicate = (record: IDataObject) => boolean;

export const OPERATOR_LABELS: Record<FilterOperator, string> = {
	contains: 'Contains',
	endsWith: 'Ends With',
	equals: 'Equals',
	gt: 'Is Greater Than',
	gte: 'Is Greater Than or Equal To',
	isEmpty: 'Is Empty',
	isNotEmpty: 'Is Not Empty',
	isOneOf: 'Is One Of',
	lt: 'Is Less Than',
	lte: 'Is Less Than or Equal To',
	notContains: 'Does Not Contain',
	notEquals: 'Does Not Equal',
	startsWith: 'Starts With',
};

const WITHOUT_VALUE = new Set<FilterOperator>(['isEmpty', 'isNotEmpty']);
const ORDERING = new Set<FilterOperator>(['gt', 'gte', 'lt', 'lte']);

/**
 * The predicate of a filter, or undefined when it has no conditions. `kinds` knows the typed
 * columns' kinds; other fields compare by what each value is (a number, an ISO date, text).
 * Throws AmazonRequestError for a condition that cannot hold (no field, a value of the wrong kind).
 */
export function compileFilter(spec: RowFilterSpec | undefined, kinds: Map<string, FieldKind> = new Map(), label = 'Filter Rows'): RecordPredicate | undefined {
	const conditions = spec?.conditions ?? [];
	if (!conditions.length) return undefined;
	const tests = conditions.map((condition, index) => compileCondition(condition, kinds, spec?.ignoreCase !== false, `${label}, condition ${index + 1}`));
	if (tests.length === 1) return tests[0];
	if (spec?.combine === 'or') {
		return (record) => {
			for (const test of tests) if (test(record)) return true;
			return false;
		};
	}
	return (record) => {
		for (const test of tests) if (!test(record)) return false;
		return true;
	};
}

/** The value of a condition, read every way it may be compared. */
interface Operand {
	text: string;
	/** The text as compared (lower case when ignoring case). */
	folded: string;
	number?: number;
	boolean?: boolean;
	/** `2025-03-05`: compared with the calendar day a value is written in. */
	day?: string;
	/** A date with a time: compared as an instant. */
	instant?: number;
}

function operandOf(value: FilterCondition['value'], ignoreCase: boolean): Operand {
	const text = value === null || value === undefined ? '' : String(value).trim();
	const operand: Operand = { text, folded: ignoreCase ? text.toLowerCase() : text };
	operand.number = typeof value === 'number' ? value : numericText(text);
	const lower = text.toLowerCase();
	if (lower === 'true' || lower === 'yes') operand.boolean = true;
	if (lower === 'false' || lower === 'no') operand.boolean = false;
	if (/^\d{4}-\d{2}-\d{2}$/.test(text)) operand.day = text;
	else if (startsWithIsoDate(text) && /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(text)) {
		// A time without a zone is UTC (the process's own zone would make the filter depend on the server).
		const zoned = /(Z|[+-]\d{2}:?\d{2})$/i.test(text) ? text : `${text.replace(' ', 'T')}Z`;
		const instant = Date.parse(zoned);
		if (!Number.isNaN(instant)) operand.instant = instant;
	}
	return operand;
}

function compileCondition(condition: FilterCondition, kinds: Map<string, FieldKind>, ignoreCase: boolean, where: string): RecordPredicate {
	const field = String(condition.field ?? '').trim();
	if (!field) {
		throw new AmazonRequestError(`${where} has no field`, { description: 'Choose the field to compare from the list, or remove the condition.' });
	}
	const operator = condition.operator;
	if (!(operator in OPERATOR_LABELS)) {
		throw new AmazonRequestError(`${where}: "${String(operator)}" is not an operator`, { description: `Choose one of: ${Object.values(OPERATOR_LABELS).join(', ')}.` });
	}
	const read = fieldReader(field);
	if (operator === 'isEmpty') return (record) => isEmptyValue(read(record));
	if (operator === 'isNotEmpty') return (record) => !isEmptyValue(read(record));

	const operand = operandOf(condition.value, ignoreCase);
	const kind = kinds.get(field);
	checkOperand(operand, operator, kind, `${where} (${field} ${OPERATOR_LABELS[operator].toLowerCase()})`);
	const test = valueTest(operator, operand, kind, ignoreCase);
	return (record) => test(read(record));
}

function checkOperand(operand: Operand, operator: FilterOperator, kind: FieldKind | undefined, where: string): void {
	if (WITHOUT_VALUE.has(operator)) return;
	if (operand.text === '') {
		throw new AmazonRequestError(`${where} has no value to compare with`, {
			description: 'Fill in the value, or use "Is Empty" / "Is Not Empty" to keep rows by whether the field has a value.',
		});
	}
	const comparesValue = ORDERING.has(operator) || operator === 'equals' || operator === 'notEquals';
	if (!comparesValue) return;
	if (kind === 'number' && operand.number === undefined) {
		throw new AmazonRequestError(`${where}: the field holds numbers, but "${operand.text}" is not a number`, {
			description: 'Write the number plainly, with a dot for decimals, e.g. 19.99.',
		});
	}
	if (kind === 'date' && operand.day === undefined && operand.instant === undefined) {
		throw new AmazonRequestError(`${where}: the field holds dates, but "${operand.text}" is not a date`, {
			description:
				'Write a day as 2025-03-05 (compared with the day the report writes), or a moment as 2025-03-05T14:00:00Z (compared as an instant). An expression such as {{ $today.minus({ days: 7 }).toISODate() }} works too.',
		});
	}
	if (kind === 'boolean' && operand.boolean === undefined && !ORDERING.has(operator)) {
		throw new AmazonRequestError(`${where}: the field is true or false, but "${operand.text}" is neither`, { description: 'Write true or false.' });
	}
}

/** What a value is compared as, decided by the column's kind when known, else by the value itself. */
function valueTest(operator: FilterOperator, operand: Operand, kind: FieldKind | undefined, ignoreCase: boolean): (value: unknown) => boolean {
	const textOf = ignoreCase ? (value: unknown) => plainText(value).toLowerCase() : plainText;
	const target = operand.folded;
	switch (operator) {
		case 'contains':
			return (value) => !isEmptyValue(value) && (Array.isArray(value) ? value.some((entry) => textOf(entry) === target) : textOf(value).includes(target));
		case 'notContains':
			return (value) => isEmptyValue(value) || (Array.isArray(value) ? !value.some((entry) => textOf(entry) === target) : !textOf(value).includes(target));
		case 'startsWith':
			return (value) => !isEmptyValue(value) && textOf(value).startsWith(target);
		case 'endsWith':
			return (value) => !isEmptyValue(value) && textOf(value).endsWith(target);
		case 'isOneOf': {
			const members = operand.text.split(',').map((entry) => operandOf(entry, ignoreCase));
			const tests = members.map((member) => equality(member, kind, ignoreCase));
			return (value) => tests.some((test) => test(value));
		}
		case 'equals':
			return equality(operand, kind, ignoreCase);
		case 'notEquals': {
			const equal = equality(operand, kind, ignoreCase);
			return (value) => !equal(value);
		}
		default: {
			const order = ordering(operand, kind, ignoreCase);
			if (operator === 'gt') return (value) => (order(value) ?? 0) > 0;
			if (operator === 'gte') return (value) => (order(value) ?? -1) >= 0;
			if (operator === 'lt') return (value) => (order(value) ?? 0) < 0;
			return (value) => (order(value) ?? 1) <= 0;
		}
	}
}

function plainText(value: unknown): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'object') return JSON.stringify(value);
	return String(value);
}

function equality(operand: Operand, kind: FieldKind | undefined, ignoreCase: boolean): (value: unknown) => boolean {
	const order = ordering(operand, kind, ignoreCase);
	const { boolean } = operand;
	return (value) => {
		if (typeof value === 'boolean') return boolean === undefined ? String(value) === operand.folded : value === boolean;
		return order(value) === 0;
	};
}

/**
 * Where a value stands against the operand: negative before, 0 equal, positive after; undefined
 * when it has none (empty). Numbers compare as numbers (also numbers written as text, when the
 * operand is one), dates as days or instants, anything else as text.
 */
function ordering(operand: Operand, kind: FieldKind | undefined, ignoreCase: boolean): (value: unknown) => number | undefined {
	const { number, day, instant, folded, text: written } = operand;
	const asText = (value: unknown) => {
		const text = ignoreCase ? plainText(value).toLowerCase() : plainText(value);
		return text < folded ? -1 : text > folded ? 1 : 0;
	};
	const asDate = (text: string): number | undefined => {
		if (day !== undefined) {
			const written = startsWithIsoDate(text) ? text.slice(0, 10) : dayOf(Date.parse(text));
			if (written === undefined) return undefined;
			return written < day ? -1 : written > day ? 1 : 0;
		}
		const time = Date.parse(text);
		return Number.isNaN(time) ? undefined : Math.sign(time - (instant as number));
	};
	const dateOperand = day !== undefined || instant !== undefined;
	return (value) => {
		if (value === null || value === undefined || value === '') return undefined;
		if (typeof value === 'number') return number === undefined ? asText(value) : Math.sign(value - number);
		if (typeof value === 'string') {
			// The value as written: equal however it is compared (a status, a type: most rows of an equals filter).
			if (value === written) return 0;
			// A date in a field the registry types as text (one a report fills in itself) is still a date.
			if (dateOperand && (kind === 'date' || (kind !== 'number' && startsWithIsoDate(value)))) return asDate(value);
			if (number !== undefined && kind !== 'text') {
				const parsed = numericText(value);
				if (parsed !== undefined) return Math.sign(parsed - number);
			}
		}
		return asText(value);
	};
}

function dayOf(time: number): string | undefined {
	return Number.isNaN(time) ? undefined : new Date(time).toISOString().slice(0, 10);
}
