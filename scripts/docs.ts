// npm run docs: writes the report table of README.md (and docs/amazon-selling-partner.md) from the
// report registry, so the table always lists what the package knows. A test checks it is current.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { allReportTypes } from '../nodes/AmazonSellingPartner/reports/registry';

const START = '<!-- report-table:start (npm run docs) -->';
const END = '<!-- report-table:end -->';

export function reportTable(): string {
	const rows = allReportTypes().map((report) => {
		const output =
			'columns' in report
				? `${report.format.toUpperCase()}, typed columns: ${report.columns.length}`
				: 'stream' in report
					? `JSON, streamed (${report.stream.lists.join(', ')})`
					: report.format.toUpperCase();
		const how = report.requestable ? 'Get, Create, Download' : 'Report Ready trigger, Download (Amazon makes it on a schedule)';
		return `| ${report.name} | \`${report.reportType}\` | ${output} | ${report.roles.join(', ')} | ${how} |`;
	});
	return [START, '| Report | Report type ID | Document | Seller Central role | Operations |', '| --- | --- | --- | --- | --- |', ...rows, END].join('\n');
}

export const DOCUMENTS_WITH_TABLE = ['README.md', 'docs/amazon-selling-partner.md'];

export function withTable(text: string): string {
	const start = text.indexOf(START);
	const end = text.indexOf(END);
	if (start === -1 || end === -1) throw new Error(`no ${START} … ${END} markers`);
	return text.slice(0, start) + reportTable() + text.slice(end + END.length);
}

if (require.main === module) {
	for (const file of DOCUMENTS_WITH_TABLE) {
		const path = join(__dirname, '..', file);
		writeFileSync(path, withTable(readFileSync(path, 'utf8')));
		console.log(`wrote the report table of ${file}`);
	}
}
