// The Selling Partner API Reports API (2021-06-30), as the emulator plays it: a state machine per
// report (IN_QUEUE → IN_PROGRESS → DONE over polls, or CANCELLED / FATAL on demand), getReports
// with nextToken, cancel, report schedules (schedules.ts), token buckets per operation, and
// documents on presigned S3 links.
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';

import { analyticsRequestProblem, errorDocument } from './analytics';
import { encodeText } from './encodings';
import { catalogueDocument } from './fixtures/catalogue-documents';
import type { SpRequest, SpResponse } from './sp-common';
import { error, json, jsonHeaders, refusedToken, TokenBuckets } from './sp-common';
import { accountHealthSchemaVariant } from './fixtures/sp-account-health';
import { reportTypeById } from '../nodes/AmazonSellingPartner/reports/registry';
import { customerMetricsDocumentedXml } from './fixtures/sp-customer-metrics';
import { feedbackCharset, generateFeedback } from './fixtures/sp-feedback';
import { promotionReport, sellerCouponReport, vendorCouponReport } from './fixtures/sp-promotions';
import { SETTLEMENT_REPORT_TYPE, settlementDocument } from './fixtures/sp-settlement';
import type { ScheduleAnswer, StoredSchedule } from './schedules';
import { ReportScheduleEmulator } from './schedules';
import { reportPeriod } from '../nodes/AmazonSellingPartner/schedulePeriods';

export type ProcessingStatus = 'IN_QUEUE' | 'IN_PROGRESS' | 'DONE' | 'CANCELLED' | 'FATAL';

export type { SpRequest, SpResponse } from './sp-common';

/** What the Reports API needs from the rest of the emulator. */
export interface SpApiDeps {
	/** True when the token was issued by the emulator's LWA (refresh_token grant) and is unexpired. */
	isValidAccessToken(token: string): boolean;
	putObject(key: string, bytes: Uint8Array, contentType: string, contentEncoding?: string): void;
	presign(key: string, options?: { contentEncoding?: string }): string;
	now(): number;
}

/** A document a report produces: its bytes, how Amazon labels them, and whether they are gzipped. */
export interface SpDocument {
	text: string;
	/** The bytes to serve as they are (e.g. already gzipped, or damaged on purpose); `text` is then ignored. */
	bytes?: Uint8Array;
	/** Amazon's charset label for the Content-Type: 'UTF-8', 'Cp1252', 'Shift_JIS'. */
	charset?: string;
	contentType?: string;
	/** 'GZIP' gzips the bytes and says so; 'mislabelled' says GZIP but sends them plain. */
	compression?: 'none' | 'GZIP' | 'mislabelled';
}

export interface ReportOutcome {
	status: 'DONE' | 'CANCELLED' | 'FATAL';
	/** getReport polls before the report leaves IN_QUEUE / IN_PROGRESS (default: spApi.pollsUntilDone). */
	pollsUntilDone?: number;
	/** getReport polls during which it has not even started (stays IN_QUEUE). */
	queuedPolls?: number;
	document?: SpDocument;
	/** For FATAL: the error document's text, gzipped when Amazon gzips it (compressionAlgorithm GZIP). */
	errorText?: string;
	errorCompression?: 'none' | 'GZIP';
}

interface StoredReport {
	reportId: string;
	reportType: string;
	marketplaceIds: string[];
	dataStartTime: string;
	dataEndTime: string;
	reportOptions?: Record<string, string>;
	createdTime: string;
	createdAt: number;
	polls: number;
	outcome: ReportOutcome;
	processingStatus: ProcessingStatus;
	reportDocumentId?: string;
	reportScheduleId?: string;
}

const LIMITS: Record<string, [rate: number, burst: number]> = {
	createReport: [0.0167, 15],
	getReport: [2, 15],
	getReports: [0.0222, 10],
	cancelReport: [0.0222, 10],
	getReportDocument: [0.0167, 15],
	createReportSchedule: [0.0222, 10],
	getReportSchedules: [0.0222, 10],
	getReportSchedule: [0.0222, 10],
	cancelReportSchedule: [0.0222, 10],
};

