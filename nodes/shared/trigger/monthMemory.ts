// What a trigger remembers of a month-to-date file (the Appstore's monthly sales report), in about
// 80 KB per month whatever the month's size, so it emits each line item (Invoice ID) once:
// - rows appended after the rows already seen (same rows, same order: checked by a digest) are new;
// - a rewritten (restated, reordered) month is compared per 15 minutes of transaction time, by
//   count and an order-free digest (XOR of the keys' hashes): a quarter-hour that had no rows
//   before holds only new rows; one that gained exactly one row names it by the digest; rows
//   among the latest 5,000 remembered exactly are known. Only a quarter-hour that gained two or
//   more rows and lies before those latest rows cannot be told apart: its unknown rows are emitted
//   (a restatement of old transactions may then repeat a few).
// State is JSON-safe, saved by n8n with the workflow after every poll.

/** Line items remembered exactly per month, from the latest transactions back. */
export const RECENT_KEYS = 5_000;

/** Bytes kept per exact key: 40 bits (a new key is mistaken for a known one about once in 10^8). */
const KEY_BYTES = 5;

/** Quarter-hours of a 31-day month, and one more for rows without a time in the month. */
const SLOTS = 31 * 24 * 4 + 1;
const OTHER_SLOT = SLOTS - 1;

/** Rows of a rewritten month held back until its end, before a second reading is needed instead. */
const HELD_ROWS = 20_000;

export interface MonthMemory {
	/** ETag of the file these counts are of: an unchanged file is not downloaded again. */
	etag?: string;
	/** Rows seen, in file order. */
	rows: number;
	/** Digest of the keys of those rows, in order. */
	prefix: string;
	/** Per quarter-hour: count, digest high, digest low (Uint32 × 3 × SLOTS, base64). */
	slots: string;
	/** Exact keys of the latest rows, KEY_BYTES each, base64. */
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
const low = (hash: number) => hash >>> 0;
const shortKey = (hash: number) => hash % 2 ** (KEY_BYTES * 8);

/** The quarter-hour of a local ISO time (`YYYY-MM-DDTHH:MM…`) within `month` (`YYYY-MM`). */
export function slotOf(time: unknown, month: string): number {
	if (typeof time !== 'string' || time.length < 16 || !time.startsWith(month)) return OTHER_SLOT;
	const day = Number(time.slice(8, 10));
	const hour = Number(time.slice(11, 13));
	const minute = Number(time.slice(14, 16));
	if (!(day >= 1 && day <= 31 && hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59)) return OTHER_SLOT;
	return ((day - 1) * 24 + hour) * 4 + Math.floor(minute / 15);
}

/** One reading of a month's file: decides which line items are new and builds the next memory. */
export class MonthScan {
	private index = 0;

	private chain = { high: 0, low: 0 };

	/** Whether the rows remembered are still the file's first rows; known once they are passed. */
	private prefixHolds: boolean;

	private readonly slots = new Uint32Array(SLOTS * 3);

	private readonly previousSlots: Uint32Array;

	private readonly recent: Set<number>;

	/** Hashes by slot, to pick the latest rows to remember exactly. */
	private readonly hashes: number[] = [];

	private readonly slotOfRow: number[] = [];

	/** Rows of a rewritten month that may be new, decided at the end: their index, hash and slot (and the row, while few). */
	private readonly undecided: Array<{ index: number; hash: number; slot: number; row?: unknown }> = [];

	/** Rows held back so far (not just their position). */
	private held = 0;

	constructor(
		private readonly previous: MonthMemory | undefined,
		private readonly month: string,
	) {
		this.prefixHolds = !previous || previous.rows === 0;
		this.previousSlots = previous ? decodeSlots(previous.slots) : new Uint32Array(SLOTS * 3);
		this.recent = previous ? decodeKeys(previous.recent) : new Set();
	}

