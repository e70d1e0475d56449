// The Selling Partner API for Data Kiosk (2023-11-15), as the emulator plays it: queries checked
// against the datasets' schemas (400 when Amazon would refuse them), a state machine per query
// (IN_QUEUE → IN_PROGRESS → DONE over polls; FATAL with an error document; CANCELLED; DONE without
// a document when there is no data), pages (a new createQuery with the same query and the token),
// getQueries with its pagination, token buckets per operation, and JSONL documents on presigned S3
// links (stored with Content-Encoding: gzip as Amazon serves them, or as gzip bytes, or plain).
import { createHash, randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';

import type { QueryField } from './data-kiosk-schema';
import { argumentProblem, DATASETS, namedType, OBJECT_TYPES, SCALARS, selectionProblem } from './data-kiosk-schema';
import { economics, salesAndTrafficByAsin, salesAndTrafficByDate } from './fixtures/data-kiosk';
import type { FieldNode, GraphqlValue } from './graphql';
import { GraphqlError, parseQuery } from './graphql';
import type { SpRequest, SpResponse } from './sp-common';
import { error, json, jsonHeaders, refusedToken, TokenBuckets } from './sp-common';

export type QueryStatus = 'IN_QUEUE' | 'IN_PROGRESS' | 'DONE' | 'FATAL' | 'CANCELLED';

/** How the next query created ends, instead of running against the fixtures. */
export type QueryOutcome = {
	/** getQuery polls before it finishes (default: dataKiosk.pollsUntilDone). */
	pollsUntilDone?: number;
	/** Polls during which it has not even started (stays IN_QUEUE). */
	queuedPolls?: number;
} & (
	| { status: 'DONE' }
	| { status: 'DONE'; noData: true }
	/** These lines (or bytes, e.g. gzipped or damaged) as its document. */
	| { status: 'DONE'; document: { text?: string; bytes?: Uint8Array } }
	| { status: 'FATAL'; errorMessage: string }
);

export interface DataKioskDeps {
	isValidAccessToken(token: string): boolean;
	putObject(key: string, bytes: Uint8Array, contentType: string, contentEncoding?: string): void;
	presign(key: string): string;
	now(): number;
}

interface StoredQuery {
	queryId: string;
	query: string;
	createdTime: string;
	createdAt: number;
	polls: number;
	processingStatus: QueryStatus;
	outcome: QueryOutcome;
	/** Where this page starts among the query's records. */
	offset: number;
	dataDocumentId?: string;
	errorDocumentId?: string;
	nextToken?: string;
}

const LIMITS: Record<string, [rate: number, burst: number]> = {
	createQuery: [0.0167, 15],
	getQuery: [2, 15],
	getQueries: [0.0222, 10],
	cancelQuery: [0.0222, 10],
	getDocument: [0.0167, 15],
};

const KNOWN_MARKETPLACES = new Set([
	'ATVPDKIKX0DER', 'A2EUQ1WTGCTBG2', 'A1AM78C64UM0Y8', 'A2Q3Y263D00KWC',
	'A1F83G8C2ARO7P', 'A1PA6795UKMFR9', 'A13V1IB3VIYZZH', 'APJ6JRA9NG5V4', 'A1RKKUPIHCS9HS', 'A1805IZSGTT6HS',
	'A2NODRKZP88ZB9', 'A1C3SOZRARQ6R3', 'AMEN7PMS3EDWL', 'A28R8C7NBKEWEA', 'A33AVAJ2PDY3EV', 'ARBP9OOSHTCHU',
	'A17E79C6D8DWNP', 'A2VIGQ35RCS4UG', 'A21TJRUUN4KGV', 'AE08WJ6YKNBMC',
	'A1VC38T7YXB528', 'A39IBJ37TRP1C6', 'A19VAU5U5O7RUS',
]);

const PATH = /^\/dataKiosk\/2023-11-15\/(queries|documents)(?:\/([^/]+))?$/;

export class DataKioskEmulator {
	/** getQuery polls a query takes to finish, unless its outcome says otherwise. */
	pollsUntilDone = 2;

	/** Records per page: a query with more gets pagination.nextToken. */
	pageSize = 100_000;

	/**
	 * How documents are stored on S3: 'contentEncoding' gzipped with Content-Encoding: gzip (Amazon's
	 * way; HTTP clients decode it on their own), 'gzip' as gzip bytes without the header, 'none' plain.
	 */
	compression: 'contentEncoding' | 'gzip' | 'none' = 'contentEncoding';

	/** Datasets the seller's app has no role for: their queries are refused (403), as Amazon does. */
	readonly deniedDatasets = new Set<string>();

	readonly queries = new Map<string, StoredQuery>();

	private readonly buckets: TokenBuckets;

	private readonly queued: QueryOutcome[] = [];

	private readonly documents = new Map<string, string>();

	private nextId = 1_000_000_000_001;

	constructor(private readonly deps: DataKioskDeps) {
		this.buckets = new TokenBuckets(LIMITS, () => this.deps.now());
		this.reset();
	}

	/** Counts of 429 answers, per operation. */
	get throttled(): Record<string, number> {
		return this.buckets.throttled;
	}

	reset(): void {
		this.pollsUntilDone = 2;
		this.pageSize = 100_000;
		this.compression = 'contentEncoding';
		this.deniedDatasets.clear();
		this.queries.clear();
		this.queued.length = 0;
		this.documents.clear();
		this.buckets.reset();
	}

	/** Changes an operation's token bucket, e.g. a burst of 1 to see 429s quickly. */
	setLimit(operation: string, rate: number, burst: number): void {
		this.buckets.set(operation, rate, burst);
	}

	/** The next query created ends this way (one outcome per query, in order). */
	queueOutcome(outcome: QueryOutcome): void {
		this.queued.push(outcome);
	}

	/** A query made elsewhere (another app, another workflow): listed by getQueries, run like the others. */
	addQuery(query: string, createdAt = this.deps.now()): string {
		const queryId = String(this.nextId++);
		this.queries.set(queryId, { queryId, query, createdTime: new Date(createdAt).toISOString(), createdAt, polls: 0, processingStatus: 'IN_QUEUE', outcome: { status: 'DONE' }, offset: 0 });
		return queryId;
	}

	/** A query still running finishes now. */
	complete(queryId: string): void {
		const query = this.queries.get(queryId);
		if (query && (query.processingStatus === 'IN_QUEUE' || query.processingStatus === 'IN_PROGRESS')) this.finish(query);
	}

	/** Handles /dataKiosk/2023-11-15/…; undefined for any other path. */
	handle(request: SpRequest): SpResponse | undefined {
		const match = PATH.exec(request.path);
		if (!match) return undefined;
		const [, collection, rawId] = match;
		const id = rawId === undefined ? undefined : decodeURIComponent(rawId);
		const operation =
			collection === 'documents'
				? request.method === 'GET' && id ? 'getDocument' : undefined
				: id
					? { GET: 'getQuery', DELETE: 'cancelQuery' }[request.method]
					: { GET: 'getQueries', POST: 'createQuery' }[request.method];
		if (!operation) return error(404, 'NotFound', 'Resource not found.');
		const refused = refusedToken(request, (token) => this.deps.isValidAccessToken(token)) ?? this.buckets.take(operation);
		if (refused) return refused;
		switch (operation) {
			case 'createQuery':
				return this.createQuery(request);
			case 'getQuery':
				return this.getQuery(id as string);
			case 'cancelQuery':
				return this.cancelQuery(id as string);
			case 'getQueries':
				return this.getQueries(request.query);
			default:
				return this.getDocument(id as string);
		}
	}

	private createQuery(request: SpRequest): SpResponse {
		if (!/application\/json/i.test(String(request.headers['content-type'] ?? ''))) {
			return error(415, 'UnsupportedMediaType', 'The request content type is not supported: send application/json.');
		}
		let body: { query?: unknown; paginationToken?: unknown };
		try {
			body = JSON.parse(request.body) as typeof body;
		} catch {
			return error(400, 'InvalidInput', 'Request body is not valid JSON.');
		}
		if (typeof body.query !== 'string' || !body.query.trim()) return error(400, 'InvalidInput', 'query is required.');
		if (minified(body.query).length > 8000) {
			return error(400, 'InvalidInput', 'The query is too long: at most 8000 characters after unnecessary whitespace is removed.');
		}
		let parsed: ParsedQuery;
		try {
			parsed = checkedQuery(body.query);
		} catch (problem) {
			return error(400, 'InvalidInput', `Invalid query: ${problem instanceof Error ? problem.message : String(problem)}`);
		}
		if (this.deniedDatasets.has(parsed.dataset)) {
			return error(403, 'Unauthorized', 'Unauthorized to access requested fields.', `Unauthorized to access: [${leafPaths(parsed.field, `${parsed.dataset}.${parsed.field.name}`).slice(0, 5).join(', ')}]`);
		}
		let offset = 0;
		if (body.paginationToken !== undefined) {
			const token = typeof body.paginationToken === 'string' ? readToken(body.paginationToken) : undefined;
			if (!token || token.query !== fingerprint(body.query)) {
				return error(400, 'InvalidInput', 'paginationToken is invalid or does not belong to this query.');
			}
			offset = token.offset;
		}
		const now = this.deps.now();
		const query: StoredQuery = {
			queryId: String(this.nextId++),
			query: body.query,
			createdTime: new Date(now).toISOString(),
			createdAt: now,
			polls: 0,
			processingStatus: 'IN_QUEUE',
			outcome: this.queued.shift() ?? { status: 'DONE' },
			offset,
		};
		this.queries.set(query.queryId, query);
		return json(202, { queryId: query.queryId });
	}

	private getQuery(queryId: string): SpResponse {
		const query = this.queries.get(queryId);
		if (!query) return error(404, 'NotFound', `Query ${queryId} not found.`);
		if (query.processingStatus === 'IN_QUEUE' || query.processingStatus === 'IN_PROGRESS') {
			query.polls++;
			if (query.polls >= (query.outcome.pollsUntilDone ?? this.pollsUntilDone)) this.finish(query);
			else if (query.polls > (query.outcome.queuedPolls ?? 0)) query.processingStatus = 'IN_PROGRESS';
		}
		return json(200, present(query));
	}

	private finish(query: StoredQuery): void {
		const { outcome } = query;
		if (outcome.status === 'FATAL') return this.fail(query, outcome.errorMessage);
		query.processingStatus = 'DONE';
		if ('noData' in outcome) return;
		if ('document' in outcome) {
			query.dataDocumentId = this.putDocument(outcome.document.bytes ?? new TextEncoder().encode(outcome.document.text ?? ''), outcome.document.bytes !== undefined);
			return;
		}
		const { records, problem } = recordsOf(checkedQuery(query.query), this.deps.now());
		if (problem) return this.fail(query, problem);
		const page = records.slice(query.offset, query.offset + this.pageSize);
		// DONE without a document: Amazon has no data for the query.
		if (!page.length) return;
		query.dataDocumentId = this.putDocument(new TextEncoder().encode(page.map((record) => `${JSON.stringify(record)}\n`).join('')), false);
		if (query.offset + this.pageSize < records.length) query.nextToken = writeToken(query.query, query.offset + this.pageSize);
	}

	/** FATAL, with a JSON error document saying why. */
	private fail(query: StoredQuery, errorMessage: string): void {
		query.processingStatus = 'FATAL';
		query.errorDocumentId = this.putDocument(new TextEncoder().encode(JSON.stringify({ errorMessage })), false);
	}

	private putDocument(bytes: Uint8Array, asGiven: boolean): string {
		const id = `amzn1.tortuga.4.na.${randomBytes(8).toString('hex')}`;
		const key = `data-kiosk/${id}`;
		const contentType = 'application/x-ndjson';
		if (asGiven || this.compression === 'none') this.deps.putObject(key, bytes, contentType);
		else if (this.compression === 'gzip') this.deps.putObject(key, gzipSync(bytes), contentType);
		else this.deps.putObject(key, gzipSync(bytes), contentType, 'gzip');
		this.documents.set(id, key);
		return id;
	}

	private getDocument(documentId: string): SpResponse {
		const key = this.documents.get(documentId);
		if (!key) return error(404, 'NotFound', `Document ${documentId} not found.`);
		return json(200, { documentId, documentUrl: this.deps.presign(key) });
	}

	private cancelQuery(queryId: string): SpResponse {
		const query = this.queries.get(queryId);
		if (!query) return error(404, 'NotFound', `Query ${queryId} not found.`);
		if (query.processingStatus === 'DONE' || query.processingStatus === 'FATAL') {
			return error(400, 'InvalidInput', `Query ${queryId} is ${query.processingStatus} and can no longer be cancelled.`);
		}
		query.processingStatus = 'CANCELLED';
		return { status: 204, headers: jsonHeaders(), body: '' };
	}

	private getQueries(parameters: Record<string, string>): SpResponse {
		const { paginationToken, pageSize: size, ...filters } = parameters;
		const pageSize = size === undefined ? 10 : Number(size);
		if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) return error(400, 'InvalidInput', 'pageSize must be between 1 and 100.');
		const statuses = filters.processingStatuses?.split(',');
		if (statuses?.some((status) => !['CANCELLED', 'DONE', 'FATAL', 'IN_PROGRESS', 'IN_QUEUE'].includes(status))) {
			return error(400, 'InvalidInput', 'processingStatuses holds an unknown status.');
		}
		let offset = 0;
		if (paginationToken !== undefined) {
			// Amazon wants the other parameters as they were (pageSize may change).
			const token = readToken(paginationToken);
			if (!token || token.query !== fingerprint(JSON.stringify(filters))) return error(400, 'InvalidInput', 'paginationToken is invalid or the filters changed.');
			offset = token.offset;
		}
		const now = this.deps.now();
		const since = filters.createdSince ? Date.parse(filters.createdSince) : now - 90 * 86_400_000;
		const until = filters.createdUntil ? Date.parse(filters.createdUntil) : now;
		const matching = [...this.queries.values()]
			.filter((query) => (!statuses || statuses.includes(query.processingStatus)) && query.createdAt >= since && query.createdAt <= until)
			.sort((a, b) => b.createdAt - a.createdAt || Number(b.queryId) - Number(a.queryId));
		const page = matching.slice(offset, offset + pageSize);
		const more = offset + pageSize < matching.length;
		return json(200, {
			queries: page.map(present),
			...(more ? { pagination: { nextToken: writeToken(JSON.stringify(filters), offset + pageSize) } } : {}),
		});
	}
}

