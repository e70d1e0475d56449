// Get: request a report (or reuse a recent one), wait for it, and return its rows as items.
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { AmazonRequestError } from '../../../shared/errors';
import { documentItems, reportOutputFor } from '../../items';
import { obtainReport } from '../../lifecycle';
import { connectionFor, downloadChoicesFor, lifecycleOptionsFor, reportRequestFor } from '../../parameters';
import { deliveredAsFile } from '../../reports/registry';
import {
	dataRangeParameters,
	marketplacesParameter,
	optionsCollection,
	readingOptions,
	reportTypeOwnParameters,
	reportTypeParameter,
	rowOutputParameters,
	simplifyParameter,
} from '../common.descriptions';

export const description: INodeProperties[] = updateDisplayOptions({ show: { resource: ['report'], operation: ['get'] } }, [
	reportTypeParameter('requestable'),
	marketplacesParameter,
	...dataRangeParameters,
	...reportTypeOwnParameters('get'),
	simplifyParameter,
	...rowOutputParameters,
	optionsCollection([
		readingOptions.attachOriginalFile,
		readingOptions.failIfNoData,
		readingOptions.fileField,
		readingOptions.maxGroups,
		readingOptions.maxItemsSize,
		readingOptions.maxReportSize,
		readingOptions.maxWait,
		readingOptions.otherReportOptions,
		readingOptions.returnFile,
		readingOptions.reuseRecent,
	]),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const connection = await connectionFor.call(this, itemIndex);
	const { spec, definition } = reportRequestFor.call(this, itemIndex, connection);
	const choices = downloadChoicesFor.call(this, itemIndex, definition);
	// A PDF, Excel or ZIP document has no rows: it comes as a file.
	if (deliveredAsFile(spec.reportType)) choices.returnFile = true;
	const lifecycle = lifecycleOptionsFor.call(this, itemIndex, definition);
	// Reports whose rows do not say their marketplace are made one per marketplace.
	const requests = definition?.perMarketplace ? spec.marketplaceIds.map((id) => ({ ...spec, marketplaceIds: [id] })) : [spec];
	let items: INodeExecutionData[] = [];
	const pairedItem = { item: itemIndex };
	// One output for all the requests: a Summary per Group spans the marketplaces' reports.
	const output = reportOutputFor.call(this, choices, pairedItem);
	for (const request of requests) {
		const outcome = await obtainReport(connection, request, lifecycle);
		if (outcome.status === 'CANCELLED') {
			const message = `Amazon cancelled report ${outcome.report.reportId} (${request.reportType}): it had no data for this request`;
			if (choices.failIfNoData) {
				throw new AmazonRequestError(message, {
					description:
						'Amazon cancels a report when there is nothing to report (for feedback: no 1–3 star ratings in the range; ranges under ~5 days often come back empty). Widen the range, or turn off "Fail When Amazon Has No Data".',
				});
			}
			lifecycle.progress(`${message}; no items`);
			continue;
		}
		const about = { reportType: request.reportType, reportId: outcome.report.reportId, marketplaceIds: request.marketplaceIds };
		const made = await documentItems.call(this, connection, outcome.document, about, choices, lifecycle.signal, pairedItem, output);
		if (requests.length === 1) items = made;
		else for (const item of made) items.push(item);
	}
	for (const item of output.finish()) items.push(item);
	return items;
}
