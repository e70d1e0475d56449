// Amazon's report types, as Amazon's "Report Type Values" pages list them (checked December 2026):
// the category, the document format, how a report comes to exist and the roles it needs, and the
// types Amazon has removed. A type the package types (one *.report.ts file) takes its name,
// format and roles from that file; the others are read untyped, keyed by Amazon's column names.
// The picker, the schedules, the emulator and the README read this table through registry.ts.

export type ReportCategory =
	| 'Amazon Business'
	| 'B2B Product Opportunities'
	| 'Brand Analytics'
	| 'Browse Tree'
	| 'Easy Ship'
	| 'FBA Customer Concessions'
	| 'FBA Inventory'
	| 'FBA Payments'
	| 'FBA Removals'
	| 'FBA Sales'
	| 'FBA Subscribe and Save'
	| 'Inventory'
	| 'Invoice Data'
	| 'Orders'
	| 'Payments'
	| 'Performance'
	| 'Regulatory Compliance'
	| 'Returns'
	| 'Seller Retail Analytics'
	| 'Settlement'
	| 'Tax'
	| 'Vendor Retail Analytics';

/** The document Amazon makes; pdf, xlsx and zip documents are handed over as files. */
export type DocumentFormat = 'tsv' | 'csv' | 'json' | 'xml' | 'pdf' | 'xlsx' | 'zip';

/**
 * How a report of the type comes to exist: 'request' (createReport), 'request-or-schedule' (also
 * createReportSchedule, as Amazon documents it), 'schedule' (only createReportSchedule),
 * 'amazon' (Amazon makes it on its own schedule, e.g. settlements) or 'seller-central' (made in
 * Seller Central; the API only lists and reads it).
 */
export type HowMade = 'request' | 'request-or-schedule' | 'schedule' | 'amazon' | 'seller-central';

export interface Removal {
	/** The day Amazon stopped accepting and making it, YYYY-MM-DD. */
	on: string;
	/** The report type to use instead. */
	instead?: string;
	/** What to do instead, when it is not another report type. */
	note?: string;
}

/** The facts every entry has. */
interface CatalogueFacts {
	reportType: string;
	category: ReportCategory;
	made: HowMade;
	removed?: Removal;
}

/** A type without a registry file: its name, format and roles are here. */
export interface UntypedCatalogueEntry extends CatalogueFacts {
	name: string;
	format: DocumentFormat;
	roles: string[];
}

export type CatalogueEntry = CatalogueFacts | UntypedCatalogueEntry;

// Selling Partner API roles, spelled as the registry files spell them.
const BRAND_ANALYTICS = 'Brand Analytics';
const BUYER_COMMUNICATION = 'Buyer Communication';
const DIRECT_TO_CONSUMER = 'Direct-to-Consumer Shipping';
const FINANCE = 'Finance and Accounting';
const FULFILLMENT = 'Amazon Fulfillment';
const INSIGHTS = 'Selling Partner Insights';
const ORDER_TRACKING = 'Inventory and Order Tracking';
const PRICING = 'Pricing';
const PRODUCT_LISTING = 'Product Listing';
const TAX_INVOICING = 'Tax Invoicing';
const TAX_REMITTANCE = 'Tax Remittance';

const LISTINGS_ROLES = [ORDER_TRACKING, PRICING, PRODUCT_LISTING, DIRECT_TO_CONSUMER];
const ORDERS_ROLES = [ORDER_TRACKING, FULFILLMENT, DIRECT_TO_CONSUMER, PRICING];
const LEDGER = 'GET_LEDGER_DETAIL_VIEW_DATA';
const LEDGER_SUMMARY = 'GET_LEDGER_SUMMARY_VIEW_DATA';
const SETTLEMENT_V2 = 'GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2';
const REPLENISHMENT = 'Use the Replenishment API (v2022-11-07) or the Subscribe and Save page in Seller Central.';