function present(query: StoredQuery): Record<string, unknown> {
	const started = query.processingStatus !== 'IN_QUEUE' && query.processingStatus !== 'CANCELLED';
	const ended = ['DONE', 'FATAL', 'CANCELLED'].includes(query.processingStatus);
	return {
		queryId: query.queryId,
		query: query.query,
		createdTime: query.createdTime,
		processingStatus: query.processingStatus,
		...(started ? { processingStartTime: query.createdTime } : {}),
		...(ended ? { processingEndTime: query.createdTime } : {}),
		...(query.dataDocumentId ? { dataDocumentId: query.dataDocumentId } : {}),
		...(query.errorDocumentId ? { errorDocumentId: query.errorDocumentId } : {}),
		...(query.nextToken ? { pagination: { nextToken: query.nextToken } } : {}),
	};
}

// ---- queries: checked against the schema, run against the fixtures ---------------------------------

interface ParsedQuery {
	dataset: string;
	field: FieldNode;
	definition: QueryField;
}

/** Parses a query and checks it as Amazon's GraphQL validation does; throws what is wrong. */
function checkedQuery(text: string): ParsedQuery {
	const root = parseQuery(text);
	if (root.length !== 1) throw new GraphqlError('Query exactly one dataset.');
	const [datasetNode] = root;
	const fields = DATASETS[datasetNode.name];
	if (!fields) throw new GraphqlError(`Cannot query field "${datasetNode.name}" on type "Query".`);
	if (!datasetNode.selections || datasetNode.selections.length !== 1) throw new GraphqlError(`Query exactly one field of "${datasetNode.name}".`);
	const [field] = datasetNode.selections;
	const definition = fields[field.name];
	if (!definition) throw new GraphqlError(`Cannot query field "${field.name}" on type "${datasetNode.name}".`);
	for (const name of Object.keys(field.args)) {
		if (!(name in definition.args)) throw new GraphqlError(`Unknown argument "${name}" on field "${field.name}".`);
	}
	for (const [name, type] of Object.entries(definition.args)) {
		const problem = argumentProblem(field.args[name], type, name);
		if (problem) throw new GraphqlError(problem);
	}
	const problem = selectionProblem(field.selections, definition.type, field.name);
	if (problem) throw new GraphqlError(problem);
	return { dataset: datasetNode.name, field, definition };
}

