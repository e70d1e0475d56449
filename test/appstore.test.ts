// The Amazon Appstore node, run in n8n-core's engine against the built-in Amazon emulator.
import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';

import { unzipSync } from 'fflate';

import { EMULATOR_APPSTORE_CLIENT } from '../emulator';
import { generateSalesReport } from '../emulator/fixtures/appstore-sales';
import { generateSubscriptionReport } from '../emulator/fixtures/appstore-subscription';
import { buildZip } from '../emulator/zip';
import { allAppstoreReportTypes, operationFor } from '../nodes/AmazonAppstore/reports/registry';
import type { IDataObject } from 'n8n-workflow';

import { APPSTORE as NODE, APPSTORE_CREDENTIAL as CREDENTIAL, credentialsFor, monthsAgo, useEmulator } from './harness/amazon';
import { runNode, testCredential } from './harness/engine';

const emulatorNow = useEmulator();
let emulator = emulatorNow();
beforeEach(() => {
	emulator = emulatorNow();
});

function credentials(overrides: Record<string, string> = {}) {
	return { [CREDENTIAL]: credentialsFor(emulator, { [CREDENTIAL]: overrides })[CREDENTIAL] };
}

async function run(parameters: IDataObject, extra: Partial<Parameters<typeof runNode>[0]> = {}) {
	return await runNode({ type: NODE, parameters, credentials: credentials(), ...extra });
}

const apiCalls = (kind = 'sales') =>
	emulator.requests.filter((r) => r.path.startsWith(`/api/appstore/download/report/${kind}/`));
const s3Calls = () => emulator.requests.filter((r) => r.path.startsWith('/s3/'));

