// The stop before n8n breaks: n8n saves an execution as one string of its data (flatted JSON), and
// V8 cannot make a string longer than 2^29 − 24 characters (about 512 MB): past that the save fails,
// the execution stays "running" until a restart marks it crashed, and the server stops answering
// for seconds while it tries. Its editor also shows nothing of an execution above 100 MB
// (EXECUTIONS_DATA_MAX_DISPLAY_SIZE). So before handing over items, a node estimates what they add
// to the saved data and stops with an error naming the ways that work at any size.
//
// The estimate is by size, not by row count: what n8n saves per row differs by report family
// (measured in a real n8n 2.41: Appstore sales 0.61 KB, typed orders 0.90 KB, Sales and Traffic
// 0.70 KB; see README "Big reports in n8n"). Each item's JSON is measured for the first rows and
// then every 64th, and the count of rows is multiplied by the average: within 2–6 % of what n8n
// then saved, for each of those families.
import type { IDataObject } from 'n8n-workflow';

const MB = 1024 * 1024;

/**
 * What the items of one node run may add to the saved execution data, by default: about 160,000
 * Appstore rows or 105,000 orders rows. Measured in n8n 2.41 (README "Big reports in n8n"): runs
 * that saved up to about 185 MB finished with the server unresponsive for 2–5 s; at 270–310 MB it
 * dropped connections, and a million rows (about 610 MB) cannot be saved at all. 100 MB leaves
 * room for one node after this one that outputs the same rows again (Google Sheets outputs what it
 * appended), and is what n8n's editor still shows.
 */
export const DEFAULT_MAX_ITEMS_MB = 100;

/** The editor shows nothing of an execution larger than this (n8n's EXECUTIONS_DATA_MAX_DISPLAY_SIZE default). */
export const EDITOR_DISPLAY_LIMIT_MB = 100;

/** n8n's flatted form of an item's JSON, relative to JSON.stringify's (measured, see README). */
const SAVED_PER_JSON_CHAR = 1.0;
/** Per item: its wrapper `{"json":…,"pairedItem":…}` and the indexes flatted writes for it. */
const SAVED_PER_ITEM = 40;

const SAMPLE_ALL_FIRST = 1_000;
const SAMPLE_EVERY = 64;

/** The items one node run hands over (all its input items), with the estimate of their saved size. */
export class ItemBudget {
	rows = 0;

	private sampledChars = 0;

	private sampledRows = 0;

	constructor(public maxBytes: number) {}

	/** Counts one item; false once the items together are estimated past the limit. */
	add(json: IDataObject): boolean {
		const rows = ++this.rows;
		if (rows <= SAMPLE_ALL_FIRST || rows % SAMPLE_EVERY === 0) {
			this.sampledChars += JSON.stringify(json).length;
			this.sampledRows++;
			return this.estimatedBytes <= this.maxBytes;
		}
		return true;
	}

	get estimatedBytes(): number {
		if (!this.sampledRows) return 0;
		return this.rows * ((this.sampledChars / this.sampledRows) * SAVED_PER_JSON_CHAR + SAVED_PER_ITEM);
	}

	/** The estimated size of `rows` items like those seen. */
	estimateFor(rows: number): number {
		return this.sampledRows ? (rows * this.estimatedBytes) / this.rows : 0;
	}
}

const budgets = new WeakMap<object, ItemBudget>();

/**
 * The budget of one node run: n8n gives a node one context object for all the input items of a
 * run, so every item the run outputs counts, whichever input item it comes from.
 */
export function itemBudgetFor(run: object, maxMegabytes: unknown): ItemBudget {
	const megabytes = Number(maxMegabytes ?? DEFAULT_MAX_ITEMS_MB);
	const maxBytes = Number.isFinite(megabytes) && megabytes > 0 ? megabytes * MB : Number.POSITIVE_INFINITY;
	let budget = budgets.get(run);
	if (!budget) {
		budget = new ItemBudget(maxBytes);
		budgets.set(run, budget);
	}
	budget.maxBytes = maxBytes;
	return budget;
}

export function megabytes(bytes: number): string {
	return `${Math.max(1, Math.round(bytes / MB)).toLocaleString('en-US')} MB`;
}
