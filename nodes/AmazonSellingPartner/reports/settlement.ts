// Settlement reports, shared by both registrations (settlement.report.ts, and the layout Amazon
// removed, settlementLegacy.report.ts): one item per line, or a summary per settlement.
//
// A settlement file is written in its marketplace's locale (95,00 in Germany, 1,234.56 in the US)
// and is not requested for a marketplace, so the file itself says how to read it: its first lines
// are read ahead until their numbers show the decimal mark (and their short dates the day-month
// order), then every line is typed the same way. What the file does not show is taken from the
// marketplace it names (marketplace-name), never guessed per cell: an amount that stays ambiguous
// (1,234) is kept as text, and the summary says so.
//
// The summary is a preset of the shared summary machinery (nodes/shared/output/summarize.ts), fed
// the typed lines: the lines themselves show what the reading could not do (an amount kept as
// text, a posted date kept as written), which the preset counts; why, when it is the file's as a
// whole (no decimal mark shown), the line reader remarks (`remarks`) for the summary's warnings.
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { FilterCondition } from '../../shared/output/filter';
import type { Aggregation, SummaryFacts, SummaryFormat, SummaryPreset } from '../../shared/output/summarize';
import type { FileDateOrder } from '../../shared/pipeline/dates';
import { DayOrderEvidence, DecimalMarkEvidence } from '../../shared/pipeline/conventions';
import type { ColumnSpec } from '../../shared/pipeline/records';
import { RecordShaper } from '../../shared/pipeline/records';
import type { DecimalMark } from '../../shared/pipeline/values';
import { normaliseHeader } from '../../shared/pipeline/values';
import type { Marketplace } from '../marketplaces';
import { AMAZON_SITES, marketplaceBySite } from '../marketplaces';
import type { LineReader, ShapeContext } from './types';

export const SETTLEMENT_OUTPUT_PARAMETER: INodeProperties = {
	displayName: 'Output',
	name: 'settlementOutput',
	type: 'options',
	options: [
		{
			name: 'One Item per Line',
			value: 'lines',
			description:
				'Every line of the file: first the settlement’s summary line (lineType "summary"), then each amount (lineType "transaction"), each with the settlement’s dates and currency',
		},
		{
			name: 'Summary per Settlement',
			value: 'summary',
			description: 'One item per settlement: deposit, total, totals by transaction type and amount type, counts, and a ready-made "text" for Slack or email',
		},
	],
	default: 'lines',
};

/** Where a line's amounts are, for the summary: a column of amounts, and what kind each one is. */
export interface SettlementAmountColumn {
	/** Key of the amount. */
	amount: string;
	/** Key of the amount's type (amount-type), or the type itself when the column says it (price-amount: ItemPrice). */
	amountTypeKey?: string;
	amountType?: string;
	/** Key of the amount's description (amount-description, price-type …). */
	descriptionKey?: string;
}

/** Lines read ahead, at most, to learn how the file writes numbers and dates. */
const LOOKAHEAD_LINES = 1_000;

export function settlementLineReader(columns: ColumnSpec[]): (context: ShapeContext) => LineReader {
	return (context) => new SettlementLines(columns, context);
}

class SettlementLines implements LineReader {
	private titles: string[] = [];

	private shaper: RecordShaper | undefined;

	/** Lines read ahead (copies), before the file has shown its conventions. */
	private held: string[][] = [];

	private readonly decimalMarks = new DecimalMarkEvidence();

	private readonly dayOrders = new DayOrderEvidence();

	private fileMarketplace: Marketplace | undefined;

	private fileCurrency: string | undefined;

	/** Positions of the columns the read-ahead looks at. */
	private positions = { numbers: [] as number[], dates: [] as number[], postedDate: -1, postedDateTime: -1, marketplace: -1, currency: -1 };

	/** The last posted-date-time and its day. */
	private lastPosted: [string | undefined, string | undefined] = [undefined, undefined];

	/** The settlement whose summary line came last: its dates and currency go to the lines after it. */
	private current: IDataObject | undefined;

	/** Why amounts that stay text could not be read, when the file did not show its decimal mark. */
	private numberNote: string | undefined;

