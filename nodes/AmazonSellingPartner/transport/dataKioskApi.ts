// The Selling Partner API for Data Kiosk (2023-11-15): GraphQL queries over Amazon's analytics
// datasets, run asynchronously. Its five operations, their rates, and its refusals in words.
import type { HttpMethod } from '../../shared/transport/http';
import { REGION_NAMES } from '../marketplaces';
import type { OperationLimits, SpApiAdvice, SpApiConnection, SpApiRequest } from './spApi';
import { operationPolicy } from '../../shared/transport/retry';
import { AccountPacers, callSpApi, checkedId, unexpectedAnswer } from './spApi';

export type QueryStatus = 'IN_QUEUE' | 'IN_PROGRESS' | 'DONE' | 'FATAL' | 'CANCELLED';

export const QUERY_STATUSES: QueryStatus[] = ['CANCELLED', 'DONE', 'FATAL', 'IN_PROGRESS', 'IN_QUEUE'];

/** A query as getQuery and getQueries describe it. */
export interface DataKioskQuery {
	queryId: string;
	query: string;
	createdTime: string;
	processingStatus: QueryStatus;
	processingStartTime?: string;
	processingEndTime?: string;
	/** Only when the query has data: the JSONL document. */
	dataDocumentId?: string;
	/** Only when it failed: a JSON document saying why. */
	errorDocumentId?: string;
	/** When more results exist: the next page is a new createQuery with the same query and this token. */
	pagination?: { nextToken?: string };
}

export interface DataKioskDocument {
	documentId: string;
	/** Presigned, five minutes; a compressed document says so with Content-Encoding. */
	documentUrl: string;
}

export interface QueryFilters {
	processingStatuses?: QueryStatus[];
	pageSize?: number;
	createdSince?: string;
	createdUntil?: string;
}

/** Rates of Amazon's usage plan (requests per second / burst). */
interface Rate {
	rate: number;
	burst: number;
	/** Kept to by the package, per seller account, rather than only waited out after a 429. */
	paced: boolean;
}

// createQuery (one a minute after a burst of 15) is paced: a paginated result asks for one query
// per page, and a 429 storm helps no one. Status polls (getQuery), made in a loop, are paced too.
// The others only wait when Amazon answers 429, as the Reports API's do.
const RATES: Record<string, Rate> = {
	createQuery: { rate: 0.0167, burst: 15, paced: true },
	getQuery: { rate: 2, burst: 15, paced: true },
	getQueries: { rate: 0.0222, burst: 10, paced: false },
	cancelQuery: { rate: 0.0222, burst: 10, paced: false },
	getDocument: { rate: 0.0167, burst: 15, paced: false },
};

type Operation = 'createQuery' | 'getQuery' | 'getQueries' | 'cancelQuery' | 'getDocument';

const PACERS = Object.fromEntries(
	Object.entries(RATES).map(([operation, { rate, burst, paced }]) => [operation, paced ? new AccountPacers(rate, burst) : undefined]),
) as Record<Operation, AccountPacers | undefined>;

function limitsOf(connection: SpApiConnection, operation: Operation): OperationLimits {
	return { pacer: PACERS[operation]?.for(connection), retry: operationPolicy(RATES[operation].rate).retry };
}

const API = 'Data Kiosk API';

const ADVICE: SpApiAdvice = {
	api: API,
	denied: (connection, request) =>
		`The app needs ${roleFor(request)}, and the seller must authorize the app again after the role was added; the marketplaces must belong to the credential’s region (${REGION_NAMES[connection.region]}). Amazon lists the fields it refused below.`,
	throttled: (operation) =>
		operation === 'createQuery'
			? 'Amazon lets an account create about one query a minute after a burst of 15 (each page of a long result is a query). Space out the workflow runs, or narrow the date range.'
			: 'Wait a minute before running again; other workflows may use the same app.',
	notFoundWhat: 'this query or document',
	notFound: 'Check the ID. Amazon keeps queries and their documents only as long as the dataset’s retention (30 days for Sales and Traffic and Seller Economics), and document links for five minutes.',
	rejected: (operation) =>
		operation === 'createQuery'
			? 'Amazon checks the query against the dataset’s GraphQL schema: field names, arguments (dates as "YYYY-MM-DD", marketplace IDs) and at most 8,000 characters without whitespace. Amazon’s answer is below.'
			: 'Check the ID and the filters. Amazon’s answer is below.',
};

