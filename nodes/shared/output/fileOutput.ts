// Output as a file: the report's records (after Filter Rows) written as CSV (flat files) or JSON
// Lines (JSON and XML reports) straight into n8n's binary data store while the report is read, so
// the file lands in n8n's binary store (filesystem, S3 or database mode) and not in the
// execution's JSON, and never sits whole in this process.
//
// n8n's helper takes `Buffer | Readable`, and a node may not import Node's `stream`. What n8n does
// with the value is narrower than Readable: in filesystem mode (n8n's default) it hands it to
// `fs.promises.writeFile`, which writes any async iterable chunk by chunk; in its in-memory,
// database and S3 modes it collects it through the events `data`, `end`, `error` and `close`
// (`binaryToBuffer` of @n8n/backend-network, which then holds the whole file, as those modes do
// for every node). ByteSource offers both, with no Node built-in.
import type { BinaryHelperFunctions, IBinaryData, IDataObject } from 'n8n-workflow';

import { AmazonRequestError } from '../errors';

type Listener = (...args: unknown[]) => void;

/** The consumer has taken less than this: the reader may go on. */
const HIGH_WATER_BYTES = 8 * 1024 * 1024;
/**
 * A consumer reading by events times out after 300 s without data: an empty chunk now and then keeps
 * it waiting while a filter drops rows, or while Amazon makes the next page of an analytics query.
 */
const KEEPALIVE_MS = 60_000;

/** Bytes handed to n8n as they are made: an async iterable, and the events of a readable stream. */
export class ByteSource implements AsyncIterable<Uint8Array> {
	private queue: Uint8Array[] = [];

	private queuedBytes = 0;

	private ended = false;

	private failure: unknown;

	/** The consumer stopped (it was destroyed, or broke off its iteration). */
	private stopped = false;

	private readonly listeners = new Map<string, Array<{ listener: Listener; once: boolean }>>();

	private flowing = false;

	private lastEmit = Date.now();

	/** A pull waiting for bytes. */
	private wakePull?: () => void;

	/** The reader waiting for the consumer to take what is queued. */
	private waitingReader?: { promise: Promise<void>; resolve: () => void; reject: (error: unknown) => void };

	push(chunk: Uint8Array): void {
		if (this.stopped || this.ended || !chunk.length) return;
		if (this.flowing) {
			this.emit('data', chunk);
			return;
		}
		this.queue.push(chunk);
		this.queuedBytes += chunk.length;
		this.wake();
	}

	end(): void {
		if (this.ended) return;
		this.ended = true;
		if (this.flowing) this.finishFlow();
		this.wake();
	}

	/** Ends with an error: n8n's store discards what it wrote. */
	fail(error: unknown): void {
		if (this.ended) return;
		this.failure = error;
		this.ended = true;
		if (this.flowing) this.emit('error', error);
		this.wake();
	}

	/** The consumer failed (n8n could not store the file): the reader stops with its error. */
	abort(error: unknown): void {
		this.stopped = true;
		this.failure ??= error;
		this.queue = [];
		this.queuedBytes = 0;
		this.wake();
	}

	/**
	 * Undefined while the consumer keeps up; otherwise a promise that settles once it has taken what
	 * is queued, which the reader awaits before it downloads more (so the file is never held whole).
	 */
	ready(): Promise<void> | undefined {
		if (this.stopped) return Promise.reject(this.failure ?? new Error('the binary data store stopped reading the file'));
		if (this.flowing) {
			this.keepAlive();
			return undefined;
		}
		if (this.queuedBytes < HIGH_WATER_BYTES) return undefined;
		if (!this.waitingReader) {
			let resolve: () => void = () => {};
			let reject: (error: unknown) => void = () => {};
			const promise = new Promise<void>((yes, no) => {
				resolve = yes;
				reject = no;
			});
			this.waitingReader = { promise, resolve, reject };
		}
		return this.waitingReader.promise;
	}

	/** Tells a consumer reading by events that the file goes on, when it has had no data for a while. */
	keepAlive(): void {
		if (this.flowing && !this.ended && !this.stopped && Date.now() - this.lastEmit > KEEPALIVE_MS) this.emit('data', new Uint8Array(0));
	}

	[Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
		return {
			next: async (): Promise<IteratorResult<Uint8Array>> => {
				for (;;) {
					if (this.queue.length) return { done: false, value: this.take() };
					if (this.failure !== undefined && !this.stopped) throw this.failure;
					if (this.ended || this.stopped) return { done: true, value: undefined };
					await new Promise<void>((resolve) => (this.wakePull = resolve));
				}
			},
			return: async (): Promise<IteratorResult<Uint8Array>> => {
				if (!this.ended) this.abort(new Error('the binary data store stopped reading the file'));
				return { done: true, value: undefined };
			},
		};
	}

	// The event side, as @n8n/backend-network's binaryToBuffer reads a stream.

	on(event: string, listener: Listener): this {
		return this.listen(event, listener, false);
	}

	once(event: string, listener: Listener): this {
		return this.listen(event, listener, true);
	}

	off(event: string, listener: Listener): this {
		const list = this.listeners.get(event);
		if (list) this.listeners.set(event, list.filter((entry) => entry.listener !== listener));
		return this;
	}

	removeListener(event: string, listener: Listener): this {
		return this.off(event, listener);
	}

	destroy(): this {
		this.abort(new Error('the binary data store stopped reading the file'));
		return this;
	}

	private listen(event: string, listener: Listener, once: boolean): this {
		const list = this.listeners.get(event) ?? [];
		list.push({ listener, once });
		this.listeners.set(event, list);
		// Flowing starts after the consumer has attached its other listeners (in the same turn).
		if (event === 'data' && !this.flowing) void Promise.resolve().then(() => this.startFlow());
		return this;
	}

