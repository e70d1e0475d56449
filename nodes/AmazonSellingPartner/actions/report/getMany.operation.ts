// Get Many: reports of up to 10 types, filtered, following nextToken.
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { checkMarketplaces, checkRange, connectionFor, dateValue, reportTypesValue } from '../../parameters';
import type { ProcessingStatus } from '../../transport/reportsApi';
import { getReports } from '../../transport/reportsApi';
import { marketplacesParameter, processingStatusesFilter, returnAllParameters } from '../common.descriptions';

export const description: INodeProperties[] = updateDisplayOptions({ show: { resource: ['report'], operation: ['getMany'] } }, [
	{
		displayName: 'Report Type Names or IDs',
		name: 'reportTypes',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getReadableReportTypes' },
		default: ['GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2'],
		required: true,
		description:
			'Up to 10 report types. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	...returnAllParameters,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add filter',
		default: {},
		options: [
			{
				displayName: 'Created Since',
				name: 'createdSince',
				type: 'dateTime',
				default: '',
				description: 'Reports created at or after this moment. Empty: Amazon’s default, 90 days back.',
			},
			{ displayName: 'Created Until', name: 'createdUntil', type: 'dateTime', default: '', description: 'Empty: now' },
			{
				...marketplacesParameter,
				required: false,
				description: 'Only reports of these marketplaces. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			processingStatusesFilter,
		],
	},
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const connection = await connectionFor.call(this, itemIndex);
	const reportTypes = reportTypesValue(this.getNodeParameter('reportTypes', itemIndex, []));
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
