import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toNodeError } from '../shared/errors';
import { getReport } from './operations/getReport';
import { salesReport } from './reports/sales';
import { subscriptionReport } from './reports/subscription';
import type { AppstoreReport } from './reports/types';

const REPORTS: Record<string, AppstoreReport> = {
	getSalesReport: salesReport,
	getSubscriptionReport: subscriptionReport,
};

/** Runs the operation once per input item, with that item's parameters. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const operation = this.getNodeParameter('operation', itemIndex) as string;
			const report = REPORTS[operation];
			if (!report) {
				throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not supported`, {
					itemIndex,
				});
			}
			output.push(...(await getReport.call(this, itemIndex, report)));
		} catch (error) {
			const nodeError = toNodeError(this.getNode(), error, itemIndex);
			if (this.continueOnFail()) {
				output.push({
					json: { error: nodeError.message, description: nodeError.description ?? null },
					pairedItem: { item: itemIndex },
				});
				continue;
			}
			throw nodeError;
		}
	}
	return [output];
}