export const CATALOGUE: CatalogueEntry[] = [
	// Amazon Business
	{ reportType: 'FEE_DISCOUNTS_REPORT', name: 'Referral Fee Discounts', category: 'Amazon Business', format: 'xlsx', made: 'request-or-schedule', roles: [PRODUCT_LISTING] },

	// B2B Product Opportunities
	{ reportType: 'GET_B2B_PRODUCT_OPPORTUNITIES_NOT_YET_ON_AMAZON', name: 'B2B Product Opportunities: Not Yet on Amazon', category: 'B2B Product Opportunities', format: 'csv', made: 'request', roles: [PRODUCT_LISTING] },
	{ reportType: 'GET_B2B_PRODUCT_OPPORTUNITIES_RECOMMENDED_FOR_YOU', name: 'B2B Product Opportunities: Recommended for You', category: 'B2B Product Opportunities', format: 'csv', made: 'request', roles: [PRODUCT_LISTING] },

	// Brand Analytics (Brand Registry owners)
	{ reportType: 'GET_BRAND_ANALYTICS_MARKET_BASKET_REPORT', name: 'Market Basket Analysis', category: 'Brand Analytics', format: 'json', made: 'request', roles: [BRAND_ANALYTICS] },
	{ reportType: 'GET_BRAND_ANALYTICS_REPEAT_PURCHASE_REPORT', name: 'Repeat Purchase', category: 'Brand Analytics', format: 'json', made: 'request', roles: [BRAND_ANALYTICS] },
	{ reportType: 'GET_BRAND_ANALYTICS_SEARCH_CATALOG_PERFORMANCE_REPORT', name: 'Search Catalog Performance', category: 'Brand Analytics', format: 'json', made: 'request', roles: [BRAND_ANALYTICS] },
	{ reportType: 'GET_BRAND_ANALYTICS_SEARCH_QUERY_PERFORMANCE_REPORT', name: 'Search Query Performance', category: 'Brand Analytics', format: 'json', made: 'request', roles: [BRAND_ANALYTICS] },
	{ reportType: 'GET_BRAND_ANALYTICS_SEARCH_TERMS_REPORT', name: 'Amazon Search Terms', category: 'Brand Analytics', format: 'json', made: 'request', roles: [BRAND_ANALYTICS] },

	// Browse Tree
	{ reportType: 'GET_XML_BROWSE_TREE_DATA', name: 'Browse Tree', category: 'Browse Tree', format: 'xml', made: 'request-or-schedule', roles: [PRODUCT_LISTING, PRICING, ORDER_TRACKING, DIRECT_TO_CONSUMER] },

	// Easy Ship (India)
	{ reportType: 'GET_EASYSHIP_DOCUMENTS', name: 'Easy Ship Documents', category: 'Easy Ship', format: 'pdf', made: 'request', roles: [TAX_INVOICING, DIRECT_TO_CONSUMER] },
	{ reportType: 'GET_EASYSHIP_PICKEDUP', name: 'Easy Ship Picked Up', category: 'Easy Ship', format: 'tsv', made: 'request', roles: [DIRECT_TO_CONSUMER] },
	{ reportType: 'GET_EASYSHIP_WAITING_FOR_PICKUP', name: 'Easy Ship Waiting for Pick-Up', category: 'Easy Ship', format: 'tsv', made: 'request', roles: [DIRECT_TO_CONSUMER] },

	// FBA: customer concessions
	{ reportType: 'GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA', category: 'FBA Customer Concessions', made: 'request' },
	{ reportType: 'GET_FBA_FULFILLMENT_CUSTOMER_SHIPMENT_REPLACEMENT_DATA', name: 'FBA Replacements', category: 'FBA Customer Concessions', format: 'tsv', made: 'request', roles: [FULFILLMENT] },

	// FBA: inventory
	{ reportType: 'GET_AFN_INVENTORY_DATA', category: 'FBA Inventory', made: 'request' },
	{ reportType: 'GET_AFN_INVENTORY_DATA_BY_COUNTRY', name: 'FBA Multi-Country Inventory', category: 'FBA Inventory', format: 'tsv', made: 'request', roles: [PRICING, FULFILLMENT] },
	{ reportType: 'GET_FBA_FULFILLMENT_INBOUND_NONCOMPLIANCE_DATA', name: 'FBA Inbound Performance', category: 'FBA Inventory', format: 'tsv', made: 'request', roles: [PRICING, FULFILLMENT] },
	{ reportType: 'GET_FBA_INVENTORY_PLANNING_DATA', name: 'FBA Manage Inventory Health', category: 'FBA Inventory', format: 'tsv', made: 'request', roles: [FULFILLMENT] },
	{ reportType: 'GET_FBA_MYI_ALL_INVENTORY_DATA', name: 'FBA Manage Inventory (Archived)', category: 'FBA Inventory', format: 'tsv', made: 'request', roles: [PRICING, FULFILLMENT] },
	{ reportType: 'GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA', category: 'FBA Inventory', made: 'request' },
	{ reportType: 'GET_FBA_OVERAGE_FEE_CHARGES_DATA', name: 'FBA Inventory Storage Overage Fees', category: 'FBA Inventory', format: 'tsv', made: 'request', roles: [FULFILLMENT] },
	{ reportType: 'GET_FBA_STORAGE_FEE_CHARGES_DATA', name: 'FBA Storage Fees', category: 'FBA Inventory', format: 'tsv', made: 'request-or-schedule', roles: [PRICING, FULFILLMENT] },
	{ reportType: LEDGER, name: 'Inventory Ledger (Detailed View)', category: 'FBA Inventory', format: 'tsv', made: 'request', roles: [FULFILLMENT] },
	{ reportType: LEDGER_SUMMARY, name: 'Inventory Ledger (Summary View)', category: 'FBA Inventory', format: 'tsv', made: 'request', roles: [FULFILLMENT] },
	{ reportType: 'GET_REMOTE_FULFILLMENT_ELIGIBILITY', name: 'Remote Fulfillment Eligibility', category: 'FBA Inventory', format: 'tsv', made: 'request', roles: [FULFILLMENT, ORDER_TRACKING] },
	{ reportType: 'GET_RESERVED_INVENTORY_DATA', name: 'FBA Reserved Inventory', category: 'FBA Inventory', format: 'tsv', made: 'request', roles: [PRICING, FULFILLMENT] },
	{ reportType: 'GET_RESTOCK_INVENTORY_RECOMMENDATIONS_REPORT', name: 'Restock Inventory', category: 'FBA Inventory', format: 'tsv', made: 'request', roles: [PRICING, FULFILLMENT] },
	{ reportType: 'GET_STRANDED_INVENTORY_LOADER_DATA', name: 'FBA Bulk Fix Stranded Inventory', category: 'FBA Inventory', format: 'tsv', made: 'request', roles: [PRICING, FULFILLMENT] },
	{ reportType: 'GET_STRANDED_INVENTORY_UI_DATA', name: 'FBA Stranded Inventory', category: 'FBA Inventory', format: 'tsv', made: 'request', roles: [PRICING, FULFILLMENT] },
	// Removed on 2023-01-31 in favour of the inventory ledger.
	{ reportType: 'GET_FBA_FULFILLMENT_CURRENT_INVENTORY_DATA', name: 'FBA Daily Inventory History', category: 'FBA Inventory', format: 'tsv', made: 'request', roles: [FULFILLMENT], removed: { on: '2023-01-31', instead: LEDGER } },
	{ reportType: 'GET_FBA_FULFILLMENT_INVENTORY_ADJUSTMENTS_DATA', name: 'FBA Inventory Adjustments', category: 'FBA Inventory', format: 'tsv', made: 'request', roles: [FULFILLMENT], removed: { on: '2023-01-31', instead: LEDGER } },
	{ reportType: 'GET_FBA_FULFILLMENT_INVENTORY_RECEIPTS_DATA', name: 'FBA Received Inventory', category: 'FBA Inventory', format: 'tsv', made: 'request', roles: [FULFILLMENT], removed: { on: '2023-01-31', instead: LEDGER } },
	{ reportType: 'GET_FBA_FULFILLMENT_INVENTORY_SUMMARY_DATA', name: 'FBA Inventory Event Detail', category: 'FBA Inventory', format: 'tsv', made: 'request', roles: [FULFILLMENT], removed: { on: '2023-01-31', instead: LEDGER } },
	{ reportType: 'GET_FBA_FULFILLMENT_MONTHLY_INVENTORY_DATA', name: 'FBA Monthly Inventory History', category: 'FBA Inventory', format: 'tsv', made: 'request', roles: [FULFILLMENT], removed: { on: '2023-01-31', instead: LEDGER_SUMMARY } },
	{ reportType: 'GET_FBA_RECONCILIATION_REPORT_DATA', name: 'FBA Inventory Reconciliation', category: 'FBA Inventory', format: 'tsv', made: 'request', roles: [FULFILLMENT], removed: { on: '2023-01-31', instead: LEDGER_SUMMARY } },
	{ reportType: 'GET_FBA_UNO_INVENTORY_DATA', name: 'FBA Small and Light Inventory', category: 'FBA Inventory', format: 'tsv', made: 'request', roles: [FULFILLMENT], removed: { on: '2024-03-31', note: 'Amazon ended the Small and Light programme.' } },

	// FBA: payments
	{ reportType: 'GET_FBA_ESTIMATED_FBA_FEES_TXT_DATA', name: 'FBA Fee Preview', category: 'FBA Payments', format: 'tsv', made: 'request', roles: [PRICING, FULFILLMENT] },
	{ reportType: 'GET_FBA_FULFILLMENT_LONGTERM_STORAGE_FEE_CHARGES_DATA', name: 'FBA Long-Term Storage Fee Charges', category: 'FBA Payments', format: 'tsv', made: 'request', roles: [PRICING, FULFILLMENT] },
	{ reportType: 'GET_FBA_REIMBURSEMENTS_DATA', name: 'FBA Reimbursements', category: 'FBA Payments', format: 'tsv', made: 'request', roles: [PRICING, FULFILLMENT] },

	// FBA: removals
	{ reportType: 'GET_FBA_FULFILLMENT_REMOVAL_ORDER_DETAIL_DATA', name: 'FBA Removal Order Detail', category: 'FBA Removals', format: 'tsv', made: 'request', roles: [PRICING, FULFILLMENT] },
	{ reportType: 'GET_FBA_FULFILLMENT_REMOVAL_SHIPMENT_DETAIL_DATA', name: 'FBA Removal Shipment Detail', category: 'FBA Removals', format: 'tsv', made: 'request', roles: [PRICING, FULFILLMENT] },
	{ reportType: 'GET_FBA_RECOMMENDED_REMOVAL_DATA', name: 'FBA Recommended Removal', category: 'FBA Removals', format: 'tsv', made: 'request', roles: [PRICING, FULFILLMENT] },

	// FBA: sales
	{ reportType: 'GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL', name: 'FBA Amazon Fulfilled Shipments', category: 'FBA Sales', format: 'tsv', made: 'request', roles: [PRICING, FULFILLMENT, ORDER_TRACKING] },
	{ reportType: 'GET_AMAZON_FULFILLED_SHIPMENTS_DATA_INVOICING', name: 'FBA Amazon Fulfilled Shipments (Invoicing)', category: 'FBA Sales', format: 'tsv', made: 'request', roles: [TAX_INVOICING] },
	{ reportType: 'GET_AMAZON_FULFILLED_SHIPMENTS_DATA_TAX', name: 'FBA Amazon Fulfilled Shipments (Tax)', category: 'FBA Sales', format: 'tsv', made: 'request', roles: [TAX_REMITTANCE] },
	{ reportType: 'GET_FBA_FULFILLMENT_CUSTOMER_SHIPMENT_PROMOTION_DATA', name: 'FBA Promotions', category: 'FBA Sales', format: 'tsv', made: 'request', roles: [PRICING, FULFILLMENT] },
	{ reportType: 'GET_FBA_FULFILLMENT_CUSTOMER_SHIPMENT_SALES_DATA', name: 'FBA Customer Shipment Sales', category: 'FBA Sales', format: 'tsv', made: 'request', roles: [FULFILLMENT] },
	{ reportType: 'GET_FBA_FULFILLMENT_CUSTOMER_TAXES_DATA', name: 'FBA Customer Taxes', category: 'FBA Sales', format: 'tsv', made: 'request', roles: [FULFILLMENT, TAX_REMITTANCE] },

	// FBA: Subscribe and Save (removed on 2025-12-11)
	{ reportType: 'GET_FBA_SNS_FORECAST_DATA', name: 'Subscribe and Save Forecast', category: 'FBA Subscribe and Save', format: 'tsv', made: 'request', roles: [FULFILLMENT], removed: { on: '2025-12-11', note: REPLENISHMENT } },
	{ reportType: 'GET_FBA_SNS_PERFORMANCE_DATA', name: 'Subscribe and Save Performance', category: 'FBA Subscribe and Save', format: 'tsv', made: 'request', roles: [FULFILLMENT], removed: { on: '2025-12-11', note: REPLENISHMENT } },

	// Inventory (listings)
	{ reportType: 'GET_FLAT_FILE_OPEN_LISTINGS_DATA', category: 'Inventory', made: 'request' },
	{ reportType: 'GET_MERCHANT_CANCELLED_LISTINGS_DATA', name: 'Canceled Listings', category: 'Inventory', format: 'tsv', made: 'request', roles: LISTINGS_ROLES },
	{ reportType: 'GET_MERCHANT_LISTINGS_ALL_DATA', category: 'Inventory', made: 'request' },
	{ reportType: 'GET_MERCHANT_LISTINGS_DATA', category: 'Inventory', made: 'request' },
	{ reportType: 'GET_MERCHANT_LISTINGS_DATA_BACK_COMPAT', name: 'Open Listings (Backwards Compatible)', category: 'Inventory', format: 'tsv', made: 'request', roles: LISTINGS_ROLES },
	{ reportType: 'GET_MERCHANT_LISTINGS_DATA_LITE', name: 'Open Listings Lite', category: 'Inventory', format: 'tsv', made: 'request', roles: LISTINGS_ROLES },
	{ reportType: 'GET_MERCHANT_LISTINGS_DATA_LITER', name: 'Open Listings Liter', category: 'Inventory', format: 'tsv', made: 'request', roles: LISTINGS_ROLES },
	{ reportType: 'GET_MERCHANT_LISTINGS_INACTIVE_DATA', name: 'Inactive Listings', category: 'Inventory', format: 'tsv', made: 'request', roles: [ORDER_TRACKING, PRICING, PRODUCT_LISTING] },
	{ reportType: 'GET_MERCHANTS_LISTINGS_FYP_REPORT', name: 'Suppressed Listings', category: 'Inventory', format: 'tsv', made: 'request-or-schedule', roles: [PRODUCT_LISTING] },
	{ reportType: 'GET_MFN_PANEU_OFFER_STATUS', name: 'Pan-European Eligibility: Self-Fulfilled ASINs', category: 'Inventory', format: 'tsv', made: 'request', roles: [ORDER_TRACKING, PRICING, FULFILLMENT, PRODUCT_LISTING] },
	{ reportType: 'GET_PAN_EU_OFFER_STATUS', name: 'Pan-European Eligibility: FBA ASINs', category: 'Inventory', format: 'tsv', made: 'request', roles: [ORDER_TRACKING, PRICING, FULFILLMENT, DIRECT_TO_CONSUMER, PRODUCT_LISTING] },
	{ reportType: 'GET_REFERRAL_FEE_PREVIEW_REPORT', name: 'Referral Fee Preview', category: 'Inventory', format: 'tsv', made: 'request', roles: [FINANCE] },
	{ reportType: 'GET_MERCHANT_LISTINGS_DEFECT_DATA', name: 'Listing Quality and Suppressed Listings', category: 'Inventory', format: 'tsv', made: 'request', roles: [PRODUCT_LISTING], removed: { on: '2022-06-15', instead: 'GET_MERCHANTS_LISTINGS_FYP_REPORT' } },

	// Invoice Data (VAT Calculation Service)
	{ reportType: 'GET_FLAT_FILE_VAT_INVOICE_DATA_REPORT', name: 'VAT Invoice Data', category: 'Invoice Data', format: 'tsv', made: 'request-or-schedule', roles: [TAX_INVOICING] },
	{ reportType: 'GET_XML_VAT_INVOICE_DATA_REPORT', name: 'VAT Invoice Data (XML)', category: 'Invoice Data', format: 'xml', made: 'request-or-schedule', roles: [TAX_INVOICING] },

	// Orders
	{ reportType: 'GET_CONVERGED_FLAT_FILE_PENDING_ORDERS_DATA', name: 'Pending Orders (Converged)', category: 'Orders', format: 'tsv', made: 'request-or-schedule', roles: [PRODUCT_LISTING] },
	{ reportType: 'GET_FLAT_FILE_ACTIONABLE_ORDER_DATA_SHIPPING', name: 'Unshipped Orders', category: 'Orders', format: 'tsv', made: 'request-or-schedule', roles: [DIRECT_TO_CONSUMER] },
	{ reportType: 'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_LAST_UPDATE_GENERAL', category: 'Orders', made: 'request' },
	{ reportType: 'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL', category: 'Orders', made: 'request' },
	{ reportType: 'GET_FLAT_FILE_ARCHIVED_ORDERS_DATA_BY_ORDER_DATE', name: 'Archived Orders', category: 'Orders', format: 'tsv', made: 'request', roles: ORDERS_ROLES },
	{ reportType: 'GET_FLAT_FILE_ORDER_REPORT_DATA_INVOICING', name: 'Orders for Invoicing', category: 'Orders', format: 'tsv', made: 'request-or-schedule', roles: [TAX_INVOICING] },
	{ reportType: 'GET_FLAT_FILE_ORDER_REPORT_DATA_SHIPPING', name: 'Orders for Shipping', category: 'Orders', format: 'tsv', made: 'request-or-schedule', roles: [DIRECT_TO_CONSUMER] },
	{ reportType: 'GET_FLAT_FILE_ORDER_REPORT_DATA_TAX', name: 'Orders for Tax', category: 'Orders', format: 'tsv', made: 'request-or-schedule', roles: [TAX_REMITTANCE] },
	{ reportType: 'GET_FLAT_FILE_PENDING_ORDERS_DATA', name: 'Pending Orders', category: 'Orders', format: 'tsv', made: 'request-or-schedule', roles: [ORDER_TRACKING] },
	{ reportType: 'GET_ORDER_REPORT_DATA_INVOICING', name: 'Scheduled XML Orders for Invoicing', category: 'Orders', format: 'xml', made: 'schedule', roles: [TAX_INVOICING] },
	{ reportType: 'GET_ORDER_REPORT_DATA_SHIPPING', name: 'Scheduled XML Orders for Shipping', category: 'Orders', format: 'xml', made: 'schedule', roles: [DIRECT_TO_CONSUMER] },
	{ reportType: 'GET_ORDER_REPORT_DATA_TAX', name: 'Scheduled XML Orders for Tax', category: 'Orders', format: 'xml', made: 'schedule', roles: [TAX_REMITTANCE] },
	{ reportType: 'GET_PENDING_ORDERS_DATA', name: 'Pending Orders (XML)', category: 'Orders', format: 'xml', made: 'schedule', roles: [ORDER_TRACKING] },
	{ reportType: 'GET_XML_ALL_ORDERS_DATA_BY_LAST_UPDATE_GENERAL', name: 'Orders by Last Update (XML)', category: 'Orders', format: 'xml', made: 'request', roles: ORDERS_ROLES },
	{ reportType: 'GET_XML_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL', name: 'Orders by Order Date (XML)', category: 'Orders', format: 'xml', made: 'request', roles: ORDERS_ROLES },

	// Payments
	{ reportType: 'GET_DATE_RANGE_FINANCIAL_HOLDS_DATA', name: 'Deferred Transactions', category: 'Payments', format: 'csv', made: 'seller-central', roles: [FINANCE] },

	// Performance
	{ reportType: 'GET_COUPON_PERFORMANCE_REPORT', category: 'Performance', made: 'request' },
	{ reportType: 'GET_PROMOTION_PERFORMANCE_REPORT', category: 'Performance', made: 'request' },
	{ reportType: 'GET_SELLER_FEEDBACK_DATA', category: 'Performance', made: 'request' },
	{ reportType: 'GET_V1_SELLER_PERFORMANCE_REPORT', category: 'Performance', made: 'request' },
	{ reportType: 'GET_V2_SELLER_PERFORMANCE_REPORT', category: 'Performance', made: 'request' },

	// Regulatory Compliance
	{ reportType: 'END_USER_DATA_REPORT', name: 'End User Data', category: 'Regulatory Compliance', format: 'json', made: 'request-or-schedule', roles: [BUYER_COMMUNICATION] },
	// Amazon's page names no format: the invoices come as one archive, handed over as a file.
	{ reportType: 'FBA_BULK_INVOICE', name: 'FBA Bulk Invoices', category: 'Regulatory Compliance', format: 'zip', made: 'request', roles: [TAX_INVOICING] },
	{ reportType: 'GET_EPR_ANNUAL_REPORTS', name: 'EPR Annual', category: 'Regulatory Compliance', format: 'csv', made: 'request', roles: [PRODUCT_LISTING] },
	{ reportType: 'GET_EPR_MONTHLY_REPORTS', name: 'EPR Monthly', category: 'Regulatory Compliance', format: 'csv', made: 'request', roles: [PRODUCT_LISTING] },
	{ reportType: 'GET_EPR_QUARTERLY_REPORTS', name: 'EPR Quarterly', category: 'Regulatory Compliance', format: 'csv', made: 'request', roles: [PRODUCT_LISTING] },
	{ reportType: 'MARKETPLACE_ASIN_PAGE_VIEW_METRICS', name: 'Marketplace ASIN Page View Metrics', category: 'Regulatory Compliance', format: 'json', made: 'request-or-schedule', roles: [INSIGHTS] },

	// Returns (seller-fulfilled)
	{ reportType: 'GET_CSV_MFN_PRIME_RETURNS_REPORT', name: 'Prime Returns by Return Date', category: 'Returns', format: 'csv', made: 'request-or-schedule', roles: [ORDER_TRACKING, PRICING, DIRECT_TO_CONSUMER] },
	{ reportType: 'GET_FLAT_FILE_MFN_SKU_RETURN_ATTRIBUTES_REPORT', name: 'Return Attributes by Return Date', category: 'Returns', format: 'tsv', made: 'request-or-schedule', roles: [ORDER_TRACKING, DIRECT_TO_CONSUMER, PRICING] },
	{ reportType: 'GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE', name: 'Returns by Return Date', category: 'Returns', format: 'tsv', made: 'request-or-schedule', roles: [ORDER_TRACKING, DIRECT_TO_CONSUMER] },
	{ reportType: 'GET_XML_MFN_PRIME_RETURNS_REPORT', name: 'Prime Returns by Return Date (XML)', category: 'Returns', format: 'xml', made: 'request-or-schedule', roles: [ORDER_TRACKING, PRICING, DIRECT_TO_CONSUMER] },
	{ reportType: 'GET_XML_MFN_SKU_RETURN_ATTRIBUTES_REPORT', name: 'Return Attributes by Return Date (XML)', category: 'Returns', format: 'xml', made: 'request-or-schedule', roles: [ORDER_TRACKING, DIRECT_TO_CONSUMER] },
	{ reportType: 'GET_XML_RETURNS_DATA_BY_RETURN_DATE', name: 'Returns by Return Date (XML)', category: 'Returns', format: 'xml', made: 'request-or-schedule', roles: [ORDER_TRACKING, DIRECT_TO_CONSUMER] },

	// Seller Retail Analytics
	{ reportType: 'GET_SALES_AND_TRAFFIC_REPORT', category: 'Seller Retail Analytics', made: 'request-or-schedule' },

	// Settlement: Amazon makes these about every two weeks; the first two were removed on 2026-11-11.
	{ reportType: 'GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE', category: 'Settlement', made: 'amazon', removed: { on: '2026-11-11', instead: SETTLEMENT_V2 } },
	{ reportType: 'GET_V2_SETTLEMENT_REPORT_DATA_XML', name: 'Settlement (XML)', category: 'Settlement', format: 'xml', made: 'amazon', roles: [FINANCE], removed: { on: '2026-11-11', instead: SETTLEMENT_V2 } },
	{ reportType: SETTLEMENT_V2, name: 'Settlement (Flat File V2)', category: 'Settlement', format: 'tsv', made: 'amazon', roles: [FINANCE] },

	// Tax
	{ reportType: 'GET_FLAT_FILE_SALES_TAX_DATA', name: 'Sales Tax', category: 'Tax', format: 'tsv', made: 'seller-central', roles: [TAX_REMITTANCE] },
	{ reportType: 'GET_GST_MTR_B2B_CUSTOM', name: 'GST Merchant Tax Report B2B (On Demand)', category: 'Tax', format: 'tsv', made: 'request', roles: [TAX_INVOICING] },
	{ reportType: 'GET_GST_MTR_B2C_CUSTOM', name: 'GST Merchant Tax Report B2C (On Demand)', category: 'Tax', format: 'tsv', made: 'request', roles: [TAX_INVOICING] },
	{ reportType: 'GET_GST_STR_ADHOC', name: 'GST Stock Transfer (On Demand)', category: 'Tax', format: 'csv', made: 'request', roles: [FULFILLMENT] },
	{ reportType: 'GET_VAT_TRANSACTION_DATA', name: 'Amazon VAT Transactions', category: 'Tax', format: 'tsv', made: 'request', roles: [TAX_INVOICING] },
	{ reportType: 'GST_MTR_B2B', name: 'GST Merchant Tax Report B2B', category: 'Tax', format: 'csv', made: 'schedule', roles: [TAX_REMITTANCE] },
	{ reportType: 'GST_MTR_B2C', name: 'GST Merchant Tax Report B2C', category: 'Tax', format: 'csv', made: 'schedule', roles: [TAX_REMITTANCE] },
	// Amazon's page states no mode for it; scheduled like the two GST merchant tax reports above.
	{ reportType: 'GST_MTR_STOCK_TRANSFER_REPORT', name: 'GST Merchant Stock Transfer', category: 'Tax', format: 'csv', made: 'schedule', roles: [TAX_REMITTANCE] },
	{ reportType: 'SC_VAT_TAX_REPORT', name: 'Amazon VAT Calculation', category: 'Tax', format: 'csv', made: 'request', roles: [TAX_INVOICING] },

	// Vendor Retail Analytics (vendors)
	{ reportType: 'GET_VENDOR_FORECASTING_REPORT', name: 'Vendor Forecasting', category: 'Vendor Retail Analytics', format: 'json', made: 'request', roles: [BRAND_ANALYTICS] },
	{ reportType: 'GET_VENDOR_INVENTORY_REPORT', name: 'Vendor Inventory', category: 'Vendor Retail Analytics', format: 'json', made: 'request', roles: [BRAND_ANALYTICS] },
	{ reportType: 'GET_VENDOR_NET_PURE_PRODUCT_MARGIN_REPORT', name: 'Vendor Net Pure Product Margin', category: 'Vendor Retail Analytics', format: 'json', made: 'request', roles: [BRAND_ANALYTICS] },
	{ reportType: 'GET_VENDOR_REAL_TIME_INVENTORY_REPORT', name: 'Vendor Real-Time Inventory', category: 'Vendor Retail Analytics', format: 'json', made: 'request', roles: [BRAND_ANALYTICS] },
	{ reportType: 'GET_VENDOR_REAL_TIME_SALES_REPORT', name: 'Vendor Real-Time Sales', category: 'Vendor Retail Analytics', format: 'json', made: 'request', roles: [BRAND_ANALYTICS] },
	{ reportType: 'GET_VENDOR_REAL_TIME_TRAFFIC_REPORT', name: 'Vendor Real-Time Traffic', category: 'Vendor Retail Analytics', format: 'json', made: 'request', roles: [BRAND_ANALYTICS] },
	{ reportType: 'GET_VENDOR_SALES_REPORT', name: 'Vendor Sales', category: 'Vendor Retail Analytics', format: 'json', made: 'request', roles: [BRAND_ANALYTICS] },
	{ reportType: 'GET_VENDOR_TRAFFIC_REPORT', name: 'Vendor Traffic', category: 'Vendor Retail Analytics', format: 'json', made: 'request', roles: [BRAND_ANALYTICS] },
];
