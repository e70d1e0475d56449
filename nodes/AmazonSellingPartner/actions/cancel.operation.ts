// Cancel: a report still IN_QUEUE (Amazon refuses to cancel one it has started).
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { connectionFor } from '../parameters';
import { cancelReport, checkedId } from '../transport/reportsApi';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const connection = await connectionFor.call(this, itemIndex);
	const reportId = checkedId(this.getNodeParameter('reportId', itemIndex, ''), 'Report ID');
	await cancelReport(connection, reportId, this.getExecutionCancelSignal());
	return [{ json: { reportId, cancelled: true } }];
}
