import type { IDataObject } from 'n8n-workflow';

import type { ColumnSpec } from '../../shared/pipeline/records';

/** Adds up a month's rows without keeping them: the "Summary" output. */
export interface MonthSummary {
	add(record: IDataObject): void;
	result(): IDataObject;
}

/** One Appstore report type: where it lives, its columns, and how a row becomes an item. */
export interface AppstoreReport {
	/** Path segment of the Reporting API: /api/appstore/download/report/{kind}/{YYYY}/{MM} */
	kind: 'sales' | 'subscription';
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
	/** A small file as the documentation lays it out: what the emulator serves without other data. */
	sample: string;
}
