// Builds the publishable package into dist/:
//   1. type-check everything (nodes, credentials, emulator, tests),
//   2. bundle every node and credential into one runtime with its libraries inlined (so the
//      published package has no runtime dependencies), and a small file per `n8n` entry,
//   3. copy icons and codex (.node.json) files next to the bundles.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

import { writeRegistryIndexes } from './registry.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const dist = join(root, 'dist');

writeRegistryIndexes();

execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', root], {
	stdio: 'inherit',
});

rmSync(dist, { recursive: true, force: true });

// One runtime for the whole package: every node and credential class is bundled into
// dist/runtime.js, and each file n8n loads (package.json's `n8n` block) only re-exports its class
// from it. Node's module cache then keeps one token cache, one set of rate pacers and one
// report-reuse map per n8n process, whichever node types use them (bundling each node on its
// own would give each node type copies of its own).
const entries = [...pkg.n8n.nodes, ...pkg.n8n.credentials].map((out) => {
	const source = join(root, out.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
	if (!existsSync(source)) throw new Error(`package.json names ${out}, but ${source} is missing`);
	const className = /export class (\w+)/.exec(readFileSync(source, 'utf8'))?.[1];
	if (!className) throw new Error(`${source} exports no class`);
	return { out: join(root, out), source, className };
});

const runtimeEntry = entries
	.map((entry) => `export { ${entry.className} } from ${JSON.stringify(entry.source.replace(/\.ts$/, ''))};`)
	.join('\n');

await build({
	stdin: { contents: runtimeEntry, resolveDir: root, sourcefile: 'runtime.ts', loader: 'ts' },
	outfile: join(dist, 'runtime.js'),
	bundle: true,
	platform: 'node',
	target: 'node20',
	format: 'cjs',
	// n8n provides n8n-workflow to community packages (it is the only peer dependency).
	external: ['n8n-workflow'],
	// fflate's build without Node built-ins (its Node build requires 'module' for its workers).
	alias: { fflate: 'fflate/browser' },
	sourcemap: false,
	legalComments: 'linked',
	logLevel: 'warning',
});

for (const entry of entries) {
	mkdirSync(dirname(entry.out), { recursive: true });
	const runtime = relative(dirname(entry.out), join(dist, 'runtime.js')).split('\\').join('/');
	writeFileSync(
		entry.out,
		`'use strict';\n// Loaded by n8n; the code is in the package's shared runtime.\nexports.${entry.className} = require('${runtime.startsWith('.') ? runtime : `./${runtime}`}').${entry.className};\n`,
	);
}

cpSync(join(root, 'icons'), join(dist, 'icons'), { recursive: true });
for (const dir of readdirSync(join(root, 'nodes'), { withFileTypes: true })) {
	if (!dir.isDirectory()) continue;
	for (const file of readdirSync(join(root, 'nodes', dir.name))) {
		if (file.endsWith('.node.json') || file.endsWith('.svg')) {
			mkdirSync(join(dist, 'nodes', dir.name), { recursive: true });
			cpSync(join(root, 'nodes', dir.name, file), join(dist, 'nodes', dir.name, file));
		}
	}
}
console.log(`built ${entries.length} entries into dist/`);
