// How summaries write numbers for people, in the texts they make for Slack or email: counts and
// amounts the US way (1,234 and 1,234.50), or money in a locale and currency (EUR 1.234,56). The
// one home of number formatting for summaries (summarize.ts hands these to a preset's text).

export function formatCount(value: number): string {
	return value.toLocaleString('en-US');
}

/** 1,234.5 → 1,234.50; whole amounts without decimals (1,234). */
export function formatAmount(value: number): string {
	return value.toLocaleString('en-US', { minimumFractionDigits: Number.isInteger(value) ? 0 : 2, maximumFractionDigits: 2 });
}

/**
 * Money as the locale writes it, after its currency code: "EUR 1.234,56" in de-DE, "USD 1,234.56" in
 * en-US, "JPY 1,235", with the currency's own number of decimals (2 for a code Intl does not know).
 * Without a currency, the number alone; without a locale (or one Intl does not know), en-US.
 */
export function moneyFormatter(currency: string | null | undefined, locale: string | null | undefined): (amount: number) => string {
	let digits = 2;
	try {
		if (currency) digits = new Intl.NumberFormat('en-US', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
	} catch {
		digits = 2;
	}
	const options = { minimumFractionDigits: digits, maximumFractionDigits: digits };
	let format: Intl.NumberFormat;
	try {
		format = new Intl.NumberFormat(locale || 'en-US', options);
	} catch {
		format = new Intl.NumberFormat('en-US', options);
	}
	const prefix = currency ? `${currency} ` : '';
	return (amount) => `${prefix}${format.format(amount)}`;
}
