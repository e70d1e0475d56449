// Report schedules as the emulator plays them (Reports API 2021-06-30): createReportSchedule (which
// replaces a schedule of the same report type and marketplaces, as Amazon documents), getReportSchedules,
// getReportSchedule, cancelReportSchedule, and one DONE report carrying the schedule's ID for each
// period the emulator's clock passes. Strict where Amazon is: a period or a report type it does not
// schedule is refused with 400 InvalidInput.
import { afterPeriod, REPORT_PERIODS, reportPeriod } from '../nodes/AmazonSellingPartner/schedulePeriods';
import { canBeScheduled, reportTypeInfo } from '../nodes/AmazonSellingPartner/reports/registry';

export interface StoredSchedule {
	reportScheduleId: string;
	reportType: string;
	marketplaceIds: string[];
	reportOptions?: Record<string, string>;
	period: string;
	/** When the next report is made, in the emulator's time. */
	next: number;
}

/** What a schedule answer is: a status and a JSON body (or an error in Amazon's shape). */
export interface ScheduleAnswer {
	status: number;
	body?: unknown;
	error?: { code: string; message: string; details?: string };
}

interface ScheduleDeps {
	now(): number;
	knownMarketplace(id: string): boolean;
	/** Makes the DONE report a schedule owes for the moment `createdAt`. */
	makeReport(schedule: StoredSchedule, createdAt: number): void;
}

/** A schedule that fell far behind (a test moving the clock a year) makes at most this many reports at once. */
const MAX_CATCH_UP = 1_000;

const invalid = (details: string): ScheduleAnswer => ({ status: 400, error: { code: 'InvalidInput', message: 'Invalid input', details } });

export class ReportScheduleEmulator {
	readonly schedules = new Map<string, StoredSchedule>();

	private nextId = 50_090_018_913;

	constructor(private readonly deps: ScheduleDeps) {}

	reset(): void {
		this.schedules.clear();
	}

	/** Makes the reports of every period that has passed on the emulator's clock, oldest first. */
	produceDue(): void {
		const now = this.deps.now();
		for (const schedule of this.schedules.values()) {
			const period = reportPeriod(schedule.period);
			if (!period) continue;
			for (let made = 0; schedule.next <= now && made < MAX_CATCH_UP; made++) {
				this.deps.makeReport(schedule, schedule.next);
				schedule.next = afterPeriod(schedule.next, period);
			}
		}
	}

	create(body: string): ScheduleAnswer {
		let spec: Record<string, unknown>;
		try {
			spec = JSON.parse(body) as Record<string, unknown>;
		} catch {
			return invalid('Request body is not valid JSON.');
		}
		const { reportType, marketplaceIds, period, nextReportCreationTime, reportOptions } = spec;
		if (typeof reportType !== 'string' || !reportType) return invalid('reportType is required.');
		const info = reportTypeInfo(reportType);
		if (!info) return invalid(`Invalid reportType: ${reportType}.`);
		if (!canBeScheduled(info)) return invalid(`Report type ${reportType} cannot be scheduled.`);
		if (!Array.isArray(marketplaceIds) || marketplaceIds.length < 1 || marketplaceIds.length > 25) {
			return invalid('marketplaceIds must hold between 1 and 25 marketplace ids.');
		}
		const unknown = marketplaceIds.find((id) => !this.deps.knownMarketplace(String(id)));
		if (unknown !== undefined) return invalid(`Invalid marketplaceId: ${String(unknown)}`);
		if (typeof period !== 'string' || !reportPeriod(period)) {
			return invalid(`period must be one of ${REPORT_PERIODS.map((entry) => entry.period).join(', ')}; got ${JSON.stringify(period ?? null)}.`);
		}
		let next = this.deps.now();
		if (nextReportCreationTime !== undefined) {
			if (typeof nextReportCreationTime !== 'string' || Number.isNaN(Date.parse(nextReportCreationTime))) {
				return invalid('nextReportCreationTime is not an ISO 8601 date-time.');
			}
			next = Math.max(next, Date.parse(nextReportCreationTime));
		}
		const marketplaces = marketplaceIds.map(String);
		// Amazon keeps one schedule per report type and marketplaces: a new one replaces it.
		const sameSet = (other: string[]) => other.length === marketplaces.length && other.every((id) => marketplaces.includes(id));
		for (const [id, existing] of this.schedules) {
			if (existing.reportType === reportType && sameSet(existing.marketplaceIds)) this.schedules.delete(id);
		}
		const reportScheduleId = String(this.nextId++);
		this.schedules.set(reportScheduleId, {
			reportScheduleId,
			reportType,
			marketplaceIds: marketplaces,
			reportOptions: reportOptions as Record<string, string> | undefined,
			period,
			next,
		});
		return { status: 201, body: { reportScheduleId } };
	}

	list(query: Record<string, string>): ScheduleAnswer {
		if (!query.reportTypes) return invalid('reportTypes is required.');
		const types = new Set(query.reportTypes.split(','));
		if (types.size > 10) return invalid('reportTypes takes at most 10 values.');
		const reportSchedules = [...this.schedules.values()].filter((schedule) => types.has(schedule.reportType)).map(present);
		return { status: 200, body: { reportSchedules } };
	}

	get(reportScheduleId: string): ScheduleAnswer {
		const schedule = this.schedules.get(reportScheduleId);
		if (!schedule) return { status: 404, error: { code: 'NotFound', message: `Report schedule ${reportScheduleId} not found.` } };
		return { status: 200, body: present(schedule) };
	}

	cancel(reportScheduleId: string): ScheduleAnswer {
		if (!this.schedules.delete(reportScheduleId)) {
			return { status: 404, error: { code: 'NotFound', message: `Report schedule ${reportScheduleId} not found.` } };
		}
		return { status: 200 };
	}
}

function present(schedule: StoredSchedule): Record<string, unknown> {
	return {
		reportScheduleId: schedule.reportScheduleId,
		reportType: schedule.reportType,
		marketplaceIds: schedule.marketplaceIds,
		...(schedule.reportOptions ? { reportOptions: schedule.reportOptions } : {}),
		period: schedule.period,
		nextReportCreationTime: new Date(schedule.next).toISOString(),
	};
}
