// The five performance reports: each is its report definition plus the request it needs.
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { AmazonRequestError } from '../../shared/errors';
import type { CreateReportSpec } from '../api';
import { checkRange, connectionFor, dateParameter, marketplaceIdsFor, runOptionsFor } from '../parameters';
import { accountHealthReport } from '../reports/accountHealth';
import { couponPerformanceReport } from '../reports/couponPerformance';
import { customerMetricsReport } from '../reports/customerMetrics';
import { promotionPerformanceReport } from '../reports/promotionPerformance';
import { sellerFeedbackReport } from '../reports/sellerFeedback';
import { runReport } from '../runReport';

const TWO_YEARS_DAYS = 730;

type Operation = (this: IExecuteFunctions, itemIndex: number) => Promise<INodeExecutionData[]>;

export const getSellerFeedback: Operation = async function (itemIndex) {
	const connection = await connectionFor.call(this, itemIndex);
	const marketplaceIds = marketplaceIdsFor.call(this, itemIndex, connection);
	const end = dateParameter.call(this, 'endDate', 'End Date', itemIndex) ?? new Date().toISOString();
	const start =
		dateParameter.call(this, 'startDate', 'Start Date', itemIndex) ??
		new Date(Date.parse(end) - 30 * 86_400_000).toISOString();
	checkRange({ label: 'Start Date', value: start }, { label: 'End Date', value: end });
	const options = runOptionsFor.call(this, itemIndex, 'rows');
	// One report per marketplace: each writes dates its own way, and rows do not say which it is.
	const items: INodeExecutionData[] = [];
	for (const marketplaceId of marketplaceIds) {
		const spec: CreateReportSpec = {
			reportType: sellerFeedbackReport.reportType,
			marketplaceIds: [marketplaceId],
			dataStartTime: start,
			dataEndTime: end,
		};
		items.push(...(await runReport.call(this, connection, spec, sellerFeedbackReport, options)));
	}
	return items;
};

export const getCustomerMetrics: Operation = async function (itemIndex) {
	const connection = await connectionFor.call(this, itemIndex);
	const spec: CreateReportSpec = {
		reportType: customerMetricsReport.reportType,
		marketplaceIds: marketplaceIdsFor.call(this, itemIndex, connection),
	};
	const output = this.getNodeParameter('output', itemIndex, 'metrics') as string;
	return await runReport.call(this, connection, spec, customerMetricsReport, runOptionsFor.call(this, itemIndex, output));
};

export const getAccountHealth: Operation = async function (itemIndex) {
	const connection = await connectionFor.call(this, itemIndex);
	const spec: CreateReportSpec = {
		reportType: accountHealthReport.reportType,
		marketplaceIds: marketplaceIdsFor.call(this, itemIndex, connection),
	};
	const output = this.getNodeParameter('output', itemIndex, 'metrics') as string;
	return await runReport.call(this, connection, spec, accountHealthReport, runOptionsFor.call(this, itemIndex, output));
};

export const getPromotionPerformance: Operation = async function (itemIndex) {
	const connection = await connectionFor.call(this, itemIndex);
	const marketplaceIds = marketplaceIdsFor.call(this, itemIndex, connection);
	const from = requiredDate.call(this, 'promotionStartDateFrom', 'Promotion Start From', itemIndex);
	const to = requiredDate.call(this, 'promotionStartDateTo', 'Promotion Start To', itemIndex);
	checkRange({ label: 'Promotion Start From', value: from }, { label: 'Promotion Start To', value: to }, TWO_YEARS_DAYS);
	const spec: CreateReportSpec = {
		reportType: promotionPerformanceReport.reportType,
		marketplaceIds,
		reportOptions: { promotionStartDateFrom: from, promotionStartDateTo: to },
	};
	const output = this.getNodeParameter('output', itemIndex, 'promotions') as string;
	return await runReport.call(this, connection, spec, promotionPerformanceReport, runOptionsFor.call(this, itemIndex, output));
};

export const getCouponPerformance: Operation = async function (itemIndex) {
	const connection = await connectionFor.call(this, itemIndex);
	const marketplaceIds = marketplaceIdsFor.call(this, itemIndex, connection);
	const from = requiredDate.call(this, 'couponStartDateFrom', 'Start From', itemIndex);
	const to = requiredDate.call(this, 'couponStartDateTo', 'Start To', itemIndex);
	checkRange({ label: 'Start From', value: from }, { label: 'Start To', value: to }, TWO_YEARS_DAYS);
	// Sellers' report takes coupon start dates; vendors' takes campaign start dates (the seed doc).
	const vendor = this.getNodeParameter('accountType', itemIndex, 'seller') === 'vendor';
	const spec: CreateReportSpec = {
		reportType: couponPerformanceReport.reportType,
		marketplaceIds,
		reportOptions: vendor
			? { campaignStartDateFrom: from, campaignStartDateTo: to }
			: { couponStartDateFrom: from, couponStartDateTo: to },
	};
	const output = this.getNodeParameter('output', itemIndex, 'coupons') as string;
	return await runReport.call(this, connection, spec, couponPerformanceReport, runOptionsFor.call(this, itemIndex, output));
};

function requiredDate(this: IExecuteFunctions, name: string, label: string, itemIndex: number): string {
	const value = dateParameter.call(this, name, label, itemIndex);
	if (value) return value;
	throw new AmazonRequestError(`"${label}" is empty`, {
		description: 'Amazon requires this date for this report. Pick one, with its time zone (UTC if unsure).',
	});
}
