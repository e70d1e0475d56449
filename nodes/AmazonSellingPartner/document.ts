// A report document, start to finish: download (presigned S3) → gunzip (when the bytes are gzip)
// → decode (the charset of the Content-Type) → parse → shape into items. Every report type, known
// or not, goes through here; a known one is typed by its registry entry.
import type { IDataObject } from 'n8n-workflow';

import { AmazonRequestError } from '../shared/errors';
import { paced } from '../shared/pipeline/cooperate';
import { charsetFromContentType, collectText, decodeText } from '../shared/pipeline/decode';
import { gunzipIfCompressed } from '../shared/pipeline/decompress';
import { readFlatFile } from '../shared/pipeline/flatFile';
import type { Limits } from '../shared/pipeline/limits';
import { readJsonStream } from '../shared/pipeline/parseJsonStream';
import { parseTree } from '../shared/pipeline/parseTree';
import { RecordShaper } from '../shared/pipeline/records';
import { concatBytes, errorPageIn, peek } from '../shared/pipeline/sniff';
import { downloadPresigned } from '../shared/transport/download';
import { marketplaceById } from './marketplaces';
import { reportTypeById, reportTypeInfo } from './reports/registry';
import { asObject } from './reports/shapeHelpers';
import type { FlatFileReportType, LineReader, ShapeContext, StreamedReportType } from './reports/types';
import type { ReportDocument, SpApiConnection } from './transport/reportsApi';
import { getReportDocument } from './transport/reportsApi';

/** What is known of the report a document belongs to. */
export interface DocumentAbout {
	reportType: string;
	reportId?: string;
	marketplaceIds: string[];
}

export interface ReadDocumentOptions {
	/** Typed items from the registry (on), or Amazon's keys and text (off). */
	simplify: boolean;
	/** The report's own output choice (registry `outputParameter`). */
	output?: string;
	/** Keep the bytes as they came, to attach them or to return them as a file. */
	keep: boolean;
	/** Only keep the file, no parsing. */
	fileOnly?: boolean;
	limits: Limits;
	signal?: AbortSignal;
	/** Told the document's format once it is known, before its first item (the output stage writes a flat file as CSV, a tree as JSON Lines). */
	onFormat?: (format: DocumentFormat) => void;
	/** Awaited before each downloaded chunk is read: an output that falls behind (a file being stored) holds the download. */
	ready?: () => Promise<void> | undefined;
}

export interface DocumentFile {
	bytes: Uint8Array;
	fileName: string;
	mimeType: string;
}

/**
 * Reads a document, handing each item to `onItem`; returns the original file when asked to keep it,
 * and what a report's own line reader remarked about the document (for its summary preset).
 */
