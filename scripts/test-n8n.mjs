// npm run test:n8n: the package end to end in a REAL n8n (not part of `npm test`).
//
//   1. installs, once, Node 24 and n8n into .n8n-test/ (n8n 2.x needs Node 24; this repo runs on 20);
//   2. builds and packs the package, and installs the tarball into a fresh ~/.n8n/nodes the way
//      users do by hand;
//   3. starts the built-in Amazon emulator and imports the package's credentials pointed at it;
//   4. checks that n8n loaded every node type the package declares (`n8n export:nodes`);
//   5. imports every examples/*.json, with n8n's own nodes that need outside services swapped for
//      offline ones, and runs each with `n8n execute`; a node type no example uses runs alone with
//      its default parameters;
//   6. in `n8n start`: checks the credential types are known and pass their test (the editor's
//      "Test" button), and runs workflows that start with a trigger of this package as the editor's
//      "Fetch test event" does (a polling trigger cannot run under `n8n execute`);
//   7. big reports (README "Big reports in n8n"): a 1,000,000-row Appstore month through Summary per
//      Group, Filter Rows and File (CSV), each finished, saved and opened (GET of the execution) with
//      n8n answering /healthz within 1 s throughout (probed every 200 ms); and as raw items, stopped
//      by the node's limit with its error instead of breaking n8n. TEST_N8N_BIG_ROWS changes the size
//      (0 skips them); TEST_N8N_MEASURE=1 also saves raw months and orders reports of several sizes
//      with the limit off, to measure what n8n holds per report family;
//   8. prints a table (every package node must produce at least one item); exits non-zero on any
//      failure. Stops the emulator and n8n; keeps the cache.
//
// Type and credential names come from the built package and the examples, never from this file.
// Cache markers: .n8n-test/node24/.installed, .n8n-test/n8n-<version>/{.installed,.sqlite3-rebuilt};
// delete one to redo that step.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = join(ROOT, '.n8n-test');
const N8N_VERSION = '2.41.1'; // 2.41.3 lacks a dependency in the registry these machines reach
const NODE_MAJOR = '24'; // n8n 2.36+ requires Node >= 24
const NODE_DIR = join(CACHE, `node${NODE_MAJOR}`);
const N8N_DIR = join(CACHE, `n8n-${N8N_VERSION}`);
// The throwaway N8N_USER_FOLDER, replaced on every run: in the checkout, as worktrees share the cache.
const RUN_DIR = join(ROOT, '.n8n-test-run');
const LOG_DIR = join(RUN_DIR, 'logs');
const BROWSER_ID = 'test-n8n'; // n8n binds its auth cookie to this header

// n8n's own nodes that need no outside service and stay as they are; every other n8n node (Slack,
// Google Sheets, email, HTTP…) becomes a No Operation node, and a start node a Manual Trigger.
const OFFLINE_NODES = new Set(
	[
		'aggregate', 'code', 'compareDatasets', 'convertToFile', 'crypto', 'dateTime', 'extractFromFile', 'filter',
		'html', 'if', 'itemLists', 'limit', 'markdown', 'merge', 'noOp', 'removeDuplicates', 'renameKeys', 'set',
		'sort', 'splitInBatches', 'splitOut', 'stickyNote', 'summarize', 'switch', 'xml',
	].map((name) => `n8n-nodes-base.${name}`),
);

const started = Date.now();
const children = new Set();
let failed = false;

main()
	.catch((error) => {
		failed = true;
		console.error(`\n✗ ${error.message}`);
	})
	.finally(async () => {
		await stopAll();
		console.log(`\n${failed ? 'FAILED' : 'PASSED'} in ${seconds(Date.now() - started)} (cache: ${rel(CACHE)}, logs: ${rel(LOG_DIR)})`);
		process.exit(failed ? 1 : 0);
	});
for (const signal of ['SIGINT', 'SIGTERM']) {
	process.on(signal, () => void stopAll().then(() => process.exit(130)));
}

async function main() {
	rmSync(RUN_DIR, { recursive: true, force: true });
	mkdirSync(LOG_DIR, { recursive: true });
	const node24 = await installNode24();
	const n8nBin = await installN8n(node24);
	const tarball = await buildAndPack();
	const pkg = await installPackage(node24, tarball);
	const types = await readPackageTypes(node24, pkg);
	const emulator = await startEmulator();
	const n8n = makeN8n(node24, n8nBin);

	step('Which node types n8n loads (n8n export:nodes)');
	const loaded = await n8n.loadedNodeTypes(pkg.name);
	const unknown = checkNodeTypes(types, loaded, pkg.name);

	step('Credentials for the emulator (n8n import:credentials)');
	const credentials = types.credentials.map((credential) => {
		const data = emulator.credentials[credential.type];
		if (!data) throw new Error(`the emulator has no values for credential type ${credential.type}`);
		return { id: credential.type.slice(0, 36), name: credential.displayName, type: credential.type, data };
	});
	await n8n.cli('import-credentials', ['import:credentials', `--input=${writeJson('credentials.json', credentials)}`]);
	console.log(`  imported ${credentials.map((c) => c.type).join(', ')}`);

	step('Example workflows (n8n import:workflow)');
	const examples = readdirSync(join(ROOT, 'examples'))
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file, index) => prepareExample(file, index, pkg.name, types, credentials));
	// A node type no example uses is still run once, with its default parameters, so that each type
	// runs in n8n at least once; its result only warns, as defaults may not be enough.
	const covered = new Set(examples.flatMap((example) => example.packageNodes.map((node) => node.type)));
	for (const type of types.nodes.filter((t) => !covered.has(t.type))) {
		examples.push(prepareDefaultsRun(type, examples.length, credentials));
	}
	// The credentials used by n8n's own HTTP Request node (preAuthentication fetches the token,
	// authenticate sends it): what a user does for an Amazon endpoint this package has no node for.
	examples.push(...prepareHttpRequestRuns(examples.length, credentials, emulator.baseUrl));
	const bigRuns = prepareBigReportRuns(examples.length, credentials, types);
	examples.push(...bigRuns);
	for (const example of examples) writeJson(join('workflows', example.file), example.workflow);
	await n8n.cli('import-workflows', ['import:workflow', '--separate', `--input=${join(RUN_DIR, 'workflows')}`]);

	const rows = [];
	step('Running the examples (n8n execute)');
	for (const example of examples.filter((e) => !e.trigger && !e.big)) {
		const run = await n8n.execute(example);
		rows.push(...resultRows(example, run));
	}

	step('n8n start: credential types, credential tests, polling triggers ("Fetch test event")');
	const server = await n8n.start();
	const knownCredentials = await server.credentialTypes();
	for (const credential of credentials) {
		const known = knownCredentials.has(credential.type);
		const test = known ? await server.testCredential(credential) : { status: 'Error', message: 'Unknown credential type' };
		rows.push({
			workflow: '(credential test)',
			node: credential.type,
			items: '',
			result: test.status === 'OK' ? 'OK' : 'FAIL',
			note: test.status === 'OK' ? '' : test.message,
		});
		// A wrong secret: the Test button must say what Login with Amazon refused, and never echo the secret.
		if (!known) continue;
		const wrongSecret = 'wrong-secret-for-test-n8n';
		const refused = await server.testCredential({ ...credential, data: { ...credential.data, clientSecret: wrongSecret } }, 'Error');
		const explained = refused.status === 'Error' && /invalid_client/.test(refused.message ?? '') && !String(refused.message).includes(wrongSecret);
		rows.push({
			workflow: '(credential test, wrong secret)',
			node: credential.type,
			items: '',
			result: explained ? 'OK' : 'FAIL',
			note: explained ? 'refused: invalid_client explained' : `expected an invalid_client explanation, got ${refused.status}: ${refused.message}`,
		});
	}
	for (const example of examples.filter((e) => e.trigger)) {
		const run = await server.runFromTrigger(example);
		rows.push(...resultRows(example, run));
	}
	if (bigRuns.length) step(`Big reports in n8n start (${BIG_ROWS.toLocaleString('en-US')}-row month; /healthz probed every 200 ms)`);
	for (const run of bigRuns) rows.push(await server.runBig(run));
	await server.stop();

	printTable(rows);
	reportOutboundAttempts();
	if (unknown.length || rows.some((row) => row.result === 'FAIL')) failed = true;
}

