// The published package: what `npm pack` puts in the tarball, and that n8n's loader loads it.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import './harness/env';
import { PackageDirectoryLoader } from 'n8n-core';

import { PACKAGE_DIR } from './harness/engine';

let installed: string;
let workDir: string;

before(() => {
	workDir = mkdtempSync(join(tmpdir(), 'amazon-reports-pack-'));
	const [{ filename }] = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--pack-destination', workDir], { cwd: PACKAGE_DIR, encoding: 'utf8' }),
	) as Array<{ filename: string }>;
	// Lay it out as n8n installs a community package: node_modules/<name>, next to n8n-workflow.
	const modules = join(workDir, 'node_modules');
	installed = join(modules, 'n8n-nodes-amazon-reports');
	mkdirSync(installed, { recursive: true });
	execFileSync('tar', ['-xzf', join(workDir, filename), '-C', installed, '--strip-components=1']);
	symlinkSync(join(PACKAGE_DIR, 'node_modules', 'n8n-workflow'), join(modules, 'n8n-workflow'));
});

after(() => rmSync(workDir, { recursive: true, force: true }));

test('the tarball has no runtime dependencies and only n8n-workflow as peer', () => {
	const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
	assert.deepEqual(pkg.dependencies ?? {}, {});
	assert.deepEqual(pkg.peerDependencies, { 'n8n-workflow': '*' });
	assert.equal(pkg.n8n.n8nNodesApiVersion, 1);
	assert.deepEqual(readdirSync(installed).sort(), ['LICENSE', 'README.md', 'dist', 'package.json']);
});

test('the runtime requires nothing but Node built-ins and n8n-workflow; each entry only the runtime', () => {
	const bundles = [...readdirSync(join(installed, 'dist'), { recursive: true })]
		.map(String)
		.filter((file) => file.endsWith('.js'));
	assert.ok(bundles.length >= 4);
	// node:sqlite is a built-in from Node 22 on; undici only loads it for its cache store, unused here.
	const allowed = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`), 'node:sqlite', 'n8n-workflow']);
	for (const file of bundles) {
		const source = readFileSync(join(installed, 'dist', file), 'utf8');
		const required = [...source.matchAll(/\brequire\((["'])([^"']+)\1\)/g)].map((match) => match[2]);
		if (file === 'runtime.js') {
			const foreign = required.filter((name) => !allowed.has(name) && !allowed.has(name.split('/')[0]));
			assert.deepEqual(foreign, [], `runtime.js requires ${foreign.join(', ')}`);
		} else {
			// One runtime per process: every file n8n loads re-exports its class from it.
			assert.deepEqual(required.map((name) => name.replace(/^(\.\.\/)+/, '')), ['runtime.js'], `${file} requires ${required.join(', ')}`);
		}
	}
});

test('n8n’s community package loader loads every node and credential from the tarball', async () => {
	const loader = new PackageDirectoryLoader(installed);
	await loader.loadAll();
	assert.equal(loader.packageName, 'n8n-nodes-amazon-reports');
	assert.deepEqual(Object.keys(loader.nodeTypes).sort(), [
		'amazonAppstore',
		'amazonAppstoreTrigger',
		'amazonSellingPartner',
		'amazonSellingPartnerTrigger',
	]);
	assert.deepEqual(Object.keys(loader.credentialTypes).sort(), ['amazonAppstoreReportingApi', 'amazonSellingPartnerApi']);
	for (const { type } of Object.values(loader.nodeTypes)) {
		const description = 'description' in type ? type.description : undefined;
		assert.ok(description?.iconUrl || description?.icon, `${description?.name} has an icon`);
	}
});
