// The Amazon Selling Partner node, run in n8n-core's engine against the built-in Amazon emulator.
import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';
import { gunzipSync } from 'node:zlib';

import { EMULATOR_SP_API_CLIENT } from '../emulator';
import { accountHealthRealWorldVariant } from '../emulator/fixtures/sp-account-health';
import { customerMetricsXmlSparse } from '../emulator/fixtures/sp-customer-metrics';
import { generateFeedback } from '../emulator/fixtures/sp-feedback';
import type { IDataObject } from 'n8n-workflow';

import { credentialsFor, daysAgo as iso, DE, JP, SELLING_PARTNER as NODE, SP_CREDENTIAL as CREDENTIAL, US, useEmulator } from './harness/amazon';
import { runNode, testCredential } from './harness/engine';
import { logLines } from './harness/logs';

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

const calls = (method: string, pattern: RegExp) =>
	emulator.requests.filter((r) => r.method === method && pattern.test(r.path));
const creates = () => calls('POST', /^\/reports\/2021-06-30\/reports$/);


describe('Get Seller Feedback', () => {
	test('parses each marketplace’s date format, charset and localised headers', async () => {
		const start = iso(40);
		const end = iso(1);
		for (const [marketplaceId, region] of [[US, 'na'], [DE, 'eu'], [JP, 'fe']] as const) {
			const { items, error } = await runNode({
				type: NODE,
				parameters: {
					operation: 'get',
					reportType: 'GET_SELLER_FEEDBACK_DATA',
					marketplaceIds: [marketplaceId],
					dataStartTime: start,
					dataEndTime: end,
				},
				credentials: credentials({ region }),
			});
			assert.equal(error, undefined, marketplaceId);
			const truth = generateFeedback(marketplaceId, new Date(start).toISOString(), new Date(end).toISOString()).rows;
			assert.ok(truth.length > 5, 'fixture has rows');
			assert.deepEqual(
				items.map((item) => item.json),
				truth,
				`${marketplaceId}: dates, ratings and text as written`,
			);
		}
	});

	test('defaults to the last 30 days', async () => {
		const { items, error } = await run({ operation: 'get', reportType: 'GET_SELLER_FEEDBACK_DATA', marketplaceIds: [US] });
		assert.equal(error, undefined);
		assert.ok(items.length > 0);
		const body = JSON.parse(creates()[0].body);
		const days = (Date.parse(body.dataEndTime) - Date.parse(body.dataStartTime)) / 86_400_000;
		assert.ok(Math.abs(days - 30) < 0.01, `30 days, got ${days}`);
	});

	test('a range with no feedback (CANCELLED) gives no items by default, an error when asked', async () => {
		emulator.spApi.queueOutcome('GET_SELLER_FEEDBACK_DATA', { status: 'CANCELLED' });
		let result = await run({ operation: 'get', reportType: 'GET_SELLER_FEEDBACK_DATA', marketplaceIds: [US] });
		assert.equal(result.error, undefined);
		assert.equal(result.items.length, 0);

		emulator.spApi.queueOutcome('GET_SELLER_FEEDBACK_DATA', { status: 'CANCELLED' });
		result = await run({
			operation: 'get',
			reportType: 'GET_SELLER_FEEDBACK_DATA',
			marketplaceIds: [US],
			options: { failIfNoData: true },
		});
		assert.match(String(result.error?.message), /cancelled report \d+ .*no data/);
	});
});

