// What a trigger remembers of a month-to-date file (the Appstore's monthly sales report), in a few
// kilobytes whatever the month's size, so it emits each line item once:
// - appended rows (the usual case) are found by a digest of the rows already seen, in file order:
//   everything after them is new;
// - a rewritten (restated) month is compared day by day, by count and an order-free digest of the
//   line items' keys: unchanged days emit nothing; in changed days a line item is new unless its
//   key is among the most recent keys remembered exactly (up to RECENT_KEYS per month).
// Keys are 53-bit hashes; state is JSON-safe (n8n saves it with the workflow after every poll).

/** Line items remembered exactly per month, from the most recent days back. */
export const RECENT_KEYS = 10_000;

/** Bytes kept per exact key: 40 bits (a new key is mistaken for a known one about once in 10^8). */
const KEY_BYTES = 5;

export interface MonthMemory {
	/** ETag of the file these counts are of: an unchanged file is not downloaded again. */
	etag?: string;
	/** Rows seen, in file order. */
	rows: number;
	/** Digest of the keys of those rows, in order. */
	prefix: string;
	/** Per transaction day: [count, digest high, digest low]. */
	days: Record<string, [number, number, number]>;
	/** Exact keys of the latest days, KEY_BYTES each, base64. */
	recent: string;
}

/** A 53-bit hash of a string (cyrb53). */
export function hashKey(text: string): number {
	let h1 = 0xdeadbeef;
	let h2 = 0x41c6ce57;
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		h1 = Math.imul(h1 ^ code, 2654435761);
		h2 = Math.imul(h2 ^ code, 1597334677);
	}
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

const high = (hash: number) => Math.floor(hash / 4294967296);
const shortKey = (hash: number) => hash % 2 ** (KEY_BYTES * 8);
const low = (hash: number) => hash >>> 0;

/** One pass over a month's file: decides which line items are new and builds the next memory. */
export class MonthScan {
	private index = 0;

	/** Digest of the keys in file order: of all rows so far, and of the rows remembered before. */
	private chain = { high: 0, low: 0 };


	/** Whether the rows remembered are still the file's first rows; known once they are passed. */
	private prefixHolds: boolean;

	private readonly days = new Map<string, [number, number, number]>();

	private readonly hashesByDay = new Map<string, number[]>();

	private readonly recent: Set<number>;

	/** Rows that may be new in a rewritten month, decided at the end (up to a cap). */
	private readonly undecided: Array<{ day: string; hash: number; row: unknown }> = [];

	private undecidedOverflow = false;

	constructor(
		private readonly previous: MonthMemory | undefined,
		private readonly maxUndecided = 50_000,
	) {
		this.prefixHolds = !previous || previous.rows === 0;
		this.recent = previous ? decodeKeys(previous.recent) : new Set();
	}

	/**
	 * Looks at the next row of the file; returns true when it is new for sure. Rows of a rewritten
	 * month that may be new are held and come out of `finish`.
	 */
	next<Row>(key: string, day: string, row: Row): boolean {
		const hash = hashKey(key);
		const position = this.index++;
		const previous = this.previous;
		this.chain = chainStep(this.chain, hash);
		if (previous && position === previous.rows - 1) {
			this.prefixHolds = digest(this.chain) === previous.prefix;
		}
		let bucket = this.days.get(day);
		if (!bucket) {
			bucket = [0, 0, 0];
			this.days.set(day, bucket);
			this.hashesByDay.set(day, []);
		}
		bucket[0]++;
		bucket[1] ^= high(hash);
		bucket[2] ^= low(hash);
		(this.hashesByDay.get(day) as number[]).push(hash);

		if (!previous) return false;
		if (this.prefixHolds && position >= previous.rows) return true;
		// A rewritten month, or not yet known: rows not remembered exactly are decided at the end.
		if ((position < previous.rows - 1 || !this.prefixHolds) && !this.recent.has(shortKey(hash))) this.hold(day, hash, row);
		return false;
	}

	private hold(day: string, hash: number, row: unknown): void {
		if (this.undecided.length >= this.maxUndecided) {
			this.undecidedOverflow = true;
			return;
		}
		this.undecided.push({ day, hash, row });
	}

	/**
	 * The rows of a rewritten month that are new (in days whose contents changed), and whether a
	 * second pass is needed because there were too many to hold.
	 */
	finish<Row>(): { rows: Row[]; secondPassDays?: Set<string> } {
		const previous = this.previous;
		if (!previous || this.prefixHolds) return { rows: [] };
		const changed = new Set<string>();
		for (const [day, bucket] of this.days) {
			const before = previous.days[day];
			if (!before || before[0] !== bucket[0] || before[1] !== bucket[1] || before[2] !== bucket[2]) changed.add(day);
		}
		if (this.undecidedOverflow) return { rows: [], secondPassDays: changed };
		return { rows: this.undecided.filter((entry) => changed.has(entry.day)).map((entry) => entry.row as Row) };
	}

	/** For a second pass over a rewritten month: whether a row of a changed day is new. */
	isNewInSecondPass(key: string, day: string, changedDays: Set<string>): boolean {
		return changedDays.has(day) && !this.recent.has(shortKey(hashKey(key)));
	}

	/** What to remember of this file. */
	memory(etag: string | undefined): MonthMemory {
		const latestDays = [...this.hashesByDay.keys()].sort().reverse();
		const keys: number[] = [];
		for (const day of latestDays) {
			const hashes = this.hashesByDay.get(day) as number[];
			if (keys.length + hashes.length > RECENT_KEYS) break;
			for (const hash of hashes) keys.push(hash);
		}
		return {
			...(etag ? { etag } : {}),
			rows: this.index,
			prefix: digest(this.chain),
			days: Object.fromEntries(this.days),
			recent: encodeKeys(keys),
		};
	}
}

function chainStep(chain: { high: number; low: number }, hash: number): { high: number; low: number } {
	const nextLow = Math.imul(chain.low ^ low(hash), 0x85ebca6b) ^ (chain.high >>> 13);
	return { low: nextLow, high: Math.imul(chain.high ^ high(hash) ^ (nextLow >>> 16), 0xc2b2ae35) };
}

function digest(chain: { high: number; low: number }): string {
	return `${(chain.high >>> 0).toString(16)}${(chain.low >>> 0).toString(16).padStart(8, '0')}`;
}

function encodeKeys(hashes: number[]): string {
	const bytes = new Uint8Array(hashes.length * KEY_BYTES);
	hashes.forEach((hash, index) => {
		let value = shortKey(hash);
		for (let byte = 0; byte < KEY_BYTES; byte++) {
			bytes[index * KEY_BYTES + byte] = value % 256;
			value = Math.floor(value / 256);
		}
	});
	return Buffer.from(bytes).toString('base64');
}

function decodeKeys(text: string): Set<number> {
	const bytes = Buffer.from(text ?? '', 'base64');
	const keys = new Set<number>();
	for (let offset = 0; offset + KEY_BYTES <= bytes.length; offset += KEY_BYTES) {
		let value = 0;
		for (let byte = KEY_BYTES - 1; byte >= 0; byte--) value = value * 256 + bytes[offset + byte];
		keys.add(value);
	}
	return keys;
}
