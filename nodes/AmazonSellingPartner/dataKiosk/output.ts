// A query's results through the output stage every report goes through (nodes/shared/output):
// Filter Rows, then items (counted against what n8n can save), a JSON Lines file or a Summary per
// Group. A query's pages are one result set: its file, its summary and the item limit span them all.
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { compileFilter } from '../../shared/output/filter';
import type { ReportOutput } from '../../shared/output/reportOutput';
import type { DataKioskQuery } from '../transport/dataKioskApi';
import type { SpApiConnection } from '../transport/spApi';
import { queryFields } from './fields';
import type { ResultsOutcome } from './lifecycle';
import { readResults } from './lifecycle';
import type { ResultChoices } from './parameters';
import { recogniseQuery } from './queries';
import type { LineShaper } from './shape';

/**
 * Checks Filter Rows against the query's fields (a price compared with "cheap" …), before the query
 * is sent or waited for: a ready-made query's fields are known from its text.
 */
export function checkFilter(text: string, choices: ResultChoices): void {
	if (choices.simplify) compileFilter(choices.plan.filter, queryFields(text)?.kinds, choices.plan.labels.filter);
}

/**
 * The results of a finished query, all its pages, through `output` (one per input item: a Summary
 * per Group spans the marketplaces' queries, and the caller calls its `finish`).
 * `maxRecords`: the items still wanted (Limit).
 */
export async function queryResultItems(
	connection: SpApiConnection,
	first: DataKioskQuery,
	query: { label: string; shape: LineShaper; marketplaceId?: string },
	choices: ResultChoices,
	output: ReportOutput,
	maxRecords: number,
): Promise<{ outcome: ResultsOutcome; items: INodeExecutionData[] }> {
	const text = first.query ?? '';
	const shape = choices.simplify ? query.shape : undefined;
	let begun = false;
	// Between pages the node waits for Amazon, maybe minutes: a file's consumer is kept waiting too.
	const lifecycle =
		choices.plan.mode === 'file'
			? {
					...choices.lifecycle,
					progress: (message: string) => {
						output.keepAlive();
						choices.lifecycle.progress(message);
					},
				}
			: choices.lifecycle;
	let outcome: ResultsOutcome | undefined;
	try {
		outcome = await readResults(connection, first, query.label, lifecycle, {
			maxRecords,
			begin: () => {
				output.begin({
					what: `analytics query ${first.queryId} (${query.label})`,
					fileName: `${recogniseQuery(text).known ?? 'analyticsQuery'}_${first.queryId}`,
					// Data Kiosk documents are JSON Lines: a file of the results is one too.
					format: 'tree',
					kinds: shape ? queryFields(text)?.kinds : undefined,
					about: { queryId: first.queryId, marketplaceId: query.marketplaceId ?? null, description: query.label },
				});
				begun = true;
			},
			take: shape ? (record) => output.accept(shape(record)) : (record) => output.accept(record as IDataObject),
			wantsMorePages: () => !output.overItemLimit,
			ready: () => output.ready(),
		});
	} finally {
		if (!outcome && begun) await output.fail();
	}
	if (!begun) return { outcome, items: [] };
	return { outcome, items: await output.end({ unread: outcome.status === 'read' && outcome.truncated }) };
}
