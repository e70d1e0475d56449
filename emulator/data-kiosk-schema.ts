// The Data Kiosk datasets the emulator serves, as their GraphQL schemas define them
// (schemas/data-kiosk/ of amzn/selling-partner-api-models): types and their fields, the query
// fields with their arguments, enums and input objects. The emulator checks every query against
// this, so a field or argument the package gets wrong fails as it would at Amazon.
import type { FieldNode, GraphqlValue } from './graphql';

/** A type reference as the schema writes it: 'Long!', '[Fee]', '[String!]!'. */
type TypeRef = string;

const money = 'Amount';

/** Output object types: field → type. */
export const OBJECT_TYPES: Record<string, Record<string, TypeRef>> = {
	Amount: { amount: 'Float!', currencyCode: 'String!' },
	// analytics_salesAndTraffic_2024_04_24
	SalesAndTrafficByDate: { endDate: 'Date!', marketplaceId: 'String!', sales: 'ByDateSales!', startDate: 'Date!', traffic: 'ByDateTraffic!' },
	SalesAndTrafficByAsin: {
		childAsin: 'String',
		endDate: 'Date!',
		marketplaceId: 'String!',
		parentAsin: 'String!',
		sales: 'ByAsinSales!',
		sku: 'String',
		startDate: 'Date!',
		traffic: 'ByAsinTraffic!',
	},
	ByDateSales: withB2b({
		averageSalesPerOrderItem: money,
		averageSellingPrice: money,
		averageUnitsPerOrderItem: 'Float',
		claimsAmount: money,
		claimsGranted: 'Long',
		orderedProductSales: money,
		ordersShipped: 'Long',
		refundRate: 'Float',
		shippedProductSales: money,
		totalOrderItems: 'Long',
		unitsOrdered: 'Long',
		unitsRefunded: 'Long',
		unitsShipped: 'Long',
	}),
	ByDateTraffic: {
		averageOfferCount: 'Long!',
		averageParentItems: 'Long!',
		...withB2b({
			browserPageViews: 'Long',
			browserSessions: 'Long',
			buyBoxPercentage: 'Float',
			feedbackReceived: 'Long',
			mobileAppPageViews: 'Long',
			mobileAppSessions: 'Long',
			negativeFeedbackReceived: 'Long',
			orderItemSessionPercentage: 'Float',
			pageViews: 'Long',
			receivedNegativeFeedbackRate: 'Float',
			sessions: 'Long',
			unitSessionPercentage: 'Float',
		}),
	},
	ByAsinSales: withB2b({
		orderedProductSales: money,
		ordersShipped: 'Long',
		refundRate: 'Float',
		shippedProductSales: money,
		totalOrderItems: 'Long',
		unitsOrdered: 'Long',
		unitsRefunded: 'Long',
		unitsShipped: 'Long',
	}),
	ByAsinTraffic: withB2b({
		browserPageViews: 'Long',
		browserPageViewsPercentage: 'Float',
		browserSessionPercentage: 'Float',
		browserSessions: 'Long',
		buyBoxPercentage: 'Float',
		mobileAppPageViews: 'Long',
		mobileAppPageViewsPercentage: 'Float',
		mobileAppSessionPercentage: 'Float',
		mobileAppSessions: 'Long',
		pageViews: 'Long',
		pageViewsPercentage: 'Float',
		sessionPercentage: 'Float',
		sessions: 'Long',
		unitSessionPercentage: 'Float',
	}),
	// analytics_economics_2024_03_15
	Economics: {
		ads: '[AdSummary]',
		childAsin: 'String',
		cost: 'PerUnitCost',
		endDate: 'Date!',
		fees: '[FeeSummary]!',
		fnsku: 'String',
		marketplaceId: 'String!',
		msku: 'String',
		netProceeds: 'NetProceeds!',
		parentAsin: 'String!',
		sales: 'Sales!',
		startDate: 'Date!',
	},
	Sales: {
		averageSellingPrice: 'Amount',
		netProductSales: 'Amount!',
		netUnitsSold: 'Long!',
		orderedProductSales: 'Amount!',
		refundedProductSales: 'Amount!',
		unitsOrdered: 'Long!',
		unitsRefunded: 'Long!',
	},
	FeeSummary: { charge: 'Fee', charges: '[Fee]', feeTypeName: 'String!' },
	Fee: {
		aggregatedDetail: 'AggregatedDetail!',
		components: '[FeeComponent]',
		endDate: 'Date',
		identifier: 'String!',
		properties: '[EconomicsProperty]',
		startDate: 'Date',
	},
	FeeComponent: { aggregatedDetail: 'AggregatedDetail!', name: 'String!', properties: '[EconomicsProperty]' },
	EconomicsProperty: { propertyName: 'String!', propertyValue: 'String!' },
	AggregatedDetail: {
		amount: 'Amount!',
		amountPerUnit: 'Amount',
		amountPerUnitDelta: 'Amount',
		promotionAmount: 'Amount!',
		quantity: 'Float',
		taxAmount: 'Amount!',
		totalAmount: 'Amount!',
	},
	AdSummary: { adTypeName: 'String!', charge: 'AggregatedDetail' },
	PerUnitCost: { costOfGoodsSold: 'Amount', fbaCost: 'FbaPerUnitCost', mfnCost: 'MfnPerUnitCost', miscellaneousCost: 'Amount' },
	FbaPerUnitCost: { shippingToAmazonCost: 'Amount' },
	MfnPerUnitCost: { fulfillmentCost: 'Amount', storageCost: 'Amount' },
	NetProceeds: { perUnit: 'Amount', total: 'Amount' },
};

