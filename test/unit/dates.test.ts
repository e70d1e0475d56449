// The date scanner on its own: every form Amazon's files use, per marketplace order, with zones.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { isoDateTimeWithOffset, parseAmazonDateTime, parseDayInOrder, zoneOffsetMinutes } from '../../nodes/shared/pipeline/dates';

/** ISO 8601 as the reports' items carry it, with the file's zone (or the fallback). */
function iso(raw: string, order: 'MDY' | 'DMY' | 'YMD' = 'MDY', fallbackZone?: string): string | undefined {
	const value = parseAmazonDateTime(raw, order);
	if (!value) return undefined;
	const offset = zoneOffsetMinutes(value, fallbackZone);
	return offset === undefined ? undefined : isoDateTimeWithOffset(value, offset);
}

describe('parseAmazonDateTime', () => {
	test('ISO forms, with T or a space, an offset or a zone name', () => {
		assert.equal(iso('2026-03-01T00:00:00+00:00'), '2026-03-01T00:00:00+00:00');
		assert.equal(iso('2025-06-09 05:23:19 UTC'), '2025-06-09T05:23:19+00:00');
		assert.equal(iso('2025-03-04 14:39:00 PST'), '2025-03-04T14:39:00-08:00');
		assert.equal(iso('2025-03-04T14:39:00-07:00'), '2025-03-04T14:39:00-07:00');
	});

	test('short forms in the marketplace order: US month first, Europe day first, Japan year first', () => {
		assert.equal(iso('05/21/18 14:39 PST', 'MDY'), '2018-05-21T14:39:00-08:00');
		assert.equal(iso('14.03.2023 07:49:55 UTC', 'DMY'), '2023-03-14T07:49:55+00:00');
		assert.equal(iso('21/05/18 14:39:00 UTC', 'DMY'), '2018-05-21T14:39:00+00:00');
		assert.equal(iso('25/06/09 05:23:19 JST', 'YMD'), '2025-06-09T05:23:19+09:00');
	});

	test('impossible dates and non-dates are undefined, never a shifted date', () => {
		for (const raw of ['2025-02-29 00:00:00 UTC', '13/13/25', '2025-13-01', 'yesterday', '', '12345', '2025-06-09 25:00:00 UTC']) {
			assert.equal(parseAmazonDateTime(raw, 'MDY'), undefined, raw);
		}
		assert.ok(parseAmazonDateTime('2024-02-29 00:00:00 UTC'), 'a leap day is a date');
	});

	test('without a zone in the text, the marketplace zone applies with its daylight saving', () => {
		assert.equal(iso('2025-01-15 12:00:00', 'YMD', 'America/Los_Angeles'), '2025-01-15T12:00:00-08:00');
		assert.equal(iso('2025-07-15 12:00:00', 'YMD', 'America/Los_Angeles'), '2025-07-15T12:00:00-07:00');
		assert.equal(iso('2025-07-15 12:00:00', 'YMD', 'Europe/Paris'), '2025-07-15T12:00:00+02:00');
		assert.equal(iso('2025-07-15 12:00:00', 'YMD'), undefined, 'no zone and no fallback: no guess');
	});
});

describe('parseDayInOrder', () => {
	test('the same text is a different day in another order; an impossible one is undefined', () => {
		assert.equal(parseDayInOrder('09/06/25', 'MDY'), '2025-09-06');
		assert.equal(parseDayInOrder('09/06/25', 'DMY'), '2025-06-09');
		assert.equal(parseDayInOrder('25/06/09', 'YMD'), '2025-06-09');
		assert.equal(parseDayInOrder('13/25/25', 'MDY'), undefined);
		assert.equal(parseDayInOrder('2.3.25', 'DMY'), '2025-03-02');
	});
});
