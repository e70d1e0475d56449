// Report documents: download (without SP-API headers), gunzip when the bytes are gzip, decode in
// the charset Amazon declared. Streams: nothing here holds the whole file unless asked to.
import { AmazonRequestError } from '../shared/errors';
import { gunzipIfCompressed } from '../shared/pipeline/decompress';
import { charsetFromContentType, collectText, decodeText } from '../shared/pipeline/decode';
import { requestStream } from '../shared/transport/http';
import type { ReportDocument, SpApiConnection } from './api';
import { getReportDocument } from './api';

export interface OpenedDocument {
	/** The bytes as Amazon sends them (maybe gzip), chunk by chunk. */
	chunks: AsyncIterable<Uint8Array>;
	charset: string;
	contentType?: string;
}

/** The document's text: gunzipped when the bytes are gzip, decoded in Amazon's charset. */
export function documentText(document: OpenedDocument): AsyncIterable<string> {
	return decodeText(gunzipIfCompressed(document.chunks), document.charset);
}

export async function openDocument(
	document: ReportDocument,
	connection: SpApiConnection,
	options: { signal?: AbortSignal } = {},
): Promise<OpenedDocument> {
	let current = document;
	for (let attempt = 1; ; attempt++) {
		// Presigned S3 link: an Authorization or x-amz-access-token header would break it.
		const response = await requestStream({
			method: 'GET',
			url: current.url,
			signal: options.signal,
			purpose: `report document ${current.reportDocumentId}`,
		});
		if (response.status === 200) {
			const contentType = response.headers['content-type'];
			return { chunks: response.body, charset: charsetFromContentType(contentType), contentType };
		}
		const body = await collectText(decodeText(response.body, 'utf-8'));
		if (response.status === 403 && /expired/i.test(body) && attempt === 1) {
			// Links live five minutes; ask Amazon for a fresh one once.
			current = await getReportDocument(connection, current.reportDocumentId, options.signal);
			continue;
		}
		const code = /<Code>([^<]+)<\/Code>/.exec(body)?.[1];
		throw new AmazonRequestError(
			`The download of report document ${current.reportDocumentId} failed (HTTP ${response.status}${code ? `, ${code}` : ''})`,
			{
				httpCode: response.status,
				amazonResponse: body.slice(0, 300),
				description: /expired/i.test(body)
					? 'The link expired twice in a row. Check that this machine’s clock is right, then run again.'
					: 'Run the node again; document links are valid for five minutes.',
			},
		);
	}
}

export async function readDocumentText(
	document: ReportDocument,
	connection: SpApiConnection,
	signal?: AbortSignal,
): Promise<string> {
	return await collectText(documentText(await openDocument(document, connection, { signal })));
}

export type DocumentFormat = 'json' | 'xml' | 'tsv' | 'csv' | 'text';

/** Looks at the start of a document to tell its format, and gives the text back whole. */
export async function detectFormat(
	texts: AsyncIterable<string>,
): Promise<{ format: DocumentFormat; texts: AsyncIterable<string> }> {
	const iterator = texts[Symbol.asyncIterator]();
	let head = '';
	while (head.length < 4096 && !/\n/.test(head.replace(/^\s+/, ''))) {
		const next = await iterator.next();
		if (next.done) break;
		head += next.value;
	}
	const rest: AsyncIterable<string> = { [Symbol.asyncIterator]: () => iterator };
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
			yield* rest;
		})(),
	};
}
