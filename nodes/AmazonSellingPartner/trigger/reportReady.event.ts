// Report Ready: each report of a type that Amazon finishes, once, whatever order it finishes them
// in, including the ones it makes on a schedule (settlements, report schedules). It only reads the
// list of reports: it creates none.
// State: { watch: reportType, seen: [[reportId, createdMs]] }: a report is keyed by its ID.
import type { INodeExecutionData } from 'n8n-workflow';

import { outputOptions, outputPlanFor } from '../../shared/output/parameters';
import type { OutputMode } from '../../shared/output/reportOutput';

import type { TriggerEvent } from '../../shared/trigger/event';
import { reportTypeParameter, rowOutputParameters, SP_OUTPUT_LABELS } from '../actions/common.descriptions';
import { reportTypeValue } from '../parameters';
import { deliveredAsFile, outputParameterOf, outputParameters, presetOf, reportTypeById } from '../reports/registry';
import type { SpApiConnection, SpReport } from '../transport/reportsApi';
import { getReports } from '../transport/reportsApi';
import { DAY, HOUR, itemsOf, SAMPLE_SIZE } from './reports';

export const reportReadyEvent: TriggerEvent<SpApiConnection> = {
	option: {
		name: 'Report Ready',
		value: 'reportReady',
		description: 'Each report of a type that Amazon finishes, once, including those Amazon makes on a schedule',
	},
	parameters: [
		reportTypeParameter('readable', 'GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2'),
		{
			displayName: 'Simplify',
			name: 'simplify',
			type: 'boolean',
			default: true,
			description:
				'Whether to return typed items, as the Amazon Selling Partner node’s Get does. Off: Amazon’s column names and text, or the document as Amazon sent it.',
		},
		// The report type's own output choice (e.g. Summary per Settlement), shown beside the type.
		...outputParameters({}),
		// Return Rows As (items, a file, a summary per group), Filter Rows: as the node's Get.
		...rowOutputParameters,
	],
	options: [
		{ ...outputOptions.fileField, displayOptions: { show: { '/returnRowsAs': ['file'] } } },
		{ ...outputOptions.maxGroups, displayOptions: { show: { '/returnRowsAs': ['summary'] } } },
		{ ...outputOptions.maxItemsSize, displayOptions: { show: { '/returnRowsAs': ['items'] } } },
		{
			displayName: 'Look Back (Hours)',
			name: 'lookBackHours',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 2160 },
			default: 72,
			description: 'Reports created this long ago or less are watched: a report that takes longer than this to finish is not emitted',
		},
		{
			displayName: 'Return File Instead of Items',
			name: 'returnFile',
			type: 'boolean',
			default: false,
			description: 'Whether to emit each report as one item with its document as a file, instead of its rows',
		},
	],
	// It only reads the list of reports Amazon made: cheap to check often.
	checkEveryMinutes: 15,
	stateVersion: 1,

	async poll({ connection, state, manual, options }) {
		const reportType = reportTypeValue(this.getNodeParameter('reportType', '', { extractValue: true }));
		const definition = reportTypeById(reportType);
		const returnFile = options.returnFile === true || deliveredAsFile(reportType);
		const outputParameter = outputParameterOf(definition);
		const output = outputParameter ? String(this.getNodeParameter(outputParameter.name, outputParameter.default)) : undefined;
		// The report's own output choice may name one of its summary presets (Summary per Settlement), as in the node's Get.
		const preset = presetOf(definition, output);
		const simplify = preset !== undefined || (this.getNodeParameter('simplify', true) as boolean);
		const lookBackMs = Math.max(1, Number(options.lookBackHours ?? 72)) * HOUR;
		const listed = await doneReports(connection, reportType, manual ? 89 * DAY : lookBackMs);
		const mode = preset ? 'summary' : (this.getNodeParameter('returnRowsAs', 'items') as OutputMode);
		const plan = outputPlanFor((name, fallback) => this.getNodeParameter(name, fallback), mode, SP_OUTPUT_LABELS, { preset });
		// "Fetch test event" shows a few items: the rest of a big report is read, not kept.
		if (manual) plan.sample = SAMPLE_SIZE;
		const maxItemsMegabytes = options.maxItemsMegabytes as number | undefined;
		const deliver = async (report: SpReport): Promise<INodeExecutionData[]> => {
			const items = await itemsOf.call(this, connection, report, { simplify, returnFile, output, plan, maxItemsMegabytes });
			if (returnFile) for (const item of items) item.json = { ...item.json, createdTime: report.createdTime ?? null };
			return items;
		};
		if (manual) return { items: listed.length ? (await deliver(listed[listed.length - 1])).slice(0, SAMPLE_SIZE) : [], state: {} };

		// Watching another type starts afresh: the reports it already has are not news.
		const first = state?.watch !== reportType;
		const seen = new Map<string, number>(first ? [] : ((state?.seen ?? []) as Array<[string, number]>));
		const items: INodeExecutionData[] = [];
		for (const report of listed) {
			if (seen.has(report.reportId)) continue;
			// Every report once, whatever order Amazon finishes them in.
			if (!first) for (const item of await deliver(report)) items.push(item);
			seen.set(report.reportId, Date.parse(report.createdTime ?? '') || Date.now());
		}
		const keepAfter = Date.now() - lookBackMs - HOUR;
		return { items, state: { watch: reportType, seen: [...seen].filter(([, created]) => created >= keepAfter).slice(-2_000) } };
	},
};

/** DONE reports of a type created within the window, oldest first. */
async function doneReports(connection: SpApiConnection, reportType: string, windowMs: number): Promise<SpReport[]> {
	const reports: SpReport[] = [];
	let page = await getReports(connection, {
		reportTypes: [reportType],
		processingStatuses: ['DONE'],
		createdSince: new Date(Date.now() - windowMs).toISOString(),
		pageSize: 100,
	});
	for (let pages = 1; ; pages++) {
		for (const report of page.reports) reports.push(report);
		// getReports allows a request every 45 seconds or so: a few pages per poll at most.
		if (!page.nextToken || pages >= 3) break;
		page = await getReports(connection, { nextToken: page.nextToken });
	}
	return reports.sort(
		(a, b) => Date.parse(a.createdTime ?? '') - Date.parse(b.createdTime ?? '') || Number(a.reportId) - Number(b.reportId),
	);
}
