import type { IDataObject } from 'n8n-workflow';

import type { ColumnSpec } from '../../shared/pipeline/records';

/** One Appstore report type: where it lives, its columns, and how a row becomes an item. */
export interface AppstoreReport {
	/** Path segment of the Reporting API: /api/appstore/download/report/{kind}/{YYYY}/{MM} */
	kind: 'sales' | 'subscription';
	/** "sales report", used in messages. */
	title: string;
	columns: ColumnSpec[];
	/** Fills fields derived from the raw text of a row (e.g. a timestamp and its original text). */
	finish?: (record: IDataObject, rawCell: (key: string) => string | undefined) => void;
}