describe('Get Account Health', () => {
	const params = (extra: Record<string, unknown> = {}) => ({
		operation: 'get',
		reportType: 'GET_V2_SELLER_PERFORMANCE_REPORT',
		marketplaceIds: [US],
		options: { reuseWithinMinutes: 0 },
		...extra,
	});

	test('one item per metric, with targets and meetsTarget', async () => {
		const { items, error } = await run(params());
		assert.equal(error, undefined);
		const byMetric = (metric: string, channel: string | null = null) =>
			items.find((item) => item.json.metric === metric && item.json.fulfillmentType === channel)?.json;
		const late = byMetric('lateShipmentRate');
		assert.deepEqual(
			{ ...late },
			{
				marketplaceId: US,
				accountStatus: 'AT_RISK',
				metric: 'lateShipmentRate',
				fulfillmentType: null,
				status: 'BAD',
				rate: 0.052,
				targetValue: 0.04,
				targetCondition: 'LESS_THAN',
				meetsTarget: false,
				reportingDateFrom: '2026-10-14T00:00:00Z',
				reportingDateTo: '2026-11-13T00:00:00Z',
				orderCount: 250,
				lateShipmentCount: 13,
			},
		);
		assert.equal(byMetric('orderDefectRate', 'afn')?.meetsTarget, true);
		assert.equal(byMetric('orderDefectRate', 'mfn')?.meetsTarget, false);
		assert.equal(byMetric('orderDefectRate', 'mfn')?.claimsCount, 4);
		assert.equal(byMetric('onTimeDeliveryRate')?.meetsTarget, true, 'GREATER_THAN target');
		assert.equal(byMetric('listingPolicyViolations')?.meetsTarget, false, 'from status: no rate');
		assert.equal(byMetric('otherPolicyViolations')?.meetsTarget, null, 'status NONE');
		const rating = byMetric('accountHealthRating');
		assert.equal(rating?.status, 'AT_RISK');
		assert.equal(rating?.meetsTarget, false);
		assert.deepEqual(rating?.warningStates, ['LATE_SHIPMENT_RATE']);
	});

	test('reads real-world names: ahrStatus, prefulfillmentCancelRate, warning objects', async () => {
		emulator.spApi.queueOutcome('GET_V2_SELLER_PERFORMANCE_REPORT', {
			status: 'DONE',
			document: { text: JSON.stringify(accountHealthRealWorldVariant(US)), compression: 'GZIP' },
		});
		const { items } = await run(params());
		const rating = items.find((item) => item.json.metric === 'accountHealthRating')?.json;
		assert.equal(rating?.status, 'GREAT');
		assert.equal(rating?.score, 870);
		assert.deepEqual(rating?.warningStates, [{ warningType: 'NONE' }], 'warning states as Amazon wrote them');
		assert.ok(items.some((item) => item.json.metric === 'preFulfillmentCancellationRate' && item.json.meetsTarget === true));
	});

	test('only failing metrics, and an alert summary for Slack', async () => {
		let result = await run(params({ accountHealthOutput: 'failing' }));
		assert.deepEqual(
			result.items.map((item) => `${item.json.metric}${item.json.fulfillmentType ? `/${item.json.fulfillmentType}` : ''}`).sort(),
			['accountHealthRating', 'accountStatus', 'lateShipmentRate', 'listingPolicyViolations', 'orderDefectRate/mfn'],
		);
		result = await run(params({ accountHealthOutput: 'summary' }));
		assert.equal(result.items.length, 1);
		const summary = result.items[0].json;
		assert.equal(summary.healthy, false);
		assert.equal(summary.failingCount, 4);
		assert.match(String(summary.text), /Late shipment rate: 5\.2%, target below 4% \[BAD\]/);
		assert.match(String(summary.text), /Account status in ATVPDKIKX0DER: AT_RISK/);
	});

	test('a gzip-labelled plain document is read by its bytes', async () => {
		const { items, error } = await run(params());
		assert.equal(error, undefined);
		assert.ok(items.length > 5);
	});

	test('reuses a recent finished report instead of creating one', async () => {
		await run(params({ options: { reuseWithinMinutes: 60 } }));
		assert.equal(creates().length, 1);
		const { items, error } = await run(params({ options: { reuseWithinMinutes: 60 } }));
		assert.equal(error, undefined);
		assert.ok(items.length > 5);
		assert.equal(creates().length, 1, 'no second createReport');
	});

	test('reuses a report made elsewhere (e.g. a schedule)', async () => {
		emulator.spApi.addScheduledReport({
			reportType: 'GET_V2_SELLER_PERFORMANCE_REPORT',
			marketplaceIds: [US],
			document: { text: JSON.stringify(accountHealthRealWorldVariant(US)) },
		});
		const { items } = await run(params({ options: { reuseWithinMinutes: 60 } }));
		assert.equal(creates().length, 0);
		assert.ok(items.some((item) => item.json.status === 'GREAT'));
	});
});

