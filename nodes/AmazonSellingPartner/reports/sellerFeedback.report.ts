// GET_SELLER_FEEDBACK_DATA: negative and neutral (1–3 star) feedback, a tab-separated flat file.
// Column order is stable across marketplaces while the titles are localised (a Japanese file has
// Japanese titles), so columns are read by position. Dates are written the marketplace's way.
import type { FlatFileReportType } from './types';

export const sellerFeedbackReport: FlatFileReportType = {
	reportType: 'GET_SELLER_FEEDBACK_DATA',
	name: 'Seller Feedback',
	description: 'Negative and neutral (1–3 star) feedback from buyers, one item per feedback',
	roles: ['Selling Partner Insights', 'Amazon Fulfillment'],
	format: 'tsv',
	requestable: true,
	dataRange: { defaultDays: 30 },
	// Each marketplace writes dates its own way, and rows do not say which it is.
	perMarketplace: true,
	byPosition: true,
	leading: (context) => ({ marketplaceId: context.marketplace?.id ?? context.marketplaceIds[0] ?? null }),
	columns: [
		{ key: 'date', titles: ['Date'], type: 'date' },
		{ key: 'rating', titles: ['Rating'], type: 'integer' },
		{ key: 'comments', titles: ['Comments'], type: 'text' },
		{ key: 'response', titles: ['Your Response'], type: 'text' },
		{ key: 'orderId', titles: ['Order ID'], type: 'code' },
		{ key: 'raterEmail', titles: ['Rater Email'], type: 'text' },
	],
	sample: {
		text: [
			'Date\tRating\tComments\tYour Response\tOrder ID\tRater Email',
			'11/3/26\t2\t"Arrived late" and the box was damaged\t\t114-3941689-8772232\tbuyer1@marketplace.amazon.com',
			'11/5/26\t3\tOK product, slow delivery\tSorry about the delay!\t114-3941689-8772233\tbuyer2@marketplace.amazon.com',
			'',
		].join('\n'),
		charset: 'UTF-8',
		compression: 'GZIP',
	},
};
