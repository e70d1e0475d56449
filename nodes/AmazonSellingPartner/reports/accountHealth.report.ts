// GET_V2_SELLER_PERFORMANCE_REPORT (schema accountHealthReport-2020-11-18), with the names real
// reports use where they differ from the schema.
import type { IDataObject } from 'n8n-workflow';

import { AmazonRequestError } from '../../shared/errors';
import { asList, asObject, asObjects, toNumber } from './shapeHelpers';
import type { ShapeContext, TreeReportType } from './types';

// Real reports rename some metrics; items always use the schema's name.
const METRIC_ALIASES: Record<string, string> = {
	prefulfillmentCancelRate: 'preFulfillmentCancellationRate',
	preFulfillmentCancelRate: 'preFulfillmentCancellationRate',
};

const NOT_METRICS = new Set(['marketplaceId', 'warningStates', 'warningState', 'accountHealthRating']);

const FAILING_RATINGS = new Set(['AT_RISK', 'CRITICAL', 'BAD', 'UNHEALTHY']);

export const accountHealthReport: TreeReportType = {
	reportType: 'GET_V2_SELLER_PERFORMANCE_REPORT',
	name: 'Account Health',
	description: 'The Account Health dashboard: account status, Account Health Rating and each performance metric against its target',
	roles: ['Selling Partner Insights'],
	format: 'json',
	requestable: true,
	// Amazon always reports the current windows, whatever dates are asked for.
	dataRange: 'none',
	defaultReuseMinutes: 60,
	outputParameter: 'accountHealthOutput',
	parameters: [
		{
			displayName: 'Output',
			name: 'accountHealthOutput',
			type: 'options',
			options: [
				{
					name: 'Alert Summary',
					value: 'summary',
					description: 'One item: healthy or not, the failing metrics, and a ready-made "text" for Slack or email',
				},
				{
					name: 'One Item per Metric',
					value: 'metrics',
					description: 'Every metric with its status, rate, target and whether it meets it',
				},
				{
					name: 'Only Metrics Not Meeting Target',
					value: 'failing',
					description: 'The metrics (and account statuses) that need attention',
				},
			],
			default: 'metrics',
		},
	],
	shapeDocument(document, context) {
		const items = metricItems(document, context);
		if (!items.length && context.output !== 'summary' && Object.keys(document).length) {
			throw new AmazonRequestError(
				`The account health report has a layout this node does not recognise (it holds ${Object.keys(document).slice(0, 5).join(', ')})`,
				{ description: 'Turn off Simplify to get the report as Amazon sent it, and please report the layout so it can be supported.' },
			);
		}
		if (context.output === 'failing') return items.filter((item) => item.meetsTarget === false);
		if (context.output === 'summary') return [summaryItem(items, context)];
		return items;
	},
	sample: { text: JSON.stringify(sampleDocument()), charset: 'UTF-8', compression: 'none' },
};

const ACCOUNT_OK = new Set(['NORMAL']);

