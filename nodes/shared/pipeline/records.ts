// Shaping stage: a header line and data lines become JSON records with stable, typed keys.
import type { IDataObject } from 'n8n-workflow';

import type { CellContext, CellValue, ColumnType } from './values';
import { camelCase, cellParser, normaliseHeader, textCell } from './values';

export interface ColumnSpec {
	/** Key in the output item. */
	key: string;
	/** Column titles Amazon has used for it; matched after normaliseHeader. Empty for derived keys. */
	titles: string[];
	type: ColumnType;
}

export interface RecordShaperOptions {
	/** Keep Amazon's column titles and cell text as they are in the file (Simplify off). */
	originalNames?: boolean;
	/** How this file's marketplace writes dates and numbers. */
	cells?: CellContext;
	/** Match the columns by position, not by title (titles localised, e.g. Japanese). */
	byPosition?: boolean;
	/** Fields put first in every record, e.g. { reportMonth }. */
	leading?: IDataObject;
}

// Repeated values (marketplace, currency, type, SKU, title …) share one string instead of a copy
// per row: on a million-row report that is hundreds of MB. Columns with too many distinct values
// stop being interned.
const INTERN_LIMIT = 20_000;

/**
 * Knows, for one file's header line, which cell feeds which key. Known columns come out in the
 * spec's order (null when this file lacks them, so every month has the same keys), unknown
 * columns after them under a camelCase key, so nothing Amazon adds is lost.
 */
export class RecordShaper {
	/** Output keys in order: leading fields, the spec's columns, then columns the spec does not know. */
	private readonly keys: string[] = [];

	/** For each output key, the cell it comes from; -1 for a constant (leading field, or a column this file lacks). */
	private readonly sources: number[] = [];

	private readonly constants: CellValue[] = [];

	private readonly parsers: Array<(raw: string) => CellValue> = [];

	private readonly interned: Array<Map<string, CellValue> | undefined> = [];

	private readonly keyIndex = new Map<string, number>();

	/**
	 * Each interned column's text in the row before, and its value: an empty cell before the first
	 * row. Always a string, so comparing with it is a plain string comparison.
	 */
	private readonly lastRaw: string[] = [];

	private readonly lastValue: CellValue[] = [];

	/** Every key, in order, with its constant or null: each record starts as a copy of it. */
	private template: IDataObject = {};

	/** The header line as it was in the file, without a byte-order mark. */
	titles: string[] = [];

	constructor(header: string[], columns: ColumnSpec[], private readonly options: RecordShaperOptions = {}) {
		this.build(header, columns, options);
		// Records are copies of this template, then filled in. Made by JSON.parse, the template is a
		// fast object with every field in the object itself: its copies are too, which keeps a
		// million records compact and their stores fast. (Adding 20+ keys to an empty object one by
		// one makes V8 switch it to a slow dictionary: twice the memory, several times the time.)
		const template: IDataObject = {};
		this.keys.forEach((key, index) => (template[key] = this.sources[index] < 0 ? this.constants[index] : null));
		this.template = JSON.parse(JSON.stringify(template)) as IDataObject;
	}

	private build(header: string[], columns: ColumnSpec[], options: RecordShaperOptions): void {
		this.titles = header.map((title, index) => title.replace(/^\uFEFF/, '').trim() || `column${index + 1}`);
		for (const [key, value] of Object.entries(options.leading ?? {})) this.add(key, -1, value as CellValue, identity);
		if (options.originalNames) {
			const seen = new Set<string>();
			this.titles.forEach((title, position) => {
				let key = title;
				for (let n = 2; seen.has(key); n++) key = `${title} (${n})`;
				seen.add(key);
				this.add(key, position, null, identity);
			});
			return;
		}
		const byTitle = new Map<string, ColumnSpec>();
		for (const column of columns) for (const title of column.titles) byTitle.set(normaliseHeader(title), column);
		const positionOf = new Map<string, number>();
		this.titles.forEach((title, position) => {
			const column = options.byPosition ? columns[position] : byTitle.get(normaliseHeader(title));
			if (column && !positionOf.has(column.key)) positionOf.set(column.key, position);
		});
		// Every known column, in the spec's order (null when this file lacks it, so every file has the same keys).
		const used = new Set<string>(this.keys);
		for (const column of columns) {
			if (used.has(column.key)) continue;
			used.add(column.key);
			this.add(column.key, positionOf.get(column.key) ?? -1, null, cellParser(column.type, options.cells), column.type !== 'datetime');
		}
		// Columns Amazon added that the spec does not know: kept, as text, under a camelCase key.
		const mapped = new Set(positionOf.values());
		this.titles.forEach((title, position) => {
			if (mapped.has(position)) return;
			const base = camelCase(title) || 'column';
			let key = base;
			for (let n = 2; used.has(key); n++) key = `${base}${n}`;
			used.add(key);
			this.add(key, position, null, textCell);
		});
	}

	private add(name: string, source: number, constant: CellValue, parse: (raw: string) => CellValue, intern = true): void {
		// A column titled "__proto__" must not reach an object's prototype.
		const key = name === '__proto__' ? '_proto_' : name;
		this.keys.push(key);
		this.sources.push(source);
		this.constants.push(constant);
		this.parsers.push(parse);
		this.interned.push(intern && source >= 0 ? new Map() : undefined);
		this.lastRaw.push('');
		this.lastValue.push(source >= 0 ? parse('') : null);
	}

