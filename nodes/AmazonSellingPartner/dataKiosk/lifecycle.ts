// The Data Kiosk lifecycle behind one call: create the query, wait for Amazon to run it within the
// rate limits, read its document, and follow its pages (each page is a new createQuery with the
// same query and the page's token) until done or until the items wanted are in hand.
import { AmazonRequestError } from '../../shared/errors';
import type { Limits } from '../../shared/pipeline/limits';
import { pollUntilFinished } from '../../shared/transport/poll';
import { throwIfAborted } from '../../shared/transport/wait';
import { describeFailure } from '../lifecycle';
import type { DataKioskQuery } from '../transport/dataKioskApi';
import { cancelQuery, createQuery, getQuery } from '../transport/dataKioskApi';
import type { SpApiConnection } from '../transport/spApi';
import { readDataDocument, readDocumentText } from './results';

export interface QueryLifecycleOptions {
	/** Give up waiting for one query (one page) after this many minutes. */
	maxWaitMinutes: number;
	signal?: AbortSignal;
	/** Tells the user what a long wait is waiting for. */
	progress: (message: string) => void;
	limits: Limits;
}

export type ResultsOutcome =
	/** DONE without a data document: Amazon has no data for the query. */
	| { status: 'noData'; queryId: string }
	/** `truncated`: Amazon had more than the items wanted (the rest was not fetched). */
	| { status: 'read'; records: number; truncated: boolean; queryIds: string[] };

/** Where the lines of a query's results go, page after page. */
export interface ResultReader {
	/** Lines to count at most: no page past them is asked for (Return All: no limit). */
	maxRecords: number;
	/** The query has a document: its lines follow (not called when Amazon has no data). */
	begin?: () => void;
	/** Takes one line; true when it counts towards maxRecords (Filter Rows may leave it out). */
	take: (record: Record<string, unknown>) => boolean;
	/** Asked before each further page: false stops (the items are already past what n8n can save). */
	wantsMorePages?: () => boolean;
	/** Awaited before each downloaded chunk: an output that falls behind (a file being stored) holds the download. */
	ready?: () => Promise<void> | undefined;
}

/** Creates a query and waits for Amazon to run it; its first page is then read by `readResults`. */
export async function startQuery(connection: SpApiConnection, query: { text: string; label: string }, options: QueryLifecycleOptions): Promise<DataKioskQuery> {
	const queryId = await createQuery(connection, { query: query.text }, options.signal, query.label);
	options.progress(`Created analytics query ${queryId} (${query.label})`);
	const finished = await waitForQuery(connection, queryId, query.label, options);
	return { ...finished, query: finished.query || query.text };
}

const isProcessing = (query: DataKioskQuery) =>
	query.processingStatus === 'IN_QUEUE' || query.processingStatus === 'IN_PROGRESS' ? query.processingStatus : undefined;

/** Waits until Amazon has run a query; at Max Wait, stops with what to do (a query that never started is cancelled). */
export async function waitForQuery(connection: SpApiConnection, queryId: string, label: string, options: QueryLifecycleOptions): Promise<DataKioskQuery> {
	const outcome = await pollUntilFinished({
		check: () => getQuery(connection, queryId, options.signal),
		processing: isProcessing,
		what: `analytics query ${queryId} (${label})`,
		maxWaitMinutes: options.maxWaitMinutes,
		signal: options.signal,
		progress: options.progress,
	});
	if (outcome.finished) return outcome.value;
	// A waiting query holds one of the few places Amazon gives an account: free it. Best effort:
	// the timeout below is what the user needs to see, whether or not the cancel lands.
	if (outcome.status === 'IN_QUEUE') await cancelQuery(connection, queryId, options.signal).catch(() => undefined);
	throw new AmazonRequestError(`Analytics query ${queryId} (${label}) was still ${outcome.status} after ${outcome.waited}`, {
		description:
			outcome.status === 'IN_QUEUE'
				? 'It had not started, so it was cancelled: Amazon runs only a few queries of an account at a time, and a waiting one holds a place. Run the node later, or raise "Max Wait (Minutes)".'
				: `Amazon is still running it: get its results later with the operation "Download" (resource Analytics Query) and Query ID ${queryId}; it waits for the query to finish. Or raise "Max Wait (Minutes)".`,
	});
}

