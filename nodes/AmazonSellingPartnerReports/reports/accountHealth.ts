// GET_V2_SELLER_PERFORMANCE_REPORT (schema accountHealthReport-2020-11-18), with the names real
// reports use where they differ from the schema.
import type { IDataObject } from 'n8n-workflow';

import { asList, asObject, asObjects, toNumber } from './shapeHelpers';
import type { ShapeContext, TreeReport } from './types';

// Real reports rename some metrics; items always use the schema's name.
const METRIC_ALIASES: Record<string, string> = {
	prefulfillmentCancelRate: 'preFulfillmentCancellationRate',
	preFulfillmentCancelRate: 'preFulfillmentCancellationRate',
};

const NOT_METRICS = new Set(['marketplaceId', 'warningStates', 'accountHealthRating']);

const FAILING_RATINGS = new Set(['AT_RISK', 'CRITICAL', 'BAD', 'UNHEALTHY']);

export const accountHealthReport: TreeReport = {
	format: 'json',
	reportType: 'GET_V2_SELLER_PERFORMANCE_REPORT',
	title: 'account health report',
	shapeDocument(document, context) {
		if (context.output === 'raw') return [document];
		const items = metricItems(document);
		if (context.output === 'failing') return items.filter((item) => item.meetsTarget === false);
		if (context.output === 'summary') return [summaryItem(document, items, context)];
		return items;
	},
};

function metricItems(document: IDataObject): IDataObject[] {
	const statuses = new Map<string, string>();
	for (const entry of asObjects(document.accountStatuses)) {
		if (typeof entry.marketplaceId === 'string') statuses.set(entry.marketplaceId, String(entry.status ?? ''));
	}
	const items: IDataObject[] = [];
	for (const metrics of asObjects(document.performanceMetrics)) {
		const marketplaceId = typeof metrics.marketplaceId === 'string' ? metrics.marketplaceId : null;
		const common = { marketplaceId, accountStatus: (marketplaceId && statuses.get(marketplaceId)) || null };

		const rating = asObject(metrics.accountHealthRating);
		if (rating || metrics.warningStates !== undefined) items.push({ ...common, ...ratingFields(rating, metrics.warningStates) });

		for (const [name, value] of Object.entries(metrics)) {
			if (NOT_METRICS.has(name)) continue;
			const metric = METRIC_ALIASES[name] ?? name;
			const body = asObject(value);
			if (!body) continue;
			// orderDefectRate is split by fulfilment channel: Amazon (afn) and merchant (mfn).
			const channels = ['afn', 'mfn'].filter((channel) => asObject(body[channel]));
			if (channels.length) {
				for (const channel of channels) {
					items.push({ ...common, ...metricFields(metric, channel, asObject(body[channel]) as IDataObject) });
				}
			} else if (isMetric(body)) {
				items.push({ ...common, ...metricFields(metric, null, body) });
			}
		}
	}
	return items;
}

function ratingFields(rating: IDataObject | undefined, warningStates: unknown): IDataObject {
	const status = String(rating?.ahrStatus ?? rating?.accountHealthRatingStatus ?? rating?.status ?? '') || null;
	const range = dateRange(rating ?? {});
	return {
		metric: 'accountHealthRating',
		fulfillmentType: null,
		status,
		score: toNumber(rating?.ahrScore ?? rating?.score),
		meetsTarget: status === null ? null : !FAILING_RATINGS.has(status.toUpperCase()),
		warningStates: asList(warningStates).map(warningName),
		...range,
	};
}

function metricFields(metric: string, fulfillmentType: string | null, body: IDataObject): IDataObject {
	const rate = toNumber(body.rate);
	const targetValue = toNumber(body.targetValue);
	const targetCondition = typeof body.targetCondition === 'string' ? body.targetCondition : null;
	const status = typeof body.status === 'string' ? body.status : null;
	const fields: IDataObject = {
		metric,
		fulfillmentType: fulfillmentType ?? (typeof body.fulfillmentType === 'string' ? body.fulfillmentType.toLowerCase() : null),
		status,
		rate,
		targetValue,
		targetCondition,
		meetsTarget: meetsTarget(rate, targetValue, targetCondition, status),
		...dateRange(body),
	};
	// The metric's own counts, flattened: { claims: { count, status } } → claimsCount, claimsStatus.
	for (const [name, value] of Object.entries(body)) {
		if (['rate', 'targetValue', 'targetCondition', 'status', 'reportingDateRange', 'fulfillmentType'].includes(name)) continue;
		const nested = asObject(value);
		if (nested) {
			if ('count' in nested) fields[`${name}Count`] = toNumber(nested.count);
			if ('status' in nested) fields[`${name}Status`] = nested.status ?? null;
			if ('rate' in nested) fields[`${name}Rate`] = toNumber(nested.rate);
		} else if (typeof value === 'number' || typeof value === 'string') {
			fields[name] = typeof value === 'string' && toNumber(value) !== null ? toNumber(value) : value;
		}
	}
	return fields;
}

