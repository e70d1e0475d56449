import type { IDataObject } from 'n8n-workflow';

import type { ColumnSpec } from '../../shared/pipeline/records';

/** Adds up a month's rows without keeping them: the "Summary" output. */
export interface MonthSummary {
	add(record: IDataObject): void;
	result(): IDataObject;
}

/**
 * One Appstore report type (`*.report.ts` in this folder; scripts/registry.mjs writes the index):
 * where it lives, its columns, how a row becomes an item and a month a summary. The node's
 * operations, its subtitle, the trigger and the emulator all read it.
 */
export interface AppstoreReportType {
	/** Path segment of the Reporting API: /api/appstore/download/report/{reportType}/{YYYY}/{MM} */
	reportType: string;
	/** Display name in the editor, e.g. "Sales". */
	name: string;
	/** "sales report", used in messages. */
	title: string;
	description: string;
	columns: ColumnSpec[];
	/** Fills fields derived from the raw text of a row (e.g. a timestamp and its original text). */
	finish?: (record: IDataObject, rawCell: (key: string) => string | undefined) => void;
	/** A month's totals, built row by row. */
	summarize: (reportMonth: string) => MonthSummary;
	/** A CSV as the documentation lays it out: what the emulator serves when it has no generator for the type. */
	sample: string;
}
