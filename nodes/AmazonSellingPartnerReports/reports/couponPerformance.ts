// GET_COUPON_PERFORMANCE_REPORT (JSON). Sellers get { coupons: [...] }: one item per coupon.
// Vendors get { campaigns: [{ coupons: [...] }] }: one item per campaign.
import type { IDataObject } from 'n8n-workflow';

import { asObjects, toNumber, withNumbers } from './shapeHelpers';
import type { TreeReport } from './types';

const COUPON_NUMBERS = [
	'clips',
	'redemptions',
	'totalDiscount',
	'budget',
	'budgetSpent',
	'budgetRemaining',
	'budgetPercentageUsed',
	'discountAmount',
	'sales',
];
const CAMPAIGN_NUMBERS = ['totalClips', 'totalRedemptions', 'totalBudget', 'totalBudgetSpent', 'totalBudgetRemaining', 'totalDiscount', 'totalSales'];

export const couponPerformanceReport: TreeReport = {
	format: 'json',
	reportType: 'GET_COUPON_PERFORMANCE_REPORT',
	title: 'coupon performance report',
	shapeDocument(document, context) {
		if (context.output === 'raw') return [document];
		if (document.campaigns !== undefined) {
			return asObjects(document.campaigns).map((campaign) => ({
				...withNumbers(campaign, CAMPAIGN_NUMBERS),
				coupons: asObjects(campaign.coupons).map(shapeCoupon),
			}));
		}
		return asObjects(document.coupons).map(shapeCoupon);
	},
};

function shapeCoupon(coupon: IDataObject): IDataObject {
	const shaped = withNumbers(coupon, COUPON_NUMBERS);
	// Sellers' coupons list ASINs as objects; a plain list of ASINs is easier to use downstream.
	if (Array.isArray(coupon.asins)) {
		const asins = asObjects(coupon.asins);
		const plain = asins.every((entry) => Object.keys(entry).length === 1 && typeof entry.asin === 'string');
		shaped.asins = plain
			? asins.map((entry) => entry.asin as string)
			: asins.map((entry) => ({ ...entry, discountAmount: toNumber(entry.discountAmount) ?? entry.discountAmount ?? null }));
	}
	return shaped;
}
