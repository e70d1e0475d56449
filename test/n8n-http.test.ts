// Requests go through n8n's own HTTP client (helpers.httpRequest), so n8n's outbound-request policy
// applies to them, and documents S3 serves with Content-Encoding: gzip (which that client
// decompresses on its own) are read right, labelled GZIP or not, and resumed when cut.
import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';

import { generateFeedback } from '../emulator/fixtures/sp-feedback';

import { daysAgo, requestsTo, runAgainst, SELLING_PARTNER, US, useEmulator } from './harness/amazon';

// n8n reads its SSRF settings when its HTTP client is first used: before any test runs here.
// Only link-local addresses are blocked, so the emulator (127.0.0.1) stays reachable, and
// 169.254.169.254 (a cloud's metadata service) is not.
process.env.N8N_SSRF_PROTECTION_ENABLED = 'true';
process.env.N8N_SSRF_BLOCKED_IP_RANGES = '169.254.0.0/16';

const emulatorNow = useEmulator();
let emulator = emulatorNow();
beforeEach(() => {
	emulator = emulatorNow();
});

const START = new Date(daysAgo(90)).toISOString();
const END = new Date(daysAgo(1)).toISOString();
const FEEDBACK = { operation: 'get', reportType: 'GET_SELLER_FEEDBACK_DATA', marketplaceIds: [US], dataStartTime: START, dataEndTime: END };
const truth = () => generateFeedback(US, START, END).rows;
const s3Gets = () => requestsTo(emulator, 'GET', /^\/s3\//);

describe('documents served with Content-Encoding: gzip', () => {
	for (const mode of ['labelled', 'unlabelled'] as const) {
		test(`${mode === 'labelled' ? 'labelled GZIP too' : 'not labelled GZIP'}: the items are the report's`, async () => {
			emulator.spApi.contentEncoding = mode;
			const { items, error } = await runAgainst(emulator, SELLING_PARTNER, FEEDBACK);
			assert.equal(error, undefined, error?.message);
			assert.deepEqual(
				items.map((item) => item.json),
				truth(),
			);
			const [download] = s3Gets();
			assert.match(download.path, /^\/s3\//);
			assert.equal(download.query['response-content-encoding'], 'gzip', 'S3 was asked to send Content-Encoding');
		});
	}

	for (const mode of ['labelled', 'stored'] as const) {
		test(`cut half-way (${mode === 'labelled' ? 'Content-Encoding asked for in the link' : 'Content-Encoding stored with the file'}): read again from the start, the same items`, async () => {
			emulator.spApi.contentEncoding = mode;
			const clean = await runAgainst(emulator, SELLING_PARTNER, FEEDBACK);
			assert.equal(clean.error, undefined, clean.error?.message);
			assert.deepEqual(
				clean.items.map((item) => item.json),
				truth(),
			);
			const before = s3Gets().length;
			// Held open a moment before the reset, so that decoded bytes arrive before the break.
			emulator.s3.fault({ kind: 'cut', afterBytes: Math.floor(gzipSync(Buffer.from(generateFeedback(US, START, END).tsv)).length / 2), holdMs: 300 });
			const resumed = await runAgainst(emulator, SELLING_PARTNER, FEEDBACK);
			assert.equal(resumed.error, undefined, resumed.error?.message);
			assert.deepEqual(
				resumed.items.map((item) => item.json),
				truth(),
			);
			// The decoded bytes read so far are no offset into the stored file: no Range is trusted.
			const [cut, ...again] = s3Gets().slice(before);
			assert.equal(cut.headers.range, undefined);
			assert.equal(again.at(-1)?.headers.range, undefined, 'the file is read again whole');
			assert.equal(again.at(-1)?.status, 200);
			if (mode === 'labelled') assert.equal(again.length, 1, 'known by its link: no Range request at all');
			else assert.ok(again.length === 2 && /^bytes=[1-9]\d*-$/.test(String(again[0].headers.range)), 'a Range S3 cannot serve, then the whole file');
		});
	}
});

describe("n8n's outbound-request policy applies to the package's requests", () => {
	test('a Custom environment pointing at a blocked address is refused by n8n, and nothing is sent', async () => {
		const { error } = await runAgainst(emulator, SELLING_PARTNER, FEEDBACK, {
			credentials: {
				amazonSellingPartnerApi: {
					clientId: 'amzn1.application-oa2-client.test',
					clientSecret: 'secret',
					refreshToken: 'Atzr|test',
					region: 'na',
					environment: 'custom',
					tokenUrl: 'http://169.254.169.254/auth/o2/token',
					apiBaseUrl: 'http://169.254.169.254',
				},
			},
		});
		assert.ok(error, 'the run fails');
		assert.match(error.message, /Could not reach Amazon while requesting an access token/);
		assert.match(String(error.description), /169\.254\.169\.254|blocked|SSRF/i, String(error.description));
		assert.equal(emulator.requests.length, 0);
	});
});
