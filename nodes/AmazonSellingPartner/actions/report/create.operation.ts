// Create: ask Amazon for a report and return its ID at once (for workflows that wait elsewhere).
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { connectionFor, reportRequestFor } from '../../parameters';
import { createReport } from '../../transport/reportsApi';
import { dataRangeParameters, marketplacesParameter, optionsCollection, readingOptions, reportTypeOwnParameters, reportTypeParameter } from '../common.descriptions';

export const description: INodeProperties[] = updateDisplayOptions({ show: { resource: ['report'], operation: ['create'] } }, [
	reportTypeParameter('requestable'),
	marketplacesParameter,
	...dataRangeParameters,
	...reportTypeOwnParameters('create'),
	optionsCollection([readingOptions.otherReportOptions]),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const connection = await connectionFor.call(this, itemIndex);
	const { spec } = reportRequestFor.call(this, itemIndex, connection);
	const reportId = await createReport(connection, spec, this.getExecutionCancelSignal());
	return [{ json: { reportId, reportType: spec.reportType, marketplaceIds: spec.marketplaceIds } }];
}
