// Get Many: the schedules of up to 10 report types.
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { connectionFor, reportTypesValue } from '../../parameters';
import { getReportSchedules } from '../../transport/schedulesApi';
import { returnAllParameters } from '../common.descriptions';
import { scheduleItem } from './schedule';

export const description: INodeProperties[] = updateDisplayOptions({ show: { resource: ['reportSchedule'], operation: ['getMany'] } }, [
	{
		displayName: 'Report Type Names or IDs',
		name: 'reportTypes',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getSchedulableReportTypes' },
		default: [],
		required: true,
		description:
			'Up to 10 report types whose schedules to list. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	...returnAllParameters,
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const connection = await connectionFor.call(this, itemIndex);
	const reportTypes = reportTypesValue(this.getNodeParameter('reportTypes', itemIndex, []));
	const limit = (this.getNodeParameter('returnAll', itemIndex, false) as boolean) ? Infinity : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const schedules = await getReportSchedules(connection, reportTypes, this.getExecutionCancelSignal());
	return schedules.slice(0, limit).map((schedule) => ({ json: scheduleItem(schedule) }));
}
