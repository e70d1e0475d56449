// GET_V1_SELLER_PERFORMANCE_REPORT (XML). No public sample exists, so the shaper reads whatever
// blocks hold time-framed metrics instead of relying on one exact nesting.
import type { IDataObject } from 'n8n-workflow';

import { asList, asObject, asObjects, toNumber } from './shapeHelpers';
import type { TreeReport } from './types';

// Which performance-checklist entry rates a time-framed metric.
const CHECKLIST_FOR: Record<string, string> = {
	orderWithDefects: 'orderDefectRate',
	lateShipment: 'lateShipmentRate',
	preFulfillmentCancellation: 'orderCancellationRate',
	validTracking: 'validTrackingRate',
	onTimeDelivery: 'onTimeDelivery',
	buyerSellerContactResponseTimeMetrics: 'contactResponseTime',
};

export const customerMetricsReport: TreeReport = {
	format: 'xml',
	reportType: 'GET_V1_SELLER_PERFORMANCE_REPORT',
	title: 'customer metrics report',
	shapeDocument(document, context) {
		const reports = findReports(document);
		if (context.output === 'raw') return [document];
		return reports.flatMap((report) => metricItems(report, context.marketplaceIds[0] ?? null));
	},
};

function findReports(document: IDataObject): IDataObject[] {
	const root = asObject(document.sellerPerformanceReports) ?? document;
	const reports = asObjects(root.sellerPerformanceReport);
	return reports.length ? reports : [root];
}

function metricItems(report: IDataObject, marketplaceId: string | null): IDataObject[] {
	const checklist = new Map<string, string>();
	for (const [name, value] of Object.entries(asObject(report.performanceChecklist) ?? {})) {
		const status = typeof value === 'string' ? value : asObject(value)?.status;
		if (typeof status === 'string') checklist.set(name, status);
	}
	const common = { marketplaceId: text(report.marketplaceId) ?? marketplaceId };
	const items: IDataObject[] = [];
	const rated = new Set<string>();

	for (const [blockName, block] of Object.entries(report)) {
		if (blockName === 'performanceChecklist') continue;
		// A block is either a list of time frames (orderDefects > orderDefectMetrics[]) or one.
		for (const frame of timeFrames(blockName, block)) {
			const timeFrame = asObject(frame.entry.timeFrame) ?? {};
			const frameFields = {
				timeFrameStart: text(timeFrame.start) ?? text(timeFrame.startDate),
				timeFrameEnd: text(timeFrame.end) ?? text(timeFrame.endDate),
				orderCount: toNumber(frame.entry.orderCount),
			};
			const scalars: IDataObject = {};
			for (const [name, value] of Object.entries(frame.entry)) {
				if (name === 'timeFrame' || name === 'orderCount') continue;
				const measure = asObject(value);
				if (measure) {
					const checklistName = CHECKLIST_FOR[name];
					if (checklistName) rated.add(checklistName);
					items.push({
						...common,
						metric: name,
						...frameFields,
						count: toNumber(measure.count),
						rate: toNumber(measure.rate),
						status: (checklistName && checklist.get(checklistName)) || text(measure.status),
					});
				} else {
					scalars[name] = toNumber(value) ?? text(value);
				}
			}
			// Blocks of plain values (contact response times) make one item per time frame.
			if (Object.keys(scalars).length) {
				const checklistName = CHECKLIST_FOR[frame.name];
				if (checklistName) rated.add(checklistName);
				items.push({
					...common,
					metric: frame.name,
					...frameFields,
					count: null,
					rate: null,
					status: (checklistName && checklist.get(checklistName)) || null,
					...scalars,
				});
			}
		}
	}
	// Checklist entries with no numbers behind them (policy statuses) are metrics of their own.
	for (const [name, status] of checklist) {
		if (rated.has(name)) continue;
		items.push({ ...common, metric: name, timeFrameStart: null, timeFrameEnd: null, orderCount: null, count: null, rate: null, status });
	}
	return items;
}

function timeFrames(blockName: string, block: unknown): Array<{ name: string; entry: IDataObject }> {
	const object = asObject(block);
	if (!object) return [];
	if ('timeFrame' in object) return [{ name: blockName, entry: object }];
	return Object.entries(object).flatMap(([name, value]) =>
		asList(value)
			.map((entry) => asObject(entry))
			.filter((entry): entry is IDataObject => entry !== undefined && 'timeFrame' in entry)
			.map((entry) => ({ name, entry })),
	);
}

function text(value: unknown): string | null {
	if (typeof value === 'string') return value.trim() || null;
	if (typeof value === 'number') return String(value);
	return null;
}
