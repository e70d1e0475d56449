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

const TIME_AND_ZONE = '(?:[ T]+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?)?(?:\\s*(Z|[A-Za-z]{1,5}|[+-]\\d{2}:?\\d{2}))?$';
const ISO_FORM = new RegExp(`^(\\d{4})-(\\d{2})-(\\d{2})${TIME_AND_ZONE}`);
// 03/04/25, 04.03.2025, 25/03/04: which number is the day depends on the marketplace.
const SHORT_FORM = new RegExp(`^(\\d{1,4})[./-](\\d{1,2})[./-](\\d{1,4})${TIME_AND_ZONE}`);

/**
 * Reads `YYYY-MM-DD[ HH:MM[:SS]] [ZONE]` and the short forms `MM/DD/YY`, `DD.MM.YYYY`, `YY/MM/DD`
 * (with an optional time and zone), the short ones in the marketplace's order (US month first).
 */
export function parseAmazonDateTime(raw: string, order: DateOrder = 'MDY'): LocalDateTime | undefined {
	const text = raw.trim();
	let parts: [number, number, number, string | undefined, string | undefined, string | undefined, string | undefined];
	let match = ISO_FORM.exec(text);
	if (match) {
		parts = [Number(match[1]), Number(match[2]), Number(match[3]), match[4], match[5], match[6], match[7]];
	} else if ((match = SHORT_FORM.exec(text))) {
		const [a, b, c] = [match[1], match[2], match[3]];
		// A four-digit first number is always a year.
		const ymd = order === 'YMD' || a.length === 4;
		const [y, m, d] = ymd ? [a, b, c] : order === 'DMY' ? [c, b, a] : [c, a, b];
		if (y.length === 3 || d.length > 2 || m.length > 2) return undefined;
		parts = [fullYear(y), Number(m), Number(d), match[4], match[5], match[6], match[7]];
	} else {
		return undefined;
	}
	const [year, month, day, hour, minute, second, zone] = parts;
	const value: LocalDateTime = {
		year,
		month,
		day,
		hour: Number(hour ?? 0),
		minute: Number(minute ?? 0),
		second: Number(second ?? 0),
		zone,
		hasTime: hour !== undefined,
	};
	return isValid(value) ? value : undefined;
}

/** Reads a day in the order the marketplace writes it, e.g. 'MDY' for US `M/D/YY`. */
export function parseDayInOrder(raw: string, order: DateOrder): string | undefined {
	const pieces = raw.trim().split(/[./\-\s]+/);
	if (pieces.length < 3 || pieces.slice(0, 3).some((piece) => !/^\d{1,4}$/.test(piece))) return undefined;
	const [a, b, c] = pieces.slice(0, 3);
	const [y, m, d] = order === 'MDY' ? [c, a, b] : order === 'DMY' ? [c, b, a] : [a, b, c];
	const value = { year: fullYear(y), month: Number(m), day: Number(d), hour: 0, minute: 0, second: 0, hasTime: false };
	return isValid(value) ? isoDate(value) : undefined;
}

function fullYear(text: string): number {
	const year = Number(text);
	return text.length <= 2 ? 2000 + year : year;
}

function isValid(v: LocalDateTime): boolean {
	if (v.month < 1 || v.month > 12 || v.day < 1 || v.hour > 23 || v.minute > 59 || v.second > 59) return false;
	return v.day <= new Date(Date.UTC(v.year, v.month, 0)).getUTCDate();
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

export function isoDate(v: Pick<LocalDateTime, 'year' | 'month' | 'day'>): string {
	return `${pad(v.year, 4)}-${pad(v.month)}-${pad(v.day)}`;
}

/**
 * The offset in minutes of a written zone (abbreviation or ±HH:MM), or, when the file has no
 * usable zone, of `fallbackZone` (an IANA name) at that local time.
 */
export function zoneOffsetMinutes(v: LocalDateTime, fallbackZone?: string): number | undefined {
	if (v.zone) {
		const offset = /^([+-])(\d{2}):?(\d{2})$/.exec(v.zone);
		if (offset) return (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3]));
		const known = ZONE_OFFSETS[v.zone.toUpperCase()];
		if (known !== undefined) return known;
	}
	return fallbackZone ? ianaOffsetAt(v, fallbackZone) : undefined;
}

/** `2025-03-04T14:39:00-08:00` */
export function isoDateTimeWithOffset(v: LocalDateTime, offsetMinutes: number): string {
	const sign = offsetMinutes < 0 ? '-' : '+';
	const offset = `${sign}${pad(Math.trunc(offsetMinutes / 60))}:${pad(offsetMinutes % 60)}`;
	return `${isoDate(v)}T${pad(v.hour)}:${pad(v.minute)}:${pad(v.second)}${offset}`;
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
