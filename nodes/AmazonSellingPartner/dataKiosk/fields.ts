// The fields of an analytics query's items (Simplify on), for the editor's pickers of Filter Rows
// and Summary per Group, and for Filter Rows' checks: the keys the query's own shaping writes,
// found by shaping a sample line of what its text selects, so they are always the items' keys.
import type { IDataObject } from 'n8n-workflow';

import type { FieldKind } from '../../shared/output/fields';
import { fieldKinds, startsWithIsoDate } from '../../shared/output/fields';
import type { ColumnSpec } from '../../shared/pipeline/records';
import type { ColumnType } from '../../shared/pipeline/values';
import type { Selection } from './graphql';
import { selectionInText } from './graphql';
import { recogniseQuery } from './queries';

export interface QueryFields {
	/** Fields with one value per item, typed. */
	columns: ColumnSpec[];
	/** Fields holding a list (Seller Economics' fees and ads). */
	lists: string[];
	/**
	 * The kinds Filter Rows may rely on: only for the dataset fields the node knows (a ready-made
	 * query's), whose schemas hold numbers below the line's own fields; a custom query's are a guess.
	 */
	kinds?: Map<string, FieldKind>;
}

/** The fields of a query's items, from its GraphQL text; undefined for a text whose selection is not followed (fragments). */
export function queryFields(text: string): QueryFields | undefined {
	const selection = selectionInText(text);
	if (!selection) return undefined;
	const { shape, known } = recogniseQuery(text);
	const columns: ColumnSpec[] = [];
	const lists: string[] = [];
	for (const [key, value] of Object.entries(shape(sampleLine(selection, true)))) {
		if (Array.isArray(value)) lists.push(key);
		else columns.push({ key, titles: [], type: typeOf(value) });
	}
	return { columns, lists, kinds: known ? fieldKinds(columns) : undefined };
}

/**
 * A line whose every selected field holds a value of the kind Amazon writes there, as the
 * datasets' schemas do: a line's own fields are text (dates for the *Date ones: ranges, periods),
 * the groups below them metrics (numbers) and money (an amount and a currency code).
 */
function sampleLine(selection: Selection, top: boolean): Record<string, unknown> {
	const line: Record<string, unknown> = {};
	for (const [field, inner] of Object.entries(selection)) {
		if (inner !== true) line[field] = sampleLine(inner, false);
		else if (top) line[field] = field.endsWith('Date') ? '2026-01-01' : 'text';
		else line[field] = field === 'currencyCode' ? 'USD' : 1;
	}
	return line;
}

function typeOf(value: IDataObject[string]): ColumnType {
	if (typeof value === 'number') return 'decimal';
	if (typeof value === 'boolean') return 'boolean';
	return typeof value === 'string' && startsWithIsoDate(value) ? 'date' : 'text';
}
