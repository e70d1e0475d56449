// What happens to each record once it is shaped, for every report family: the readers hand each
// record to `accept` (the one place they all go through), and this decides — Filter Rows, then
// items (counted against what n8n can save), a file written while reading, or a summary — so no
// report type needs code of its own for any of it.
import type { BinaryHelperFunctions, IDataObject, INodeExecutionData, IPairedItemData } from 'n8n-workflow';

import { AmazonRequestError } from '../errors';
import type { FieldKind } from './fields';
import { detachRecord } from './fields';
import type { FileFormat } from './fileOutput';
import { FILE_TYPES, fileStoreError, RecordFileWriter, safeFileName } from './fileOutput';
import type { RecordPredicate, RowFilterSpec } from './filter';
import { compileFilter } from './filter';
import type { ItemBudget } from './itemLimit';
import { EDITOR_DISPLAY_LIMIT_MB, megabytes } from './itemLimit';
import type { Aggregation, GroupField, SummaryPreset } from './summarize';
import { aggregationName, DEFAULT_MAX_GROUPS, GroupTable, groupFieldName, PresetSummary } from './summarize';

export type OutputMode = 'items' | 'file' | 'summary';

/** How the node's editor names the ways out, for messages: "Filter Rows", "Output → File (CSV)". */
export interface OutputLabels {
	filter: string;
	summary: string;
	file: string;
	limit: string;
	maxGroups: string;
}

export interface OutputPlan {
	mode: OutputMode;
	filter?: RowFilterSpec;
	/** Summary per Group: the user's group fields and values, over everything read for the input item. */
	groups?: { groupBy: GroupField[]; values: Aggregation[]; maxGroups?: number };
	/** A report's own summary (a registry preset): one item per report read, or per value of its `per` field. */
	preset?: SummaryPreset;
	/** The binary field of a file output. */
	fileField: string;
	labels: OutputLabels;
	/** Keep only this many items (a trigger's "Fetch test event"): the rest is read, not kept, and no limit applies. */
	sample?: number;
}

/** One report being read (a month, a document). */
export interface ReportInfo {
	/** "Orders by Order Date report 5003 (document …, United States)", for messages. */
	what: string;
	/** The file's name without its extension. */
	fileName: string;
	/** Flat files become CSV, JSON and XML reports JSON Lines; unknown until the reader says, for report types not in the registry. */
	format?: 'flat' | 'tree';
	/** Typed columns' kinds (numbers, dates …), when the registry knows them. */
	kinds?: Map<string, FieldKind>;
	/** Fields that say which report this is: first in a preset summary and in a file's item. */
	about: IDataObject;
}

type Host = { helpers: Pick<BinaryHelperFunctions, 'prepareBinaryData'> };

/** The output of one input item's reports: `begin`, `accept` each record, `end` per report, `finish` once. */
export class ReportOutput {
	/**
	 * Takes one shaped record; true when Filter Rows kept it (a reader with a Limit counts those).
	 * Replaced at `begin` by the path the plan needs (no choice per record).
	 */
	accept: (record: IDataObject) => boolean = () => {
		throw new Error('ReportOutput.accept before begin');
	};

	private report?: ReportInfo;

	private filter?: RecordPredicate;

	private items: INodeExecutionData[] = [];

	/** Rows that passed the filter in the report being read. */
	private rows = 0;

	/** The report's items would exceed the limit: they were dropped, rows are only counted. */
	private overLimit = false;

	private writer?: RecordFileWriter;

	private preset?: PresetSummary;

	private groups?: GroupTable;

	constructor(
		private readonly host: Host,
		private readonly plan: OutputPlan,
		private readonly budget: ItemBudget,
		private readonly pairedItem?: IPairedItemData,
	) {}

	begin(report: ReportInfo): void {
		this.report = report;
		this.rows = 0;
		this.overLimit = false;
		this.items = [];
		const { plan } = this;
		this.filter = compileFilter(plan.filter, report.kinds, plan.labels.filter);
		const filter = this.filter;
		let take: (record: IDataObject) => true;
		if (plan.mode === 'summary' && plan.preset) {
			this.preset = new PresetSummary(plan.preset, report.about, { what: report.what, kinds: report.kinds, maxGroupsLabel: plan.labels.maxGroups });
			const preset = this.preset;
			take = (record) => {
				preset.add(record);
				return true;
			};
		} else if (plan.mode === 'summary') {
			// One summary over all the reports of the input item (a range of months, several marketplaces).
			this.groups ??= new GroupTable(customSection(plan), {
				what: report.what,
				kinds: report.kinds,
				maxGroups: plan.groups?.maxGroups ?? DEFAULT_MAX_GROUPS,
				maxGroupsLabel: plan.labels.maxGroups,
			});
			const groups = this.groups;
			take = (record) => {
				groups.add(record);
				return true;
			};
		} else if (plan.mode === 'file') {
			// The file is opened in n8n's store with the first row (or at the end, empty): a month
			// Amazon has no report for leaves nothing behind.
			this.writer = undefined;
			take = (record) => {
				this.rows++;
				(this.writer ?? this.openFile(this.current().format ?? 'flat')).write(record);
				return true;
			};
		} else {
			const { budget, items } = this;
			const pairedItem = this.pairedItem;
			const sample = plan.sample ?? Number.POSITIVE_INFINITY;
			take = (record) => {
				this.rows++;
				if (this.overLimit || items.length >= sample) return true;
				if (!budget.add(record)) {
					// Stop building items (they are what n8n cannot hold); go on counting, to say how many rows there are.
					this.overLimit = true;
					items.length = 0;
					return true;
				}
				// Kept rows out of many dropped ones must not hold on to the text they were read from.
				const json = filter ? detachRecord(record) : record;
				items.push(pairedItem ? { json, pairedItem } : { json });
				return true;
			};
		}
		this.accept = filter ? (record) => filter(record) && take(record) : take;
	}

