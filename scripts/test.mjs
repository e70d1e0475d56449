// npm test: builds the package, then runs the two tiers, telling how each test went as it ends.
//   1. unit (test/unit/): the shared pipeline and trigger memory as plain functions, in seconds;
//   2. engine (test/*.test.ts): the built package in n8n-core's engine against the Amazon emulator.
// `npm run test:unit` runs the first tier alone.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const unitOnly = process.argv.includes('--unit');
const files = (folder) =>
	readdirSync(join(root, folder))
		.filter((file) => file.endsWith('.test.ts'))
		.sort()
		.map((file) => join(folder, file));

function run(title, args) {
	const started = Date.now();
	console.log(`\n▶ ${title}`);
	const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...args], { cwd: root, stdio: 'inherit' });
	console.log(`${result.status === 0 ? '✓' : '✗'} ${title}: ${Math.round((Date.now() - started) / 1000)} s`);
	return result.status === 0;
}

let passed = true;
if (!unitOnly) {
	console.log('▶ Build (type-check, bundle into dist/)');
	passed = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' }).status === 0;
}
passed &&= run('Unit tier: nodes/shared as plain functions (test/unit/)', files('test/unit'));
if (!unitOnly && passed) passed = run('Engine tier: the built package in n8n-core’s engine against the emulator (test/)', files('test'));
process.exitCode = passed ? 0 : 1;