const KNOWN_MARKETPLACES = new Set([
	'ATVPDKIKX0DER', 'A2EUQ1WTGCTBG2', 'A1AM78C64UM0Y8', 'A2Q3Y263D00KWC',
	'A1F83G8C2ARO7P', 'A1PA6795UKMFR9', 'A13V1IB3VIYZZH', 'APJ6JRA9NG5V4', 'A1RKKUPIHCS9HS', 'A1805IZSGTT6HS',
	'A2NODRKZP88ZB9', 'A1C3SOZRARQ6R3', 'AMEN7PMS3EDWL', 'A28R8C7NBKEWEA', 'A33AVAJ2PDY3EV', 'ARBP9OOSHTCHU',
	'A17E79C6D8DWNP', 'A2VIGQ35RCS4UG', 'A21TJRUUN4KGV', 'AE08WJ6YKNBMC',
	'A1VC38T7YXB528', 'A39IBJ37TRP1C6', 'A19VAU5U5O7RUS',
]);

export class SellingPartnerApiEmulator {
	/** Polls a new report takes to finish, unless an outcome says otherwise. */
	pollsUntilDone = 2;

	/**
	 * Links to gzipped documents that make S3 answer with Content-Encoding: gzip (Amazon's
	 * enableContentEncodingUrlHeader, which getReportDocument also takes as a query parameter), so
	 * that HTTP clients decompress them on their own: 'labelled' still says compressionAlgorithm GZIP,
	 * 'unlabelled' does not; 'stored' keeps the header with the object itself (S3 metadata), not in
	 * the link.
	 */
	contentEncoding: 'off' | 'labelled' | 'unlabelled' | 'stored' = 'off';

	readonly reports = new Map<string, StoredReport>();

	/** Report schedules: each makes a DONE report per period as the emulator's clock passes it. */
	readonly schedules: ReportScheduleEmulator;

	private readonly queuedOutcomes = new Map<string, ReportOutcome[]>();

	private readonly buckets: TokenBuckets;

	/** Counts of 429 answers, per operation. */
	get throttled(): Record<string, number> {
		return this.buckets.throttled;
	}

	private nextId = 50_039_018_470;

	constructor(private readonly deps: SpApiDeps) {
		this.schedules = new ReportScheduleEmulator({
			now: () => deps.now(),
			knownMarketplace: (id) => KNOWN_MARKETPLACES.has(id),
			makeReport: (schedule, createdAt) => this.makeScheduledReport(schedule, createdAt),
		});
		this.buckets = new TokenBuckets(LIMITS, () => this.deps.now());
		this.reset();
	}

	reset(): void {
		this.pollsUntilDone = 2;
		this.contentEncoding = 'off';
		this.reports.clear();
		this.schedules.reset();
		this.queuedOutcomes.clear();
		this.served.clear();
		this.buckets.reset();
	}

	/** Changes an operation's token bucket, e.g. a burst of 1 to see 429s quickly. */
	setLimit(operation: string, rate: number, burst: number): void {
		this.buckets.set(operation, rate, burst);
	}

	/** The next report of this type created ends this way (queued: one outcome per report). */
	queueOutcome(reportType: string, outcome: ReportOutcome): void {
		const queue = this.queuedOutcomes.get(reportType) ?? [];
		queue.push(outcome);
		this.queuedOutcomes.set(reportType, queue);
	}

	/** Every report of this type created from now on gets this document (until reset). */
	serve(reportType: string, document: SpDocument): void {
		this.served.set(reportType, document);
	}

	private readonly served = new Map<string, SpDocument>();

	/** A report Amazon made by itself (on a schedule): DONE (FATAL with `errorText`), or still IN_PROGRESS until `complete`. */
	addScheduledReport(spec: {
		reportType: string;
		marketplaceIds: string[];
		document?: SpDocument;
		errorText?: string;
		createdAt?: number;
		inProgress?: boolean;
	}): string {
		const pollsUntilDone = spec.inProgress ? Number.MAX_SAFE_INTEGER : 0;
		const report = this.store(
			{ reportType: spec.reportType, marketplaceIds: spec.marketplaceIds },
			spec.errorText === undefined
				? { status: 'DONE', pollsUntilDone, document: spec.document }
				: { status: 'FATAL', pollsUntilDone, errorText: spec.errorText },
			spec.createdAt,
		);
		report.reportScheduleId = `schedule-${report.reportId}`;
		if (spec.inProgress) report.processingStatus = 'IN_PROGRESS';
		else this.finish(report);
		return report.reportId;
	}