describe('Get Customer Metrics', () => {
	test('one item per metric and time frame, % rates as fractions', async () => {
		const { items, error } = await run({ operation: 'get', reportType: 'GET_V1_SELLER_PERFORMANCE_REPORT', marketplaceIds: [US], options: { reuseWithinMinutes: 0 } });
		assert.equal(error, undefined);
		const defects = items.filter((item) => item.json.metric === 'orderWithDefects');
		assert.equal(defects.length, 2, 'two time frames');
		assert.deepEqual(
			{ ...defects[0].json },
			{
				marketplaceId: US,
				metric: 'orderWithDefects',
				timeFrameStart: '2026-08-15',
				timeFrameEnd: '2026-11-13',
				orderCount: 1200,
				count: 6,
				rate: 0.005,
				status: 'Good',
			},
		);
		const late = items.find((item) => item.json.metric === 'lateShipment')?.json;
		assert.equal(late?.status, 'Poor');
		assert.equal(late?.rate, 0.055);
		const contact = items.find((item) => item.json.metric === 'buyerSellerContactResponseTimeMetrics')?.json;
		assert.equal(contact?.averageResponseTimeInHours, 7.5);
		assert.ok(items.some((item) => item.json.metric === 'policyViolation' && item.json.status === 'None'));
	});

	test('tolerates single elements and missing blocks', async () => {
		emulator.spApi.queueOutcome('GET_V1_SELLER_PERFORMANCE_REPORT', {
			status: 'DONE',
			document: { text: customerMetricsXmlSparse(), contentType: 'text/xml' },
		});
		const { items, error } = await run({ operation: 'get', reportType: 'GET_V1_SELLER_PERFORMANCE_REPORT', marketplaceIds: [US], options: { reuseWithinMinutes: 0 } });
		assert.equal(error, undefined);
		assert.equal(items.length, 1);
		assert.equal(items[0].json.rate, 0.04);
		assert.equal(items[0].json.status, 'Poor');
	});
});

describe('Get Promotion Performance and Get Coupon Performance', () => {
	const from = iso(60);
	const to = iso(2);

	test('one item per promotion, or per product', async () => {
		let result = await run({
			operation: 'get',
			reportType: 'GET_PROMOTION_PERFORMANCE_REPORT',
			marketplaceIds: [US],
			promotionStartDateFrom: from,
			promotionStartDateTo: to,
		});
		assert.equal(result.error, undefined);
		assert.equal(result.items.length, 2);
		assert.equal((result.items[0].json.includedProducts as unknown[]).length, 2);
		const options = JSON.parse(creates()[0].body).reportOptions;
		assert.deepEqual(options, { promotionStartDateFrom: new Date(from).toISOString(), promotionStartDateTo: new Date(to).toISOString() });

		result = await run({
			operation: 'get',
			reportType: 'GET_PROMOTION_PERFORMANCE_REPORT',
			marketplaceIds: [US],
			promotionStartDateFrom: from,
			promotionStartDateTo: to,
			promotionOutput: 'products',
		});
		assert.equal(result.items.length, 3);
		assert.equal(result.items[0].json.promotionName, 'Lightning Deal – Größe M');
		assert.equal(result.items[0].json.asin, 'B0TESTASIN1');
	});

	test('dates are checked before any request', async () => {
		for (const [fromDate, toDate, message] of [
			[iso(800), iso(1), /more than two years back/],
			[iso(1), iso(10), /is after/],
			['={{ $json.missing }}', iso(1), /"Promotion Start From" is empty/],
			[iso(1), new Date(Date.now() + 5 * 86_400_000).toISOString(), /in the future/],
		] as const) {
			const { error } = await run({
				operation: 'get',
				reportType: 'GET_PROMOTION_PERFORMANCE_REPORT',
				marketplaceIds: [US],
				promotionStartDateFrom: fromDate,
				promotionStartDateTo: toDate,
			});
			assert.match(String(error?.message), message);
		}
		assert.equal(emulator.requests.length, 0);
	});

	test('sellers get coupons, vendors campaigns, with their own option names', async () => {
		let result = await run({
			operation: 'get',
			reportType: 'GET_COUPON_PERFORMANCE_REPORT',
			marketplaceIds: [US],
			couponStartDateFrom: from,
			couponStartDateTo: to,
		});
		assert.equal(result.error, undefined);
		assert.equal(result.items[0].json.couponId, 'coupon-0001');
		assert.deepEqual(result.items[0].json.asins, ['B0TESTASIN1', 'B0TESTASIN2']);
		assert.ok('couponStartDateFrom' in JSON.parse(creates()[0].body).reportOptions);

		result = await run({
			operation: 'get',
			reportType: 'GET_COUPON_PERFORMANCE_REPORT',
			couponAccountType: 'vendor',
			marketplaceIds: [US],
			couponStartDateFrom: from,
			couponStartDateTo: to,
		});
		assert.equal(result.items[0].json.campaignId, 'campaign-0001');
		assert.equal((result.items[0].json.coupons as unknown[]).length, 2);
		assert.ok('campaignStartDateFrom' in JSON.parse(creates()[1].body).reportOptions);
	});
});

