// The summary machinery on its own (nodes/shared/output/summarize.ts): what presets use besides
// groups and the usual aggregations — first, countUnique (bounded), countUnreadable, several fields
// as one, sections with conditions, split rows, an "others" group, objects, one item per value,
// derived fields, money in a locale, picked fields — and exact sums of large amounts.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { DecimalSum } from '../../nodes/shared/output/decimalSum';
import type { FieldKind } from '../../nodes/shared/output/fields';
import { formatAmount, formatCount, moneyFormatter } from '../../nodes/shared/output/format';
import type { SummaryPreset, SummarySection } from '../../nodes/shared/output/summarize';
import { fillTemplate, GroupTable, PresetSummary } from '../../nodes/shared/output/summarize';

const KINDS = new Map<string, FieldKind>([
	['amount', 'number'],
	['fee', 'number'],
	['quantity', 'number'],
	['day', 'date'],
	['kind', 'text'],
	['order', 'text'],
]);

/** The rows of one section over these records. */
function rowsOf(section: Omit<SummarySection, 'output' | 'name'>, records: IDataObject[], kinds: Map<string, FieldKind> | undefined = KINDS): IDataObject[] {
	const table = new GroupTable(section, { what: 'test report', kinds });
	for (const record of records) table.add(record);
	return table.rows();
}

describe('aggregations', () => {
	test('first: the first value a row has; latest: the last row’s', () => {
		const records = [{ kind: null }, { kind: '' }, { kind: 'A' }, { kind: 'B' }, { kind: null }];
		assert.deepEqual(
			rowsOf({ values: [{ op: 'first', field: 'kind', name: 'first' }, { op: 'latest', field: 'kind', name: 'latest' }, { op: 'first', field: 'order', name: 'none', otherwise: '-' }] }, records),
			[{ first: 'A', latest: null, none: '-' }],
		);
	});

	test('countUnique: distinct values per group; past the most kept (over all groups), every count is null', () => {
		const records = ['a', 'a', 'b', null, 'c', 'a'].map((order, index) => ({ kind: index % 2 ? 'Refund' : 'Order', order }));
		const section = (max: number) => ({ groupBy: [{ field: 'kind' }], values: [{ op: 'countUnique' as const, field: 'order', max, name: 'orders' }] });
		assert.deepEqual(rowsOf(section(4), records), [
			{ kind: 'Order', orders: 3 },
			{ kind: 'Refund', orders: 1 },
		]);
		// 4 values kept in the two groups together: a bound of 3 counts none.
		assert.deepEqual(rowsOf(section(3), records), [
			{ kind: 'Order', orders: null },
			{ kind: 'Refund', orders: null },
		]);
	});

	test('countUnreadable: text in a number column, a date kept as written; untyped fields never', () => {
		const records = [
			{ amount: 12.5, fee: '1,234', day: '2025-06-05', note: 'x' },
			{ amount: '12,3456', fee: -1, day: '05/06/25', note: '7' },
			{ amount: null, fee: null, day: null, note: null },
		];
		assert.deepEqual(rowsOf({ values: [{ op: 'countUnreadable', fields: ['amount', 'fee'], name: 'numbers' }, { op: 'countUnreadable', field: 'day', name: 'days' }, { op: 'countUnreadable', field: 'note', name: 'notes' }] }, records), [
			{ numbers: 2, days: 1, notes: 0 },
		]);
	});

	test('sums leave out text a number column could not read; untyped fields add numbers written plainly', () => {
		const records = [{ amount: 10.1, fee: '2.5' }, { amount: '2.5', fee: '1,5' }, { amount: 0.2, fee: 1 }];
		assert.deepEqual(rowsOf({ values: [{ op: 'sum', field: 'amount', name: 'typed' }, { op: 'max', field: 'amount', name: 'most' }] }, records), [{ typed: 10.3, most: 10.1 }]);
		assert.deepEqual(rowsOf({ values: [{ op: 'sum', field: 'amount', name: 'untyped' }] }, records, new Map()), [{ untyped: 12.8 }]);
	});

	test('fields: the values of several columns as one (count and sum); sum with otherwise null when none', () => {
		const records = [{ amount: 1.1, fee: -0.1 }, { amount: null, fee: -0.2 }, { amount: 3, fee: null }];
		assert.deepEqual(
			rowsOf({ values: [{ op: 'sum', fields: ['amount', 'fee'], name: 'total' }, { op: 'count', fields: ['amount', 'fee'], name: 'values' }, { op: 'sum', field: 'quantity', name: 'quantity', otherwise: null }] }, records),
			[{ total: 3.8, values: 4, quantity: null }],
		);
	});
});