	/**
	 * The settlements Amazon made on its schedule (every two weeks) in the last weeks: a US one and
	 * a German one, DONE, as `npm run emulator` and the examples find them.
	 */
	addSettlementSchedule(): string[] {
		const day = 86_400_000;
		return [
			{ marketplaceId: 'A1PA6795UKMFR9', daysAgo: 9 },
			{ marketplaceId: 'ATVPDKIKX0DER', daysAgo: 2 },
		].map(({ marketplaceId, daysAgo }) =>
			this.addScheduledReport({
				reportType: SETTLEMENT_REPORT_TYPE,
				marketplaceIds: [marketplaceId],
				document: settlementDocument(marketplaceId),
				createdAt: this.deps.now() - daysAgo * day,
			}),
		);
	}

	/** The report a schedule makes for the moment `createdAt`: DONE, covering the period before it. */
	private makeScheduledReport(schedule: StoredSchedule, createdAt: number): void {
		// A calendar month (P1M) is taken as 30 days back.
		const periodStart = createdAt - (reportPeriod(schedule.period)?.ms ?? 30 * 86_400_000);
		const served = this.served.get(schedule.reportType);
		const report = this.store(
			{
				reportType: schedule.reportType,
				marketplaceIds: schedule.marketplaceIds,
				dataStartTime: new Date(periodStart).toISOString(),
				dataEndTime: new Date(createdAt).toISOString(),
				reportOptions: schedule.reportOptions,
			},
			{ status: 'DONE', pollsUntilDone: 0, ...(served ? { document: served } : {}) },
			createdAt,
		);
		report.reportScheduleId = schedule.reportScheduleId;
		this.finish(report);
	}

	/** A report still being made finishes now, with the outcome it was created with. */
	complete(reportId: string): void {
		const report = this.reports.get(reportId);
		if (report && (report.processingStatus === 'IN_QUEUE' || report.processingStatus === 'IN_PROGRESS')) this.finish(report);
	}

	/** Handles /reports/2021-06-30/…; undefined for any other path. */
	handle(request: SpRequest): SpResponse | undefined {
		const match = /^\/reports\/2021-06-30\/(reports|documents|schedules)(?:\/([^/]+))?$/.exec(request.path);
		if (!match) return undefined;
		const [, collection, id] = match;
		const operation =
			collection === 'documents'
				? request.method === 'GET' && id ? 'getReportDocument' : undefined
				: collection === 'schedules'
					? id
						? { GET: 'getReportSchedule', DELETE: 'cancelReportSchedule' }[request.method]
						: { GET: 'getReportSchedules', POST: 'createReportSchedule' }[request.method]
					: id
						? { GET: 'getReport', DELETE: 'cancelReport' }[request.method]
						: { GET: 'getReports', POST: 'createReport' }[request.method];
		if (!operation) return error(404, 'NotFound', 'Resource not found.');
		// Schedules make their reports as time passes: the ones due are there before Amazon answers.
		this.schedules.produceDue();

		const refused = refusedToken(request, (token) => this.deps.isValidAccessToken(token)) ?? this.buckets.take(operation);
		if (refused) return refused;
		switch (operation) {
			case 'createReport':
				return this.createReport(request.body);
			case 'getReport':
				return this.getReport(decodeURIComponent(id));
			case 'getReports':
				return this.getReports(request.query);
			case 'cancelReport':
				return this.cancelReport(decodeURIComponent(id));
			case 'createReportSchedule':
				return scheduleReply(this.schedules.create(request.body));
			case 'getReportSchedules':
				return scheduleReply(this.schedules.list(request.query));
			case 'getReportSchedule':
				return scheduleReply(this.schedules.get(decodeURIComponent(id)));
			case 'cancelReportSchedule':
				return scheduleReply(this.schedules.cancel(decodeURIComponent(id)));
			default:
				return this.getReportDocument(decodeURIComponent(id), request.query.enableContentEncodingUrlHeader === 'true');
		}
	}

