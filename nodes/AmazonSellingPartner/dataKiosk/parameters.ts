// Reading and checking the Analytics Query parameters, before any request is sent: the queries to
// run (one per marketplace), and what to do with their results.
import type { IExecuteFunctions } from 'n8n-workflow';

import { AmazonRequestError } from '../../shared/errors';
import { outputPlanFor } from '../../shared/output/parameters';
import type { OutputMode, OutputPlan } from '../../shared/output/reportOutput';
import { limitsWithMaxMegabytes } from '../../shared/pipeline/limits';
import { progressFor } from '../../shared/progress';
import { SP_OUTPUT_LABELS } from '../actions/common.descriptions';
import { marketplaceById } from '../marketplaces';
import { checkMarketplaces } from '../parameters';
import type { SpApiConnection } from '../transport/spApi';
import type { DateGranularity } from './dates';
import { calendarDate, queryRange } from './dates';
import { checkQuerySize } from './graphql';
import type { QueryLifecycleOptions, ResultsOutcome } from './lifecycle';
import type { AsinGranularity, FeeType, ProductGranularity } from './queries';
import { readyMadeQuery, recogniseQuery } from './queries';
import type { LineShaper } from './shape';

/** One query to run: its GraphQL text, its name in messages, how its lines become items. */
export interface QueryRequest {
	text: string;
	/** "Seller Economics, United States (amazon.com), 2026-11-01 to 2026-11-30". */
	label: string;
	shape: LineShaper;
	marketplaceId?: string;
}

interface OptionValues {
	failIfNoData?: boolean;
	includeB2b?: boolean;
	maxItemsMegabytes?: number;
	maxResultMegabytes?: number;
	maxWaitMinutes?: number;
}

/** The queries of Run and Create: a custom query as written, or a ready-made one per marketplace. */
export function queryRequestsFor(this: IExecuteFunctions, itemIndex: number, connection: SpApiConnection): QueryRequest[] {
	const kind = String(this.getNodeParameter('query', itemIndex, 'sellerEconomics'));
	if (kind === 'custom') {
		const text = String(this.getNodeParameter('graphqlQuery', itemIndex, '') ?? '');
		checkQuerySize(text, 'GraphQL query');
		const { name, shape } = recogniseQuery(text);
		return [{ text, label: name === 'custom query' ? name : `custom ${name} query`, shape }];
	}
	const definition = readyMadeQuery(kind);
	if (!definition) {
		throw new AmazonRequestError(`"${kind}" is not a query this node knows`, {
			description: 'Choose a query from the list, or Custom Query to write one in GraphQL.',
		});
	}
	const marketplaceIds = checkMarketplaces(this.getNodeParameter('marketplaceIds', itemIndex, []), connection);
	const read = (name: string, fallback: string) => String(this.getNodeParameter(name, itemIndex, fallback) || fallback);
	const dateGranularity = (
		definition.value === 'salesAndTrafficByDate' ? read('dateGranularity', 'DAY') : definition.value === 'sellerEconomics' ? read('economicsDateGranularity', 'DAY') : 'RANGE'
	) as DateGranularity;
	if (!definition.dateGranularities.includes(dateGranularity)) {
		throw new AmazonRequestError(`"Date Granularity" is "${dateGranularity}", which ${definition.name} does not take`, {
			description: `Choose one of ${definition.dateGranularities.join(', ')}.`,
		});
	}
	const range = queryRange(
		{
			start: calendarDate(this.getNodeParameter('startDate', itemIndex, ''), 'Start Date'),
			end: calendarDate(this.getNodeParameter('endDate', itemIndex, ''), 'End Date'),
		},
		dateGranularity,
		definition.datasetName,
	);
	const options = this.getNodeParameter('options', itemIndex, {}) as OptionValues;
	const feeComponents = this.getNodeParameter('feeComponents', itemIndex, []) as FeeType[];
	return marketplaceIds.map((marketplaceId) => {
		const built = definition.build({
			marketplaceId,
			range,
			dateGranularity,
			asinGranularity: checkedChoice(read('asinGranularity', 'SKU'), ['PARENT', 'CHILD', 'SKU'], 'ASIN Granularity') as AsinGranularity,
			productGranularity: checkedChoice(read('productGranularity', 'MSKU'), ['MSKU', 'CHILD_ASIN', 'PARENT_ASIN'], 'Product Granularity') as ProductGranularity,
			feeComponents: (Array.isArray(feeComponents) ? feeComponents : []).map((fee) => checkedChoice(fee, ['FBA_FULFILLMENT_FEE', 'FBA_STORAGE_FEE'], 'Fee Breakdown') as FeeType),
			b2b: options.includeB2b === true,
		});
		checkQuerySize(built.text, `${definition.name} query`);
		const where = marketplaceById(marketplaceId)?.name ?? marketplaceId;
		return { text: built.text, shape: built.shape, marketplaceId, label: `${definition.name}, ${where}, ${range.startDate} to ${range.endDate}` };
	});
}

