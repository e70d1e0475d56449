// A record's fields as the output stage sees them: how to read one (a key, or a path into a JSON
// report's objects), what kind of value it holds when the report's typed columns say so, and the
// field list the editor offers (the "Field Name or ID" pickers of Filter Rows and Summary).
import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

import type { ColumnSpec } from '../pipeline/records';
import type { ColumnType } from '../pipeline/values';

/** How a field's values compare: numbers as numbers, dates as dates, the rest as text. */
export type FieldKind = 'number' | 'date' | 'boolean' | 'text';

const KIND_OF_TYPE: Record<ColumnType, FieldKind> = {
	text: 'text',
	code: 'text',
	integer: 'number',
	decimal: 'number',
	boolean: 'boolean',
	date: 'date',
	datetime: 'date',
};

/** The kind of each typed column's values, by output key. */
export function fieldKinds(columns: ColumnSpec[]): Map<string, FieldKind> {
	return new Map(columns.map((column) => [column.key, KIND_OF_TYPE[column.type]]));
}

/** Reads one field of a record: its key, or a dotted path (`sales.amount`) into nested objects. */
export function fieldReader(field: string): (record: IDataObject) => unknown {
	if (!field.includes('.')) return (record) => record[field];
	const path = field.split('.');
	return (record) => {
		// A key that itself holds a dot wins over the path.
		if (field in record) return record[field];
		let value: unknown = record;
		for (const step of path) {
			if (value === null || typeof value !== 'object') return undefined;
			value = (value as IDataObject)[step];
		}
		return value;
	};
}

/**
 * The record with its longer texts copied out of the chunk of text they were cut from. V8 keeps a
 * whole chunk (up to a megabyte) alive for any slice of it, so a few thousand rows kept out of a
 * million (Filter Rows, a group's key) would otherwise hold on to the whole file's text. A string
 * joined to another and sliced again is a flat copy of its own.
 */
export function detachRecord(record: IDataObject): IDataObject {
	for (const key in record) {
		const value = record[key];
		if (typeof value === 'string' && value.length >= 13) record[key] = ` ${value}`.slice(1);
	}
	return record;
}

/** A value copied out of the chunk it was cut from, when it is a string (see detachRecord). */
export function detached<T>(value: T): T {
	return (typeof value === 'string' && value.length >= 13 ? ` ${value}`.slice(1) : value) as T;
}

/** Empty as a report means it: no value, blank text, an empty list or object. */
export function isEmptyValue(value: unknown): boolean {
	if (value === null || value === undefined) return true;
	if (typeof value === 'string') return value.length === 0 || value.trim().length === 0;
	if (Array.isArray(value)) return value.length === 0;
	if (typeof value === 'object') return Object.keys(value).length === 0;
	return false;
}

/** `2025-03-05…`: an ISO date or date-time as the typed records write them, checked without a regular expression. */
export function startsWithIsoDate(text: string): boolean {
	if (text.length < 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
	for (const index of [0, 1, 2, 3, 5, 6, 8, 9]) {
		const code = text.charCodeAt(index);
		if (code < 48 || code > 57) return false;
	}
	return true;
}

/** A number written plainly (`-12.5`), as text cells of reports read with Simplify off hold them. */
export function numericText(text: string): number | undefined {
	const trimmed = text.trim();
	if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(trimmed)) return undefined;
	const value = Number(trimmed);
	return Number.isFinite(value) ? value : undefined;
}

const TYPE_LABELS: Record<ColumnType, string> = {
	text: 'Text',
	code: 'Text (identifier)',
	integer: 'Number',
	decimal: 'Number',
	boolean: 'Boolean',
	date: 'Date',
	datetime: 'Date and time',
};

/** The editor's field list: each typed column by its output key, with its type and Amazon's title. */
export function fieldOptions(columns: ColumnSpec[], leading: Array<{ key: string; description: string }> = []): INodePropertyOptions[] {
	const options: INodePropertyOptions[] = leading.map(({ key, description }) => ({ name: key, value: key, description }));
	const seen = new Set(options.map((option) => option.value));
	for (const column of columns) {
		if (seen.has(column.key)) continue;
		seen.add(column.key);
		const title = column.titles[0];
		options.push({
			name: column.key,
			value: column.key,
			description: `${TYPE_LABELS[column.type]}${title ? `; Amazon’s column “${title}”` : ''}`,
		});
	}
	return options.sort((a, b) => a.name.localeCompare(b.name));
}
