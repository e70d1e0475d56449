// GET_PROMOTION_PERFORMANCE_REPORT (JSON): one item per promotion, or one per included product.
import type { IDataObject } from 'n8n-workflow';

import { asObjects, withNumbers } from './shapeHelpers';
import type { TreeReport } from './types';

const PROMOTION_NUMBERS = ['glanceViews', 'unitsSold', 'revenue', 'amountSpent'];
const PRODUCT_NUMBERS = ['productGlanceViews', 'productUnitsSold', 'productRevenue'];

export const promotionPerformanceReport: TreeReport = {
	format: 'json',
	reportType: 'GET_PROMOTION_PERFORMANCE_REPORT',
	title: 'promotion performance report',
	shapeDocument(document, context) {
		if (context.output === 'raw') return [document];
		const items: IDataObject[] = [];
		for (const promotion of asObjects(document.promotions)) {
			const { includedProducts, ...fields } = promotion;
			const base = withNumbers(fields, PROMOTION_NUMBERS);
			const products = asObjects(includedProducts).map((product) => withNumbers(product, PRODUCT_NUMBERS));
			if (context.output === 'products') {
				for (const product of products) items.push({ ...base, ...product });
			} else {
				items.push({ ...base, includedProducts: products });
			}
		}
		return items;
	},
};
