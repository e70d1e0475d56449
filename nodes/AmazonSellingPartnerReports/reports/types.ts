import type { IDataObject } from 'n8n-workflow';

import type { Marketplace } from '../marketplaces';

/** What a report's shaping function knows besides the document. */
export interface ShapeContext {
	/** The marketplace the report was requested for, when it was requested for one. */
	marketplace?: Marketplace;
	marketplaceIds: string[];
	/** The operation's output choice, e.g. 'metrics' | 'failing' | 'summary' | 'raw'. */
	output: string;
}

/** A report whose document is a flat file: each line becomes one item. */
export interface FlatFileReport {
	format: 'tsv';
	reportType: string;
	title: string;
	shapeRow: (cells: string[], header: string[], context: ShapeContext) => IDataObject;
}

/** A report whose document is one JSON or XML tree, turned into items as a whole. */
export interface TreeReport {
	format: 'json' | 'xml';
	reportType: string;
	title: string;
	shapeDocument: (document: IDataObject, context: ShapeContext) => IDataObject[];
}

export type SpReportDefinition = FlatFileReport | TreeReport;
