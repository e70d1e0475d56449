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
	/** The report's ID, when known (reports read by ID, or finished by Get). */
	reportId?: string;
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
	/**
	 * Whether createReport takes dataStartTime/dataEndTime for it: the default range, or Amazon's
	 * rules for it (whole weeks, months … or whole hours), applied before any request.
	 */
	dataRange: { defaultDays: number } | { fit: FitRange } | 'none';
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
	/** "Max Report Size (MB)" when not set (default DEFAULT_MAX_REPORT_MB), e.g. for documents that stream. */
	defaultMaxReportMegabytes?: number;
	/**
	 * The report's own summaries, by value of its output choice: when the user picks one, the report
	 * is read (typed) through the shared summary machinery with this preset (plain data: sections of
	 * group-by fields — a date by day, week or month — and aggregations, fields derived from the
	 * totals, and a text template or formatter; see SummaryPreset in nodes/shared/output/summarize.ts),
	 * giving one item per report (or per value of the preset's `per` field, e.g. per settlement) that
	 * starts with { reportId, reportDocumentId, reportType, marketplaceIds } unless the preset picks
	 * its fields. Filter Rows applies before it. E.g. `presets: { summary: { sections: [ … ], text:
	 * '…' } }` with an output choice whose value is 'summary' (settlement.report.ts).
	 */
	presets?: Record<string, SummaryPreset>;
	sample: ReportSample;
}

/** A data range as the user gave it (ISO 8601, either may be empty), made into the one Amazon takes; throws AmazonRequestError. */
export type FitRange = (given: { start?: string; end?: string }, read: (name: string) => unknown) => { start: string; end: string };

export interface FlatFileReportType extends ReportTypeBase {
	format: 'tsv' | 'csv';
	/** The typed schema: Amazon's column titles (every spelling seen) and each one's type. */
	columns: ColumnSpec[];
	/** Match columns by position, not title (the titles are localised, e.g. Japanese). */
	byPosition?: boolean;
	/** Fields put before the file's own, e.g. the marketplace the report was requested for. */
	leading?: (context: ShapeContext) => IDataObject;
	/**
	 * Reads the lines itself, for what columns alone cannot say: conventions the file shows (a
	 * settlement's decimal mark), fields one line gives for the next. Totals over the lines are a
	 * summary preset's (`presets`), not the reader's.
	 */
	lineReader?: (context: ShapeContext) => LineReader;
}

/** A flat file's lines as a report's own reading sees them (see FlatFileReportType.lineReader). */
export interface LineReader {
	header(cells: string[]): void;
	/** One data line; `cells` is reused for the next line, so copy what is kept. */
	line(cells: string[], emit: (item: IDataObject) => void): void;
	/** After the last line: what was held back. */
	end(emit: (item: IDataObject) => void): void;
	/**
	 * After `end`: what the reading learnt about the document as a whole that no line shows (e.g.
	 * why some of its numbers stay text), handed to the report's summary preset as
	 * `SummaryFacts.remarks`. A line's own troubles the preset counts from the lines themselves.
	 */
	remarks?(): IDataObject;
}

export interface TreeReportType extends ReportTypeBase {
	format: 'json' | 'xml';
	/** Items from the parsed document. */
	shapeDocument: (document: IDataObject, context: ShapeContext) => IDataObject[];
}

/**
 * A JSON report read as a stream (Brand Analytics, vendor analytics: documents of several GB): one
 * item per element of its lists, never the whole document in memory. The document's other
 * top-level members (its reportSpecification) give every item its context, wherever they stand.
 */
export interface StreamedReportType extends ReportTypeBase {
	format: 'json';
	stream: {
		/** The lists, by Amazon's name. Items of a report with several lists say which they are from (`list`). */
		lists: string[];
		/** One element as item fields (numbers as numbers, money as amount + currency, dates ISO); undefined skips it. */
		element: (element: IDataObject, list: string) => IDataObject | undefined;
		/** The fields every item ends with, from the document's other top-level members and the request. */
		context: (members: IDataObject, context: ShapeContext) => IDataObject;
		/** The members `context` needs: once they have come, items get their context as they are made (default: reportSpecification). */
		contextFrom?: string[];
	};
}

export type SpReportType = FlatFileReportType | TreeReportType | StreamedReportType;
