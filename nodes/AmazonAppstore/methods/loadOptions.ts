// Lists the editor loads: the chosen report's fields, for Filter Rows and Summary per Group.
import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { fieldOptions } from '../../shared/output/fields';
import { appstoreReportTypeByOperation } from '../reports/registry';

const REPORT_MONTH = { key: 'reportMonth', description: 'Text: the month of the report, YYYY-MM' };

export async function getReportFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const report = appstoreReportTypeByOperation(String(this.getCurrentNodeParameter('operation') ?? ''));
	if (!report) return [];
	if (this.getCurrentNodeParameter('simplify') === false) {
		// Simplify off: Amazon's column titles, as the documentation's file has them.
		const titles = report.sample.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0].split(',');
		return fieldOptions(
			titles.map((title) => ({ key: title, titles: [], type: 'text' })),
			[REPORT_MONTH],
		);
	}
	return fieldOptions(report.columns, [REPORT_MONTH]);
}
