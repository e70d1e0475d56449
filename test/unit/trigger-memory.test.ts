// The triggers' memory on its own: MonthScan (which line items of a month-to-date file are new)
// and the bounded key sets, without the engine or the emulator.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import type { MonthMemory } from '../../nodes/shared/trigger/monthMemory';
import { hashKey, MonthScan, RECENT_KEYS, slotOf } from '../../nodes/shared/trigger/monthMemory';
import { boundedKeys, checkedRecently, commitState, recordKey } from '../../nodes/shared/trigger/state';

const MONTH = '2025-03';

interface Row {
	invoiceId: string;
	time: string;
}

/** A month's rows: one every `minutes` minutes from the 1st, keys I1, I2, … */
function month(count: number, minutes = 7, from = 0): Row[] {
	return Array.from({ length: count }, (_, i) => {
		const at = Date.UTC(2025, 2, 1) + (from + i) * minutes * 60_000;
		return { invoiceId: `I${from + i + 1}`, time: new Date(at).toISOString().slice(0, 19) };
	});
}

/**
 * One poll, as the Appstore trigger makes it: the rows emitted (at once, at the end, or by a second
 * reading of the file when too many were undecided to hold), and the next memory (through JSON, as
 * n8n saves it).
 */
function read(rows: Row[], previous: MonthMemory | undefined): { emitted: string[]; memory: MonthMemory; reread: boolean } {
	const scan = new MonthScan(previous, MONTH);
	const emitted: string[] = [];
	for (const row of rows) if (scan.next(row.invoiceId, row.time, row)) emitted.push(row.invoiceId);
	const end = scan.finish<Row>();
	for (const row of end.rows) emitted.push(row.invoiceId);
	const wanted = end.rereadIndexes;
	if (wanted) rows.forEach((row, index) => wanted.has(index) && emitted.push(row.invoiceId));
	return { emitted, memory: JSON.parse(JSON.stringify(scan.memory(undefined))) as MonthMemory, reread: wanted !== undefined };
}

describe('MonthScan', () => {
	test('a first reading emits nothing; rows appended later are new, once', () => {
		const first = read(month(1_000), undefined);
		assert.deepEqual(first.emitted, []);
		const appended = read([...month(1_000), ...month(3, 7, 1_000)], first.memory);
		assert.deepEqual(appended.emitted, ['I1001', 'I1002', 'I1003']);
		const again = read([...month(1_000), ...month(3, 7, 1_000)], appended.memory);
		assert.deepEqual(again.emitted, []);
	});

	test('a restated month (rows reordered, one inserted in the middle) emits only the inserted row', () => {
		const rows = month(2_000);
		const first = read(rows, undefined);
		const inserted = { invoiceId: 'LATE-REFUND', time: rows[500].time };
		const restated = [...rows.slice(0, 900).reverse(), inserted, ...rows.slice(900)];
		assert.deepEqual(read(restated, first.memory).emitted, ['LATE-REFUND']);
	});

	test('two rows added to one old quarter-hour cannot be told apart by counts: both go out, none is lost', () => {
		const rows = month(20_000, 1);
		const first = read(rows, undefined);
		const a = { invoiceId: 'NEW-A', time: rows[10].time };
		const b = { invoiceId: 'NEW-B', time: rows[11].time };
		const emitted = read([b, a, ...rows], first.memory).emitted;
		assert.ok(emitted.includes('NEW-A') && emitted.includes('NEW-B'), emitted.join(','));
	});

	test('the memory is small and JSON-safe whatever the month’s size', () => {
		const { memory } = read(month(100_000, 0.4), undefined);
		assert.equal(memory.rows, 100_000);
		const size = JSON.stringify(memory).length;
		assert.ok(size < 120_000, `${size} characters`);
		assert.ok(Buffer.from(memory.recent, 'base64').length <= RECENT_KEYS * 5);
	});

	test('quarter-hours of the month; anything else goes to one slot', () => {
		assert.equal(slotOf('2025-03-01T00:14:59', MONTH), 0);
		assert.equal(slotOf('2025-03-01T00:15:00', MONTH), 1);
		assert.equal(slotOf('2025-03-31T23:59:00', MONTH), 31 * 96 - 1);
		assert.equal(slotOf('2025-04-01T00:00:00', MONTH), slotOf(null, MONTH));
		assert.equal(hashKey('I1'), hashKey('I1'));
		assert.notEqual(hashKey('I1'), hashKey('I2'));
	});
});

describe('bounded key sets and state', () => {
	test('boundedKeys keeps the newest, without duplicates, in order', () => {
		assert.deepEqual(boundedKeys(['a', 'b', 'c'], ['c', 'd', 'e'], 4), ['b', 'c', 'd', 'e']);
		assert.deepEqual(boundedKeys([], ['x', 'x'], 10), ['x']);
	});

	test('recordKey is short and stable; commitState replaces the state in one go', () => {
		assert.equal(recordKey(['a', 1]), recordKey(['a', 1]));
		assert.notEqual(recordKey(['a', 1]), recordKey(['a', 2]));
		assert.equal(recordKey(['a', 1]).length, 16);
		const state: IDataObject = { old: 1, checkedAt: 'x' };
		commitState(state, { seen: ['k'] });
		assert.deepEqual(state, { seen: ['k'] });
	});

	test('checkedRecently paces polls, and an interval of 0 never holds a poll back', () => {
		const now = new Date().toISOString();
		assert.equal(checkedRecently({ checkedAt: now }, 60, 180), true);
		assert.equal(checkedRecently({ checkedAt: now }, 0, 180), false);
		assert.equal(checkedRecently({ checkedAt: new Date(Date.now() - 61 * 60_000).toISOString() }, 60, 180), false);
		assert.equal(checkedRecently({}, 60, 180), false);
	});
});
