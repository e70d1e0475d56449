// Large report files for the benchmark, written to disk in pieces so the process that makes them
// never holds a whole file: an Appstore sales month (CSV in a ZIP) and an orders flat file
// (tab-separated, gzip), shaped like Amazon's.
import { closeSync, existsSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';

import { Gzip, Zip, ZipDeflate } from 'fflate';

const TITLES = ['Smashemup Truck Game', 'Truck Game, "Deluxe" Edition', 'Größenwahn: Das Spiel', 'Café Crème Saga', 'Puzzle Quest'];
const MARKETS = [
	['Amazon.com', 'US', 'USD', 'PST'],
	['Amazon.de', 'DE', 'EUR', 'CET'],
	['Amazon.co.uk', 'GB', 'GBP', 'GMT'],
	['Amazon.co.jp', 'JP', 'JPY', 'JST'],
] as const;

export const SALES_HEADER =
	'Marketplace,Country/Region Code,Invoice Id,Transaction ID,Purchaser Id,Transaction Time,Transaction Type,Adjustment,ASIN,Vendor SKU,Title,Item Name,Item Type,In-App Subscription Term,In-App Subscription Status (Trial / Paid),Units,Usage Time,Marketplace Currency,Sales Price (Marketplace Currency),Estimated Earnings (Marketplace Currency)';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Line `i` (0-based) of a sales month, as the Reporting API writes it. */
export function salesLine(i: number): string {
	const [marketplace, country, currency, zone] = MARKETS[i % MARKETS.length];
	const refund = i % 17 === 0;
	const title = TITLES[i % TITLES.length];
	const quoted = /[",]/.test(title) ? `"${title.replace(/"/g, '""')}"` : title;
	const subscription = i % 11 === 0;
	return [
		marketplace,
		country,
		`${(0x8dd92163 + i).toString(16)}-b092f385a7ee4-${(0x62c6494b3ed7 + i * 7).toString(16)}`,
		String(21854260140446 + i),
		`amzn1.account.AGMODJOGUIUO${(i * 7919).toString(36).toUpperCase()}`,
		`03/${pad((i % 28) + 1)}/25 ${pad(i % 24)}:${pad(i % 60)}:${pad((i * 7) % 60)} ${zone}`,
		refund ? 'Refund' : 'Charge',
		refund ? 'Yes' : 'No',
		`B0${(1000 + (i % 40)).toString(36).toUpperCase()}BENCH`,
		'com.example.game',
		quoted,
		subscription ? 'Gold membership' : 'Coins pack',
		subscription ? 'Subscription' : 'In-App',
		subscription ? 'Monthly' : '',
		subscription ? 'Paid' : '',
		'1',
		'',
		currency,
		currency === 'JPY' ? '500' : '4.99',
		refund ? (currency === 'JPY' ? '-350' : '-3.49') : currency === 'JPY' ? '350' : '3.49',
	].join(',');
}

export const ORDERS_HEADER = [
	'amazon-order-id', 'merchant-order-id', 'purchase-date', 'last-updated-date', 'order-status', 'fulfillment-channel',
	'sales-channel', 'order-channel', 'url', 'ship-service-level', 'product-name', 'sku', 'asin', 'item-status', 'quantity',
	'currency', 'item-price', 'item-tax', 'shipping-price', 'shipping-tax', 'gift-wrap-price', 'gift-wrap-tax',
	'item-promotion-discount', 'ship-promotion-discount', 'ship-city', 'ship-state', 'ship-postal-code', 'ship-country',
	'promotion-ids', 'is-business-order', 'purchase-order-number', 'price-designation', 'signature-confirmation-recommended',
];

/** Line `i` of an orders flat file: tab-separated, quotes are plain text. */
export function ordersLine(i: number): string {
	const shipped = i % 9 !== 0;
	const day = pad((i % 28) + 1);
	return [
		`114-${pad(3941689 + i, 7)}-${pad(8772232 + (i % 1000), 7)}`,
		'',
		`2025-03-${day}T${pad(i % 24)}:${pad(i % 60)}:07+00:00`,
		`2025-03-${day}T${pad((i + 3) % 24)}:${pad(i % 60)}:52+00:00`,
		shipped ? 'Shipped' : 'Pending',
		i % 3 ? 'Amazon' : 'Merchant',
		'Amazon.com',
		'',
		'',
		i % 4 ? 'Standard' : 'Expedited',
		i % 13 ? 'Stainless Steel Water Bottle 750 ml, Blue' : 'Kids\' "Dino" Lunch Box',
		`SKU-${pad(i % 5000, 5)}`,
		`B0${(10000 + (i % 5000)).toString(36).toUpperCase()}XY`,
		shipped ? 'Shipped' : 'Unshipped',
		String(1 + (i % 3)),
		'USD',
		(19.98 + (i % 7)).toFixed(2),
		'1.60',
		i % 5 ? '0.00' : '4.99',
		'0.00',
		'',
		'',
		i % 6 ? '' : '-2.00',
		'',
		'SEATTLE',
		'WA',
		`98${pad(100 + (i % 900), 3)}`,
		'US',
		i % 6 ? '' : 'PLM-BENCH-2025',
		i % 10 ? 'false' : 'true',
		'',
		'',
		'false',
	].join('\t');
}

export const SETTLEMENT_HEADER = [
	'settlement-id', 'settlement-start-date', 'settlement-end-date', 'deposit-date', 'total-amount', 'currency', 'transaction-type',
	'order-id', 'merchant-order-id', 'adjustment-id', 'shipment-id', 'marketplace-name', 'amount-type', 'amount-description', 'amount',
	'fulfillment-id', 'posted-date', 'posted-date-time', 'order-item-code', 'merchant-order-item-id', 'merchant-adjustment-item-id', 'sku',
	'quantity-purchased', 'promotion-id',
];

const SETTLEMENT_ID = '24288538021';
const SETTLEMENT_DAYS = Array.from({ length: 14 }, (_, index) => new Date(Date.UTC(2025, 4, 26 + index)).toISOString().slice(0, 10).split('-'));

/** Amounts as a US settlement writes them: 1,299.00, -187.35. */
function usAmount(cents: number): string {
	const sign = cents < 0 ? '-' : '';
	const whole = String(Math.floor(Math.abs(cents) / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
	return `${sign}${whole}.${pad(Math.abs(cents) % 100)}`;
}

/**
 * Line `i` (1-based) of a US settlement's transactions, in blocks of six lines per order item
 * (price, tax, withheld tax, commission, FBA fee, shipping or promotion); every 20th block a refund,
 * every 500th a service fee. Returns the line and its amount in cents.
 */
function settlementTransaction(i: number): { line: string; cents: number } {
	const block = Math.floor((i - 1) / 6);
	const position = (i - 1) % 6;
	// The period's 14 days, posted-date day first as real US files write it.
	const [year, month, day] = SETTLEMENT_DAYS[block % 14];
	const posted = `${day}/${month}/${year.slice(2)}`;
	const postedTime = `${year}-${month}-${day} ${pad(block % 24)}:${pad(block % 60)}:${pad((block * 7) % 60)} UTC`;
	if (block % 500 === 499) {
		const cents = -(1000 + (i % 9000));
		return { line: [SETTLEMENT_ID, '', '', '', '', '', 'ServiceFee', '', '', '', '', 'Amazon.com', 'Cost of Advertising', 'TransactionTotalAmount', usAmount(cents), '', posted, postedTime, '', '', '', '', '', ''].join('\t'), cents };
	}
	const refund = block % 20 === 19;
	const price = 1999 + (block % 7) * 30_000;
	const tax = Math.round(price * 0.08);
	const kinds: Array<[string, string, number]> = [
		['ItemPrice', 'Principal', price],
		['ItemPrice', 'Tax', tax],
		['ItemWithheldTax', 'MarketplaceFacilitatorTax-Principal', -tax],
		['ItemFees', 'Commission', -Math.round(price * 0.15)],
		['ItemFees', 'FBAPerUnitFulfillmentFee', -322 - (block % 5) * 50],
		block % 4 ? ['ItemPrice', 'Shipping', 499] : ['Promotion', 'Principal', -100],
	];
	const [amountType, amountDescription, signed] = kinds[position];
	const cents = refund ? -signed : signed;
	const orderId = `113-${pad(block, 7)}-${pad((block * 7919) % 10_000_000, 7)}`;
	const line = [
		SETTLEMENT_ID, '', '', '', '', '', refund ? 'Refund' : 'Order', orderId, '', refund ? `amzn1.sp.rfnd.${block.toString(36)}` : '',
		refund ? '' : `D${block.toString(36)}`, 'Amazon.com', amountType, amountDescription, usAmount(cents), 'AFN', posted, postedTime,
		String(58213974410282 + block), '', '', `SKU-${pad(block % 5000, 5)}`, position === 0 ? String(1 + (block % 3)) : '', '',
	].join('\t');
	return { line, cents };
}

/** A US settlement of `rows` lines: its summary line (the total of the others), then `rows - 1` transactions. */
export function settlementLines(rows: number): (i: number) => string {
	let total = 0;
	for (let i = 1; i < rows; i++) total += settlementTransaction(i).cents;
	const summary = [SETTLEMENT_ID, '2025-05-26 05:23:19 UTC', '2025-06-09 05:23:19 UTC', '2025-06-11 05:23:19 UTC', usAmount(total), 'USD', ...Array(18).fill('')].join('\t');
	return (i) => (i === 0 ? summary : settlementTransaction(i).line);
}

/** Writes `rows` lines of `line` after `header` into a ZIP entry (as the Appstore ships sales months). */
export function writeZippedCsv(path: string, entryName: string, header: string, rows: number, line: (i: number) => string): number {
	const fd = openSync(path, 'w');
	const zip = new Zip((error, data) => {
		if (error) throw error;
		writeSync(fd, data);
	});
	const entry = new ZipDeflate(entryName, { level: 6 });
	zip.add(entry);
	const bytes = writeLines(header, rows, line, (chunk, last) => entry.push(chunk, last), '\r\n');
	zip.end();
	closeSync(fd);
	return bytes;
}

/** Writes `rows` lines after `header` as one gzip member (as Selling Partner documents come). */
export function writeGzippedLines(path: string, header: string, rows: number, line: (i: number) => string): number {
	const fd = openSync(path, 'w');
	const gzip = new Gzip({ level: 6 }, (data) => writeSync(fd, data));
	const bytes = writeLines(header, rows, line, (chunk, last) => gzip.push(chunk, last), '\n');
	closeSync(fd);
	return bytes;
}

function writeLines(
	header: string,
	rows: number,
	line: (i: number) => string,
	push: (chunk: Uint8Array, last: boolean) => void,
	newline: string,
): number {
	const encoder = new TextEncoder();
	let bytes = 0;
	let batch = [header];
	const flush = (last: boolean) => {
		const chunk = encoder.encode(batch.join(newline) + newline);
		bytes += chunk.length;
		push(chunk, last);
		batch = [];
	};
	for (let i = 0; i < rows; i++) {
		batch.push(line(i));
		if (batch.length === 5_000) flush(false);
	}
	flush(true);
	return bytes;
}

/** Generated files are kept here between runs (the bench's and `npm run test:n8n`'s). */
export const FIXTURE_CACHE = join(__dirname, '..', '.bench-cache');

/** A sales month of `rows` lines as a ZIP, made once (the CSV entry is named after `month`). */
export function salesZipFile(rows: number, month: string): string {
	return cached(`sales_${rows}.zip`, (path) => writeZippedCsv(path, `sales_${month.replace('-', '_')}.csv`, SALES_HEADER, rows, salesLine));
}

/** An orders flat file of `rows` lines, gzipped, made once. */
export function ordersGzFile(rows: number): string {
	return cached(`orders_${rows}.tsv.gz`, (path) => writeGzippedLines(path, ORDERS_HEADER.join('\t'), rows, ordersLine));
}

/** A US settlement (GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2) of `rows` lines, gzipped, made once. */
export function settlementGzFile(rows: number): string {
	return cached(`settlement_${rows}.tsv.gz`, (path) => writeGzippedLines(path, SETTLEMENT_HEADER.join('\t'), rows, settlementLines(rows)));
}

function cached(name: string, write: (path: string) => void): string {
	mkdirSync(FIXTURE_CACHE, { recursive: true });
	const path = join(FIXTURE_CACHE, name);
	if (!existsSync(path)) {
		// Written aside and renamed: a run stopped half-way leaves no truncated file behind.
		const partial = `${path}.partial-${process.pid}`;
		write(partial);
		renameSync(partial, path);
	}
	return path;
}
