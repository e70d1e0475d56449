// Amazon's rules for Brand Analytics and vendor analytics report requests, as the emulator plays
// them: createReport accepts the request, and the report ends FATAL with an error document saying
// why (Amazon's report type documentation: "or else a fatal error returns"), e.g.
// { "errorDetails" : "This report type requires the reportPeriod reportOption …" }.
// Written from Amazon's documentation, not from the package's own checks.

interface Rule {
	periods?: string[];
	/** The range must be exactly one period (search terms, search query and catalog performance). */
	onePeriod?: boolean;
	/** Required report options and the values they take. */
	options?: Record<string, string[]>;
	/** A report option listing ASINs, space-separated, at most 200 characters. */
	asins?: { option: string; required: boolean };
	/** One marketplace per report. */
	oneMarketplace?: boolean;
	hours?: { lookBackHours?: number; maxSpanHours?: number; endDelayMinutes?: number };
}

const BRAND = ['DAY', 'WEEK', 'MONTH', 'QUARTER'];
const SEARCH = ['WEEK', 'MONTH', 'QUARTER'];
const VENDOR = ['DAY', 'WEEK', 'MONTH', 'QUARTER', 'YEAR'];

const RULES: Record<string, Rule> = {
	GET_BRAND_ANALYTICS_SEARCH_TERMS_REPORT: { periods: BRAND, onePeriod: true, oneMarketplace: true },
	GET_BRAND_ANALYTICS_SEARCH_QUERY_PERFORMANCE_REPORT: { periods: SEARCH, onePeriod: true, oneMarketplace: true, asins: { option: 'asin', required: true } },
	GET_BRAND_ANALYTICS_SEARCH_CATALOG_PERFORMANCE_REPORT: { periods: SEARCH, onePeriod: true, oneMarketplace: true, asins: { option: 'asins', required: false } },
	GET_BRAND_ANALYTICS_MARKET_BASKET_REPORT: { periods: BRAND, oneMarketplace: true },
	GET_BRAND_ANALYTICS_REPEAT_PURCHASE_REPORT: { periods: SEARCH, oneMarketplace: true },
	GET_VENDOR_SALES_REPORT: { periods: VENDOR, options: { distributorView: ['MANUFACTURING', 'SOURCING'], sellingProgram: ['RETAIL', 'BUSINESS', 'FRESH'] } },
	GET_VENDOR_TRAFFIC_REPORT: { periods: VENDOR },
	GET_VENDOR_INVENTORY_REPORT: { periods: VENDOR, options: { distributorView: ['MANUFACTURING', 'SOURCING'], sellingProgram: ['RETAIL', 'FRESH'] } },
	GET_VENDOR_NET_PURE_PRODUCT_MARGIN_REPORT: { periods: VENDOR },
	GET_VENDOR_FORECASTING_REPORT: { options: { sellingProgram: ['RETAIL', 'FRESH'] } },
	GET_VENDOR_REAL_TIME_SALES_REPORT: { hours: {} },
	GET_VENDOR_REAL_TIME_TRAFFIC_REPORT: { hours: { endDelayMinutes: 60 } },
	GET_VENDOR_REAL_TIME_INVENTORY_REPORT: { hours: { lookBackHours: 168, maxSpanHours: 24 } },
};

const DAY = 86_400_000;

export interface AnalyticsRequest {
	reportType: string;
	marketplaceIds: string[];
	dataStartTime?: string;
	dataEndTime?: string;
	reportOptions?: Record<string, string>;
}

