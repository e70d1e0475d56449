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

/**
 * Whether the last successful poll was less than the interval ago. n8n adds Poll Times to every
 * polling trigger with a default of every minute, which a node cannot change: the trigger paces
 * itself so Amazon's quotas are not spent on polls that cannot find anything new.
 */
export function checkedRecently(state: IDataObject, minutes: unknown, defaultMinutes: number): boolean {
	const interval = Number(minutes ?? defaultMinutes);
	const last = Date.parse(String(state.checkedAt ?? ''));
	if (!Number.isFinite(interval) || interval <= 0 || Number.isNaN(last)) return false;
	return Date.now() - last < interval * 60_000 - 5_000;
}
