// GET_V1_SELLER_PERFORMANCE_REPORT (XML). Amazon documents its elements but not one nesting, and
// documents repeat metric elements directly under the root (one per marketplace or time frame),
// or wrap them (orderDefects > orderDefectMetrics). So the shaper walks the whole tree: every
// element holding measurements is a block of metrics, whatever its depth, with or without a
// timeFrame, labelled with the marketplace it (or an enclosing element) names.
import type { IDataObject } from 'n8n-workflow';

import { asList, asObject, toNumber } from './shapeHelpers';
import type { ShapeContext, TreeReportType } from './types';

// Which performance-checklist entry rates a measurement.
const CHECKLIST_FOR: Record<string, string> = {
	orderWithDefects: 'orderDefectRate',
	lateShipment: 'lateShipmentRate',
	preFulfillmentCancellation: 'orderCancellationRate',
	validTracking: 'validTrackingRate',
	onTimeDelivery: 'onTimeDelivery',
	buyerSellerContactResponseTimeMetrics: 'contactResponseTime',
	returnDissatisfaction: 'returnDissatisfactionRate',
	customerServiceDissatisfaction: 'customerServiceDissatisfactionRate',
};

const MARKETPLACE_FIELDS = ['marketplaceId', '@marketplaceId', 'marketplace', '@marketplace', 'marketplaceID'];

export const customerMetricsReport: TreeReportType = {
	reportType: 'GET_V1_SELLER_PERFORMANCE_REPORT',
	name: 'Customer Metrics',
	description: 'Order defects, customer experience and contact response metrics from Seller Central, one item per metric and time frame',
	roles: ['Selling Partner Insights'],
	format: 'xml',
	requestable: true,
	dataRange: 'none',
	defaultReuseMinutes: 60,
	shapeDocument(document, context) {
		return metricItems(document, context);
	},
	sample: {
		text: `<?xml version="1.0" encoding="UTF-8"?>
<sellerPerformanceReports>
  <performanceChecklist>
    <orderDefectRate>Good</orderDefectRate>
    <lateShipmentRate>Fair</lateShipmentRate>
    <contactResponseTime>Good</contactResponseTime>
  </performanceChecklist>
  <orderDefectMetrics>
    <marketplaceId>ATVPDKIKX0DER</marketplaceId>
    <timeFrame><start>2026-08-15</start><end>2026-11-13</end></timeFrame>
    <orderCount>1200</orderCount>
    <orderWithDefects><count>6</count><rate>0.5%</rate></orderWithDefects>
    <negativeFeedbacks><count>3</count><rate>0.25%</rate></negativeFeedbacks>
    <a_z_claims><count>2</count><rate>0.17%</rate></a_z_claims>
    <chargebacks><count>1</count><rate>0.08%</rate></chargebacks>
  </orderDefectMetrics>
  <buyerSellerContactResponseTimeMetrics>
    <marketplaceId>ATVPDKIKX0DER</marketplaceId>
    <averageResponseTimeInHours>7.5</averageResponseTimeInHours>
    <responseUnder24Hours>41</responseUnder24Hours>
    <responseTimeGreaterThan24Hours>2</responseTimeGreaterThan24Hours>
    <noResponseForContactsOlderThan24Hours>0</noResponseForContactsOlderThan24Hours>
  </buyerSellerContactResponseTimeMetrics>
</sellerPerformanceReports>
`,
		contentType: 'text/xml;charset=UTF-8',
		compression: 'none',
	},
};

interface Block {
	name: string;
	entry: IDataObject;
	marketplaceId: string | null;
}

