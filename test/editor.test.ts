// The node descriptions read the way n8n's editor reads them, from the built package: every
// displayOptions names a parameter and values that exist, defaults fit their type and options,
// options are sorted, loaded lists are named "… Names or IDs", triggers say "Trigger On",
// documentation links lead to pages that exist. Also: the report registry's index and the
// README's report table are current.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';

import type { ICredentialType, INodeProperties, INodePropertyCollection, INodePropertyOptions, INodeType } from 'n8n-workflow';

import { allReportTypeInfos } from '../nodes/AmazonSellingPartner/reports/registry';
import { reportPeriod } from '../nodes/AmazonSellingPartner/schedulePeriods';
import { CATALOGUE_DOCUMENT, catalogueDocument, GENERATED_TABLES, generatedBlock } from '../scripts/docs';
import { loadOptions, loadPackage, PACKAGE_DIR } from './harness/engine';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { registryIndex, REGISTRIES } = require('../scripts/registry.mjs') as {
	registryIndex: (registry: { folder: string }) => string;
	REGISTRIES: { folder: string }[];
};

const REPOSITORY_DOCS = 'https://github.com/n8n-nodes-amazon-reports/n8n-nodes-amazon-reports/blob/main/';

async function nodeTypes(): Promise<INodeType[]> {
	const { loader } = await loadPackage();
	return Object.values(loader.nodeTypes).map(({ type }) => type as INodeType);
}

async function credentialTypes(): Promise<ICredentialType[]> {
	const { loader } = await loadPackage();
	return Object.values(loader.credentialTypes).map(({ type }) => type);
}

const isOption = (value: unknown): value is INodePropertyOptions => typeof value === 'object' && value !== null && 'value' in value;

/** The values a parameter can take: its options, or, for the Report Type picker, every known report type. */
function valuesOf(parameter: INodeProperties): unknown[] {
	if (parameter.type === 'boolean') return [true, false];
	if (parameter.type === 'resourceLocator' && parameter.name === 'reportType') return allReportTypeInfos().map((info) => info.reportType);
	return (parameter.options ?? []).filter(isOption).map((option) => option.value);
}

/** A schedule period's length in days (a calendar month as its average), to check the periods run shortest first. */
const periodDays = (value: unknown) => {
	const period = reportPeriod(String(value));
	return period?.ms === undefined ? 30.44 : period.ms / 86_400_000;
};

/** Every parameter with the list it sits in (its siblings), depth first. */
function* parameters(list: INodeProperties[], path = ''): Iterable<{ parameter: INodeProperties; siblings: INodeProperties[]; path: string }> {
	for (const parameter of list) {
		// n8n adds Poll Times to every polling trigger: its parameter, not the package's.
		if (parameter.name === 'pollTimes') continue;
		yield { parameter, siblings: list, path: `${path}${parameter.name}` };
		if (parameter.type === 'collection' && Array.isArray(parameter.options)) {
			yield* parameters(parameter.options as INodeProperties[], `${path}${parameter.name}.`);
		}
		if (parameter.type === 'fixedCollection' && Array.isArray(parameter.options)) {
			for (const group of parameter.options as INodePropertyCollection[]) yield* parameters(group.values, `${path}${parameter.name}.${group.name}.`);
		}
	}
}

function checkDefault(parameter: INodeProperties, where: string): void {
	const { type } = parameter;
	const value = parameter.default;
	if (type === 'notice' || type === 'hidden') return;
	if (type === 'boolean') assert.equal(typeof value, 'boolean', `${where}: a boolean default`);
	if (type === 'number') assert.equal(typeof value, 'number', `${where}: a number default`);
	if (type === 'string' || type === 'dateTime') assert.equal(typeof value, 'string', `${where}: a text default`);
	if (type === 'collection' || type === 'fixedCollection') assert.deepEqual(typeof value, 'object', `${where}: an object default`);
	if (type === 'options' && !parameter.typeOptions?.loadOptionsMethod) {
		const values = (parameter.options ?? []).filter(isOption).map((option) => option.value);
		assert.ok(values.includes(value as string), `${where}: default "${String(value)}" is one of its options`);
	}
	if (type === 'multiOptions') {
		assert.ok(Array.isArray(value), `${where}: a list default`);
		if (!parameter.typeOptions?.loadOptionsMethod) {
			const values = (parameter.options ?? []).filter(isOption).map((option) => option.value);
			for (const entry of value as unknown[]) assert.ok(values.includes(entry as string), `${where}: default "${String(entry)}" is one of its options`);
		}
	}
	if (type === 'number' && parameter.typeOptions?.minValue !== undefined) {
		assert.ok((value as number) >= (parameter.typeOptions.minValue as number), `${where}: default within its minimum`);
	}
}

