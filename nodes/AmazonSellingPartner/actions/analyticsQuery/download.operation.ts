// Download: the results of a query made earlier (by Create, or a Run that ran out of time), by
// its ID; waits for it to finish, follows its pages, and types its lines, filters, files or
// summarizes them as Run does.
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { itemBudgetFor } from '../../../shared/output/itemLimit';
import { ReportOutput } from '../../../shared/output/reportOutput';
import { waitForQuery } from '../../dataKiosk/lifecycle';
import { checkFilter, queryResultItems } from '../../dataKiosk/output';
import { resultChoicesFor, tellOutcome } from '../../dataKiosk/parameters';
import { recogniseQuery } from '../../dataKiosk/queries';
import { connectionFor } from '../../parameters';
import { checkedQueryId, getQuery } from '../../transport/dataKioskApi';
import { optionsCollection, readingOptions } from '../common.descriptions';
import { queryIdParameter, queryRowOutputParameters, resultOptions, resultReturnAllParameters, simplifyResultsParameter } from './analyticsQuery.descriptions';

export const description: INodeProperties[] = updateDisplayOptions({ show: { resource: ['analyticsQuery'], operation: ['download'] } }, [
	queryIdParameter,
	simplifyResultsParameter,
	...queryRowOutputParameters,
	...resultReturnAllParameters,
	optionsCollection([
		resultOptions.failIfNoData,
		readingOptions.fileField,
		readingOptions.maxGroups,
		readingOptions.maxItemsSize,
		resultOptions.maxResultSize,
		resultOptions.maxWait,
	]),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const connection = await connectionFor.call(this, itemIndex);
	const queryId = checkedQueryId(this.getNodeParameter('queryId', itemIndex, ''));
	const choices = resultChoicesFor.call(this, itemIndex);
	let query = await getQuery(connection, queryId, choices.lifecycle.signal);
	// Amazon's query text says what it asks for: a ready-made query's lines are typed as Run types them.
	const text = query.query ?? '';
	const { name, shape } = recogniseQuery(text);
	checkFilter(text, choices);
	if (query.processingStatus === 'IN_QUEUE' || query.processingStatus === 'IN_PROGRESS') {
		query = await waitForQuery(connection, queryId, name, choices.lifecycle);
	}
	const output = new ReportOutput(this, choices.plan, itemBudgetFor(this, choices.maxItemsMegabytes), { item: itemIndex });
	const { outcome, items } = await queryResultItems(connection, { ...query, query: query.query || text }, { label: name, shape }, choices, output, choices.maxRecords);
	tellOutcome.call(this, outcome, name, choices);
	for (const item of output.finish()) items.push(item);
	return items;
}
