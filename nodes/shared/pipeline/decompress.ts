// Decompression stage: compressed chunks in, plain chunks out, holding only the chunk in hand.
// Every byte out is counted against the limits and checksummed (CRC-32 against the ZIP's central
// directory or the gzip trailer), so a damaged file is an error, never wrong rows.
// The build bundles fflate's browser build: its Node build requires 'module' (for workers), which
// n8n's package scan refuses; the two inflate alike.
import { Gunzip, Inflate } from 'fflate';

import { AmazonRequestError } from '../errors';
import { breathe } from './cooperate';
import { crc32 } from './crc32';
import type { Limits } from './limits';
import { SizeMeter } from './limits';
import { concatBytes, errorPageIn, GZIP_MAGIC, peek, startsWith, ZIP_MAGIC } from './sniff';

/** The end of a ZIP is kept to read its central directory (sizes and checksums of its entries). */
const ZIP_TAIL = 256 * 1024;

export interface DecompressOptions {
	/** Names the file in messages: "sales report for 2025-03". */
	what: string;
	limits: Limits;
	contentType?: string;
}

/**
 * Streams the contents of the first ZIP entry that `pick` accepts, checked against its CRC-32 and
 * size (from its local header, or the central directory). Reads the ZIP to its end, so a caller
 * keeping a copy of the file gets all of it.
 *
 * A small reader of its own: it finds the entry by its local header and inflates its data with
 * fflate's inflater. (fflate's streaming Unzip finds the end of a "streamed" entry, sizes after the
 * data as Amazon's ZIPs can have, by testing every byte for a signature: half the throughput.)
 */
export async function* unzipEntry(
	chunks: AsyncIterable<Uint8Array>,
	pick: (entryName: string) => boolean,
	options: DecompressOptions,
): AsyncIterable<Uint8Array> {
	const { what } = options;
	const peeked = await peek(chunks, 4);
	if (!startsWith(peeked.head, ZIP_MAGIC)) throw await notThisFormat(peeked.chunks, 'a ZIP file', options);

	const meter = new SizeMeter(options.limits, what);
	const locator = new ZipLocator(pick, meter);
	const tail = new TailKeeper(ZIP_TAIL);
	let fileLength = 0;
	let entry: LocatedEntry | undefined;
	// The picked entry's compressed bytes; the rest of the file is still read (for the copy and the central directory).
	const compressed = (async function* () {
		for await (const chunk of peeked.chunks) {
			tail.add(chunk);
			fileLength += chunk.length;
			let bytes = chunk;
			if (!entry) {
				const found = locator.push(bytes);
				if (!found) continue;
				entry = found.entry;
				bytes = found.rest;
			}
			if (entry.compressedLeft === undefined) {
				// Streamed: the entry ends where its deflate stream does (the inflater finds it).
				if (bytes.length) yield bytes;
			} else if (entry.compressedLeft > 0) {
				const take = Math.min(entry.compressedLeft, bytes.length);
				entry.compressedLeft -= take;
				if (take) yield bytes.subarray(0, take);
			}
		}
	})();

	let crc = 0;
	let size = 0;
	try {
		const iterator = compressed[Symbol.asyncIterator]();
		const first = await iterator.next();
		const located = entry as LocatedEntry | undefined;
		if (located) {
			const rest: AsyncIterable<Uint8Array> = (async function* () {
				if (!first.done) yield first.value;
				yield* { [Symbol.asyncIterator]: () => iterator };
			})();
			const plain = located.method === 8 ? inflateEntry(rest, meter, what) : stored(rest, meter);
			for await (const data of plain) {
				crc = crc32(data, crc);
				size += data.length;
				yield data;
			}
		}
	} catch (error) {
		throw damaged(what, 'is not a readable ZIP file', error);
	}
	const picked = entry as LocatedEntry | undefined;
	if (!picked) {
		throw new AmazonRequestError(`The ${what} holds no CSV file`, {
			description: fileLength
				? `The ZIP contains: ${locator.entryNames.join(', ') || 'no entries'}. Amazon may have changed the file layout; please report it.`
				: 'Amazon sent an empty file. Run the node again later.',
		});
	}
	if (picked.compressedLeft) throw damaged(what, 'ends in the middle of its data (the download was cut short)');
	const recorded = picked.recorded ?? centralDirectoryEntry(tail.bytes(), fileLength, picked.name);
	if (!recorded) throw damaged(what, 'has no readable central directory (the download was cut short)');
	if (recorded.crc !== crc || (recorded.size !== undefined && recorded.size !== size)) {
		throw damaged(
			what,
			`failed its checksum: ${picked.name} decompressed to ${size} bytes with CRC-32 ${hex(crc)}, the ZIP records ${recorded.size ?? '?'} bytes with ${hex(recorded.crc)}`,
		);
	}
}