describe('node descriptions, as the editor reads them', () => {
	test('every displayOptions names an existing parameter and values it can take', async () => {
		for (const node of await nodeTypes()) {
			const root = node.description.properties;
			for (const { parameter, siblings, path } of parameters(root)) {
				for (const kind of ['show', 'hide'] as const) {
					for (const [name, values] of Object.entries(parameter.displayOptions?.[kind] ?? {})) {
						const where = `${node.description.name} ${path} ${kind}.${name}`;
						const target = name.startsWith('/') ? root.filter((candidate) => candidate.name === name.slice(1)) : siblings.filter((candidate) => candidate.name === name);
						assert.ok(target.length, `${where}: no parameter "${name}"`);
						const allowed = new Set(target.flatMap(valuesOf));
						for (const value of values as unknown[]) assert.ok(allowed.has(value as string), `${where}: "${String(value)}" is not a value of "${name}"`);
					}
				}
			}
		}
	});

	test('defaults are valid for their type and options', async () => {
		for (const node of await nodeTypes()) {
			for (const { parameter, path } of parameters(node.description.properties)) checkDefault(parameter, `${node.description.name} ${path}`);
		}
		for (const credential of await credentialTypes()) {
			for (const { parameter, path } of parameters(credential.properties)) checkDefault(parameter, `${credential.name} ${path}`);
		}
	});

	test('options are in alphabetical order; schedule periods shortest first', async () => {
		for (const node of await nodeTypes()) {
			for (const { parameter, path } of parameters(node.description.properties)) {
				if (parameter.type !== 'options' && parameter.type !== 'multiOptions') continue;
				const options = (parameter.options ?? []).filter(isOption);
				// Periods read by length, as n8n's Schedule Trigger orders its intervals: sorted by name
				// "Every 12 Hours" would come before "Every 5 Minutes".
				if (options.length && options.every((option) => reportPeriod(String(option.value)))) {
					const days = options.map((option) => periodDays(option.value));
					assert.deepEqual(days, [...days].sort((a, b) => a - b), `${node.description.name} ${path}: shortest first`);
					continue;
				}
				const names = options.map((option) => option.name);
				assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b)), `${node.description.name} ${path}`);
			}
			for (const { parameter, path } of parameters(node.description.properties)) {
				if (parameter.type !== 'collection') continue;
				const names = (parameter.options as INodeProperties[]).map((option) => option.displayName);
				assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b)), `${node.description.name} ${path}: collection options`);
			}
		}
	});

	test('loaded lists are "… Names or IDs" (or "… Name or ID"); triggers say "Trigger On"; a subtitle and an icon', async () => {
		for (const node of await nodeTypes()) {
			const { description } = node;
			for (const { parameter, path } of parameters(description.properties)) {
				if (!parameter.typeOptions?.loadOptionsMethod) continue;
				// n8n's lint: a loaded list is "… Names or IDs" (several) or "… Name or ID" (one).
				const several = parameter.type === 'multiOptions';
				assert.match(parameter.displayName, several ? /Names or IDs$/ : /Name or ID$/, `${description.name} ${path}`);
				const ending = several ? 'specify IDs' : 'specify an ID';
				assert.ok(
					String(parameter.description).endsWith(`Choose from the list, or ${ending} using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`) ||
						String(parameter.description).endsWith(`Choose from the list, or ${ending} using an <a href="https://docs.n8n.io/code/expressions/">expression</a>`),
					`${description.name} ${path}: ${parameter.description}`,
				);
				assert.ok(node.methods?.loadOptions?.[parameter.typeOptions.loadOptionsMethod as string], `${description.name}: ${parameter.typeOptions.loadOptionsMethod} exists`);
			}
			if (description.polling) {
				const event = description.properties.find((parameter) => parameter.name === 'event');
				assert.equal(event?.displayName, 'Trigger On', description.name);
			}
			assert.ok(description.subtitle, `${description.name} has a subtitle`);
			assert.ok(description.iconUrl ?? description.icon, `${description.name} has an icon`);
		}
	});

	test('the subtitle names every operation of every resource, every report type and every analytics query in Title Case', async () => {
		const node = (await nodeTypes()).find((type) => type.description.name === 'amazonSellingPartner') as INodeType;
		const subtitle = String(node.description.subtitle);
		const resources = (node.description.properties.find((parameter) => parameter.name === 'resource')?.options ?? []).filter(isOption);
		assert.ok(resources.length > 1);
		for (const resource of resources) {
			const operation = node.description.properties.find(
				(parameter) => parameter.name === 'operation' && parameter.displayOptions?.show?.resource?.includes(resource.value),
			) as INodeProperties;
			for (const option of (operation.options ?? []).filter(isOption)) {
				const key = `${String(resource.value)}:${String(option.value)}`;
				assert.ok(subtitle.includes(`"${key}":`), `subtitle knows ${key}`);
			}
		}
		for (const info of allReportTypeInfos()) {
			assert.ok(subtitle.includes(`${JSON.stringify(info.reportType)}:${JSON.stringify(info.name)}`), `subtitle names ${info.reportType}`);
			assert.match(info.name, /^[A-Z0-9(]/, `${info.name} in Title Case`);
		}
		const query = node.description.properties.find((candidate) => candidate.name === 'query') as INodeProperties;
		for (const option of (query.options ?? []).filter(isOption)) {
			assert.ok(subtitle.includes(`"${String(option.value)}":"${option.name}"`), `subtitle names ${String(option.value)}`);
			assert.match(option.name, /^[A-Z0-9(]/, `${option.name} in Title Case`);
		}
	});

	test('a trigger and its node pair up in the node picker: the trigger is the node’s type name + "Trigger"', async () => {
		const names = (await nodeTypes()).map((type) => type.description.name);
		for (const name of names.filter((candidate) => candidate.endsWith('Trigger'))) {
			assert.ok(names.includes(name.replace(/Trigger$/, '')), `${name} has its node`);
		}
	});

	test('documentation links lead to pages of the repository that exist (n8n appends a query string: no #anchors)', async () => {
		const urls: string[] = [];
		for (const node of await nodeTypes()) urls.push(String(node.description.documentationUrl));
		const { loader } = await loadPackage();
		for (const { sourcePath } of Object.values(loader.nodeTypes)) {
			const codex = JSON.parse(readFileSync(sourcePath.replace(/\.js$/, '.json'), 'utf8')) as { resources: { primaryDocumentation: Array<{ url: string }> } };
			urls.push(...codex.resources.primaryDocumentation.map((entry) => entry.url));
		}
		for (const url of urls) {
			assert.ok(url.startsWith(REPOSITORY_DOCS), url);
			assert.ok(!url.includes('#'), `${url}: an anchor is lost to n8n's query string`);
			assert.ok(existsSync(join(PACKAGE_DIR, url.slice(REPOSITORY_DOCS.length))), `${url} exists in the repository`);
		}
	});

	test('credentials: secrets hidden, a test, and usable from the HTTP Request node', async () => {
		for (const credential of await credentialTypes()) {
			for (const name of ['clientSecret', 'refreshToken', 'accessToken']) {
				const secret = credential.properties.find((parameter) => parameter.name === name);
				if (secret) assert.equal(secret.typeOptions?.password, true, `${credential.name}.${name} is a password field`);
			}
			const token = credential.properties.find((parameter) => parameter.name === 'accessToken');
			assert.equal(token?.type, 'hidden');
			assert.equal(token?.typeOptions?.expirable, true, `${credential.name}: an expirable token for preAuthentication`);
			assert.equal(typeof credential.preAuthentication, 'function');
			assert.ok(credential.authenticate && JSON.stringify(credential.authenticate).includes('$credentials.accessToken'));
			assert.ok(credential.test?.request, `${credential.name} has a test request`);
			assert.ok(credential.documentationUrl);
		}
		const appstore = (await credentialTypes()).find((credential) => credential.name === 'amazonAppstoreReportingApi');
		assert.equal(appstore?.properties.find((parameter) => parameter.name === 'scope')?.type, 'hidden', 'the fixed scope is not an editable field');
	});
});

