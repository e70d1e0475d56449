// Download: a report made earlier (by Create, a schedule, or a Get that ran out of time), by its
// ID. Its type and marketplaces come from Amazon, so a known type is typed as Get types it.
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { AmazonRequestError } from '../../../shared/errors';
import { documentItems } from '../../items';
import { outcomeOf, waitUntilProcessed } from '../../lifecycle';
import { connectionFor, downloadChoicesFor, lifecycleOptionsFor } from '../../parameters';
import { deliveredAsFile, outputOptions, reportTypeById } from '../../reports/registry';
import { checkedId, getReport } from '../../transport/reportsApi';
import { optionsCollection, readingOptions, reportIdParameter, rowOutputParameters, simplifyParameter } from '../common.descriptions';

export const description: INodeProperties[] = updateDisplayOptions({ show: { resource: ['report'], operation: ['download'] } }, [
	reportIdParameter,
	simplifyParameter,
	...rowOutputParameters,
	// Download learns the report type from Amazon: each type's own output choice is an option.
	optionsCollection([
		readingOptions.attachOriginalFile,
		readingOptions.fileField,
		readingOptions.maxGroups,
		readingOptions.maxItemsSize,
		readingOptions.maxReportSize,
		readingOptions.maxWait,
		readingOptions.returnFile,
		...outputOptions(),
	]),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const connection = await connectionFor.call(this, itemIndex);
	const reportId = checkedId(this.getNodeParameter('reportId', itemIndex, ''), 'Report ID');
	const signal = this.getExecutionCancelSignal();
	let report = await getReport(connection, reportId, signal);
	const definition = reportTypeById(report.reportType);
	const lifecycle = lifecycleOptionsFor.call(this, itemIndex, definition);
	if (report.processingStatus === 'IN_QUEUE' || report.processingStatus === 'IN_PROGRESS') {
		report = await waitUntilProcessed(connection, reportId, report.reportType, lifecycle);
	}
	const outcome = await outcomeOf(connection, report, true, lifecycle);
	if (outcome.status === 'CANCELLED') {
		throw new AmazonRequestError(`Report ${reportId} (${report.reportType}) was cancelled: it has no document`, {
			description: 'Amazon cancels a report that had no data, or that was cancelled. Request a new one.',
		});
	}
	const choices = downloadChoicesFor.call(this, itemIndex, definition);
	if (deliveredAsFile(report.reportType)) choices.returnFile = true;
	const about = { reportType: report.reportType, reportId, marketplaceIds: report.marketplaceIds ?? [] };
	return await documentItems.call(this, connection, outcome.document, about, choices, signal, { item: itemIndex });
}
