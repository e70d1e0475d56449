// Cancel: Amazon makes no more reports of the schedule (the reports it made stay).
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { connectionFor } from '../../parameters';
import { cancelReportSchedule } from '../../transport/schedulesApi';
import { checkedId } from '../../transport/reportsApi';
import { reportScheduleIdParameter } from '../common.descriptions';

export const description: INodeProperties[] = updateDisplayOptions({ show: { resource: ['reportSchedule'], operation: ['cancel'] } }, [reportScheduleIdParameter]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const connection = await connectionFor.call(this, itemIndex);
	const reportScheduleId = checkedId(this.getNodeParameter('reportScheduleId', itemIndex, ''), 'Report Schedule ID');
	await cancelReportSchedule(connection, reportScheduleId, this.getExecutionCancelSignal());
	return [{ json: { reportScheduleId, cancelled: true } }];
}