	private createReport(body: string): SpResponse {
		let spec: Record<string, unknown>;
		try {
			spec = JSON.parse(body) as Record<string, unknown>;
		} catch {
			return error(400, 'InvalidInput', 'Request body is not valid JSON.');
		}
		const reportType = spec.reportType;
		const marketplaceIds = spec.marketplaceIds;
		if (typeof reportType !== 'string' || !reportType) return error(400, 'InvalidInput', 'reportType is required.');
		if (!Array.isArray(marketplaceIds) || marketplaceIds.length < 1 || marketplaceIds.length > 25) {
			return error(400, 'InvalidInput', 'marketplaceIds must hold between 1 and 25 marketplace ids.');
		}
		const unknown = marketplaceIds.find((id) => !KNOWN_MARKETPLACES.has(String(id)));
		if (unknown) return error(400, 'InvalidInput', `Invalid marketplaceId: ${String(unknown)}`);
		const now = this.deps.now();
		for (const field of ['dataStartTime', 'dataEndTime']) {
			const value = spec[field];
			if (value === undefined) continue;
			if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) return error(400, 'InvalidInput', `${field} is not an ISO 8601 date-time.`);
			if (Date.parse(value) > now + 60_000) return error(400, 'InvalidInput', `${field} cannot be in the future.`);
		}
		if (spec.dataStartTime && spec.dataEndTime && Date.parse(String(spec.dataStartTime)) > Date.parse(String(spec.dataEndTime))) {
			return error(400, 'InvalidInput', 'dataStartTime must be before dataEndTime.');
		}
		const options = (spec.reportOptions ?? undefined) as Record<string, string> | undefined;
		const optionProblem = checkReportOptions(reportType, options, now);
		if (optionProblem) return error(400, 'InvalidInput', optionProblem);

