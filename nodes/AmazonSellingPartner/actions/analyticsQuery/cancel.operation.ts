// Cancel: a query still IN_QUEUE or IN_PROGRESS (Amazon refuses to cancel a finished one).
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { connectionFor } from '../../parameters';
import { cancelQuery, checkedQueryId } from '../../transport/dataKioskApi';
import { queryIdParameter } from './analyticsQuery.descriptions';

export const description: INodeProperties[] = updateDisplayOptions({ show: { resource: ['analyticsQuery'], operation: ['cancel'] } }, [
	queryIdParameter,
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const connection = await connectionFor.call(this, itemIndex);
	const queryId = checkedQueryId(this.getNodeParameter('queryId', itemIndex, ''));
	await cancelQuery(connection, queryId, this.getExecutionCancelSignal());
	return [{ json: { queryId, cancelled: true } }];
}
