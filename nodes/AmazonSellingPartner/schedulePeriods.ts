// How often a report schedule makes a report: Amazon's `period` values (ISO 8601 durations, the
// only ones createReportSchedule takes), shortest first, with the names the editor shows.
import type { INodePropertyOptions } from 'n8n-workflow';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface ReportPeriod {
	period: string;
	name: string;
	/** Its length; a calendar month (P1M) has none. */
	ms?: number;
}

export const REPORT_PERIODS: ReportPeriod[] = [
	{ period: 'PT5M', name: 'Every 5 Minutes', ms: 5 * MINUTE },
	{ period: 'PT15M', name: 'Every 15 Minutes', ms: 15 * MINUTE },
	{ period: 'PT30M', name: 'Every 30 Minutes', ms: 30 * MINUTE },
	{ period: 'PT1H', name: 'Every Hour', ms: HOUR },
	{ period: 'PT2H', name: 'Every 2 Hours', ms: 2 * HOUR },
	{ period: 'PT4H', name: 'Every 4 Hours', ms: 4 * HOUR },
	{ period: 'PT8H', name: 'Every 8 Hours', ms: 8 * HOUR },
	{ period: 'PT12H', name: 'Every 12 Hours', ms: 12 * HOUR },
	{ period: 'P1D', name: 'Every Day', ms: DAY },
	{ period: 'P2D', name: 'Every 2 Days', ms: 2 * DAY },
	{ period: 'P3D', name: 'Every 3 Days', ms: 3 * DAY },
	{ period: 'PT84H', name: 'Every 84 Hours (3.5 Days)', ms: 84 * HOUR },
	{ period: 'P7D', name: 'Every 7 Days', ms: 7 * DAY },
	{ period: 'P14D', name: 'Every 14 Days', ms: 14 * DAY },
	{ period: 'P15D', name: 'Every 15 Days', ms: 15 * DAY },
	{ period: 'P18D', name: 'Every 18 Days', ms: 18 * DAY },
	{ period: 'P30D', name: 'Every 30 Days', ms: 30 * DAY },
	{ period: 'P1M', name: 'Monthly' },
];

const BY_PERIOD = new Map(REPORT_PERIODS.map((entry) => [entry.period, entry]));

export function reportPeriod(period: string): ReportPeriod | undefined {
	return BY_PERIOD.get(period);
}

/**
 * The editor's choices, shortest period first, as n8n's own Schedule Trigger orders its intervals:
 * sorted by name they would read "Every 12 Hours, Every 14 Days, Every 15 Minutes, …".
 */
export const PERIOD_OPTIONS: INodePropertyOptions[] = REPORT_PERIODS.map(({ period, name }) => ({ name, value: period, description: period }));

/** The moment one period after `time` (a calendar month for P1M, in UTC). */
export function afterPeriod(time: number, period: ReportPeriod): number {
	if (period.ms !== undefined) return time + period.ms;
	const date = new Date(time);
	// The 31st of January is followed by the last day of February, not the 3rd of March.
	const lastDayOfNextMonth = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 2, 0)).getUTCDate();
	const day = Math.min(date.getUTCDate(), lastDayOfNextMonth);
	date.setUTCDate(1);
	date.setUTCMonth(date.getUTCMonth() + 1);
	date.setUTCDate(day);
	return date.getTime();
}