describe('sections', () => {
	test('where: only the rows that meet it make groups', () => {
		const records = [{ kind: 'summary', amount: 5 }, { kind: 'Order', amount: 1 }, { kind: 'Order', amount: 2 }];
		assert.deepEqual(rowsOf({ where: [{ field: 'kind', operator: 'notEquals', value: 'summary' }], groupBy: [{ field: 'kind' }], values: [{ op: 'sum', field: 'amount', name: 'total' }] }, records), [
			{ kind: 'Order', total: 3 },
		]);
	});

	test('split: one row per column of a kind that has a number, constants and fields under the row’s keys', () => {
		const records = [
			{ price: 27.99, priceType: 'Principal', fee: -1, feeType: 'Commission' },
			{ price: '1,5', priceType: 'Tax', fee: null, feeType: null },
			{ price: 2, priceType: 'Principal', fee: -0.5, feeType: 'Commission' },
		];
		const kinds = new Map<string, FieldKind>([['price', 'number'], ['fee', 'number']]);
		const section = {
			split: {
				required: 'amount',
				rows: [
					{ amount: 'price', type: { value: 'ItemPrice' }, description: 'priceType' },
					{ amount: 'fee', type: { value: 'ItemFees' }, description: 'feeType' },
				],
			},
			groupBy: [{ field: 'type' }, { field: 'description' }],
			values: [{ op: 'sum' as const, field: 'amount', name: 'total' }, { op: 'count' as const, name: 'amounts' }],
		};
		assert.deepEqual(rowsOf(section, records, kinds), [
			{ type: 'ItemPrice', description: 'Principal', total: 29.99, amounts: 2 },
			{ type: 'ItemFees', description: 'Commission', total: -1.5, amounts: 2 },
		]);
	});

	test('others: past `after` groups new ones are summed in one group; no error, bounded', () => {
		const records = Array.from({ length: 10 }, (_, index) => ({ kind: `K${index % 6}`, order: 'x', amount: 1 }));
		const rows = rowsOf({ groupBy: [{ field: 'kind' }, { field: 'order' }], others: { after: 3, fields: { kind: '(others)' } }, values: [{ op: 'sum', field: 'amount', name: 'total' }] }, records);
		assert.deepEqual(rows, [
			{ kind: 'K0', order: 'x', total: 2 },
			{ kind: 'K1', order: 'x', total: 2 },
			{ kind: 'K2', order: 'x', total: 2 },
			{ kind: '(others)', order: null, total: 4 },
		]);
		// Without it, past the most groups: an error that says so.
		const capped = new GroupTable({ groupBy: [{ field: 'kind' }], values: [] }, { what: 'test report', maxGroups: 3 });
		assert.throws(() => records.forEach((record) => capped.add(record)), /^AmazonRequestError: The summary of the test report has more than 3 groups \(grouped by kind\)/);
	});

	test('groups by several fields keep null, text and numbers apart', () => {
		const records = [{ kind: null, order: '1' }, { kind: 'null', order: 1 }, { kind: null, order: 1 }, { kind: null, order: '1' }];
		assert.deepEqual(rowsOf({ groupBy: [{ field: 'kind' }, { field: 'order' }], values: [{ op: 'count', name: 'rows' }] }, records, new Map()), [
			{ kind: null, order: '1', rows: 2 },
			{ kind: 'null', order: 1, rows: 1 },
			{ kind: null, order: 1, rows: 1 },
		]);
	});
});

