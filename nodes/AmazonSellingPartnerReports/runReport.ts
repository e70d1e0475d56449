// One report request, start to finish: lifecycle → document → decompress → decode → parse →
// shape. Every report operation goes through here.
import type { BinaryHelperFunctions, IBinaryData, IDataObject, INodeExecutionData } from 'n8n-workflow';

import { AmazonRequestError } from '../shared/errors';
import { keepCopy } from '../shared/pipeline/keepCopy';
import { isBlankLine } from '../shared/pipeline/records';
import type { CreateReportSpec, ReportDocument, SpApiConnection } from './api';
import type { OpenedDocument } from './document';
import { detectFormat, documentText, openDocument } from './document';
import type { LifecycleOptions } from './lifecycle';
import { obtainReport } from './lifecycle';
import { marketplaceById } from './marketplaces';
import { parseAnyDocument, parseFlatFile, parseTree } from './parseDocument';
import type { ShapeContext, SpReportDefinition } from './reports/types';

/** What running a report needs from n8n: only a way to store files (execute and poll functions both have it). */
export interface ReportHost {
	helpers: Pick<BinaryHelperFunctions, 'prepareBinaryData'>;
}

export interface DocumentOptions {
	/** 'binary' returns the document as a file instead of items. */
	as: 'items' | 'binary';
	/** The operation's output choice, passed to the report's shaper. */
	output: string;
	attachFile: boolean;
	binaryPropertyName: string;
}

export interface RunOptions extends DocumentOptions {
	failIfNoData: boolean;
	lifecycle: LifecycleOptions;
}

/**
 * Requests the report (or reuses one), waits, then downloads and shapes it. `definition`
 * undefined means any report type: the format is detected and rows kept as they are.
 */
export async function runReport(
	this: ReportHost,
	connection: SpApiConnection,
	spec: CreateReportSpec,
	definition: SpReportDefinition | undefined,
	options: RunOptions,
): Promise<INodeExecutionData[]> {
	const outcome = await obtainReport(connection, spec, options.lifecycle);
	if (outcome.status === 'CANCELLED') {
		if (options.failIfNoData) {
			throw new AmazonRequestError(
				`Amazon cancelled report ${outcome.report.reportId} (${spec.reportType}): it had no data for this request`,
				{
					description:
						'Amazon cancels a report when there is nothing to report (for feedback: no 1–3 star ratings in the range; ranges under ~5 days often come back empty). Widen the range, or turn off "Fail When Amazon Has No Data".',
				},
			);
		}
		options.lifecycle.progress(`Report ${outcome.report.reportId} was cancelled by Amazon: no data`);
		return [];
	}
	const items = await downloadDocument.call(this, connection, outcome.document, spec, definition, options, options.lifecycle.signal);
	for (const item of items) {
		if (options.as === 'binary') item.json = { reportId: outcome.report.reportId, ...item.json };
	}
	return items;
}

/** Downloads a report document and shapes it into items (or one binary item). */
export async function downloadDocument(
	this: ReportHost,
	connection: SpApiConnection,
	document: ReportDocument,
	spec: Pick<CreateReportSpec, 'reportType' | 'marketplaceIds'>,
	definition: SpReportDefinition | undefined,
	options: DocumentOptions,
	signal?: AbortSignal,
): Promise<INodeExecutionData[]> {
	const opened = await openDocument(document, connection, { signal });
	const kept: Uint8Array[] = [];
	if (options.as === 'binary' || options.attachFile) opened.chunks = keepCopy(opened.chunks, kept);
	const file = async () => await toBinary.call(this, Buffer.concat(kept), opened, spec.reportType, document.reportDocumentId);

	if (options.as === 'binary') {
		for await (const chunk of opened.chunks) void chunk;
		return [
			{
				json: { reportDocumentId: document.reportDocumentId, reportType: spec.reportType },
				binary: { [options.binaryPropertyName]: await file() },
			},
		];
	}
	const context: ShapeContext = {
		marketplace: spec.marketplaceIds.length === 1 ? marketplaceById(spec.marketplaceIds[0]) : undefined,
		marketplaceIds: spec.marketplaceIds,
		output: options.output,
	};
	const what = `document ${document.reportDocumentId} (${spec.reportType})`;
	const records = await shape(documentText(opened), definition, context, what);
	const items: INodeExecutionData[] = records.map((json) => ({ json }));
	if (options.attachFile && items.length) items[0].binary = { [options.binaryPropertyName]: await file() };
	return items;
}

async function shape(
	texts: AsyncIterable<string>,
	definition: SpReportDefinition | undefined,
	context: ShapeContext,
	what: string,
): Promise<IDataObject[]> {
	if (!definition) {
		const detected = await detectFormat(texts);
		return await parseAnyDocument(detected.texts, detected.format, what);
	}
	if (definition.format === 'tsv') {
		const records: IDataObject[] = [];
		let header: string[] | undefined;
		for await (const cells of parseFlatFile(texts, 'tsv')) {
			if (!header) header = cells;
			else if (!isBlankLine(cells)) records.push(definition.shapeRow(cells, header, context));
		}
		return records;
	}
	const tree = await parseTree(texts, definition.format, what);
	return definition.shapeDocument(tree, context);
}

async function toBinary(
	this: ReportHost,
	bytes: Buffer,
	document: OpenedDocument,
	reportType: string,
	documentId: string,
): Promise<IBinaryData> {
	const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
	const type = document.contentType ?? '';
	const extension = /json/i.test(type) ? 'json' : /xml/i.test(type) ? 'xml' : /csv/i.test(type) ? 'csv' : 'txt';
	const fileName = `${reportType}_${documentId}.${extension}${gzipped ? '.gz' : ''}`;
	return await this.helpers.prepareBinaryData(bytes, fileName, gzipped ? 'application/gzip' : type || 'text/plain');
}