/**
 * A ZIP entry's deflate data, with fflate, in pieces (so a bomb expands a few MB at a time). For a
 * "streamed" entry the input goes on past the data (descriptor, central directory): the inflater
 * says where the deflate stream ends, and the rest is read but not inflated.
 *
 * fflate rather than the runtime's zlib (the standard DecompressionStream): measured here, zlib
 * was no faster end to end (it hands back 16 KB per round trip through the event loop), and Node
 * 24's refuses the bytes after a streamed entry as "trailing junk" and multi-member gzip.
 */
async function* inflateEntry(input: AsyncIterable<Uint8Array>, meter: SizeMeter, what: string): AsyncIterable<Uint8Array> {
	const ready: Uint8Array[] = [];
	const inflater = new Inflate() as unknown as InflateState;
	inflater.ondata = (data) => {
		if (data.length) ready.push(data);
	};
	let ended = false;
	try {
		for await (const chunk of input) {
			for (let offset = 0; offset < chunk.length && !ended; offset += PIECE) {
				const piece = chunk.subarray(offset, offset + PIECE);
				meter.input(piece.length);
				inflater.push(piece);
				ended = Boolean(inflater.s.f && !inflater.s.l);
				if (ready.length) yield meter.counted(take(ready));
				await breathe();
			}
		}
		if (!ended) {
			// The input ended: flushing tells a complete stream from one cut short.
			inflater.push(new Uint8Array(0), true);
			if (ready.length) yield meter.counted(take(ready));
		}
	} catch (error) {
		throw corrupted(what, 'is not a readable ZIP file', error);
	}
}

/** An entry stored without compression: its bytes as they are, counted. */
async function* stored(input: AsyncIterable<Uint8Array>, meter: SizeMeter): AsyncIterable<Uint8Array> {
	for await (const chunk of input) {
		meter.input(chunk.length);
		meter.output(chunk.length);
		yield chunk;
	}
}

interface LocatedEntry {
	name: string;
	method: number;
	/** Compressed bytes still to come; undefined for a streamed entry (sizes after the data). */
	compressedLeft?: number;
	/** CRC-32 and size from the local header, when it has them. */
	recorded?: { crc: number; size: number };
}

/** fflate's streaming inflater, with what it keeps of its state (fflate's own Gunzip reads these). */
interface InflateState {
	push(chunk: Uint8Array, final?: boolean): void;
	ondata: (data: Uint8Array, final: boolean) => void;
	s: { f?: number; l?: unknown; p?: number };
	p: Uint8Array;
}

/** Reads local headers until the wanted entry's, skipping the entries before it. */
class ZipLocator {
	readonly entryNames: string[] = [];

	private pending: Uint8Array = new Uint8Array(0);

	/** An entry being skipped: bytes left, or an inflater that says where a streamed one ends. */
	private skipping?: { left?: number; inflater?: InflateState; streamed: boolean; zip64: boolean };

	private descriptor?: { zip64: boolean };

	private done = false;

	constructor(
		private readonly pick: (name: string) => boolean,
		private readonly meter: SizeMeter,
	) {}

