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
import { parseTree } from '../shared/pipeline/parseTree';
import { RecordShaper } from '../shared/pipeline/records';
import { concatBytes, errorPageIn, peek } from '../shared/pipeline/sniff';
import { downloadPresigned } from '../shared/transport/download';
import { marketplaceById } from './marketplaces';
import { reportTypeById } from './reports/registry';
import type { ShapeContext } from './reports/types';
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

/** Reads a document, handing each item to `onItem`; returns the original file when asked to keep it. */
export async function readDocument(
	connection: SpApiConnection,
	document: ReportDocument,
	about: DocumentAbout,
	options: ReadDocumentOptions,
	onItem: (json: IDataObject) => void,
): Promise<{ file?: DocumentFile; items: number }> {
	const definition = reportTypeById(about.reportType);
	const what = describeDocument(about, document.reportDocumentId, definition);
	const download = await openDocument(connection, document, what, options);
	if (download.status !== 'ok') {
		throw new AmazonRequestError(`The ${what} is not available for download (${download.status === 'missing' ? download.said : 'not modified'})`, {
			description: 'Amazon keeps report documents for a limited time. Request the report again.',
		});
	}
	let count = 0;
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
	};
	const detected = definition ? { format: definition.format, texts } : await detectFormat(texts);
	options.onFormat?.(detected.format);

	if (detected.format === 'tsv' || detected.format === 'csv') {
		const typed = definition && options.simplify && (definition.format === 'tsv' || definition.format === 'csv') ? definition : undefined;
		let shaper: RecordShaper | undefined;
		await readFlatFile(
			detected.texts,
			// Amazon's flat files are tab-separated and not quote-escaped: a " is text.
			{ delimiter: detected.format === 'tsv' ? '\t' : ',', quoted: detected.format === 'csv', maxLineChars: options.limits.maxLineChars, what },
			{
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
				row(cells) {
					emit((shaper as RecordShaper).shape(cells));
				},
			},
		);
	} else if (detected.format === 'json' || detected.format === 'xml') {
		const tree = await parseTree(detected.texts, detected.format, what);
		if (definition && 'shapeDocument' in definition && options.simplify) {
			for (const item of definition.shapeDocument(tree, context)) emit(item);
		} else if (definition) {
			emit(tree);
		} else {
			for (const item of mainList(tree)) emit(item);
		}
	} else {
		const text = await collectText(detected.texts);
		if (text.trim()) emit({ text });
	}
	return { file: options.keep ? fileOf() : undefined, items: count };
}

/** "Seller Feedback report 5003 (document amzn1.spdoc…, Germany (amazon.de))", for messages. */
export function describeDocument(about: DocumentAbout, documentId: string, definition = reportTypeById(about.reportType)): string {
	const marketplace = about.marketplaceIds.length === 1 ? marketplaceById(about.marketplaceIds[0])?.name : undefined;
	const details = [`document ${documentId}`, marketplace].filter(Boolean).join(', ');
	return `${definition?.name ?? about.reportType} report${about.reportId ? ` ${about.reportId}` : ''} (${details})`;
}

/** An unknown JSON report: one item per element of its one list of objects, or the document. */
function mainList(tree: IDataObject): IDataObject[] {
	const lists = Object.values(tree).filter(
		(value): value is IDataObject[] => Array.isArray(value) && value.length > 0 && value.every((entry) => entry && typeof entry === 'object'),
	);
	return lists.length === 1 ? lists[0] : [tree];
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
			if (head) yield head;
			yield* { [Symbol.asyncIterator]: () => iterator };
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
