// New Feedback: each new 1–3 star (or as chosen) feedback, once. Each marketplace is read over the
// last two weeks, from a report reused within the hour; what was seen is remembered per marketplace.
// State: { markets: { [marketplaceId]: { seen: [keys], first?, pending? } } }; a feedback's key is
// recordKey([marketplace, order, date, rating]).
import type { IDataObject } from 'n8n-workflow';

import { AmazonRequestError } from '../../shared/errors';
import type { TriggerEvent } from '../../shared/trigger/event';
import { boundedKeys, recordKey, stringList } from '../../shared/trigger/state';
import { marketplacesParameter } from '../actions/common.descriptions';
import { obtainReport } from '../lifecycle';
import { checkMarketplaces } from '../parameters';
import { sellerFeedbackReport } from '../reports/sellerFeedback.report';
import type { CreateReportSpec, SpApiConnection } from '../transport/reportsApi';
import type { Pending } from './reports';
import { DAY, HOUR, lifecycle, reportOf, reuseRecentOption, rowsOf, SAMPLE_SIZE } from './reports';

/** Feedback is read over the last two weeks: Amazon cancels feedback reports of a few days as empty. */
const FEEDBACK_WINDOW_DAYS = 14;

interface MarketState {
	seen: string[];
	/** The marketplace has not had a completed check yet: its existing feedback is not news. */
	first?: boolean;
	pending?: Pending;
}

const feedbackKey = (row: IDataObject) => recordKey([row.marketplaceId, row.orderId, row.date, row.rating]);

export const newFeedbackEvent: TriggerEvent<SpApiConnection> = {
	option: { name: 'New Feedback', value: 'newFeedback', description: 'Each new negative or neutral (1–3 star) feedback, once' },
	parameters: [marketplacesParameter],
	options: [
		{
			displayName: 'Maximum Rating',
			name: 'maxRating',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 5 },
			default: 3,
			description: 'Only feedback rated this or lower',
		},
		{
			displayName: 'Minimum Rating',
			name: 'minRating',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 5 },
			default: 1,
			description: 'Only feedback rated this or higher',
		},
		{
			displayName: 'On First Check, Emit the Last (Days)',
			name: 'backfillDays',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 14 },
			default: 0,
			description: 'Feedback from this many days back to emit on the first check of a marketplace. 0 starts from now.',
		},
		reuseRecentOption,
	],
	checkEveryMinutes: 60,
	stateVersion: 1,
	due: (state) => Object.values((state.markets ?? {}) as Record<string, MarketState>).some((market) => market.pending),

	async poll({ connection, state, manual, options }) {
		const marketplaceIds = checkMarketplaces(this.getNodeParameter('marketplaceIds', []), connection);
		const minRating = Number(options.minRating ?? 1);
		const maxRating = Number(options.maxRating ?? 3);
		if (minRating > maxRating) {
			throw new AmazonRequestError(`Minimum Rating (${minRating}) is above Maximum Rating (${maxRating})`, {
				description: 'Set the minimum to the lower of the two.',
			});
		}
		const reuse = lifecycle.call(this, options, manual);
		// The window ends on the hour, so polls within an hour ask for the same (reusable) report;
		// without reuse, it ends now.
		const end = reuse.reuseWithinMinutes > 0 ? Math.floor(Date.now() / HOUR) * HOUR : Date.now();
		const wanted = (row: IDataObject) => Number(row.rating) >= minRating && Number(row.rating) <= maxRating;
		const specFor = (marketplaceId: string): CreateReportSpec => ({
			reportType: sellerFeedbackReport.reportType,
			marketplaceIds: [marketplaceId],
			dataStartTime: new Date(end - FEEDBACK_WINDOW_DAYS * DAY).toISOString(),
			dataEndTime: new Date(end).toISOString(),
		});

		if (manual) {
			const rows: IDataObject[] = [];
			for (const marketplaceId of marketplaceIds) {
				const outcome = await obtainReport(connection, specFor(marketplaceId), reuse);
				if (outcome.status === 'DONE') for (const row of await rowsOf.call(this, connection, outcome.report)) if (wanted(row)) rows.push(row);
			}
			const items = rows
				.sort((a, b) => String(b.date).localeCompare(String(a.date)))
				.slice(0, SAMPLE_SIZE)
				.map((json) => ({ json }));
			return { items, state: {} };
		}

		// Each marketplace has its own memory: one added later starts afresh, without a flood.
		const known = (state?.markets ?? {}) as Record<string, MarketState>;
		const markets: Record<string, MarketState> = {};
		const backfillDays = Number(options.backfillDays ?? 0);
		const since = new Date(Date.now() - backfillDays * DAY).toISOString().slice(0, 10);
		const emitted: IDataObject[] = [];
		for (const marketplaceId of marketplaceIds) {
			const market: MarketState = known[marketplaceId] ?? { seen: [], first: true };
			const result = await reportOf(connection, specFor(marketplaceId), market.pending, reuse);
			if ('pending' in result) {
				markets[marketplaceId] = { ...market, pending: result.pending };
				continue;
			}
			const rows = await rowsOf.call(this, connection, result.finished);
			const seen = new Set(stringList(market.seen));
			for (const row of rows) {
				if (!wanted(row) || seen.has(feedbackKey(row))) continue;
				if (!market.first || (backfillDays > 0 && String(row.date) >= since)) emitted.push(row);
			}
			markets[marketplaceId] = { seen: boundedKeys(stringList(market.seen), rows.map(feedbackKey), 5_000) };
		}
		return { items: emitted.map((json) => ({ json })), state: { markets } };
	},
};
