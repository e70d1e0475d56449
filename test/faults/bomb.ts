// One hostile document in a process of its own, so its memory and event-loop figures are its own:
// `node --import tsx test/faults/bomb.ts <case>`. Starts an emulator, builds the document, runs a
// normal report first (the baseline), then the node on the hostile one through the harness's
// runNode. Prints one JSON line: seconds, peak RSS, growth over the normal run, longest block.
import { constants, deflateRawSync, gzipSync } from 'node:zlib';

import type { IDataObject } from 'n8n-workflow';

import { emulatorCredentials, startAmazonEmulator } from '../../emulator';
import type { AmazonEmulator } from '../../emulator';
import { APPSTORE, SELLING_PARTNER, US } from '../harness/amazon';
import { runNode } from '../harness/engine';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

/** A gzip of `total` bytes of `fill`: one member of 1 MiB, repeated (gzip allows concatenated members). */
export function gzipBomb(total: number, fill: string): Buffer {
	const member = gzipSync(Buffer.alloc(MiB, fill), { level: 9 });
	return Buffer.concat(Array.from({ length: Math.ceil(total / MiB) }, () => member));
}

/**
 * A raw deflate stream of `head` then `total` bytes of `fill`: a block of 1 MiB ending in a full
 * flush (byte-aligned, no back-references across it) repeated, then an empty final block.
 */
function deflateBomb(head: string, total: number, fill: string): Buffer {
	const flush = { finishFlush: constants.Z_FULL_FLUSH, level: 9 };
	const first = deflateRawSync(Buffer.from(head), flush);
	const block = deflateRawSync(Buffer.alloc(MiB, fill), flush);
	const blocks = Array.from({ length: Math.ceil(total / MiB) }, () => block);
	// 0x03 0x00: a final block with fixed codes holding only its end.
	return Buffer.concat([first, ...blocks, Buffer.from([0x03, 0x00])]);
}

/** A ZIP with one streamed (sizes after the data), deflated entry holding `data`; CRC and sizes are not checked before the end. */
export function zipBomb(name: string, data: Buffer, claimedSize: number): Buffer {
	const fileName = Buffer.from(name);
	const local = Buffer.alloc(30);
	local.writeUInt32LE(0x04034b50, 0);
	local.writeUInt16LE(45, 4);
	local.writeUInt16LE(0x0008, 6);
	local.writeUInt16LE(8, 8);
	local.writeUInt16LE(fileName.length, 26);
	// ZIP64 data descriptor: signature, CRC-32, 8-byte sizes.
	const descriptor = Buffer.alloc(24);
	descriptor.writeUInt32LE(0x08074b50, 0);
	descriptor.writeBigUInt64LE(BigInt(data.length), 8);
	descriptor.writeBigUInt64LE(BigInt(claimedSize), 16);
	const extra = Buffer.alloc(4 + 24);
	extra.writeUInt16LE(0x0001, 0);
	extra.writeUInt16LE(24, 2);
	extra.writeBigUInt64LE(BigInt(claimedSize), 4);
	extra.writeBigUInt64LE(BigInt(data.length), 12);
	extra.writeBigUInt64LE(0n, 20);
	const central = Buffer.alloc(46);
	central.writeUInt32LE(0x02014b50, 0);
	central.writeUInt16LE(45, 4);
	central.writeUInt16LE(45, 6);
	central.writeUInt16LE(0x0008, 8);
	central.writeUInt16LE(8, 10);
	central.writeUInt32LE(0xffffffff, 20);
	central.writeUInt32LE(0xffffffff, 24);
	central.writeUInt16LE(fileName.length, 28);
	central.writeUInt16LE(extra.length, 30);
	const directoryOffset = local.length + fileName.length + data.length + descriptor.length;
	const directorySize = central.length + fileName.length + extra.length;
	const zip64End = Buffer.alloc(56);
	zip64End.writeUInt32LE(0x06064b50, 0);
	zip64End.writeBigUInt64LE(44n, 4);
	zip64End.writeUInt16LE(45, 12);
	zip64End.writeUInt16LE(45, 14);
	zip64End.writeBigUInt64LE(1n, 24);
	zip64End.writeBigUInt64LE(1n, 32);
	zip64End.writeBigUInt64LE(BigInt(directorySize), 40);
	zip64End.writeBigUInt64LE(BigInt(directoryOffset), 48);
	const locator = Buffer.alloc(20);
	locator.writeUInt32LE(0x07064b50, 0);
	locator.writeBigUInt64LE(BigInt(directoryOffset + directorySize), 8);
	locator.writeUInt32LE(1, 16);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(1, 8);
	end.writeUInt16LE(1, 10);
	end.writeUInt32LE(directorySize, 12);
	end.writeUInt32LE(0xffffffff, 16);
	return Buffer.concat([local, fileName, data, descriptor, central, fileName, extra, zip64End, locator, end]);
}