	shape(cells: string[]): IDataObject {
		const record: IDataObject = { ...this.template };
		const { keys, sources, parsers, interned, lastRaw, lastValue } = this;
		const missing = this.options.originalNames ? '' : null;
		for (let index = 0; index < keys.length; index++) {
			const source = sources[index];
			if (source < 0) continue;
			const raw = cells[source];
			if (raw === undefined) {
				storeCell(record, keys, index, missing);
				continue;
			}
			const seen = interned[index];
			if (seen === undefined) {
				storeCell(record, keys, index, parsers[index](raw));
				continue;
			}
			// The same text as the row before (a currency, a channel …): no lookup at all; and an
			// empty cell's null is already in the copy of the template.
			if (raw === lastRaw[index]) {
				if (lastValue[index] !== null) storeCell(record, keys, index, lastValue[index]);
				continue;
			}
			let value = seen.get(raw);
			if (value === undefined && !seen.has(raw)) {
				value = parsers[index](raw);
				if (seen.size >= INTERN_LIMIT) {
					// Too many distinct values (an ID): parsed as they come from now on.
					interned[index] = undefined;
					storeCell(record, keys, index, value);
					continue;
				}
				seen.set(raw, value);
			}
			lastRaw[index] = raw;
			lastValue[index] = value as CellValue;
			storeCell(record, keys, index, value as CellValue);
		}
		return record;
	}

	/** The raw text of the cell feeding `key`, for fields derived from the original text. */
	rawCell(cells: string[], key: string): string | undefined {
		let index = this.keyIndex.get(key);
		if (index === undefined) {
			index = this.keys.indexOf(key);
			this.keyIndex.set(key, index);
		}
		return index === -1 || this.sources[index] < 0 ? undefined : cells[this.sources[index]];
	}
}

const identity = (raw: string) => raw;

/**
 * Stores a cell's value under its column's key, from a store site of that column's own. V8 then
 * caches each site's one key and writes the field directly; from one shared site it would look the
 * key up among the record's 30-odd fields for every cell of every row, which cachegrind counted as
 * a third of the shaping work on a typed orders report. Columns past the cases share one site.
 * (Over a long-running process's many report types a site may see several keys: it then works as
 * the shared site does.)
 */
function storeCell(record: IDataObject, keys: string[], index: number, value: CellValue): void {
	// prettier-ignore
	switch (index) {
		case 0: record[keys[0]] = value; return;
		case 1: record[keys[1]] = value; return;
		case 2: record[keys[2]] = value; return;
		case 3: record[keys[3]] = value; return;
		case 4: record[keys[4]] = value; return;
		case 5: record[keys[5]] = value; return;
		case 6: record[keys[6]] = value; return;
		case 7: record[keys[7]] = value; return;
		case 8: record[keys[8]] = value; return;
		case 9: record[keys[9]] = value; return;
		case 10: record[keys[10]] = value; return;
		case 11: record[keys[11]] = value; return;
		case 12: record[keys[12]] = value; return;
		case 13: record[keys[13]] = value; return;
		case 14: record[keys[14]] = value; return;
		case 15: record[keys[15]] = value; return;
		case 16: record[keys[16]] = value; return;
		case 17: record[keys[17]] = value; return;
		case 18: record[keys[18]] = value; return;
		case 19: record[keys[19]] = value; return;
		case 20: record[keys[20]] = value; return;
		case 21: record[keys[21]] = value; return;
		case 22: record[keys[22]] = value; return;
		case 23: record[keys[23]] = value; return;
		case 24: record[keys[24]] = value; return;
		case 25: record[keys[25]] = value; return;
		case 26: record[keys[26]] = value; return;
		case 27: record[keys[27]] = value; return;
		case 28: record[keys[28]] = value; return;
		case 29: record[keys[29]] = value; return;
		case 30: record[keys[30]] = value; return;
		case 31: record[keys[31]] = value; return;
		case 32: record[keys[32]] = value; return;
		case 33: record[keys[33]] = value; return;
		case 34: record[keys[34]] = value; return;
		case 35: record[keys[35]] = value; return;
		case 36: record[keys[36]] = value; return;
		case 37: record[keys[37]] = value; return;
		case 38: record[keys[38]] = value; return;
		case 39: record[keys[39]] = value; return;
		case 40: record[keys[40]] = value; return;
		case 41: record[keys[41]] = value; return;
		case 42: record[keys[42]] = value; return;
		case 43: record[keys[43]] = value; return;
		case 44: record[keys[44]] = value; return;
		case 45: record[keys[45]] = value; return;
		case 46: record[keys[46]] = value; return;
		case 47: record[keys[47]] = value; return;
		case 48: record[keys[48]] = value; return;
		case 49: record[keys[49]] = value; return;
		case 50: record[keys[50]] = value; return;
		case 51: record[keys[51]] = value; return;
		case 52: record[keys[52]] = value; return;
		case 53: record[keys[53]] = value; return;
		case 54: record[keys[54]] = value; return;
		case 55: record[keys[55]] = value; return;
		case 56: record[keys[56]] = value; return;
		case 57: record[keys[57]] = value; return;
		case 58: record[keys[58]] = value; return;
		case 59: record[keys[59]] = value; return;
		case 60: record[keys[60]] = value; return;
		case 61: record[keys[61]] = value; return;
		case 62: record[keys[62]] = value; return;
		case 63: record[keys[63]] = value; return;
		default: record[keys[index]] = value;
	}
}

/** Lines that are entirely empty, which some exports end with. */
export function isBlankLine(cells: string[]): boolean {
	// Almost every line starts with a visible character: decided without a loop.
	const first = cells[0];
	if (first.length && first.charCodeAt(0) > 32) return false;
	for (const cell of cells) if (cell.trim() !== '') return false;
	return true;
}
