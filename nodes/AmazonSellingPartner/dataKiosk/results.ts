// A Data Kiosk document, start to finish: its presigned link (asked again when it expires) →
// download (resumed when cut) → gunzip when the bytes are gzip (a document served with
// Content-Encoding arrives decoded by n8n's client, so the magic bytes decide) → decode → one
// JSON object per line.
import { AmazonRequestError } from '../../shared/errors';
import { paced } from '../../shared/pipeline/cooperate';
import { readJsonLines } from '../../shared/pipeline/jsonLines';
import type { JsonLineSink } from '../../shared/pipeline/jsonLines';
import { charsetFromContentType, collectText, decodeText } from '../../shared/pipeline/decode';
import { gunzipIfCompressed } from '../../shared/pipeline/decompress';
import type { Limits } from '../../shared/pipeline/limits';
import { errorPageIn, peek } from '../../shared/pipeline/sniff';
import { downloadPresigned } from '../../shared/transport/download';
import type { DownloadedFile } from '../../shared/transport/download';
import { getDocument } from '../transport/dataKioskApi';
import type { SpApiConnection } from '../transport/spApi';

export interface ReadOptions {
	limits: Limits;
	signal?: AbortSignal;
	/** Awaited before each downloaded chunk is read: an output that falls behind (a file being stored) holds the download. */
	ready?: () => Promise<void> | undefined;
}

/** Streams a data document's lines to `sink`; stops when the sink says so (a limit reached). */
export async function readDataDocument(
	connection: SpApiConnection,
	documentId: string,
	what: string,
	options: ReadOptions,
	sink: JsonLineSink,
): Promise<{ records: number; stopped: boolean }> {
	const file = await openDocument(connection, documentId, what, options);
	const chunks = options.ready ? paced(file.chunks, options.ready) : file.chunks;
	const plain = gunzipIfCompressed(chunks, { what, limits: options.limits, contentType: file.contentType });
	const peeked = await peek(plain, 8192);
	const page = errorPageIn(peeked.head, file.contentType);
	if (page) {
		throw new AmazonRequestError(`The download of the ${what} returned ${page} instead of the results`, {
			description:
				'A proxy, firewall or captive portal between n8n and Amazon may have answered instead of Amazon S3. Check HTTP_PROXY/HTTPS_PROXY and that n8n can reach *.amazonaws.com, then run the node again.',
		});
	}
	const texts = decodeText(peeked.chunks, charsetFromContentType(file.contentType));
	return await readJsonLines(texts, { maxLineChars: options.limits.maxLineChars, what }, sink);
}

/** The text of a small document: a FATAL query's error document. */
export async function readDocumentText(connection: SpApiConnection, documentId: string, options: ReadOptions): Promise<string> {
	const what = `error document ${documentId}`;
	const file = await openDocument(connection, documentId, what, options);
	const plain = gunzipIfCompressed(file.chunks, { what, limits: options.limits, contentType: file.contentType });
	return await collectText(decodeText(plain, charsetFromContentType(file.contentType)));
}

async function openDocument(connection: SpApiConnection, documentId: string, what: string, options: ReadOptions): Promise<DownloadedFile> {
	const download = await downloadPresigned({
		send: connection.send,
		// Links live five minutes: a fresh one is asked for when S3 says it expired.
		link: async () => (await getDocument(connection, documentId, options.signal)).documentUrl,
		what: `the ${what}`,
		signal: options.signal,
		onWait: connection.progress,
	});
	if (download.status !== 'ok') {
		throw new AmazonRequestError(`The ${what} is not available for download (${download.status === 'missing' ? download.said : 'not modified'})`, {
			description: 'Amazon keeps query results only as long as the dataset’s retention. Run the query again.',
		});
	}
	return download;
}
