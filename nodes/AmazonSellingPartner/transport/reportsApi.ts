// The Selling Partner API Reports API (2021-06-30): its five operations, their rate limits, and
// Amazon's error answers turned into messages that say what to do.
import type { AmazonRequestError } from '../../shared/errors';
import type { HttpMethod } from '../../shared/transport/http';
import { operationPolicy as limits } from '../../shared/transport/retry';
import { REGION_NAMES } from '../marketplaces';
import { reportTypeById } from '../reports/registry';
import type { SpApiAdvice, SpApiConnection } from './spApi';
import { callSpApi, checkedId, unexpectedAnswer as unexpected } from './spApi';

// The connection, credential name and ID check are the Selling Partner API's, shared with Data Kiosk.
export type { SpApiConnection } from './spApi';
export { checkedId, SP_API_CREDENTIAL, spApiConnection } from './spApi';

// Each operation's documented rate (requests per second). Status polls, the one call made in a
// loop, are paced at it; the others only wait on a 429 (the policy: shared/transport/retry.ts).
const OPERATIONS = {
	createReport: limits(0.0167),
	getReport: limits(2, 15),
	getReports: limits(0.0222),
	cancelReport: limits(0.0222),
	getReportDocument: limits(0.0167),
	createReportSchedule: limits(0.0222),
	getReportSchedules: limits(0.0222),
	getReportSchedule: limits(0.0222),
	cancelReportSchedule: limits(0.0222),
};

export type ProcessingStatus = 'IN_QUEUE' | 'IN_PROGRESS' | 'DONE' | 'CANCELLED' | 'FATAL';

export interface SpReport {
	reportId: string;
	reportType: string;
	processingStatus: ProcessingStatus;
	marketplaceIds?: string[];
	dataStartTime?: string;
	dataEndTime?: string;
	createdTime?: string;
	processingStartTime?: string;
	processingEndTime?: string;
	reportDocumentId?: string;
	reportScheduleId?: string;
}

export interface CreateReportSpec {
	reportType: string;
	marketplaceIds: string[];
	dataStartTime?: string;
	dataEndTime?: string;
	reportOptions?: Record<string, string>;
}

export interface ReportDocument {
	reportDocumentId: string;
	url: string;
	compressionAlgorithm?: string;
}

export interface ReportFilters {
	reportTypes?: string[];
	processingStatuses?: ProcessingStatus[];
	marketplaceIds?: string[];
	pageSize?: number;
	createdSince?: string;
	createdUntil?: string;
}

const PATH = '/reports/2021-06-30';

export async function createReport(
	connection: SpApiConnection,
	spec: CreateReportSpec,
	signal?: AbortSignal,
): Promise<string> {
	const body = await call(connection, 'createReport', 'POST', `${PATH}/reports`, {
		body: spec,
		signal,
		purpose: `a new ${spec.reportType} report`,
		reportType: spec.reportType,
	});
	if (typeof body.reportId !== 'string') throw unexpectedAnswer('createReport', body);
	return body.reportId;
}

export async function getReport(connection: SpApiConnection, reportId: string, signal?: AbortSignal): Promise<SpReport> {
	checkedId(reportId, 'Report ID');
	const body = await call(connection, 'getReport', 'GET', `${PATH}/reports/${encodeURIComponent(reportId)}`, {
		signal,
		purpose: `the status of report ${reportId}`,
	});
	if (typeof body.reportId !== 'string') throw unexpectedAnswer('getReport', body);
	return body as unknown as SpReport;
}

export async function getReports(
	connection: SpApiConnection,
	query: ReportFilters | { nextToken: string },
	signal?: AbortSignal,
): Promise<{ reports: SpReport[]; nextToken?: string }> {
	const params = new URLSearchParams();
	for (const [key, value] of Object.entries(query)) {
		if (value === undefined || value === '' || (Array.isArray(value) && !value.length)) continue;
		params.set(key, Array.isArray(value) ? value.join(',') : String(value));
	}
	const body = await call(connection, 'getReports', 'GET', `${PATH}/reports?${params.toString()}`, {
		signal,
		purpose: 'the list of reports',
	});
	return {
		reports: Array.isArray(body.reports) ? (body.reports as SpReport[]) : [],
		nextToken: typeof body.nextToken === 'string' && body.nextToken ? body.nextToken : undefined,
	};
}

export async function cancelReport(connection: SpApiConnection, reportId: string, signal?: AbortSignal): Promise<void> {
	checkedId(reportId, 'Report ID');
	await call(connection, 'cancelReport', 'DELETE', `${PATH}/reports/${encodeURIComponent(reportId)}`, {
		signal,
		purpose: `the cancellation of report ${reportId}`,
	});
}

export async function getReportDocument(
	connection: SpApiConnection,
	reportDocumentId: string,
	signal?: AbortSignal,
): Promise<ReportDocument> {
	checkedId(reportDocumentId, 'Report Document ID');
	const body = await call(
		connection,
		'getReportDocument',
		'GET',
		`${PATH}/documents/${encodeURIComponent(reportDocumentId)}`,
		{ signal, purpose: `the link to report document ${reportDocumentId}` },
	);
	if (typeof body.url !== 'string') throw unexpectedAnswer('getReportDocument', body);
	return body as unknown as ReportDocument;
}

/** One Reports API request (report schedules' too). `reportType` names the report in errors: Amazon's answer to createReport does not. */
export async function call(
	connection: SpApiConnection,
	operation: keyof typeof OPERATIONS,
	method: HttpMethod,
	path: string,
	request: { body?: unknown; signal?: AbortSignal; purpose: string; reportType?: string },
): Promise<Record<string, unknown>> {
	const report = request.reportType ? reportTypeById(request.reportType) : undefined;
	const about = request.reportType ? (report ? `${report.name} (${request.reportType})` : request.reportType) : undefined;
	return await callSpApi(connection, operation, OPERATIONS[operation], REPORTS_ADVICE, method, path, { ...request, about, roles: report?.roles });
}

const REPORTS_ADVICE: SpApiAdvice = {
	api: 'Reports API',
	denied: (connection, request) =>
		`The app needs ${request.roles ? `the role ${request.about} requires (${request.roles.join(' or ')})` : 'the role this report requires (Selling Partner Insights for performance reports, Brand Analytics for promotions, coupons, Brand Analytics and vendor analytics reports)'}, must be authorized by the seller or vendor, and the marketplaces must belong to the credential’s region (${REGION_NAMES[connection.region]}).`,
	throttled: (operation) =>
		operation === 'createReport'
			? 'Amazon lets an account create about one report a minute. Turn on report reuse, space out the workflow runs, or use a trigger that reuses reports.'
			: 'Wait a minute before running again; other workflows may use the same app.',
	notFoundWhat: 'this report or document',
	notFound: 'Check the ID. Amazon keeps reports for 90 days, and document links only for a short time.',
	rejected: () =>
		'Check the report type, marketplaces, dates (not in the future, start before end) and report options. Amazon’s answer is below.',
};

function unexpectedAnswer(operation: string, body: Record<string, unknown>): AmazonRequestError {
	return unexpected('Reports API', operation, body);
}