		const served = this.served.get(reportType);
		const queued = this.queuedOutcomes.get(reportType)?.shift();
		// Analytics reports take any request and fail it later, saying why in the error document.
		const problem = analyticsRequestProblem(
			{ reportType, marketplaceIds: marketplaceIds.map(String), dataStartTime: spec.dataStartTime as string | undefined, dataEndTime: spec.dataEndTime as string | undefined, reportOptions: options },
			now,
		);
		const outcome: ReportOutcome = problem
			? { status: 'FATAL', errorText: errorDocument(problem), errorCompression: 'GZIP' }
			: (queued ?? { status: 'DONE', ...(served ? { document: served } : {}) });
		const report = this.store(
			{
				reportType,
				marketplaceIds: marketplaceIds.map(String),
				dataStartTime: spec.dataStartTime as string | undefined,
				dataEndTime: spec.dataEndTime as string | undefined,
				reportOptions: options,
			},
			outcome,
		);
		return json(202, { reportId: report.reportId });
	}

	private store(
		spec: { reportType: string; marketplaceIds: string[]; dataStartTime?: string; dataEndTime?: string; reportOptions?: Record<string, string> },
		outcome: ReportOutcome,
		createdAt = this.deps.now(),
	): StoredReport {
		const reportId = String(this.nextId++);
		// Amazon fills in a default range when none is asked for.
		const end = spec.dataEndTime ?? new Date(createdAt).toISOString();
		const start = spec.dataStartTime ?? new Date(Date.parse(end) - 30 * 86_400_000).toISOString();
		const report: StoredReport = {
			reportId,
			reportType: spec.reportType,
			marketplaceIds: spec.marketplaceIds,
			dataStartTime: start,
			dataEndTime: end,
			reportOptions: spec.reportOptions,
			createdTime: new Date(createdAt).toISOString(),
			createdAt,
			polls: 0,
			outcome,
			processingStatus: 'IN_QUEUE',
		};
		this.reports.set(reportId, report);
		return report;
	}

	private getReport(reportId: string): SpResponse {
		const report = this.reports.get(reportId);
		if (!report) return error(404, 'NotFound', `Report ${reportId} not found.`);
		if (report.processingStatus === 'IN_QUEUE' || report.processingStatus === 'IN_PROGRESS') {
			report.polls++;
			const needed = report.outcome.pollsUntilDone ?? this.pollsUntilDone;
			if (report.polls >= needed) this.finish(report);
			else if (report.polls > (report.outcome.queuedPolls ?? 0)) report.processingStatus = 'IN_PROGRESS';
		}
		return json(200, present(report));
	}

	private finish(report: StoredReport): void {
		const { outcome } = report;
		if (outcome.status === 'FATAL') {
			report.processingStatus = 'FATAL';
			if (outcome.errorText !== undefined) {
				report.reportDocumentId = this.putDocument(report, { text: outcome.errorText, compression: outcome.errorCompression ?? 'none' });
			}
			return;
		}
		const document = outcome.status === 'DONE' ? (outcome.document ?? defaultDocument(report)) : undefined;
		if (!document) {
			report.processingStatus = 'CANCELLED';
			return;
		}
		report.processingStatus = 'DONE';
		report.reportDocumentId = this.putDocument(report, document);
	}

	private readonly documents = new Map<string, { key: string; compression?: string }>();

	private putDocument(report: StoredReport, document: SpDocument): string {
		const id = `amzn1.spdoc.1.4.na.${report.reportId}.${randomBytes(6).toString('hex')}`;
		const charset = document.charset ?? 'UTF-8';
		let bytes: Uint8Array = document.bytes ?? encodeText(document.text, charset);
		if (document.compression === 'GZIP' && !document.bytes) bytes = gzipSync(bytes);
		const key = `sp-documents/${id}`;
		const stored = this.contentEncoding === 'stored' && document.compression === 'GZIP' ? 'gzip' : undefined;
		this.deps.putObject(key, bytes, document.contentType ?? `text/plain;charset=${charset}`, stored);
		this.documents.set(id, { key, compression: document.compression });
		return id;
	}

	private getReportDocument(documentId: string, askedForContentEncoding: boolean): SpResponse {
		const document = this.documents.get(documentId);
		if (!document) return error(404, 'NotFound', `Report document ${documentId} not found.`);
		const mode = askedForContentEncoding && this.contentEncoding === 'off' ? 'labelled' : this.contentEncoding;
		const encoded = (mode === 'labelled' || mode === 'unlabelled') && document.compression === 'GZIP';
		const labelledGzip = (document.compression === 'GZIP' && mode !== 'unlabelled') || document.compression === 'mislabelled';
		return json(200, {
			reportDocumentId: documentId,
			url: this.deps.presign(document.key, encoded ? { contentEncoding: 'gzip' } : undefined),
			...(labelledGzip ? { compressionAlgorithm: 'GZIP' } : {}),
		});
	}

	private getReports(query: Record<string, string>): SpResponse {
		let filters = query;
		let offset = 0;
		if (query.nextToken !== undefined) {
			if (Object.keys(query).length > 1) return error(400, 'InvalidInput', 'nextToken must be the only parameter.');
			try {
				const decoded = JSON.parse(Buffer.from(query.nextToken, 'base64url').toString('utf8')) as { filters: Record<string, string>; offset: number };
				filters = decoded.filters;
				offset = decoded.offset;
			} catch {
				return error(400, 'InvalidInput', 'Invalid nextToken.');
			}
		} else if (!query.reportTypes) {
			return error(400, 'InvalidInput', 'reportTypes or nextToken is required.');
		}
		const types = new Set(filters.reportTypes.split(','));
		if (types.size > 10) return error(400, 'InvalidInput', 'reportTypes takes at most 10 values.');
		const statuses = filters.processingStatuses ? new Set(filters.processingStatuses.split(',')) : undefined;
		const marketplaces = filters.marketplaceIds ? filters.marketplaceIds.split(',') : undefined;
		const since = filters.createdSince ? Date.parse(filters.createdSince) : this.deps.now() - 90 * 86_400_000;
		const until = filters.createdUntil ? Date.parse(filters.createdUntil) : Infinity;
		const pageSize = Math.min(100, Math.max(1, Number(filters.pageSize ?? 10)));
		const matching = [...this.reports.values()]
			.filter((r) => types.has(r.reportType))
			.filter((r) => !statuses || statuses.has(r.processingStatus))
			.filter((r) => !marketplaces || marketplaces.some((id) => r.marketplaceIds.includes(id)))
			.filter((r) => r.createdAt >= since && r.createdAt <= until)
			.sort((a, b) => b.createdAt - a.createdAt || Number(b.reportId) - Number(a.reportId));
		const page = matching.slice(offset, offset + pageSize);
		const more = offset + pageSize < matching.length;
		return json(200, {
			reports: page.map(present),
			...(more
				? { nextToken: Buffer.from(JSON.stringify({ filters, offset: offset + pageSize })).toString('base64url') }
				: {}),
		});
	}

	private cancelReport(reportId: string): SpResponse {
		const report = this.reports.get(reportId);
		if (!report) return error(404, 'NotFound', `Report ${reportId} not found.`);
		if (report.processingStatus !== 'IN_QUEUE') {
			return error(400, 'InvalidInput', `Report ${reportId} is ${report.processingStatus} and can no longer be cancelled.`);
		}
		report.processingStatus = 'CANCELLED';
		return { status: 200, headers: jsonHeaders(), body: '' };
	}
}

