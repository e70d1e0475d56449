// Get: one schedule, by its ID.
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { connectionFor } from '../../parameters';
import { getReportSchedule } from '../../transport/schedulesApi';
import { reportScheduleIdParameter } from '../common.descriptions';
import { scheduleItem } from './schedule';

export const description: INodeProperties[] = updateDisplayOptions({ show: { resource: ['reportSchedule'], operation: ['get'] } }, [reportScheduleIdParameter]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const connection = await connectionFor.call(this, itemIndex);
	const schedule = await getReportSchedule(connection, this.getNodeParameter('reportScheduleId', itemIndex, '') as string, this.getExecutionCancelSignal());
	return [{ json: scheduleItem(schedule) }];
}