describe('Get Sales Report', () => {
	test('gives one typed item per row, equal to what the file was written from', async () => {
		const month = '2025-03';
		const truth = generateSalesReport(month).rows;
		const { items, error } = await run({ operation: 'getSalesReport', period: 'month', month });
		assert.equal(error, undefined);
		assert.equal(items.length, truth.length);
		items.forEach((item, index) => {
			const expected = truth[index];
			const { extra, ...fields } = expected as typeof expected & { extra?: Record<string, unknown> };
			assert.deepEqual(item.json, { reportMonth: month, ...fields, ...camelExtra(extra) }, `row ${index}`);
			assert.deepEqual(item.pairedItem, { item: 0 });
		});
	});

	test('reads both header spellings, every date form, BOMs and extra columns into the same keys', async () => {
		for (const month of ['2019-06', '2020-11', '2022-05', '2024-02']) {
			const truth = generateSalesReport(month).rows;
			const { items, error } = await run({ operation: 'getSalesReport', period: 'month', month });
			assert.equal(error, undefined, month);
			assert.equal(items.length, truth.length, month);
			items.forEach((item, index) => {
				assert.equal(item.json.transactionId, truth[index].transactionId, `${month} row ${index}`);
				assert.equal(item.json.transactionTime, truth[index].transactionTime, `${month} row ${index}`);
				assert.equal(item.json.transactionTimeRaw, truth[index].transactionTimeRaw, `${month} row ${index}`);
				assert.equal(item.json.estimatedEarnings, truth[index].estimatedEarnings, `${month} row ${index}`);
				assert.equal(item.json.title, truth[index].title, `${month} row ${index}`);
			});
			const firstKey = Object.keys(items[0].json)[1];
			assert.equal(firstKey, 'marketplace', `${month}: no BOM left in the first key`);
		}
	});

	test('keeps refunds negative, adjustments boolean, test ASINs null and non-ASCII titles intact', async () => {
		const { items } = await run({ operation: 'getSalesReport', period: 'month', month: '2025-03' });
		const refunds = items.filter((item) => item.json.transactionType === 'Refund');
		assert.ok(refunds.length > 0, 'the month has refunds');
		assert.ok(refunds.some((item) => (item.json.estimatedEarnings as number) < 0));
		assert.ok(items.every((item) => [true, false, null].includes(item.json.adjustment as boolean | null)));
		assert.ok(items.some((item) => item.json.title === null && item.json.itemName === null));
		assert.ok(items.some((item) => /[äöüß]/.test(String(item.json.title))), 'German title');
		assert.ok(items.some((item) => /[\u3040-\u30ff\u4e00-\u9faf]/.test(String(item.json.title))), 'Japanese title');
	});

	test('downloads from S3 without the Authorization header', async () => {
		await run({ operation: 'getSalesReport', period: 'month', month: '2025-01' });
		assert.equal(s3Calls().length, 1);
		assert.equal(s3Calls()[0].headers.authorization, undefined);
		assert.match(String(apiCalls()[0].headers.authorization), /^Bearer Atc\|/);
	});

	test('defaults to the last complete month', async () => {
		const { items, error } = await run({ operation: 'getSalesReport' });
		assert.equal(error, undefined);
		assert.ok(items.length > 0);
		assert.ok(items.every((item) => item.json.reportMonth === monthsAgo(1)));
	});

	test('current and previous month gives both months', async () => {
		const { items } = await run({ operation: 'getSalesReport', period: 'currentAndPreviousMonth' });
		const months = new Set(items.map((item) => item.json.reportMonth));
		assert.deepEqual([...months].sort(), [monthsAgo(1), monthsAgo(0)].sort());
	});

	test('a range is fetched month by month, paced under 3 requests per second', async () => {
		const { items, error } = await run({
			operation: 'getSalesReport',
			period: 'range',
			startMonth: '2024-01',
			endMonth: '2024-08',
		});
		assert.equal(error, undefined);
		const months = [...new Set(items.map((item) => item.json.reportMonth))];
		assert.deepEqual(months, ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06', '2024-07', '2024-08']);
		assert.equal(emulator.appstore.rateLimited, 0, 'never throttled');
		const times = apiCalls().map((r) => r.at);
		for (let i = 3; i < times.length; i++) assert.ok(times[i] - times[i - 3] >= 1000, 'at most 3 requests in any second');
	});

	test('one item per month holds all rows', async () => {
		const truth = generateSalesReport('2025-02').rows;
		const { items } = await run({
			operation: 'getSalesReport',
			period: 'month',
			month: '2025-02',
			output: 'month',
		});
		assert.equal(items.length, 1);
		assert.equal(items[0].json.reportMonth, '2025-02');
		assert.equal(items[0].json.rowCount, truth.length);
		assert.equal((items[0].json.rows as unknown[]).length, truth.length);
		assert.ok(Array.isArray(items[0].json.columns));
	});

	test('original column names keep Amazon’s titles and text', async () => {
		const { csv } = generateSalesReport('2022-05');
		const header = csv.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0];
		const { items } = await run({
			operation: 'getSalesReport',
			period: 'month',
			month: '2022-05',
			simplify: false,
		});
		assert.ok(items.length > 0);
		for (const title of header.split(',')) assert.ok(title in items[0].json, `has "${title}"`);
		assert.equal(typeof items[0].json['Units'], 'string');
	});

	test('attaches the original ZIP as binary to the first row', async () => {
		const { items } = await run({
			operation: 'getSalesReport',
			period: 'month',
			month: '2025-03',
			options: { binaryPropertyName: 'report' },
		});
		const binary = items[0].binary?.report;
		assert.ok(binary, 'first item has the file');
		assert.equal(binary.mimeType, 'application/zip');
		assert.match(String(binary.fileName), /\.zip$/);
		const zip = unzipSync(Buffer.from(binary.data, 'base64'));
		assert.ok(Object.keys(zip).some((name) => name.endsWith('.csv')));
		assert.equal(items[1].binary, undefined);
	});
});

describe('Get Subscription Report', () => {
	test('gives typed daily rows', async () => {
		const month = '2025-04';
		const truth = generateSubscriptionReport(month).rows;
		const { items, error } = await run({ operation: 'getSubscriptionReport', period: 'month', month });
		assert.equal(error, undefined);
		assert.deepEqual(
			items.map((item) => item.json),
			truth.map((row) => ({ reportMonth: month, ...row })),
		);
	});
});

describe('every registered Appstore report type', () => {
	for (const report of allAppstoreReportTypes()) {
		test(`${report.name}: its registry sample, served by the emulator, gives one typed item per line`, async () => {
			const month = '2025-05';
			emulator.appstore.setReport(report.reportType, month, { csv: report.sample });
			const { items, error } = await run({ operation: operationFor(report), period: 'month', month });
			assert.equal(error, undefined, error?.message);
			const lines = report.sample.split(/\r?\n/).filter(Boolean);
			assert.equal(items.length, lines.length - 1, 'one item per line after the header');
			const keys = report.columns.filter((column) => column.titles.length).map((column) => column.key);
			for (const item of items) {
				for (const key of keys) assert.ok(key in item.json, `${report.reportType}: ${key}`);
				assert.ok(Object.values(item.json).some((value) => typeof value === 'number'), 'typed: numbers are numbers');
			}
			assert.equal(apiCalls(report.reportType).length, 1);
		});
	}
});

