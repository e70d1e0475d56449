// The report registries' indexes: every `*.report.ts` file of a node's reports/ folder is one
// report type. Adding a report is adding one file; the build (and `npm test`) writes each index
// from its folder, and a test checks they are current.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Each node family's registry: its folder, the type a report file exports, and the list's name. */
export const REGISTRIES = [
	{
		folder: join(root, 'nodes/AmazonSellingPartner/reports'),
		exportType: /export const (\w+): (?:FlatFileReportType|TreeReportType|StreamedReportType|SpReportType)\b/,
		typeName: 'SpReportType',
		listName: 'REPORT_TYPES',
	},
	{
		folder: join(root, 'nodes/AmazonAppstore/reports'),
		exportType: /export const (\w+): AppstoreReportType\b/,
		typeName: 'AppstoreReportType',
		listName: 'APPSTORE_REPORT_TYPES',
	},
];

export function registryIndex(registry = REGISTRIES[0]) {
	const entries = readdirSync(registry.folder)
		.filter((file) => file.endsWith('.report.ts'))
		.sort()
		.map((file) => {
			const source = readFileSync(join(registry.folder, file), 'utf8');
			const match = registry.exportType.exec(source);
			if (!match) throw new Error(`${file} must export one report type: export const xReport: ${registry.typeName} = …`);
			return { file: file.replace(/\.ts$/, ''), name: match[1] };
		});
	return [
		'// Written by scripts/registry.mjs (run by the build) from the *.report.ts files of this folder: do not edit.',
		...entries.map((entry) => `import { ${entry.name} } from './${entry.file}';`),
		`import type { ${registry.typeName} } from './types';`,
		'',
		`export const ${registry.listName}: ${registry.typeName}[] = [`,
		...entries.map((entry) => `\t${entry.name},`),
		'];',
		'',
	].join('\n');
}

export function writeRegistryIndexes() {
	for (const registry of REGISTRIES) writeFileSync(join(registry.folder, 'index.ts'), registryIndex(registry));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) writeRegistryIndexes();