	constructor(
		private readonly columns: ColumnSpec[],
		private readonly context: ShapeContext,
	) {}

	header(cells: string[]): void {
		this.titles = cells.slice();
		const byTitle = new Map<string, ColumnSpec>();
		for (const column of this.columns) for (const title of column.titles) byTitle.set(normaliseHeader(title), column);
		cells.forEach((title, position) => {
			const column = byTitle.get(normaliseHeader(title));
			if (!column) return;
			if (column.type === 'decimal') this.positions.numbers.push(position);
			if (column.type === 'date' || column.type === 'datetime') this.positions.dates.push(position);
			if (column.key === 'postedDate') this.positions.postedDate = position;
			if (column.key === 'postedDateTime') this.positions.postedDateTime = position;
			if (column.key === 'marketplaceName') this.positions.marketplace = position;
			if (column.key === 'currency') this.positions.currency = position;
		});
	}

	line(cells: string[], emit: (item: IDataObject) => void): void {
		if (this.shaper) {
			this.take(cells, emit);
			return;
		}
		this.held.push(cells.slice());
		this.learnFrom(cells);
		if (this.held.length >= LOOKAHEAD_LINES || this.conventionsKnown()) this.start(emit);
	}

	end(emit: (item: IDataObject) => void): void {
		if (!this.shaper && this.held.length) this.start(emit);
	}

	/** Why the numbers kept as text could not be read: the file's as a whole, which no line says. */
	remarks(): IDataObject {
		return this.numberNote ? { numbers: this.numberNote } : {};
	}

	private learnFrom(cells: string[]): void {
		const { numbers, dates, postedDate, postedDateTime, marketplace, currency } = this.positions;
		for (const position of numbers) this.decimalMarks.observe(cells[position]);
		for (const position of dates) {
			this.dayOrders.observe(cells[position], position === postedDate && postedDateTime >= 0 ? cells[postedDateTime] : undefined);
		}
		this.fileMarketplace ??= marketplace >= 0 ? marketplaceBySite(cells[marketplace]) : undefined;
		if (currency >= 0 && cells[currency]?.trim()) this.fileCurrency ??= cells[currency].trim().toUpperCase();
	}

	/** Both known: the summary line shows the decimal mark, but short dates only come in later lines (if at all). */
	private conventionsKnown(): boolean {
		return this.decimalMarks.verdict !== undefined && this.dayOrders.verdict !== undefined;
	}

	/** Decides how the file writes numbers and dates, then types the lines held back. */
	private start(emit: (item: IDataObject) => void): void {
		const marketplace = this.fileMarketplace ?? this.context.marketplace;
		this.shaper = new RecordShaper(this.titles, this.columns, {
			cells: { decimalMark: this.decimalMark(), dateOrder: this.dateOrder(marketplace), zone: marketplace?.zone ?? 'UTC' },
		});
		const held = this.held;
		this.held = [];
		for (const cells of held) this.take(cells, emit);
	}

	private decimalMark(): DecimalMark | 'unknown' {
		const shown = this.decimalMarks.verdict;
		if (shown === '.' || shown === ',') return shown;
		if (shown === 'mixed') {
			this.numberNote = 'the file writes numbers both as 1,234.56 and as 1.234,56';
			return 'unknown';
		}
		// No number of the first lines shows its mark (whole amounts, or 1,234): the marketplace's.
		const marketplace = this.fileMarketplace ?? currencyMarketplace(this.fileCurrency) ?? this.context.marketplace;
		if (marketplace) return marketplace.decimalComma ? ',' : '.';
		this.numberNote = 'the file neither shows its decimal mark nor names its marketplace, so 1,234 could be 1234 or 1.234';
		return 'unknown';
	}

	private dateOrder(marketplace: Marketplace | undefined): FileDateOrder {
		// Japan writes YY/MM/DD (25/06/09 is not the 25th). Elsewhere Amazon's documented order is not
		// what real files show (a US file wrote posted-date 09/06/25 for 9 June): only what the
		// file's dates prove counts.
		if (marketplace?.dateOrder === 'YMD') return 'YMD';
		const shown = this.dayOrders.verdict;
		return shown === 'DMY' || shown === 'MDY' ? shown : 'unknown';
	}