interface BombCase {
	/** Puts the hostile document in place; returns the node and parameters that read it. */
	prepare(emulator: AmazonEmulator): { type: string; parameters: IDataObject; compressedBytes: number };
}

const feedback = { operation: 'get', reportType: 'GET_SELLER_FEEDBACK_DATA', marketplaceIds: [US] };

const CASES: Record<string, BombCase> = {
	// 10 GiB of one endless line, gzipped to about 10 MB, as a Selling Partner document.
	gzip: {
		prepare(emulator) {
			const bytes = gzipBomb(10 * GiB, 'a');
			emulator.spApi.serve('GET_SELLER_FEEDBACK_DATA', { text: '', bytes, compression: 'GZIP' });
			return { type: SELLING_PARTNER, parameters: feedback, compressedBytes: bytes.length };
		},
	},
	// A sales report's header, then 10 GiB of line breaks, deflated into a ZIP of about 10 MB.
	zip: {
		prepare(emulator) {
			const head = 'Marketplace,Transaction ID,Transaction Time,Units\r\n';
			const zip = zipBomb('sales_2025_03.csv', deflateBomb(head, 10 * GiB, '\n'), 10 * GiB + head.length);
			emulator.appstore.setReport('sales', '2025-03', { zip });
			return { type: APPSTORE, parameters: { operation: 'getSalesReport', period: 'month', month: '2025-03' }, compressedBytes: zip.length };
		},
	},
	// 200 MB without a line break, plain (not gzipped), as a Selling Partner flat file.
	longLine: {
		prepare(emulator) {
			const bytes = Buffer.alloc(200 * 1000 * 1000, 'x');
			// A report made on a schedule: the emulator stores (and hashes) the 200 MB now, not during the run.
			const reportId = emulator.spApi.addScheduledReport({
				reportType: 'GET_SELLER_FEEDBACK_DATA',
				marketplaceIds: [US],
				document: { text: '', bytes, compression: 'none' },
			});
			return { type: SELLING_PARTNER, parameters: { resource: 'report', operation: 'download', reportId }, compressedBytes: bytes.length };
		},
	},
};

/** The longest the event loop went without running a 10 ms timer, and the highest RSS seen by it. */
function meter() {
	let last = performance.now();
	let longestBlockMs = 0;
	let sampledPeakRss = process.memoryUsage.rss();
	const timer = setInterval(() => {
		const now = performance.now();
		longestBlockMs = Math.max(longestBlockMs, now - last - 10);
		last = now;
		sampledPeakRss = Math.max(sampledPeakRss, process.memoryUsage.rss());
	}, 10);
	return () => {
		clearInterval(timer);
		longestBlockMs = Math.max(longestBlockMs, performance.now() - last - 10);
		return { longestBlockMs: Math.round(longestBlockMs), sampledPeakRss };
	};
}

const maxRss = () => process.resourceUsage().maxRSS * 1024;
const mb = (bytes: number) => Math.round(bytes / MiB);

async function main(): Promise<void> {
	const name = process.argv[2];
	const bombCase = CASES[name];
	if (!bombCase) throw new Error(`Unknown case "${name}"; cases: ${Object.keys(CASES).join(', ')}`);
	const emulator = await startAmazonEmulator();
	const credentials = emulatorCredentials(emulator);
	const { type, parameters, compressedBytes } = bombCase.prepare(emulator);

	// A normal report first: the package and engine loaded, the baseline the bomb is measured against.
	const normal = await runNode({
		type: APPSTORE,
		parameters: { operation: 'getSalesReport', period: 'month', month: '2025-01' },
		credentials,
	});
	if (normal.error || !normal.items.length) throw new Error(`The normal run failed: ${normal.error?.message}`);
	const normalPeakRss = maxRss();
	const normalRss = process.memoryUsage.rss();

	const stop = meter();
	const started = performance.now();
	const result = await runNode({ type, parameters, credentials });
	const seconds = (performance.now() - started) / 1000;
	const { longestBlockMs, sampledPeakRss } = stop();
	const peakRss = Math.max(maxRss(), sampledPeakRss);
	const s3 = emulator.requests.filter((request) => request.path.startsWith('/s3/'));
	await emulator.close();
	process.stdout.write(
		`${JSON.stringify({
			case: name,
			compressedMb: Math.round((compressedBytes / MiB) * 10) / 10,
			seconds: Math.round(seconds * 100) / 100,
			items: result.items.length,
			error: result.error ? { message: result.error.message, description: result.error.description } : null,
			normalPeakRssMb: mb(normalPeakRss),
			normalRssMb: mb(normalRss),
			peakRssMb: mb(peakRss),
			// What the hostile document added to the peak of the normal run.
			growthMb: mb(Math.max(0, peakRss - Math.max(normalPeakRss, normalRss))),
			longestBlockMs,
			s3Downloads: s3.length,
		})}\n`,
	);
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
		process.exit(1);
	},
);
