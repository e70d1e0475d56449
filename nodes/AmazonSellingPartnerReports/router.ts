import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { runPerItem } from '../shared/runPerItem';
import * as performanceReports from './operations/performanceReports';
import * as reportSteps from './operations/reportSteps';

type Operation = (this: IExecuteFunctions, itemIndex: number) => Promise<INodeExecutionData[]>;

const OPERATIONS: Record<string, Record<string, Operation>> = {
	performanceReport: {
		getSellerFeedback: performanceReports.getSellerFeedback,
		getCustomerMetrics: performanceReports.getCustomerMetrics,
		getAccountHealth: performanceReports.getAccountHealth,
		getPromotionPerformance: performanceReports.getPromotionPerformance,
		getCouponPerformance: performanceReports.getCouponPerformance,
	},
	report: {
		requestAndDownload: reportSteps.requestAndDownload,
		create: reportSteps.create,
		getStatus: reportSteps.getStatus,
		getMany: reportSteps.getMany,
		cancel: reportSteps.cancel,
		downloadDocument: reportSteps.downloadDocumentById,
	},
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runPerItem(this, async (itemIndex) => {
		const resource = this.getNodeParameter('resource', itemIndex) as string;
		const operation = this.getNodeParameter('operation', itemIndex) as string;
		const run = OPERATIONS[resource]?.[operation];
		if (!run) {
			throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not supported`, { itemIndex });
		}
		return await run.call(this, itemIndex);
	});
}