// ── 1. Cached installs ─────────────────────────────────────────────────────────────────────────

async function installNode24() {
	const marker = join(NODE_DIR, '.installed');
	const bin = join(NODE_DIR, 'node_modules/node/bin/node');
	const cached = existsSync(marker) && existsSync(bin);
	if (!cached) {
		step(`Installing Node ${NODE_MAJOR} from the npm registry (node@${NODE_MAJOR}) into ${rel(NODE_DIR)}`);
		rmSync(NODE_DIR, { recursive: true, force: true });
		mkdirSync(NODE_DIR, { recursive: true });
		writeFileSync(join(NODE_DIR, 'package.json'), '{ "private": true }\n');
		// The package's preinstall script links the platform binary: scripts must run here.
		await mustRun('npm', ['install', `node@${NODE_MAJOR}`, '--ignore-scripts=false', '--no-audit', '--no-fund'], {
			cwd: NODE_DIR,
			log: 'install-node.log',
		});
		writeFileSync(marker, new Date().toISOString());
	}
	const version = (await mustRun(bin, ['--version'])).stdout.trim();
	if (!version.startsWith(`v${NODE_MAJOR}.`)) throw new Error(`${rel(bin)} is ${version}, not Node ${NODE_MAJOR}`);
	console.log(`✓ Node ${version}${cached ? ', cached' : ''} (${rel(bin)})`);
	return bin;
}

async function installN8n(node24) {
	const env = withNode24(node24);
	const installed = join(N8N_DIR, '.installed');
	const rebuilt = join(N8N_DIR, '.sqlite3-rebuilt');
	const cached = existsSync(installed) && existsSync(rebuilt);
	if (!existsSync(installed)) {
		step(`Installing n8n@${N8N_VERSION} into ${rel(N8N_DIR)} (a few minutes)`);
		rmSync(N8N_DIR, { recursive: true, force: true });
		mkdirSync(N8N_DIR, { recursive: true });
		writeFileSync(join(N8N_DIR, 'package.json'), '{ "private": true }\n');
		// --ignore-scripts: native builds such as isolated-vm's are not needed for this test.
		await mustRun('npm', ['install', `n8n@${N8N_VERSION}`, '--ignore-scripts', '--no-audit', '--no-fund'], {
			cwd: N8N_DIR,
			env,
			log: 'install-n8n.log',
			timeoutMs: 30 * 60_000,
		});
		writeFileSync(installed, new Date().toISOString());
	}
	// n8n's database driver is native: build it against Node 24's headers (shipped in the
	// node-<platform>-<arch> package), not the machine's Node 20 headers that ~/.npmrc's nodedir names.
	if (!existsSync(rebuilt)) {
		const headers = findNodeHeaders();
		step(`Building sqlite3 for Node ${NODE_MAJOR} (npm rebuild sqlite3, headers from ${rel(headers)})`);
		await mustRun('npm', ['rebuild', 'sqlite3', '--ignore-scripts=false', `--nodedir=${headers}`], {
			cwd: N8N_DIR,
			env,
			log: 'rebuild-sqlite3.log',
			timeoutMs: 20 * 60_000,
		});
		await mustRun(node24, ['-e', "new (require('sqlite3').Database)(':memory:').close()"], { cwd: N8N_DIR });
		writeFileSync(rebuilt, new Date().toISOString());
	}
	const bin = join(N8N_DIR, 'node_modules/n8n/bin/n8n');
	console.log(`✓ n8n ${N8N_VERSION}${cached ? ', cached' : ''} (${rel(bin)})`);
	return bin;
}

function findNodeHeaders() {
	const name = `node-${process.platform}-${process.arch}`;
	const candidates = [join(NODE_DIR, 'node_modules/node/node_modules', name), join(NODE_DIR, 'node_modules', name)];
	const found = candidates.find((dir) => existsSync(join(dir, 'include/node/node.h')));
	if (!found) throw new Error(`no Node ${NODE_MAJOR} headers (include/node/node.h) in ${candidates.map(rel).join(' or ')}`);
	return found;
}

// ── 2. The package, as users install it ────────────────────────────────────────────────────────

async function buildAndPack() {
	step('npm run build, npm pack');
	const build = await mustRun('npm', ['run', 'build'], { log: 'build.log' });
	console.log(`✓ ${build.stdout.trim().split('\n').at(-1)}`);
	const packed = await mustRun('npm', ['pack', '--json', `--pack-destination=${RUN_DIR}`], { log: 'pack.log' });
	const tarball = join(RUN_DIR, JSON.parse(packed.stdout)[0].filename);
	console.log(`✓ ${rel(tarball)}`);
	return tarball;
}

