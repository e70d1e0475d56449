// Hostile documents and flaky networks: each fault injected into the emulator, each run through
// n8n-core's engine. What is checked: the items are right or the error is clear, and no error,
// message or log shows a secret, a token or a link's signature.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { beforeEach, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';

import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { SALES_HEADER, salesLine } from '../bench/fixtures';
import { EMULATOR_APPSTORE_CLIENT, EMULATOR_SP_API_CLIENT } from '../emulator';
import { generateSalesReport } from '../emulator/fixtures/appstore-sales';
import { generateFeedback } from '../emulator/fixtures/sp-feedback';
import { buildZip } from '../emulator/zip';

import { APPSTORE, daysAgo, requestsTo, runAgainst, SELLING_PARTNER, US, useEmulator } from './harness/amazon';
import type { runNode } from './harness/engine';
import { logLines } from './harness/logs';

const emulatorNow = useEmulator();
let emulator = emulatorNow();
beforeEach(() => {
	emulator = emulatorNow();
});

type Result = Awaited<ReturnType<typeof runNode>>;

// Nothing shown to the user may carry these: link signatures, LWA tokens, client secrets.
const SECRETS = [
	'X-Amz-Signature',
	'Atza|',
	'Atzr|',
	'Atc|',
	EMULATOR_APPSTORE_CLIENT.clientSecret,
	EMULATOR_SP_API_CLIENT.clientSecret,
	EMULATOR_SP_API_CLIENT.refreshToken,
];

function assertNoSecrets(shown: unknown, where: string): void {
	const text = typeof shown === 'string' ? shown : JSON.stringify(shown);
	for (const secret of SECRETS) assert.ok(!text.includes(secret), `${where} shows "${secret}": ${text.slice(0, 400)}`);
}

/** The error as the engine recorded it (message, description, Amazon's answer), checked for secrets. */
function failure(result: Result): { message: string; description: string } {
	assert.ok(result.error, 'the run fails');
	const recorded = [
		result.run.data.resultData.error,
		...Object.values(result.run.data.resultData.runData ?? {}).flatMap((tasks) => tasks.map((task) => task.error)),
	];
	assertNoSecrets(recorded, 'the error');
	return { message: result.error.message, description: result.error.description ?? '' };
}

const json = (items: INodeExecutionData[]) => items.map((item) => item.json);

