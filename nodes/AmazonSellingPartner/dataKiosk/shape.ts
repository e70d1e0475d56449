// Data Kiosk lines as items. Simplify: flat, typed, camelCase keys, the same keys on every item of
// a query (so a Google Sheets append maps them): metric groups merged and money as x and
// xCurrency, as the Sales and Traffic report is flattened. Seller Economics adds what a profit
// sheet needs: total fees, total ads, costs and net proceeds as columns, each fee and ad as a list.
import type { IDataObject } from 'n8n-workflow';

import { asObject, asObjects, flattenMetrics, isMoney } from '../reports/shapeHelpers';

/** One line (a JSON object) into one item's fields. */
export type LineShaper = (line: Record<string, unknown>) => IDataObject;

/**
 * A shaper whose items all have exactly the keys `skeleton` gives (a line with every selected field
 * null), in that order, whatever a line leaves out or writes as null instead of an object.
 */
export function withStableKeys(shape: LineShaper, skeleton: Record<string, unknown>): LineShaper {
	const template = shape(skeleton);
	return (line) => {
		const item = { ...template };
		const shaped = shape(line);
		for (const key in shaped) if (key in template) item[key] = shaped[key];
		return item;
	};
}

/** Any Data Kiosk line: groups merged, money flattened (Sales and Traffic by date or ASIN, custom queries). */
export const flatLine: LineShaper = (line) => flattenMetrics(line as IDataObject);

/**
 * A Seller Economics line: the product and period, its sales, the sum of its fees and ads, its
 * costs and net proceeds; `fees` and `ads` list each charge (Split Out gives one item per fee).
 */
export const economicsLine: LineShaper = (line) => {
	const { sales, fees, ads, cost, netProceeds, ...identity } = line as IDataObject;
	const feeCharges = asObjects(fees).flatMap((fee) =>
		asObjects(fee.charges ?? fee.charge).map((charge) => ({ feeTypeName: fee.feeTypeName ?? null, charge })),
	);
	// An ad's charge is the aggregated detail itself (a fee's charges hold it as aggregatedDetail).
	const adCharges = asObjects(ads).map((ad) => ({ adTypeName: ad.adTypeName ?? null, charge: asObject(ad.charge) ?? {} }));
	const proceeds = asObject(netProceeds) ?? {};
	return {
		...flattenMetrics(identity),
		...flattenMetrics({ sales: sales ?? {} } as IDataObject),
		...flattenMetrics({
			feesTotal: moneySum(feeCharges.map(({ charge }) => asObject(charge.aggregatedDetail)?.totalAmount)),
			adsTotal: moneySum(adCharges.map(({ charge }) => charge.totalAmount)),
		}),
		...flattenMetrics({ cost: cost ?? {} } as IDataObject),
		...flattenMetrics({ netProceedsTotal: proceeds.total ?? NO_MONEY, netProceedsPerUnit: proceeds.perUnit ?? NO_MONEY }),
		fees: feeCharges.map(({ feeTypeName, charge }) =>
			withComponents(flattenMetrics({ feeTypeName, startDate: charge.startDate ?? null, endDate: charge.endDate ?? null, detail: chargeDetail(charge.aggregatedDetail) }), charge),
		),
		ads: adCharges.map(({ adTypeName, charge }) => flattenMetrics({ adTypeName, detail: chargeDetail(charge) })),
	};
};

/** Money absent from a line still gives its two columns. */
const NO_MONEY = { amount: null, currencyCode: null };

const CHARGE_AMOUNTS = ['amount', 'amountPerUnit', 'amountPerUnitDelta', 'promotionAmount', 'taxAmount', 'totalAmount'];

/** A charge's aggregated detail, its null amounts (no per-unit amount …) as money of nulls: the same keys on every fee. */
function chargeDetail(detail: unknown): IDataObject {
	const filled: IDataObject = { ...asObject(detail) };
	for (const key of CHARGE_AMOUNTS) if (key in filled && filled[key] === null) filled[key] = NO_MONEY;
	return filled;
}

function withComponents(fee: IDataObject, charge: IDataObject): IDataObject {
	if (!Array.isArray(charge.components)) return fee;
	fee.components = asObjects(charge.components).map((component) =>
		flattenMetrics({ name: component.name ?? null, detail: chargeDetail(component.aggregatedDetail) }),
	);
	return fee;
}

/**
 * The sum of some money amounts of one currency, without float noise (3.15 + 2.1 is 5.25); null
 * amounts when there are none, or when they mix currencies.
 */
function moneySum(amounts: unknown[]): { amount: number | null; currencyCode: string | null } {
	let total = 0;
	let currencyCode: string | null = null;
	let counted = 0;
	for (const value of amounts) {
		const money = asObject(value);
		if (!money || !isMoney(money) || typeof money.amount !== 'number') continue;
		const currency = String(money.currencyCode);
		if (currencyCode !== null && currency !== currencyCode) return { amount: null, currencyCode: null };
		currencyCode = currency;
		total += money.amount;
		counted++;
	}
	return counted ? { amount: Math.round(total * 1e6) / 1e6, currencyCode } : { amount: null, currencyCode: null };
}