/** A metric and its Amazon Business twin (`…B2B`, nullable); the metric itself is non-null. */
function withB2b(fields: Record<string, TypeRef>): Record<string, TypeRef> {
	const both: Record<string, TypeRef> = {};
	for (const [name, type] of Object.entries(fields)) {
		both[name] = `${type}!`;
		both[`${name}B2B`] = type;
	}
	return both;
}

export const SCALARS = new Set(['String', 'Float', 'Long', 'Date', 'Boolean', 'Int']);

export const ENUMS: Record<string, string[]> = {
	AsinGranularity: ['CHILD', 'PARENT', 'SKU'],
	DateGranularity: ['DAY', 'MONTH', 'WEEK'],
	EconomicsDateGranularity: ['DAY', 'MONTH', 'RANGE', 'WEEK'],
	ProductIdentifierGranularity: ['CHILD_ASIN', 'MSKU', 'PARENT_ASIN'],
	FeeType: ['FBA_FULFILLMENT_FEE', 'FBA_STORAGE_FEE'],
};

export const INPUT_TYPES: Record<string, Record<string, TypeRef>> = {
	EconomicsAggregation: { date: 'EconomicsDateGranularity', productId: 'ProductIdentifierGranularity' },
};

export interface QueryField {
	args: Record<string, TypeRef>;
	type: TypeRef;
}

/** The datasets (root fields) and their query fields the emulator answers. */
export const DATASETS: Record<string, Record<string, QueryField>> = {
	analytics_salesAndTraffic_2024_04_24: {
		salesAndTrafficByDate: {
			args: { aggregateBy: 'DateGranularity!', endDate: 'Date!', marketplaceIds: '[String!]!', startDate: 'Date!' },
			type: '[SalesAndTrafficByDate]',
		},
		salesAndTrafficByAsin: {
			args: { aggregateBy: 'AsinGranularity!', endDate: 'Date!', marketplaceIds: '[String!]!', startDate: 'Date!' },
			type: '[SalesAndTrafficByAsin]',
		},
	},
	analytics_economics_2024_03_15: {
		economics: {
			args: {
				aggregateBy: 'EconomicsAggregation',
				endDate: 'Date!',
				includeComponentsForFeeTypes: '[FeeType]',
				marketplaceIds: '[String!]!',
				startDate: 'Date!',
			},
			type: '[Economics]',
		},
	},
};

/** The named type of a reference: '[Fee]!' → 'Fee'. */
export function namedType(type: TypeRef): string {
	return type.replace(/[[\]!]/g, '');
}

export const isList = (type: TypeRef) => type.startsWith('[');

/** Checks a selection against a type; returns the first problem, as GraphQL validation words it. */
export function selectionProblem(fields: FieldNode[] | undefined, type: TypeRef, path: string): string | undefined {
	const named = namedType(type);
	if (SCALARS.has(named)) return fields ? `Field "${path}" must not have a selection since type "${named}" has no subfields.` : undefined;
	if (!fields) return `Field "${path}" of type "${type}" must have a selection of subfields.`;
	const known = OBJECT_TYPES[named];
	for (const field of fields) {
		const fieldType = known[field.name];
		if (!fieldType) return `Cannot query field "${field.name}" on type "${named}".`;
		if (Object.keys(field.args).length) return `Unknown argument "${Object.keys(field.args)[0]}" on field "${named}.${field.name}".`;
		const problem = selectionProblem(field.selections, fieldType, `${path}.${field.name}`);
		if (problem) return problem;
	}
	return undefined;
}

/** Checks an argument value against its input type. */
export function argumentProblem(value: GraphqlValue | undefined, type: TypeRef, path: string): string | undefined {
	const required = type.endsWith('!');
	if (value === undefined || value.kind === 'null') return required ? `Argument "${path}" of required type "${type}" was not provided.` : undefined;
	const inner = required ? type.slice(0, -1) : type;
	if (isList(inner)) {
		// GraphQL takes a single value where a list is expected.
		const values = value.kind === 'list' ? value.values : [value];
		for (const item of values) {
			const problem = argumentProblem(item, inner.slice(1, -1), path);
			if (problem) return problem;
		}
		return undefined;
	}
	if (ENUMS[inner]) return value.kind === 'enum' && ENUMS[inner].includes(value.value) ? undefined : `Argument "${path}" has an invalid value: expected one of ${ENUMS[inner].join(', ')} (an enum, without quotes).`;
	if (INPUT_TYPES[inner]) {
		if (value.kind !== 'object') return `Argument "${path}" must be an input object of type "${inner}".`;
		for (const [name, field] of Object.entries(value.fields)) {
			const fieldType = INPUT_TYPES[inner][name];
			if (!fieldType) return `Field "${name}" is not defined by type "${inner}".`;
			const problem = argumentProblem(field, fieldType, `${path}.${name}`);
			if (problem) return problem;
		}
		return undefined;
	}
	if (inner === 'Date') {
		return value.kind === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value.value) && !Number.isNaN(Date.parse(`${value.value}T00:00:00Z`))
			? undefined
			: `Argument "${path}" has an invalid value: expected a Date ("YYYY-MM-DD").`;
	}
	if (inner === 'String') return value.kind === 'string' ? undefined : `Argument "${path}" has an invalid value: expected a String.`;
	return `Argument "${path}" has an unsupported type "${type}".`;
}