	/** The picked entry and the bytes after its header, once its header has come. */
	push(bytes: Uint8Array): { entry: LocatedEntry; rest: Uint8Array } | undefined {
		if (this.done) return undefined;
		let input = this.pending.length ? concatBytes([this.pending, bytes]) : bytes;
		this.pending = new Uint8Array(0);
		while (input.length) {
			if (this.skipping) {
				input = this.skip(input);
				continue;
			}
			if (this.descriptor) {
				// Data descriptor: [signature] CRC-32, compressed size, size (8-byte sizes for ZIP64).
				const signed = input.length >= 4 && new DataView(input.buffer, input.byteOffset, input.length).getUint32(0, true) === 0x08074b50;
				const length = (signed ? 4 : 0) + 4 + (this.descriptor.zip64 ? 16 : 8);
				if (input.length < length) break;
				this.descriptor = undefined;
				input = input.subarray(length);
				continue;
			}
			if (input.length < 30) break;
			const view = new DataView(input.buffer, input.byteOffset, input.length);
			const signature = view.getUint32(0, true);
			if (signature !== 0x04034b50) {
				// The central directory follows the last entry: none was picked.
				if (signature === 0x02014b50 || signature === 0x06054b50) {
					this.done = true;
					return undefined;
				}
				throw new Error(`invalid local file header signature ${hex(signature)}`);
			}
			const nameLength = view.getUint16(26, true);
			const extraLength = view.getUint16(28, true);
			if (input.length < 30 + nameLength + extraLength) break;
			const flags = view.getUint16(6, true);
			const method = view.getUint16(8, true);
			let compressedSize = view.getUint32(18, true);
			let size = view.getUint32(22, true);
			const name = new TextDecoder().decode(input.subarray(30, 30 + nameLength));
			const zip64 = zip64Sizes(view, 30 + nameLength, extraLength);
			if (zip64 && compressedSize === 0xffffffff) compressedSize = zip64.compressed;
			if (zip64 && size === 0xffffffff) size = zip64.size;
			const streamed = (flags & 8) !== 0;
			if (method !== 0 && method !== 8) throw new Error(`${name} uses compression method ${method}, which is not ZIP's deflate`);
			if (streamed && method === 0) throw new Error(`${name} is stored with its size after the data, which cannot be read as a stream`);
			this.entryNames.push(name);
			const rest = input.subarray(30 + nameLength + extraLength);
			if (this.pick(name)) {
				this.done = true;
				return {
					entry: {
						name,
						method,
						compressedLeft: streamed ? undefined : compressedSize,
						recorded: streamed ? undefined : { crc: view.getUint32(14, true), size },
					},
					rest,
				};
			}
			this.skipping = { streamed, zip64: zip64 !== undefined, left: streamed ? undefined : compressedSize, inflater: streamed ? this.counter() : undefined };
			input = rest;
		}
		if (input.length) this.pending = Uint8Array.from(input);
		return undefined;
	}

	/** Skips an entry's data; returns the bytes after it (or none yet). */
	private skip(input: Uint8Array): Uint8Array {
		const skipping = this.skipping as NonNullable<ZipLocator['skipping']>;
		if (skipping.left !== undefined) {
			const take = Math.min(skipping.left, input.length);
			skipping.left -= take;
			if (skipping.left === 0) this.skipping = undefined;
			return input.subarray(take);
		}
		// A streamed entry ends where its deflate stream does: inflate it (counting, not keeping).
		const inflater = skipping.inflater as InflateState;
		inflater.push(input);
		if (inflater.s.f && !inflater.s.l) {
			this.skipping = undefined;
			this.descriptor = { zip64: skipping.zip64 };
			return inflater.p.subarray(inflater.s.p ? 1 : 0);
		}
		return new Uint8Array(0);
	}

	private counter(): InflateState {
		const inflater = new Inflate() as unknown as InflateState;
		inflater.ondata = (data) => this.meter.output(data.length);
		return inflater;
	}
}

function zip64Sizes(view: DataView, start: number, length: number): { size: number; compressed: number } | undefined {
	for (let at = start; at + 4 <= start + length; ) {
		const id = view.getUint16(at, true);
		const size = view.getUint16(at + 2, true);
		if (id === 0x0001 && size >= 16) return { size: Number(view.getBigUint64(at + 4, true)), compressed: Number(view.getBigUint64(at + 12, true)) };
		at += 4 + size;
	}
	return undefined;
}

/**
 * Gunzips when the bytes are gzip (Amazon labels some plain documents GZIP, so the magic bytes
 * decide, not the label), checking each member's CRC-32 and size against its trailer.
 */
