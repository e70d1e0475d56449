// npm run docs: writes the generated tables of README.md and docs/ from the report registries, so
// they always list what the package knows. A test checks they are current.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { allAppstoreReportTypes, operationName } from '../nodes/AmazonAppstore/reports/registry';
import { allReportTypes } from '../nodes/AmazonSellingPartner/reports/registry';

/** A generated block: its markers, its text, and the documents that show it. */
interface GeneratedTable {
	name: string;
	files: string[];
	render: () => string;
}

export function reportTable(): string {
	const rows = allReportTypes().map((report) => {
		const output = 'columns' in report ? `${report.format.toUpperCase()}, typed columns: ${report.columns.length}` : report.format.toUpperCase();
		const how = report.requestable ? 'Get, Create, Download' : 'Report Ready trigger, Download (Amazon makes it on a schedule)';
		return `| ${report.name} | \`${report.reportType}\` | ${output} | ${report.roles.join(', ')} | ${how} |`;
	});
	return ['| Report | Report type ID | Document | Seller Central role | Operations |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

export function appstoreOperationsTable(): string {
	const rows = allAppstoreReportTypes().map((report) => `| ${operationName(report)} | \`${report.reportType}\` | ${report.description} |`);
	return ['| Operation | Report (Reporting API path) | What it gets |', '| --- | --- | --- |', ...rows].join('\n');
}

export const GENERATED_TABLES: GeneratedTable[] = [
	{ name: 'report-table', files: ['README.md', 'docs/amazon-selling-partner.md'], render: reportTable },
	{ name: 'appstore-operations', files: ['README.md', 'docs/amazon-appstore.md'], render: appstoreOperationsTable },
];

const markers = (table: GeneratedTable) => ({ start: `<!-- ${table.name}:start (npm run docs) -->`, end: `<!-- ${table.name}:end -->` });

/** The table with its markers, as it stands in a document. */
export const generatedBlock = (table: GeneratedTable): string => `${markers(table).start}\n${table.render()}\n${markers(table).end}`;

export function withTable(text: string, table: GeneratedTable): string {
	const { start, end } = markers(table);
	const from = text.indexOf(start);
	const to = text.indexOf(end);
	if (from === -1 || to === -1) throw new Error(`no ${start} … ${end} markers`);
	return text.slice(0, from) + generatedBlock(table) + text.slice(to + end.length);
}

if (require.main === module) {
	for (const table of GENERATED_TABLES) {
		for (const file of table.files) {
			const path = join(__dirname, '..', file);
			writeFileSync(path, withTable(readFileSync(path, 'utf8'), table));
			console.log(`wrote ${table.name} in ${file}`);
		}
	}
}
