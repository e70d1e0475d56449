// The ready-made analytics queries a user fills in with pickers: what each asks Amazon for (the
// dataset's query field, its arguments, the fields the schema offers) and how its lines become
// items. The field lists follow Amazon's GraphQL schemas (schemas/data-kiosk/ of
// amzn/selling-partner-api-models): analytics_salesAndTraffic_2024_04_24, analytics_economics_2024_03_15.
import type { DateGranularity, DateRange } from './dates';
import type { GraphqlValue, Selection } from './graphql';
import { enumValue, MONEY, queryText, selectionInText, skeletonOf } from './graphql';
import type { LineShaper } from './shape';
import { economicsLine, flatLine, selectionShaper, withStableKeys } from './shape';

export type ReadyMadeQueryName = 'salesAndTrafficByDate' | 'salesAndTrafficByAsin' | 'sellerEconomics';

export type AsinGranularity = 'PARENT' | 'CHILD' | 'SKU';

export type ProductGranularity = 'MSKU' | 'CHILD_ASIN' | 'PARENT_ASIN';

/** Fee types whose components (base fee, surcharges) Seller Economics can break down. */
export type FeeType = 'FBA_FULFILLMENT_FEE' | 'FBA_STORAGE_FEE';

/** What the pickers chose, checked. */
export interface QueryChoices {
	marketplaceId: string;
	range: DateRange;
	dateGranularity: DateGranularity;
	asinGranularity: AsinGranularity;
	productGranularity: ProductGranularity;
	feeComponents: FeeType[];
	/** Amazon Business (B2B) metrics too (Sales and Traffic). */
	b2b: boolean;
}

export interface BuiltQuery {
	/** The GraphQL text sent to Amazon. */
	text: string;
	/** Its lines as items, every item with the same keys. */
	shape: LineShaper;
}

export interface ReadyMadeQuery {
	value: ReadyMadeQueryName;
	name: string;
	description: string;
	/** The dataset's name in messages: "Amazon keeps Sales and Traffic data for two years". */
	datasetName: string;
	dataset: string;
	field: string;
	/** The Selling Partner API role the app needs. */
	role: string;
	/** The date granularities the query takes, the first the default. */
	dateGranularities: DateGranularity[];
	build(choices: QueryChoices): BuiltQuery;
}

interface Metric {
	name: string;
	money?: boolean;
	/** Has an Amazon Business twin, `${name}B2B`. */
	b2b?: boolean;
}

const metric = (name: string, money = false, b2b = true): Metric => ({ name, money, b2b });

// Sales and Traffic metrics, in the schema's order; each B2B twin follows its metric.
const BY_DATE_SALES = [
	metric('averageSalesPerOrderItem', true),
	metric('averageSellingPrice', true),
	metric('averageUnitsPerOrderItem'),
	metric('claimsAmount', true),
	metric('claimsGranted'),
	metric('orderedProductSales', true),
	metric('ordersShipped'),
	metric('refundRate'),
	metric('shippedProductSales', true),
	metric('totalOrderItems'),
	metric('unitsOrdered'),
	metric('unitsRefunded'),
	metric('unitsShipped'),
];

const BY_DATE_TRAFFIC = [
	metric('averageOfferCount', false, false),
	metric('averageParentItems', false, false),
	metric('browserPageViews'),
	metric('browserSessions'),
	metric('buyBoxPercentage'),
	metric('feedbackReceived'),
	metric('mobileAppPageViews'),
	metric('mobileAppSessions'),
	metric('negativeFeedbackReceived'),
	metric('orderItemSessionPercentage'),
	metric('pageViews'),
	metric('receivedNegativeFeedbackRate'),
	metric('sessions'),
	metric('unitSessionPercentage'),
];

const BY_ASIN_SALES = [
	metric('orderedProductSales', true),
	metric('ordersShipped'),
	metric('refundRate'),
	metric('shippedProductSales', true),
	metric('totalOrderItems'),
	metric('unitsOrdered'),
	metric('unitsRefunded'),
	metric('unitsShipped'),
];

const BY_ASIN_TRAFFIC = [
	metric('browserPageViews'),
	metric('browserPageViewsPercentage'),
	metric('browserSessionPercentage'),
	metric('browserSessions'),
	metric('buyBoxPercentage'),
	metric('mobileAppPageViews'),
	metric('mobileAppPageViewsPercentage'),
	metric('mobileAppSessionPercentage'),
	metric('mobileAppSessions'),
	metric('pageViews'),
	metric('pageViewsPercentage'),
	metric('sessionPercentage'),
	metric('sessions'),
	metric('unitSessionPercentage'),
];

function metrics(list: Metric[], b2b: boolean): Selection {
	const selection: Record<string, true | Selection> = {};
	for (const { name, money, b2b: hasTwin } of list) {
		selection[name] = money ? MONEY : true;
		if (b2b && hasTwin) selection[`${name}B2B`] = money ? MONEY : true;
	}
	return selection;
}

/** A Data Kiosk query whose lines are flattened Sales and Traffic records. */
function salesAndTraffic(field: string, name: string, selection: Selection, args: Record<string, GraphqlValue>): BuiltQuery {
	return {
		text: queryText({ name, dataset: SALES_AND_TRAFFIC, field, args, selection }),
		shape: selectionShaper(selection),
	};
}

const SALES_AND_TRAFFIC = 'analytics_salesAndTraffic_2024_04_24';
const ECONOMICS = 'analytics_economics_2024_03_15';

const dateArguments = (choices: QueryChoices) => ({
	startDate: choices.range.startDate,
	endDate: choices.range.endDate,
	marketplaceIds: [choices.marketplaceId],
});

