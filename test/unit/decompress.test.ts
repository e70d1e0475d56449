// The decompression stage on its own: gzip (one or several members, checksums, cut files), ZIP
// (stored, deflated, streamed entries, entries before the CSV, checksums), and the size limits.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';

import { buildZip } from '../../emulator/zip';
import { AmazonRequestError } from '../../nodes/shared/errors';
import { gunzipIfCompressed, unzipEntry } from '../../nodes/shared/pipeline/decompress';
import type { Limits } from '../../nodes/shared/pipeline/limits';
import { DEFAULT_LIMITS } from '../../nodes/shared/pipeline/limits';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** The bytes in pieces of `size`, as a download hands them over. */
async function* pieces(bytes: Uint8Array, size = 1_000): AsyncIterable<Uint8Array> {
	for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<string> {
	const parts: Uint8Array[] = [];
	for await (const chunk of chunks) parts.push(chunk.slice());
	return text(Buffer.concat(parts));
}

async function failure(run: Promise<unknown>): Promise<AmazonRequestError> {
	const error = await run.then(
		() => undefined,
		(caught: unknown) => caught,
	);
	assert.ok(error instanceof AmazonRequestError, `a clear error, got ${String(error)}`);
	return error;
}

const CSV = ['Date,Units', ...Array.from({ length: 5_000 }, (_, i) => `01/${String((i % 28) + 1).padStart(2, '0')}/25,${i}`), ''].join('\r\n');
const gunzip = (bytes: Uint8Array, limits: Limits = DEFAULT_LIMITS, size?: number) =>
	collect(gunzipIfCompressed(pieces(bytes, size), { what: 'test report', limits }));
const unzip = (bytes: Uint8Array, limits: Limits = DEFAULT_LIMITS, size?: number) =>
	collect(unzipEntry(pieces(bytes, size), (name) => name.endsWith('.csv'), { what: 'test report', limits }));

describe('gzip', () => {
	test('one member, in any piece size; plain text passes through (a GZIP label is not trusted)', async () => {
		for (const size of [1, 7, 1_000, 1 << 20]) assert.equal(await gunzip(gzipSync(CSV), DEFAULT_LIMITS, size), CSV);
		assert.equal(await gunzip(new TextEncoder().encode(CSV)), CSV);
	});

	test('several members are one file', async () => {
		const half = CSV.length >> 1;
		assert.equal(await gunzip(Buffer.concat([gzipSync(CSV.slice(0, half)), gzipSync(CSV.slice(half))])), CSV);
	});

	test('a flipped byte fails the checksum; a cut file says so', async () => {
		const bytes = Uint8Array.from(gzipSync(CSV));
		const damaged = Uint8Array.from(bytes);
		damaged[bytes.length - 6] ^= 0xff; // inside the trailer's CRC-32
		assert.match((await failure(gunzip(damaged))).message, /checksum|damaged|CRC/i);
		assert.match((await failure(gunzip(bytes.subarray(0, bytes.length >> 1)))).message, /middle|cut|end/i);
	});
});

describe('ZIP', () => {
	test('stored-size and streamed entries, with another entry before the CSV', async () => {
		for (const streamed of [false, true]) {
			const zip = buildZip([{ name: 'README.txt', content: 'not this' }, { name: 'sales_2025_01.csv', content: CSV }], { streamed });
			for (const size of [3, 4_096]) assert.equal(await unzip(zip, DEFAULT_LIMITS, size), CSV, `streamed: ${streamed}, pieces of ${size}`);
		}
	});

	test('a ZIP without a CSV names its entries; a damaged one fails its checksum', async () => {
		const noCsv = buildZip([{ name: 'README.txt', content: 'hello' }]);
		assert.match((await failure(unzip(noCsv))).details.description ?? '', /README\.txt/);
		const zip = buildZip([{ name: 'a.csv', content: CSV }], { streamed: true });
		const damaged = Uint8Array.from(zip);
		damaged[200] ^= 0x01;
		await failure(unzip(damaged));
	});
});

describe('limits while decompressing', () => {
	test('a report larger than Max Report Size stops there', async () => {
		const error = await failure(gunzip(gzipSync(CSV), { ...DEFAULT_LIMITS, maxBytes: 10_000 }));
		assert.match(error.message, /larger than/);
	});

	test('a bomb (far more than 200× expansion) stops within its first megabytes', async () => {
		const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x41));
		const started = Date.now();
		const error = await failure(gunzip(bomb, { ...DEFAULT_LIMITS, maxRatio: 200 }));
		assert.match(error.message, /expands more than 200 times/);
		assert.ok(Date.now() - started < 5_000);
	});
});