describe('parameters checked before any request', () => {
	const cases: Array<[string, IDataObject, RegExp]> = [
		['before 2018', { period: 'month', month: '2017-12' }, /before January 2018/],
		['in the future', { period: 'month', month: '2999-01' }, /in the future/],
		['not a month', { period: 'month', month: 'March' }, /not a month: "March"/],
		['empty (n8n checks required parameters)', { period: 'month', month: '' }, /Parameter "Month" is required/],
		['empty from an expression', { period: 'month', month: '={{ $json.missing }}' }, /"Month" is empty/],
		['start after end', { period: 'range', startMonth: '2025-05', endMonth: '2025-02' }, /after End Month/],
	];
	for (const [name, parameters, message] of cases) {
		test(name, async () => {
			const { error } = await run({ operation: 'getSalesReport', ...parameters });
			assert.ok(error, 'fails');
			assert.match(error.message, message);
			if (!/required/.test(error.message)) {
				assert.ok(error.description, 'says how to fix it');
				assert.equal(error.itemIndex, 0);
			}
			assert.equal(emulator.requests.length, 0, 'nothing was sent to Amazon');
		});
	}
});

describe('months without a report', () => {
	test('give no items and no failure by default', async () => {
		emulator.appstore.setReport('sales', '2025-02', null);
		const { items, error } = await run({ operation: 'getSalesReport', period: 'month', month: '2025-02' });
		assert.equal(error, undefined);
		assert.equal(items.length, 0);
	});

	test('fail when asked to', async () => {
		emulator.appstore.setReport('sales', '2025-02', null);
		const { error } = await run({
			operation: 'getSalesReport',
			period: 'month',
			month: '2025-02',
			options: { failIfNoReport: true },
		});
		assert.match(String(error?.message), /no sales report for 2025-02/);
	});

	test('in a range, only the missing month is skipped', async () => {
		emulator.appstore.setReport('sales', '2025-02', null);
		const { items } = await run({ operation: 'getSalesReport', period: 'range', startMonth: '2025-01', endMonth: '2025-03' });
		assert.deepEqual([...new Set(items.map((item) => item.json.reportMonth))], ['2025-01', '2025-03']);
	});
});