function checkReportOptions(reportType: string, options: Record<string, string> | undefined, now: number): string | undefined {
	const twoYears = 730 * 86_400_000;
	const pair = (from: string, to: string) => {
		const start = options?.[from];
		const end = options?.[to];
		if (!start || !end) return `reportOptions ${from} and ${to} are required.`;
		if (!/(Z|[+-]\d{2}:?\d{2})$/.test(start) || !/(Z|[+-]\d{2}:?\d{2})$/.test(end)) return `${from} and ${to} must name a time zone.`;
		if (Date.parse(start) > Date.parse(end)) return `${from} must be before ${to}.`;
		if (Date.parse(start) < now - twoYears) return `${from} cannot be more than two years ago.`;
		return undefined;
	};
	if (reportType === 'GET_PROMOTION_PERFORMANCE_REPORT') return pair('promotionStartDateFrom', 'promotionStartDateTo');
	if (reportType === 'GET_COUPON_PERFORMANCE_REPORT') {
		return options?.campaignStartDateFrom || options?.campaignStartDateTo
			? pair('campaignStartDateFrom', 'campaignStartDateTo')
			: pair('couponStartDateFrom', 'couponStartDateTo');
	}
	return undefined;
}

/** What each report type produces when a test does not say otherwise. */
function defaultDocument(report: StoredReport): SpDocument | undefined {
	const marketplaceId = report.marketplaceIds[0];
	switch (report.reportType) {
		case 'GET_SELLER_FEEDBACK_DATA': {
			const { tsv, rows } = generateFeedback(marketplaceId, report.dataStartTime, report.dataEndTime);
			// Amazon cancels the report when there is no 1–3 star feedback in the range.
			if (!rows.length) return undefined;
			return { text: tsv, charset: feedbackCharset(marketplaceId), compression: 'GZIP' };
		}
		case 'GET_V1_SELLER_PERFORMANCE_REPORT':
			return { text: customerMetricsDocumentedXml(report.marketplaceIds), contentType: 'text/xml;charset=UTF-8', compression: 'none' };
		case 'GET_V2_SELLER_PERFORMANCE_REPORT':
			// Labelled GZIP, sent plain: seen in the wild, so clients must look at the bytes.
			return { text: JSON.stringify(accountHealthSchemaVariant(marketplaceId)), compression: 'mislabelled' };
		case 'GET_PROMOTION_PERFORMANCE_REPORT':
			return {
				text: JSON.stringify(
					promotionReport(report.reportOptions?.promotionStartDateFrom ?? '', report.reportOptions?.promotionStartDateTo ?? '', report.marketplaceIds),
				),
				compression: 'none',
			};
		case SETTLEMENT_REPORT_TYPE:
			return settlementDocument(marketplaceId);
		case 'GET_COUPON_PERFORMANCE_REPORT':
			return {
				text: JSON.stringify(
					report.reportOptions?.campaignStartDateFrom ? vendorCouponReport(report.marketplaceIds) : sellerCouponReport(report.marketplaceIds),
				),
				compression: 'none',
			};
		default: {
			// Every other registered report type: the sample its registry file carries; the
			// catalogue's untyped types: a document of their format.
			const sample = reportTypeById(report.reportType)?.sample;
			if (sample) return { ...sample };
			return catalogueDocument(report.reportType);
		}
	}
}

function present(report: StoredReport): Record<string, unknown> {
	return {
		reportId: report.reportId,
		reportType: report.reportType,
		marketplaceIds: report.marketplaceIds,
		dataStartTime: report.dataStartTime,
		dataEndTime: report.dataEndTime,
		createdTime: report.createdTime,
		processingStatus: report.processingStatus,
		...(report.processingStatus !== 'IN_QUEUE' ? { processingStartTime: report.createdTime } : {}),
		...(['DONE', 'CANCELLED', 'FATAL'].includes(report.processingStatus) ? { processingEndTime: report.createdTime } : {}),
		...(report.reportDocumentId ? { reportDocumentId: report.reportDocumentId } : {}),
		...(report.reportScheduleId ? { reportScheduleId: report.reportScheduleId } : {}),
	};
}

function scheduleReply(answer: ScheduleAnswer): SpResponse {
	if (answer.error) return error(answer.status, answer.error.code, answer.error.message, answer.error.details);
	if (answer.body === undefined) return { status: answer.status, headers: jsonHeaders(), body: '' };
	return json(answer.status, answer.body);
}
