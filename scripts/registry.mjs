// The report registry's index: every `*.report.ts` file of nodes/AmazonSellingPartner/reports is
// one report type. Adding a report is adding one file; the build (and `npm test`) writes this
// index from the folder, and a test checks it is current.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const folder = join(dirname(fileURLToPath(import.meta.url)), '../nodes/AmazonSellingPartner/reports');

export function registryIndex() {
	const entries = readdirSync(folder)
		.filter((file) => file.endsWith('.report.ts'))
		.sort()
		.map((file) => {
			const source = readFileSync(join(folder, file), 'utf8');
			const match = /export const (\w+): (?:FlatFileReportType|TreeReportType|StreamedReportType|SpReportType)\b/.exec(source);
			if (!match) throw new Error(`${file} must export one report type: export const xReport: FlatFileReportType | TreeReportType | StreamedReportType = …`);
			return { file: file.replace(/\.ts$/, ''), name: match[1] };
		});
	return [
		'// Written by scripts/registry.mjs (run by the build) from the *.report.ts files of this folder: do not edit.',
		...entries.map((entry) => `import { ${entry.name} } from './${entry.file}';`),
		"import type { SpReportType } from './types';",
		'',
		'export const REPORT_TYPES: SpReportType[] = [',
		...entries.map((entry) => `\t${entry.name},`),
		'];',
		'',
	].join('\n');
}

export function writeRegistryIndex() {
	writeFileSync(join(folder, 'index.ts'), registryIndex());
}

if (process.argv[1] === fileURLToPath(import.meta.url)) writeRegistryIndex();
