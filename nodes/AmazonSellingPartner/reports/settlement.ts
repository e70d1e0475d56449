// Settlement reports, shared by both registrations (settlement.report.ts, and the layout Amazon
// removed, settlementLegacy.report.ts): one item per line, or a summary per settlement.
//
// A settlement file is written in its marketplace's locale (95,00 in Germany, 1,234.56 in the US)
// and is not requested for a marketplace, so the file itself says how to read it: its first lines
// are read ahead until their numbers show the decimal mark (and their short dates the day-month
// order), then every line is typed the same way. What the file does not show is taken from the
// marketplace it names (marketplace-name), never guessed per cell: an amount that stays ambiguous
// (1,234) is kept as text, and the summary says so.
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { FileDateOrder } from '../../shared/pipeline/dates';
import { DayOrderEvidence, DecimalMarkEvidence } from '../../shared/pipeline/conventions';
import type { ColumnSpec } from '../../shared/pipeline/records';
import { RecordShaper } from '../../shared/pipeline/records';
import type { DecimalMark } from '../../shared/pipeline/values';
import { normaliseHeader } from '../../shared/pipeline/values';
import { AmountTotals } from '../../shared/totals';
import type { Marketplace } from '../marketplaces';
import { marketplaceBySite } from '../marketplaces';
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

/** Bounds on what a summary keeps, whatever the file holds. */
const MAX_SETTLEMENTS = 100;
const MAX_KINDS = 500;
/** Order IDs kept to count orders and refunds; a settlement with more leaves the counts out (null). */
const MAX_ORDER_IDS = 500_000;

