// Decompression stage: compressed chunks in, plain chunks out, holding only the chunk in hand.
// Every byte out is counted against the limits and checksummed (CRC-32 against the ZIP's central
// directory or the gzip trailer), so a damaged file is an error, never wrong rows.
import { Gunzip, Inflate } from 'fflate';

import { AmazonRequestError } from '../errors';
import { breathe } from './cooperate';
import { crc32 } from './crc32';
import type { Limits } from './limits';
import { SizeMeter } from './limits';
import { concatBytes, errorPageIn, GZIP_MAGIC, peek, startsWith, ZIP_MAGIC } from './sniff';

/** Compressed input is fed in pieces this small, so one push can expand to a few tens of MB at most. */
const PIECE = 32 * 1024;

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
 * size (from its local header, its data descriptor, or the central directory). Reads the ZIP to its
 * end, so a caller keeping a copy of the file gets all of it.
 *
 * A small reader of its own: fflate's streaming Unzip finds the end of a "streamed" entry (sizes
 * after the data, as Amazon's ZIPs can be) by testing every byte for a signature, which halves the
 * throughput; here the deflate stream itself says where it ends.
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
	const reader = new ZipReader(pick, meter);
	const tail = new TailKeeper(ZIP_TAIL);
	try {
		for await (const chunk of peeked.chunks) {
			tail.add(chunk);
			meter.input(chunk.length);
			for (let offset = 0; offset < chunk.length; offset += PIECE) {
				reader.push(chunk.subarray(offset, offset + PIECE));
				for (const data of drain(reader.ready)) yield data;
				await breathe();
			}
		}
	} catch (error) {
		throw damaged(what, 'is not a readable ZIP file', error);
	}
	const picked = reader.picked;
	if (!picked) {
		throw new AmazonRequestError(`The ${what} holds no CSV file`, {
			description: meter.compressed
				? `The ZIP contains: ${reader.entryNames.join(', ') || 'no entries'}. Amazon may have changed the file layout; please report it.`
				: 'Amazon sent an empty file. Run the node again later.',
		});
	}
	if (!picked.ended) throw damaged(what, 'ends in the middle of its data (the download was cut short)');
	const recorded = picked.recorded ?? centralDirectoryEntry(tail.bytes(), meter.compressed, picked.name);
	if (!recorded) throw damaged(what, 'has no readable central directory (the download was cut short)');
	if (recorded.crc !== picked.crc || (recorded.size !== undefined && recorded.size !== picked.size % 2 ** 32 && recorded.size !== picked.size)) {
		throw damaged(
			what,
			`failed its checksum: ${picked.name} decompressed to ${picked.size} bytes with CRC-32 ${hex(picked.crc)}, the ZIP records ${recorded.size ?? '?'} bytes with ${hex(recorded.crc)}`,
		);
	}
}

interface PickedEntry {
	name: string;
	crc: number;
	size: number;
	ended: boolean;
	/** CRC-32 and size as the local header or the data descriptor records them. */
	recorded?: { crc: number; size?: number };
}

/** fflate's streaming inflater, with what it keeps of its state (fflate's own Gunzip reads these). */
interface InflateState {
	push(chunk: Uint8Array, final?: boolean): void;
	ondata: (data: Uint8Array, final: boolean) => void;
	s: { f?: number; l?: unknown; p?: number };
	p: Uint8Array;
}

/** Local headers, entry data and data descriptors, as the bytes come. */
class ZipReader {
	readonly ready: Uint8Array[] = [];

	readonly entryNames: string[] = [];

	picked?: PickedEntry;

	private pending: Uint8Array = new Uint8Array(0);

	private state: 'header' | 'data' | 'descriptor' | 'rest' = 'header';

	private entry?: { method: number; streamed: boolean; compressedLeft: number; zip64: boolean; crc: number; size: number; keep: boolean };

	private inflater?: InflateState;

	constructor(
		private readonly pick: (name: string) => boolean,
		private readonly meter: SizeMeter,
	) {}

