// The Report Type pickers' searches: type part of a name, a category or an ID ("settlement",
// "fba inventory", "GET_LEDGER"); each entry says its category, format, how it is made and its role.
import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import type { ReportTypeList } from '../reports/registry';
import { searchReportTypeChoices } from '../reports/registry';

function search(list: ReportTypeList, filter?: string): INodeListSearchResult {
	return {
		results: searchReportTypeChoices(list, filter).map(({ name, value, description }) => ({ name, value: String(value), description })),
	};
}

/** Get and Create: the types Amazon makes on request. */
export async function searchRequestableReportTypes(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return search('requestable', filter);
}

/** Report Schedule, Create: the types Amazon makes on request or only on a schedule. */
export async function searchSchedulableReportTypes(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return search('schedulable', filter);
}

/** Report Ready: every type whose reports Amazon may have, including those it makes by itself. */
export async function searchReadableReportTypes(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return search('readable', filter);
}