async function installPackage(node24, tarball) {
	// n8n loads community packages from <N8N_USER_FOLDER>/.n8n/nodes/node_modules. The folder
	// needs its own package.json, or npm would install into the nearest parent project: this repo.
	const nodesDir = join(RUN_DIR, '.n8n/nodes');
	mkdirSync(nodesDir, { recursive: true });
	writeFileSync(join(nodesDir, 'package.json'), '{ "name": "installed-nodes", "private": true }\n');
	step(`cd ${rel(nodesDir)} && npm install ${basename(tarball)}`);
	await mustRun('npm', ['install', tarball, '--no-audit', '--no-fund'], {
		cwd: nodesDir,
		env: withNode24(node24),
		log: 'install-package.log',
	});
	const name = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).name;
	const dir = join(nodesDir, 'node_modules', name);
	console.log(`✓ installed ${rel(dir)}`);
	return { name, dir };
}

/** Node and credential types, read from the installed package's dist with Node 24. */
async function readPackageTypes(node24, pkg) {
	const script = `
		const { join } = require('node:path');
		const dir = process.argv[1];
		const { n8n } = require(join(dir, 'package.json'));
		const instances = (file) => Object.values(require(join(dir, file)))
			.filter((value) => typeof value === 'function')
			.map((Type) => { try { return new Type(); } catch { return undefined; } })
			.filter(Boolean);
		const nodes = n8n.nodes.flatMap((file) => instances(file).filter((node) => node.description?.name).map((node) => {
			// A versioned node keeps the real description (and poll/trigger) per version.
			const current = node.nodeVersions ? node.nodeVersions[node.currentVersion] : node;
			return { file, name: node.description.name, displayName: node.description.displayName,
				version: node.description.defaultVersion ?? Math.max(...[].concat(current.description.version)),
				credentials: (current.description.credentials ?? []).map((c) => c.name),
				polling: Boolean(current.description.polling), trigger: Boolean(current.poll || current.trigger || current.webhook) };
		}));
		const credentials = n8n.credentials.flatMap((file) => instances(file).filter((c) => c.name && c.properties)
			.map((c) => ({ file, type: c.name, displayName: c.displayName })));
		console.log(JSON.stringify({ nodes, credentials }));`;
	// n8n-workflow comes from the peer dependency npm installed next to the package, else from n8n.
	const { stdout } = await mustRun(node24, ['-e', script, pkg.dir], {
		cwd: pkg.dir,
		env: { ...process.env, NODE_PATH: join(N8N_DIR, 'node_modules') },
	});
	const types = JSON.parse(stdout);
	for (const node of types.nodes) node.type = `${pkg.name}.${node.name}`;
	console.log(`  node types in package.json's n8n.nodes: ${types.nodes.map((n) => n.type).join(', ')}`);
	console.log(`  credential types: ${types.credentials.map((c) => c.type).join(', ')}`);
	if (!types.nodes.length) throw new Error('the built package declares no node types');
	return types;
}

// ── 3. The emulator ────────────────────────────────────────────────────────────────────────────

async function startEmulator() {
	step('Starting the Amazon emulator (scripts/test-n8n-emulator.ts)');
	const child = spawnTracked(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/test-n8n-emulator.ts')], {
		env: { ...process.env, EMULATOR_PORT: '0', EMULATOR_BIG_REPORTS: JSON.stringify(bigReportFixtures()) },
	});
	const line = await new Promise((resolve, reject) => {
		let out = '';
		let err = '';
		// The first run generates the big reports (a minute or two); later runs read them from .bench-cache/.
		const timer = setTimeout(() => reject(new Error(`the emulator printed nothing in 5 minutes\n${err}`)), 5 * 60_000);
		child.stdout.on('data', (chunk) => {
			out += chunk;
			if (out.includes('\n')) {
				clearTimeout(timer);
				resolve(out.slice(0, out.indexOf('\n')));
			}
		});
		child.stderr.on('data', (chunk) => (err += chunk));
		child.on('exit', (code) => reject(new Error(`the emulator exited (${code})\n${err}`)));
	});
	const emulator = JSON.parse(line);
	console.log(`✓ emulator on ${emulator.baseUrl}`);
	return emulator;
}

// ── 4. Example workflows, made to run headless ─────────────────────────────────────────────────

function prepareExample(file, index, packageName, types, credentials) {
	const original = JSON.parse(readFileSync(join(ROOT, 'examples', file), 'utf8'));
	const fed = new Set(
		Object.values(original.connections ?? {}).flatMap((outputs) =>
			Object.values(outputs)
				.flat(2)
				.map((connection) => connection?.node),
		),
	);
	const credentialIds = new Map(credentials.map((c) => [c.type, c]));
	const changes = [];
	let trigger;
	const nodes = original.nodes.map((node) => {
		const isStart = !fed.has(node.name);
		if (node.type.startsWith(`${packageName}.`)) {
			const known = types.nodes.find((t) => t.type === node.type);
			if (isStart && known?.trigger) trigger = node.name;
			// Point every credential slot (the example's, else the type's) at the imported credential.
			const slots = Object.keys(node.credentials ?? {});
			const creds = Object.fromEntries(
				(slots.length ? slots : (known?.credentials ?? [])).map((type) => [
					type,
					{ id: credentialIds.get(type)?.id ?? 'missing', name: credentialIds.get(type)?.name ?? type },
				]),
			);
			return { ...node, credentials: creds };
		}
		if (OFFLINE_NODES.has(node.type)) return node;
		const replacement = isStart ? 'n8n-nodes-base.manualTrigger' : 'n8n-nodes-base.noOp';
		changes.push(`${node.name} (${short(node.type)}) → ${short(replacement)}`);
		const { credentials: _c, webhookId: _w, ...rest } = node;
		return { ...rest, type: replacement, typeVersion: 1, parameters: {} };
	});
	const id = `testN8n${String(index + 1).padStart(2, '0')}`;
	const workflow = { ...original, id, name: `${original.name} [test:n8n]`, nodes, active: false, pinData: {} };
	const packageNodes = nodes.filter((node) => node.type.startsWith(`${packageName}.`));
	console.log(`  ${file}${changes.length ? `: ${changes.join(', ')}` : ''}${trigger ? ` (starts with the trigger "${trigger}")` : ''}`);
	return { file, name: file.replace(/\.json$/, ''), id, workflow, packageNodes, trigger };
}

