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