const text = (value: GraphqlValue | undefined) => (value?.kind === 'string' || value?.kind === 'enum' ? value.value : undefined);
const list = (value: GraphqlValue | undefined) => (value === undefined || value.kind === 'null' ? [] : value.kind === 'list' ? value.values : [value]);

/** The records a query asks for, projected onto its fields; or why Amazon would fail it (FATAL). */
function recordsOf(parsed: ParsedQuery, now: number): { records: unknown[]; problem?: string } {
	const { field } = parsed;
	const startDate = text(field.args.startDate) as string;
	const endDate = text(field.args.endDate) as string;
	const marketplaceIds = list(field.args.marketplaceIds).map((value) => text(value) as string);
	const today = new Date(now).toISOString().slice(0, 10);
	const twoYearsAgo = new Date(Date.UTC(new Date(now).getUTCFullYear() - 2, new Date(now).getUTCMonth(), new Date(now).getUTCDate())).toISOString().slice(0, 10);
	if (startDate > endDate) return { records: [], problem: `startDate ${startDate} must not be after endDate ${endDate}.` };
	if (startDate < twoYearsAgo) return { records: [], problem: `startDate ${startDate} is invalid: the start date must be no more than two years ago (${twoYearsAgo}).` };
	if (endDate > today) return { records: [], problem: `endDate ${endDate} is invalid: it must not be in the future.` };
	const unknown = marketplaceIds.find((id) => !KNOWN_MARKETPLACES.has(id));
	if (unknown) return { records: [], problem: `Invalid marketplaceId: ${unknown}.` };
	const records: Record<string, unknown>[] = [];
	for (const marketplaceId of marketplaceIds) {
		if (field.name === 'salesAndTrafficByDate') records.push(...salesAndTrafficByDate(marketplaceId, startDate, endDate, text(field.args.aggregateBy) as string));
		else if (field.name === 'salesAndTrafficByAsin') records.push(...salesAndTrafficByAsin(marketplaceId, startDate, endDate, text(field.args.aggregateBy) as string));
		else {
			const aggregateBy = field.args.aggregateBy?.kind === 'object' ? field.args.aggregateBy.fields : {};
			records.push(
				...economics(
					marketplaceId,
					startDate,
					endDate,
					{ date: text(aggregateBy.date) ?? 'DAY', productId: text(aggregateBy.productId) ?? 'MSKU' },
					list(field.args.includeComponentsForFeeTypes).map((value) => text(value) as string),
				),
			);
		}
	}
	const type = namedType(parsed.definition.type);
	return { records: records.map((record) => project(record, field.selections as FieldNode[], type)) };
}

