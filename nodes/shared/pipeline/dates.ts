// Date parsing for the forms Amazon's files use. Results are ISO 8601 strings, with the offset
// of the zone the file names, so a Sheet or Slack step shows the time the seller saw.

// Offsets in minutes for the zone abbreviations seen in Amazon files.
const ZONE_OFFSETS: Record<string, number> = {
	UTC: 0, GMT: 0, Z: 0, WET: 0,
	BST: 60, WEST: 60, CET: 60, MEZ: 60, CEST: 120, MESZ: 120, EET: 120, EEST: 180,
	PST: -480, PDT: -420, MST: -420, MDT: -360, CDT: -300, EST: -300, EDT: -240,
	AKST: -540, AKDT: -480, HST: -600, AST: -240, ADT: -180, NST: -210, NDT: -150,
	BRT: -180, BRST: -120, ART: -180,
	IST: 330, JST: 540, KST: 540, SGT: 480, HKT: 480,
	AWST: 480, ACST: 570, ACDT: 630, AEST: 600, AEDT: 660, NZST: 720, NZDT: 780,
};

export interface LocalDateTime {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
	/** The zone as written: an abbreviation or an offset; undefined when the text has none. */
	zone?: string;
	hasTime: boolean;
}

export type DateOrder = 'MDY' | 'DMY' | 'YMD';

/**
 * A file's order of day and month, or 'unknown' when the file has not shown it: then a short
 * date is read only when its text leaves no doubt (13/06/25 is day first, 06/13/25 month first,
 * 06/06/25 either way); 05/06/25 is not read, rather than guessed.
 */
export type FileDateOrder = DateOrder | 'unknown';

/**
 * Reads `YYYY-MM-DD[ HH:MM[:SS]] [ZONE]` (or with a T, as ISO 8601) and the short forms
 * `MM/DD/YY`, `DD.MM.YYYY`, `YY/MM/DD` (with an optional time and zone), the short ones in the
 * marketplace's order (US month first); dotted ones are day first wherever they are written
 * (`14.03.2023`). A hand-written scanner: it runs for every row of million-row reports, where
 * regular expressions cost several times more.
 */
export function parseAmazonDateTime(raw: string, order: FileDateOrder = 'MDY'): LocalDateTime | undefined {
	let text = raw;
	if (text.charCodeAt(0) <= 32 || text.charCodeAt(text.length - 1) <= 32) text = text.trim();
	const scan = { text, at: 0 };
	const first = digits(scan, 4);
	const firstLength = scan.at;
	const separator = text.charCodeAt(scan.at);
	if (first < 0 || (separator !== SLASH && separator !== DASH && separator !== DOT)) return undefined;
	scan.at++;
	const secondStart = scan.at;
	const second = digits(scan, 2);
	if (second < 0 || text.charCodeAt(scan.at) !== separator) return undefined;
	const secondLength = scan.at - secondStart;
	scan.at++;
	const thirdStart = scan.at;
	const third = digits(scan, 4);
	const thirdLength = scan.at - thirdStart;
	if (third < 0 || thirdLength === 3 || secondLength > 2) return undefined;
	let year: number;
	let month: number;
	let day: number;
	if (firstLength === 4 || order === 'YMD') {
		if (firstLength === 3 || thirdLength > 2) return undefined;
		[year, month, day] = [firstLength <= 2 ? 2000 + first : first, second, third];
	} else {
		if (firstLength > 2) return undefined;
		year = thirdLength <= 2 ? 2000 + third : third;
		const dayFirst = dayComesFirst(first, second, separator === DOT ? 'DMY' : order);
		if (dayFirst === undefined) return undefined;
		[month, day] = dayFirst ? [second, first] : [first, second];
	}
	const value: LocalDateTime = { year, month, day, hour: 0, minute: 0, second: 0, zone: undefined, hasTime: false };
	const afterDate = text.charCodeAt(scan.at);
	if (afterDate === SPACE || afterDate === T) {
		const timeStart = scan.at;
		while (text.charCodeAt(scan.at) === SPACE || text.charCodeAt(scan.at) === T) scan.at++;
		const hour = digits(scan, 2);
		if (hour >= 0 && text.charCodeAt(scan.at) === COLON) {
			scan.at++;
			const minute = digits(scan, 2);
			if (minute < 0 || scan.at - timeStart < 4) return undefined;
			value.hour = hour;
			value.minute = minute;
			value.hasTime = true;
			if (text.charCodeAt(scan.at) === COLON) {
				scan.at++;
				const seconds = digits(scan, 2);
				if (seconds < 0) return undefined;
				value.second = seconds;
				if (text.charCodeAt(scan.at) === DOT) {
					scan.at++;
					while (isDigit(text.charCodeAt(scan.at))) scan.at++;
				}
			}
		} else {
			// No time: what follows the date must be its zone.
			scan.at = timeStart;
		}
	}
	while (text.charCodeAt(scan.at) === SPACE) scan.at++;
	if (scan.at < text.length) {
		const zone = text.slice(scan.at);
		if (!ZONE_FORM.test(zone)) return undefined;
		value.zone = zone;
	}
	return isValid(value) ? value : undefined;
}