	push(bytes: Uint8Array): void {
		let input = this.pending.length ? concatBytes([this.pending, bytes]) : bytes;
		this.pending = new Uint8Array(0);
		while (input.length) {
			if (this.state === 'rest') return;
			if (this.state === 'header') {
				if (input.length < 30) break;
				const view = new DataView(input.buffer, input.byteOffset, input.length);
				const signature = view.getUint32(0, true);
				// The central directory (or the end record) follows the last entry: nothing more to read.
				if (signature !== 0x04034b50) {
					if (signature === 0x02014b50 || signature === 0x06054b50) {
						this.state = 'rest';
						return;
					}
					throw new Error(`invalid local file header signature ${hex(signature)}`);
				}
				const nameLength = view.getUint16(26, true);
				const extraLength = view.getUint16(28, true);
				if (input.length < 30 + nameLength + extraLength) break;
				const flags = view.getUint16(6, true);
				const method = view.getUint16(8, true);
				let compressed = view.getUint32(18, true);
				let size = view.getUint32(22, true);
				const name = new TextDecoder().decode(input.subarray(30, 30 + nameLength));
				const zip64 = zip64Sizes(view, 30 + nameLength, extraLength);
				if (zip64 && compressed === 0xffffffff) compressed = zip64.compressed;
				if (zip64 && size === 0xffffffff) size = zip64.size;
				const streamed = (flags & 8) !== 0;
				if (method !== 0 && method !== 8) throw new Error(`${name} uses compression method ${method}, which is not ZIP's deflate`);
				if (streamed && method === 0) throw new Error(`${name} is stored with its size after the data, which cannot be read as a stream`);
				this.entryNames.push(name);
				const keep = !this.picked && this.pick(name);
				if (keep) this.picked = { name, crc: 0, size: 0, ended: false, recorded: streamed ? undefined : { crc: view.getUint32(14, true), size } };
				this.entry = { method, streamed, compressedLeft: compressed, zip64: zip64 !== undefined, crc: 0, size: 0, keep };
				this.inflater = method === 8 ? this.newInflater() : undefined;
				this.state = 'data';
				input = input.subarray(30 + nameLength + extraLength);
				continue;
			}
			if (this.state === 'data') {
				const entry = this.entry as NonNullable<ZipReader['entry']>;
				if (!entry.streamed) {
					const take = Math.min(entry.compressedLeft, input.length);
					this.feed(input.subarray(0, take));
					entry.compressedLeft -= take;
					input = input.subarray(take);
					if (entry.compressedLeft === 0) this.endEntry();
					continue;
				}
				// A streamed entry ends where its deflate stream does; the bytes after it are the descriptor's.
				const inflater = this.inflater as InflateState;
				this.feed(input);
				input = new Uint8Array(0);
				if (inflater.s.f && !inflater.s.l) {
					input = inflater.p.subarray(inflater.s.p ? 1 : 0);
					this.endEntry();
				}
				continue;
			}
			// Data descriptor: [signature] CRC-32, compressed size, size (8-byte sizes for ZIP64).
			const sizeBytes = (this.entry as NonNullable<ZipReader['entry']>).zip64 ? 8 : 4;
			const signed = input.length >= 4 && new DataView(input.buffer, input.byteOffset, input.length).getUint32(0, true) === 0x08074b50;
			const length = (signed ? 4 : 0) + 4 + 2 * sizeBytes;
			if (input.length < length) break;
			const view = new DataView(input.buffer, input.byteOffset, length);
			const at = signed ? 4 : 0;
			const crc = view.getUint32(at, true);
			const size = sizeBytes === 8 ? Number(view.getBigUint64(at + 12, true)) : view.getUint32(at + 8, true);
			if (this.entry?.keep && this.picked) this.picked.recorded = { crc, size };
			this.state = 'header';
			input = input.subarray(length);
		}
		if (input.length) this.pending = Uint8Array.from(input);
	}

	private newInflater(): InflateState {
		const inflater = new Inflate() as unknown as InflateState;
		inflater.ondata = (data) => this.output(data);
		return inflater;
	}

	private feed(data: Uint8Array): void {
		if (!data.length) return;
		if (this.inflater) this.inflater.push(data);
		else this.output(data);
	}

	private output(data: Uint8Array): void {
		if (!data.length) return;
		this.meter.output(data.length);
		const entry = this.entry as NonNullable<ZipReader['entry']>;
		if (!entry.keep || !this.picked) return;
		this.picked.crc = crc32(data, this.picked.crc);
		this.picked.size += data.length;
		this.ready.push(data);
	}

	private endEntry(): void {
		const entry = this.entry as NonNullable<ZipReader['entry']>;
		if (this.inflater && !entry.streamed) {
			// Flush what the inflater still holds; a deflate stream that has not ended is damaged.
			this.inflater.push(new Uint8Array(0), true);
		}
		if (entry.keep && this.picked) this.picked.ended = true;
		this.inflater = undefined;
		this.state = entry.streamed ? 'descriptor' : 'header';
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
				for (const data of drain(ready)) {
					meter.output(data.length);
					yield data;
				}
				await breathe();
			}
		}
		gunzip.push(new Uint8Array(0), true);
	} catch (error) {
		throw damaged(what, 'is not readable gzip', error);
	}
	for (const data of drain(ready)) {
		meter.output(data.length);
		yield data;
	}
	trailerProblem ??= checkTrailer(tail.bytesEndingAt(meter.compressed), member);
	if (trailerProblem) throw damaged(what, trailerProblem);
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

function* drain(ready: Uint8Array[]): Iterable<Uint8Array> {
	for (let index = 0; index < ready.length; index++) yield ready[index];
	ready.length = 0;
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
		while (this.parts.length > 1 && this.kept - this.parts[0].length >= this.size) this.kept -= (this.parts.shift() as Uint8Array).length;
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
