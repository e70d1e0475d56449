// GET_PROMOTION_PERFORMANCE_REPORT (JSON): one item per promotion, or one per included product.
// Each item keeps the report's date range and marketplaces (its reportSpecification), so items of
// several requests can go to one sheet and still be told apart.
import type { IDataObject } from 'n8n-workflow';

import { AmazonRequestError } from '../../shared/errors';
import { asObject, asObjects, withNumbers } from './shapeHelpers';
import type { TreeReportType } from './types';

const PROMOTION_NUMBERS = ['glanceViews', 'unitsSold', 'revenue', 'amountSpent'];
const PRODUCT_NUMBERS = ['productGlanceViews', 'productUnitsSold', 'productRevenue'];
const TWO_YEARS_MS = 730 * 86_400_000;

export const promotionPerformanceReport: TreeReportType = {
	reportType: 'GET_PROMOTION_PERFORMANCE_REPORT',
	name: 'Promotion Performance',
	description: 'Sales, units and glance views of Best Deal and Lightning Deal promotions, per promotion or product',
	roles: ['Selling Partner Insights', 'Brand Analytics'],
	format: 'json',
	requestable: true,
	dataRange: 'none',
	outputParameter: 'promotionOutput',
	parameters: [
		{
			displayName: 'Promotion Start From',
			name: 'promotionStartDateFrom',
			type: 'dateTime',
			default: '',
			required: true,
			description: 'Promotions starting at or after this moment (with its time zone; at most two years back)',
		},
		{
			displayName: 'Promotion Start To',
			name: 'promotionStartDateTo',
			type: 'dateTime',
			default: '',
			required: true,
			description: 'Promotions starting at or before this moment',
		},
		{
			displayName: 'Output',
			name: 'promotionOutput',
			type: 'options',
			options: [
				{ name: 'One Item per Product', value: 'products', description: 'Each included product, with its promotion’s fields' },
				{ name: 'One Item per Promotion', value: 'promotions', description: 'Each promotion, with its products as a list' },
			],
			default: 'promotions',
		},
	],
	reportOptions: (read) => {
		const [from, to] = requiredRange(read, 'promotionStartDateFrom', 'promotionStartDateTo', 'Promotion Start');
		return { promotionStartDateFrom: from, promotionStartDateTo: to };
	},
	shapeDocument(document, context) {
		const specification = asObject(document.reportSpecification) ?? {};
		const options = asObject(specification.reportOptions) ?? {};
		const marketplaceIds = Array.isArray(specification.marketplaceIds) ? (specification.marketplaceIds as string[]) : context.marketplaceIds;
		const report = {
			reportPromotionStartDateFrom: (options.promotionStartDateFrom as string | undefined) ?? null,
			reportPromotionStartDateTo: (options.promotionStartDateTo as string | undefined) ?? null,
			reportMarketplaceIds: marketplaceIds,
		};
		const onlyMarketplace = marketplaceIds.length === 1 ? marketplaceIds[0] : null;
		const items: IDataObject[] = [];
		for (const promotion of asObjects(document.promotions)) {
			const { includedProducts, ...fields } = promotion;
			const base = { ...withNumbers(fields, PROMOTION_NUMBERS), marketplaceId: fields.marketplaceId ?? onlyMarketplace, ...report };
			const products = asObjects(includedProducts).map((product) => withNumbers(product, PRODUCT_NUMBERS));
			if (context.output === 'products') {
				for (const product of products) items.push({ ...base, ...product });
			} else {
				items.push({ ...base, includedProducts: products });
			}
		}
		return items;
	},
	sample: {
		text: JSON.stringify({
			reportSpecification: {
				reportType: 'GET_PROMOTION_PERFORMANCE_REPORT',
				reportOptions: { promotionStartDateFrom: '2026-10-01T00:00:00Z', promotionStartDateTo: '2026-10-31T00:00:00Z' },
				marketplaceIds: ['ATVPDKIKX0DER'],
			},
			promotions: [
				{
					promotionId: 'b1d1c5a4-3f9e-4a61-9a2c-promo00001',
					promotionName: 'Lightning Deal',
					marketplaceId: 'ATVPDKIKX0DER',
					merchantId: 'A2MERCHANT01',
					type: 'LIGHTNING_DEAL',
					status: 'ENDED',
					glanceViews: 5120,
					unitsSold: 214,
					revenue: 4271.86,
					revenueCurrencyCode: 'USD',
					startDateTime: '2026-10-02T07:00:00Z',
					endDateTime: '2026-10-02T19:00:00Z',
					createdDateTime: '2026-09-20T11:12:13Z',
					lastUpdatedDateTime: '2026-10-03T00:00:00Z',
					includedProducts: [
						{ asin: 'B0TESTASIN1', productName: 'Thermos flask', productGlanceViews: 3100, productUnitsSold: 150, productRevenue: 2998.5, productRevenueCurrencyCode: 'USD' },
					],
				},
			],
		}),
		compression: 'none',
	},
};

/** A required date range of report options: both set, with a zone, in order, at most two years back. */
export function requiredRange(read: (name: string) => unknown, fromName: string, toName: string, label: string): [string, string] {
	const moment = (name: string, which: string): string => {
		const value = read(name);
		const text = value === undefined || value === null ? '' : String(value).trim();
		if (!text) {
			throw new AmazonRequestError(`"${label} ${which}" is empty`, {
				description: 'Amazon requires this date for this report. Pick one, with its time zone (UTC if unsure).',
			});
		}
		const time = Date.parse(text);
		if (Number.isNaN(time)) {
			throw new AmazonRequestError(`"${label} ${which}" is not a date: "${text}"`, {
				description: 'Pick a date, or write it as ISO 8601 with its zone, e.g. 2025-03-01T00:00:00Z.',
			});
		}
		return new Date(time).toISOString();
	};
	const from = moment(fromName, 'From');
	const to = moment(toName, 'To');
	if (Date.parse(from) > Date.now() + 60_000 || Date.parse(to) > Date.now() + 60_000) {
		throw new AmazonRequestError(`"${label}" is in the future`, { description: 'Amazon only reports on the past: choose moments up to now.' });
	}
	if (Date.parse(from) > Date.parse(to)) {
		throw new AmazonRequestError(`"${label} From" (${from}) is after "${label} To" (${to})`, { description: 'Swap them.' });
	}
	if (Date.parse(from) < Date.now() - TWO_YEARS_MS) {
		throw new AmazonRequestError(`"${label} From" (${from}) is more than two years back`, {
			description: 'Amazon keeps this report for start dates up to two years before today.',
		});
	}
	return [from, to];
}