	/** Looks at the next row of the file; true when it is new for sure (emit it now). */
	next(key: string, time: unknown, row: unknown): boolean {
		const hash = hashKey(key);
		const position = this.index++;
		const slot = slotOf(time, this.month);
		this.chain = chainStep(this.chain, hash);
		this.slots[slot * 3]++;
		this.slots[slot * 3 + 1] ^= high(hash);
		this.slots[slot * 3 + 2] ^= low(hash);
		this.hashes.push(hash);
		this.slotOfRow.push(slot);

		const previous = this.previous;
		if (!previous) return false;
		if (position === previous.rows - 1) this.prefixHolds = digest(this.chain) === previous.prefix;
		// Appended after the rows seen before.
		if (this.prefixHolds && position >= previous.rows) return true;
		// A quarter-hour that had no rows before holds only new ones.
		if (this.previousSlots[slot * 3] === 0) return true;
		if ((position < previous.rows - 1 || !this.prefixHolds) && !this.recent.has(shortKey(hash))) {
			// Rows before the digest check are held only by position: they are old if the file was appended to.
			const keep = position >= previous.rows - 1 && this.held < HELD_ROWS;
			this.undecided.push({ index: position, hash, slot, row: keep ? row : undefined });
			if (keep) this.held++;
		}
		return false;
	}

	/**
	 * The new rows of a rewritten month that could only be decided at its end. When there were
	 * too many to hold, `rereadIndexes` names the rows to take in a second reading of the file.
	 */
	finish<Row>(): { rows: Row[]; rereadIndexes?: Set<number> } {
		if (!this.previous || this.prefixHolds) return { rows: [] };
		const bySlot = new Map<number, Array<(typeof this.undecided)[number]>>();
		for (const entry of this.undecided) {
			const list = bySlot.get(entry.slot) ?? [];
			list.push(entry);
			bySlot.set(entry.slot, list);
		}
		const chosen: Array<(typeof this.undecided)[number]> = [];
		for (const [slot, entries] of bySlot) {
			const before = [this.previousSlots[slot * 3], this.previousSlots[slot * 3 + 1], this.previousSlots[slot * 3 + 2]];
			const now = [this.slots[slot * 3], this.slots[slot * 3 + 1], this.slots[slot * 3 + 2]];
			const gained = now[0] - before[0];
			const xorHigh = (now[1] ^ before[1]) >>> 0;
			const xorLow = (now[2] ^ before[2]) >>> 0;
			if (gained === 0 && xorHigh === 0 && xorLow === 0) continue;
			if (gained === 1) {
				const match = entries.filter((entry) => high(entry.hash) === xorHigh && low(entry.hash) === xorLow);
				if (match.length === 1) {
					chosen.push(match[0]);
					continue;
				}
			}
			// Cannot be told apart by count and digest: its unknown rows go out.
			for (const entry of entries) chosen.push(entry);
		}
		if (chosen.some((entry) => entry.row === undefined)) return { rows: [], rereadIndexes: new Set(chosen.map((entry) => entry.index)) };
		return { rows: chosen.sort((a, b) => a.index - b.index).map((entry) => entry.row as Row) };
	}

	/** What to remember of this file. */
	memory(etag: string | undefined): MonthMemory {
		// The latest rows by transaction time, remembered exactly (whole quarter-hours, up to RECENT_KEYS).
		const rowsBySlot = new Map<number, number[]>();
		this.slotOfRow.forEach((slot, index) => {
			if (slot === OTHER_SLOT) return;
			const list = rowsBySlot.get(slot) ?? [];
			list.push(this.hashes[index]);
			rowsBySlot.set(slot, list);
		});
		const keys: number[] = [];
		for (const slot of [...rowsBySlot.keys()].sort((a, b) => b - a)) {
			const hashes = rowsBySlot.get(slot) as number[];
			if (keys.length + hashes.length > RECENT_KEYS) break;
			for (const hash of hashes) keys.push(hash);
		}
		return {
			...(etag ? { etag } : {}),
			rows: this.index,
			prefix: digest(this.chain),
			slots: Buffer.from(this.slots.buffer, this.slots.byteOffset, this.slots.byteLength).toString('base64'),
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

function decodeSlots(text: string | undefined): Uint32Array {
	const slots = new Uint32Array(SLOTS * 3);
	const bytes = Buffer.from(text ?? '', 'base64');
	if (bytes.length === slots.byteLength) new Uint8Array(slots.buffer).set(bytes);
	return slots;
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

function decodeKeys(text: string | undefined): Set<number> {
	const bytes = Buffer.from(text ?? '', 'base64');
	const keys = new Set<number>();
	for (let offset = 0; offset + KEY_BYTES <= bytes.length; offset += KEY_BYTES) {
		let value = 0;
		for (let byte = KEY_BYTES - 1; byte >= 0; byte--) value = value * 256 + bytes[offset + byte];
		keys.add(value);
	}
	return keys;
}