function checkedChoice(value: unknown, allowed: string[], label: string): string {
	const text = String(value ?? '').trim().toUpperCase();
	if (!allowed.includes(text)) {
		throw new AmazonRequestError(`"${label}" is "${String(value)}", which Amazon does not take`, { description: `Choose one of ${allowed.join(', ')}.` });
	}
	return text;
}

export interface ResultChoices {
	simplify: boolean;
	/** Lines to turn into items at most (Return All, and the other ways of Return Rows As: no limit). */
	maxRecords: number;
	failIfNoData: boolean;
	lifecycle: QueryLifecycleOptions;
	/** What becomes of the lines: Filter Rows, then items, a file or a summary (nodes/shared/output). */
	plan: OutputPlan;
	/** Options → Max Items Size (MB); 0 removes the limit. */
	maxItemsMegabytes?: number;
}

/** What Run and Download do with results: typed or raw lines, as items, a file or a summary, how many, the waits and limits. */
export function resultChoicesFor(this: IExecuteFunctions, itemIndex: number): ResultChoices {
	const options = this.getNodeParameter('options', itemIndex, {}) as OptionValues;
	const mode = this.getNodeParameter('returnRowsAs', itemIndex, 'items') as OutputMode;
	// A summary or a file is of the whole result: Return All and Limit are the items' (hidden otherwise).
	const returnAll = mode !== 'items' || (this.getNodeParameter('returnAll', itemIndex, false) as boolean);
	return {
		simplify: this.getNodeParameter('simplify', itemIndex, true) as boolean,
		maxRecords: returnAll ? Number.POSITIVE_INFINITY : Math.max(1, Number(this.getNodeParameter('limit', itemIndex, 50)) || 50),
		failIfNoData: options.failIfNoData === true,
		lifecycle: {
			maxWaitMinutes: Math.max(0.1, Number(options.maxWaitMinutes ?? 15)),
			signal: this.getExecutionCancelSignal(),
			progress: progressFor.call(this),
			limits: limitsWithMaxMegabytes(options.maxResultMegabytes),
		},
		plan: outputPlanFor((name, fallback) => this.getNodeParameter(name, itemIndex, fallback), mode, SP_OUTPUT_LABELS),
		maxItemsMegabytes: options.maxItemsMegabytes,
	};
}

/**
 * What a query's outcome means for the user: no data is an error when asked, else a note in the
 * output pane; results cut at the limit get a note too.
 */
export function tellOutcome(this: IExecuteFunctions, outcome: ResultsOutcome, label: string, choices: ResultChoices): void {
	if (outcome.status === 'noData') {
		const message = `Amazon has no data for analytics query ${outcome.queryId} (${label})`;
		if (choices.failIfNoData) {
			throw new AmazonRequestError(message, {
				description:
					'The query ran (DONE) without a document: there is nothing in that range, or Amazon has not processed it yet (data can take a few days). Widen the range, or turn off "Fail When Amazon Has No Data".',
			});
		}
		this.addExecutionHints({ message: `${message}: no items`, location: 'outputPane' });
		return;
	}
	if (outcome.truncated) {
		this.addExecutionHints({
			message: `Stopped at the limit of ${choices.maxRecords.toLocaleString('en-US')} items: Amazon has more results for ${label}. Turn on "Return All" to get them all.`,
			location: 'outputPane',
		});
	}
}