describe('the output stage in the editor: Filter Rows, files, summaries, the item limit', () => {
	const byName = (list: INodeProperties[], name: string) => list.find((parameter) => parameter.name === name) as INodeProperties;
	const names = (parameter: INodeProperties) => (parameter.options ?? []).filter(isOption).map((option) => option.value);
	const shownFor = (parameter: INodeProperties) => parameter.displayOptions?.show ?? {};
	const optionsOf = (list: INodeProperties[]) => (byName(list, 'options').options as INodeProperties[]).map((option) => option.name);

	test('every node that reads a report’s rows offers Filter Rows, a file, a summary per group and the limit', async () => {
		const nodes = Object.fromEntries((await nodeTypes()).map((type) => [type.description.name, type.description.properties]));
		const sellingPartner = nodes.amazonSellingPartner;
		const rowsAs = sellingPartner.filter((parameter) => parameter.name === 'returnRowsAs');
		assert.deepEqual(
			rowsAs.map((parameter) => [shownFor(parameter).resource, shownFor(parameter).operation]),
			[
				[['report'], ['get']],
				[['report'], ['download']],
				[['analyticsQuery'], ['run']],
				[['analyticsQuery'], ['download']],
			],
			'reports: Get and Download; analytics queries: Run and Download',
		);
		for (const parameter of rowsAs) {
			assert.deepEqual(names(parameter), ['file', 'items', 'summary']);
			assert.equal(parameter.default, 'items');
		}
		const shownIn = (resource: string, operation: string) =>
			sellingPartner.filter((parameter) => (shownFor(parameter).resource as string[] | undefined)?.includes(resource) && (shownFor(parameter).operation as string[] | undefined)?.includes(operation));
		for (const [resource, operation] of [
			['report', 'get'],
			['report', 'download'],
			['analyticsQuery', 'run'],
			['analyticsQuery', 'download'],
		]) {
			const shown = shownIn(resource, operation);
			const where = `${resource} ${operation}`;
			assert.ok(byName(shown, 'filterRows'), `${where}: Filter Rows`);
			assert.deepEqual(shownFor(byName(shown, 'groupBy')).returnRowsAs, ['summary'], `${where}: group fields only for a summary`);
			assert.deepEqual(shownFor(byName(shown, 'aggregations')).returnRowsAs, ['summary']);
			for (const option of ['maxItemsMegabytes', 'maxGroups', 'fileField']) assert.ok(optionsOf(shown).includes(option), `${where}: ${option}`);
			// One definition, shared: the same choices, descriptions and hint wherever rows are read.
			const withoutDisplay = (parameter: INodeProperties) => ({ ...parameter, displayOptions: undefined });
			assert.deepEqual(withoutDisplay(byName(shown, 'returnRowsAs')), withoutDisplay(byName(shownIn('report', 'get'), 'returnRowsAs')), `${where}: Return Rows As`);
		}
		// A summary or a file is of the whole result: Return All and Limit count items only.
		for (const operation of ['run', 'download']) {
			const shown = shownIn('analyticsQuery', operation);
			assert.deepEqual(shownFor(byName(shown, 'returnAll')).returnRowsAs, ['items'], `analytics ${operation}: Return All for items`);
			assert.deepEqual(shownFor(byName(shown, 'limit')), { resource: ['analyticsQuery'], operation: [operation], returnAll: [false], returnRowsAs: ['items'] });
		}
		const trigger = nodes.amazonSellingPartnerTrigger;
		for (const name of ['returnRowsAs', 'filterRows', 'groupBy', 'aggregations']) assert.deepEqual(shownFor(byName(trigger, name)).event, ['reportReady'], `trigger ${name}`);
		for (const option of ['maxItemsMegabytes', 'maxGroups', 'fileField']) assert.ok(optionsOf(trigger).includes(option), `trigger: ${option}`);
		const appstore = nodes.amazonAppstore;
		assert.deepEqual(names(byName(appstore, 'output')), ['file', 'month', 'rows', 'groups', 'summary']);
		assert.deepEqual(shownFor(byName(appstore, 'groupBy')).output, ['groups']);
		assert.ok(byName(appstore, 'filterRows'));
		for (const option of ['maxItemsMegabytes', 'maxGroups', 'fileField']) assert.ok(optionsOf(appstore).includes(option), `appstore: ${option}`);
	});

	test('the ways out are explained where they are chosen: hints, descriptions, the limit’s default', async () => {
		for (const type of await nodeTypes()) {
			for (const { parameter, path } of parameters(type.description.properties)) {
				const where = `${type.description.name} ${path}`;
				if (['returnRowsAs', 'filterRows', 'groupBy'].includes(parameter.name) || (parameter.name === 'output' && type.description.name === 'amazonAppstore')) {
					assert.ok(String(parameter.hint ?? '').length > 40, `${where} has a hint`);
				}
				if (parameter.name === 'maxItemsMegabytes') {
					assert.ok((parameter.default as number) > 0, where);
					assert.match(String(parameter.description), /0: no limit/, where);
				}
				if (parameter.name === 'operator') assert.ok((parameter.options ?? []).filter(isOption).every((option) => option.description), `${where}: every operator says what it does`);
			}
		}
	});

	test('field pickers list the report’s (or analytics query’s) typed fields, loaded when the report type, operation or query, or Simplify changes', async () => {
		let queryPickers = 0;
		for (const type of await nodeTypes()) {
			for (const top of type.description.properties) {
				const analytics = (top.displayOptions?.show?.resource as string[] | undefined)?.includes('analyticsQuery') === true;
				for (const { parameter, path } of parameters([top])) {
					if (parameter.name !== 'field' || parameter.type !== 'options') continue;
					const where = `${type.description.name} ${path}`;
					assert.equal(parameter.typeOptions?.loadOptionsMethod, analytics ? 'getQueryFields' : 'getReportFields', where);
					const dependsOn = parameter.typeOptions?.loadOptionsDependsOn as string[];
					assert.ok(dependsOn.includes('simplify'), where);
					if (analytics) assert.deepEqual(dependsOn, ['query', 'simplify', 'options.includeB2b'], where);
					if (analytics) queryPickers++;
				}
			}
		}
		assert.equal(queryPickers, 6, 'Run and Download: group by, summarize, filter');
		const orders = await loadOptions('n8n-nodes-amazon-reports.amazonSellingPartner', 'getReportFields', {
			reportType: 'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL',
			simplify: true,
		});
		const itemPrice = orders.find((option) => option.value === 'itemPrice');
		assert.match(String(itemPrice?.description), /^Number; Amazon’s column “item-price”$/);
		assert.deepEqual(
			orders.map((option) => option.name),
			[...orders.map((option) => option.name)].sort((a, b) => a.localeCompare(b)),
		);
		const raw = await loadOptions('n8n-nodes-amazon-reports.amazonSellingPartner', 'getReportFields', { reportType: 'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL', simplify: false });
		assert.ok(raw.some((option) => option.value === 'item-price'), 'Simplify off: Amazon’s column names');
		const json = await loadOptions('n8n-nodes-amazon-reports.amazonSellingPartner', 'getReportFields', { reportType: 'GET_SALES_AND_TRAFFIC_REPORT', simplify: true });
		assert.ok(json.some((option) => option.value === 'list') && json.length > 10, 'a JSON report: the fields its sample shapes');
		const appstore = await loadOptions('n8n-nodes-amazon-reports.amazonAppstore', 'getReportFields', { operation: 'getSalesReport', simplify: true });
		for (const key of ['reportMonth', 'transactionTime', 'estimatedEarnings', 'marketplaceCurrency']) assert.ok(appstore.some((option) => option.value === key), key);
		assert.deepEqual(await loadOptions('n8n-nodes-amazon-reports.amazonSellingPartner', 'getReportFields', { reportType: 'GET_SOMETHING_ELSE', simplify: true }), []);
	});
});

describe('generated files are current', () => {
	test('each report registry index lists every *.report.ts file of its folder', () => {
		assert.equal(REGISTRIES.length, 2, 'Selling Partner and Appstore');
		for (const registry of REGISTRIES) {
			const index = readFileSync(join(registry.folder, 'index.ts'), 'utf8');
			assert.equal(index, registryIndex(registry), `${registry.folder}: run npm run build`);
		}
	});

	test('the README and the docs show the registries’ tables', () => {
		for (const table of GENERATED_TABLES) {
			for (const file of table.files) {
				assert.ok(readFileSync(join(PACKAGE_DIR, file), 'utf8').includes(generatedBlock(table)), `${file} (${table.name}): run npm run docs`);
			}
		}
	});

	test('docs/report-types.md lists the catalogue', () => {
		assert.equal(readFileSync(join(PACKAGE_DIR, CATALOGUE_DOCUMENT), 'utf8'), catalogueDocument(), 'run npm run docs');
	});
});
