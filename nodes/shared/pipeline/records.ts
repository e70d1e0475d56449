// Shaping stage: a header line and data lines become JSON records with stable, typed keys.
import type { IDataObject } from 'n8n-workflow';

import type { CellValue } from './values';
import { camelCase, normaliseHeader, textCell } from './values';

export interface ColumnSpec {
	/** Key in the output item. */
	key: string;
	/** Column titles Amazon has used for it; matched after normaliseHeader. Empty for derived keys. */
	titles: string[];
	parse: (raw: string) => CellValue;
}

export interface RecordShaperOptions {
	/** Keep Amazon's column titles and cell text as they are in the file. */
	originalNames?: boolean;
}

/**
 * Knows, for one file's header line, which cell feeds which key. Known columns come out in the
 * spec's order (null when this file lacks them, so every month has the same keys), unknown
 * columns after them under a camelCase key, so nothing Amazon adds is lost.
 */
export class RecordShaper {
	private readonly plan: Array<{ key: string; parse: (raw: string) => CellValue }> = [];

	private readonly emptyRecord: IDataObject = {};

	constructor(
		private readonly header: string[],
		columns: ColumnSpec[],
		private readonly options: RecordShaperOptions = {},
	) {
		const byTitle = new Map<string, ColumnSpec>();
		for (const column of columns) {
			for (const title of column.titles) byTitle.set(normaliseHeader(title), column);
			this.emptyRecord[column.key] = null;
		}
		const used = new Set<string>(columns.map((column) => column.key));
		for (const title of header) {
			const column = byTitle.get(normaliseHeader(title));
			if (column && !this.plan.some((step) => step.key === column.key)) {
				this.plan.push({ key: column.key, parse: column.parse });
				continue;
			}
			let key = camelCase(title) || 'column';
			for (let n = 2; used.has(key); n++) key = `${camelCase(title) || 'column'}${n}`;
			used.add(key);
			this.plan.push({ key, parse: textCell });
		}
	}

	/** The header line as it was in the file, without a byte-order mark. */
	get titles(): string[] {
		return this.header.map((title) => title.replace(/^\uFEFF/, '').trim());
	}

	shape(cells: string[]): IDataObject {
		if (this.options.originalNames) {
			const record: IDataObject = {};
			this.titles.forEach((title, index) => (record[title] = cells[index] ?? ''));
			return record;
		}
		const record: IDataObject = { ...this.emptyRecord };
		this.plan.forEach((step, index) => {
			const cell = cells[index];
			record[step.key] = cell === undefined ? null : step.parse(cell);
		});
		return record;
	}

	/** The raw text of the cell feeding `key`, for fields derived from the original text. */
	rawCell(cells: string[], key: string): string | undefined {
		const index = this.plan.findIndex((step) => step.key === key);
		return index === -1 ? undefined : cells[index];
	}
}

/** Skips lines that are entirely empty, which some exports end with. */
export function isBlankLine(cells: string[]): boolean {
	return cells.every((cell) => cell.trim() === '');
}