describe('the report lifecycle and its failures', () => {
	const metricsRequest = { operation: 'get', reportType: 'GET_V1_SELLER_PERFORMANCE_REPORT', marketplaceIds: [US], options: { reuseWithinMinutes: 0 } };

	test('a damaged document, or one in an unknown charset, is a clear error', async () => {
		emulator.spApi.queueOutcome('GET_V2_SELLER_PERFORMANCE_REPORT', { status: 'DONE', document: { text: '{"accountStatuses": [' } });
		let result = await run({ operation: 'get', reportType: 'GET_V2_SELLER_PERFORMANCE_REPORT', marketplaceIds: [US], options: { reuseWithinMinutes: 0 } });
		assert.match(String(result.error?.message), /is not valid JSON/);
		emulator.spApi.queueOutcome('GET_V1_SELLER_PERFORMANCE_REPORT', {
			status: 'DONE',
			document: { text: '<report/>', contentType: 'text/xml;charset=x-klingon-1' },
		});
		result = await run(metricsRequest);
		assert.match(String(result.error?.message), /character set this node cannot read: "x-klingon-1"/);
	});

	test('Simplify off gives Amazon’s report as one item', async () => {
		let result = await run({ operation: 'get', reportType: 'GET_V2_SELLER_PERFORMANCE_REPORT', marketplaceIds: [US], simplify: false, options: { reuseWithinMinutes: 0 } });
		assert.equal(result.items.length, 1);
		assert.ok(Array.isArray(result.items[0].json.performanceMetrics));
		result = await run({ ...metricsRequest, simplify: false });
		assert.equal(result.items.length, 1);
		assert.ok(result.items[0].json.sellerPerformanceReports);
	});

	test('a long wait tells the user what it is waiting for', async () => {
		emulator.spApi.queueOutcome('GET_V1_SELLER_PERFORMANCE_REPORT', { status: 'DONE', pollsUntilDone: 3, queuedPolls: 1 });
		const { uiMessages, error } = await run(metricsRequest);
		assert.equal(error, undefined);
		const text = JSON.stringify(uiMessages);
		assert.match(text, /Requested report \d+ \(GET_V1_SELLER_PERFORMANCE_REPORT\)/);
		assert.match(text, /Waiting for report \d+ \(GET_V1_SELLER_PERFORMANCE_REPORT\): IN_QUEUE after \d+s, next check in \d+s/);
		assert.match(text, /IN_PROGRESS after/);
		assert.ok(!text.includes(EMULATOR_SP_API_CLIENT.refreshToken) && !/Atza\|/.test(text), 'no secret in the messages');
	});

	test('FATAL shows the reason from the error document, with the report ID', async () => {
		emulator.spApi.queueOutcome('GET_V1_SELLER_PERFORMANCE_REPORT', {
			status: 'FATAL',
			errorText: JSON.stringify({ errorDetails: 'The seller is not eligible for this report' }),
		});
		const { error } = await run(metricsRequest);
		assert.match(String(error?.message), /could not build report \d+ .*not eligible for this report/);
	});

	test('a report still processing at Max Wait stops with its ID and how to fetch it later', async () => {
		emulator.spApi.queueOutcome('GET_V1_SELLER_PERFORMANCE_REPORT', { status: 'DONE', pollsUntilDone: 1000 });
		const started = Date.now();
		const { error } = await run({ ...metricsRequest, options: { reuseWithinMinutes: 0, maxWaitMinutes: 0.1 } });
		assert.ok(Date.now() - started < 15_000);
		assert.match(String(error?.message), /Report \d+ .* was still IN_PROGRESS/);
		assert.match(String(error?.description), /operation "Download" \(resource Report\) and Report ID \d+/);
	});

	test('a report still in queue at Max Wait is cancelled', async () => {
		emulator.spApi.queueOutcome('GET_V1_SELLER_PERFORMANCE_REPORT', { status: 'DONE', pollsUntilDone: 1000, queuedPolls: 1000 });
		const { error } = await run({ ...metricsRequest, options: { reuseWithinMinutes: 0, maxWaitMinutes: 0.1 } });
		assert.match(String(error?.message), /still IN_QUEUE/);
		assert.match(String(error?.description), /cancelled to free Amazon's queue/);
		assert.equal(calls('DELETE', /^\/reports\/2021-06-30\/reports\/\d+$/).length, 1);
	});

	test('stopping the execution ends the wait promptly', async () => {
		emulator.spApi.queueOutcome('GET_V1_SELLER_PERFORMANCE_REPORT', { status: 'DONE', pollsUntilDone: 1000 });
		const { run: execution } = await run(metricsRequest, { cancelAfterMs: 2_500 });
		assert.equal(execution.status, 'canceled');
		const polls = calls('GET', /^\/reports\/2021-06-30\/reports\/\d+$/).length;
		assert.ok(polls >= 2, 'it was polling');
		await new Promise((resolve) => setTimeout(resolve, 4_000));
		assert.equal(calls('GET', /^\/reports\/2021-06-30\/reports\/\d+$/).length, polls, 'no poll after the stop');
	});

	test('429 on getReport waits per the rate limit and carries on', async () => {
		emulator.inject({ method: 'GET', path: /^\/reports\/2021-06-30\/reports\/\d+$/, status: 429, body: '{"errors":[{"code":"QuotaExceeded","message":"You exceeded your quota for the requested resource."}]}', headers: { 'x-amzn-RateLimit-Limit': '2' }, times: 1 });
		const { items, error } = await run(metricsRequest);
		assert.equal(error, undefined);
		assert.ok(items.length > 0);
	});

	test('429 on createReport honours Retry-After, and gives up after bounded attempts', async () => {
		emulator.inject({ method: 'POST', path: /^\/reports\/2021-06-30\/reports$/, status: 429, body: '{"errors":[{"code":"QuotaExceeded","message":"You exceeded your quota"}]}', headers: { 'retry-after': '1' }, times: 10 });
		const { error } = await run(metricsRequest);
		assert.match(String(error?.message), /throttling createReport/);
		assert.match(String(error?.description), /one report a minute/);
		assert.equal(creates().length, 3);
	});

	test('an expired access token is refreshed once', async () => {
		await run(metricsRequest);
		const before = emulator.lwa.tokenRequests;
		emulator.lwa.expireAllTokens();
		const { error } = await run(metricsRequest);
		assert.equal(error, undefined);
		assert.equal(emulator.lwa.tokenRequests, before + 1);
	});

	test('5xx is retried', async () => {
		emulator.inject({ method: 'POST', path: /^\/reports\/2021-06-30\/reports$/, status: 503, body: '{"errors":[{"code":"ServiceUnavailable","message":"try later"}]}', times: 1 });
		const { error } = await run(metricsRequest);
		assert.equal(error, undefined);
	});

	test('document downloads carry no SP-API token; an expired link is asked for again', async () => {
		emulator.inject({ path: /^\/s3\//, status: 403, body: '<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>', times: 1 });
		const { items, error } = await run(metricsRequest);
		assert.equal(error, undefined);
		assert.ok(items.length > 0);
		const downloads = emulator.requests.filter((r) => r.path.startsWith('/s3/'));
		assert.equal(downloads.length, 2);
		assert.ok(downloads.every((r) => r.headers['x-amz-access-token'] === undefined && r.headers.authorization === undefined));
		assert.equal(calls('GET', /^\/reports\/2021-06-30\/documents\//).length, 2);
	});

	test('marketplaces outside the credential’s region are refused before any request', async () => {
		const { error } = await run({ ...metricsRequest, marketplaceIds: [DE] });
		assert.match(String(error?.message), /Germany .* is in Europe, but the credential is for North America/);
		assert.equal(emulator.requests.length, 0);
	});

	test('invalid_grant explains re-authorizing in Seller Central, without the token', async () => {
		const token = 'Atzr|revoked-refresh-token-0123456789';
		const { error } = await runNode({
			type: NODE,
			parameters: metricsRequest,
			credentials: credentials({ refreshToken: token }),
		});
		assert.match(String(error?.message), /invalid_grant/);
		assert.match(String(error?.description), /Seller Central/);
		assert.ok(!JSON.stringify(error).includes(token));
	});

	test('logs carry progress, never a secret', async () => {
		const before = logLines.length;
		await run(metricsRequest);
		await runNode({ type: NODE, parameters: metricsRequest, credentials: credentials({ refreshToken: 'Atzr|another-secret-refresh-token' }) });
		const lines = logLines.slice(before);
		assert.ok(lines.some((line) => /Requested report \d+/.test(line)), 'progress is logged');
		const secrets = [EMULATOR_SP_API_CLIENT.clientSecret, EMULATOR_SP_API_CLIENT.refreshToken, 'Atzr|another-secret-refresh-token'];
		for (const line of lines) {
			assert.ok(!secrets.some((secret) => line.includes(secret)), `no secret in: ${line}`);
			assert.ok(!/Atza\|/.test(line), `no access token in: ${line}`);
		}
	});

	test('credential test: OK, and invalid_grant explained', async () => {
		assert.equal((await testCredential(CREDENTIAL, credentials()[CREDENTIAL])).status, 'OK');
		const result = await testCredential(CREDENTIAL, { ...credentials()[CREDENTIAL], refreshToken: 'Atzr|nope' });
		assert.equal(result.status, 'Error');
		assert.match(result.message, /Re-authorize the app in Seller Central/);
	});
});

describe('any report, and the single steps', () => {
	test('Get, for a report type the package does not know (one Amazon adds later), detects gzip TSV and keeps the original headers', async () => {
		const { items, error } = await run({
			operation: 'get',
			reportType: 'GET_FLAT_FILE_NEW_REPORT_DATA',
			marketplaceIds: [US],
			options: { reportOptions: { option: [{ name: 'custom', value: 'true' }] } },
		});
		assert.equal(error, undefined);
		assert.deepEqual(items[0].json, {
			'order-id': '114-3941689-8772232',
			'purchase-date': '2026-10-01T10:00:00+00:00',
			sku: 'SKU-1',
			quantity: '2',
			'item-price': '19.98',
		});
		assert.deepEqual(JSON.parse(creates()[0].body).reportOptions, { custom: 'true' });
	});

	test('Get as a file', async () => {
		const { items } = await run({
			operation: 'get',
			reportType: 'GET_FLAT_FILE_NEW_REPORT_DATA',
			marketplaceIds: [US],
			options: { returnFile: true },
		});
		const file = items[0].binary?.data;
		assert.ok(file);
		assert.match(gunzipSync(Buffer.from(file.data, 'base64')).toString('utf8'), /^order-id\t/);
	});

	test('Create, Get Status, Download, step by step', async () => {
		const created = await run({ resource: 'report', operation: 'create', reportType: 'GET_V2_SELLER_PERFORMANCE_REPORT', marketplaceIds: [US] });
		const reportId = String(created.items[0].json.reportId);
		let status = await run({ resource: 'report', operation: 'getStatus', reportId });
		assert.equal(status.items[0].json.processingStatus, 'IN_PROGRESS');
		status = await run({ resource: 'report', operation: 'getStatus', reportId });
		assert.equal(status.items[0].json.processingStatus, 'DONE');
		const typed = await run({ resource: 'report', operation: 'download', reportId });
		assert.equal(typed.error, undefined);
		assert.ok(typed.items.some((item) => item.json.metric === 'lateShipmentRate'), 'typed like Get');
		const raw = await run({ resource: 'report', operation: 'download', reportId, simplify: false });
		assert.ok(Array.isArray(raw.items[0].json.accountStatuses));
	});

	test('Cancel a queued report; cancelling a finished one is a clear error', async () => {
		const created = await run({ resource: 'report', operation: 'create', reportType: 'GET_V2_SELLER_PERFORMANCE_REPORT', marketplaceIds: [US] });
		const reportId = String(created.items[0].json.reportId);
		const cancelled = await run({ resource: 'report', operation: 'cancel', reportId });
		assert.deepEqual(cancelled.items[0].json, { reportId, cancelled: true });
		const again = await run({ resource: 'report', operation: 'cancel', reportId });
		assert.match(String(again.error?.message), /can no longer be cancelled/);
	});

	test('Get Many follows nextToken, with a limit or all', async () => {
		for (let i = 0; i < 25; i++) {
			emulator.spApi.addScheduledReport({ reportType: 'GET_V2_SELLER_PERFORMANCE_REPORT', marketplaceIds: [US], document: { text: '{}' } });
		}
		let result = await run({ resource: 'report', operation: 'getMany', reportTypes: 'GET_V2_SELLER_PERFORMANCE_REPORT', returnAll: true });
		assert.equal(result.items.length, 25);
		result = await run({ resource: 'report', operation: 'getMany', reportTypes: 'GET_V2_SELLER_PERFORMANCE_REPORT', limit: 7 });
		assert.equal(result.items.length, 7);
	});
});