/** From the rate against its target; where a metric has no rate, from its status. */
function meetsTarget(
	rate: number | null,
	target: number | null,
	condition: string | null,
	status: string | null,
): boolean | null {
	if (rate !== null && target !== null && condition) {
		if (condition === 'LESS_THAN') return rate < target;
		if (condition === 'GREATER_THAN') return rate > target;
		if (condition === 'EQUALS') return rate === target;
	}
	if (status === 'GOOD') return true;
	if (status === 'BAD') return false;
	return null;
}

function isMetric(body: IDataObject): boolean {
	return ['status', 'rate', 'targetValue', 'reportingDateRange', 'defectsCount'].some((key) => key in body);
}

function dateRange(body: IDataObject): { reportingDateFrom: string | null; reportingDateTo: string | null } {
	const range = asObject(body.reportingDateRange) ?? body;
	return {
		reportingDateFrom: typeof range.reportingDateFrom === 'string' ? range.reportingDateFrom : null,
		reportingDateTo: typeof range.reportingDateTo === 'string' ? range.reportingDateTo : null,
	};
}

function warningName(warning: unknown): string {
	if (typeof warning === 'string') return warning;
	const object = asObject(warning);
	const name = object?.warningType ?? object?.type ?? object?.name ?? object?.warningState ?? object?.status;
	return typeof name === 'string' ? name : JSON.stringify(warning);
}

function summaryItem(document: IDataObject, items: IDataObject[], context: ShapeContext): IDataObject {
	const failing = items.filter((item) => item.meetsTarget === false);
	const statuses = asObjects(document.accountStatuses).map((entry) => ({
		marketplaceId: entry.marketplaceId ?? null,
		status: entry.status ?? null,
	}));
	const rating = items.find((item) => item.metric === 'accountHealthRating');
	const accountOk = statuses.every((entry) => entry.status === 'NORMAL' || entry.status === null);
	const lines = [
		`Amazon account health: ${failing.length || !accountOk ? 'needs attention' : 'all metrics meet their targets'}`,
		...statuses.map((entry) => `Account status in ${entry.marketplaceId}: ${entry.status}`),
	];
	if (rating?.status) lines.push(`Account Health Rating: ${rating.status}${rating.score !== null ? ` (${rating.score})` : ''}`);
	for (const item of failing) {
		if (item.metric === 'accountHealthRating') continue;
		lines.push(`• ${describeMetric(item)}`);
	}
	const checked = items.filter((item) => item.meetsTarget !== null).length;
	if (!failing.length) lines.push(`${checked} metrics checked, none off target.`);
	return {
		healthy: failing.length === 0 && accountOk,
		marketplaceIds: context.marketplaceIds,
		accountStatuses: statuses,
		accountHealthRating: rating?.status ?? null,
		metricsChecked: checked,
		failingCount: failing.length,
		failingMetrics: failing,
		text: lines.join('\n'),
	};
}

function describeMetric(item: IDataObject): string {
	const label = String(item.metric)
		.replace(/([A-Z])/g, ' $1')
		.toLowerCase()
		.replace(/^./, (first) => first.toUpperCase());
	const channel = item.fulfillmentType ? ` (${String(item.fulfillmentType).toUpperCase()})` : '';
	const asPercent = (value: unknown) => `${Math.round(Number(value) * 10000) / 100}%`;
	const condition = { LESS_THAN: 'below', GREATER_THAN: 'above', EQUALS: 'exactly' }[String(item.targetCondition)] ?? 'vs';
	const measured =
		typeof item.rate === 'number'
			? `${asPercent(item.rate)}${typeof item.targetValue === 'number' ? `, target ${condition} ${asPercent(item.targetValue)}` : ''}`
			: typeof item.defectsCount === 'number'
				? `${item.defectsCount} defects`
				: 'off target';
	return `${label}${channel}: ${measured} [${item.status ?? 'no status'}] in ${item.marketplaceId ?? 'all marketplaces'}`;
}