const SPACE = 32;
const DASH = 45;
const DOT = 46;
const SLASH = 47;
const COLON = 58;
const T = 84;
const ZONE_FORM = /^(Z|[A-Za-z]{1,5}|[+-]\d{2}:?\d{2})$/;

const isDigit = (code: number) => code >= 48 && code <= 57;

/** The number at the scan position (1 to `max` digits), or -1. */
function digits(scan: { text: string; at: number }, max: number): number {
	let value = 0;
	const start = scan.at;
	while (scan.at - start < max) {
		const code = scan.text.charCodeAt(scan.at);
		if (!isDigit(code)) break;
		value = value * 10 + code - 48;
		scan.at++;
	}
	return scan.at === start ? -1 : value;
}

/**
 * Whether a short date's first number is its day: by the order given, or, when the order is
 * unknown, by the numbers themselves (a number above 12 is the day); undefined when they cannot tell.
 */
function dayComesFirst(first: number, second: number, order: FileDateOrder): boolean | undefined {
	if (order === 'DMY') return true;
	if (order !== 'unknown') return false;
	if (first === second || (first > 12 && second <= 12)) return true;
	if (second > 12 && first <= 12) return false;
	return undefined;
}

/** Reads a day in the order the marketplace writes it, e.g. 'MDY' for US `M/D/YY`. */
export function parseDayInOrder(raw: string, order: FileDateOrder): string | undefined {
	const text = raw.trim();
	const pieces = text.split(/[./\-\s]+/);
	if (pieces.length < 3 || pieces.slice(0, 3).some((piece) => !/^\d{1,4}$/.test(piece))) return undefined;
	const [a, b, c] = pieces.slice(0, 3);
	let ymd: string[];
	if (order === 'YMD' || a.length > 2) {
		ymd = [a, b, c];
	} else {
		const dayFirst = dayComesFirst(Number(a), Number(b), text.includes('.') ? 'DMY' : order);
		if (dayFirst === undefined) return undefined;
		ymd = dayFirst ? [c, b, a] : [c, a, b];
	}
	const [y, m, d] = ymd;
	const value = { year: fullYear(y), month: Number(m), day: Number(d), hour: 0, minute: 0, second: 0, hasTime: false };
	return isValid(value) ? isoDate(value) : undefined;
}

function fullYear(text: string): number {
	const year = Number(text);
	return text.length <= 2 ? 2000 + year : year;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isValid(v: LocalDateTime): boolean {
	if (v.month < 1 || v.month > 12 || v.day < 1 || v.hour > 23 || v.minute > 59 || v.second > 59) return false;
	const leap = v.year % 4 === 0 && (v.year % 100 !== 0 || v.year % 400 === 0);
	return v.day <= DAYS_IN_MONTH[v.month - 1] + (v.month === 2 && leap ? 1 : 0);
}

const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));
const pad = (n: number, width = 2) => (width === 2 && n >= 0 && n < 100 ? TWO_DIGITS[n] : String(Math.abs(n)).padStart(width, '0'));

export function isoDate(v: Pick<LocalDateTime, 'year' | 'month' | 'day'>): string {
	return `${pad(v.year, 4)}-${pad(v.month)}-${pad(v.day)}`;
}

