import {
	isoDateTimeWithOffset,
	parseAmazonDateTime,
	zoneOffsetMinutes,
} from '../../shared/pipeline/dates';
import { numberCell, textCell, yesNoCell } from '../../shared/pipeline/values';
import type { AppstoreReport } from './types';

// The marketplace's zone, for times whose zone token is missing or unknown.
const MARKETPLACE_ZONES: Record<string, string> = {
	US: 'America/Los_Angeles',
	GB: 'Europe/London',
	UK: 'Europe/London',
	DE: 'Europe/Paris',
	FR: 'Europe/Paris',
	IT: 'Europe/Paris',
	ES: 'Europe/Paris',
	JP: 'Asia/Tokyo',
	IN: 'Asia/Kolkata',
	AU: 'Australia/Sydney',
	BR: 'America/Sao_Paulo',
	CA: 'America/Toronto',
	CN: 'Asia/Shanghai',
};

export const salesReport: AppstoreReport = {
	kind: 'sales',
	title: 'sales report',
	columns: [
		{ key: 'marketplace', titles: ['Marketplace'], parse: textCell },
		{ key: 'countryRegionCode', titles: ['Country/Region Code', 'Country Code'], parse: textCell },
		{ key: 'invoiceId', titles: ['Invoice Id'], parse: textCell },
		{ key: 'transactionId', titles: ['Transaction Id'], parse: textCell },
		{ key: 'purchaserId', titles: ['Purchaser Id'], parse: textCell },
		{ key: 'transactionTime', titles: ['Transaction Time', 'Transaction Date'], parse: textCell },
		{ key: 'transactionTimeRaw', titles: [], parse: textCell },
		{ key: 'transactionType', titles: ['Transaction Type'], parse: textCell },
		{ key: 'adjustment', titles: ['Adjustment'], parse: yesNoCell },
		{ key: 'asin', titles: ['ASIN'], parse: textCell },
		{ key: 'vendorSku', titles: ['Vendor SKU', 'SKU'], parse: textCell },
		{ key: 'title', titles: ['Title'], parse: textCell },
		{ key: 'itemName', titles: ['Item Name'], parse: textCell },
		{ key: 'itemType', titles: ['Item Type'], parse: textCell },
		{ key: 'inAppSubscriptionTerm', titles: ['In-App Subscription Term'], parse: textCell },
		{ key: 'inAppSubscriptionStatus', titles: ['In-App Subscription Status'], parse: textCell },
		{ key: 'units', titles: ['Units'], parse: numberCell },
		{ key: 'usageTime', titles: ['Usage Time'], parse: numberCell },
		{ key: 'marketplaceCurrency', titles: ['Marketplace Currency', 'Currency'], parse: textCell },
		{ key: 'salesPrice', titles: ['Sales Price'], parse: numberCell },
		{ key: 'estimatedEarnings', titles: ['Estimated Earnings'], parse: numberCell },
	],
	finish(record, rawCell) {
		const raw = textCell(rawCell('transactionTime') ?? '');
		record.transactionTimeRaw = raw;
		const parsed = raw === null ? undefined : parseAmazonDateTime(raw);
		const zone = MARKETPLACE_ZONES[String(record.countryRegionCode ?? '').toUpperCase()];
		const offset = parsed && zoneOffsetMinutes(parsed, zone);
		record.transactionTime = parsed && offset !== undefined ? isoDateTimeWithOffset(parsed, offset) : null;
	},
};
