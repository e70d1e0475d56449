import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { runPerItem } from '../../shared/runPerItem';
import { appstoreReportTypeByOperation } from '../reports/registry';
import * as getReport from './getReport.operation';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runPerItem(this, async (itemIndex) => {
		const operation = this.getNodeParameter('operation', itemIndex) as string;
		const report = appstoreReportTypeByOperation(operation);
		if (!report) {
			throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not supported`, { itemIndex });
		}
		return await getReport.execute.call(this, itemIndex, report);
	});
}
