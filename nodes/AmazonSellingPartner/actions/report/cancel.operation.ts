// Cancel: a report still IN_QUEUE (Amazon refuses to cancel one it has started).
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { connectionFor } from '../../parameters';
import { cancelReport, checkedId } from '../../transport/reportsApi';
import { reportIdParameter } from '../common.descriptions';

export const description: INodeProperties[] = updateDisplayOptions({ show: { resource: ['report'], operation: ['cancel'] } }, [reportIdParameter]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const connection = await connectionFor.call(this, itemIndex);
	const reportId = checkedId(this.getNodeParameter('reportId', itemIndex, ''), 'Report ID');
	await cancelReport(connection, reportId, this.getExecutionCancelSignal());
	return [{ json: { reportId, cancelled: true } }];
}
