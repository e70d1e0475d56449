// Builds the publishable package into dist/:
//   1. type-check everything (nodes, credentials, emulator, tests),
//   2. bundle each node and credential entry listed in package.json's `n8n` block with its
//      libraries inlined, so the published package has no runtime dependencies,
//   3. copy icons and codex (.node.json) files next to the bundles.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const dist = join(root, 'dist');

execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', root], {
	stdio: 'inherit',
});

rmSync(dist, { recursive: true, force: true });

const entries = [...pkg.n8n.nodes, ...pkg.n8n.credentials].map((out) => ({
	out: join(root, out),
	in: join(root, out.replace(/^dist\//, '').replace(/\.js$/, '.ts')),
}));
for (const entry of entries) {
	if (!existsSync(entry.in)) throw new Error(`package.json names ${entry.out}, but ${entry.in} is missing`);
}

await build({
	entryPoints: entries.map((e) => ({ in: e.in, out: relative(dist, e.out).replace(/\.js$/, '') })),
	outdir: dist,
	bundle: true,
	platform: 'node',
	target: 'node20',
	format: 'cjs',
	// n8n provides n8n-workflow to community packages (it is the only peer dependency).
	external: ['n8n-workflow'],
	sourcemap: false,
	legalComments: 'linked',
	logLevel: 'warning',
});

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