export function settlementLineReader(columns: ColumnSpec[], amounts: SettlementAmountColumn[]): (context: ShapeContext) => LineReader {
	return (context) => new SettlementLines(columns, amounts, context);
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

	/** Lines of settlements past MAX_SETTLEMENTS, left out of the summary. */
	private linesLeftOut = 0;

	/** The settlement whose summary line came last: its dates and currency go to the lines after it. */
	private current: IDataObject | undefined;

	/** Why amounts that stay text could not be read, when the file did not show its decimal mark. */
	private numberNote: string | undefined;

	private readonly settlements = new Map<string, SettlementTotals>();

	private readonly numberKeys: string[];

	constructor(
		private readonly columns: ColumnSpec[],
		private readonly amounts: SettlementAmountColumn[],
		private readonly context: ShapeContext,
	) {
		this.numberKeys = columns.filter((column) => column.type === 'decimal' || column.type === 'integer').map((column) => column.key);
	}

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
		if (this.context.output !== 'summary') return;
		const notes = this.linesLeftOut ? [`${this.linesLeftOut} line(s) of settlements beyond the first ${MAX_SETTLEMENTS} in this file are left out.`] : [];
		for (const settlement of this.settlements.values()) emit(settlement.item(this.numberNote, this.context.reportId, notes));
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
		if (this.context.output === 'summary') this.add(record);
		else emit(record);
	}

	private add(record: IDataObject): void {
		const id = String(record.settlementId ?? '');
		let settlement = this.settlements.get(id);
		if (!settlement) {
			if (this.settlements.size >= MAX_SETTLEMENTS) {
				this.linesLeftOut++;
				return;
			}
			settlement = new SettlementTotals(id);
			this.settlements.set(id, settlement);
		}
		settlement.add(record, this.amounts, this.numberKeys);
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

interface Kind {
	total: AmountTotals;
	lines: number;
	quantity: number;
}

/** One settlement's totals, line by line: what the summary keeps instead of the lines. */
class SettlementTotals {
	private summary: IDataObject | undefined;

	private marketplaceName: string | null = null;

	private currency: string | null = null;

	private lines = 0;

	private readonly linesTotal = new AmountTotals();

	private readonly byTransactionType = new Map<string, Kind>();

	private readonly byAmountType = new Map<string, AmountKind>();

	/** Order IDs per transaction type, to count orders and refunds; undefined once too many. */
	private orderIds: Map<string, Set<string>> | undefined = new Map();

	private orderIdCount = 0;

	private unreadableNumbers = 0;

	private undatedLines = 0;

	constructor(private readonly settlementId: string) {}

	add(record: IDataObject, amounts: SettlementAmountColumn[], numberKeys: string[]): void {
		this.currency ??= typeof record.currency === 'string' ? record.currency : null;
		for (const key of numberKeys) if (typeof record[key] === 'string') this.unreadableNumbers++;
		if (record.lineType === 'summary') {
			this.summary ??= record;
			return;
		}
		this.lines++;
		// The Amazon site the lines name (not "Non-Amazon", which multi-channel orders can say).
		const marketplaceName = record.marketplaceName;
		if (typeof marketplaceName === 'string' && marketplaceName !== this.marketplaceName && !marketplaceBySite(this.marketplaceName)) {
			this.marketplaceName = marketplaceName;
		}
		// A posted date kept as written (not YYYY-MM-DD…).
		const postedDate = record.postedDate;
		if (typeof postedDate === 'string' && postedDate.charCodeAt(4) !== 45) this.undatedLines++;
		const transactionType = typeof record.transactionType === 'string' ? record.transactionType : '(none)';
		const transaction = kindOf(this.byTransactionType, transactionType, noFields);
		if (typeof record.orderId === 'string' && this.orderIds) this.countOrder(transactionType, record.orderId);
		transaction.lines++;
		if (typeof record.quantityPurchased === 'number') transaction.quantity += record.quantityPurchased;
		for (const column of amounts) {
			const amount = record[column.amount];
			if (typeof amount !== 'number') continue;
			const amountType = column.amountType ?? textOf(record, column.amountTypeKey);
			const amountDescription = textOf(record, column.descriptionKey);
			this.linesTotal.add(amount);
			transaction.total.add(amount);
			const kind = kindOf(this.byAmountType, `${amountType ?? ''}\u0000${amountDescription ?? ''}`, amountFields, amountType, amountDescription);
			kind.total.add(amount);
			kind.lines++;
		}
	}

	private countOrder(transactionType: string, orderId: string): void {
		const orders = this.orderIds as Map<string, Set<string>>;
		let ids = orders.get(transactionType);
		if (!ids) orders.set(transactionType, (ids = new Set()));
		if (ids.has(orderId)) return;
		ids.add(orderId);
		if (++this.orderIdCount > MAX_ORDER_IDS) this.orderIds = undefined;
	}

	private ordersOf(transactionType: string): number | null {
		return this.orderIds ? (this.orderIds.get(transactionType)?.size ?? 0) : null;
	}

	item(numberNote: string | undefined, reportId: string | undefined, notes: string[]): IDataObject {
		const summary = this.summary ?? {};
		const value = (key: string) => (summary[key] === undefined ? null : summary[key]);
		const totalAmount = typeof summary.totalAmount === 'number' ? summary.totalAmount : null;
		const linesTotal = this.linesTotal.value;
		const transactionTypes = [...this.byTransactionType].map(([transactionType, kind]) => ({
			transactionType,
			total: kind.total.value,
			lines: kind.lines,
			orders: this.ordersOf(transactionType),
			quantity: kind.quantity,
		}));
		const amountTypes = [...this.byAmountType.values()].map((kind) => ({
			amountType: kind.amountType,
			amountDescription: kind.amountDescription,
			total: kind.total.value,
			lines: kind.lines,
		}));
		const totalsByAmountType: Record<string, AmountTotals> = {};
		for (const kind of this.byAmountType.values()) {
			const key = kind.amountType ?? '(none)';
			(totalsByAmountType[key] ??= new AmountTotals()).add(kind.total.value);
		}
		const warnings = [...notes];
		if (this.unreadableNumbers) {
			warnings.push(
				`${this.unreadableNumbers} number(s) are kept as text${numberNote ? ` (${numberNote})` : ''} and left out of the totals: see them with Output "One Item per Line".`,
			);
		}
		if (this.undatedLines) warnings.push(`${this.undatedLines} line(s) keep their posted date as written: its day and month cannot be told apart.`);
		if (!this.summary) warnings.push('The file has no summary line: the deposit date and total are unknown.');
		const currency = (value('currency') as string | null) ?? this.currency;
		const item: IDataObject = {
			settlementId: this.settlementId || null,
			marketplaceName: this.marketplaceName,
			currency,
			settlementStartDate: value('settlementStartDate'),
			settlementEndDate: value('settlementEndDate'),
			depositDate: value('depositDate'),
			totalAmount,
			linesTotal,
			linesMatchTotal: totalAmount === null ? null : Math.round(totalAmount * 100) === Math.round(linesTotal * 100),
			lines: this.lines,
			orders: this.ordersOf('Order'),
			refunds: this.ordersOf('Refund'),
			totalsByTransactionType: Object.fromEntries(transactionTypes.map((kind) => [kind.transactionType, kind.total])),
			totalsByAmountType: Object.fromEntries(Object.entries(totalsByAmountType).map(([key, total]) => [key, total.value])),
			transactionTypes,
			amountTypes,
			reportId: reportId ?? null,
			warnings,
		};
		item.text = sentence(item, transactionTypes, warnings);
		return item;
	}
}

const OTHERS = '(others)';

type AmountKind = Kind & { amountType: string | null; amountDescription: string | null };

/** The totals of one kind (a transaction type, an amount type and description), made when first seen. */
function kindOf<K extends Kind>(
	kinds: Map<string, K>,
	key: string,
	fields: (others: boolean, type: string | null, description: string | null) => Omit<K, keyof Kind>,
	type: string | null = null,
	description: string | null = null,
): K {
	let kind = kinds.get(key);
	if (!kind) {
		// A file with endless kinds (free-text descriptions) is summed under one.
		const others = kinds.size >= MAX_KINDS;
		const bounded = others ? OTHERS : key;
		kind = kinds.get(bounded);
		if (!kind) {
			kind = { ...fields(others, type, description), total: new AmountTotals(), lines: 0, quantity: 0 } as K;
			kinds.set(bounded, kind);
		}
	}
	return kind;
}

const noFields = () => ({});

const amountFields = (others: boolean, amountType: string | null, amountDescription: string | null) =>
	others ? { amountType: OTHERS, amountDescription: null } : { amountType, amountDescription };

function textOf(record: IDataObject, key: string | undefined): string | null {
	const value = key ? record[key] : null;
	return typeof value === 'string' ? value : null;
}

interface TransactionKind {
	transactionType: string;
	total: number;
	lines: number;
	orders: number | null;
}

/**
 * "Settlement 123 (Amazon.de): EUR 1.234,56 deposited on 2026-03-05, for … to …." and a line per
 * transaction type, biggest first, amounts as the marketplace writes them.
 */
function sentence(item: IDataObject, transactionTypes: TransactionKind[], warnings: string[]): string {
	const marketplace = marketplaceBySite(item.marketplaceName as string | null);
	const money = moneyFormat(item.currency as string | null, marketplace);
	const day = (value: unknown) => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null);
	const where = item.marketplaceName ? ` (${String(item.marketplaceName)})` : '';
	const period = day(item.settlementStartDate) && day(item.settlementEndDate) ? `, for ${day(item.settlementStartDate)} to ${day(item.settlementEndDate)}` : '';
	const total = typeof item.totalAmount === 'number' ? money(item.totalAmount) : `no total given (its lines add up to ${money(item.linesTotal as number)})`;
	const deposit = day(item.depositDate) ? ` deposited on ${day(item.depositDate)}` : '';
	const lines = [`Settlement ${String(item.settlementId ?? '(no ID)')}${where}: ${total}${deposit}${period}.`];
	const biggest = [...transactionTypes].sort((a, b) => Math.abs(b.total) - Math.abs(a.total));
	const counted = (count: number, what: string) => `${count.toLocaleString('en-US')} ${what}${count === 1 ? '' : 's'}`;
	for (const kind of biggest.slice(0, 8)) {
		const orders = kind.orders ? `${counted(kind.orders, kind.transactionType === 'Refund' ? 'refund' : 'order')}, ` : '';
		lines.push(`• ${kind.transactionType}: ${money(kind.total)} (${orders}${counted(kind.lines, 'line')})`);
	}
	if (biggest.length > 8) lines.push(`• … and ${biggest.length - 8} more transaction types`);
	if (item.linesMatchTotal === false) lines.push(`⚠ The lines add up to ${money(item.linesTotal as number)}, not to the total.`);
	for (const warning of warnings) lines.push(`⚠ ${warning}`);
	return lines.join('\n');
}

// How amounts read in the marketplace's country (the file's own convention).
const LOCALES: Record<string, string> = {
	US: 'en-US', CA: 'en-CA', MX: 'es-MX', BR: 'pt-BR', UK: 'en-GB', DE: 'de-DE', FR: 'fr-FR', IT: 'it-IT', ES: 'es-ES',
	NL: 'nl-NL', SE: 'sv-SE', PL: 'pl-PL', BE: 'nl-BE', IE: 'en-IE', TR: 'tr-TR', EG: 'en-EG', SA: 'en-SA', AE: 'en-AE',
	IN: 'en-IN', ZA: 'en-ZA', JP: 'ja-JP', AU: 'en-AU', SG: 'en-SG',
};

/** "EUR 1.234,56" in Germany, "USD 1,234.56" in the US, with the currency's own number of decimals. */
function moneyFormat(currency: string | null, marketplace: Marketplace | undefined): (amount: number) => string {
	let digits = 2;
	try {
		if (currency) digits = new Intl.NumberFormat('en-US', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
	} catch {
		digits = 2;
	}
	const format = new Intl.NumberFormat(LOCALES[marketplace?.country ?? ''] ?? 'en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
	return (amount) => `${currency ? `${currency} ` : ''}${format.format(amount)}`;
}
