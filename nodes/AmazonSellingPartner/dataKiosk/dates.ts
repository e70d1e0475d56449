// The date range of an analytics query, checked against the datasets' rules before anything is
// sent: calendar dates (YYYY-MM-DD), the start at most two years back, the end not in the future,
// and for Week and Month at least one of Amazon's whole periods in the range (Amazon moves a start
// in mid-period to the next period and an end in mid-period to the end of the period before).
import { AmazonRequestError } from '../../shared/errors';

export type DateGranularity = 'DAY' | 'WEEK' | 'MONTH' | 'RANGE';

export interface DateRange {
	startDate: string;
	endDate: string;
}

const DAY_MS = 86_400_000;

/** A date parameter as a calendar date: the date part as written (the editor's pick, or an expression's ISO text). */
export function calendarDate(value: unknown, label: string): string | undefined {
	if (value === '' || value === null || value === undefined) return undefined;
	const text = typeof value === 'string' ? value.trim() : value instanceof Date ? value.toISOString() : String(value);
	const date = /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/.exec(text)?.[1];
	const time = date ? toTime(date) : NaN;
	// 2026-02-30 is not a day, though Date.parse rolls it over.
	if (!date || Number.isNaN(time) || formatDate(time) !== date) {
		throw new AmazonRequestError(`"${label}" is not a date: "${text.slice(0, 40)}"`, {
			description: 'Pick a date, or write it as YYYY-MM-DD (e.g. 2026-03-01); an expression may also give an ISO date-time, whose date part counts.',
		});
	}
	return date;
}

/**
 * The range a query asks for: the dates given, or the defaults (end: yesterday; start: 7 days,
 * 4 whole weeks or 3 whole months before), checked against the dataset's rules.
 */
export function queryRange(
	given: { start?: string; end?: string },
	granularity: DateGranularity,
	dataset: string,
	today = formatDate(Date.now()),
): DateRange {
	const endDate = given.end ?? addDays(today, -1);
	const startDate = given.start ?? defaultStart(endDate, granularity);
	if (toTime(endDate) > toTime(today) + DAY_MS) {
		// A day of grace: a marketplace east of UTC is a day ahead.
		throw new AmazonRequestError(`"End Date" (${endDate}) is in the future`, {
			description: 'Amazon only has data up to today (usually up to yesterday). Choose an earlier end.',
		});
	}
	if (startDate > endDate) {
		throw new AmazonRequestError(`"Start Date" (${startDate}) is after "End Date" (${endDate})`, {
			description: 'Swap them, or set "Start Date" to the earlier day.',
		});
	}
	const earliest = yearsBefore(today, 2);
	if (startDate < earliest) {
		throw new AmazonRequestError(`"Start Date" (${startDate}) is more than two years ago`, {
			description: `Amazon keeps ${dataset} data for two years: start on ${earliest} or later.`,
		});
	}
	if ((granularity === 'WEEK' || granularity === 'MONTH') && !wholePeriods({ startDate, endDate }, granularity)) {
		const period = granularity === 'WEEK' ? 'week (Sunday to Saturday)' : 'calendar month';
		throw new AmazonRequestError(`The range ${startDate} to ${endDate} holds no whole ${period}`, {
			description: `With ${granularity === 'WEEK' ? 'Week' : 'Month'}, Amazon moves a start in mid-${granularity === 'WEEK' ? 'week to the next Sunday' : 'month to the first of the next month'} and an end in mid-${granularity === 'WEEK' ? 'week to the Saturday before' : 'month to the last day of the month before'}: nothing would be left. Widen the range, or use Day.`,
		});
	}
	return { startDate, endDate };
}

/** The whole weeks or months Amazon reads in a range (its own rule); undefined when there are none. */
export function wholePeriods(range: DateRange, granularity: 'WEEK' | 'MONTH'): DateRange | undefined {
	let start = toTime(range.startDate);
	let end = toTime(range.endDate);
	if (granularity === 'WEEK') {
		const startDay = new Date(start).getUTCDay();
		if (startDay !== 0) start += (7 - startDay) * DAY_MS;
		const endDay = new Date(end).getUTCDay();
		if (endDay !== 6) end -= (endDay + 1) * DAY_MS;
	} else {
		const first = new Date(start);
		if (first.getUTCDate() !== 1) start = Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 1);
		const last = new Date(end);
		if (new Date(end + DAY_MS).getUTCDate() !== 1) end = Date.UTC(last.getUTCFullYear(), last.getUTCMonth(), 0);
	}
	return start <= end ? { startDate: formatDate(start), endDate: formatDate(end) } : undefined;
}

/** The default start for an end: 7 days, or the 4 whole weeks or 3 whole months that end by it. */
function defaultStart(endDate: string, granularity: DateGranularity): string {
	const end = new Date(toTime(endDate));
	if (granularity === 'WEEK') {
		// The Saturday on or before the end, then back to the Sunday four weeks earlier.
		const lastSaturday = toTime(endDate) - ((end.getUTCDay() + 1) % 7) * DAY_MS;
		return formatDate(lastSaturday - 27 * DAY_MS);
	}
	if (granularity === 'MONTH') {
		// The last month that ends by the end date, and the two before it.
		const endsMonth = new Date(toTime(endDate) + DAY_MS).getUTCDate() === 1;
		return formatDate(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - (endsMonth ? 2 : 3), 1));
	}
	return addDays(endDate, -6);
}

function yearsBefore(date: string, years: number): string {
	const [year, month, day] = date.split('-').map(Number);
	// 29 February two years back is 1 March.
	return formatDate(Date.UTC(year - years, month - 1, day));
}

export function addDays(date: string, days: number): string {
	return formatDate(toTime(date) + days * DAY_MS);
}

function toTime(date: string): number {
	return Date.parse(`${date}T00:00:00Z`);
}

function formatDate(time: number): string {
	return new Date(time).toISOString().slice(0, 10);
}
