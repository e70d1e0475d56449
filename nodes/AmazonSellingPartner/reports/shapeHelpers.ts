// Small helpers shared by the JSON and XML report shapers: Amazon's trees are loose about
// single vs repeated elements and about numbers written as text.
import type { IDataObject } from 'n8n-workflow';

export function asObject(value: unknown): IDataObject | undefined {
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : undefined;
}

/** One element or a list of them, as a list; missing is an empty list. */
export function asList(value: unknown): unknown[] {
	if (Array.isArray(value)) return value;
	return value === undefined || value === null || value === '' ? [] : [value];
}

export function asObjects(value: unknown): IDataObject[] {
	return asList(value).filter((entry): entry is IDataObject => asObject(entry) !== undefined);
}

/** A number from a number or numeric text; "1.5%" is the fraction 0.015, like the JSON reports' rates. */
export function toNumber(value: unknown): number | null {
	if (typeof value === 'number') return Number.isFinite(value) ? value : null;
	if (typeof value !== 'string' || value.trim() === '') return null;
	const text = value.trim();
	const number = Number(text.replace(/%$/, '').replace(/,/g, ''));
	if (!Number.isFinite(number)) return null;
	return text.endsWith('%') ? number / 100 : number;
}

/** Copies a JSON object, making numeric text numbers for the given keys. */
export function withNumbers(source: IDataObject, numericKeys: string[]): IDataObject {
	const copy: IDataObject = { ...source };
	for (const key of numericKeys) {
		if (key in copy) copy[key] = toNumber(copy[key]) ?? copy[key] ?? null;
	}
	return copy;
}

/**
 * One element of an analytics report as flat fields: its metric groups (salesByDate, clickData …)
 * merged into it, a group's field named after the group where two groups share a name; money
 * ({ amount, currencyCode }) as x and xCurrency; deeper objects as prefixed fields; numeric text of
 * metrics as numbers.
 */
export function flattenMetrics(entry: IDataObject): IDataObject {
	const fields: IDataObject = {};
	for (const [name, value] of Object.entries(entry)) {
		const group = asObject(value);
		if (group && !isMoney(group)) {
			for (const [metric, measured] of Object.entries(group)) {
				putFlat(fields, metric in fields ? `${name}${upperFirst(metric)}` : metric, measured, true);
			}
		} else {
			putFlat(fields, name, value, false);
		}
	}
	return fields;
}

/** Puts a value under `key`, objects flattened depth first with a work list (no recursion over the data). */
function putFlat(fields: IDataObject, key: string, value: unknown, metric: boolean): void {
	const pending: Array<[string, unknown]> = [[key, value]];
	while (pending.length) {
		const [at, current] = pending.pop() as [string, unknown];
		const object = asObject(current);
		if (!object) {
			fields[at] = metric && typeof current === 'string' && PLAIN_NUMBER.test(current) ? Number(current) : (current as IDataObject[string]);
			continue;
		}
		let inner = Object.entries(object);
		if (isMoney(object)) {
			fields[at] = moneyAmount(object.amount);
			fields[`${at}Currency`] = object.currencyCode ?? null;
			inner = inner.filter(([name]) => name !== 'amount' && name !== 'currencyCode');
		}
		// Reversed, so that the list gives them back in the document's order.
		for (let index = inner.length - 1; index >= 0; index--) pending.push([`${at}${upperFirst(inner[index][0])}`, inner[index][1]]);
	}
}

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

export function isMoney(object: IDataObject): boolean {
	return 'amount' in object && 'currencyCode' in object;
}

/** A money amount as a number (Amazon writes numbers, sometimes numeric text). */
export function moneyAmount(amount: unknown): IDataObject[string] {
	return typeof amount === 'string' && PLAIN_NUMBER.test(amount) ? Number(amount) : ((amount ?? null) as IDataObject[string]);
}

export function upperFirst(name: string): string {
	return name.charAt(0).toUpperCase() + name.slice(1);
}