	/**
	 * The report's rows as items are already past what n8n can save: they are only counted from
	 * here on, and a reader that can stop early (before asking Amazon for further pages) may.
	 */
	get overItemLimit(): boolean {
		return this.overLimit;
	}

	/** The reader found the document's format (report types not in the registry). */
	setFormat(format: 'flat' | 'tree'): void {
		if (this.report && !this.report.format) this.report.format = format;
	}

	/** Awaited by the reader before it downloads more: a file output may be behind. */
	ready(): Promise<void> | undefined {
		const waiting = this.writer?.ready();
		// n8n's store failing (a full disk, a database limit) stops the reading with what happened.
		return waiting?.catch((error: unknown) => {
			throw fileStoreError(this.current().what, error);
		});
	}

	/**
	 * The end of a report: its items, its file, or its own summary (a Summary per Group comes at
	 * `finish`). `remarks`: what the reader noted about the document as a whole (why some of its
	 * numbers stay text …), for the summary preset's `derive`. `unread`: the reader stopped before
	 * the end (pages not asked for), so a row count in an error is a lower bound.
	 */
	async end({ remarks, unread = false }: { remarks?: IDataObject; unread?: boolean } = {}): Promise<INodeExecutionData[]> {
		const report = this.current();
		const paired = this.pairedItem ? { pairedItem: this.pairedItem } : {};
		if (this.plan.mode === 'file') {
			const writer = this.writer ?? this.openFile(report.format ?? 'flat');
			this.writer = undefined;
			let binary;
			try {
				binary = await writer.end();
			} catch (error) {
				throw fileStoreError(report.what, error);
			}
			return [{ json: { ...report.about, rows: writer.rows, fileName: binary.fileName ?? writer.fileName }, binary: { [this.plan.fileField]: binary }, ...paired }];
		}
		if (this.preset) {
			const summaries = this.preset.items(remarks);
			this.preset = undefined;
			return summaries.map((json) => ({ json, ...paired }));
		}
		if (this.plan.mode === 'summary') return [];
		if (this.overLimit) throw this.limitError(report, unread);
		const items = this.items;
		this.items = [];
		return items;
	}

	/** The reader waits on something else (Amazon making the next page): a file's consumer is told it is still alive. */
	keepAlive(): void {
		this.writer?.keepAlive();
	}

	/** The report could not be read: a file being written is dropped from n8n's store. */
	async fail(): Promise<void> {
		const writer = this.writer;
		this.writer = undefined;
		if (writer) await writer.discard(new Error(`the ${this.current().what} could not be read`));
	}

	/** After the last report of the input item: the Summary per Group, one item per group. */
	finish(): INodeExecutionData[] {
		if (!this.groups) return [];
		const rows = this.groups.rows();
		this.groups = undefined;
		return rows.map((json) => (this.pairedItem ? { json, pairedItem: this.pairedItem } : { json }));
	}

	private openFile(format: 'flat' | 'tree'): RecordFileWriter {
		const report = this.current();
		const fileFormat: FileFormat = format === 'flat' ? 'csv' : 'jsonl';
		this.writer = new RecordFileWriter(this.host.helpers, fileFormat, `${safeFileName(report.fileName)}.${FILE_TYPES[fileFormat].extension}`);
		return this.writer;
	}

	private current(): ReportInfo {
		if (!this.report) throw new Error('ReportOutput used before begin');
		return this.report;
	}

	private limitError(report: ReportInfo, unread: boolean): AmazonRequestError {
		const { labels } = this.plan;
		const rows = this.rows.toLocaleString('en-US');
		const matching = this.filter ? ' matching' : '';
		const limit = this.budget.maxBytes;
		const size = megabytes(this.budget.estimateFor(this.rows));
		const counted = unread
			? `has more than ${rows}${matching} rows (further pages were not asked for): as items they would add more than ${size}`
			: `has ${rows}${matching} rows: as items they would add about ${size}`;
		return new AmazonRequestError(
			`The ${report.what} ${counted} to the execution’s data, more than this node hands to n8n (${megabytes(limit)})`,
			{
				description: [
					`n8n saves an execution’s data in one piece: above about 500 MB it cannot save it (the execution hangs as “running”), above ${EDITOR_DISPLAY_LIMIT_MB} MB its editor shows none of it, and long before that the server stops answering while it saves. Ways that work at any size:`,
					`• ${labels.filter}: keep only the rows you need (one SKU, the refunds, the late shipments);`,
					`• ${labels.summary}: totals per day, week or month, per SKU, marketplace or status;`,
					`• ${labels.file}: the report as one file in n8n’s binary data, for Google Drive, S3, email or a database.`,
					`If this n8n does not save successful executions, raise or remove the limit with ${labels.limit} (0: no limit).`,
				].join('\n'),
			},
		);
	}
}

/** The user's Summary per Group as one section: group fields, a row count, their values; groups in order of their fields. */
function customSection(plan: OutputPlan) {
	const groupBy = plan.groups?.groupBy ?? [];
	const values: Aggregation[] = [{ op: 'count', name: 'count' }, ...(plan.groups?.values ?? [])];
	const names = new Set(groupBy.map(groupFieldName));
	for (const value of values) {
		const name = aggregationName(value);
		if (names.has(name)) {
			throw new AmazonRequestError(`The summary has two fields named "${name}"`, {
				description: 'Summarize each field once per aggregation, and do not group by a field named count.',
			});
		}
		names.add(name);
	}
	return { groupBy, values, sort: groupBy.map((group) => ({ field: groupFieldName(group) })) };
}
