// npm run scan: n8n's own community-package scan (@n8n/scan-community-package), run the way n8n's
// verification runs it, on this checkout instead of the npm registry:
//   1. the source leg: its ESLint rules on package.json, nodes/** and credentials/** of the repository;
//   2. the tarball leg: the same rules on every .js file and the package.json of `npm pack`'s output,
//      i.e. exactly what users install (the bundled dist/, with its libraries inlined).
// The registry legs (provenance attestation, fetching the attested source from GitHub) need a
// published version; the release workflow publishes with provenance for them.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(join(tmpdir(), 'n8n-scan-'));

try {
	execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
	execFileSync('npm', ['pack', '--silent', `--pack-destination=${work}`], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
	const tarball = readdirSync(work).find((file) => file.endsWith('.tgz'));
	if (!tarball) throw new Error('npm pack wrote no tarball');
	const unpacked = join(work, 'package');
	execFileSync('tar', ['-xzf', join(work, tarball), '-C', work]);

	const legs = [
		{ name: 'source (package.json, nodes/**, credentials/**)', dir: root, patterns: SOURCE_FILE_PATTERNS },
		{ name: `tarball (${tarball}: **/*.js, package.json)`, dir: unpacked, patterns: ['**/*.js', 'package.json'] },
	];
	let passed = true;
	for (const leg of legs) {
		const result = await analyzePackage(leg.dir, leg.patterns);
		console.log(`${result.passed ? '✓' : '✗'} ${leg.name}: ${result.passed ? 'no violations' : result.message}`);
		if (!result.passed) {
			passed = false;
			if (result.details) console.log(result.details);
		}
	}
	console.log(passed ? "n8n's community-package scan finds nothing." : "n8n's community-package scan fails.");
	process.exitCode = passed ? 0 : 1;
} finally {
	rmSync(work, { recursive: true, force: true });
}
