// The report registry's shape: one file per report type (`*.report.ts` in this folder) says what
// the report is, how to ask for it and how its document becomes items. The node, its Get Report
// and Download Report operations, the trigger, the emulator and the README table all read it.
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { SummaryPreset } from '../../shared/output/summarize';
import type { ColumnSpec } from '../../shared/pipeline/records';
import type { Marketplace } from '../marketplaces';

/** What a report's shaping knows besides the document. */
export interface ShapeContext {
	/** The marketplace the report is about, when exactly one was requested. */
	marketplace?: Marketplace;
	marketplaceIds: string[];
	/** The report's own output choice (its `outputParameter`), e.g. account health's 'failing'. */
	output?: string;
}

/** A document as Amazon serves it for this type: what the emulator serves when a test does not say otherwise. */
export interface ReportSample {
	text: string;
	/** Amazon's charset label: 'UTF-8', 'Cp1252', 'Shift_JIS'. */
	charset?: string;
	contentType?: string;
	compression?: 'none' | 'GZIP';
}

interface ReportTypeBase {
	reportType: string;
	/** Display name in the editor, e.g. "Seller Feedback". */
	name: string;
	description: string;
	/** The Seller Central roles (Selling Partner API roles) the app needs for it. */
	roles: string[];
	/** False for reports Amazon only makes on a schedule (e.g. settlements): read them with Report Ready or Download Report. */
	requestable: boolean;
	/** Whether createReport takes dataStartTime/dataEndTime for it, and the default range. */
	dataRange: { defaultDays: number } | 'none';
	/** One report per marketplace: its rows do not say which marketplace they are from. */
	perMarketplace?: boolean;
	/** Minutes a finished report is reused by default (reports of the current state, like account health). */
	defaultReuseMinutes?: number;
	/** Extra editor parameters, shown when this report type is chosen; names are unique in the registry. */
	parameters?: INodeProperties[];
	/** Report options from those parameters, checked before any request (throws AmazonRequestError). */
	reportOptions?: (read: (name: string) => unknown) => Record<string, string> | undefined;
	/** The parameter (of `parameters`) holding the report's output choice. */
	outputParameter?: string;
	/**
	 * The report's own summaries, by value of its output choice: when the user picks one, the report
	 * is read through the shared summary machinery with this preset (plain data: sections of
	 * group-by fields — a date by day, week or month — and aggregations, and a text template or
	 * formatter; see SummaryPreset in nodes/shared/output/summarize.ts), giving one item per report
	 * that starts with { reportId, reportDocumentId, reportType, marketplaceIds }. Filter Rows
	 * applies before it. E.g. `presets: { summary: { sections: [ … ], text: '…' } }` with an output
	 * choice whose value is 'summary'.
	 */
	presets?: Record<string, SummaryPreset>;
	sample: ReportSample;
}

export interface FlatFileReportType extends ReportTypeBase {
	format: 'tsv' | 'csv';
	/** The typed schema: Amazon's column titles (every spelling seen) and each one's type. */
	columns: ColumnSpec[];
	/** Match columns by position, not title (the titles are localised, e.g. Japanese). */
	byPosition?: boolean;
	/** Fields put before the file's own, e.g. the marketplace the report was requested for. */
	leading?: (context: ShapeContext) => IDataObject;
}

export interface TreeReportType extends ReportTypeBase {
	format: 'json' | 'xml';
	/** Items from the parsed document. */
	shapeDocument: (document: IDataObject, context: ShapeContext) => IDataObject[];
}

export type SpReportType = FlatFileReportType | TreeReportType;