/** Amazon's aggregated charge: amounts before and after promotion and tax, per unit, quantity. */
const CHARGE: Selection = {
	amount: MONEY,
	amountPerUnit: MONEY,
	amountPerUnitDelta: MONEY,
	promotionAmount: MONEY,
	quantity: true,
	taxAmount: MONEY,
	totalAmount: MONEY,
};

export const READY_MADE_QUERIES: ReadyMadeQuery[] = [
	{
		value: 'salesAndTrafficByDate',
		name: 'Sales and Traffic by Date',
		description: 'Sales, units, refunds, page views, sessions and Buy Box percentage of the whole account, one item per day, week or month',
		datasetName: 'Sales and Traffic',
		dataset: SALES_AND_TRAFFIC,
		field: 'salesAndTrafficByDate',
		role: 'Brand Analytics',
		dateGranularities: ['DAY', 'WEEK', 'MONTH'],
		build: (choices) =>
			salesAndTraffic(
				'salesAndTrafficByDate',
				'SalesAndTrafficByDate',
				{
					startDate: true,
					endDate: true,
					marketplaceId: true,
					sales: metrics(BY_DATE_SALES, choices.b2b),
					traffic: metrics(BY_DATE_TRAFFIC, choices.b2b),
				},
				{ aggregateBy: enumValue(choices.dateGranularity), ...dateArguments(choices) },
			),
	},
	{
		value: 'salesAndTrafficByAsin',
		name: 'Sales and Traffic by ASIN',
		description: 'Sales, units, page views, sessions and Buy Box percentage per parent ASIN, child ASIN or SKU, for the whole range',
		datasetName: 'Sales and Traffic',
		dataset: SALES_AND_TRAFFIC,
		field: 'salesAndTrafficByAsin',
		role: 'Brand Analytics',
		dateGranularities: ['RANGE'],
		build: (choices) =>
			salesAndTraffic(
				'salesAndTrafficByAsin',
				'SalesAndTrafficByAsin',
				{
					startDate: true,
					endDate: true,
					marketplaceId: true,
					parentAsin: true,
					childAsin: true,
					sku: true,
					sales: metrics(BY_ASIN_SALES, choices.b2b),
					traffic: metrics(BY_ASIN_TRAFFIC, choices.b2b),
				},
				{ aggregateBy: enumValue(choices.asinGranularity), ...dateArguments(choices) },
			),
	},
	{
		value: 'sellerEconomics',
		name: 'Seller Economics',
		description: 'Per SKU (or ASIN) and day, week or month: sales, every Amazon fee, ad spend, your costs and the net proceeds',
		datasetName: 'Seller Economics',
		dataset: ECONOMICS,
		field: 'economics',
		role: 'Selling Partner Insights',
		dateGranularities: ['DAY', 'WEEK', 'MONTH', 'RANGE'],
		build: (choices) => {
			const selection: Selection = {
				startDate: true,
				endDate: true,
				marketplaceId: true,
				msku: true,
				fnsku: true,
				childAsin: true,
				parentAsin: true,
				sales: {
					averageSellingPrice: MONEY,
					netProductSales: MONEY,
					netUnitsSold: true,
					orderedProductSales: MONEY,
					refundedProductSales: MONEY,
					unitsOrdered: true,
					unitsRefunded: true,
				},
				fees: {
					feeTypeName: true,
					charges: {
						startDate: true,
						endDate: true,
						aggregatedDetail: CHARGE,
						...(choices.feeComponents.length ? { components: { name: true, aggregatedDetail: CHARGE } } : {}),
					},
				},
				ads: { adTypeName: true, charge: CHARGE },
				cost: {
					costOfGoodsSold: MONEY,
					fbaCost: { shippingToAmazonCost: MONEY },
					mfnCost: { fulfillmentCost: MONEY, storageCost: MONEY },
					miscellaneousCost: MONEY,
				},
				netProceeds: { total: MONEY, perUnit: MONEY },
			};
			return {
				text: queryText({
					name: 'SellerEconomics',
					dataset: ECONOMICS,
					field: 'economics',
					args: {
						...dateArguments(choices),
						aggregateBy: { date: enumValue(choices.dateGranularity), productId: enumValue(choices.productGranularity) },
						...(choices.feeComponents.length ? { includeComponentsForFeeTypes: choices.feeComponents.map(enumValue) } : {}),
					},
					selection,
				}),
				// Lists are empty in the skeleton: a fee or ad of nulls is not a fee.
				shape: withStableKeys(economicsLine, { ...skeletonOf(selection), fees: [], ads: [] }),
			};
		},
	},
];

export function readyMadeQuery(value: string): ReadyMadeQuery | undefined {
	return READY_MADE_QUERIES.find((query) => query.value === value);
}

/**
 * What a query's text asks for, for its items and messages: a ready-made query's name, and its
 * lines shaped as Run shapes them (Seller Economics with its totals when it selects the fees),
 * every item with the keys the text selects (Download, Custom Query).
 */
export function recogniseQuery(text: string): { name: string; shape: LineShaper; known?: ReadyMadeQueryName } {
	const known = READY_MADE_QUERIES.find((query) => text.includes(query.dataset) && new RegExp(`\\b${query.field}\\s*\\(`).test(text));
	const selection = selectionInText(text);
	const economicsShape = known?.value === 'sellerEconomics' && (!selection || 'fees' in selection);
	const recognised = { name: known?.name ?? 'custom query', known: known?.value };
	if (!selection) return { ...recognised, shape: economicsShape ? economicsLine : flatLine };
	if (!economicsShape) return { ...recognised, shape: selectionShaper(selection) };
	// Lists are empty in the skeleton: a fee or ad of nulls is not a fee.
	return { ...recognised, shape: withStableKeys(economicsLine, { ...skeletonOf(selection), fees: [], ...('ads' in selection ? { ads: [] } : {}) }) };
}