const s3Gets = () => requestsTo(emulator, 'GET', /^\/s3\//);

// A sales month big enough to arrive in many pieces: 6,000 rows, a 1.3 MB CSV in a streamed ZIP.
const SALES_ROWS = 6_000;
const SALES_CSV = [SALES_HEADER, ...Array.from({ length: SALES_ROWS }, (_, i) => salesLine(i)), ''].join('\r\n');
const SALES_ZIP = buildZip([{ name: 'sales_2025_03.csv', content: SALES_CSV }], { streamed: true });
const MARCH = { operation: 'getSalesReport', period: 'month', month: '2025-03' };

// Feedback for a fixed range, so every run gets the same document.
const FEEDBACK_START = new Date(daysAgo(90)).toISOString();
const FEEDBACK_END = new Date(daysAgo(1)).toISOString();
const FEEDBACK = {
	operation: 'get',
	reportType: 'GET_SELLER_FEEDBACK_DATA',
	marketplaceIds: [US],
	dataStartTime: FEEDBACK_START,
	dataEndTime: FEEDBACK_END,
};
const feedbackTruth = () => generateFeedback(US, FEEDBACK_START, FEEDBACK_END);
// As the emulator stores it: UTF-8 for the US, gzipped.
const feedbackGzipLength = () => gzipSync(Buffer.from(feedbackTruth().tsv)).length;

const ACCOUNT_HEALTH = { operation: 'get', reportType: 'GET_V2_SELLER_PERFORMANCE_REPORT', marketplaceIds: [US], options: { reuseWithinMinutes: 0 } };
const CUSTOMER_METRICS = { operation: 'get', reportType: 'GET_V1_SELLER_PERFORMANCE_REPORT', marketplaceIds: [US], options: { reuseWithinMinutes: 0 } };

/**
 * An S3 stand-in that resets every connection after `cutAfter` bytes of the body, Range requests
 * included (the emulator's `cut` fault only cuts answers without a Range).
 */
async function alwaysCuttingS3(bytes: Uint8Array, cutAfter: number) {
	const ranges: Array<string | undefined> = [];
	const server = createServer((request, response) => {
		ranges.push(request.headers.range);
		const start = Number(/^bytes=(\d+)-$/.exec(request.headers.range ?? '')?.[1] ?? 0);
		const body = bytes.subarray(start);
		response.writeHead(start ? 206 : 200, {
			'content-type': 'application/zip',
			'content-length': String(body.length),
			etag: '"always-cut"',
			...(start ? { 'content-range': `bytes ${start}-${bytes.length - 1}/${bytes.length}` } : {}),
		});
		response.write(body.subarray(0, cutAfter), () => setImmediate(() => response.socket?.resetAndDestroy()));
	});
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	const { port } = server.address() as AddressInfo;
	return {
		link: `http://127.0.0.1:${port}/s3/bucket/sales_2025_03.zip?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=0123456789abcdef`,
		ranges,
		close: () => {
			server.closeAllConnections();
			return new Promise<void>((done) => server.close(() => done()));
		},
	};
}

describe('a connection reset in the middle of a download', () => {
	test('Appstore: the ZIP resumes with a Range request, and the rows equal a clean run', async () => {
		emulator.appstore.setReport('sales', '2025-03', { zip: SALES_ZIP });
		const clean = await runAgainst(emulator, APPSTORE, MARCH);
		assert.equal(clean.error, undefined);
		assert.equal(clean.items.length, SALES_ROWS);

		const before = s3Gets().length;
		const cutAt = Math.floor(SALES_ZIP.length * 0.4);
		emulator.s3.fault({ kind: 'cut', afterBytes: cutAt });
		const resumed = await runAgainst(emulator, APPSTORE, MARCH);
		assert.equal(resumed.error, undefined);
		assert.deepEqual(json(resumed.items), json(clean.items));
		const [cut, rest, more] = s3Gets().slice(before);
		assert.equal(more, undefined, 'one resume');
		assert.equal(cut.headers.range, undefined);
		const offset = Number(/^bytes=(\d+)-$/.exec(String(rest.headers.range))?.[1]);
		assert.ok(offset > 0 && offset <= cutAt, `resumed from the bytes it had (${rest.headers.range})`);
		assert.equal(rest.status, 206);
	});

	test('Selling Partner: the gzip TSV resumes, and the items equal a clean run', async () => {
		const clean = await runAgainst(emulator, SELLING_PARTNER, FEEDBACK);
		assert.equal(clean.error, undefined);
		assert.deepEqual(json(clean.items), feedbackTruth().rows);

		const before = s3Gets().length;
		emulator.s3.fault({ kind: 'cut', afterBytes: Math.floor(feedbackGzipLength() / 2) });
		const resumed = await runAgainst(emulator, SELLING_PARTNER, FEEDBACK);
		assert.equal(resumed.error, undefined);
		assert.deepEqual(json(resumed.items), json(clean.items));
		const downloads = s3Gets().slice(before);
		assert.equal(downloads.length, 2);
		assert.match(String(downloads[1].headers.range), /^bytes=[1-9]\d*-$/);
		assert.equal(downloads[1].status, 206);
	});

	test('a server that answers the Range request with the whole file (200) still gives the right rows', async () => {
		emulator.appstore.setReport('sales', '2025-03', { zip: SALES_ZIP });
		const clean = await runAgainst(emulator, APPSTORE, MARCH);
		emulator.s3.fault({ kind: 'cut', afterBytes: Math.floor(SALES_ZIP.length * 0.6) });
		emulator.s3.fault({ kind: 'ignoreRange' });
		let before = s3Gets().length;
		const appstore = await runAgainst(emulator, APPSTORE, MARCH);
		assert.equal(appstore.error, undefined);
		assert.deepEqual(json(appstore.items), json(clean.items));
		let downloads = s3Gets().slice(before);
		assert.equal(downloads.length, 2);
		assert.match(String(downloads[1].headers.range), /^bytes=/);
		assert.equal(downloads[1].status, 200, 'the Range was ignored');

		emulator.s3.fault({ kind: 'cut', afterBytes: Math.floor(feedbackGzipLength() / 3) });
		emulator.s3.fault({ kind: 'ignoreRange' });
		before = s3Gets().length;
		const feedback = await runAgainst(emulator, SELLING_PARTNER, FEEDBACK);
		assert.equal(feedback.error, undefined);
		assert.deepEqual(json(feedback.items), feedbackTruth().rows);
		downloads = s3Gets().slice(before);
		assert.equal(downloads.length, 2);
		assert.equal(downloads[1].status, 200);
	});

	test('cut more often than the 3 resumes: a network error naming the report', async () => {
		const s3 = await alwaysCuttingS3(SALES_ZIP, 8_000);
		try {
			emulator.inject({ path: /^\/api\/appstore\/download\/report\/sales\/2025\/03$/, status: 200, body: s3.link });
			const started = Date.now();
			const result = await runAgainst(emulator, APPSTORE, MARCH);
			const { message, description } = failure(result);
			assert.match(message, /broke while reading the file of the sales report for 2025-03.*resumed 3 times/);
			assert.match(description, /network/i);
			assert.ok(!message.includes('0123456789abcdef') && !description.includes('0123456789abcdef'), 'no signature');
			assert.equal(result.items.length, 0);
			assert.equal(s3.ranges.length, 4, 'the download and 3 resumes');
			assert.equal(s3.ranges[0], undefined);
			assert.ok(s3.ranges.slice(1).every((range) => /^bytes=[1-9]\d*-$/.test(String(range))));
			assert.ok(Date.now() - started < 10_000, 'bounded backoff');
		} finally {
			await s3.close();
		}
	});
});

describe('damaged files are checked, never turned into wrong rows', () => {
	test('a flipped byte in a ZIP entry’s compressed data fails its CRC-32 (or inflating)', async () => {
		emulator.appstore.setReport('sales', '2025-03', { zip: SALES_ZIP });
		// Compressed data: after the 30-byte local header and the name; before the descriptor and central directory.
		const dataStart = 30 + 'sales_2025_03.csv'.length;
		const dataEnd = SALES_ZIP.length - 16 - (46 + 'sales_2025_03.csv'.length) - 22;
		const positions = [dataStart + 13, dataStart + 400, Math.floor((dataStart + dataEnd) / 2), dataEnd - 40];
		const problems: string[] = [];
		for (const atByte of positions) {
			emulator.s3.fault({ kind: 'corrupt', atByte });
			const result = await runAgainst(emulator, APPSTORE, MARCH);
			const { message } = failure(result);
			assert.equal(result.items.length, 0, `byte ${atByte}: no rows`);
			if (!/checksum|corrupt/i.test(message)) problems.push(`byte ${atByte}: ${message}`);
		}
		assert.deepEqual(problems, [], 'every damaged ZIP is called damaged');
	});

	test('a flipped byte in a gzip document fails its check', async () => {
		const length = feedbackGzipLength();
		const problems: string[] = [];
		// In the first block's header, in the middle of the data, and in the trailer's CRC-32.
		for (const atByte of [12, Math.floor(length / 2), length - 6]) {
			emulator.s3.fault({ kind: 'corrupt', atByte });
			const result = await runAgainst(emulator, SELLING_PARTNER, FEEDBACK);
			const { message } = failure(result);
			assert.equal(result.items.length, 0, `byte ${atByte}: no items`);
			assert.match(message, /Seller Feedback report \d+/);
			if (!/checksum|corrupt/i.test(message)) problems.push(`byte ${atByte}: ${message}`);
		}
		assert.deepEqual(problems, [], 'every damaged gzip is called damaged');
	});
});

interface BombFigures {
	case: string;
	hung?: boolean;
	seconds: number;
	items: number;
	error: { message: string; description?: string } | null;
	peakRssMb: number;
	growthMb: number;
	longestBlockMs: number;
}

/** Runs test/faults/bomb.ts in a child process: its memory and event loop are the node's alone. */
async function bomb(name: string): Promise<BombFigures> {
	const child = spawn(process.execPath, ['--import', 'tsx', 'test/faults/bomb.ts', name], {
		cwd: resolve(__dirname, '..'),
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (data: Buffer) => (stdout += data.toString()));
	child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
	// The script has its own watchdog; this one is for a child that cannot even report.
	const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
	const code = await new Promise<number | null>((done) => child.on('close', done));
	clearTimeout(timer);
	assert.equal(code, 0, `bomb.ts ${name} failed:\n${stderr}`);
	const figures = JSON.parse(stdout.trim().split('\n').pop() as string) as BombFigures;
	// The figures, not the error text: the error is the expected outcome, checked by the test.
	process.stdout.write(`# bomb ${name}: ended in ${figures.seconds}s, memory +${figures.growthMb} MB, longest event-loop block ${figures.longestBlockMs} ms\n`);
	return figures;
}

function assertStoppedSafely(figures: BombFigures): void {
	assert.ok(!figures.hung, `the run never ended (no answer after ${figures.seconds}s)`);
	assert.ok(figures.error, 'the run fails');
	assert.match(figures.error.message, /longer than [\d,]+ characters|larger than [\d,.]+ MB once decompressed|expands more than \d+ times/);
	assertNoSecrets(figures.error, 'the error');
	assert.equal(figures.items, 0);
	assert.ok(figures.seconds < 10, `stopped within seconds (took ${figures.seconds}s)`);
	assert.ok(figures.growthMb <= 256, `memory bounded (+${figures.growthMb} MB over a normal run)`);
	assert.ok(figures.longestBlockMs < 1_000, `event loop never blocked for a second (longest ${figures.longestBlockMs} ms)`);
}

describe('decompression bombs and oversized documents', () => {
	test('a 10 MB gzip of one endless line (10 GiB) as a Selling Partner document', async () => {
		assertStoppedSafely(await bomb('gzip'));
	});

	test('a 10 MB ZIP whose entry expands to 10 GiB as an Appstore month', async () => {
		assertStoppedSafely(await bomb('zip'));
	});

	test('a 200 MB plain document without a line break', async () => {
		const figures = await bomb('longLine');
		assertStoppedSafely(figures);
		assert.match(String(figures.error?.message), /line 1 is longer than 1,048,576 characters/);
	});

	test('"Max Report Size (MB)" stops a normal report that is larger', async () => {
		emulator.appstore.setReport('sales', '2025-03', { zip: SALES_ZIP });
		let result = await runAgainst(emulator, APPSTORE, { ...MARCH, options: { maxReportMegabytes: 1 } });
		let shown = failure(result);
		assert.match(shown.message, /The sales report for 2025-03 is larger than 1\.0 MB once decompressed/);
		assert.match(shown.description, /raise "Max Report Size \(MB\)"/);
		assert.equal(result.items.length, 0);

		// A feedback document of 1.5 MB: read whole by default, stopped at 1 MB when asked.
		const row = '10/3/25\t2\tSlow delivery, box dented\t\t114-3941689-8772232\tbuyer@marketplace.amazon.example';
		const text = ['Date\tRating\tComments\tYour Response\tOrder ID\tRater Email', ...Array.from({ length: 16_000 }, () => row), ''].join('\n');
		for (let i = 0; i < 2; i++) emulator.spApi.queueOutcome('GET_SELLER_FEEDBACK_DATA', { status: 'DONE', document: { text, compression: 'GZIP' } });
		result = await runAgainst(emulator, SELLING_PARTNER, FEEDBACK);
		assert.equal(result.error, undefined);
		assert.equal(result.items.length, 16_000);
		result = await runAgainst(emulator, SELLING_PARTNER, { ...FEEDBACK, options: { maxReportMegabytes: 1 } });
		shown = failure(result);
		assert.match(shown.message, /Seller Feedback report \d+ .* is larger than 1\.0 MB once decompressed/);
		assert.equal(result.items.length, 0);
	});
});

describe('S3 answering 200 with a page instead of the report', () => {
	const cases: Array<[string, string, IDataObject]> = [
		['Appstore', APPSTORE, MARCH],
		['Selling Partner feedback (TSV)', SELLING_PARTNER, FEEDBACK],
		['Selling Partner account health (JSON)', SELLING_PARTNER, ACCOUNT_HEALTH],
	];
	for (const [name, type, parameters] of cases) {
		test(`${name}: an HTML page is quoted by its title, never by its link`, async () => {
			emulator.s3.fault({ kind: 'htmlPage', title: 'Hotel Guest Wi-Fi – Sign In' });
			const result = await runAgainst(emulator, type, parameters);
			const { message, description } = failure(result);
			assert.match(message, /returned an HTML page \("Hotel Guest Wi-Fi – Sign In"\) instead of the report/);
			assert.match(description, /proxy|captive portal/);
			assert.ok(!`${message} ${description}`.includes('portal.example'), 'the page’s link is not shown');
			assert.equal(result.items.length, 0);
		});

		test(`${name}: an S3 XML error is quoted by its code`, async () => {
			emulator.s3.fault({ kind: 'xmlError200' });
			const result = await runAgainst(emulator, type, parameters);
			const { message } = failure(result);
			assert.match(message, /SlowDown: Please reduce your request rate/);
			assert.equal(result.items.length, 0);
		});
	}
});

describe('Amazon’s flat files are not quote-escaped', () => {
	const header = 'Date\tRating\tComments\tYour Response\tOrder ID\tRater Email';

	test('comments starting with a quote, or with an unbalanced one, are read as written', async () => {
		const rows = [
			['10/3/25', '1', '"Arrived late" and the box was damaged', '', '114-0000001-0000001', 'buyer1@marketplace.amazon.example'],
			['10/5/25', '2', '"Never arrived', 'We are sorry', '114-0000002-0000002', 'buyer2@marketplace.amazon.example'],
			['10/7/25', '3', 'The 12" ruler came bent', '"Sorry!" – refunded', '114-0000003-0000003', ''],
			['10/9/25', '2', '"', '', '114-0000004-0000004', 'buyer4@marketplace.amazon.example'],
			['10/11/25', '1', 'Still waiting', '', '114-0000005-0000005', 'buyer5@marketplace.amazon.example'],
		];
		const text = [header, ...rows.map((cells) => cells.join('\t')), ''].join('\r\n');
		emulator.spApi.queueOutcome('GET_SELLER_FEEDBACK_DATA', { status: 'DONE', document: { text, compression: 'GZIP' } });
		const result = await runAgainst(emulator, SELLING_PARTNER, FEEDBACK);
		assert.equal(result.error, undefined);
		assert.deepEqual(
			json(result.items),
			rows.map(([date, rating, comments, response, orderId, raterEmail]) => ({
				marketplaceId: US,
				date: `2025-10-${date.split('/')[1].padStart(2, '0')}`,
				rating: Number(rating),
				comments,
				response: response || null,
				orderId,
				raterEmail: raterEmail || null,
			})),
		);
	});

	test('a parse error names the report type, the report and document IDs and the line', async () => {
		const text = [
			header,
			'10/3/25\t1\tLate\t\t114-0000001-0000001\tbuyer1@marketplace.amazon.example',
			`10/5/25\t2\t${'x'.repeat(1_200_000)}\t\t114-0000002-0000002\tbuyer2@marketplace.amazon.example`,
			'10/7/25\t3\tOK\t\t114-0000003-0000003\tbuyer3@marketplace.amazon.example',
			'',
		].join('\n');
		// Plain text: the line limit itself, apart from decompression.
		emulator.spApi.queueOutcome('GET_SELLER_FEEDBACK_DATA', { status: 'DONE', document: { text, compression: 'none' } });
		const result = await runAgainst(emulator, SELLING_PARTNER, FEEDBACK);
		const { message } = failure(result);
		const [report] = [...emulator.spApi.reports.values()];
		assert.ok(message.includes(`Seller Feedback report ${report.reportId} (document ${report.reportDocumentId}`), message);
		assert.match(message, /line 3 is longer than 1,048,576 characters/);
		assert.equal(result.items.length, 0);
	});
});

describe('Max Wait', () => {
	const polls = () => requestsTo(emulator, 'GET', /^\/reports\/2021-06-30\/reports\/\d+$/);

	test('a report that becomes DONE at the last check before the deadline is fetched', async () => {
		// Checks at 0, 0.5, 1.5, 3.5 and 6 s: the fifth, at the deadline, finds it DONE.
		emulator.spApi.queueOutcome('GET_V1_SELLER_PERFORMANCE_REPORT', { status: 'DONE', pollsUntilDone: 5 });
		const result = await runAgainst(emulator, SELLING_PARTNER, { ...CUSTOMER_METRICS, options: { reuseWithinMinutes: 0, maxWaitMinutes: 0.1 } });
		assert.equal(result.error, undefined);
		assert.ok(result.items.length > 0);
		const checks = polls();
		assert.equal(checks.length, 5);
		assert.ok(checks[4].at - checks[0].at >= 5_500, 'the last check was at the deadline');
	});

	test('the timeout names the Download operation and the report ID, and Download fetches it later', async () => {
		emulator.spApi.queueOutcome('GET_V1_SELLER_PERFORMANCE_REPORT', { status: 'DONE', pollsUntilDone: 7 });
		const timedOut = await runAgainst(emulator, SELLING_PARTNER, { ...CUSTOMER_METRICS, options: { reuseWithinMinutes: 0, maxWaitMinutes: 0.1 } });
		const { message, description } = failure(timedOut);
		const [reportId] = [...emulator.spApi.reports.keys()];
		assert.match(message, new RegExp(`Report ${reportId} \\(GET_V1_SELLER_PERFORMANCE_REPORT\\) was still IN_PROGRESS`));
		assert.ok(description.includes(`the operation "Download" (resource Report) and Report ID ${reportId}`), description);

		const later = await runAgainst(emulator, SELLING_PARTNER, { resource: 'report', operation: 'download', reportId });
		assert.equal(later.error, undefined);
		assert.ok(later.items.some((item) => item.json.metric === 'orderWithDefects'), 'typed like Get');
	});
});

describe('account health of a shape the node does not know', () => {
	const unknownShape = () =>
		emulator.spApi.queueOutcome('GET_V2_SELLER_PERFORMANCE_REPORT', { status: 'DONE', document: { text: '{"foo": {"bar": 1}}', compression: 'GZIP' } });

	test('per metric: a clear error', async () => {
		unknownShape();
		const result = await runAgainst(emulator, SELLING_PARTNER, { ...ACCOUNT_HEALTH, accountHealthOutput: 'metrics' });
		const { message, description } = failure(result);
		assert.match(message, /account health report has a layout this node does not recognise \(it holds foo\)/);
		assert.match(description, /Simplify/);
	});

	test('alert summary: healthy is null with a warning, never true', async () => {
		unknownShape();
		const result = await runAgainst(emulator, SELLING_PARTNER, { ...ACCOUNT_HEALTH, accountHealthOutput: 'summary' });
		assert.equal(result.error, undefined);
		assert.equal(result.items.length, 1);
		const summary = result.items[0].json;
		assert.equal(summary.healthy, null);
		assert.equal(typeof summary.warning, 'string');
		assert.match(String(summary.text), /unknown/);
	});
});

describe('Appstore: a missing file and an unavailable service', () => {
	const salesRows = (month: string) => generateSalesReport(month).rows.length;

	test('S3’s 403 "Access Denied" for one month: no items, or the clear error when asked', async () => {
		emulator.s3.fault({ kind: 'missing' });
		let result = await runAgainst(emulator, APPSTORE, { ...MARCH, month: '2025-02' });
		assert.equal(result.error, undefined);
		assert.equal(result.items.length, 0);

		emulator.s3.fault({ kind: 'missing' });
		result = await runAgainst(emulator, APPSTORE, { ...MARCH, month: '2025-02', options: { failIfNoReport: true } });
		const { message } = failure(result);
		assert.match(message, /no sales report for 2025-02 yet/);
	});

	test('in a range, the other months’ rows', async () => {
		// The first download of the range (January) is the missing one.
		emulator.s3.fault({ kind: 'missing' });
		const result = await runAgainst(emulator, APPSTORE, { operation: 'getSalesReport', period: 'range', startMonth: '2025-01', endMonth: '2025-03' });
		assert.equal(result.error, undefined);
		assert.deepEqual([...new Set(result.items.map((item) => item.json.reportMonth))], ['2025-02', '2025-03']);
		assert.equal(result.items.length, salesRows('2025-02') + salesRows('2025-03'));
	});

	test('S3’s 404 (unavailable) twice is retried and the run succeeds', async () => {
		emulator.s3.fault({ kind: 'unavailable', times: 2 });
		const result = await runAgainst(emulator, APPSTORE, { ...MARCH, month: '2025-01' });
		assert.equal(result.error, undefined);
		assert.equal(result.items.length, salesRows('2025-01'));
		assert.deepEqual(s3Gets().map((request) => request.status), [404, 404, 200]);
	});

	test('the Reporting API’s 404 twice, then 200, succeeds', async () => {
		emulator.inject({ path: /^\/api\/appstore\/download\/report\/sales\//, status: 404, body: 'Server Unavailable', times: 2 });
		const result = await runAgainst(emulator, APPSTORE, { ...MARCH, month: '2025-01' });
		assert.equal(result.error, undefined);
		assert.equal(result.items.length, salesRows('2025-01'));
		assert.deepEqual(requestsTo(emulator, 'GET', /^\/api\/appstore\//).map((request) => request.status), [404, 404, 200]);
	});
});

describe('a Report ID that resolves to nothing', () => {
	const values: Array<[string, string]> = [
		['an expression on a missing field', '={{ $json.reportId }}'],
		['"undefined"', 'undefined'],
		['"null"', 'null'],
	];
	for (const operation of ['download', 'getStatus', 'cancel']) {
		for (const [name, reportId] of values) {
			test(`${operation}: ${name} is rejected before any request`, async () => {
				const result = await runAgainst(
					emulator,
					SELLING_PARTNER,
					{ resource: 'report', operation, reportId },
					{ inputItems: [{ somethingElse: 1 }] },
				);
				const { message, description } = failure(result);
				assert.match(message, /"Report ID" is empty/);
				assert.match(description, /Report ID/);
				assert.equal(emulator.requests.length, 0);
			});
		}
	}
});

describe('long waits tell the user what they wait for', () => {
	const documentLinks = () => requestsTo(emulator, 'GET', /^\/reports\/2021-06-30\/documents\//);
	const throttled = (seconds: number) =>
		emulator.inject({
			method: 'GET',
			path: /^\/reports\/2021-06-30\/documents\//,
			status: 429,
			body: '{"errors":[{"code":"QuotaExceeded","message":"You exceeded your quota for the requested resource."}]}',
			headers: { 'content-type': 'application/json', 'retry-after': String(seconds) },
		});

	test('a 429 with Retry-After 3 on getReportDocument says so in the editor and the logs', async () => {
		throttled(3);
		const logsBefore = logLines.length;
		const result = await runAgainst(emulator, SELLING_PARTNER, CUSTOMER_METRICS);
		assert.equal(result.error, undefined);
		assert.ok(result.items.length > 0);
		const [first, second] = documentLinks();
		assert.equal(first.status, 429);
		assert.ok(second.at - first.at >= 2_900, 'waited as Retry-After said');
		const said = /Waiting 3s before requesting the link to report document amzn1\.spdoc\.[\w.]+: Amazon is throttling/;
		const ui = JSON.stringify(result.uiMessages);
		assert.match(ui, said);
		assertNoSecrets(ui, 'the editor messages');
		const logs = logLines.slice(logsBefore);
		assert.ok(logs.some((line) => said.test(line)), 'logged');
		assertNoSecrets(logs, 'the logs');
	});

	test('stopping the execution during that wait ends it promptly', async () => {
		throttled(30);
		const started = Date.now();
		const result = await runAgainst(emulator, SELLING_PARTNER, CUSTOMER_METRICS, { cancelAfterMs: 2_500 });
		assert.equal(result.run.status, 'canceled');
		assert.ok(Date.now() - started < 5_000, `ended promptly (${Date.now() - started} ms)`);
		assert.match(JSON.stringify(result.uiMessages), /Waiting 30s before requesting the link to report document/);
		assert.equal(documentLinks().length, 1, 'only the throttled request was sent');
	});
});
