// Hostile documents built cheaply: gzip and ZIP bombs that expand to gigabytes from megabytes.
import { constants, deflateRawSync, gzipSync } from 'node:zlib';

export const MiB = 1024 * 1024;
export const GiB = 1024 * MiB;

/** A gzip of `total` bytes of `fill`: one member of 1 MiB, repeated (gzip allows concatenated members). */
export function gzipBomb(total: number, fill: string): Buffer {
	const member = gzipSync(Buffer.alloc(MiB, fill), { level: 9 });
	return Buffer.concat(Array.from({ length: Math.ceil(total / MiB) }, () => member));
}

/**
 * A raw deflate stream of `head` then `total` bytes of `fill`: a block of 1 MiB ending in a full
 * flush (byte-aligned, no back-references across it) repeated, then an empty final block.
 */
export function deflateBomb(head: string, total: number, fill: string): Buffer {
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
