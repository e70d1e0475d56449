// One month's report, start to finish: link → download → unzip → decode → parse → shape, chunk by
// chunk. Each record goes to the caller as soon as it is shaped; nothing here keeps the rows.
import type { IDataObject } from 'n8n-workflow';

import { AmazonRequestError } from '../shared/errors';
import { paced } from '../shared/pipeline/cooperate';
import { decodeText } from '../shared/pipeline/decode';
import { unzipEntry } from '../shared/pipeline/decompress';
import { readFlatFile } from '../shared/pipeline/flatFile';
import type { Limits } from '../shared/pipeline/limits';
import { DEFAULT_LIMITS } from '../shared/pipeline/limits';
import { RecordShaper } from '../shared/pipeline/records';
import { concatBytes } from '../shared/pipeline/sniff';
import { downloadPresigned } from '../shared/transport/download';
import type { YearMonth } from './parameters';
import { formatMonth } from './parameters';
import type { AppstoreReportType } from './reports/types';
import type { AppstoreConnection } from './transport/reportingApi';
import { getReportUrl } from './transport/reportingApi';

export interface ReadOptions {
	/** Keep Amazon's column titles and cell text (Simplify off). */
	originalNames?: boolean;
	/** Keep the original ZIP, to attach it. */
	keepFile?: boolean;
	/** The ETag of the last download: when S3 says it has not changed, nothing is read. */
	ifNoneMatch?: string;
	/** The ETag the file must still have (a second reading). */
	ifMatch?: string;
	limits?: Limits;
	signal?: AbortSignal;
	/** Awaited before each downloaded chunk is read: a file output being stored holds the download. */
	ready?: () => Promise<void> | undefined;
}

export type MonthOutcome =
	| {
			status: 'read';
			reportMonth: string;
			/** Column titles as they were in the file. */
			columns: string[];
			rows: number;
			etag?: string;
			/** Amazon's original ZIP, when asked for. */
			file?: { bytes: Uint8Array; fileName: string };
	  }
	/** Amazon has no report for the month (no activity, the app not live, or the month not yet processed). */
	| { status: 'none'; reportMonth: string; said: string }
	| { status: 'notModified'; reportMonth: string };

/** Reads one month, handing each record (with its reportMonth) to `onRecord`. */
export async function readMonthReport(
	connection: AppstoreConnection,
	report: AppstoreReportType,
	month: YearMonth,
	options: ReadOptions,
	onRecord: (record: IDataObject) => void,
): Promise<MonthOutcome> {
	const reportMonth = formatMonth(month);
	const what = `${report.title} for ${reportMonth}`;
	let noReport: string | undefined;
	const download = await downloadPresigned({
		send: connection.send,
		link: async () => {
			const url = await getReportUrl(connection, report.reportType, month, options.signal);
			if (url === undefined) {
				noReport = 'Report not found';
				throw NO_REPORT;
			}
			return url;
		},
		what: `the ${what}`,
		signal: options.signal,
		ifNoneMatch: options.ifNoneMatch,
		ifMatch: options.ifMatch,
		keep: options.keepFile,
		onWait: connection.progress,
	}).catch((error: unknown) => {
		if (error === NO_REPORT) return undefined;
		throw error;
	});
	if (!download) return { status: 'none', reportMonth, said: noReport ?? 'Report not found' };
	if (download.status === 'notModified') return { status: 'notModified', reportMonth };
	if (download.status === 'missing') return { status: 'none', reportMonth, said: `Report Not Available (${download.said})` };

	const limits = options.limits ?? DEFAULT_LIMITS;
	const csv = unzipEntry(options.ready ? paced(download.chunks, options.ready) : download.chunks, (name) => name.toLowerCase().endsWith('.csv'), {
		what,
		limits,
		contentType: download.contentType,
	});
	let shaper: RecordShaper | undefined;
	const leading = { reportMonth };
	// The row in hand, for the report's own finishing touches (one accessor for all rows).
	let cellsInHand: string[] = [];
	const rawCell = (key: string) => (shaper as RecordShaper).rawCell(cellsInHand, key);
	const rows = await readFlatFile(
		// The Reporting API documents its CSV files as UTF-8.
		decodeText(csv, 'utf-8'),
		{ delimiter: ',', quoted: true, maxLineChars: limits.maxLineChars, what },
		{
			header(cells) {
				shaper = new RecordShaper(cells, report.columns, { originalNames: options.originalNames, leading });
			},
			row(cells) {
				const record = (shaper as RecordShaper).shape(cells);
				if (report.finish && !options.originalNames) {
					cellsInHand = cells;
					report.finish(record, rawCell);
				}
				onRecord(record);
			},
		},
	);
	if (!shaper) {
		throw new AmazonRequestError(`The ${what} is empty: its CSV file has no header line`, {
			description: 'Amazon sent an empty report. Run the node again later.',
		});
	}
	return {
		status: 'read',
		reportMonth,
		columns: shaper.titles,
		rows,
		etag: download.etag,
		file: options.keepFile
			? { bytes: concatBytes(download.kept), fileName: download.fileName ?? `${report.reportType}_${reportMonth.replace('-', '_')}.zip` }
			: undefined,
	};
}

const NO_REPORT = new Error('no report for this month');
