// Report schedules of the Reports API (2021-06-30): Amazon makes a report of a type every period
// by itself; Get Many and the Report Ready trigger find each one (it carries the reportScheduleId).
import { AmazonRequestError } from '../../shared/errors';
import type { SpApiConnection } from './reportsApi';
import { call, checkedId } from './reportsApi';

export interface ReportSchedule {
	reportScheduleId: string;
	reportType: string;
	marketplaceIds?: string[];
	reportOptions?: Record<string, string>;
	period: string;
	nextReportCreationTime?: string;
}

export interface CreateReportScheduleSpec {
	reportType: string;
	marketplaceIds: string[];
	reportOptions?: Record<string, string>;
	period: string;
	nextReportCreationTime?: string;
}

const PATH = '/reports/2021-06-30/schedules';

export async function createReportSchedule(connection: SpApiConnection, spec: CreateReportScheduleSpec, signal?: AbortSignal): Promise<string> {
	const what = `the schedule of ${spec.reportType} reports (period ${spec.period})`;
	const body = await explained(what, () => call(connection, 'createReportSchedule', 'POST', PATH, { body: spec, signal, purpose: what }));
	if (typeof body.reportScheduleId !== 'string') throw unexpected('createReportSchedule');
	return body.reportScheduleId;
}

/** The schedules of up to 10 report types (Amazon's answer has no pages). */
export async function getReportSchedules(connection: SpApiConnection, reportTypes: string[], signal?: AbortSignal): Promise<ReportSchedule[]> {
	const query = new URLSearchParams({ reportTypes: reportTypes.join(',') });
	const what = `the schedules of ${reportTypes.join(', ')}`;
	const body = await explained(what, () => call(connection, 'getReportSchedules', 'GET', `${PATH}?${query.toString()}`, { signal, purpose: what }));
	if (!Array.isArray(body.reportSchedules)) throw unexpected('getReportSchedules');
	return body.reportSchedules as ReportSchedule[];
}

export async function getReportSchedule(connection: SpApiConnection, reportScheduleId: string, signal?: AbortSignal): Promise<ReportSchedule> {
	const id = checkedId(reportScheduleId, 'Report Schedule ID');
	const what = `report schedule ${id}`;
	const body = await explained(what, () =>
		call(connection, 'getReportSchedule', 'GET', `${PATH}/${encodeURIComponent(id)}`, { signal, purpose: what }),
	);
	if (typeof body.reportScheduleId !== 'string') throw unexpected('getReportSchedule');
	return body as unknown as ReportSchedule;
}

export async function cancelReportSchedule(connection: SpApiConnection, reportScheduleId: string, signal?: AbortSignal): Promise<void> {
	const id = checkedId(reportScheduleId, 'Report Schedule ID');
	const what = `the cancellation of report schedule ${id}`;
	await explained(what, () => call(connection, 'cancelReportSchedule', 'DELETE', `${PATH}/${encodeURIComponent(id)}`, { signal, purpose: what }));
}

/** Runs a schedule request; Amazon's 400 and 404 are said in terms of schedules, not reports. */
async function explained<T>(what: string, request: () => Promise<T>): Promise<T> {
	try {
		return await request();
	} catch (error) {
		throw inScheduleTerms(error, what);
	}
}

function inScheduleTerms(error: unknown, what: string): unknown {
	if (!(error instanceof AmazonRequestError)) return error;
	const { httpCode } = error.details;
	if (httpCode === 400) {
		return new AmazonRequestError(`Amazon rejected ${what}`, {
			...error.details,
			description:
				'Amazon schedules only the report types it makes on a schedule or on request (search the Report Type list), for marketplaces of the credential’s region, with its own periods. Amazon’s answer is below.',
		});
	}
	if (httpCode === 404) {
		return new AmazonRequestError(`Amazon does not know ${what}`, {
			...error.details,
			description: 'Check the Report Schedule ID: Get Many lists the schedules of a report type. A cancelled schedule is gone.',
		});
	}
	return error;
}

function unexpected(operation: string): AmazonRequestError {
	return new AmazonRequestError(`Amazon's answer to ${operation} is not what the Reports API documents`, {
		description: 'Check that the API Base URL points to the Selling Partner API.',
	});
}
