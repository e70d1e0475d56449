// Data Kiosk lines as items. Simplify: flat, typed, camelCase keys, the same keys on every item of
// a query (so a Google Sheets append maps them): metric groups merged and money as x and
// xCurrency, as the Sales and Traffic report is flattened. Seller Economics adds what a profit
// sheet needs: total fees, total ads, costs and net proceeds as columns, each fee and ad as a list.
import type { IDataObject } from 'n8n-workflow';

import { asObject, asObjects, flattenMetrics, isMoney, moneyAmount } from '../reports/shapeHelpers';
import type { Selection } from './graphql';

/** One line (a JSON object) into one item's fields. */
export type LineShaper = (line: Record<string, unknown>) => IDataObject;

/**
 * A shaper whose items all have exactly the keys `skeleton` gives (a line with every selected field
 * null), in that order, whatever a line leaves out or writes as null instead of an object.
 */
export function withStableKeys(shape: LineShaper, skeleton: Record<string, unknown>): LineShaper {
	// Made by JSON.parse: a fast object whose copies are fast too (see RecordShaper).
	const template = JSON.parse(JSON.stringify(shape(skeleton))) as IDataObject;
	return (line) => {
		const item = { ...template };
		const shaped = shape(line);
		for (const key in shaped) if (key in template) item[key] = shaped[key];
		return item;
	};
}

/** Any Data Kiosk line: groups merged, money flattened (Sales and Traffic by date or ASIN, custom queries). */
export const flatLine: LineShaper = (line) => flattenMetrics(line as IDataObject);

/** Where one item field comes from in a line, and how its value is read. */
interface Leaf {
	key: string;
	path: string[];
	/** 'text': as written (codes, dates); 'metric': numeric text as a number; 'amount': money's amount. */
	kind: 'text' | 'metric' | 'amount';
}

const PROBE = '\u0001';

/**
 * The flattening of `flatLine` compiled for one selection, for a million lines: the item keys and
 * the path each reads are found by flattening a probe line whose leaves name their own paths (so
 * the naming rule stays flattenMetrics'), then each line fills a copy of a template holding every
 * key. Every item has exactly the selection's keys, in its order.
 */
export function selectionShaper(selection: Selection): LineShaper {
	const flat = flattenMetrics(probeOf(selection, []) as IDataObject);
	const leaves: Leaf[] = Object.entries(flat).map(([key, marker]) => {
		const path = String(marker).slice(PROBE.length).split('\u0000');
		const last = path[path.length - 1];
		const kind = path.length === 1 ? 'text' : last === 'amount' && isMoneySelection(selection, path.slice(0, -1)) ? 'amount' : last === 'currencyCode' ? 'text' : 'metric';
		return { key, path, kind };
	});
	const template = JSON.parse(JSON.stringify(Object.fromEntries(leaves.map((leaf) => [leaf.key, null])))) as IDataObject;
	return (line) => {
		const item = { ...template };
		for (let index = 0; index < leaves.length; index++) {
			const { key, path, kind } = leaves[index];
			let value: unknown = line;
			for (let step = 0; step < path.length && value !== null && value !== undefined; step++) value = (value as Record<string, unknown>)[path[step]];
			if (value === undefined || value === null) continue;
			item[key] = kind === 'text' ? (value as IDataObject[string]) : kind === 'amount' ? moneyAmount(value) : metricValue(value);
		}
		return item;
	};
}

/** A line whose every selected leaf holds its own path (money's amount and currency too). */
function probeOf(selection: Selection, path: string[]): Record<string, unknown> {
	const probe: Record<string, unknown> = {};
	for (const [field, inner] of Object.entries(selection)) {
		probe[field] = inner === true ? PROBE + [...path, field].join('\u0000') : probeOf(inner, [...path, field]);
	}
	return probe;
}

function isMoneySelection(selection: Selection, path: string[]): boolean {
	let node: true | Selection = selection;
	for (const step of path) node = node === true ? true : node[step];
	return node !== true && 'amount' in node && 'currencyCode' in node;
}

/** A metric: numeric text (Amazon writes numbers, sometimes text) as a number. */
function metricValue(value: unknown): IDataObject[string] {
	return typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : (value as IDataObject[string]);
}

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
