// GET_COUPON_PERFORMANCE_REPORT (JSON). Sellers get { coupons: [...] }: one item per coupon.
// Vendors get { campaigns: [{ coupons: [...] }] }: one item per campaign. Documents may name their
// marketplaces once at the top; each item keeps its marketplace.
import type { IDataObject } from 'n8n-workflow';

import { requiredRange } from './promotionPerformance.report';
import { asObject, asObjects, toNumber, withNumbers } from './shapeHelpers';
import type { TreeReportType } from './types';

const COUPON_NUMBERS = ['clips', 'redemptions', 'totalDiscount', 'budget', 'budgetSpent', 'budgetRemaining', 'budgetPercentageUsed', 'discountAmount', 'sales'];
const CAMPAIGN_NUMBERS = ['totalClips', 'totalRedemptions', 'totalBudget', 'totalBudgetSpent', 'totalBudgetRemaining', 'totalDiscount', 'totalSales'];

export const couponPerformanceReport: TreeReportType = {
	reportType: 'GET_COUPON_PERFORMANCE_REPORT',
	name: 'Coupon Performance',
	description: 'Clips, redemptions and budget of coupons (sellers) or coupon campaigns (vendors)',
	roles: ['Brand Analytics'],
	format: 'json',
	requestable: true,
	dataRange: 'none',
	parameters: [
		{
			displayName: 'Account Type',
			name: 'couponAccountType',
			type: 'options',
			options: [
				{ name: 'Seller', value: 'seller', description: 'Coupons by coupon start date (couponStartDateFrom/To)' },
				{ name: 'Vendor', value: 'vendor', description: 'Coupon campaigns by campaign start date (campaignStartDateFrom/To)' },
			],
			default: 'seller',
		},
		{
			displayName: 'Start From',
			name: 'couponStartDateFrom',
			type: 'dateTime',
			default: '',
			required: true,
			description: 'Coupons (or campaigns) starting at or after this moment (at most two years back)',
		},
		{
			displayName: 'Start To',
			name: 'couponStartDateTo',
			type: 'dateTime',
			default: '',
			required: true,
			description: 'Coupons (or campaigns) starting at or before this moment',
		},
	],
	reportOptions: (read): Record<string, string> => {
		const [from, to] = requiredRange(read, 'couponStartDateFrom', 'couponStartDateTo', 'Start');
		// Sellers' report takes coupon start dates; vendors' takes campaign start dates (Amazon’s documentation).
		return read('couponAccountType') === 'vendor'
			? { campaignStartDateFrom: from, campaignStartDateTo: to }
			: { couponStartDateFrom: from, couponStartDateTo: to };
	},
	shapeDocument(document, context) {
		const specification = asObject(document.reportSpecification) ?? {};
		const listed = [document.marketplaceIds, specification.marketplaceIds].find(Array.isArray) as string[] | undefined;
		const marketplaceIds = listed ?? context.marketplaceIds;
		const onlyMarketplace = marketplaceIds.length === 1 ? marketplaceIds[0] : null;
		const withMarketplace = (entry: IDataObject): IDataObject => ({
			...entry,
			marketplaceId: entry.marketplaceId ?? onlyMarketplace,
			...(entry.marketplaceId || onlyMarketplace ? {} : { marketplaceIds }),
		});
		if (document.campaigns !== undefined) {
			return asObjects(document.campaigns).map((campaign) =>
				withMarketplace({ ...withNumbers(campaign, CAMPAIGN_NUMBERS), coupons: asObjects(campaign.coupons).map(shapeCoupon) }),
			);
		}
		return asObjects(document.coupons).map((coupon) => withMarketplace(shapeCoupon(coupon)));
	},
	sample: {
		text: JSON.stringify({
			marketplaceIds: ['ATVPDKIKX0DER'],
			coupons: [
				{
					couponId: 'coupon-0001',
					name: '10% off flasks',
					merchantId: 'A2MERCHANT01',
					currencyCode: 'USD',
					startDateTime: '2026-10-01T00:00:00Z',
					endDateTime: '2026-10-31T23:59:59Z',
					customerSegment: 'ALL',
					clips: 820,
					redemptions: 97,
					totalDiscount: 288.1,
					budgetSpent: 288.1,
					budgetPercentageUsed: 57.62,
					asins: [{ asin: 'B0TESTASIN1' }, { asin: 'B0TESTASIN2' }],
				},
			],
		}),
		compression: 'none',
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
