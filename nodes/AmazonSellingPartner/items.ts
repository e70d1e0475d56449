// A report document as the workflow gets it: typed items (or Amazon's own), the original file
// attached, or the file alone. Used by Get, Download and the trigger alike.
import type { BinaryHelperFunctions, INodeExecutionData, IPairedItemData } from 'n8n-workflow';

import type { DocumentAbout } from './document';
import { readDocument } from './document';
import type { DownloadChoices } from './parameters';
import type { ReportDocument, SpApiConnection } from './transport/reportsApi';

/** What turning a document into items needs from n8n: a way to store files (execute and poll functions both have it). */
export interface ReportHost {
	helpers: Pick<BinaryHelperFunctions, 'prepareBinaryData'>;
}

export async function documentItems(
	this: ReportHost,
	connection: SpApiConnection,
	document: ReportDocument,
	about: DocumentAbout,
	choices: Pick<DownloadChoices, 'simplify' | 'output' | 'attachField' | 'returnFile' | 'limits'>,
	signal?: AbortSignal,
	/** The input item the items come from: set as each item is made (adding it afterwards costs a million allocations). */
	pairedItem?: IPairedItemData,
): Promise<INodeExecutionData[]> {
	const items: INodeExecutionData[] = [];
	const { file } = await readDocument(
		connection,
		document,
		about,
		{
			simplify: choices.simplify,
			output: choices.output,
			keep: choices.returnFile || choices.attachField !== undefined,
			fileOnly: choices.returnFile,
			limits: choices.limits,
			signal,
		},
		pairedItem ? (json) => items.push({ json, pairedItem }) : (json) => items.push({ json }),
	);
	if (file && choices.returnFile) {
		return [
			{
				json: { reportId: about.reportId ?? null, reportDocumentId: document.reportDocumentId, reportType: about.reportType, marketplaceIds: about.marketplaceIds },
				binary: { [choices.attachField ?? 'data']: await this.helpers.prepareBinaryData(Buffer.from(file.bytes), file.fileName, file.mimeType) },
			},
		];
	}
	if (file && choices.attachField !== undefined && items.length) {
		items[0].binary = { [choices.attachField]: await this.helpers.prepareBinaryData(Buffer.from(file.bytes), file.fileName, file.mimeType) };
	}
	return items;
}