/**
 * The results of a finished query and of its further pages, up to `reader.maxRecords` lines: a page
 * that is not needed is never asked for. FATAL quotes Amazon's error document; CANCELLED is an error.
 */
export async function readResults(
	connection: SpApiConnection,
	first: DataKioskQuery,
	label: string,
	options: QueryLifecycleOptions,
	reader: ResultReader,
): Promise<ResultsOutcome> {
	// Every page is asked for with the first query's text, as Amazon requires.
	const text = first.query;
	const { maxRecords } = reader;
	let query = first;
	let records = 0;
	const queryIds: string[] = [];
	for (let page = 1; ; page++) {
		queryIds.push(query.queryId);
		const documentId = await dataDocumentOf(connection, query, label, options);
		if (!documentId) return page === 1 ? { status: 'noData', queryId: query.queryId } : { status: 'read', records, truncated: false, queryIds };
		if (page === 1) reader.begin?.();
		// One line past the limit is read to know that there is more.
		const { stopped } = await readDataDocument(
			connection,
			documentId,
			`results of analytics query ${query.queryId} (${label})`,
			{ ...options, ready: reader.ready },
			(record) => {
				if (records >= maxRecords) return false;
				if (reader.take(record)) records++;
				return true;
			},
		);
		const nextToken = query.pagination?.nextToken;
		if (stopped || !nextToken || records >= maxRecords || reader.wantsMorePages?.() === false) {
			return { status: 'read', records, truncated: stopped || Boolean(nextToken), queryIds };
		}
		options.progress(`Analytics query ${query.queryId} (${label}) has more results: asking Amazon for page ${page + 1}`);
		const nextId = await createQuery(connection, { query: text, paginationToken: nextToken }, options.signal, `${label}, page ${page + 1}`);
		query = await waitForQuery(connection, nextId, `${label}, page ${page + 1}`, options);
	}
}

/** A finished query's data document; undefined when Amazon has no data. */
async function dataDocumentOf(connection: SpApiConnection, query: DataKioskQuery, label: string, options: QueryLifecycleOptions): Promise<string | undefined> {
	if (query.processingStatus === 'FATAL') throw await fatalError(connection, query, label, options);
	if (query.processingStatus === 'CANCELLED') {
		throw new AmazonRequestError(`Analytics query ${query.queryId} (${label}) was cancelled`, {
			description: 'It was cancelled before it ran (by the operation Cancel, another workflow, or on Amazon’s side). Run the node again.',
		});
	}
	if (query.processingStatus !== 'DONE') {
		throw new AmazonRequestError(`Analytics query ${query.queryId} (${label}) is ${String(query.processingStatus)}`, {
			description: 'Amazon gave a status the Data Kiosk API does not document. Run the node again later.',
		});
	}
	return query.dataDocumentId || undefined;
}

/** FATAL comes with an error document (JSON) saying why: quote it. */
async function fatalError(connection: SpApiConnection, query: DataKioskQuery, label: string, options: QueryLifecycleOptions): Promise<AmazonRequestError> {
	let reason: string | undefined;
	if (query.errorDocumentId) {
		try {
			reason = describeFailure(await readDocumentText(connection, query.errorDocumentId, options));
		} catch {
			reason = undefined;
		}
		throwIfAborted(options.signal, `the error document of analytics query ${query.queryId}`);
	}
	return new AmazonRequestError(`Amazon could not run analytics query ${query.queryId} (${label}): ${reason ?? 'FATAL, without a reason'}`, {
		description:
			'Amazon checks the query when it runs: dates (the start at most two years back, the end not in the future), marketplaces, and the fields and arguments of the dataset’s schema. Fix what Amazon names, then run the node again.',
		amazonResponse: reason,
	});
}