/** A workflow for a node type no example uses: the node alone (a trigger) or after a Manual Trigger. */
function prepareDefaultsRun(type, index, credentials) {
	const node = {
		id: `defaults-${index}`,
		name: type.displayName,
		type: type.type,
		typeVersion: type.version,
		position: [220, 0],
		parameters: {},
		credentials: Object.fromEntries(
			type.credentials.map((name) => {
				const credential = credentials.find((c) => c.type === name);
				return [name, { id: credential?.id ?? 'missing', name: credential?.name ?? name }];
			}),
		),
	};
	const start = { id: `defaults-${index}-start`, name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} };
	const workflow = {
		id: `testN8n${String(index + 1).padStart(2, '0')}`,
		name: `${type.displayName} with default parameters [test:n8n]`,
		nodes: type.trigger ? [node] : [start, node],
		connections: type.trigger ? {} : { Start: { main: [[{ node: node.name, type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
		active: false,
	};
	console.log(`  ${type.type}: in no example, runs alone with its default parameters`);
	return {
		file: `defaults-${type.name}.json`,
		name: '(no example: defaults)',
		id: workflow.id,
		workflow,
		packageNodes: [node],
		trigger: type.trigger ? node.name : undefined,
		lenient: true,
	};
}

/** Manual Trigger → HTTP Request with each credential of the package, against the emulator. */
function prepareHttpRequestRuns(offset, credentials, baseUrl) {
	const calls = {
		amazonSellingPartnerApi: '/reports/2021-06-30/reports?reportTypes=GET_V2_SELLER_PERFORMANCE_REPORT&pageSize=5',
		amazonAppstoreReportingApi: '/api/appstore/download/report/sales/2025/01',
	};
	return credentials
		.filter((credential) => calls[credential.type])
		.map((credential, index) => {
			const node = {
				id: `http-${index}`,
				name: `HTTP Request (${credential.type})`,
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				position: [220, 0],
				parameters: {
					url: `${baseUrl}${calls[credential.type]}`,
					authentication: 'predefinedCredentialType',
					nodeCredentialType: credential.type,
					options: {},
				},
				credentials: { [credential.type]: { id: credential.id, name: credential.name } },
			};
			const start = { id: `http-${index}-start`, name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} };
			const id = `testN8n${String(offset + index + 1).padStart(2, '0')}`;
			console.log(`  HTTP Request node with ${credential.type}: ${calls[credential.type]}`);
			return {
				file: `http-request-${credential.type}.json`,
				name: '(HTTP Request node)',
				id,
				workflow: {
					id,
					name: `HTTP Request with ${credential.type} [test:n8n]`,
					nodes: [start, node],
					connections: { Start: { main: [[{ node: node.name, type: 'main', index: 0 }]] } },
					settings: { executionOrder: 'v1' },
					active: false,
				},
				packageNodes: [node],
			};
		});
}

function checkNodeTypes(types, loaded, packageName) {
	const missing = types.nodes.filter((node) => !loaded.has(node.type));
	for (const node of types.nodes) console.log(`  ${loaded.has(node.type) ? '✓' : '✗'} ${node.type}`);
	for (const node of missing) console.error(`✗ Unrecognized node type: n8n did not load ${node.type} (${node.file})`);
	// Example nodes that name a type of this package that n8n does not know (e.g. after a rename).
	const unknownInExamples = [];
	for (const file of readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.json'))) {
		for (const node of JSON.parse(readFileSync(join(ROOT, 'examples', file), 'utf8')).nodes) {
			if (node.type.startsWith(`${packageName}.`) && !loaded.has(node.type)) {
				unknownInExamples.push(node.type);
				console.error(`✗ Unrecognized node type: examples/${file} node "${node.name}" has type ${node.type}, which n8n does not know`);
			}
		}
	}
	return [...missing.map((node) => node.type), ...unknownInExamples];
}

/** One row per package node of the workflow: did it produce at least one item? */
function resultRows(example, run) {
	return example.packageNodes.map((node) => {
		if (run.loadedOnly && node.name === example.trigger) {
			return { workflow: example.name, node: `${node.name} (${short(node.type)})`, items: '', result: 'OK', note: 'trigger: checked by loading only' };
		}
		const runs = run.runData?.[node.name] ?? [];
		const items = runs.reduce((sum, r) => sum + (r.data?.main ?? []).reduce((s, output) => s + (output?.length ?? 0), 0), 0);
		const error = runs.find((r) => r.error)?.error?.message ?? (runs.length ? undefined : run.error);
		const how = node.name === example.trigger ? 'trigger, Fetch test event' : undefined;
		const ok = items > 0 && !error;
		return {
			workflow: example.name,
			node: `${node.name} (${short(node.type)})`,
			items,
			result: ok ? 'OK' : example.lenient && !/Unrecognized node type/.test(error ?? '') ? 'WARN' : 'FAIL',
			note: error ?? how ?? '',
		};
	});
}

// ── 7. Big reports ─────────────────────────────────────────────────────────────────────────────

const BIG_ROWS = Number(process.env.TEST_N8N_BIG_ROWS ?? 1_000_000);
const BIG_MONTH = '2025-03';
const MEASURE = process.env.TEST_N8N_MEASURE === '1';
// Raw items with the limit off, per report family, to measure what n8n saves (TEST_N8N_MEASURE=1).
const MEASURE_SALES = { '2024-01': 100_000, '2024-02': 200_000, '2024-03': 300_000, '2024-04': 500_000 };
const MEASURE_ORDERS = { GET_FLAT_FILE_ALL_ORDERS_DATA_BY_LAST_UPDATE_GENERAL: 100_000, GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL: 200_000 };
const MEASURE_JSON_ROWS = 100_000;
const PROBE_EVERY_MS = 200;
const PROBE_LIMIT_MS = 1_000;

/** The generated reports the emulator serves for the big runs (bench/fixtures.ts's lines, cached in .bench-cache/). */
function bigReportFixtures() {
	if (!BIG_ROWS && !MEASURE) return {};
	return {
		sales: { ...(BIG_ROWS ? { [BIG_MONTH]: BIG_ROWS } : {}), ...(MEASURE ? MEASURE_SALES : {}) },
		orders: MEASURE ? MEASURE_ORDERS : {},
		salesAndTraffic: MEASURE ? MEASURE_JSON_ROWS : 0,
	};
}

/** bench/fixtures.ts salesLine(i), as far as the checks need it: currency, refund, ASIN, day written. */
const salesLineFacts = (i) => ({
	currency: ['USD', 'EUR', 'GBP', 'JPY'][i % 4],
	refund: i % 17 === 0,
	asin: `B0${(1000 + (i % 40)).toString(36).toUpperCase()}BENCH`,
	day: `2025-03-${String((i % 28) + 1).padStart(2, '0')}`,
});

/** Each big run: the node's parameters and what its saved execution must show. */
function bigReportCases() {
	const cases = [];
	if (BIG_ROWS) {
		const month = { operation: 'getSalesReport', period: 'month', month: BIG_MONTH };
		// ASIN i % 40 = 8 and the 5th (i % 28 = 4) meet every 280 rows.
		const asin = salesLineFacts(8).asin;
		let kept = 0;
		const groups = new Set();
		let usdCents = 0;
		for (let i = 0; i < BIG_ROWS; i++) {
			const facts = salesLineFacts(i);
			if (facts.asin === asin && facts.day === '2025-03-05') kept++;
			groups.add(`${facts.day} ${facts.currency}`);
			if (facts.currency === 'USD') usdCents += facts.refund ? -349 : 349;
		}
		const rows = BIG_ROWS.toLocaleString('en-US');
		cases.push(
			{
				name: `Summary per Group (${rows} rows: day × currency)`,
				parameters: {
					...month,
					output: 'groups',
					groupBy: { field: [{ field: 'transactionTime', bucket: 'day' }, { field: 'marketplaceCurrency', bucket: 'value' }] },
					aggregations: { value: [{ op: 'sum', field: 'estimatedEarnings' }, { op: 'sum', field: 'units' }] },
				},
				check: (items) => {
					const counted = items.reduce((sum, item) => sum + item.json.count, 0);
					const usd = items.filter((item) => item.json.marketplaceCurrency === 'USD').reduce((sum, item) => sum + Math.round(item.json.sum_estimatedEarnings * 100), 0);
					if (items.length !== groups.size) return `${items.length} groups, expected ${groups.size}`;
					if (counted !== BIG_ROWS) return `the groups count ${counted} rows, expected ${BIG_ROWS}`;
					if (usd !== usdCents) return `USD earnings ${usd / 100}, expected ${usdCents / 100}`;
				},
			},
			{
				name: `Filter Rows (${rows} rows: one ASIN on one day)`,
				parameters: {
					...month,
					filterRows: {
						filter: {
							conditions: {
								condition: [
									{ field: 'asin', operator: 'equals', value: asin },
									{ field: 'transactionTime', operator: 'equals', value: '2025-03-05' },
								],
							},
						},
					},
				},
				check: (items) => {
					if (!kept || items.length !== kept) return `${items.length} items, expected ${kept}`;
					if (items.some((item) => item.json.asin !== asin || !String(item.json.transactionTime).startsWith('2025-03-05'))) return 'an item that does not match';
				},
			},
			{
				name: `File (CSV) (${rows} rows)`,
				parameters: { ...month, output: 'file' },
				check: async (items, api) => {
					const binary = items[0]?.binary?.data;
					if (items.length !== 1 || !binary) return 'no file item';
					if (items[0].json.rows !== BIG_ROWS) return `the file item says ${items[0].json.rows} rows`;
					// In n8n's binary store (filesystem by default), not in the execution's JSON.
					if (!binary.id || binary.data.length > 100) return `the file is in the execution's JSON (${binary.data.length} characters)`;
					const response = await api.raw(`/rest/binary-data?id=${encodeURIComponent(binary.id)}&action=download`);
					if (!response.ok) return `GET of the file: HTTP ${response.status}`;
					let lines = 0;
					let head = '';
					for await (const chunk of response.body) {
						if (head.length < 200) head += Buffer.from(chunk).toString('utf8', 0, 200);
						for (const byte of chunk) if (byte === 10) lines++;
					}
					if (!head.startsWith('reportMonth,marketplace,countryRegionCode,invoiceId,')) return `the file starts with ${head.slice(0, 60)}`;
					if (lines !== BIG_ROWS + 1) return `the file has ${lines} lines, expected ${BIG_ROWS + 1}`;
					return { note: `${binary.fileSize} in the binary store (${binary.id.split(':')[0]})` };
				},
			},
			{
				name: `Summary per Month (${rows} rows)`,
				parameters: { ...month, output: 'summary' },
				check: (items) => (items[0]?.json.transactions === BIG_ROWS ? undefined : `transactions: ${items[0]?.json.transactions}`),
			},
			{
				name: `One Item per Row (${rows} rows): the node's limit`,
				parameters: month,
				expectError: /has [\d,]+ rows: as items they would add about [\d,]+ MB/,
				checkError: (error) => {
					for (const way of ['Filter Rows', 'Summary per Group', 'File (CSV)', 'Max Items Size']) {
						if (!`${error.message} ${error.description}`.includes(way)) return `the error does not name ${way}`;
					}
					if (!error.message.includes(BIG_ROWS.toLocaleString('en-US'))) return `the error does not name the row count: ${error.message}`;
				},
			},
		);
	}
	if (MEASURE) {
		for (const [month, rows] of Object.entries(MEASURE_SALES)) {
			cases.push({ name: `measure: Appstore rows as items, limit off (${rows.toLocaleString('en-US')})`, measure: true, parameters: { operation: 'getSalesReport', period: 'month', month, options: { maxItemsMegabytes: 0 } } });
		}
		for (const [reportType, rows] of Object.entries(MEASURE_ORDERS)) {
			cases.push({
				name: `measure: orders rows as items, limit off (${rows.toLocaleString('en-US')})`,
				measure: true,
				selling: true,
				parameters: { resource: 'report', operation: 'get', reportType, marketplaceIds: ['ATVPDKIKX0DER'], options: { maxItemsMegabytes: 0, reuseWithinMinutes: 0 } },
			});
		}
		cases.push({
			name: `measure: Sales and Traffic (JSON) items, limit off (${MEASURE_JSON_ROWS.toLocaleString('en-US')} per-ASIN entries)`,
			measure: true,
			selling: true,
			parameters: { resource: 'report', operation: 'get', reportType: 'GET_SALES_AND_TRAFFIC_REPORT', marketplaceIds: ['ATVPDKIKX0DER'], options: { maxItemsMegabytes: 0, reuseWithinMinutes: 0 } },
		});
	}
	return cases;
}

/** Manual Trigger → the Appstore (or Selling Partner) node with each big case's parameters. */
function prepareBigReportRuns(offset, credentials, types) {
	return bigReportCases().map((big, index) => {
		const type = types.nodes.find((t) => t.name === (big.selling ? 'amazonSellingPartner' : 'amazonAppstore'));
		const credential = credentials.find((c) => c.type === type.credentials[0]);
		const node = {
			id: `big-${index}`,
			name: type.displayName,
			type: type.type,
			typeVersion: type.version,
			position: [220, 0],
			parameters: big.parameters,
			credentials: { [credential.type]: { id: credential.id, name: credential.name } },
		};
		const start = { id: `big-${index}-start`, name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} };
		const id = `testN8n${String(offset + index + 1).padStart(2, '0')}`;
		return {
			file: `big-report-${index + 1}.json`,
			name: `(big report) ${big.name}`,
			id,
			big,
			workflow: {
				id,
				name: `Big report: ${big.name} [test:n8n]`,
				nodes: [start, node],
				connections: { Start: { main: [[{ node: node.name, type: 'main', index: 0 }]] } },
				settings: { executionOrder: 'v1' },
				active: false,
			},
			packageNodes: [node],
		};
	});
}

/**
 * Runs one big case as the editor's "Execute workflow" does, probing /healthz every 200 ms until
 * the execution is saved; then opens it (GET) and checks it. One row of the table.
 */
async function runBigReport(api, base, pid, run, savedChars) {
	const { big } = run;
	const node = run.packageNodes[0].name;
	const probe = healthProbe(base, pid);
	const started = Date.now();
	let execution;
	try {
		const { data } = await api.post(`/rest/workflows/${run.id}/run`, { triggerToStartFrom: { name: 'Start' } });
		if (!data.executionId) throw new Error(`n8n did not start an execution: ${JSON.stringify(data)}`);
		execution = await waitForExecution(api, data.executionId, 15 * 60_000);
	} catch (error) {
		const health = await probe.stop();
		// A measurement past what n8n holds is a finding, not a failure of this package.
		return { workflow: run.name, node, items: '', result: big.measure ? 'WARN' : 'FAIL', note: `${error.message}; /healthz: ${health.text}` };
	}
	const seconds = ((Date.now() - started) / 1000).toFixed(1);
	const health = await probe.stop();
	// What n8n saved (its execution_data row): the REST API leaves out data above its display limit.
	const saved = await savedChars(execution.id);
	const savedMb = saved === undefined ? '?' : saved < 1048576 ? `${(saved / 1024).toFixed(1)} KB` : `${(saved / 1048576).toFixed(1)} MB`;
	if (execution.data === undefined || execution.data === null) console.log(`  (execution ${execution.id}: the REST API sent no data, as for a run above n8n's display limit)`);
	const parsed = parseFlatted(execution.data ?? '[{}]');
	const task = parsed?.resultData?.runData?.[node]?.[0];
	const items = task?.data?.main?.[0] ?? [];
	const error = parsed?.resultData?.error ?? task?.error;
	const facts = `${seconds} s, saved ${savedMb}, /healthz worst ${health.text}, n8n peak RSS ${health.peakRssMb} MB`;
	console.log(`  ${big.name}: ${execution.status}, ${items.length} items; ${facts}`);
	const row = (result, note) => ({ workflow: run.name, node, items: items.length, result, note: [note, facts].filter(Boolean).join('; ') });
	if (big.measure) return row(execution.status === 'success' ? 'INFO' : 'WARN', `status ${execution.status}${error ? `: ${error.message}` : ''}`);
	if (health.worstMs > PROBE_LIMIT_MS) return row('FAIL', `n8n did not answer /healthz within ${PROBE_LIMIT_MS} ms`);
	if (big.expectError) {
		if (execution.status !== 'error' || !error) return row('FAIL', `expected the node's error, got status ${execution.status}`);
		if (!big.expectError.test(error.message)) return row('FAIL', `error: ${error.message}`);
		const problem = big.checkError?.(error);
		return problem ? row('FAIL', problem) : row('OK', `stopped: ${error.message}`);
	}
	if (execution.status !== 'success' || error) return row('FAIL', `status ${execution.status}${error ? `: ${error.message}` : ''}`);
	const outcome = await big.check(items, api);
	if (typeof outcome === 'string') return row('FAIL', outcome);
	return row('OK', outcome?.note);
}

/** The length of an execution's saved data in n8n's SQLite database (read with n8n's own driver, on Node 24). */
async function savedExecutionChars(node24, executionId) {
	const script = `
		const sqlite3 = require('sqlite3');
		const db = new sqlite3.Database(process.argv[1], sqlite3.OPEN_READONLY);
		db.get('SELECT length(data) AS size FROM execution_data WHERE executionId = ?', [process.argv[2]], (error, row) => {
			console.log(JSON.stringify(error ? { error: error.message } : row ?? {}));
			db.close();
		});`;
	const result = await run(node24, ['-e', script, join(RUN_DIR, '.n8n/database.sqlite'), String(executionId)], { cwd: N8N_DIR });
	try {
		return JSON.parse(result.stdout.trim().split('\n').at(-1)).size;
	} catch {
		return undefined;
	}
}

/** /healthz every 200 ms, each answer timed (a late answer counts as late as it came); and n8n's RSS. */
function healthProbe(base, pid) {
	let worstMs = 0;
	let failures = 0;
	let failure = '';
	let peakRssMb = 0;
	const pending = new Set();
	const tick = () => {
		const sent = Date.now();
		const request = fetch(`${base}/healthz`, { signal: AbortSignal.timeout(60_000) })
			.then((response) => {
				if (!response.ok) throw new Error(`HTTP ${response.status}`);
				return response.arrayBuffer();
			})
			.catch((error) => {
				failures++;
				failure ||= `${error.cause?.code ?? error.name}: ${error.message} after ${Date.now() - sent} ms`;
			})
			.finally(() => {
				worstMs = Math.max(worstMs, Date.now() - sent);
				pending.delete(request);
			});
		pending.add(request);
		try {
			const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
			if (rss) peakRssMb = Math.max(peakRssMb, Math.round(Number(rss[1]) / 1024));
		} catch {
			// not Linux, or n8n gone
		}
	};
	tick();
	const timer = setInterval(tick, PROBE_EVERY_MS);
	return {
		async stop() {
			clearInterval(timer);
			await Promise.all(pending);
			const text = failures ? `${failures} probes unanswered (${failure}); the longest wait ${worstMs} ms` : `${worstMs} ms`;
			if (failures) worstMs = Number.POSITIVE_INFINITY;
			return { worstMs, peakRssMb, text };
		},
	};
}

// ── 5. n8n itself ──────────────────────────────────────────────────────────────────────────────

function makeN8n(node24, n8nBin) {
	const baseEnv = n8nEnv(node24);
	const n8n = (args, env = {}) => [node24, [n8nBin, ...args], { cwd: RUN_DIR, env: { ...baseEnv, ...env } }];
	// Every n8n process starts its own task broker: each gets a free port, so none clashes with another
	// n8n on this machine.
	const cli = async (log, args, timeoutMs = 5 * 60_000) => {
		const [cmd, argv, options] = n8n(args, { N8N_RUNNERS_BROKER_PORT: String(await freePort()) });
		return mustRun(cmd, argv, { ...options, log: `${log}.log`, timeoutMs });
	};
	return {
		cli,
		async loadedNodeTypes(packageName) {
			const file = join(RUN_DIR, 'nodes.json');
			await cli('export-nodes', ['export:nodes', `--output=${file}`]);
			const all = JSON.parse(readFileSync(file, 'utf8'));
			const names = new Set(all.map((node) => node.name));
			console.log(`  n8n loaded ${all.length} node types, ${[...names].filter((n) => n.startsWith(`${packageName}.`)).length} of them from ${packageName}`);
			return names;
		},
		async execute(example) {
			const [cmd, argv, options] = n8n(['execute', `--id=${example.id}`, '--rawOutput'], {
				N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			});
			const result = await run(cmd, argv, { ...options, log: `execute-${example.name}.log`, timeoutMs: 5 * 60_000 });
			const output = parseExecuteOutput(result.stdout);
			const error = output?.data?.resultData?.error?.message ?? (result.code === 0 ? undefined : lastErrorLine(result.stdout + result.stderr));
			console.log(`  ${error ? '✗' : '✓'} ${example.file}${error ? `: ${error}` : ''}`);
			return { runData: output?.data?.resultData?.runData, error };
		},
		async start() {
			const port = await freePort();
			const [cmd, argv, options] = n8n(['start'], {
				N8N_PORT: String(port),
				N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			});
			const child = spawnTracked(cmd, argv, options, 'n8n-start.log');
			const base = `http://127.0.0.1:${port}`;
			await waitUntilReady(child, base);
			console.log(`✓ n8n ready on ${base}`);
			const api = restClient(base);
			// A fresh instance has no owner: create one; the response carries the auth cookie.
			await api.post('/rest/owner/setup', { email: 'owner@example.com', firstName: 'Test', lastName: 'Owner', password: 'Test-n8n-password-1' });
			return {
				async credentialTypes() {
					const known = new Set((await api.get('/types/credentials.json')).map((c) => c.name));
					return known;
				},
				async testCredential(credential, expected = 'OK') {
					const { data } = await api.post('/rest/credentials/test', { credentials: credential });
					const label = expected === 'OK' ? 'credential test' : 'credential test with a wrong secret (to be refused)';
					console.log(`  ${data.status === expected ? '✓' : '✗'} ${label} ${credential.type}: ${data.status} ${data.message ?? ''}`);
					return data;
				},
				async runFromTrigger(example) {
					const { data } = await api.post(`/rest/workflows/${example.id}/run`, { triggerToStartFrom: { name: example.trigger } });
					if (data.waitingForWebhook) {
						// A webhook trigger waits for a call from outside: loading it is all this test can check.
						console.log(`  - ${example.file}: "${example.trigger}" waits for a webhook`);
						return { loadedOnly: true };
					}
					if (!data.executionId) return { error: `n8n did not start an execution: ${JSON.stringify(data)}` };
					const execution = await waitForExecution(api, data.executionId);
					const parsed = parseFlatted(execution.data);
					const error = parsed?.resultData?.error?.message ?? (execution.status === 'success' ? undefined : `status ${execution.status}`);
					console.log(`  ${error ? '✗' : '✓'} ${example.file} (manual run from "${example.trigger}", execution ${data.executionId})${error ? `: ${error}` : ''}`);
					return { runData: parsed?.resultData?.runData, error };
				},
				runBig: (run) => runBigReport(api, base, child.pid, run, (id) => savedExecutionChars(node24, id)),
				stop: () => stopChild(child),
			};
		},
	};
}

function n8nEnv(node24) {
	// Start from a clean slate: N8N_*, DB_*, EXECUTIONS_* etc. from the caller's shell could point this
	// n8n at a real database or another instance.
	const env = Object.fromEntries(
		Object.entries(withNode24(node24)).filter(([key]) => !/^(N8N_|DB_|EXECUTIONS_|QUEUE_|GENERIC_|WEBHOOK_URL)/.test(key)),
	);
	return {
		...env,
		N8N_USER_FOLDER: RUN_DIR,
		N8N_ENCRYPTION_KEY: 'test-n8n-fixed-encryption-key',
		DB_TYPE: 'sqlite',
		N8N_HOST: '127.0.0.1',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		// No phoning home: telemetry, version checks, templates, banners, license renewal, and the MCP
		// server registry (a module that fetches api.n8n.io at start-up).
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		N8N_AI_ENABLED: 'false',
		N8N_DISABLED_MODULES: 'mcp-registry',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		N8N_PYTHON_ENABLED: 'false',
		// `n8n execute --rawOutput` prints its result through the logger at level info: keep info.
		N8N_LOG_LEVEL: 'info',
		N8N_SECURE_COOKIE: 'false',
		EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS: 'true',
	};
}

async function waitUntilReady(child, base) {
	const deadline = Date.now() + 180_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`n8n start exited (${child.exitCode}); see ${rel(join(LOG_DIR, 'n8n-start.log'))}`);
		try {
			if ((await fetch(`${base}/healthz/readiness`)).ok) return;
		} catch {
			// not listening yet
		}
		await sleep(500);
	}
	throw new Error(`n8n start was not ready within 3 minutes; see ${rel(join(LOG_DIR, 'n8n-start.log'))}`);
}

