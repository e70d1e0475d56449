// The Selling Partner API Reports API (2021-06-30): its five operations, their rate limits, and
// Amazon's error answers turned into messages that say what to do.
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { Region } from '../../shared/amazonEndpoints';
import { LWA_TOKEN_URL, REGIONS, sellingPartnerApiUrl } from '../../shared/amazonEndpoints';
import { AmazonRequestError } from '../../shared/errors';
import { requestWithAccessToken } from '../../shared/transport/authorized';
import type { HttpMethod, HttpSend } from '../../shared/transport/http';
import type { LwaCredentials } from '../../shared/transport/lwa';
import { parseJsonObject } from '../../shared/transport/lwa';
import { operationPolicy } from '../../shared/transport/retry';
import { checkedUrl } from '../../shared/transport/urls';
import { REGION_NAMES } from '../marketplaces';
import { reportTypeById } from '../reports/registry';

export const SP_API_CREDENTIAL = 'amazonSellingPartnerApi';


export interface SpApiConnection {
	lwa: LwaCredentials;
	/** n8n's HTTP helper of the running node or trigger: every request goes through it. */
	send: HttpSend;
	baseUrl: string;
	region: Region;
	/** Told about long waits (rate limits, retries), for the logs and the editor. */
	progress?: (message: string) => void;
}

export function spApiConnection(credential: ICredentialDataDecryptedObject, send: HttpSend): SpApiConnection {
	const region = (REGIONS.includes(credential.region as Region) ? credential.region : 'na') as Region;
	const environment = String(credential.environment ?? 'production');
	const clientId = String(credential.clientId ?? '').trim();
	const clientSecret = String(credential.clientSecret ?? '').trim();
	const refreshToken = String(credential.refreshToken ?? '').trim();
	if (!clientId || !clientSecret || !refreshToken) {
		throw new AmazonRequestError('The Amazon Selling Partner API credential is incomplete', {
			description: 'Open the credential and fill in Client ID, Client Secret and Refresh Token.',
		});
	}
	let tokenUrl = LWA_TOKEN_URL;
	let baseUrl = sellingPartnerApiUrl(region, environment === 'sandbox' ? 'sandbox' : 'production');
	if (environment === 'custom') {
		tokenUrl = checkedUrl(credential.tokenUrl, 'Token URL');
		baseUrl = checkedUrl(credential.apiBaseUrl, 'API Base URL');
	}
	return {
		lwa: { tokenUrl, clientId, clientSecret, grant: { type: 'refresh_token', refreshToken } },
		send,
		baseUrl: baseUrl.replace(/\/+$/, ''),
		region,
	};
}

// Each operation's documented rate (requests per second); the policy is the package's (retry.ts).
const limits = operationPolicy;

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

/** One Reports API operation, paced and retried by its limits; Amazon's errors explained. */
export async function call(
	connection: SpApiConnection,
	operation: keyof typeof OPERATIONS,
	method: HttpMethod,
	path: string,
	request: { body?: unknown; signal?: AbortSignal; purpose: string; reportType?: string },
): Promise<Record<string, unknown>> {
	const { pacer, retry } = OPERATIONS[operation];
	const response = await requestWithAccessToken(
		connection.lwa,
		{
			send: connection.send,
			method,
			url: `${connection.baseUrl}${path}`,
			headers: {
				accept: 'application/json',
				'user-agent': 'n8n-nodes-amazon-reports (Language=TypeScript; Platform=n8n)',
				...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
			},
			body: request.body === undefined ? undefined : JSON.stringify(request.body),
			signal: request.signal,
			pacer,
			retry,
			purpose: request.purpose,
			onWait: connection.progress,
		},
		(token) => ({ 'x-amz-access-token': token }),
	);
	const body = parseJsonObject(response.body) ?? {};
	if (response.status >= 200 && response.status < 300) return body;
	throw spApiError(connection, operation, response.status, body, response.headers['x-amzn-requestid'], request.reportType);
}

