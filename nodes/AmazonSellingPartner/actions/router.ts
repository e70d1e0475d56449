import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { runPerItem } from '../../shared/runPerItem';
import * as analyticsQuery from './analyticsQuery/AnalyticsQuery.resource';
import * as report from './report/Report.resource';
import * as reportSchedule from './reportSchedule/ReportSchedule.resource';

type Operation = { execute: (this: IExecuteFunctions, itemIndex: number) => Promise<INodeExecutionData[]> };

const OPERATIONS: Record<string, Record<string, Operation>> = {
	report: report.operations,
	analyticsQuery: analyticsQuery.operations,
	reportSchedule: reportSchedule.operations,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runPerItem(this, async (itemIndex) => {
		const resource = this.getNodeParameter('resource', itemIndex, 'report') as string;
		const operation = this.getNodeParameter('operation', itemIndex) as string;
		const run = OPERATIONS[resource]?.[operation];
		if (!run) {
			throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not supported`, { itemIndex });
		}
		return await run.execute.call(this, itemIndex);
	});
}
