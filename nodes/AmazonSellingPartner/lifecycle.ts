// The Reports API lifecycle, hidden behind one call: reuse a recent report or create one, wait for
// it within the rate limits, and hand back its document (or why there is none).
import { createHash } from 'node:crypto';

import { AmazonRequestError } from '../shared/errors';
import type { Limits } from '../shared/pipeline/limits';
import { DEFAULT_LIMITS } from '../shared/pipeline/limits';
import { pollUntilFinished } from '../shared/transport/poll';
import { readDocumentText } from './document';
import { reportTypeById } from './reports/registry';
import type { CreateReportSpec, ReportDocument, SpApiConnection, SpReport } from './transport/reportsApi';
import { cancelReport, createReport, getReport, getReportDocument, getReports } from './transport/reportsApi';

export interface LifecycleOptions {
	/** Reuse a finished report of the same request created within this many minutes; 0 = never. */
	reuseWithinMinutes: number;
	/** Give up waiting after this many minutes. */
	maxWaitMinutes: number;
	signal?: AbortSignal;
	/** Tells the user what a long wait is waiting for. */
	progress: (message: string) => void;
	limits?: Limits;
}

export type LifecycleOutcome =
	| { status: 'DONE'; report: SpReport; document: ReportDocument; reused: boolean }
	| { status: 'CANCELLED'; report: SpReport; reused: boolean };

// Reports this process created, by request, so a reuse also matches report options (which
// getReports does not return).
const created = new Map<string, { reportId: string; createdAt: number }>();

function requestKey(connection: SpApiConnection, spec: CreateReportSpec): string {
	const canonical = JSON.stringify({
		host: connection.baseUrl,
		client: connection.lwa.clientId,
		type: spec.reportType,
		marketplaces: [...spec.marketplaceIds].sort(),
		start: spec.dataStartTime ?? null,
		end: spec.dataEndTime ?? null,
		options: Object.entries(spec.reportOptions ?? {}).sort(([a], [b]) => a.localeCompare(b)),
	});
	return createHash('sha256').update(canonical).digest('hex');
}

export async function obtainReport(
	connection: SpApiConnection,
	spec: CreateReportSpec,
	options: LifecycleOptions,
): Promise<LifecycleOutcome> {
	const started = await startReport(connection, spec, options);
	const report =
		started.report.processingStatus === 'IN_QUEUE' || started.report.processingStatus === 'IN_PROGRESS'
			? await waitUntilProcessed(connection, started.report.reportId, spec.reportType, options)
			: started.report;
	return await outcomeOf(connection, report, started.reused, options);
}

/**
 * Reuses a recent report of the same request (finished or still processing) or creates one, and
 * returns it without waiting: the triggers collect it on a later poll.
 */
export async function startReport(
	connection: SpApiConnection,
	spec: CreateReportSpec,
	options: Pick<LifecycleOptions, 'reuseWithinMinutes' | 'signal' | 'progress'>,
): Promise<{ report: SpReport; reused: boolean }> {
	const reusable = options.reuseWithinMinutes > 0 ? await findReusable(connection, spec, options) : undefined;
	if (reusable) {
		options.progress(`Reusing report ${reusable.reportId} (${spec.reportType}), created ${reusable.createdTime ?? 'recently'}`);
		return { report: reusable, reused: true };
	}
	const reportId = await createReport(connection, spec, options.signal);
	created.set(requestKey(connection, spec), { reportId, createdAt: Date.now() });
	options.progress(`Requested report ${reportId} (${spec.reportType})`);
	return {
		report: { reportId, reportType: spec.reportType, processingStatus: 'IN_QUEUE', marketplaceIds: spec.marketplaceIds },
		reused: false,
	};
}

/** A finished report as the caller needs it: its document, "no data", or why Amazon failed it. */
export async function outcomeOf(
	connection: SpApiConnection,
	report: SpReport,
	reused: boolean,
	options: Pick<LifecycleOptions, 'signal' | 'limits'>,
): Promise<LifecycleOutcome> {
	if (report.processingStatus === 'CANCELLED') return { status: 'CANCELLED', report, reused };
	if (report.processingStatus === 'FATAL') throw await fatalError(connection, report, options);
	if (!report.reportDocumentId) {
		throw new AmazonRequestError(`Report ${report.reportId} is DONE but Amazon gave no document for it`, {
			description: 'Run the node again in a few minutes.',
		});
	}
	const document = await getReportDocument(connection, report.reportDocumentId, options.signal);
	return { status: 'DONE', report, document, reused };
}

