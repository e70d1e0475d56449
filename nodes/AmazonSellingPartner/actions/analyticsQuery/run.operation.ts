// Run: submit an analytics query, wait for Amazon to run it, and return its results as items,
// following its pages (one query per marketplace).
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runQuery } from '../../dataKiosk/lifecycle';
import { itemSink, queryRequestsFor, resultChoicesFor, tellOutcome } from '../../dataKiosk/parameters';
import { connectionFor } from '../../parameters';
import { optionsCollection } from '../common.descriptions';
import { returnAllParameters } from '../common.descriptions';
import { queryParameters, resultOptions, simplifyResultsParameter } from './analyticsQuery.descriptions';

export const description: INodeProperties[] = updateDisplayOptions({ show: { resource: ['analyticsQuery'], operation: ['run'] } }, [
	...queryParameters,
	...returnAllParameters,
	simplifyResultsParameter,
	optionsCollection([resultOptions.failIfNoData, resultOptions.includeB2b, resultOptions.maxResultSize, resultOptions.maxWait]),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const connection = await connectionFor.call(this, itemIndex);
	const requests = queryRequestsFor.call(this, itemIndex, connection);
	const choices = resultChoicesFor.call(this, itemIndex);
	const items: INodeExecutionData[] = [];
	const pairedItem = { item: itemIndex };
	for (const [index, request] of requests.entries()) {
		if (items.length >= choices.maxRecords) {
			const skipped = requests.slice(index).map((rest) => rest.label);
			this.addExecutionHints({
				message: `Stopped at the limit of ${choices.maxRecords.toLocaleString('en-US')} items before querying ${skipped.join('; ')}. Turn on "Return All" to get them too.`,
				location: 'outputPane',
			});
			break;
		}
		const outcome = await runQuery(connection, request, choices.lifecycle, choices.maxRecords - items.length, itemSink(items, request.shape, choices.simplify, pairedItem));
		tellOutcome.call(this, outcome, request.label, choices);
	}
	return items;
}
