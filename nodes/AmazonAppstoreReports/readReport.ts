// One month's report, start to finish: download → unzip → decode → parse → shape.
import type { IDataObject } from 'n8n-workflow';

import { unzipFirstEntry } from '../shared/pipeline/decompress';
import { decodeText } from '../shared/pipeline/decode';
import { keepCopy } from '../shared/pipeline/keepCopy';
import { parseDelimited } from '../shared/pipeline/parseDelimited';
import { isBlankLine, RecordShaper } from '../shared/pipeline/records';
import type { AppstoreConnection } from './api';
import { openReportDownload } from './api';
import type { YearMonth } from './period';
import { formatMonth } from './period';
import type { AppstoreReport } from './reports/types';

export interface MonthReport {
	reportMonth: string;
	/** Column titles as they were in the file. */
	columns: string[];
	records: IDataObject[];
	/** Amazon's original ZIP, when asked for. */
	file?: { bytes: Buffer; fileName: string };
}

export interface ReadOptions {
	originalNames?: boolean;
	keepFile?: boolean;
	signal?: AbortSignal;
}

/** Returns undefined when Amazon has no report for the month. */
export async function readMonthReport(
	connection: AppstoreConnection,
	report: AppstoreReport,
	month: YearMonth,
	options: ReadOptions = {},
): Promise<MonthReport | undefined> {
	const download = await openReportDownload(connection, report.kind, month, options.signal);
	if (!download) return undefined;

	const reportMonth = formatMonth(month);
	const kept: Uint8Array[] = [];
	const chunks = options.keepFile ? keepCopy(download.chunks, kept) : download.chunks;
	const { columns, records } = await parseReportFile(chunks, report, reportMonth, options);
	return {
		reportMonth,
		columns,
		records,
		file: options.keepFile ? { bytes: Buffer.concat(kept), fileName: download.fileName } : undefined,
	};
}

/** The stages after the download: unzip → decode → parse → shape, chunk by chunk. */
export async function parseReportFile(
	zipChunks: AsyncIterable<Uint8Array>,
	report: AppstoreReport,
	reportMonth: string,
	options: Pick<ReadOptions, 'originalNames'> = {},
): Promise<{ columns: string[]; records: IDataObject[] }> {
	const csv = unzipFirstEntry(
		zipChunks,
		(name) => name.toLowerCase().endsWith('.csv'),
		`${report.title} file for ${reportMonth}`,
	);
	// The Reporting API documents its CSV files as UTF-8.
	const lines = parseDelimited(decodeText(csv, 'utf-8'), { delimiter: ',' });

	let shaper: RecordShaper | undefined;
	const records: IDataObject[] = [];
	for await (const cells of lines) {
		if (!shaper) {
			shaper = new RecordShaper(cells, report.columns, { originalNames: options.originalNames });
			continue;
		}
		if (isBlankLine(cells)) continue;
		const record = shaper.shape(cells);
		if (!options.originalNames) report.finish?.(record, (key) => shaper?.rawCell(cells, key));
		records.push({ reportMonth, ...record });
	}
	return { columns: shaper?.titles ?? [], records };
}