function spApiError(
	connection: SpApiConnection,
	operation: keyof typeof OPERATIONS,
	status: number,
	body: Record<string, unknown>,
	requestId: string | undefined,
	reportType?: string,
): AmazonRequestError {
	const first = Array.isArray(body.errors) ? (body.errors[0] as Record<string, unknown>) : undefined;
	const code = typeof first?.code === 'string' ? first.code : undefined;
	const message = typeof first?.message === 'string' ? first.message : undefined;
	const details = typeof first?.details === 'string' && first.details ? ` (${first.details})` : '';
	const amazonResponse = [code, message ? `${message}${details}` : undefined, requestId ? `request id ${requestId}` : undefined]
		.filter(Boolean)
		.join(': ');
	const base = { httpCode: status, amazonResponse: amazonResponse || undefined };
	const said = message ? `: ${message}` : '';
	// The report the request was about: Amazon's answer to createReport does not say which.
	const report = reportType ? reportTypeById(reportType) : undefined;
	const about = reportType ? ` for ${report ? `${report.name} (${reportType})` : reportType}` : '';
	if (status === 403) {
		const role = report
			? `the role ${report.name} requires (${report.roles.join(' or ')})`
			: 'the role this report requires (Selling Partner Insights for performance reports, Brand Analytics for promotions, coupons, Brand Analytics and vendor analytics reports)';
		return new AmazonRequestError(`Amazon denied access to the Reports API (${operation}${about})${said}`, {
			...base,
			description: `The app needs ${role}, must be authorized by the seller or vendor, and the marketplaces must belong to the credential’s region (${REGION_NAMES[connection.region]}).`,
		});
	}
	if (status === 429) {
		return new AmazonRequestError(`Amazon is throttling ${operation}${about} (HTTP 429, QuotaExceeded)`, {
			...base,
			description:
				operation === 'createReport'
					? 'Amazon lets an account create about one report a minute. Turn on report reuse, space out the workflow runs, or use a trigger that reuses reports.'
					: 'Wait a minute before running again; other workflows may use the same app.',
		});
	}
	if (status === 404) {
		return new AmazonRequestError(`Amazon does not know this report or document (${operation})${said}`, {
			...base,
			description: 'Check the ID. Amazon keeps reports for 90 days, and document links only for a short time.',
		});
	}
	if (status === 400) {
		return new AmazonRequestError(`Amazon rejected the ${operation} request${about}${said}`, {
			...base,
			description:
				'Check the report type, marketplaces, dates (not in the future, start before end) and report options. Amazon’s answer is below.',
		});
	}
	if (status >= 500) {
		return new AmazonRequestError(`The Selling Partner API failed on ${operation}${about} (HTTP ${status})`, {
			...base,
			description: 'The request was retried and kept failing on Amazon’s side. Try again later.',
		});
	}
	return new AmazonRequestError(`Amazon answered HTTP ${status} to ${operation}${about}${said}`, {
		...base,
		description: 'See Amazon’s answer below.',
	});
}

function unexpectedAnswer(operation: string, body: Record<string, unknown>): AmazonRequestError {
	return new AmazonRequestError(`Amazon's answer to ${operation} is not what the Reports API documents`, {
		description: 'Check that the API Base URL points to the Selling Partner API.',
		amazonResponse: JSON.stringify(body).slice(0, 300),
	});
}

/**
 * An ID from a parameter, checked before it goes into a URL: an expression that resolved to
 * nothing must not send "undefined" to Amazon.
 */
export function checkedId(value: unknown, label: string): string {
	const text = value === undefined || value === null ? '' : String(value).trim();
	if (!text || text === 'undefined' || text === 'null' || text === '[object Object]') {
		throw new AmazonRequestError(`"${label}" is empty`, {
			description: `Give the ${label} (for example from the output of an earlier step: Create Report or Get Many Reports). If it comes from an expression, check that the input item has that field.`,
		});
	}
	if (!/^[A-Za-z0-9._:-]+$/.test(text)) {
		throw new AmazonRequestError(`"${label}" is not an ID Amazon uses: "${text.slice(0, 80)}"`, {
			description: `${label}s are made of letters, digits, dots and dashes, like 50039018470 or amzn1.spdoc.1.4.na.…`,
		});
	}
	return text;
}
