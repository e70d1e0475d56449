import { isoDate, parseAmazonDateTime } from '../../shared/pipeline/dates';
import { numberCell, textCell } from '../../shared/pipeline/values';
import type { AppstoreReport } from './types';

function dayCell(raw: string): string | null {
	const text = textCell(raw);
	if (text === null) return null;
	const parsed = parseAmazonDateTime(text);
	return parsed ? isoDate(parsed) : text;
}

export const subscriptionReport: AppstoreReport = {
	kind: 'subscription',
	title: 'subscription report',
	columns: [
		{ key: 'date', titles: ['Date'], parse: dayCell },
		{ key: 'marketplace', titles: ['Marketplace'], parse: textCell },
		{ key: 'appTitle', titles: ['App Title'], parse: textCell },
		{ key: 'asin', titles: ['ASIN'], parse: textCell },
		{ key: 'vendorSku', titles: ['Vendor SKU', 'SKU'], parse: textCell },
		{ key: 'subscriptionTitle', titles: ['Subscription Title'], parse: textCell },
		{ key: 'subscriptionDuration', titles: ['Subscription Duration'], parse: textCell },
		{ key: 'subscriptionType', titles: ['Subscription Type'], parse: textCell },
		{ key: 'active', titles: ['Active'], parse: numberCell },
		{ key: 'started', titles: ['Started'], parse: numberCell },
		{ key: 'ended', titles: ['Ended'], parse: numberCell },
		{ key: 'refunded', titles: ['Refunded'], parse: numberCell },
	],
};
