import type { IDataObject } from 'n8n-workflow';

import { parseDayInOrder } from '../../shared/pipeline/dates';
import { camelCase, numberCell, textCell } from '../../shared/pipeline/values';
import type { FlatFileReport } from './types';

// Column order is stable across marketplaces while the titles are localised (a Japanese file
// has Japanese titles), so columns are read by position.
const COLUMNS = ['date', 'rating', 'comments', 'response', 'orderId', 'raterEmail'] as const;

export const sellerFeedbackReport: FlatFileReport = {
	format: 'tsv',
	reportType: 'GET_SELLER_FEEDBACK_DATA',
	title: 'seller feedback report',
	shapeRow(cells, header, context) {
		const item: IDataObject = { marketplaceId: context.marketplace?.id ?? context.marketplaceIds[0] ?? null };
		const rawDate = textCell(cells[0] ?? '');
		item.date = rawDate && parseDayInOrder(rawDate, context.marketplace?.dateOrder ?? 'MDY');
		item.date ??= rawDate;
		item.rating = numberCell(cells[1] ?? '');
		for (let index = 2; index < COLUMNS.length; index++) item[COLUMNS[index]] = textCell(cells[index] ?? '');
		// Anything Amazon adds after the known columns is kept.
		for (let index = COLUMNS.length; index < header.length; index++) {
			item[camelCase(header[index]) || `column${index + 1}`] = textCell(cells[index] ?? '');
		}
		return item;
	},
};