function metricItems(document: IDataObject, context: ShapeContext): IDataObject[] {
	// The requested marketplace labels blocks that name none, only when exactly one was asked for.
	const requested = context.marketplaceIds.length === 1 ? context.marketplaceIds[0] : null;
	const checklists = new Map<string | null, Map<string, string>>();
	const blocks: Block[] = [];
	collect(document, requested, blocks, checklists);

	const items: IDataObject[] = [];
	const rated = new Map<string | null, Set<string>>();
	const statusFor = (marketplaceId: string | null, name: string | undefined) =>
		(name && (checklists.get(marketplaceId)?.get(name) ?? checklists.get(null)?.get(name))) || null;
	const markRated = (marketplaceId: string | null, name: string | undefined) => {
		if (!name) return;
		if (!rated.has(marketplaceId)) rated.set(marketplaceId, new Set());
		rated.get(marketplaceId)?.add(name);
	};

	for (const { name: blockName, entry, marketplaceId } of blocks) {
		const timeFrame = asObject(entry.timeFrame) ?? {};
		const common = {
			marketplaceId: marketplaceId ?? 'unknown',
			timeFrameStart: text(timeFrame.start) ?? text(timeFrame.startDate),
			timeFrameEnd: text(timeFrame.end) ?? text(timeFrame.endDate),
			orderCount: toNumber(entry.orderCount),
		};
		const scalars: IDataObject = {};
		for (const [name, value] of Object.entries(entry)) {
			if (name === 'timeFrame' || name === 'orderCount' || MARKETPLACE_FIELDS.includes(name)) continue;
			const measure = asObject(value);
			if (measure) {
				markRated(marketplaceId, CHECKLIST_FOR[name]);
				items.push({
					...common,
					metric: name,
					count: toNumber(measure.count),
					rate: toNumber(measure.rate),
					status: statusFor(marketplaceId, CHECKLIST_FOR[name]) ?? text(measure.status),
				});
			} else {
				scalars[name] = toNumber(value) ?? text(value);
			}
		}
		// Blocks of plain values (contact response times) make one item per block.
		if (Object.keys(scalars).length) {
			markRated(marketplaceId, CHECKLIST_FOR[blockName]);
			items.push({ ...common, metric: blockName, count: null, rate: null, status: statusFor(marketplaceId, CHECKLIST_FOR[blockName]), ...scalars });
		}
	}
	// Checklist entries with no numbers behind them (policy statuses) are metrics of their own.
	for (const [marketplaceId, checklist] of checklists) {
		for (const [name, status] of checklist) {
			if (rated.get(marketplaceId)?.has(name) || (marketplaceId === null && [...rated.values()].some((names) => names.has(name)))) continue;
			items.push({
				marketplaceId: marketplaceId ?? requested ?? 'unknown',
				timeFrameStart: null,
				timeFrameEnd: null,
				orderCount: null,
				metric: name,
				count: null,
				rate: null,
				status,
			});
		}
	}
	return items;
}

/** Finds the checklists and the blocks of measurements anywhere in the tree. */
function collect(node: IDataObject, marketplaceId: string | null, blocks: Block[], checklists: Map<string | null, Map<string, string>>): void {
	const own = marketplaceOf(node) ?? marketplaceId;
	for (const [name, value] of Object.entries(node)) {
		for (const element of asList(value)) {
			const entry = asObject(element);
			if (!entry) continue;
			const elementMarketplace = marketplaceOf(entry) ?? own;
			if (name === 'performanceChecklist') {
				const checklist = checklists.get(elementMarketplace) ?? new Map<string, string>();
				for (const [metric, status] of Object.entries(entry)) {
					const value = typeof status === 'string' ? status : asObject(status)?.status;
					if (typeof value === 'string' && !MARKETPLACE_FIELDS.includes(metric)) checklist.set(metric, value);
				}
				checklists.set(elementMarketplace, checklist);
			} else if (isBlock(entry)) {
				blocks.push({ name, entry, marketplaceId: elementMarketplace });
			} else {
				collect(entry, elementMarketplace, blocks, checklists);
			}
		}
	}
}

/** An element holding measurements: a time frame, counts/rates, or plain numbers. */
function isBlock(entry: IDataObject): boolean {
	if ('timeFrame' in entry) return true;
	return Object.entries(entry).some(([name, value]) => {
		if (MARKETPLACE_FIELDS.includes(name)) return false;
		const measure = asObject(value);
		if (measure) return 'count' in measure || 'rate' in measure;
		return toNumber(value) !== null;
	});
}

function marketplaceOf(entry: IDataObject): string | null {
	for (const field of MARKETPLACE_FIELDS) {
		const value = text(entry[field]) ?? text(asObject(entry[field])?.['#text']);
		if (value) return value;
	}
	return null;
}

function text(value: unknown): string | null {
	if (typeof value === 'string') return value.trim() || null;
	if (typeof value === 'number') return String(value);
	return null;
}
