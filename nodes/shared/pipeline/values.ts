// Cell parsers: Amazon's text cells to typed JSON values. Empty cells are null everywhere, and a
// cell that does not fit its type keeps its text rather than turning into a wrong value. They
// run once per cell of reports with millions of cells: the common case is a fast path.
import type { DateOrder } from './dates';
import { isoDate, isoDateTimeWithOffset, parseAmazonDateTime, parseDayInOrder, zoneOffsetMinutes } from './dates';

export type CellValue = string | number | boolean | null;

/**
 * How a column's cells are typed: `code` is an identifier that stays a string even when it looks
 * numeric (order ID, SKU, ASIN, postal code); `decimal` amounts keep the digits the file has.
 */
export type ColumnType = 'text' | 'code' | 'integer' | 'decimal' | 'boolean' | 'date' | 'datetime';

/** What typing a cell may depend on besides its text: how the marketplace writes dates and numbers. */
export interface CellContext {
	/** Order of day, month and year in dates without a year first (US M/D/YY, DE DD.MM.YY, …). */
	dateOrder?: DateOrder;
	/** Zone (IANA) for times written without one. */
	zone?: string;
	/** The marketplace writes decimals with a comma (12,99), as flat files of DE, FR, IT and ES can. */
	decimalComma?: boolean;
}

const SPACE = 32;

export function textCell(raw: string): string | null {
	if (raw === '') return null;
	if (raw.charCodeAt(0) > SPACE && raw.charCodeAt(raw.length - 1) > SPACE) return raw;
	const text = raw.trim();
	return text === '' ? null : text;
}

/** A number from text as Amazon writes it: 4.99, -3.49, (3.49), 1,234.56, 12%. Else the text. */
export function numberCell(raw: string, decimalComma = false): number | string | null {
	// Fast path: plain decimal digits, as almost every cell is.
	const first = raw.charCodeAt(0);
	if ((first >= 48 && first <= 57) || first === 45) {
		const value = +raw;
		if (value === value && raw.charCodeAt(1) !== 120 && raw.charCodeAt(raw.length - 1) > SPACE) return value;
	}
	const text = raw.trim();
	if (text === '') return null;
	let plain = text.replace(/^\((.*)\)$/, '-$1').replace(/%$/, '');
	if (decimalComma && /^-?\d{1,3}(\.\d{3})*,\d+$|^-?\d+,\d+$/.test(plain)) {
		plain = plain.replace(/\./g, '').replace(',', '.');
	} else if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(plain)) {
		// Thousands separators only where they are unambiguous: 1,234 or 1,234.56
		plain = plain.replace(/,/g, '');
	}
	const value = Number(plain);
	return plain !== '' && /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(plain) && Number.isFinite(value) ? value : text;
}

export function yesNoCell(raw: string): boolean | string | null {
	const text = raw.trim().toLowerCase();
	if (text === '') return null;
	if (text === 'yes' || text === 'y' || text === 'true') return true;
	if (text === 'no' || text === 'n' || text === 'false') return false;
	return raw.trim();
}

/** A parser per column type, for one file (its marketplace's conventions). */
export function cellParser(type: ColumnType, context: CellContext = {}): (raw: string) => CellValue {
	switch (type) {
		case 'integer':
		case 'decimal':
			return context.decimalComma ? (raw) => numberCell(raw, true) : (raw) => numberCell(raw);
		case 'boolean':
			return yesNoCell;
		case 'date':
			return (raw) => {
				const text = textCell(raw);
				if (text === null) return null;
				const parsed = /^\d{4}-/.test(text) ? parseAmazonDateTime(text) : undefined;
				return (parsed ? isoDate(parsed) : parseDayInOrder(text, context.dateOrder ?? 'MDY')) ?? text;
			};
		case 'datetime':
			return (raw) => {
				const text = textCell(raw);
				return text === null ? null : (isoDateTime(text, context) ?? text);
			};
		default:
			return textCell;
	}
}

/** `2025-03-04 14:39:00 PST`, `04.03.2025 14:39:00 UTC`, `2025-03-04T14:39:00+00:00` → ISO 8601 with the offset. */
export function isoDateTime(text: string, context: CellContext): string | undefined {
	// Already ISO 8601 with its offset (2025-03-04T14:39:00+00:00), as most flat files write it: kept.
	if (isCanonical(text)) return text;
	const parsed = parseAmazonDateTime(text, context.dateOrder);
	if (!parsed) return undefined;
	const offset = zoneOffsetMinutes(parsed, context.zone ?? 'UTC');
	return offset === undefined ? undefined : isoDateTimeWithOffset(parsed, offset);
}

/**
 * Turns a column title into a camelCase key: "Country/Region Code" → countryRegionCode,
 * "Transaction ID" → transactionId, "amazon-order-id" → amazonOrderId.
 */
export function camelCase(title: string): string {
	const words = title
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.split(/[^A-Za-z0-9]+/)
		.filter(Boolean);
	if (!words.length) return title.trim();
	return words
		.map((word, index) => {
			const lower = word.toLowerCase();
			return index === 0 ? lower : lower[0].toUpperCase() + lower.slice(1);
		})
		.join('');
}

/**
 * The form used to match a column title against the known names: case, punctuation and a
 * parenthetical suffix do not count, since Amazon has renamed columns along those lines
 * ("Sales Price" / "Sales Price (Marketplace Currency)").
 */
export function normaliseHeader(title: string): string {
	return title
		.replace(/^\uFEFF/, '')
		.replace(/\([^)]*\)\s*$/, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '');
}

/**
 * `YYYY-MM-DDTHH:MM:SS±HH:MM` exactly, with a valid month, day and time. A regular expression:
 * V8 compiles it to machine code, twice as fast here as testing the characters one by one.
 */
const CANONICAL = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d[+-]\d\d:\d\d$/;

function isCanonical(text: string): boolean {
	return text.length === 25 && CANONICAL.test(text);
}
