// Trigger state kept in the workflow's static data: small, bounded, and written only after a
// poll has succeeded, so a failed poll neither loses nor repeats anything.
import { createHash } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';

/** A short, stable key for a record (static data is stored with the workflow: keep it small). */
export function recordKey(parts: unknown[]): string {
	return createHash('sha1').update(JSON.stringify(parts)).digest('base64url').slice(0, 16);
}

/** Keeps the newest `cap` keys: the old ones first, then the new ones, without duplicates. */
export function boundedKeys(previous: string[], added: string[], cap: number): string[] {
	const merged = [...new Set([...previous, ...added])];
	return merged.length > cap ? merged.slice(merged.length - cap) : merged;
}

/** Replaces the trigger's state in one go, once the poll has produced its items. */
export function commitState(staticData: IDataObject, next: IDataObject): void {
	for (const key of Object.keys(staticData)) delete staticData[key];
	Object.assign(staticData, next);
}

export function stringList(value: unknown): string[] {
	return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : [];
}
