// Which months a run covers, checked before any request is sent.
import { AmazonRequestError } from '../shared/errors';

export interface YearMonth {
	year: number;
	month: number;
}

export type PeriodChoice = 'lastMonth' | 'currentAndPreviousMonth' | 'month' | 'range';

export interface PeriodParameters {
	period: PeriodChoice;
	month?: string;
	startMonth?: string;
	endMonth?: string;
}

/** Amazon keeps Appstore reports from January 2018 on. */
export const FIRST_REPORT_MONTH: YearMonth = { year: 2018, month: 1 };

export function formatMonth({ year, month }: YearMonth): string {
	return `${year}-${String(month).padStart(2, '0')}`;
}

export function addMonths({ year, month }: YearMonth, delta: number): YearMonth {
	const index = year * 12 + (month - 1) + delta;
	return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

const monthIndex = ({ year, month }: YearMonth) => year * 12 + month - 1;

export function currentMonth(now = new Date()): YearMonth {
	return { year: now.getUTCFullYear(), month: now.getUTCMonth() + 1 };
}

/** Accepts 2025-03, 2025-3, 03/2025 and any ISO date or date-time (as n8n date expressions give). */
export function parseMonth(value: unknown, field: string): YearMonth {
	const text = String(value ?? '').trim();
	const match = /^(\d{4})-(\d{1,2})(?:$|-\d{1,2}(?:[T\s].*)?$)/.exec(text) ?? /^(\d{1,2})\/(\d{4})$/.exec(text);
	if (match) {
		const [year, month] = text.includes('/') ? [Number(match[2]), Number(match[1])] : [Number(match[1]), Number(match[2])];
		if (month >= 1 && month <= 12) return { year, month };
	}
	throw new AmazonRequestError(
		text === '' ? `"${field}" is empty` : `"${field}" is not a month: "${text}"`,
		{ description: `Write the month as year-month, for example ${formatMonth(addMonths(currentMonth(), -1))}.` },
	);
}

/** The months to fetch, oldest first. */
export function resolveMonths(parameters: PeriodParameters, now = new Date()): YearMonth[] {
	const current = currentMonth(now);
	switch (parameters.period) {
		case 'lastMonth':
			return [addMonths(current, -1)];
		case 'currentAndPreviousMonth':
			return [addMonths(current, -1), current];
		case 'month': {
			const month = parseMonth(parameters.month, 'Month');
			checkAvailable(month, 'Month', current);
			return [month];
		}
		case 'range': {
			const start = parseMonth(parameters.startMonth, 'Start Month');
			const end = parseMonth(parameters.endMonth, 'End Month');
			checkAvailable(start, 'Start Month', current);
			checkAvailable(end, 'End Month', current);
			if (monthIndex(start) > monthIndex(end)) {
				throw new AmazonRequestError(
					`Start Month (${formatMonth(start)}) is after End Month (${formatMonth(end)})`,
					{ description: 'Swap the two months, or set Start Month to the earlier one.' },
				);
			}
			const months: YearMonth[] = [];
			for (let m = start; monthIndex(m) <= monthIndex(end); m = addMonths(m, 1)) months.push(m);
			return months;
		}
		default:
			throw new AmazonRequestError(`Unknown period "${String(parameters.period)}"`, {
				description: 'Choose a period from the list.',
			});
	}
}

function checkAvailable(month: YearMonth, field: string, current: YearMonth): void {
	if (monthIndex(month) < monthIndex(FIRST_REPORT_MONTH)) {
		throw new AmazonRequestError(
			`${field} ${formatMonth(month)} is before January 2018, the first month Amazon has Appstore reports for`,
			{ description: 'Choose 2018-01 or a later month.' },
		);
	}
	if (monthIndex(month) > monthIndex(current)) {
		throw new AmazonRequestError(`${field} ${formatMonth(month)} is in the future`, {
			description: `The latest report is the current month, ${formatMonth(current)} (it fills up day by day).`,
		});
	}
}