describe('presets', () => {
	const preset: SummaryPreset = {
		per: { field: 'batch', max: 2 },
		sections: [
			{ name: 'totals', values: [{ op: 'sum', field: 'amount', name: 'total' }, { op: 'count', name: 'rows' }], output: 'fields' },
			{ name: 'kinds', groupBy: [{ field: 'kind' }], values: [{ op: 'sum', field: 'amount', name: 'total' }], output: 'list' },
			{ name: 'byKind', from: 'kinds', groupBy: [{ field: 'kind', otherwise: '(none)' }], values: [{ op: 'sum', field: 'total', name: 'total' }], output: 'object' },
		],
		derive: (summary, facts) => ({ positive: (summary.total as number) > 0, note: facts.remarks.note ?? null, leftOut: facts.rowsLeftOut, locale: 'de-DE' }),
		money: { currency: 'currency', locale: 'locale' },
		text: (summary, format) => `${String(summary.batch)}: ${format.money(summary.total as number)} in ${format.count(summary.rows as number)} rows`,
		pick: ['batch', 'total', 'byKind', 'positive', 'note', 'leftOut', 'missing', 'reportId', 'text'],
	};

	test('one item per value of `per` (at most `max`, the rest counted), derived fields, money in the locale, picked fields in order', () => {
		const summary = new PresetSummary({ ...preset, fields: { currency: 'EUR' } }, { reportId: 'R1', other: 'left out' }, { what: 'test report', kinds: KINDS });
		const records = [
			{ batch: 'A', kind: 'Order', amount: 1234.5 },
			{ batch: 'A', kind: null, amount: -0.5 },
			{ batch: 'B', kind: 'Refund', amount: -3 },
			{ batch: 'C', kind: 'Order', amount: 99 },
			{ batch: 'A', kind: 'Order', amount: 1000 },
		];
		for (const record of records) summary.add(record);
		assert.deepEqual(summary.items({ note: 'read with care' }), [
			{ batch: 'A', total: 2234, byKind: { Order: 2234.5, '(none)': -0.5 }, positive: true, note: 'read with care', leftOut: 1, missing: null, reportId: 'R1', text: 'A: EUR 2.234,00 in 3 rows' },
			{ batch: 'B', total: -3, byKind: { Refund: -3 }, positive: false, note: 'read with care', leftOut: 1, missing: null, reportId: 'R1', text: 'B: EUR -3,00 in 1 rows' },
		]);
	});

	test('without `per`: one item, also when no row came; without `pick`: every field as composed', () => {
		const summary = new PresetSummary({ sections: preset.sections, text: '{total:amount} ({rows:count} rows) {total:money}' }, { reportMonth: '2025-06' }, { what: 'test report' });
		assert.deepEqual(summary.items(), [{ reportMonth: '2025-06', total: 0, rows: 0, kinds: [], byKind: {}, text: '0 (0 rows) 0.00' }]);
	});
});

describe('number formats (one home: format.ts)', () => {
	test('counts and amounts the US way; money in the currency’s decimals and the locale', () => {
		assert.equal(formatCount(1234567), '1,234,567');
		assert.equal(formatAmount(1234.5), '1,234.50');
		assert.equal(formatAmount(1234), '1,234');
		assert.equal(moneyFormatter('EUR', 'de-DE')(1855.72), 'EUR 1.855,72');
		assert.equal(moneyFormatter('USD', 'en-US')(-17.5), 'USD -17.50');
		assert.equal(moneyFormatter('JPY', 'ja-JP')(98765), 'JPY 98,765');
		assert.equal(moneyFormatter('XQQ', 'not a locale!')(3), 'XQQ 3.00');
		assert.equal(moneyFormatter(null, undefined)(3), '3.00');
		assert.equal(fillTemplate('{a:count} {b:amount} {c} {d:money}', { a: 1000, b: 2.5, c: 'x', d: 4 }), '1,000 2.50 x 4.00');
	});
});

describe('DecimalSum', () => {
	test('exact to the cent, also for large amounts (a tolerance of 1e-7 took 117,309,447.69 for 117,309,448)', () => {
		const sum = (...values: number[]) => {
			const total = new DecimalSum();
			for (const value of values) total.add(value);
			return total.value;
		};
		assert.equal(sum(117309447.69), 117309447.69);
		assert.equal(sum(5_000_000.25, 1), 5000001.25);
		assert.equal(sum(0.1, 0.2), 0.3);
		assert.equal(sum(123694112.74, -6254845, -129820.05), 117309447.69);
		assert.equal(sum(...Array.from({ length: 100_000 }, () => 19.99)), 1_999_000);
	});
});
