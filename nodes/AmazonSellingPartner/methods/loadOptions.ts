// Lists the editor loads: the marketplaces of the credential's region, the report types.
import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import type { Region } from '../marketplaces';
import { marketplaceOptions } from '../marketplaces';
import { reportTypeChoices } from '../reports/registry';
import { SP_API_CREDENTIAL } from '../transport/reportsApi';

export async function getMarketplaces(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const credential = await this.getCredentials(SP_API_CREDENTIAL).catch(() => undefined);
	const region = String(credential?.region ?? '');
	return marketplaceOptions(['na', 'eu', 'fe'].includes(region) ? (region as Region) : undefined);
}

/** Get Many (reports): every type whose reports Amazon may still keep, a removed one labelled. */
export async function getReadableReportTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return reportTypeChoices('readable');
}

/** Get Many (schedules): the types that can have a schedule. */
export async function getSchedulableReportTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return reportTypeChoices('schedulable');
}