	private take(cells: string[], emit: (item: IDataObject) => void): void {
		const record = (this.shaper as RecordShaper).shape(cells);
		const summary = record.totalAmount !== null && record.transactionType === null;
		record.lineType = summary ? 'summary' : 'transaction';
		if (summary) {
			this.current = record;
		} else if (this.current && (record.settlementId === null || record.settlementId === this.current.settlementId)) {
			// Written out: a store per key is several times faster than a loop over the names.
			const current = this.current;
			if (record.settlementStartDate === null) record.settlementStartDate = current.settlementStartDate;
			if (record.settlementEndDate === null) record.settlementEndDate = current.settlementEndDate;
			if (record.depositDate === null) record.depositDate = current.depositDate;
			if (record.currency === null) record.currency = current.currency;
		}
		// posted-date-time says the day for certain; posted-date's order of day and month varies.
		const postedDateTime = record.postedDateTime;
		if (typeof postedDateTime === 'string') {
			// The lines of one order share it: its day is taken once.
			if (postedDateTime !== this.lastPosted[0]) this.lastPosted = [postedDateTime, /^\d{4}-\d{2}-\d{2}T/.test(postedDateTime) ? postedDateTime.slice(0, 10) : undefined];
			if (this.lastPosted[1]) record.postedDate = this.lastPosted[1];
		}
		emit(record);
	}
}

/** A marketplace that the currency alone names (not the euro: Ireland writes 1,234.56, Germany 1.234,56). */
function currencyMarketplace(currency: string | undefined): Marketplace | undefined {
	const site = currency ? CURRENCY_SITES[currency] : undefined;
	return site ? marketplaceBySite(site) : undefined;
}

const CURRENCY_SITES: Record<string, string> = {
	USD: 'amazon.com',
	CAD: 'amazon.ca',
	MXN: 'amazon.com.mx',
	BRL: 'amazon.com.br',
	GBP: 'amazon.co.uk',
	SEK: 'amazon.se',
	PLN: 'amazon.pl',
	TRY: 'amazon.com.tr',
	JPY: 'amazon.co.jp',
	AUD: 'amazon.com.au',
	SGD: 'amazon.sg',
	INR: 'amazon.in',
	AED: 'amazon.ae',
	SAR: 'amazon.sa',
	EGP: 'amazon.eg',
	ZAR: 'amazon.co.za',
};

// ── Summary per Settlement: a preset of the shared summary machinery ───────────────────────────

/** Bounds on what a summary keeps, whatever the file holds. */
const MAX_SETTLEMENTS = 100;
/** Transaction types, and amount types with their descriptions, kept apart; past this, new ones are summed as "(others)". */
const MAX_KINDS = 500;
/** Order IDs kept to count orders and refunds; a settlement with more leaves the counts out (null). */
const MAX_ORDER_IDS = 500_000;
const OTHERS = '(others)';

const SUMMARY_LINE: FilterCondition[] = [{ field: 'lineType', operator: 'equals', value: 'summary' }];
const TRANSACTION: FilterCondition[] = [{ field: 'lineType', operator: 'equals', value: 'transaction' }];
// The Amazon site the lines name (not "Non-Amazon", which multi-channel orders can say), else the last name they give.
const AMAZON_SITE: FilterCondition[] = [{ field: 'marketplaceName', operator: 'isOneOf', value: AMAZON_SITES.join(',') }];
const NAMED_MARKETPLACE: FilterCondition[] = [{ field: 'marketplaceName', operator: 'isNotEmpty' }];

/**
 * Summary per Settlement, from totals kept while the file streams (never its lines): one item per
 * settlement of the file, its summary line's dates, total and currency, the lines' total, counts,
 * and totals by transaction type and by amount type (each amount column of the old layout read as
 * a row of its own kind), warnings, and a text for Slack with amounts as the marketplace writes them.
 */
