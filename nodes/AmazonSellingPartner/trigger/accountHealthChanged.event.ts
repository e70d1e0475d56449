// Account Health Changed: the account status, a warning, or a metric's status (or whether it meets
// its target) changed since the last check; or, as an option, every failing metric every check.
// State: { watch: 'marketplace ids', metrics: { [key]: [status, meetsTarget, warnings] }, pending? };
// a metric's key is recordKey([marketplace, metric, fulfillment type]).
import type { IDataObject } from 'n8n-workflow';

import type { TriggerEvent } from '../../shared/trigger/event';
import { recordKey } from '../../shared/trigger/state';
import { marketplacesParameter } from '../actions/common.descriptions';
import { obtainReport } from '../lifecycle';
import { checkMarketplaces } from '../parameters';
import { accountHealthReport } from '../reports/accountHealth.report';
import type { CreateReportSpec, SpApiConnection } from '../transport/reportsApi';
import type { Pending } from './reports';
import { lifecycle, reportOf, reuseRecentOption, rowsOf, SAMPLE_SIZE } from './reports';

const metricKey = (metric: IDataObject) => recordKey([metric.marketplaceId ?? null, metric.metric, metric.fulfillmentType ?? null]);

/** Metrics as remembered, with keys of the package's first version ("marketplace|metric|fulfillment") read too. */
function rememberedMetrics(metrics: unknown): Record<string, [unknown, unknown, unknown?]> | undefined {
	if (!metrics || typeof metrics !== 'object') return undefined;
	return Object.fromEntries(
		Object.entries(metrics as Record<string, [unknown, unknown, unknown?]>).map(([key, value]) => {
			if (!key.includes('|')) return [key, value];
			const [marketplaceId, metric, fulfillmentType] = key.split('|');
			return [recordKey([marketplaceId || null, metric, fulfillmentType || null]), value];
		}),
	);
}
const warningsOf = (metric: IDataObject) => (metric.warningStates === undefined ? null : JSON.stringify(metric.warningStates));

export const accountHealthChangedEvent: TriggerEvent<SpApiConnection> = {
	option: {
		name: 'Account Health Changed',
		value: 'accountHealthChanged',
		description: 'The account status, a warning or a metric’s status (or whether it meets its target) changed since the last check',
	},
	parameters: [marketplacesParameter],
	options: [
		{
			displayName: 'Emit All Failing Metrics Every Check',
			name: 'emitAllFailing',
			type: 'boolean',
			default: false,
			description: 'Whether to emit, every check, all metrics not meeting their target, instead of only the changes',
		},
		reuseRecentOption,
	],
	checkEveryMinutes: 60,
	stateVersion: 1,
	due: (state) => Boolean(state.pending),

	async poll({ connection, state, manual, options }) {
		const marketplaceIds = checkMarketplaces(this.getNodeParameter('marketplaceIds', []), connection);
		const spec: CreateReportSpec = { reportType: accountHealthReport.reportType, marketplaceIds };
		const reuse = lifecycle.call(this, options, manual);
		if (manual) {
			const outcome = await obtainReport(connection, spec, reuse);
			const metrics = outcome.status === 'DONE' ? await rowsOf.call(this, connection, outcome.report, 'metrics') : [];
			const failing = metrics.filter((metric) => metric.meetsTarget === false);
			return { items: (failing.length ? failing : metrics).slice(0, SAMPLE_SIZE).map((json) => ({ json })), state: {} };
		}

		const result = await reportOf(connection, spec, state?.pending as Pending | undefined, reuse);
		if ('pending' in result) return { items: [], state: { watch: state?.watch, metrics: state?.metrics, pending: result.pending } };
		const metrics = await rowsOf.call(this, connection, result.finished, 'metrics');
		const previous = rememberedMetrics(state?.metrics);
		// Marketplaces added since the last check start afresh: their current state is not a change.
		const watchedBefore = new Set(String(state?.watch ?? '').split(',').filter(Boolean));
		const emitAllFailing = options.emitAllFailing === true;
		const emitted: IDataObject[] = [];
		for (const metric of metrics) {
			const before = previous?.[metricKey(metric)];
			const known = previous !== undefined && (metric.marketplaceId === null || watchedBefore.has(String(metric.marketplaceId)));
			const changed =
				known && (!before || before[0] !== metric.status || before[1] !== metric.meetsTarget || (before[2] ?? null) !== warningsOf(metric));
			if (changed || (emitAllFailing && metric.meetsTarget === false)) {
				emitted.push({
					...metric,
					previousStatus: before?.[0] ?? null,
					previousMeetsTarget: before?.[1] ?? null,
					...(metric.warningStates !== undefined ? { previousWarningStates: before?.[2] ? JSON.parse(String(before[2])) : null } : {}),
				});
			}
		}
		return {
			items: emitted.map((json) => ({ json })),
			state: {
				watch: [...marketplaceIds].sort().join(','),
				metrics: Object.fromEntries(metrics.map((metric) => [metricKey(metric), [metric.status ?? null, metric.meetsTarget ?? null, warningsOf(metric)]])),
			},
		};
	},
};