export async function* gunzipIfCompressed(
	chunks: AsyncIterable<Uint8Array>,
	options: DecompressOptions,
): AsyncIterable<Uint8Array> {
	const { what } = options;
	const meter = new SizeMeter(options.limits, what);
	const peeked = await peek(chunks, 2);
	if (!startsWith(peeked.head, GZIP_MAGIC)) {
		// Plain text still counts against the size limit.
		for await (const chunk of peeked.chunks) {
			meter.input(chunk.length);
			meter.output(chunk.length);
			yield chunk;
			await breathe();
		}
		return;
	}

	const ready: Uint8Array[] = [];
	const tail = new TailKeeper(64 * 1024);
	let member = { crc: 0, size: 0 };
	let trailerProblem: string | undefined;
	const gunzip = new Gunzip((data) => {
		if (!data.length) return;
		member.crc = crc32(data, member.crc);
		member.size += data.length;
		ready.push(data);
	});
	// A gzip file may hold several members; each one's trailer is checked when the next starts.
	gunzip.onmember = (offset) => {
		trailerProblem ??= checkTrailer(tail.bytesEndingAt(offset), member);
		member = { crc: 0, size: 0 };
	};
	try {
		for await (const chunk of peeked.chunks) {
			tail.add(chunk);
			for (let offset = 0; offset < chunk.length; offset += PIECE) {
				const piece = chunk.subarray(offset, offset + PIECE);
				meter.input(piece.length);
				gunzip.push(piece);
				if (ready.length) yield meter.counted(take(ready));
				await breathe();
			}
		}
		gunzip.push(new Uint8Array(0), true);
	} catch (error) {
		throw corrupted(what, 'is not readable gzip', error);
	}
	if (ready.length) yield meter.counted(take(ready));
	trailerProblem ??= checkTrailer(tail.bytesEndingAt(meter.compressed), member);
	if (trailerProblem) throw damaged(what, trailerProblem);
}

/** Compressed input goes to fflate in pieces this small: one push expands to a few MB at most. */
const PIECE = 64 * 1024;

/** What fflate produced since the last take, as one chunk (downstream stages work per chunk). */
function take(ready: Uint8Array[]): Uint8Array {
	const joined = ready.length === 1 ? ready[0] : concatBytes(ready);
	ready.length = 0;
	return joined;
}

function checkTrailer(trailer: Uint8Array | undefined, member: { crc: number; size: number }): string | undefined {
	if (!trailer || trailer.length < 8) return 'ends without its gzip trailer (the download was cut short)';
	const view = new DataView(trailer.buffer, trailer.byteOffset + trailer.length - 8, 8);
	const crc = view.getUint32(0, true);
	const size = view.getUint32(4, true);
	if (crc !== member.crc || size !== member.size % 2 ** 32) {
		return `failed its checksum: it decompressed to ${member.size} bytes with CRC-32 ${hex(member.crc)}, the gzip trailer records ${size} bytes with ${hex(crc)}`;
	}
	return undefined;
}

/** fflate's messages for damaged deflate data ("invalid distance", "unexpected EOF", …) as the user's. */
function corrupted(what: string, problem: string, cause: unknown): AmazonRequestError {
	if (cause instanceof AmazonRequestError) return cause;
	const message = cause instanceof Error ? cause.message : String(cause);
	if (/unexpected EOF/i.test(message)) return damaged(what, 'ends in the middle of its data (the download was cut short)');
	if (/invalid|unknown|bad/i.test(message)) return damaged(what, `failed its checksum or is corrupted (${message})`);
	return damaged(what, problem, cause);
}

/**
 * A download that should be a ZIP or gzip file but is not: an error page is quoted (safely),
 * anything else is described by its first bytes.
 */
async function notThisFormat(chunks: AsyncIterable<Uint8Array>, expected: string, options: DecompressOptions): Promise<AmazonRequestError> {
	const { head } = await peek(chunks, 8192);
	if (!head.length) {
		return new AmazonRequestError(`The ${options.what} is an empty file`, {
			description: 'Amazon sent no bytes. Run the node again later.',
		});
	}
	const page = errorPageIn(head, options.contentType);
	if (page) {
		return new AmazonRequestError(`The download of the ${options.what} returned ${page} instead of the report`, {
			description:
				'A proxy, firewall or captive portal between n8n and Amazon may have answered instead of Amazon S3. Check HTTP_PROXY/HTTPS_PROXY and that n8n can reach *.amazonaws.com, then run the node again.',
		});
	}
	return new AmazonRequestError(`The ${options.what} is not ${expected}`, {
		description: `It starts with bytes ${Array.from(head.subarray(0, 8), (byte) => byte.toString(16).padStart(2, '0')).join(' ')}. Run the node again; if it persists, download the file as binary to check it.`,
	});
}

