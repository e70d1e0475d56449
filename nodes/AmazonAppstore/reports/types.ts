import type { IDataObject } from 'n8n-workflow';

import type { SummaryPreset } from '../../shared/output/summarize';
import type { ColumnSpec } from '../../shared/pipeline/records';

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
	/**
	 * Summary per Month: the month's totals, as a preset of the shared summary machinery (plain data:
	 * sections of group-by fields and aggregations, and a text; see nodes/shared/output/summarize.ts).
	 * The summary item starts with { reportMonth }.
	 */
	summary: SummaryPreset;
	/** A CSV as the documentation lays it out: what the emulator serves when it has no generator for the type. */
	sample: string;
}