/**
 * The offset in minutes of a written zone (abbreviation or ±HH:MM), or, when the file has no
 * usable zone, of `fallbackZone` (an IANA name) at that local time.
 */
export function zoneOffsetMinutes(v: LocalDateTime, fallbackZone?: string): number | undefined {
	if (v.zone) {
		const sign = v.zone.charCodeAt(0);
		if ((sign === 43 || sign === 45) && v.zone.length === 6 && v.zone.charCodeAt(3) === 58) {
			// ±HH:MM, the common case, without a regular expression.
			const minutes = Number(v.zone.slice(1, 3)) * 60 + Number(v.zone.slice(4, 6));
			if (Number.isFinite(minutes)) return sign === 45 ? -minutes : minutes;
		}
		const known = ZONE_OFFSETS[v.zone] ?? ZONE_OFFSETS[v.zone.toUpperCase()];
		if (known !== undefined) return known;
		const offset = /^([+-])(\d{2}):?(\d{2})$/.exec(v.zone);
		if (offset) return (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3]));
	}
	return fallbackZone ? ianaOffsetAt(v, fallbackZone) : undefined;
}

/** `2025-03-04T14:39:00-08:00` */
// A million rows keep a million timestamps: the date-and-hour part and the minutes-seconds-offset
// part are each shared between rows (caches), so each timestamp costs one small string (the two
// joined) instead of a tree of eight pieces.
const hourPrefixes = new Map<number, string>();
const offsets = new Map<number, string>();
/** `MM:SS±HH:MM`: 3,600 per offset, shared too. */
const minuteSuffixes = new Map<number, string>();

export function isoDateTimeWithOffset(v: LocalDateTime, offsetMinutes: number): string {
	const hourKey = ((v.year * 16 + v.month) * 32 + v.day) * 32 + v.hour;
	let prefix = hourPrefixes.get(hourKey);
	if (prefix === undefined) {
		prefix = `${isoDate(v)}T${pad(v.hour)}:`;
		if (hourPrefixes.size > 50_000) hourPrefixes.clear();
		hourPrefixes.set(hourKey, prefix);
	}
	const suffixKey = (offsetMinutes + 2048) * 4096 + v.minute * 64 + v.second;
	let suffix = minuteSuffixes.get(suffixKey);
	if (suffix === undefined) {
		let offset = offsets.get(offsetMinutes);
		if (offset === undefined) {
			const absolute = Math.abs(offsetMinutes);
			offset = `${offsetMinutes < 0 ? '-' : '+'}${pad(Math.trunc(absolute / 60))}:${pad(absolute % 60)}`;
			offsets.set(offsetMinutes, offset);
		}
		suffix = TWO_DIGITS[v.minute] + ':' + TWO_DIGITS[v.second] + offset;
		if (minuteSuffixes.size > 50_000) minuteSuffixes.clear();
		minuteSuffixes.set(suffixKey, suffix);
	}
	return prefix + suffix;
}

// Intl is slow: offsets are cached per zone and local hour (a million rows share a few hundred).
const offsetCache = new Map<string, number | undefined>();

function ianaOffsetAt(v: LocalDateTime, zone: string): number | undefined {
	const key = `${zone}|${v.year}-${v.month}-${v.day}T${v.hour}`;
	if (offsetCache.has(key)) return offsetCache.get(key);
	let offset: number | undefined;
	try {
		const asUtc = Date.UTC(v.year, v.month - 1, v.day, v.hour, v.minute, v.second);
		// The zone's offset at a UTC instant; one correction step lands on the local wall time.
		offset = offsetAtInstant(asUtc, zone);
		offset = offsetAtInstant(asUtc - offset * 60_000, zone);
	} catch {
		offset = undefined;
	}
	if (offsetCache.size > 10_000) offsetCache.clear();
	offsetCache.set(key, offset);
	return offset;
}

function offsetAtInstant(epochMs: number, zone: string): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone: zone,
		hourCycle: 'h23',
		year: 'numeric',
		month: 'numeric',
		day: 'numeric',
		hour: 'numeric',
		minute: 'numeric',
		second: 'numeric',
	}).formatToParts(new Date(epochMs));
	const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
	const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
	return Math.round((local - Math.floor(epochMs / 1000) * 1000) / 60_000);
}