function metricItems(document: IDataObject, context: ShapeContext): IDataObject[] {
	const statuses = new Map<string, string>();
	for (const entry of asObjects(document.accountStatuses)) {
		if (typeof entry.marketplaceId === 'string') statuses.set(entry.marketplaceId, String(entry.status ?? ''));
	}
	// Entries without a marketplace are the requested one's, when exactly one was asked for.
	const requested = context.marketplaceIds.length === 1 ? context.marketplaceIds[0] : null;
	const items: IDataObject[] = [];
	// Every account status is an item of its own, so a marketplace without metrics (e.g. a
	// suspended one) still reaches the workflow.
	for (const [marketplaceId, status] of statuses) {
		items.push({
			marketplaceId,
			accountStatus: status || null,
			metric: 'accountStatus',
			fulfillmentType: null,
			status: status || null,
			meetsTarget: status ? ACCOUNT_OK.has(status.toUpperCase()) : null,
		});
	}
	for (const metrics of asObjects(document.performanceMetrics)) {
		const marketplaceId = typeof metrics.marketplaceId === 'string' ? metrics.marketplaceId : requested;
		const accountStatus = (marketplaceId && statuses.get(marketplaceId)) || (statuses.size === 1 && !metrics.marketplaceId ? [...statuses.values()][0] : null) || null;
		const common = { marketplaceId, accountStatus };

		// Amazon’s documentation lists accountHealthRating under warningStates: read it there too.
		const rating = asObject(metrics.accountHealthRating) ?? asObject(asObject(metrics.warningStates)?.accountHealthRating);
		const warnings = metrics.warningStates ?? metrics.warningState ?? rating?.warningStates ?? rating?.warningState;
		if (rating || warnings !== undefined) items.push({ ...common, ...ratingFields(rating, warnings) });

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
		// As Amazon writes them: names, or objects with their details.
		warningStates: asList(warningStates),
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

function summaryItem(items: IDataObject[], context: ShapeContext): IDataObject {
	const statuses = items
		.filter((item) => item.metric === 'accountStatus')
		.map((item) => ({ marketplaceId: item.marketplaceId ?? null, status: item.status ?? null }));
	const failing = items.filter((item) => item.meetsTarget === false && item.metric !== 'accountStatus');
	const rating = items.find((item) => item.metric === 'accountHealthRating');
	const known = items.some((item) => item.meetsTarget !== null && item.meetsTarget !== undefined) || statuses.length > 0;
	const accountOk = statuses.every((entry) => entry.status === 'NORMAL' || entry.status === null);
	// A document of a shape this node does not recognise is never reported healthy.
	const healthy = known ? failing.length === 0 && accountOk : null;
	const lines = [
		healthy === null
			? 'Amazon account health: unknown (the report holds no metrics or statuses this node recognises)'
			: `Amazon account health: ${healthy ? 'all metrics meet their targets' : 'needs attention'}`,
		...statuses.map((entry) => `Account status in ${entry.marketplaceId}: ${entry.status}`),
	];
	if (rating?.status) lines.push(`Account Health Rating: ${rating.status}${rating.score !== null ? ` (${rating.score})` : ''}`);
	for (const item of failing) {
		if (item.metric === 'accountHealthRating') continue;
		lines.push(`• ${describeMetric(item)}`);
	}
	const checked = items.filter((item) => item.meetsTarget !== null).length;
	if (healthy !== null && !failing.length) lines.push(`${checked} metrics checked, none off target.`);
	return {
		healthy,
		...(healthy === null ? { warning: 'The account health report holds no metrics or statuses this node recognises; check it with Simplify off.' } : {}),
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

/** Every metric of the report's documentation (Amazon’s), as Amazon lays it out, for one marketplace. */
function sampleDocument(): IDataObject {
	const marketplaceId = 'ATVPDKIKX0DER';
	const range = { reportingDateFrom: '2026-08-15T00:00:00Z', reportingDateTo: '2026-11-13T00:00:00Z' };
	const target = (status: string, targetValue: number, targetCondition: string) => ({ reportingDateRange: range, status, targetValue, targetCondition });
	const policy = (defectsCount: number) => ({ ...target(defectsCount ? 'BAD' : 'GOOD', 0, 'EQUALS'), defectsCount });
	const defects = (status: string, counts: number[]) => ({
		orderWithDefects: { status, count: counts[0] },
		claims: { status: 'GOOD', count: counts[1] },
		chargebacks: { status: 'GOOD', count: counts[2] },
		negativeFeedback: { status: 'GOOD', count: counts[3] },
	});
	return {
		accountStatuses: [{ marketplaceId, status: 'NORMAL' }],
		performanceMetrics: [
			{
				marketplaceId,
				lateShipmentRate: { ...target('GOOD', 0.04, 'LESS_THAN'), orderCount: 250, lateShipmentCount: 3, rate: 0.012 },
				invoiceDefectRate: {
					...target('GOOD', 0.05, 'LESS_THAN'),
					invoiceDefect: { status: 'GOOD', count: 1 },
					missingInvoice: { status: 'GOOD', count: 1 },
					lateInvoice: { status: 'GOOD', count: 0 },
					orderCount: 120,
					rate: 0.0083,
				},
				orderDefectRate: {
					afn: { ...target('GOOD', 0.01, 'LESS_THAN'), ...defects('GOOD', [2, 1, 0, 1]), orderCount: 900, rate: 0.0022, fulfillmentType: 'AFN' },
					mfn: { ...target('GOOD', 0.01, 'LESS_THAN'), ...defects('GOOD', [3, 1, 1, 1]), orderCount: 410, rate: 0.0073, fulfillmentType: 'MFN' },
				},
				onTimeDeliveryRate: { ...target('GOOD', 0.9, 'GREATER_THAN'), shipmentCountWithValidTracking: 240, onTimeDeliveryCount: 233, rate: 0.9708 },
				unitOnTimeDeliveryRate: { ...target('GOOD', 0.9, 'GREATER_THAN'), unitOnTimeDeliveryCount: 300, totalUnitCount: 310, rate: 0.9677 },
				validTrackingRate: { ...target('GOOD', 0.95, 'GREATER_THAN'), shipmentCount: 250, validTrackingCount: 246, rate: 0.984 },
				preFulfillmentCancellationRate: { ...target('GOOD', 0.025, 'LESS_THAN'), orderCount: 250, cancellationCount: 2, rate: 0.008 },
				warningStates: [],
				accountHealthRating: { ahrStatus: 'GREAT', reportingDateRange: range },
				listingPolicyViolations: policy(0),
				productAuthenticityCustomerComplaints: policy(0),
				productConditionCustomerComplaints: policy(0),
				productSafetyCustomerComplaints: policy(0),
				receivedIntellectualPropertyComplaints: policy(0),
				restrictedProductPolicyViolations: policy(0),
				suspectedIntellectualPropertyViolations: policy(0),
				foodAndProductSafetyIssues: policy(0),
				customerProductReviewsPolicyViolations: policy(0),
				otherPolicyViolations: policy(0),
				documentRequests: policy(0),
			},
		],
	};
}