export function settlementSummary(columns: ColumnSpec[], amounts: SettlementAmountColumn[]): SummaryPreset {
	const amountFields = amounts.map((column) => column.amount);
	const numberFields = columns.filter((column) => column.type === 'decimal' || column.type === 'integer').map((column) => column.key);
	const first = (field: string, name = field): Aggregation => ({ op: 'first', field, name });
	return {
		per: { field: 'settlementId', max: MAX_SETTLEMENTS },
		sections: [
			{
				name: 'summaryLine',
				where: SUMMARY_LINE,
				values: [
					first('settlementStartDate'),
					first('settlementEndDate'),
					first('depositDate'),
					first('totalAmount'),
					first('currency', 'summaryCurrency'),
					{ op: 'count', name: 'summaryLines' },
				],
				output: 'fields',
			},
			{
				name: 'transactionLines',
				where: TRANSACTION,
				values: [
					{ op: 'first', field: 'marketplaceName', where: AMAZON_SITE, name: 'amazonSite' },
					{ op: 'latest', field: 'marketplaceName', where: NAMED_MARKETPLACE, name: 'lastMarketplaceName' },
					{ op: 'countUnreadable', field: 'postedDate', name: 'undatedLines' },
				],
				output: 'fields',
			},
			{
				name: 'allLines',
				values: [first('currency', 'firstCurrency'), { op: 'countUnreadable', fields: numberFields, name: 'numbersKeptAsText' }],
				output: 'fields',
			},
			{
				name: 'transactionTypes',
				where: TRANSACTION,
				groupBy: [{ field: 'transactionType', otherwise: '(none)' }],
				others: { after: MAX_KINDS, fields: { transactionType: OTHERS } },
				values: [
					{ op: 'sum', fields: amountFields, name: 'total' },
					{ op: 'count', name: 'lines' },
					{ op: 'countUnique', field: 'orderId', max: MAX_ORDER_IDS, name: 'orders' },
					{ op: 'sum', field: 'quantityPurchased', name: 'quantity' },
				],
				output: 'list',
			},
			{
				name: 'amountTypes',
				where: TRANSACTION,
				split: {
					required: 'amount',
					rows: amounts.map((column) => ({
						amount: column.amount,
						amountType: column.amountType === undefined ? (column.amountTypeKey ?? { value: null }) : { value: column.amountType },
						amountDescription: column.descriptionKey ?? { value: null },
					})),
				},
				groupBy: [{ field: 'amountType' }, { field: 'amountDescription' }],
				others: { after: MAX_KINDS, fields: { amountType: OTHERS, amountDescription: null } },
				values: [
					{ op: 'sum', field: 'amount', name: 'total' },
					{ op: 'count', name: 'lines' },
				],
				output: 'list',
			},
			{
				name: 'linesTotals',
				from: 'transactionTypes',
				values: [
					{ op: 'sum', field: 'total', name: 'linesTotal' },
					{ op: 'sum', field: 'lines', name: 'lines' },
				],
				output: 'fields',
			},
			{
				name: 'totalsByTransactionType',
				from: 'transactionTypes',
				groupBy: [{ field: 'transactionType' }],
				values: [{ op: 'sum', field: 'total', name: 'total' }],
				output: 'object',
			},
			{
				name: 'totalsByAmountType',
				from: 'amountTypes',
				groupBy: [{ field: 'amountType', otherwise: '(none)' }],
				values: [{ op: 'sum', field: 'total', name: 'total' }],
				output: 'object',
			},
		],
		derive: settlementFields,
		money: { currency: 'currency', locale: 'locale' },
		text: settlementText,
		pick: [
			'settlementId',
			'marketplaceName',
			'currency',
			'settlementStartDate',
			'settlementEndDate',
			'depositDate',
			'totalAmount',
			'linesTotal',
			'linesMatchTotal',
			'lines',
			'orders',
			'refunds',
			'totalsByTransactionType',
			'totalsByAmountType',
			'transactionTypes',
			'amountTypes',
			'reportId',
			'warnings',
			'text',
		],
	};
}

