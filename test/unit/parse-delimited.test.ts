// The flat-file parser on its own: CSV quoting, Amazon's unquoted TSV, line endings, a BOM, and
// text cut into chunks anywhere (a download arrives in pieces).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { DelimitedOptions } from '../../nodes/shared/pipeline/parseDelimited';
import { DelimitedParseError, DelimitedParser } from '../../nodes/shared/pipeline/parseDelimited';

const CSV: DelimitedOptions = { delimiter: ',', quoted: true, maxLineChars: 1_000 };
const TSV: DelimitedOptions = { delimiter: '\t', quoted: false, maxLineChars: 1_000 };

/** Every row, copied (the parser reuses its array), parsing `pieces` one after the other. */
function rows(options: DelimitedOptions, ...pieces: string[]): string[][] {
	const parser = new DelimitedParser(options);
	const out: string[][] = [];
	const take = (cells: string[]) => out.push(cells.slice());
	for (const piece of pieces) parser.push(piece, take);
	parser.end(take);
	return out;
}

/** The same text cut at every position into two pieces, and into pieces of 1 to 7 characters. */
function cuts(text: string): string[][] {
	const all: string[][] = [];
	for (let at = 0; at <= text.length; at++) all.push([text.slice(0, at), text.slice(at)]);
	for (let size = 1; size <= 7; size++) {
		const pieces: string[] = [];
		for (let at = 0; at < text.length; at += size) pieces.push(text.slice(at, at + size));
		all.push(pieces);
	}
	return all;
}

describe('CSV (the Appstore)', () => {
	test('quoted fields hold commas, doubled quotes and line breaks', () => {
		const text = 'a,b,c\r\n"x, y","say ""hi""","two\r\nlines"\r\nplain,"",end\r\n';
		const expected = [
			['a', 'b', 'c'],
			['x, y', 'say "hi"', 'two\r\nlines'],
			['plain', '', 'end'],
		];
		for (const pieces of cuts(text)) assert.deepEqual(rows(CSV, ...pieces), expected, JSON.stringify(pieces));
	});

	test('a quote inside an unquoted field is text', () => {
		assert.deepEqual(rows(CSV, 'a,b\n5" screen,x\n'), [
			['a', 'b'],
			['5" screen', 'x'],
		]);
	});

	test('LF, CRLF and old-Mac CR line endings; a last line without a line break', () => {
		for (const newline of ['\n', '\r\n', '\r']) {
			assert.deepEqual(rows(CSV, `h1,h2${newline}1,2${newline}3,4`), [
				['h1', 'h2'],
				['1', '2'],
				['3', '4'],
			]);
		}
	});

	test('a byte-order mark is not part of the first title', () => {
		for (const pieces of cuts('\uFEFFDate,Units\n01/02/25,3\n')) {
			assert.deepEqual(rows(CSV, ...pieces)[0], ['Date', 'Units']);
		}
	});

	test('an unterminated quote at the end of the file is an error, not a lost row', () => {
		assert.throws(() => rows(CSV, 'a,b\n"open,1\n'), DelimitedParseError);
	});
});

describe("TSV (Amazon's flat files)", () => {
	test('a quote is plain text, and a line is cut only at tabs and line breaks', () => {
		const text = 'Date\tComments\n1/2/25\t"Great" product, "ok"\n1/3/25\t"\n';
		for (const pieces of cuts(text)) {
			assert.deepEqual(rows(TSV, ...pieces), [
				['Date', 'Comments'],
				['1/2/25', '"Great" product, "ok"'],
				['1/3/25', '"'],
			]);
		}
	});

	test('empty cells keep their place', () => {
		assert.deepEqual(rows(TSV, 'a\tb\tc\n\t\tz\n'), [
			['a', 'b', 'c'],
			['', '', 'z'],
		]);
	});
});

describe('limits', () => {
	test('a line longer than maxLineChars is an error with its line number, even when it never ends', () => {
		const parser = new DelimitedParser({ ...TSV, maxLineChars: 100 });
		const take = () => undefined;
		parser.push('h1\th2\n', take);
		let error: unknown;
		try {
			for (let piece = 0; piece < 50; piece++) parser.push('x'.repeat(10), take);
		} catch (caught) {
			error = caught;
		}
		assert.ok(error instanceof DelimitedParseError, 'stopped before the end');
		assert.equal(error.line, 2);
	});
});
