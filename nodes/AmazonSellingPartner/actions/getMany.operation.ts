// Get Many: reports of up to 10 types, filtered, following nextToken.
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { AmazonRequestError } from '../../shared/errors';
import { checkMarketplaces, checkRange, connectionFor, dateValue, reportTypeValue } from '../parameters';
import type { ProcessingStatus } from '../transport/reportsApi';
import { getReports } from '../transport/reportsApi';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const connection = await connectionFor.call(this, itemIndex);
	const raw = this.getNodeParameter('reportTypes', itemIndex, []) as string[] | string;
	const reportTypes = (Array.isArray(raw) ? raw : String(raw).split(',')).map((type) => String(type).trim()).filter(Boolean).map(reportTypeValue);
	if (!reportTypes.length || reportTypes.length > 10) {
		throw new AmazonRequestError(
			reportTypes.length ? `${reportTypes.length} report types given; Amazon takes at most 10` : '"Report Type Names or IDs" is empty',
			{ description: 'Choose between 1 and 10 report types.' },
		);
	}
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? Infinity : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as {
		createdSince?: string;
		createdUntil?: string;
		marketplaceIds?: string[];
		processingStatuses?: ProcessingStatus[];
	};
	const createdSince = dateValue(filters.createdSince, 'Created Since');
	const createdUntil = dateValue(filters.createdUntil, 'Created Until');
	checkRange({ label: 'Created Since', value: createdSince }, { label: 'Created Until', value: createdUntil });
	const marketplaceIds = filters.marketplaceIds?.length ? checkMarketplaces(filters.marketplaceIds, connection) : undefined;
	const signal = this.getExecutionCancelSignal();

	const items: INodeExecutionData[] = [];
	let page = await getReports(
		connection,
		{ reportTypes, processingStatuses: filters.processingStatuses, marketplaceIds, createdSince, createdUntil, pageSize: 100 },
		signal,
	);
	for (;;) {
		for (const report of page.reports) {
			if (items.length >= limit) return items;
			items.push({ json: report as unknown as IDataObject });
		}
		if (!page.nextToken || items.length >= limit) return items;
		// Amazon wants nextToken as the only parameter.
		page = await getReports(connection, { nextToken: page.nextToken }, signal);
	}
}