/** The role a query's dataset needs, as far as the request tells. */
function roleFor(request: SpApiRequest): string {
	const query = String((request.body as { query?: unknown } | undefined)?.query ?? '');
	if (query.includes('analytics_economics_')) return 'the Selling Partner Insights role (Seller Economics)';
	if (query.includes('analytics_salesAndTraffic_')) return 'the Brand Analytics role (Sales and Traffic)';
	return 'the role of the query’s dataset (Brand Analytics for Sales and Traffic and vendor analytics, Selling Partner Insights for Seller Economics)';
}

const PATH = '/dataKiosk/2023-11-15';

/** Submits a query (or the next page of one); returns its queryId. `about` names it in errors. */
export async function createQuery(
	connection: SpApiConnection,
	specification: { query: string; paginationToken?: string },
	signal?: AbortSignal,
	about?: string,
): Promise<string> {
	const body = await call(connection, 'createQuery', 'POST', `${PATH}/queries`, {
		body: specification.paginationToken ? specification : { query: specification.query },
		signal,
		purpose: specification.paginationToken ? 'the next page of an analytics query' : 'a new analytics query',
		about,
	});
	if (typeof body.queryId !== 'string') throw unexpectedAnswer(API, 'createQuery', body);
	return body.queryId;
}

export async function getQuery(connection: SpApiConnection, queryId: string, signal?: AbortSignal): Promise<DataKioskQuery> {
	checkedQueryId(queryId);
	const body = await call(connection, 'getQuery', 'GET', `${PATH}/queries/${encodeURIComponent(queryId)}`, {
		signal,
		purpose: `the status of analytics query ${queryId}`,
	});
	if (typeof body.queryId !== 'string' || typeof body.processingStatus !== 'string') throw unexpectedAnswer(API, 'getQuery', body);
	return body as unknown as DataKioskQuery;
}

export async function getQueries(
	connection: SpApiConnection,
	filters: QueryFilters & { paginationToken?: string },
	signal?: AbortSignal,
): Promise<{ queries: DataKioskQuery[]; nextToken?: string }> {
	const params = new URLSearchParams();
	for (const [key, value] of Object.entries(filters)) {
		if (value === undefined || value === '' || (Array.isArray(value) && !value.length)) continue;
		params.set(key, Array.isArray(value) ? value.join(',') : String(value));
	}
	const body = await call(connection, 'getQueries', 'GET', `${PATH}/queries?${params.toString()}`, { signal, purpose: 'the list of analytics queries' });
	const pagination = body.pagination as { nextToken?: unknown } | undefined;
	return {
		queries: Array.isArray(body.queries) ? (body.queries as DataKioskQuery[]) : [],
		nextToken: typeof pagination?.nextToken === 'string' && pagination.nextToken ? pagination.nextToken : undefined,
	};
}

/** Cancels a query still IN_QUEUE or IN_PROGRESS (a CANCELLED one is left as it is). */
export async function cancelQuery(connection: SpApiConnection, queryId: string, signal?: AbortSignal): Promise<void> {
	checkedQueryId(queryId);
	await call(connection, 'cancelQuery', 'DELETE', `${PATH}/queries/${encodeURIComponent(queryId)}`, {
		signal,
		purpose: `the cancellation of analytics query ${queryId}`,
	});
}

export async function getDocument(connection: SpApiConnection, documentId: string, signal?: AbortSignal): Promise<DataKioskDocument> {
	checkedId(documentId, 'Document ID', 'Get Status of an analytics query');
	const body = await call(connection, 'getDocument', 'GET', `${PATH}/documents/${encodeURIComponent(documentId)}`, {
		signal,
		purpose: `the link to analytics document ${documentId}`,
	});
	if (typeof body.documentUrl !== 'string') throw unexpectedAnswer(API, 'getDocument', body);
	return { documentId, documentUrl: body.documentUrl };
}

export function checkedQueryId(value: unknown): string {
	return checkedId(value, 'Query ID', 'Create or Get Many of resource Analytics Query, or the error of a Run that ran out of time');
}

async function call(
	connection: SpApiConnection,
	operation: Operation,
	method: HttpMethod,
	path: string,
	request: SpApiRequest,
): Promise<Record<string, unknown>> {
	return await callSpApi(connection, operation, limitsOf(connection, operation), ADVICE, method, path, request);
}