async function findReusable(
	connection: SpApiConnection,
	spec: CreateReportSpec,
	options: Pick<LifecycleOptions, 'reuseWithinMinutes' | 'signal'>,
): Promise<SpReport | undefined> {
	const maxAgeMs = options.reuseWithinMinutes * 60_000;
	const key = requestKey(connection, spec);
	const known = created.get(key);
	if (known && Date.now() - known.createdAt <= maxAgeMs) {
		// A report Amazon no longer knows (or that belongs to other credentials) is simply not reused.
		const report = await getReport(connection, known.reportId, options.signal).catch(() => undefined);
		if (!report) created.delete(key);
		else if (['DONE', 'IN_QUEUE', 'IN_PROGRESS'].includes(report.processingStatus)) return report;
	}
	// Reports made elsewhere (Seller Central, another workflow) count too, when the request has
	// no report options: getReports does not tell which options a report was made with.
	if (spec.reportOptions && Object.keys(spec.reportOptions).length) return undefined;
	const since = new Date(Date.now() - maxAgeMs).toISOString();
	const { reports } = await getReports(
		connection,
		{
			reportTypes: [spec.reportType],
			processingStatuses: ['DONE'],
			marketplaceIds: spec.marketplaceIds,
			createdSince: since,
			pageSize: 100,
		},
		options.signal,
	);
	const wanted = [...spec.marketplaceIds].sort().join(',');
	return reports
		.filter((report) => [...(report.marketplaceIds ?? [])].sort().join(',') === wanted)
		.filter((report) => !spec.dataStartTime || sameInstant(report.dataStartTime, spec.dataStartTime))
		.filter((report) => !spec.dataEndTime || sameInstant(report.dataEndTime, spec.dataEndTime))
		.filter((report) => report.reportDocumentId)
		.sort((a, b) => Date.parse(b.createdTime ?? '') - Date.parse(a.createdTime ?? ''))[0];
}

function sameInstant(a: string | undefined, b: string): boolean {
	return a !== undefined && Date.parse(a) === Date.parse(b);
}

export async function waitUntilProcessed(
	connection: SpApiConnection,
	reportId: string,
	reportType: string,
	options: Pick<LifecycleOptions, 'maxWaitMinutes' | 'signal' | 'progress'> & {
		/** At the deadline, hand back the report still processing instead of failing (triggers collect it later). */
		returnUnfinished?: boolean;
	},
): Promise<SpReport> {
	const outcome = await pollUntilFinished({
		check: () => getReport(connection, reportId, options.signal),
		processing: (report) => (report.processingStatus === 'IN_QUEUE' || report.processingStatus === 'IN_PROGRESS' ? report.processingStatus : undefined),
		what: `report ${reportId} (${reportType})`,
		maxWaitMinutes: options.maxWaitMinutes,
		signal: options.signal,
		progress: options.progress,
	});
	if (outcome.finished || options.returnUnfinished) return outcome.value;
	// Best effort: the timeout below is what the user needs to see, whether or not the cancel lands.
	if (outcome.status === 'IN_QUEUE') await cancelReport(connection, reportId, options.signal).catch(() => undefined);
	throw new AmazonRequestError(`Report ${reportId} (${reportType}) was still ${outcome.status} after ${outcome.waited}`, {
		description:
			outcome.status === 'IN_QUEUE'
				? `It had not started, so it was cancelled to free Amazon's queue. Run the node later, or raise "Max Wait (Minutes)".`
				: `Amazon is still building it and keeps it for 90 days: fetch it later with the operation "Download" (resource Report) and Report ID ${reportId}; it waits for the report to finish. Or raise "Max Wait (Minutes)".`,
	});
}

/** A FATAL report may carry a document saying why; show that reason. */
async function fatalError(
	connection: SpApiConnection,
	report: SpReport,
	options: Pick<LifecycleOptions, 'signal' | 'limits'>,
): Promise<AmazonRequestError> {
	let reason: string | undefined;
	if (report.reportDocumentId) {
		try {
			const document = await getReportDocument(connection, report.reportDocumentId, options.signal);
			reason = describeFailure(await readDocumentText(connection, document, options.limits ?? DEFAULT_LIMITS, options.signal));
		} catch {
			reason = undefined;
		}
	}
	const name = reportTypeById(report.reportType)?.name;
	return new AmazonRequestError(
		`Amazon could not build report ${report.reportId} (${name ? `${name}, ` : ''}${report.reportType}): ${reason ?? 'FATAL, without a reason'}`,
		{
			description:
				'Check the report type, marketplaces, dates and report options. Some reports can only be requested once per period; requesting them again fails.',
			amazonResponse: reason,
		},
	);
}

/** The reason an error document gives (JSON with errorDetails, errorMessage … or plain text), short. */
export function describeFailure(text: string): string {
	try {
		const parsed = JSON.parse(text) as Record<string, unknown>;
		const details = parsed.errorDetails ?? parsed.errorMessage ?? parsed.message ?? parsed.errors;
		if (typeof details === 'string') return details;
		if (details !== undefined) return JSON.stringify(details).slice(0, 500);
	} catch {
		// not JSON: the text itself is the reason
	}
	return text.trim().slice(0, 500) || 'FATAL, with an empty error document';
}
