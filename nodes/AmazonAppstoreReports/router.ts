import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { runPerItem } from '../shared/runPerItem';
import { getReport } from './operations/getReport';
import { salesReport } from './reports/sales';
import { subscriptionReport } from './reports/subscription';
import type { AppstoreReport } from './reports/types';

const REPORTS: Record<string, AppstoreReport> = {
	getSalesReport: salesReport,
	getSubscriptionReport: subscriptionReport,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runPerItem(this, async (itemIndex) => {
		const operation = this.getNodeParameter('operation', itemIndex) as string;
		const report = REPORTS[operation];
		if (!report) {
			throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not supported`, { itemIndex });
		}
		return await getReport.call(this, itemIndex, report);
	});
}