export async function readDocument(
	connection: SpApiConnection,
	document: ReportDocument,
	about: DocumentAbout,
	options: ReadDocumentOptions,
	onItem: (json: IDataObject) => void,
): Promise<{ file?: DocumentFile; items: number; remarks?: IDataObject }> {
	const definition = reportTypeById(about.reportType);
	const what = describeDocument(about, document.reportDocumentId, definition);
	const download = await openDocument(connection, document, what, options);
	if (download.status !== 'ok') {
		throw new AmazonRequestError(`The ${what} is not available for download (${download.status === 'missing' ? download.said : 'not modified'})`, {
			description: 'Amazon keeps report documents for a limited time. Request the report again.',
		});
	}
	let count = 0;
	let remarks: IDataObject | undefined;
	const emit = (json: IDataObject) => {
		count++;
		onItem(json);
	};
	const fileOf = (): DocumentFile => toFile(concatBytes(download.kept), download.contentType, about.reportType, document.reportDocumentId);
	if (options.fileOnly) {
		for await (const chunk of download.chunks) void chunk;
		return { file: fileOf(), items: 0 };
	}

	const chunks = options.ready ? paced(download.chunks, options.ready) : download.chunks;
	const plain = gunzipIfCompressed(chunks, { what, limits: options.limits, contentType: download.contentType });
	const peeked = await peek(plain, 8192);
	const page = errorPageIn(peeked.head, download.contentType);
	if (page) {
		throw new AmazonRequestError(`The download of the ${what} returned ${page} instead of the report`, {
			description:
				'A proxy, firewall or captive portal between n8n and Amazon may have answered instead of Amazon S3. Check HTTP_PROXY/HTTPS_PROXY and that n8n can reach *.amazonaws.com, then run the node again.',
		});
	}
	const texts = decodeText(peeked.chunks, charsetFromContentType(download.contentType));
	const context: ShapeContext = {
		marketplace: about.marketplaceIds.length === 1 ? marketplaceById(about.marketplaceIds[0]) : undefined,
		marketplaceIds: about.marketplaceIds,
		output: options.output,
		reportId: about.reportId,
	};
	const detected = definition ? { format: definition.format, texts } : await detectFormat(texts);
	options.onFormat?.(detected.format);

	if (detected.format === 'tsv' || detected.format === 'csv') {
		const typed = definition && options.simplify && (definition.format === 'tsv' || definition.format === 'csv') ? definition : undefined;
		const reader = typed?.lineReader?.(context) ?? columnReader(typed, context);
		await readFlatFile(
			detected.texts,
			// Amazon's flat files are tab-separated and not quote-escaped: a " is text.
			{ delimiter: detected.format === 'tsv' ? '\t' : ',', quoted: detected.format === 'csv', maxLineChars: options.limits.maxLineChars, what },
			{
				header: (cells) => reader.header(cells),
				row: (cells) => reader.line(cells, emit),
			},
		);
		reader.end(emit);
		remarks = reader.remarks?.();
	} else if (detected.format === 'json' && (!definition || 'stream' in definition)) {
		// Reports the package does not know, and the big analytics reports, stream: one element at a time.
		const streamed = definition && 'stream' in definition ? definition.stream : undefined;
		await readJsonItems(detected.texts, streamed, options.simplify, context, { what, maxElementChars: options.limits.maxLineChars }, emit);
	} else if (detected.format === 'json' || detected.format === 'xml') {
		const tree = await parseTree(detected.texts, detected.format, what);
		if (definition && 'shapeDocument' in definition && options.simplify) {
			for (const item of definition.shapeDocument(tree, context)) emit(item);
		} else {
			emit(tree);
		}
	} else {
		const text = await collectText(detected.texts);
		if (text.trim()) emit({ text });
	}
	return { file: options.keep ? fileOf() : undefined, items: count, remarks };
}

/** One item per line, typed by the report's columns (or Amazon's titles and text when not typed). */
function columnReader(typed: FlatFileReportType | undefined, context: ShapeContext): LineReader {
	let shaper: RecordShaper | undefined;
	return {
		header(cells) {
			shaper = typed
				? new RecordShaper(cells, typed.columns, {
						byPosition: typed.byPosition,
						leading: typed.leading?.(context),
						cells: {
							dateOrder: context.marketplace?.dateOrder ?? 'MDY',
							zone: context.marketplace?.zone,
							decimalComma: context.marketplace?.decimalComma,
						},
					})
				: new RecordShaper(cells, [], { originalNames: true });
		},
		line(cells, emit) {
			emit((shaper as RecordShaper).shape(cells));
		},
		end() {},
	};
}

/** "Seller Feedback report 5003 (document amzn1.spdoc…, Germany (amazon.de))", for messages. */
export function describeDocument(about: DocumentAbout, documentId: string, definition = reportTypeById(about.reportType)): string {
	const marketplace = about.marketplaceIds.length === 1 ? marketplaceById(about.marketplaceIds[0])?.name : undefined;
	const details = [`document ${documentId}`, marketplace].filter(Boolean).join(', ');
	return `${definition?.name ?? reportTypeInfo(about.reportType)?.name ?? about.reportType} report${about.reportId ? ` ${about.reportId}` : ''} (${details})`;
}

/**
 * A JSON document read as a stream, one item per element of its lists, never held whole. A streamed
 * report type with Simplify on: each element shaped, and ending with the report's context (its
 * reportSpecification: dates, period, marketplace), also when that comes after the list: the items
 * made before it are completed when it comes (they are kept anyway; this keeps only references).
 * Otherwise the elements as Amazon wrote them (items of several lists say which, as `list`), and a
 * document without a list of objects is one item.
 */
