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
const INTERN_LIMIT = 2_048;

/**
 * Knows, for one file's header line, which cell feeds which key. Known columns come out in the
 * spec's order (null when this file lacks them, so every month has the same keys), unknown
 * columns after them under a camelCase key, so nothing Amazon adds is lost.
 */
export class RecordShaper {
	private readonly keys: string[] = [];

	private readonly parsers: Array<(raw: string) => CellValue> = [];

	private readonly interned: Array<Map<string, CellValue> | undefined> = [];

	private readonly template: IDataObject;

	/** The header line as it was in the file, without a byte-order mark. */
	readonly titles: string[];

	constructor(header: string[], columns: ColumnSpec[], private readonly options: RecordShaperOptions = {}) {
		this.titles = header.map((title, index) => title.replace(/^\uFEFF/, '').trim() || `column${index + 1}`);
		const template: IDataObject = { ...options.leading };
		if (options.originalNames) {
			for (const title of this.titles) {
				this.keys.push(title);
				this.parsers.push(identity);
				this.interned.push(new Map());
				template[title] = null;
			}
			this.template = template;
			return;
		}
		const byTitle = new Map<string, ColumnSpec>();
		for (const column of columns) {
			for (const title of column.titles) byTitle.set(normaliseHeader(title), column);
			template[column.key] = null;
		}
		const used = new Set<string>([...Object.keys(template)]);
		const planned = new Set<string>();
		this.titles.forEach((title, position) => {
			const column = options.byPosition ? columns[position] : byTitle.get(normaliseHeader(title));
			if (column && !planned.has(column.key)) {
				planned.add(column.key);
				this.keys.push(column.key);
				this.parsers.push(cellParser(column.type, options.cells));
				this.interned.push(column.type === 'datetime' ? undefined : new Map());
				return;
			}
			const base = camelCase(title) || 'column';
			let key = base;
			for (let n = 2; used.has(key); n++) key = `${base}${n}`;
			used.add(key);
			template[key] = null;
			this.keys.push(key);
			this.parsers.push(textCell);
			this.interned.push(new Map());
		});
		this.template = template;
	}

	/** The key each cell of a line goes to, in file order. */
	get columnKeys(): string[] {
		return [...this.keys];
	}

	shape(cells: string[]): IDataObject {
		const record: IDataObject = { ...this.template };
		const { keys, parsers, interned } = this;
		const count = Math.min(cells.length, keys.length);
		for (let index = 0; index < count; index++) {
			const raw = cells[index];
			const seen = interned[index];
			if (seen === undefined) {
				record[keys[index]] = parsers[index](raw);
				continue;
			}
			let value = seen.get(raw);
			if (value === undefined && !seen.has(raw)) {
				value = parsers[index](raw);
				if (seen.size < INTERN_LIMIT) seen.set(raw, value);
				else interned[index] = undefined;
			}
			record[keys[index]] = value as CellValue;
		}
		if (this.options.originalNames) {
			// Simplify off: the text as in the file; a missing cell of a short line is empty text.
			for (let index = count; index < keys.length; index++) record[keys[index]] = '';
		}
		return record;
	}

	/** The raw text of the cell feeding `key`, for fields derived from the original text. */
	rawCell(cells: string[], key: string): string | undefined {
		const index = this.keys.indexOf(key);
		return index === -1 ? undefined : cells[index];
	}
}

const identity = (raw: string) => raw;

/** Lines that are entirely empty, which some exports end with. */
export function isBlankLine(cells: string[]): boolean {
	for (const cell of cells) if (cell.trim() !== '') return false;
	return true;
}