/** A record as GraphQL answers it: every selected field (under its alias), null when it has no value, and only those. */
function project(value: unknown, selections: FieldNode[], type: string): unknown {
	if (value === null || value === undefined) return null;
	if (Array.isArray(value)) return value.map((item) => project(item, selections, type));
	const record = value as Record<string, unknown>;
	const fields = OBJECT_TYPES[type];
	const answer: Record<string, unknown> = {};
	for (const selection of selections) {
		const fieldType = namedType(fields[selection.name]);
		const inner = record[selection.name];
		answer[selection.key] = SCALARS.has(fieldType) ? (inner ?? null) : project(inner, selection.selections as FieldNode[], fieldType);
	}
	return answer;
}

function leafPaths(field: FieldNode, path: string): string[] {
	if (!field.selections) return [path];
	return field.selections.flatMap((inner) => leafPaths(inner, `${path}.${inner.name}`));
}

/** The query without whitespace and comments, as Amazon measures its length. */
function minified(query: string): string {
	return query
		.replace(/#[^\n]*/g, '')
		.replace(/("(?:[^"\\\n]|\\.)*")|\s+/g, (_match, string: string | undefined) => string ?? ' ')
		.replace(/ ?([{}():,[\]!$=@|]) ?/g, '$1')
		.replace(/,/g, ' ')
		.trim();
}

const fingerprint = (value: string) => createHash('sha256').update(minified(value)).digest('hex').slice(0, 16);

function writeToken(query: string, offset: number): string {
	return Buffer.from(JSON.stringify({ query: fingerprint(query), offset })).toString('base64url');
}

function readToken(token: string): { query: string; offset: number } | undefined {
	try {
		const decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { query?: unknown; offset?: unknown };
		return typeof decoded.query === 'string' && typeof decoded.offset === 'number' ? { query: decoded.query, offset: decoded.offset } : undefined;
	} catch {
		return undefined;
	}
}