function damaged(what: string, problem: string, cause?: unknown): AmazonRequestError {
	if (cause instanceof AmazonRequestError) return cause;
	const reason = cause === undefined ? '' : `: ${cause instanceof Error ? cause.message : String(cause)}`;
	return new AmazonRequestError(`The ${what} ${problem}${reason}`, {
		description:
			'Amazon sent a damaged file, or the download was altered on the way. Run the node again; if it persists, download the file as binary to check it.',
	});
}

function hex(value: number): string {
	return value.toString(16).padStart(8, '0');
}

/** Keeps the last bytes of a stream (at least `size`), addressed by their offset in the stream. */
class TailKeeper {
	private parts: Uint8Array[] = [];

	private kept = 0;

	private total = 0;

	constructor(private readonly size: number) {}

	add(chunk: Uint8Array): void {
		this.parts.push(chunk);
		this.kept += chunk.length;
		this.total += chunk.length;
		// `size` bytes before the newest chunk are kept too: a gzip member's trailer may end right
		// before it, and fflate reports the member's end only once it reads the next one's header.
		while (this.parts.length > 2 && this.kept - this.parts[0].length - chunk.length >= this.size) this.kept -= (this.parts.shift() as Uint8Array).length;
	}

	bytes(): Uint8Array {
		return concatBytes(this.parts);
	}

	/** The 8 bytes before stream offset `end`, if still kept. */
	bytesEndingAt(end: number): Uint8Array | undefined {
		const start = this.total - this.kept;
		if (end - 8 < start) return undefined;
		const bytes = this.bytes();
		return bytes.subarray(end - 8 - start, end - start);
	}
}

/** The central directory's record of `name`: CRC-32 and uncompressed size (from ZIP64 when needed). */
function centralDirectoryEntry(
	tail: Uint8Array,
	fileLength: number,
	name: string,
): { crc: number; size?: number } | undefined {
	const view = new DataView(tail.buffer, tail.byteOffset, tail.length);
	const tailStart = fileLength - tail.length;
	// End of central directory: 22 bytes plus a comment of up to 64 KiB, at the end of the file.
	let end = -1;
	for (let at = tail.length - 22; at >= Math.max(0, tail.length - 22 - 65_535); at--) {
		if (view.getUint32(at, true) === 0x06054b50) {
			end = at;
			break;
		}
	}
	if (end === -1) return undefined;
	let directorySize = view.getUint32(end + 12, true);
	let directoryOffset = view.getUint32(end + 16, true);
	// ZIP64: the real values are in the ZIP64 end record, located just before.
	if (directoryOffset === 0xffffffff && end >= 20 && view.getUint32(end - 20, true) === 0x07064b50) {
		const record = Number(view.getBigUint64(end - 12, true)) - tailStart;
		if (record >= 0 && view.getUint32(record, true) === 0x06064b50) {
			directorySize = Number(view.getBigUint64(record + 40, true));
			directoryOffset = Number(view.getBigUint64(record + 48, true));
		}
	}
	let at = directoryOffset - tailStart;
	if (at < 0 || at + directorySize > tail.length) return undefined;
	const decoder = new TextDecoder();
	while (at + 46 <= tail.length && view.getUint32(at, true) === 0x02014b50) {
		const crc = view.getUint32(at + 16, true);
		let size: number | undefined = view.getUint32(at + 24, true);
		const nameLength = view.getUint16(at + 28, true);
		const extraLength = view.getUint16(at + 30, true);
		const commentLength = view.getUint16(at + 32, true);
		const entryName = decoder.decode(tail.subarray(at + 46, at + 46 + nameLength));
		if (entryName === name) {
			if (size === 0xffffffff) size = zip64Size(view, at + 46 + nameLength, extraLength);
			return { crc, size };
		}
		at += 46 + nameLength + extraLength + commentLength;
	}
	return undefined;
}

function zip64Size(view: DataView, start: number, length: number): number | undefined {
	for (let at = start; at + 4 <= start + length; ) {
		const id = view.getUint16(at, true);
		const size = view.getUint16(at + 2, true);
		if (id === 0x0001 && size >= 8) return Number(view.getBigUint64(at + 4, true));
		at += 4 + size;
	}
	return undefined;
}
