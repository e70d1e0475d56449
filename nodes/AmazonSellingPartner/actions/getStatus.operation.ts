// Get Status: a report's processing status, and its document ID once DONE.
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { connectionFor } from '../parameters';
import { checkedId, getReport } from '../transport/reportsApi';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const connection = await connectionFor.call(this, itemIndex);
	const reportId = checkedId(this.getNodeParameter('reportId', itemIndex, ''), 'Report ID');
	const report = await getReport(connection, reportId, this.getExecutionCancelSignal());
	return [{ json: report as unknown as IDataObject }];
}
