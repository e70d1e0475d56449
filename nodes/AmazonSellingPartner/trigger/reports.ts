// What the Selling Partner trigger's events share: a report asked for in one poll and collected in
// a later one (no poll waits minutes for Amazon), and a finished report's items, typed like Get.
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import type { OutputPlan } from '../../shared/output/reportOutput';
import { DEFAULT_LIMITS, limitsWithMaxMegabytes } from '../../shared/pipeline/limits';
import { sendThroughN8n } from '../../shared/transport/http';
import { SP_OUTPUT_LABELS } from '../actions/common.descriptions';
import { documentItems } from '../items';
import type { LifecycleOptions } from '../lifecycle';
import { outcomeOf, startReport, waitUntilProcessed } from '../lifecycle';
import { reportTypeById } from '../reports/registry';
import type { CreateReportSpec, SpApiConnection, SpReport } from '../transport/reportsApi';
import { getReport, SP_API_CREDENTIAL, spApiConnection } from '../transport/reportsApi';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** "Fetch Test Event" gives this many items at most. */
export const SAMPLE_SIZE = 5;
/** A poll waits this long at most for a report it asked for; then the next poll collects it. */
const POLL_WAIT_MINUTES = 10 / 60;
/** A report still not finished after this long is given up and asked for again. */
const PENDING_GIVE_UP_MS = 6 * HOUR;

/** A report a poll asked for that Amazon had not finished: the next poll collects it. */
export interface Pending {
	reportId: string;
	since: string;
}

export async function connectTrigger(this: IPollFunctions): Promise<SpApiConnection> {
	return {
		...spApiConnection(await this.getCredentials(SP_API_CREDENTIAL), sendThroughN8n(this.helpers)),
		progress: (message) => this.logger.info(message),
	};
}

/** How a trigger's poll gets its reports: reused for a while, waited for briefly. */
export function lifecycle(this: IPollFunctions, options: IDataObject, manual: boolean): LifecycleOptions {
	const reuse = Number(options.reuseWithinMinutes ?? 60);
	return {
		reuseWithinMinutes: Number.isFinite(reuse) ? Math.max(0, reuse) : 60,
		// "Fetch Test Event" is interactive: it waits for the report; scheduled polls do not.
		maxWaitMinutes: manual ? 3 : POLL_WAIT_MINUTES,
		progress: (message) => this.logger.info(message),
		limits: DEFAULT_LIMITS,
	};
}

/**
 * The report of a request as far as this poll gets: a finished report (new or reused, or the one
 * a previous poll asked for), or the ID of one still being made.
 */
export async function reportOf(
	connection: SpApiConnection,
	spec: CreateReportSpec,
	pending: Pending | undefined,
	options: LifecycleOptions,
): Promise<{ finished: SpReport } | { pending: Pending }> {
	if (pending && Date.now() - Date.parse(pending.since) < PENDING_GIVE_UP_MS) {
		const report = await getReport(connection, pending.reportId);
		if (report.processingStatus === 'IN_QUEUE' || report.processingStatus === 'IN_PROGRESS') return { pending };
		return { finished: report };
	}
	const started = await startReport(connection, spec, options);
	let report = started.report;
	if (report.processingStatus === 'IN_QUEUE' || report.processingStatus === 'IN_PROGRESS') {
		report = await waitUntilProcessed(connection, report.reportId, spec.reportType, { ...options, returnUnfinished: true });
	}
	if (report.processingStatus === 'IN_QUEUE' || report.processingStatus === 'IN_PROGRESS') {
		options.progress(`Report ${report.reportId} (${spec.reportType}) is still ${report.processingStatus}: the next poll collects it`);
		return { pending: { reportId: report.reportId, since: new Date().toISOString() } };
	}
	return { finished: report };
}

/** The items of a finished report, typed like Get (none when Amazon cancelled it for lack of data). */
export async function itemsOf(
	this: IPollFunctions,
	connection: SpApiConnection,
	report: SpReport,
	choices: { output?: string; simplify?: boolean; returnFile?: boolean; plan?: OutputPlan; maxItemsMegabytes?: number } = {},
): Promise<INodeExecutionData[]> {
	const outcome = await outcomeOf(connection, report, true, {});
	if (outcome.status === 'CANCELLED') return [];
	return await documentItems.call(
		this,
		connection,
		outcome.document,
		{ reportType: report.reportType, reportId: report.reportId, marketplaceIds: report.marketplaceIds ?? [] },
		{
			simplify: choices.simplify ?? true,
			output: choices.output,
			returnFile: choices.returnFile ?? false,
			attachField: choices.returnFile ? 'data' : undefined,
			limits: limitsWithMaxMegabytes(undefined, reportTypeById(report.reportType)?.defaultMaxReportMegabytes),
			plan: choices.plan ?? { mode: 'items', fileField: 'data', labels: SP_OUTPUT_LABELS },
			maxItemsMegabytes: choices.maxItemsMegabytes,
		},
	);
}

/** The JSON of a report's items. */
export async function rowsOf(this: IPollFunctions, connection: SpApiConnection, report: SpReport, output?: string): Promise<IDataObject[]> {
	return (await itemsOf.call(this, connection, report, { output })).map((item) => item.json);
}

/** The trigger's option of reusing a report between polls (feedback and account health). */
export const reuseRecentOption = {
	displayName: 'Reuse Recent Report (Minutes)',
	name: 'reuseWithinMinutes',
	type: 'number' as const,
	typeOptions: { minValue: 0 },
	default: 60,
	description:
		'Checks within this time read the same report instead of creating one (Amazon allows about one new report a minute). Changes show up once a newer report is made.',
};
