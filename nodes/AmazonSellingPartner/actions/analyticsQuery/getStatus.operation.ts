// Get Status: a query's processing status, its document IDs once finished, and its next page.
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { connectionFor } from '../../parameters';
import { checkedQueryId, getQuery } from '../../transport/dataKioskApi';
import { queryIdParameter } from './analyticsQuery.descriptions';

export const description: INodeProperties[] = updateDisplayOptions({ show: { resource: ['analyticsQuery'], operation: ['getStatus'] } }, [
	queryIdParameter,
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const connection = await connectionFor.call(this, itemIndex);
	const queryId = checkedQueryId(this.getNodeParameter('queryId', itemIndex, ''));
	const query = await getQuery(connection, queryId, this.getExecutionCancelSignal());
	return [{ json: query as unknown as IDataObject }];
}
