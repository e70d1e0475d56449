// GraphQL text for Data Kiosk, built from a query's choices so that a user never writes any:
// a dataset, its query field with arguments, and the fields selected (a tree). Also Amazon's size
// rule, checked before anything is sent.
import { AmazonRequestError } from '../../shared/errors';

/** Fields to select: a leaf is `true`, an object type its own selection. */
export interface Selection {
	readonly [field: string]: true | Selection;
}

/** Amazon's money: { amount, currencyCode }. */
export const MONEY: Selection = { amount: true, currencyCode: true };

/** An argument value as GraphQL writes it. */
export type GraphqlValue = string | number | boolean | GraphqlEnum | GraphqlValue[] | { readonly [name: string]: GraphqlValue };

/** An enum value (written bare: DAY), told apart from a string ("DAY"). */
export class GraphqlEnum {
	constructor(readonly value: string) {}
}

export const enumValue = (value: string) => new GraphqlEnum(value);

/** Amazon's limit on a query: "at most 8000 characters after unnecessary whitespace is removed". */
export const MAX_QUERY_CHARS = 8_000;

/** `query Name { dataset { field(args) { selection } } }`, indented for people who read it. */
export function queryText(spec: { name: string; dataset: string; field: string; args: Record<string, GraphqlValue>; selection: Selection }): string {
	const args = Object.entries(spec.args)
		.map(([name, value]) => `${name}: ${valueText(value)}`)
		.join(', ');
	const lines = [`query ${spec.name} {`, `  ${spec.dataset} {`, `    ${spec.field}(${args}) {`];
	selectionLines(spec.selection, 6, lines);
	lines.push('    }', '  }', '}');
	return lines.join('\n');
}

function valueText(value: GraphqlValue): string {
	if (value instanceof GraphqlEnum) return value.value;
	if (Array.isArray(value)) return `[${value.map(valueText).join(', ')}]`;
	if (typeof value === 'object') {
		return `{${Object.entries(value)
			.map(([name, inner]) => `${name}: ${valueText(inner)}`)
			.join(', ')}}`;
	}
	// JSON's string escapes are GraphQL's.
	return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function selectionLines(selection: Selection, indent: number, lines: string[]): void {
	const pad = ' '.repeat(indent);
	for (const [field, inner] of Object.entries(selection)) {
		if (inner === true) {
			lines.push(`${pad}${field}`);
		} else if (inner === MONEY) {
			lines.push(`${pad}${field} { amount currencyCode }`);
		} else {
			lines.push(`${pad}${field} {`);
			selectionLines(inner, indent + 2, lines);
			lines.push(`${pad}}`);
		}
	}
}

/**
 * The query as Amazon measures it: comments and whitespace dropped, except one space between two
 * names (or numbers) that would otherwise run together; strings kept as written.
 */
export function minifiedLength(query: string): number {
	let length = 0;
	let previous = '';
	let gap = false;
	for (let index = 0; index < query.length; index++) {
		const char = query[index];
		if (char === '"') {
			const end = stringEnd(query, index);
			length += end - index;
			index = end - 1;
			previous = '"';
			gap = false;
		} else if (char === '#') {
			while (index < query.length && query[index] !== '\n') index++;
			gap = true;
		} else if (/\s|,/.test(char)) {
			// Commas are insignificant in GraphQL, like whitespace.
			gap = true;
		} else {
			if (gap && isWordChar(previous) && isWordChar(char)) length++;
			length++;
			previous = char;
			gap = false;
		}
	}
	return length;
}

/** The index after a string literal starting at `start` (block strings """…""" too). */
function stringEnd(query: string, start: number): number {
	if (query.startsWith('"""', start)) {
		const end = query.indexOf('"""', start + 3);
		return end === -1 ? query.length : end + 3;
	}
	for (let index = start + 1; index < query.length; index++) {
		if (query[index] === '\\') index++;
		else if (query[index] === '"' || query[index] === '\n') return index + 1;
	}
	return query.length;
}

function isWordChar(char: string): boolean {
	return /[A-Za-z0-9_]/.test(char);
}

/** Refuses a query Amazon would refuse for its size, before anything is sent. */
export function checkQuerySize(query: string, label: string): void {
	const length = minifiedLength(query);
	if (length > MAX_QUERY_CHARS) {
		throw new AmazonRequestError(
			`The ${label} is ${length.toLocaleString('en-US')} characters long without whitespace; Amazon takes at most ${MAX_QUERY_CHARS.toLocaleString('en-US')}`,
			{ description: 'Select fewer fields, or split it into several queries (for example one per group of fields). Nothing was sent to Amazon.' },
		);
	}
	if (!length) {
		throw new AmazonRequestError(`The ${label} is empty`, {
			description: 'Write the GraphQL query, for example { analytics_salesAndTraffic_2024_04_24 { salesAndTrafficByDate(…) { startDate } } }.',
		});
	}
}

/**
 * A record with every selected field present and null (money as { amount: null, currencyCode: null }):
 * shaped like a line, it gives a query's item keys in order, so every item has them all.
 */
export function skeletonOf(selection: Selection): Record<string, unknown> {
	const record: Record<string, unknown> = {};
	for (const [field, inner] of Object.entries(selection)) {
		record[field] = inner === true ? null : skeletonOf(inner);
	}
	return record;
}

/**
 * The fields a query's text selects under its query field (`{ dataset { field(…) { these } } }`),
 * aliases as their keys; undefined for a text this reader does not follow (fragments, several
 * fields): its items are then flattened line by line.
 */
export function selectionInText(query: string): Selection | undefined {
	const tokens = query.replace(/"""[\s\S]*?"""|"(?:[^"\\\n]|\\.)*"|#[^\n]*/g, ' ').match(/\.\.\.|[_A-Za-z][_0-9A-Za-z]*|[{}():]/g) ?? [];
	const root: Record<string, true | Selection> = {};
	const open: Array<Record<string, true | Selection>> = [];
	let current: Record<string, true | Selection> | undefined;
	let last: string | undefined;
	for (let index = 0; index < tokens.length; index++) {
		const token = tokens[index];
		if (token === '...') return undefined;
		if (token === '(') {
			// Arguments: skipped to their closing parenthesis (values hold no parentheses).
			while (index < tokens.length && tokens[index] !== ')') index++;
		} else if (token === '{') {
			const inner: Record<string, true | Selection> = {};
			if (current && last) current[last] = inner;
			open.push(current ?? root);
			current = current ? inner : root;
			last = undefined;
		} else if (token === '}') {
			current = open.pop();
			if (current === root && !open.length) current = undefined;
		} else if (token === ':') {
			// An alias names the answer's key: the field's own name after it is skipped.
			index++;
		} else if (current) {
			current[token] = true;
			last = token;
		}
	}
	const datasets = Object.values(root);
	const fields = datasets.length === 1 && datasets[0] !== true ? Object.values(datasets[0]) : [];
	return fields.length === 1 && fields[0] !== true ? fields[0] : undefined;
}