describe('Amazon’s errors', () => {
	test('"Unable to fetch the request scope" names the API Base URL', async () => {
		emulator.inject({
			path: /\/api\/appstore\/download\/report\/sales\//,
			status: 400,
			body: '{"Message":"Unable to fetch the request scope for uri = /api/appstore/download/report/sales/2025/01 and verb = GET"}',
		});
		const { error } = await run({ operation: 'getSalesReport', period: 'month', month: '2025-01' });
		assert.match(String(error?.message), /does not know the request/);
		assert.match(String(error?.description), /API Base URL/);
	});

	test('403 with a fresh token explains the security profile', async () => {
		emulator.inject({ path: /\/api\/appstore\//, status: 403, body: '{"Message":"Request is not authorized."}', times: 10 });
		const { error } = await run({ operation: 'getSalesReport', period: 'month', month: '2025-01' });
		assert.match(String(error?.message), /refused the request.*Request is not authorized/);
		assert.match(String(error?.description), /Reporting API/);
	});

	test('5xx is retried, then succeeds', async () => {
		emulator.inject({ path: /\/api\/appstore\//, status: 503, body: 'Service Unavailable', times: 2 });
		const { items, error } = await run({ operation: 'getSalesReport', period: 'month', month: '2025-01' });
		assert.equal(error, undefined);
		assert.ok(items.length > 0);
		assert.equal(apiCalls().length, 3);
	});

	test('5xx that persists fails after bounded attempts', async () => {
		emulator.inject({ path: /\/api\/appstore\//, status: 500, body: 'Internal error', times: 100 });
		const { error } = await run({ operation: 'getSalesReport', period: 'month', month: '2025-01' });
		assert.match(String(error?.message), /failed .*HTTP 500/);
		assert.equal(apiCalls().length, 4);
	});

	test('429 waits and retries', async () => {
		emulator.inject({ path: /\/api\/appstore\//, status: 429, body: '{"Message":"Rate exceeded"}', times: 1 });
		const { items, error } = await run({ operation: 'getSalesReport', period: 'month', month: '2025-01' });
		assert.equal(error, undefined);
		assert.ok(items.length > 0);
		const [first, second] = apiCalls();
		assert.ok(second.at - first.at >= 900, 'waited before retrying');
	});

	test('a dropped connection is retried', async () => {
		emulator.inject({ path: /\/api\/appstore\//, resetConnection: true, times: 1 });
		const { items, error } = await run({ operation: 'getSalesReport', period: 'month', month: '2025-01' });
		assert.equal(error, undefined);
		assert.ok(items.length > 0);
	});

	test('an expired S3 link is asked for again once', async () => {
		emulator.inject({
			path: /^\/s3\//,
			status: 403,
			body: '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>',
			times: 1,
		});
		const { items, error } = await run({ operation: 'getSalesReport', period: 'month', month: '2025-01' });
		assert.equal(error, undefined);
		assert.ok(items.length > 0);
		assert.equal(apiCalls().length, 2);
	});

	test('an S3 link expired twice is a clear error', async () => {
		emulator.inject({
			path: /^\/s3\//,
			status: 403,
			body: '<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>',
			times: 5,
		});
		const { error } = await run({ operation: 'getSalesReport', period: 'month', month: '2025-01' });
		assert.match(String(error?.message), /expired twice/);
	});

	test('a quoted or JSON download link works like a plain one', async () => {
		for (const style of ['quoted', 'json'] as const) {
			emulator.appstore.urlStyle = style;
			const { items, error } = await run({ operation: 'getSalesReport', period: 'month', month: '2025-01' });
			assert.equal(error, undefined, style);
			assert.equal(items.length, generateSalesReport('2025-01').rows.length, style);
		}
	});

	test('a ZIP without a CSV, or a damaged one, is a clear error', async () => {
		emulator.appstore.setReport('sales', '2025-01', { zip: buildZip([{ name: 'README.txt', content: 'hello' }]) });
		let result = await run({ operation: 'getSalesReport', period: 'month', month: '2025-01' });
		assert.match(String(result.error?.message), /holds no CSV file/);
		assert.match(String(result.error?.description), /README\.txt/);

		emulator.appstore.setReport('sales', '2025-01', { zip: new TextEncoder().encode('PK\u0003\u0004 this is not a zip') });
		result = await run({ operation: 'getSalesReport', period: 'month', month: '2025-01' });
		assert.match(String(result.error?.message), /(not a readable ZIP|holds no CSV)/);
	});

	test('the CSV is found after other entries, in a streamed ZIP', async () => {
		const csv = generateSalesReport('2025-01').csv;
		emulator.appstore.setReport('sales', '2025-01', {
			zip: buildZip(
				[
					{ name: 'notes/README.txt', content: 'not the report' },
					{ name: 'sales_2025_01.csv', content: csv },
				],
				{ streamed: true },
			),
		});
		const { items, error } = await run({ operation: 'getSalesReport', period: 'month', month: '2025-01' });
		assert.equal(error, undefined);
		assert.equal(items.length, generateSalesReport('2025-01').rows.length);
	});
});

describe('tokens', () => {
	test('an expired token is refreshed once and the run succeeds', async () => {
		await run({ operation: 'getSalesReport', period: 'month', month: '2025-01' });
		const grantsBefore = emulator.lwa.tokenRequests;
		emulator.lwa.expireAllTokens();
		const { items, error } = await run({ operation: 'getSalesReport', period: 'month', month: '2025-02' });
		assert.equal(error, undefined);
		assert.ok(items.length > 0);
		assert.equal(emulator.lwa.tokenRequests, grantsBefore + 1);
	});

	test('a cached token is reused across runs', async () => {
		await run({ operation: 'getSalesReport', period: 'month', month: '2025-01' });
		const grants = emulator.lwa.tokenRequests;
		await run({ operation: 'getSalesReport', period: 'month', month: '2025-02' });
		assert.equal(emulator.lwa.tokenRequests, grants);
	});

	test('concurrent executions share one token request', async () => {
		// A client the package has no cached token for.
		const client = { clientId: 'amzn1.application-oa2-client.concurrent', clientSecret: 'concurrent-secret-value' };
		emulator.lwa.addClient({ ...client, scopes: [EMULATOR_APPSTORE_CLIENT.scope] });
		const parameters = { operation: 'getSalesReport', period: 'month', month: '2025-01' };
		const runs = await Promise.all(
			[0, 1, 2].map(() => runNode({ type: NODE, parameters, credentials: credentials(client) })),
		);
		assert.ok(runs.every((result) => result.error === undefined && result.items.length > 0));
		assert.equal(emulator.lwa.tokenRequests, 1);
	});

	test('a wrong secret names the fix and never shows the secret', async () => {
		const wrongValue = 'wrong-client-value-0123456789abcdef';
		const { error } = await runNode({
			type: NODE,
			parameters: { operation: 'getSalesReport', period: 'month', month: '2025-01' },
			credentials: credentials({ clientSecret: wrongValue }),
		});
		assert.match(String(error?.message), /Client ID or Client Secret \(invalid_client\)/);
		assert.match(String(error?.description), /Web Settings/);
		assert.ok(!JSON.stringify(error).includes(wrongValue), 'no secret in the error');
	});

	test('a scope the profile is not attached to explains the Attach step', async () => {
		const { error } = await runNode({
			type: NODE,
			parameters: { operation: 'getSalesReport', period: 'month', month: '2025-01' },
			credentials: credentials({ scope: 'appstore::apps:readwrite' }),
		});
		assert.match(String(error?.message), /invalid_scope/);
		assert.match(String(error?.description), /Attach/);
	});
});

describe('credential test', () => {
	test('succeeds with the right credentials', async () => {
		const result = await testCredential(CREDENTIAL, credentials()[CREDENTIAL]);
		assert.equal(result.status, 'OK');
	});

	test('explains invalid_client, invalid_scope and a bad URL', async () => {
		let result = await testCredential(CREDENTIAL, { ...credentials()[CREDENTIAL], clientSecret: 'nope' });
		assert.equal(result.status, 'Error');
		assert.match(result.message, /invalid_client/);
		assert.ok(!result.message.includes('nope'));
		result = await testCredential(CREDENTIAL, { ...credentials()[CREDENTIAL], scope: 'wrong::scope' });
		assert.match(result.message, /Attach the security profile/);
		result = await testCredential(CREDENTIAL, { ...credentials()[CREDENTIAL], tokenUrl: 'not a url' });
		assert.match(result.message, /Token URL is not a valid URL/);
	});
});

describe('items and the workflow', () => {
	test('each input item runs with its own parameters and output is paired', async () => {
		const { items, error } = await run(
			{ operation: 'getSalesReport', period: 'month', month: '={{ $json.month }}' },
			{ inputItems: [{ month: '2025-01' }, { month: '2025-02' }] },
		);
		assert.equal(error, undefined);
		for (const item of items) {
			const expected = item.json.reportMonth === '2025-01' ? 0 : 1;
			assert.deepEqual(item.pairedItem, { item: expected });
		}
		assert.equal(items.filter((item) => item.json.reportMonth === '2025-02').length, generateSalesReport('2025-02').rows.length);
	});

	test('continue on fail turns a failing item into an error item', async () => {
		const { items, error } = await run(
			{ operation: 'getSalesReport', period: 'month', month: '={{ $json.month }}' },
			{ inputItems: [{ month: '2016-01' }, { month: '2025-01' }], continueOnFail: true },
		);
		assert.equal(error, undefined);
		assert.match(String(items[0].json.error), /before January 2018/);
		assert.deepEqual(items[0].pairedItem, { item: 0 });
		assert.ok(items.slice(1).every((item) => item.json.reportMonth === '2025-01' && (item.pairedItem as { item: number }).item === 1));
	});

	test('stopping the execution ends a slow request promptly', async () => {
		emulator.inject({ path: /\/api\/appstore\//, delayMs: 30_000, status: 200, body: 'never' });
		const started = Date.now();
		const { run: execution, items } = await run({ operation: 'getSalesReport', period: 'month', month: '2025-01' }, { cancelAfterMs: 1_500 });
		assert.ok(Date.now() - started < 5_000, 'the execution ended promptly');
		assert.equal(execution.status, 'canceled');
		assert.equal(apiCalls().length, 1, 'the slow request was under way when the execution was stopped');
		assert.equal(items.length, 0);
		// The node dropped its request at once instead of waiting for Amazon's answer.
		const deadline = Date.now() + 2_000;
		while (emulator.clientDisconnects === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
		assert.equal(emulator.clientDisconnects, 1);
	});
});

function camelExtra(extra: Record<string, unknown> | undefined): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [title, value] of Object.entries(extra ?? {})) {
		const key = title
			.split(/[^A-Za-z0-9]+/)
			.filter(Boolean)
			.map((word, index) => (index ? word[0].toUpperCase() + word.slice(1).toLowerCase() : word.toLowerCase()))
			.join('');
		out[key] = value;
	}
	return out;
}