/** What the totals say together: the marketplace and currency, whether the lines add up to the total, orders and refunds, warnings. */
function settlementFields(summary: IDataObject, facts: SummaryFacts): IDataObject {
	// A total the file's convention could not read stays text on the summary line: none here.
	const totalAmount = typeof summary.totalAmount === 'number' ? summary.totalAmount : null;
	const linesTotal = summary.linesTotal as number;
	const transactionTypes = summary.transactionTypes as IDataObject[];
	// Past the order IDs kept, every count is null: none is given.
	const counted = transactionTypes.every((kind) => kind.orders !== null);
	const ordersOf = (transactionType: string) => (counted ? ((transactionTypes.find((kind) => kind.transactionType === transactionType)?.orders as number | undefined) ?? 0) : null);
	const marketplaceName = (summary.amazonSite ?? summary.lastMarketplaceName) as string | null;
	const warnings: string[] = [];
	if (facts.rowsLeftOut) warnings.push(`${facts.rowsLeftOut} line(s) of settlements beyond the first ${MAX_SETTLEMENTS} in this file are left out.`);
	const keptAsText = summary.numbersKeptAsText as number;
	if (keptAsText) {
		const why = facts.remarks.numbers ? ` (${String(facts.remarks.numbers)})` : '';
		warnings.push(`${keptAsText} number(s) are kept as text${why} and left out of the totals: see them with Output "One Item per Line".`);
	}
	const undated = summary.undatedLines as number;
	if (undated) warnings.push(`${undated} line(s) keep their posted date as written: its day and month cannot be told apart.`);
	if (!summary.summaryLines) warnings.push('The file has no summary line: the deposit date and total are unknown.');
	return {
		marketplaceName,
		currency: summary.summaryCurrency ?? summary.firstCurrency,
		totalAmount,
		linesMatchTotal: totalAmount === null ? null : Math.round(totalAmount * 100) === Math.round(linesTotal * 100),
		orders: ordersOf('Order'),
		refunds: ordersOf('Refund'),
		warnings,
		// Amounts in the text as the marketplace writes them.
		locale: marketplaceBySite(marketplaceName)?.locale ?? null,
	};
}

/**
 * "Settlement 123 (Amazon.de): EUR 1.234,56 deposited on 2026-03-05, for … to …." and a line per
 * transaction type, biggest first, amounts as the marketplace writes them.
 */
function settlementText(summary: IDataObject, { money, count }: SummaryFormat): string {
	const transactionTypes = summary.transactionTypes as Array<{ transactionType: string; total: number; lines: number; orders: number | null }>;
	const day = (value: unknown) => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null);
	const where = summary.marketplaceName ? ` (${String(summary.marketplaceName)})` : '';
	const period = day(summary.settlementStartDate) && day(summary.settlementEndDate) ? `, for ${day(summary.settlementStartDate)} to ${day(summary.settlementEndDate)}` : '';
	const total = typeof summary.totalAmount === 'number' ? money(summary.totalAmount) : `no total given (its lines add up to ${money(summary.linesTotal as number)})`;
	const deposit = day(summary.depositDate) ? ` deposited on ${day(summary.depositDate)}` : '';
	const lines = [`Settlement ${String(summary.settlementId ?? '(no ID)')}${where}: ${total}${deposit}${period}.`];
	const biggest = [...transactionTypes].sort((a, b) => Math.abs(b.total) - Math.abs(a.total));
	const counted = (value: number, what: string) => `${count(value)} ${what}${value === 1 ? '' : 's'}`;
	for (const kind of biggest.slice(0, 8)) {
		const orders = kind.orders ? `${counted(kind.orders, kind.transactionType === 'Refund' ? 'refund' : 'order')}, ` : '';
		lines.push(`• ${kind.transactionType}: ${money(kind.total)} (${orders}${counted(kind.lines, 'line')})`);
	}
	if (biggest.length > 8) lines.push(`• … and ${biggest.length - 8} more transaction types`);
	if (summary.linesMatchTotal === false) lines.push(`⚠ The lines add up to ${money(summary.linesTotal as number)}, not to the total.`);
	for (const warning of summary.warnings as string[]) lines.push(`⚠ ${warning}`);
	return lines.join('\n');
}