/** Why Amazon would fail this request (the errorDetails of its FATAL report), or undefined. */
export function analyticsRequestProblem(request: AnalyticsRequest, now: number): string | undefined {
	const rule = RULES[request.reportType];
	if (!rule) return undefined;
	const options = request.reportOptions ?? {};
	const required = [...(rule.periods ? ['reportPeriod'] : []), ...Object.keys(rule.options ?? {}), ...(rule.asins?.required ? [rule.asins.option] : [])];
	const missing = required.filter((name) => !options[name]);
	if (missing.length) {
		return `This report type requires the ${missing.join(', ')} reportOption to be specified. Please review the document for this report type on GitHub, provide a value for this reportOption in your request, and try again.`;
	}
	if (rule.periods && !rule.periods.includes(options.reportPeriod)) return `Invalid reportPeriod: ${options.reportPeriod}. Valid values are ${rule.periods.join(', ')}.`;
	for (const [name, values] of Object.entries(rule.options ?? {})) {
		if (!values.includes(options[name])) return `Invalid ${name}: ${options[name]}. Valid values are ${values.join(', ')}.`;
	}
	if (rule.asins && options[rule.asins.option] !== undefined) {
		const asins = options[rule.asins.option];
		if (asins.length > 200) return `The ${rule.asins.option} reportOption cannot be longer than 200 characters.`;
		if (!/^[A-Z0-9]{10}( [A-Z0-9]{10})*$/.test(asins)) return `The ${rule.asins.option} reportOption must be a space-separated list of ASINs.`;
	}
	if (rule.oneMarketplace && request.marketplaceIds.length !== 1) return 'This report type supports only one marketplaceId per report.';
	if (rule.periods) return periodProblem(options.reportPeriod, request, rule.onePeriod === true, now);
	if (rule.hours) return hoursProblem(rule.hours, request, now);
	return undefined;
}

function periodProblem(period: string, request: AnalyticsRequest, onePeriod: boolean, now: number): string | undefined {
	if (!request.dataStartTime || !request.dataEndTime) return 'This report type requires dataStartTime and dataEndTime.';
	const start = new Date(Math.floor(Date.parse(request.dataStartTime) / DAY) * DAY);
	const end = new Date(Math.floor(Date.parse(request.dataEndTime) / DAY) * DAY);
	const startsPeriod =
		period === 'DAY' ||
		(period === 'WEEK' && start.getUTCDay() === 0) ||
		(start.getUTCDate() === 1 && (period === 'MONTH' || (period === 'QUARTER' && start.getUTCMonth() % 3 === 0) || (period === 'YEAR' && start.getUTCMonth() === 0)));
	const next = new Date(end.getTime() + DAY);
	const endsPeriod =
		period === 'DAY' ||
		(period === 'WEEK' && end.getUTCDay() === 6) ||
		(next.getUTCDate() === 1 && (period === 'MONTH' || (period === 'QUARTER' && next.getUTCMonth() % 3 === 0) || (period === 'YEAR' && next.getUTCMonth() === 0)));
	if (!startsPeriod) return `dataStartTime must be the first day of a ${period} reportPeriod (a Sunday for WEEK).`;
	if (!endsPeriod) return `dataEndTime must be the last day of a ${period} reportPeriod (a Saturday for WEEK).`;
	if (end.getTime() >= Math.floor(now / DAY) * DAY) return 'dataEndTime must be in the past.';
	if (onePeriod) {
		const days = (end.getTime() - start.getTime()) / DAY + 1;
		const longest = { DAY: 1, WEEK: 7, MONTH: 31, QUARTER: 92, YEAR: 366 }[period] ?? 0;
		if (days > longest) return `Requests for this report type cannot span multiple ${period} periods.`;
	}
	return undefined;
}

function hoursProblem(rules: NonNullable<Rule['hours']>, request: AnalyticsRequest, now: number): string | undefined {
	const start = Date.parse(request.dataStartTime ?? '');
	const end = Date.parse(request.dataEndTime ?? '');
	if (Number.isNaN(start) || Number.isNaN(end)) return 'This report type requires dataStartTime and dataEndTime.';
	if (rules.endDelayMinutes && end > now - rules.endDelayMinutes * 60_000) return `dataEndTime must be at least ${rules.endDelayMinutes} minutes before the time of the request.`;
	if (rules.lookBackHours && start < now - rules.lookBackHours * 3_600_000) return `dataStartTime can be at most ${rules.lookBackHours} hours before the time of the request.`;
	if (rules.maxSpanHours && end - start > rules.maxSpanHours * 3_600_000) return `dataEndTime cannot be more than ${rules.maxSpanHours} hours after dataStartTime.`;
	return undefined;
}

/** A FATAL report's error document as Amazon writes it (pretty-printed, `" : "`). */
export function errorDocument(details: string): string {
	return `{\n  "errorDetails" : ${JSON.stringify(details)}\n}`;
}
