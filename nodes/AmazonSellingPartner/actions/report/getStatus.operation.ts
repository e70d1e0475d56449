// Get Status: a report's processing status, and its document ID once DONE.
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { connectionFor } from '../../parameters';
import { checkedId, getReport } from '../../transport/reportsApi';
import { reportIdParameter } from '../common.descriptions';

export const description: INodeProperties[] = updateDisplayOptions({ show: { resource: ['report'], operation: ['getStatus'] } }, [reportIdParameter]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const connection = await connectionFor.call(this, itemIndex);
	const reportId = checkedId(this.getNodeParameter('reportId', itemIndex, ''), 'Report ID');
	const report = await getReport(connection, reportId, this.getExecutionCancelSignal());
	return [{ json: report as unknown as IDataObject }];
}
