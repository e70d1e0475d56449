// Run: submit an analytics query, wait for Amazon to run it, and return its results — as items, a
// file or a summary, filtered or not — following its pages (one query per marketplace).
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { itemBudgetFor } from '../../../shared/output/itemLimit';
import { ReportOutput } from '../../../shared/output/reportOutput';
import { startQuery } from '../../dataKiosk/lifecycle';
import { checkFilter, queryResultItems } from '../../dataKiosk/output';
import { queryRequestsFor, resultChoicesFor, tellOutcome } from '../../dataKiosk/parameters';
import { connectionFor } from '../../parameters';
import { optionsCollection, readingOptions } from '../common.descriptions';
import { queryParameters, queryRowOutputParameters, resultOptions, resultReturnAllParameters, simplifyResultsParameter } from './analyticsQuery.descriptions';

export const description: INodeProperties[] = updateDisplayOptions({ show: { resource: ['analyticsQuery'], operation: ['run'] } }, [
	...queryParameters,
	simplifyResultsParameter,
	...queryRowOutputParameters,
	...resultReturnAllParameters,
	optionsCollection([
		resultOptions.failIfNoData,
		readingOptions.fileField,
		resultOptions.includeB2b,
		readingOptions.maxGroups,
		readingOptions.maxItemsSize,
		resultOptions.maxResultSize,
		resultOptions.maxWait,
	]),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const connection = await connectionFor.call(this, itemIndex);
	const requests = queryRequestsFor.call(this, itemIndex, connection);
	const choices = resultChoicesFor.call(this, itemIndex);
	for (const request of requests) checkFilter(request.text, choices);
	const items: INodeExecutionData[] = [];
	const pairedItem = { item: itemIndex };
	// One output for all the marketplaces' queries: a Summary per Group spans them.
	const output = new ReportOutput(this, choices.plan, itemBudgetFor(this, choices.maxItemsMegabytes), pairedItem);
	for (const [index, request] of requests.entries()) {
		if (items.length >= choices.maxRecords) {
			const skipped = requests.slice(index).map((rest) => rest.label);
			this.addExecutionHints({
				message: `Stopped at the limit of ${choices.maxRecords.toLocaleString('en-US')} items before querying ${skipped.join('; ')}. Turn on "Return All" to get them too.`,
				location: 'outputPane',
			});
			break;
		}
		const finished = await startQuery(connection, request, choices.lifecycle);
		const { outcome, items: made } = await queryResultItems(connection, finished, request, choices, output, choices.maxRecords - items.length);
		tellOutcome.call(this, outcome, request.label, choices);
		for (const item of made) items.push(item);
	}
	for (const item of output.finish()) items.push(item);
	return items;
}
