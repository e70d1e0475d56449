// A report document as the workflow gets it: typed items (or Amazon's own), a file of its rows, a
// summary, the original file attached, or the file alone. Used by Get, Download and the trigger alike.
import type { BinaryHelperFunctions, INodeExecutionData, IPairedItemData } from 'n8n-workflow';

import { fieldKinds } from '../shared/output/fields';
import { itemBudgetFor } from '../shared/output/itemLimit';
import { ReportOutput } from '../shared/output/reportOutput';
import type { DocumentAbout } from './document';
import { describeDocument, readDocument } from './document';
import type { DownloadChoices } from './parameters';
import { reportTypeById } from './reports/registry';
import type { ReportDocument, SpApiConnection } from './transport/reportsApi';

/** What turning a document into items needs from n8n: a way to store files (execute and poll functions both have it). */
export interface ReportHost {
	helpers: Pick<BinaryHelperFunctions, 'prepareBinaryData'>;
}

export type DocumentChoices = Pick<DownloadChoices, 'simplify' | 'output' | 'attachField' | 'returnFile' | 'limits' | 'plan' | 'maxItemsMegabytes'>;

/** Where the rows of an input item's reports go (Filter Rows, items, a file, a summary): one per input item. */
export function reportOutputFor(this: ReportHost, choices: DocumentChoices, pairedItem?: IPairedItemData): ReportOutput {
	return new ReportOutput(this, choices.plan, itemBudgetFor(this, choices.maxItemsMegabytes), pairedItem);
}

export async function documentItems(
	this: ReportHost,
	connection: SpApiConnection,
	document: ReportDocument,
	about: DocumentAbout,
	choices: DocumentChoices,
	signal?: AbortSignal,
	/** The input item the items come from: set as each item is made (adding it afterwards costs a million allocations). */
	pairedItem?: IPairedItemData,
	/** The output of an input item that reads several documents (a Summary per Group spans them); the caller then calls its `finish`. */
	shared?: ReportOutput,
): Promise<INodeExecutionData[]> {
	const readOptions = {
		simplify: choices.simplify,
		output: choices.output,
		keep: choices.returnFile || choices.attachField !== undefined,
		fileOnly: choices.returnFile,
		limits: choices.limits,
		signal,
	};
	if (choices.returnFile) {
		const { file } = await readDocument(connection, document, about, readOptions, () => undefined);
		if (!file) return [];
		return [
			{
				json: { reportId: about.reportId ?? null, reportDocumentId: document.reportDocumentId, reportType: about.reportType, marketplaceIds: about.marketplaceIds },
				binary: { [choices.attachField ?? 'data']: await this.helpers.prepareBinaryData(Buffer.from(file.bytes), file.fileName, file.mimeType) },
			},
		];
	}

	// Every record goes through the output stage (nodes/shared/output): one place for every report family.
	const output = shared ?? reportOutputFor.call(this, choices, pairedItem);
	const definition = reportTypeById(about.reportType);
	const flat = definition?.format === 'tsv' || definition?.format === 'csv';
	output.begin({
		what: describeDocument(about, document.reportDocumentId, definition),
		fileName: `${about.reportType}_${about.reportId ?? document.reportDocumentId}`,
		format: definition ? (flat ? 'flat' : 'tree') : undefined,
		kinds: definition && flat && choices.simplify ? fieldKinds(definition.columns) : undefined,
		about: { reportId: about.reportId ?? null, reportDocumentId: document.reportDocumentId, reportType: about.reportType, marketplaceIds: about.marketplaceIds },
	});
	let read: Awaited<ReturnType<typeof readDocument>> | undefined;
	try {
		read = await readDocument(
			connection,
			document,
			about,
			{
				...readOptions,
				onFormat: (format) => output.setFormat(format === 'tsv' || format === 'csv' ? 'flat' : 'tree'),
				ready: () => output.ready(),
			},
			(json) => output.accept(json),
		);
	} finally {
		if (!read) await output.fail();
	}
	const items = await output.end({ remarks: read.remarks });
	if (!shared) for (const item of output.finish()) items.push(item);
	if (read.file && choices.attachField !== undefined && items.length) {
		items[0].binary = {
			...items[0].binary,
			[choices.attachField]: await this.helpers.prepareBinaryData(Buffer.from(read.file.bytes), read.file.fileName, read.file.mimeType),
		};
	}
	return items;
}
