// Get Many: the account's analytics queries of the last 90 days (Amazon's default), filtered,
// following Amazon's pages.
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { checkRange, connectionFor, dateValue } from '../../parameters';
import type { QueryStatus } from '../../transport/dataKioskApi';
import { getQueries } from '../../transport/dataKioskApi';
import { processingStatusesFilter, returnAllParameters } from '../common.descriptions';

export const description: INodeProperties[] = updateDisplayOptions({ show: { resource: ['analyticsQuery'], operation: ['getMany'] } }, [
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
				description: 'Queries created at or after this moment. Empty: Amazon’s default, 90 days back.',
			},
			{ displayName: 'Created Until', name: 'createdUntil', type: 'dateTime', default: '', description: 'Empty: now' },
			processingStatusesFilter,
		],
	},
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const connection = await connectionFor.call(this, itemIndex);
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? Number.POSITIVE_INFINITY : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as { createdSince?: string; createdUntil?: string; processingStatuses?: QueryStatus[] };
	const createdSince = dateValue(filters.createdSince, 'Created Since');
	const createdUntil = dateValue(filters.createdUntil, 'Created Until');
	checkRange({ label: 'Created Since', value: createdSince }, { label: 'Created Until', value: createdUntil });
	const signal = this.getExecutionCancelSignal();
	// Amazon wants the same filters with each page's token (only the page size may change).
	const query = { processingStatuses: filters.processingStatuses, createdSince, createdUntil };
	const items: INodeExecutionData[] = [];
	for (let paginationToken: string | undefined; ; ) {
		const page = await getQueries(connection, { ...query, pageSize: Math.min(100, limit - items.length), paginationToken }, signal);
		for (const found of page.queries) {
			if (items.length >= limit) return items;
			items.push({ json: found as unknown as IDataObject });
		}
		if (!page.nextToken || items.length >= limit) return items;
		paginationToken = page.nextToken;
	}
}
