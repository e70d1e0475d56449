// Cell parsers: Amazon's text cells to typed JSON values. Empty cells are null everywhere, and a
// cell that does not fit its type keeps its text rather than turning into a wrong value. They
// run once per cell of reports with millions of cells: the common case is a fast path.
import type { FileDateOrder } from './dates';
import { isoDate, isoDateTimeWithOffset, parseAmazonDateTime, parseDayInOrder, zoneOffsetMinutes } from './dates';

export type CellValue = string | number | boolean | null;

/**
 * How a column's cells are typed: `code` is an identifier that stays a string even when it looks
 * numeric (order ID, SKU, ASIN, postal code); `decimal` amounts keep the digits the file has.
 */
export type ColumnType = 'text' | 'code' | 'integer' | 'decimal' | 'boolean' | 'date' | 'datetime';

/** The character between a number's whole part and its fraction: 1,234.56 or 1.234,56. */
export type DecimalMark = '.' | ',';

/** What typing a cell may depend on besides its text: how the marketplace writes dates and numbers. */
export interface CellContext {
	/** Order of day, month and year in dates without a year first (US M/D/YY, DE DD.MM.YY, …). */
	dateOrder?: FileDateOrder;
	/** Zone (IANA) for times written without one. */
	zone?: string;
	/** The marketplace writes decimals with a comma (12,99), as flat files of DE, FR, IT and ES can. */
	decimalComma?: boolean;
	/**
	 * The decimal mark of the whole file, when known (it overrides decimalComma): each number is
	 * read by it, and one that does not fit it stays text. 'unknown' reads only numbers whose text
	 * leaves no doubt: 1.234,56 and 95,00 are, 1,234 is not (1234 in the US, 1.234 in Germany).
	 */
	decimalMark?: DecimalMark | 'unknown';
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

// Thousands groups: 1,234 and 12,345,678.9, never 0,123 (a fraction).
const GROUPED = { '.': /^[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?$/, ',': /^[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?$/ };
const UNGROUPED = { '.': /^\d+(?:\.\d+)?$/, ',': /^\d+(?:,\d+)?$/ };

/**
 * The decimal mark a number's text shows by itself, whatever the file: 1,234.56 and 12.50 show
 * '.', 1.234,56 and 95,00 show ','; 1,234 and 1.234 show none (thousands in one convention, a
 * fraction in the other), nor do 1234 and text that is not a number.
 */
export function evidentDecimalMark(raw: string): DecimalMark | undefined {
	const digits = unsignedDigits(raw);
	if (digits === undefined) return undefined;
	const dot = digits.lastIndexOf('.');
	const comma = digits.lastIndexOf(',');
	if (dot < 0 && comma < 0) return undefined;
	// Both: the last one is the decimal mark, if the other one only groups thousands before it.
	const mark: DecimalMark = dot > comma ? '.' : ',';
	if (dot >= 0 && comma >= 0) return GROUPED[mark].test(digits) ? mark : undefined;
	const at = Math.max(dot, comma);
	const whole = digits.slice(0, at);
	// One mark alone groups thousands only as 1,234 or 1,234,567: three digits after each, and a
	// whole part of 1–3 digits not starting with 0.
	const couldGroup = digits.length - at - 1 === 3 && whole.length <= 3 && whole[0] !== '0';
	if (digits.indexOf(mark) !== at) return GROUPED[mark === '.' ? ',' : '.'].test(digits) ? (mark === '.' ? ',' : '.') : undefined;
	return couldGroup ? undefined : UNGROUPED[mark].test(digits) ? mark : undefined;
}

/** A number's digits and marks without its sign or accounting brackets, or undefined when it is not one. */
function unsignedDigits(raw: string): string | undefined {
	let text = raw.trim();
	if (text.startsWith('(') && text.endsWith(')')) text = text.slice(1, -1);
	if (text.startsWith('-') || text.startsWith('+')) text = text.slice(1);
	return /^\d[\d.,]*$/.test(text) && /\d$/.test(text) ? text : undefined;
}

/**
 * A number written with the file's decimal mark: 1,234.56 with '.', 1.234,56 with ','. Text that
 * does not fit the mark stays text, and with 'unknown' so does a number whose mark is not evident
 * (1,234): never a number off by a factor of 1,000.
 */
export function amountCell(raw: string, mark: DecimalMark | 'unknown'): number | string | null {
	const text = raw.trim();
	if (text === '') return null;
	const digits = unsignedDigits(text);
	if (digits === undefined) return text;
	const used = mark === 'unknown' ? (evidentDecimalMark(digits) ?? (/[.,]/.test(digits) ? undefined : '.')) : mark;
	if (used === undefined || !(UNGROUPED[used].test(digits) || GROUPED[used].test(digits))) return text;
	const plain = used === '.' ? digits.replace(/,/g, '') : digits.replace(/\./g, '').replace(',', '.');
	const value = Number(plain);
	return (text.startsWith('-') || text.startsWith('(')) && value !== 0 ? -value : value;
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
		case 'decimal': {
			const mark = context.decimalMark;
			if (mark) return (raw) => amountCell(raw, mark);
			return context.decimalComma ? (raw) => numberCell(raw, true) : (raw) => numberCell(raw);
		}
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
