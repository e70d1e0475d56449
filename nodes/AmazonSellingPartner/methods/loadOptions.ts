// Lists the editor loads from the credential: the marketplaces of its region.
import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import type { Region } from '../marketplaces';
import { marketplaceOptions } from '../marketplaces';
import { SP_API_CREDENTIAL } from '../transport/reportsApi';

export async function getMarketplaces(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const credential = await this.getCredentials(SP_API_CREDENTIAL).catch(() => undefined);
	const region = String(credential?.region ?? '');
	return marketplaceOptions(['na', 'eu', 'fe'].includes(region) ? (region as Region) : undefined);
}