	private startFlow(): void {
		if (this.flowing) return;
		this.flowing = true;
		const queued = this.queue;
		this.queue = [];
		this.queuedBytes = 0;
		for (const chunk of queued) this.emit('data', chunk);
		this.releaseReader();
		if (this.failure !== undefined && !this.stopped) this.emit('error', this.failure);
		else if (this.ended) this.finishFlow();
	}

	private finishFlow(): void {
		this.emit('end');
		this.emit('close');
	}

	private emit(event: string, ...args: unknown[]): void {
		if (event === 'data') this.lastEmit = Date.now();
		const list = this.listeners.get(event);
		if (!list?.length) return;
		this.listeners.set(
			event,
			list.filter((entry) => !entry.once),
		);
		for (const { listener } of list) listener(...args);
	}

	/** Everything queued, as one chunk: a consumer that gets a turn now and then takes all that waited. */
	private take(): Uint8Array {
		const chunks = this.queue;
		this.queue = [];
		this.queuedBytes = 0;
		this.releaseReader();
		if (chunks.length === 1) return chunks[0];
		const joined = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.length, 0));
		let offset = 0;
		for (const chunk of chunks) {
			joined.set(chunk, offset);
			offset += chunk.length;
		}
		return joined;
	}

	private releaseReader(): void {
		const reader = this.waitingReader;
		this.waitingReader = undefined;
		reader?.resolve();
	}

	private wake(): void {
		const wake = this.wakePull;
		this.wakePull = undefined;
		wake?.();
		if (this.stopped) {
			const reader = this.waitingReader;
			this.waitingReader = undefined;
			reader?.reject(this.failure);
		}
	}
}

export type FileFormat = 'csv' | 'jsonl';

export const FILE_TYPES: Record<FileFormat, { extension: string; mimeType: string }> = {
	csv: { extension: 'csv', mimeType: 'text/csv' },
	jsonl: { extension: 'jsonl', mimeType: 'application/x-ndjson' },
};

/** Text is encoded and handed on in pieces of about this many characters. */
const BATCH_CHARS = 1 << 20;

/** Records into one file in n8n's binary data, written while they come. */
export class RecordFileWriter {
	readonly source = new ByteSource();

	private readonly stored: Promise<IBinaryData>;

	private readonly encoder = new TextEncoder();

	private batch: string[] = [];

	private batchChars = 0;

	private columns?: string[];

	rows = 0;

	constructor(
		helpers: Pick<BinaryHelperFunctions, 'prepareBinaryData'>,
		readonly format: FileFormat,
		readonly fileName: string,
	) {
		// n8n reads the source while the report is being read (see the top of this file).
		const source = this.source as unknown as Parameters<BinaryHelperFunctions['prepareBinaryData']>[0];
		this.stored = helpers.prepareBinaryData(source, fileName, FILE_TYPES[format].mimeType);
		this.stored.catch((error: unknown) => this.source.abort(error));
	}

	write(record: IDataObject): void {
		this.rows++;
		let line: string;
		if (this.format === 'jsonl') {
			line = `${JSON.stringify(record)}\n`;
		} else {
			if (!this.columns) {
				// Every record of a flat file has the same keys, in order: the first one's are the header.
				this.columns = Object.keys(record);
				this.add(`${this.columns.map(csvCell).join(',')}\r\n`);
			}
			const columns = this.columns;
			line = '';
			for (let index = 0; index < columns.length; index++) {
				if (index) line += ',';
				line += csvCell(record[columns[index]]);
			}
			line += '\r\n';
		}
		this.add(line);
	}

	/** Before more of the report is downloaded: waits while n8n's store is behind. */
	ready(): Promise<void> | undefined {
		return this.source.ready();
	}

	/** While the reader waits on something else (the next page of results): see ByteSource.keepAlive. */
	keepAlive(): void {
		this.source.keepAlive();
	}

	async end(): Promise<IBinaryData> {
		this.flush();
		this.source.end();
		return await this.stored;
	}

	/** The reading failed: n8n's store drops the partial file; its own error, if any, is not the news. */
	async discard(error: unknown): Promise<void> {
		this.source.fail(error);
		await this.stored.catch(() => undefined);
	}

	private add(text: string): void {
		this.batch.push(text);
		this.batchChars += text.length;
		if (this.batchChars >= BATCH_CHARS) this.flush();
	}

	private flush(): void {
		if (!this.batch.length) return;
		const text = this.batch.join('');
		this.batch = [];
		this.batchChars = 0;
		this.source.push(this.encoder.encode(text));
	}
}

/** A cell as RFC 4180 writes it: quoted when it holds a comma, quote or line break. */
function csvCell(value: unknown): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	const text = typeof value === 'string' ? value : JSON.stringify(value);
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if (code === 44 || code === 34 || code === 10 || code === 13) return `"${text.replace(/"/g, '""')}"`;
	}
	return text;
}

/** A file name without characters file systems and mail clients refuse. */
export function safeFileName(name: string): string {
	return name.replace(/[\\/:*?"<>|\s]+/g, '_');
}

export function fileStoreError(what: string, cause: unknown): AmazonRequestError {
	const reason = cause instanceof Error ? cause.message : String(cause);
	return new AmazonRequestError(`n8n could not store the file of the ${what}: ${reason}`, {
		description: "Check n8n's binary data storage (N8N_DEFAULT_BINARY_DATA_MODE and its disk space or database limit), then run the node again.",
	});
}