async function waitForExecution(api, executionId, timeoutMs = 5 * 60_000) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const { data } = await api.get(`/rest/executions/${executionId}`);
		if (data && !['new', 'running', 'waiting'].includes(data.status)) return data;
		await sleep(500);
	}
	throw new Error(`execution ${executionId} did not finish within 5 minutes`);
}

function restClient(base) {
	let cookie = '';
	const raw = (path) => fetch(base + path, { headers: { 'browser-id': BROWSER_ID, ...(cookie ? { cookie } : {}) } });
	const call = async (method, path, body) => {
		const response = await fetch(base + path, {
			method,
			headers: { 'content-type': 'application/json', 'browser-id': BROWSER_ID, ...(cookie ? { cookie } : {}) },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const auth = response.headers.getSetCookie().find((c) => c.startsWith('n8n-auth='));
		if (auth) cookie = auth.split(';')[0];
		const text = await response.text();
		if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${text.slice(0, 500)}`);
		return text ? JSON.parse(text) : undefined;
	};
	return { get: (path) => call('GET', path), post: (path, body) => call('POST', path, body), raw };
}

/** `n8n execute --rawOutput` prints log lines, then the run as pretty JSON starting at a lone "{". */
function parseExecuteOutput(stdout) {
	const lines = stdout.split('\n');
	const start = lines.indexOf('{');
	const end = lines.lastIndexOf('}');
	if (start < 0 || end < start) return undefined;
	try {
		return JSON.parse(lines.slice(start, end + 1).join('\n'));
	} catch {
		return undefined;
	}
}

/** Execution data in n8n's REST API is serialized with `flatted`; use n8n's own copy. */
function parseFlatted(text) {
	const require = createRequire(join(N8N_DIR, 'node_modules/n8n/package.json'));
	return typeof text === 'string' ? require('flatted').parse(text) : text;
}

/** The message n8n printed under "Execution error:" (e.g. "Unrecognized node type: …"). */
function lastErrorLine(output) {
	const lines = output.split('\n').map((l) => l.trim());
	const unrecognized = lines.find((l) => l.startsWith('Unrecognized node type'));
	const afterSeparator = lines[lines.findIndex((l) => l.startsWith('====')) + 1];
	return unrecognized ?? afterSeparator ?? lines.filter((l) => l && !l.startsWith('at ')).at(-1) ?? 'n8n exited with an error';
}

/** Hosts n8n tried and failed to reach (this machine has no outside network): phoning home. */
function reportOutboundAttempts() {
	const hosts = new Set();
	for (const file of readdirSync(LOG_DIR).filter((f) => f.startsWith('execute') || f.startsWith('n8n') || f.startsWith('import') || f.startsWith('export'))) {
		for (const match of readFileSync(join(LOG_DIR, file), 'utf8').matchAll(/(?:ENOTFOUND|EAI_AGAIN) ([\w.-]+)/g)) hosts.add(match[1]);
	}
	if (hosts.size) console.log(`\n! n8n tried to reach: ${[...hosts].join(', ')} (see ${rel(LOG_DIR)})`);
}

// ── Output ─────────────────────────────────────────────────────────────────────────────────────

function printTable(rows) {
	const header = { workflow: 'workflow', node: 'node', items: 'items', result: 'result' };
	const lines = rows.map((row) => ({
		workflow: row.workflow,
		node: row.node,
		items: String(row.items),
		result: `${row.result}${row.note ? ` (${row.note})` : ''}`,
	}));
	const width = (key) => Math.max(header[key].length, ...lines.map((l) => l[key].length));
	const format = (l) => `${l.workflow.padEnd(width('workflow'))}  ${l.node.padEnd(width('node'))}  ${l.items.padStart(width('items'))}  ${l.result}`;
	console.log(`\n${format(header)}\n${'─'.repeat(format(header).length + 10)}`);
	for (const line of lines) console.log(format(line));
}

function step(message) {
	console.log(`\n▶ ${message}  [${seconds(Date.now() - started)}]`);
}

// ── Processes ──────────────────────────────────────────────────────────────────────────────────

function withNode24(node24) {
	// Node 24 first on PATH: npm (#!/usr/bin/env node), node-gyp and n8n's task runner then use it.
	return { ...process.env, PATH: `${dirname(node24)}:${process.env.PATH}` };
}

function spawnTracked(cmd, args, options = {}, log) {
	// Own process group, so stopping n8n also stops the task runner it spawns.
	const child = spawn(cmd, args, { cwd: ROOT, ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
	children.add(child);
	child.on('exit', () => children.delete(child));
	if (log) {
		mkdirSync(LOG_DIR, { recursive: true });
		const file = join(LOG_DIR, log);
		writeFileSync(file, `$ ${cmd} ${args.join(' ')}\n`);
		const append = (chunk) => writeFileSync(file, chunk, { flag: 'a' });
		child.stdout.on('data', append);
		child.stderr.on('data', append);
	}
	return child;
}

function run(cmd, args, { cwd = ROOT, env = process.env, log, timeoutMs = 15 * 60_000 } = {}) {
	return new Promise((resolve, reject) => {
		const child = spawnTracked(cmd, args, { cwd, env });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => (stdout += chunk));
		child.stderr.on('data', (chunk) => (stderr += chunk));
		const timer = setTimeout(() => void stopChild(child), timeoutMs);
		child.on('error', reject);
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			if (log) {
				mkdirSync(LOG_DIR, { recursive: true });
				writeFileSync(join(LOG_DIR, log), `$ ${cmd} ${args.join(' ')}\n(cwd ${cwd}, exit ${code ?? signal})\n${stdout}\n${stderr}`);
			}
			resolve({ code: code ?? 1, stdout, stderr });
		});
	});
}

async function mustRun(cmd, args, options = {}) {
	const result = await run(cmd, args, options);
	if (result.code !== 0) {
		const tail = (result.stdout + result.stderr).trim().split('\n').slice(-25).join('\n');
		throw new Error(`${cmd} ${args.join(' ')} failed (exit ${result.code})${options.log ? `; log: ${rel(join(LOG_DIR, options.log))}` : ''}\n${tail}`);
	}
	return result;
}

async function stopChild(child) {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((resolve) => child.once('exit', resolve));
	const signal = (name) => {
		try {
			process.kill(-child.pid, name);
		} catch {
			// already gone
		}
	};
	signal('SIGTERM');
	const timer = setTimeout(() => signal('SIGKILL'), 20_000);
	await exited;
	clearTimeout(timer);
}

async function stopAll() {
	await Promise.all([...children].map(stopChild));
}

function freePort() {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

function writeJson(name, value) {
	const file = join(RUN_DIR, name);
	mkdirSync(dirname(file), { recursive: true });
	writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
	return file;
}

function sleep(ms) {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

function rel(path) {
	return relative(ROOT, path) || '.';
}

/** `n8n-nodes-base.slack` → `slack` */
function short(type) {
	return type.slice(type.lastIndexOf('.') + 1);
}

function seconds(ms) {
	return `${(ms / 1000).toFixed(0)} s`;
}
