// Summary per Settlement as it was written before it became a preset of the shared summary
// machinery (nodes/AmazonSellingPartner/reports/settlement.ts and nodes/shared/totals.ts at commit
// 1875146), kept verbatim as the oracle: the preset must give exactly what this gave. It is fed the
// items of One Item per Line (the line reader's typing is unchanged), as the old reader fed it.
import type { IDataObject } from 'n8n-workflow';

import type { Marketplace } from '../../nodes/AmazonSellingPartner/marketplaces';
import { marketplaceBySite } from '../../nodes/AmazonSellingPartner/marketplaces';

const SCALE = 10_000;

class AmountTotals {
	private units = 0;

	add(amount: number): void {
		this.units += Math.round(amount * SCALE);
	}

	get value(): number {
		return this.units / SCALE;
	}
}

/** Where a line's amounts are: as the registry files declared them (settlement.report.ts, settlementLegacy.report.ts). */
export interface SettlementAmountColumn {
	amount: string;
	amountTypeKey?: string;
	amountType?: string;
	descriptionKey?: string;
}

const MAX_SETTLEMENTS = 100;
const MAX_KINDS = 500;
const MAX_ORDER_IDS = 500_000;

/** The settlements of one file, line by line (the old SettlementLines' summary side). */
export class SettlementSummaries {
	private readonly settlements = new Map<string, SettlementTotals>();

	private linesLeftOut = 0;

	constructor(
		private readonly amounts: SettlementAmountColumn[],
		private readonly numberKeys: string[],
		/** Why numbers stay text, as the line reader decided it (its numberNote). */
		private readonly numberNote?: string,
		private readonly reportId?: string,
	) {}

	add(record: IDataObject): void {
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

	result(): IDataObject[] {
		const notes = this.linesLeftOut ? [`${this.linesLeftOut} line(s) of settlements beyond the first ${MAX_SETTLEMENTS} in this file are left out.`] : [];
		return [...this.settlements.values()].map((settlement) => settlement.item(this.numberNote, this.reportId, notes));
	}
}

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