export async function readJsonItems(
	texts: AsyncIterable<string>,
	streamed: StreamedReportType['stream'] | undefined,
	simplify: boolean,
	context: ShapeContext,
	options: { what: string; maxElementChars: number },
	emit: (json: IDataObject) => void,
): Promise<void> {
	const typed = simplify ? streamed : undefined;
	const members: IDataObject = {};
	const contextFrom = typed?.contextFrom ?? ['reportSpecification'];
	let fields: IDataObject | undefined;
	let waiting: IDataObject[] = [];
	const complete = () => {
		fields = (typed as StreamedReportType['stream']).context(members, context);
		for (const item of waiting) withFields(item, fields);
		waiting = [];
	};
	// Untyped: whether items say their list is only known once a second list shows up.
	let listed = streamed !== undefined && streamed.lists.length > 1;
	let firstList: string | undefined;
	const counts = await readJsonStream(texts, { lists: streamed?.lists ?? 'objects', ...options }, {
		member(name, value) {
			members[name] = value as IDataObject[string];
			if (typed && !fields && contextFrom.every((member) => member in members)) complete();
		},
		element(list, value) {
			const element = asObject(value) ?? { value: value as IDataObject[string] };
			if (typed) {
				const item = typed.element(element, list);
				if (!item) return;
				if (fields) withFields(item, fields);
				else waiting.push(item);
				emit(item);
				return;
			}
			if (!listed && firstList !== undefined && list !== firstList) {
				listed = true;
				for (const item of waiting) item.list = firstList;
				waiting = [];
			}
			firstList ??= list;
			if (listed) element.list = list;
			else if (!streamed) waiting.push(element);
			emit(element);
		},
	});
	if (typed && !fields) complete();
	if (!streamed && !counts.size && Object.keys(members).length) emit(members);
}

/** Adds the context fields to an item (in place: items are made fresh for each element). */
function withFields(item: IDataObject, fields: IDataObject): void {
	for (const key in fields) item[key] = fields[key];
}

export type DocumentFormat = 'json' | 'xml' | 'tsv' | 'csv' | 'text';

/** Looks at the start of a document of unknown type to tell its format. */
async function detectFormat(texts: AsyncIterable<string>): Promise<{ format: DocumentFormat; texts: AsyncIterable<string> }> {
	const iterator = texts[Symbol.asyncIterator]();
	let head = '';
	while (head.length < 4096 && !/\n/.test(head.replace(/^\s+/, ''))) {
		const next = await iterator.next();
		if (next.done) break;
		head += next.value;
	}
	const start = head.replace(/^[\s\uFEFF]+/, '');
	const firstLine = start.split(/\r?\n/, 1)[0] ?? '';
	let format: DocumentFormat = 'text';
	if (start.startsWith('{') || start.startsWith('[')) format = 'json';
	else if (start.startsWith('<')) format = 'xml';
	else if (firstLine.includes('\t')) format = 'tsv';
	else if (firstLine.includes(',')) format = 'csv';
	return {
		format,
		texts: (async function* () {
			try {
				if (head) yield head;
				yield* { [Symbol.asyncIterator]: () => iterator };
			} finally {
				await iterator.return?.();
			}
		})(),
	};
}

function toFile(bytes: Uint8Array, contentType: string | undefined, reportType: string, documentId: string): DocumentFile {
	const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
	const type = contentType ?? '';
	const extension = /json/i.test(type) ? 'json' : /xml/i.test(type) ? 'xml' : /csv/i.test(type) ? 'csv' : 'txt';
	return {
		bytes,
		fileName: `${reportType}_${documentId}.${extension}${gzipped ? '.gz' : ''}`,
		mimeType: gzipped ? 'application/gzip' : type || 'text/plain',
	};
}

function openDocument(connection: SpApiConnection, document: ReportDocument, what: string, options: { keep: boolean; signal?: AbortSignal }) {
	let first = true;
	return downloadPresigned({
		send: connection.send,
		// Links live five minutes: a fresh one is asked for when S3 says it expired.
		link: async () => {
			if (first) {
				first = false;
				return document.url;
			}
			return (await getReportDocument(connection, document.reportDocumentId, options.signal)).url;
		},
		what: `the ${what}`,
		signal: options.signal,
		keep: options.keep,
		onWait: connection.progress,
	});
}

/** The text of a small document (a FATAL report's error document), within the limits. */
export async function readDocumentText(connection: SpApiConnection, document: ReportDocument, limits: Limits, signal?: AbortSignal): Promise<string> {
	const what = `error document ${document.reportDocumentId}`;
	const download = await openDocument(connection, document, what, { keep: false, signal });
	if (download.status !== 'ok') return '';
	const plain = gunzipIfCompressed(download.chunks, { what, limits, contentType: download.contentType });
	return await collectText(decodeText(plain, charsetFromContentType(download.contentType)));
}
