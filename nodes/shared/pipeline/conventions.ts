// A file's own conventions, learned from its cells: which decimal mark its numbers use, and whether
// its short dates put the day or the month first. Amazon writes flat files in the marketplace's
// locale, and a settlement is not requested for a marketplace: the file itself has to tell.
import type { DateOrder } from './dates';
import { isoDate, parseAmazonDateTime } from './dates';
import type { DecimalMark } from './values';
import { evidentDecimalMark } from './values';

/** What the cells seen so far say: one answer, 'mixed' when they disagree, undefined when none told. */
export type Verdict<T> = T | 'mixed' | undefined;

class Votes<T extends string> {
	private readonly counts = new Map<T, number>();

	add(answer: T | undefined): void {
		if (answer !== undefined) this.counts.set(answer, (this.counts.get(answer) ?? 0) + 1);
	}

	get verdict(): Verdict<T> {
		if (this.counts.size > 1) return 'mixed';
		const [only] = this.counts.keys();
		return only;
	}
}

/** The decimal mark of a file's numbers, from those that show it (1.234,56 does; 1,234 does not). */
export class DecimalMarkEvidence extends Votes<DecimalMark> {
	observe(text: string | undefined): void {
		if (text) this.add(evidentDecimalMark(text));
	}
}

/**
 * Whether a file's short dates (05/06/25) put the day or the month first: from dates whose numbers
 * show it (13/06/25), and from a short date written next to the same day in full
 * (posted-date 09/06/25 beside posted-date-time 2025-06-09 05:23:19 UTC says day first).
 */
export class DayOrderEvidence extends Votes<Extract<DateOrder, 'DMY' | 'MDY'>> {
	observe(shortText: string | undefined, fullText?: string): void {
		if (!shortText || !SHORT_DATE.test(shortText)) return;
		// Only a full date that cannot be read two ways: year first, or dotted (day first everywhere).
		const full = fullText && FULL_DATE.test(fullText) ? parseAmazonDateTime(fullText) : undefined;
		if (full) {
			const day = isoDate(full);
			const readings = (['DMY', 'MDY'] as const).filter((order) => {
				const parsed = parseAmazonDateTime(shortText, order);
				return parsed !== undefined && isoDate(parsed) === day;
			});
			// Both readings agree (06/06/25): the pair tells nothing.
			if (readings.length === 1) this.add(readings[0]);
			if (readings.length) return;
		}
		const parsed = parseAmazonDateTime(shortText, 'unknown');
		if (!parsed) return;
		const first = Number(/^\s*(\d+)/.exec(shortText)?.[1]);
		if (parsed.day !== parsed.month) this.add(first === parsed.day ? 'DMY' : 'MDY');
	}
}

const FULL_DATE = /^\s*(\d{4}-|\d{1,2}\.\d{1,2}\.\d{4})/;

/** Day and month first, then a two- or four-digit year, separated by slashes or dashes. */
const SHORT_DATE = /^\s*\d{1,2}[/-]\d{1,2}[/-]\d{2,4}(\s|$)/;
