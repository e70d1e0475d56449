// npm run docs: writes the generated tables of README.md and docs/ from the report registries, and
// docs/report-types.md (every report type of Amazon's catalogue) from the catalogue, so they always
// list what the package knows. A test checks they are current.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { allAppstoreReportTypes, operationName } from '../nodes/AmazonAppstore/reports/registry';
import { allReportTypeInfos, allReportTypes, HOW_MADE } from '../nodes/AmazonSellingPartner/reports/registry';

/** A generated block: its markers, its text, and the documents that show it. */
interface GeneratedTable {
	name: string;
	files: string[];
	render: () => string;
}

export function reportTable(): string {
	const rows = allReportTypes().map((report) => {
		const output =
			'columns' in report
				? `${report.format.toUpperCase()}, typed columns: ${report.columns.length}`
				: 'stream' in report
					? `JSON, streamed (${report.stream.lists.join(', ')})`
					: report.format.toUpperCase();
		const removed = allReportTypeInfos().find((info) => info.reportType === report.reportType)?.removed;
		const how = removed
			? `Download of reports Amazon still keeps (removed by Amazon on ${removed.on})`
			: report.requestable
				? 'Get, Create, Download'
				: 'Report Ready trigger, Download (Amazon makes it on a schedule)';
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

export const CATALOGUE_DOCUMENT = 'docs/report-types.md';

/** docs/report-types.md: every report type the picker knows, by category. */
export function catalogueDocument(): string {
	const infos = allReportTypeInfos();
	const categories = [...new Set(infos.map((info) => info.category))].sort((a, b) => a.localeCompare(b));
	const sections = categories.map((category) => {
		const rows = infos
			.filter((info) => info.category === category)
			.map((info) => {
				const how = info.removed
					? `**removed by Amazon on ${info.removed.on}**${info.removed.instead ? `: use \`${info.removed.instead}\`` : ''}`
					: HOW_MADE[info.made];
				return `| ${info.name} | \`${info.reportType}\` | ${info.format.toUpperCase()}${info.typed ? ' (typed)' : ''} | ${how} | ${info.roles.join(', ')} |`;
			});
		return [`## ${category}`, '', '| Report | Report type ID | Document | Made | Seller Central role |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
	});
	const live = infos.filter((info) => !info.removed);
	return [
		'# Report types',
		'',
		'<!-- Written by npm run docs from nodes/AmazonSellingPartner/reports/ (catalogue.ts and the *.report.ts files): do not edit. -->',
		'',
		`Every report type of Amazon's current list (${live.length}, and ${infos.length - live.length} Amazon removed), as the Report Type picker`,
		'of the Amazon Selling Partner node and trigger offers them: search by name, category or ID. Types marked',
		'*typed* give typed items (see the [node’s page](amazon-selling-partner.md)); the others give one item per',
		'row keyed by Amazon’s column names (JSON: one per element of the main list; XML: the document). PDF, Excel',
		'and ZIP documents come as a file. **Made**: how a report comes to exist: Get and Create request the',
		'types made on request; Report Schedule creates schedules for those and the schedule-only ones; the Report',
		'Ready trigger and Get Many read them all. A removed type is refused by ID, naming its replacement; its',
		'reports Amazon still keeps (90 days) can be read with Download.',
		'',
		...sections.flatMap((section) => [section, '']),
	].join('\n');
}

if (require.main === module) {
	for (const table of GENERATED_TABLES) {
		for (const file of table.files) {
			const path = join(__dirname, '..', file);
			writeFileSync(path, withTable(readFileSync(path, 'utf8'), table));
			console.log(`wrote ${table.name} in ${file}`);
		}
	}
	writeFileSync(join(__dirname, '..', CATALOGUE_DOCUMENT), catalogueDocument());
	console.log(`wrote ${CATALOGUE_DOCUMENT}`);
}
