// Decompression stage: turns a stream of compressed chunks into a stream of plain chunks,
// holding only the chunk in hand (never the whole file).
import { Gunzip, Unzip, UnzipInflate } from 'fflate';

import { AmazonRequestError } from '../errors';

/**
 * Streams the contents of the first ZIP entry whose name `pick` accepts. Reads the ZIP to its end,
 * so a caller keeping a copy of the file gets all of it.
 */
export async function* unzipFirstEntry(
	chunks: AsyncIterable<Uint8Array>,
	pick: (entryName: string) => boolean,
	what: string,
): AsyncIterable<Uint8Array> {
	const entryNames: string[] = [];
	const ready: Uint8Array[] = [];
	let found = false;
	let failure: Error | undefined;

	const unzip = new Unzip((entry) => {
		entryNames.push(entry.name);
		if (found || !pick(entry.name)) return;
		found = true;
		entry.ondata = (error, data) => {
			if (error) failure = error;
			else if (data.length) ready.push(data);
		};
		entry.start();
	});
	unzip.register(UnzipInflate);

	let sawBytes = false;
	try {
		for await (const chunk of chunks) {
			sawBytes ||= chunk.length > 0;
			unzip.push(chunk);
			yield* drain(ready);
			if (failure) throw failure;
		}
		unzip.push(new Uint8Array(0), true);
	} catch (error) {
		throw damagedZipError(what, error);
	}
	yield* drain(ready);
	if (failure) throw failure;
	if (!found) {
		throw new AmazonRequestError(`The ${what} holds no CSV file`, {
			description: sawBytes
				? `The ZIP contains: ${entryNames.join(', ') || 'no entries'}. Amazon may have changed the file layout; please report it.`
				: 'Amazon sent an empty file. Run the node again later.',
		});
	}
}

function damagedZipError(what: string, cause: unknown): AmazonRequestError {
	if (cause instanceof AmazonRequestError) return cause;
	return new AmazonRequestError(`The ${what} is not a readable ZIP file: ${(cause as Error).message}`, {
		description:
			'Amazon sent a damaged file. Run the node again; if it persists, download the file in the Developer Console to check it.',
	});
}

function* drain(ready: Uint8Array[]): Iterable<Uint8Array> {
	while (ready.length) yield ready.shift() as Uint8Array;
}

const GZIP_MAGIC = [0x1f, 0x8b];

/**
 * Gunzips only when the bytes really are gzip: Amazon labels some plain documents GZIP, so the
 * magic bytes decide, not the label.
 */
export async function* gunzipIfCompressed(chunks: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
	const iterator = chunks[Symbol.asyncIterator]();
	let head: Uint8Array = new Uint8Array(0);
	// Two bytes decide; they may arrive in different chunks.
	while (head.length < GZIP_MAGIC.length) {
		const next = await iterator.next();
		if (next.done) break;
		head = concat(head, next.value);
	}
	const rest: AsyncIterable<Uint8Array> = { [Symbol.asyncIterator]: () => iterator };
	if (head[0] !== GZIP_MAGIC[0] || head[1] !== GZIP_MAGIC[1]) {
		if (head.length) yield head;
		yield* rest;
		return;
	}
	const ready: Uint8Array[] = [];
	let failure: Error | undefined;
	const gunzip = new Gunzip((data) => {
		if (data.length) ready.push(data);
	});
	try {
		gunzip.push(head);
		yield* drain(ready);
		for await (const chunk of rest) {
			gunzip.push(chunk);
			yield* drain(ready);
		}
		gunzip.push(new Uint8Array(0), true);
	} catch (error) {
		failure = error as Error;
	}
	if (failure) {
		throw new AmazonRequestError(`The report document is not readable gzip: ${failure.message}`, {
			description: 'Amazon sent a damaged document. Run the node again to download it once more.',
		});
	}
	yield* drain(ready);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
	if (!a.length) return b;
	const joined = new Uint8Array(a.length + b.length);
	joined.set(a);
	joined.set(b, a.length);
	return joined;
}
