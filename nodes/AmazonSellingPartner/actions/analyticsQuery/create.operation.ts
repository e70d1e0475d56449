// Create: submit an analytics query and return its ID at once (for workflows that wait elsewhere;
// Download gets its results).
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { queryRequestsFor } from '../../dataKiosk/parameters';
import { connectionFor } from '../../parameters';
import { createQuery } from '../../transport/dataKioskApi';
import { optionsCollection } from '../common.descriptions';
import { queryParameters, resultOptions } from './analyticsQuery.descriptions';

export const description: INodeProperties[] = updateDisplayOptions({ show: { resource: ['analyticsQuery'], operation: ['create'] } }, [
	...queryParameters,
	optionsCollection([resultOptions.includeB2b]),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const connection = await connectionFor.call(this, itemIndex);
	const signal = this.getExecutionCancelSignal();
	const items: INodeExecutionData[] = [];
	for (const request of queryRequestsFor.call(this, itemIndex, connection)) {
		const queryId = await createQuery(connection, { query: request.text }, signal, request.label);
		items.push({ json: { queryId, query: request.text, marketplaceId: request.marketplaceId ?? null, description: request.label } });
	}
	return items;
}
