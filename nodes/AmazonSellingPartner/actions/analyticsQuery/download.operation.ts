// Download: the results of a query made earlier (by Create, or a Run that ran out of time), by
// its ID; waits for it to finish, follows its pages, and types its lines as Run does.
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readResults, waitForQuery } from '../../dataKiosk/lifecycle';
import { itemSink, resultChoicesFor, tellOutcome } from '../../dataKiosk/parameters';
import { recogniseQuery } from '../../dataKiosk/queries';
import { connectionFor } from '../../parameters';
import { checkedQueryId, getQuery } from '../../transport/dataKioskApi';
import { optionsCollection } from '../common.descriptions';
import { returnAllParameters } from '../common.descriptions';
import { queryIdParameter, resultOptions, simplifyResultsParameter } from './analyticsQuery.descriptions';

export const description: INodeProperties[] = updateDisplayOptions({ show: { resource: ['analyticsQuery'], operation: ['download'] } }, [
	queryIdParameter,
	...returnAllParameters,
	simplifyResultsParameter,
	optionsCollection([resultOptions.failIfNoData, resultOptions.maxResultSize, resultOptions.maxWait]),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const connection = await connectionFor.call(this, itemIndex);
	const queryId = checkedQueryId(this.getNodeParameter('queryId', itemIndex, ''));
	const choices = resultChoicesFor.call(this, itemIndex);
	let query = await getQuery(connection, queryId, choices.lifecycle.signal);
	// Amazon's query text says what it asks for: a ready-made query's lines are typed as Run types them.
	const { name, shape } = recogniseQuery(query.query ?? '');
	if (query.processingStatus === 'IN_QUEUE' || query.processingStatus === 'IN_PROGRESS') {
		query = await waitForQuery(connection, queryId, name, choices.lifecycle);
	}
	const items: INodeExecutionData[] = [];
	const outcome = await readResults(connection, query, name, choices.lifecycle, choices.maxRecords, itemSink(items, shape, choices.simplify, { item: itemIndex }));
	tellOutcome.call(this, outcome, name, choices);
	return items;
}
