// The shaping stage on its own: a header and cells become typed records with stable keys.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { ColumnSpec } from '../../nodes/shared/pipeline/records';
import { isBlankLine, RecordShaper } from '../../nodes/shared/pipeline/records';
import { camelCase, numberCell } from '../../nodes/shared/pipeline/values';

const COLUMNS: ColumnSpec[] = [
	{ key: 'orderId', titles: ['order-id', 'Order ID'], type: 'code' },
	{ key: 'quantity', titles: ['quantity'], type: 'integer' },
	{ key: 'price', titles: ['item-price'], type: 'decimal' },
	{ key: 'purchaseDate', titles: ['purchase-date'], type: 'datetime' },
	{ key: 'isBusinessOrder', titles: ['is-business-order'], type: 'boolean' },
	{ key: 'missing', titles: ['not-in-this-file'], type: 'text' },
];

describe('RecordShaper', () => {
	test('typed known columns in the spec’s order, null for absent ones, unknown columns after them', () => {
		const shaper = new RecordShaper(['Order ID', 'quantity', 'item-price', 'purchase-date', 'is-business-order', 'Gift Wrap Type'], COLUMNS, {
			leading: { marketplaceId: 'ATVPDKIKX0DER' },
		});
		const record = shaper.shape(['112-1', '2', '19.98', '2025-03-04T10:00:00+00:00', 'false', 'none']);
		assert.deepEqual(Object.keys(record), ['marketplaceId', 'orderId', 'quantity', 'price', 'purchaseDate', 'isBusinessOrder', 'missing', 'giftWrapType']);
		assert.deepEqual(record, {
			marketplaceId: 'ATVPDKIKX0DER',
			orderId: '112-1',
			quantity: 2,
			price: 19.98,
			purchaseDate: '2025-03-04T10:00:00+00:00',
			isBusinessOrder: false,
			missing: null,
			giftWrapType: 'none',
		});
	});

	test('IDs stay text, empty cells are null, a record is never shared with the next', () => {
		const shaper = new RecordShaper(['order-id', 'quantity'], COLUMNS);
		const first = shaper.shape(['00123', '']);
		const second = shaper.shape(['00124', '1']);
		assert.deepEqual(first, { orderId: '00123', quantity: null, price: null, purchaseDate: null, isBusinessOrder: null, missing: null });
		assert.equal(second.orderId, '00124');
		assert.notEqual(first, second);
	});

	test('original names keep Amazon’s titles and text', () => {
		const shaper = new RecordShaper(['order-id', 'quantity'], COLUMNS, { originalNames: true });
		assert.deepEqual(shaper.shape(['1', '2']), { 'order-id': '1', quantity: '2' });
	});

	test('a marketplace writing decimal commas', () => {
		const shaper = new RecordShaper(['item-price'], COLUMNS, { cells: { decimalComma: true } });
		assert.equal(shaper.shape(['1.234,56']).price, 1234.56);
		assert.equal(shaper.shape(['95,00']).price, 95);
	});

	test('by position, for localised titles', () => {
		const shaper = new RecordShaper(['注文番号', '数量'], COLUMNS.slice(0, 2), { byPosition: true });
		assert.deepEqual(shaper.shape(['250-1', '3']), { orderId: '250-1', quantity: 3 });
	});
});

describe('cells', () => {
	test('numbers as Amazon writes them; unclear text stays text', () => {
		assert.equal(numberCell('1,234.56'), 1234.56);
		assert.equal(numberCell('(3.49)'), -3.49);
		assert.equal(numberCell('12%'), 12);
		assert.equal(numberCell('95,00'), '95,00', 'a decimal comma is not read as a thousands separator');
		assert.equal(numberCell('1,234,5'), '1,234,5');
		assert.equal(numberCell('   '), null);
		assert.equal(numberCell('0x10'), '0x10');
	});

	test('camelCase keys from titles; blank lines', () => {
		assert.equal(camelCase('Sales Price (Marketplace Currency)'), 'salesPriceMarketplaceCurrency');
		assert.equal(camelCase('order-id'), 'orderId');
		assert.ok(isBlankLine(['', '  ', '']));
		assert.ok(!isBlankLine(['', 'x']));
	});
});
