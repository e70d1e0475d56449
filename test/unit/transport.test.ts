// The transport's own logic on its own, with n8n's HTTP helper played by a small stand-in (the
// engine tier runs the real one against the emulator): a body that stalls is ended by the idle
// watch, 5xx and dropped connections are retried within bounds, a cancelled execution stops a
// wait at once, and an error never quotes a link.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { IHttpRequestOptions } from 'n8n-workflow';

import { AmazonRequestError } from '../../nodes/shared/errors';
import type { N8nHttpHelpers } from '../../nodes/shared/transport/http';
import { requestStream, requestText, sendThroughN8n } from '../../nodes/shared/transport/http';

type Answer = { statusCode: number; headers?: Record<string, string>; body: AsyncIterable<Uint8Array> } | Error;

/** Answers requests in turn, as n8n's helper does with encoding 'stream' and returnFullResponse. */
function helperAnswering(...answers: Array<(options: IHttpRequestOptions) => Answer>): N8nHttpHelpers & { calls: IHttpRequestOptions[] } {
	const calls: IHttpRequestOptions[] = [];
	return {
		calls,
		async httpRequest(options) {
			calls.push(options);
			const answer = answers[Math.min(calls.length - 1, answers.length - 1)](options);
			if (answer instanceof Error) throw answer;
			return { ...answer, headers: answer.headers ?? {}, statusMessage: '' };
		},
	};
}

async function* bytes(text: string): AsyncIterable<Uint8Array> {
	yield new TextEncoder().encode(text);
}

/** One chunk, then nothing: the connection stays open and silent (unless the request is aborted). */
async function* stalls(signal: unknown): AsyncIterable<Uint8Array> {
	yield new TextEncoder().encode('first bytes');
	await new Promise((_, reject) => (signal as AbortSignal | undefined)?.addEventListener('abort', () => reject(new Error('aborted'))));
}

const rejected = async (run: Promise<unknown>) => (await run.then(() => undefined, (error: unknown) => error)) as Error & { code?: string };

describe('sendThroughN8n', () => {
	test('asks n8n for a stream with every status handed back, and a headers timeout', async () => {
		const helper = helperAnswering(() => ({ statusCode: 404, body: bytes('Not Found') }));
		const answer = await sendThroughN8n(helper)({ method: 'GET', url: 'https://example.test/x' });
		assert.equal(answer.status, 404);
		const [options] = helper.calls;
		assert.equal(options.encoding, 'stream');
		assert.equal(options.returnFullResponse, true);
		assert.equal(options.ignoreHttpStatusErrors, true);
		assert.ok(Number(options.timeout) > 0);
		assert.ok(options.abortSignal, 'n8n can abort it');
	});

	test('a body that stops arriving ends with ETIMEDOUT after the idle limit, not never', async () => {
		const helper = helperAnswering((options) => ({ statusCode: 200, body: stalls(options.abortSignal) }));
		const answer = await sendThroughN8n(helper, { headersMs: 1_000, bodyIdleMs: 300 })({ method: 'GET', url: 'https://example.test/file' });
		const started = Date.now();
		const read = (async () => {
			for await (const chunk of answer.body) void chunk;
		})();
		const error = await rejected(read);
		assert.equal(error?.code, 'ETIMEDOUT');
		assert.ok(Date.now() - started < 2_000, `ended after ${Date.now() - started} ms`);
		assert.equal((helper.calls[0].abortSignal as AbortSignal).aborted, true, 'the request was aborted too');
	});
});

describe('requestText and requestStream', () => {
	test('5xx and a dropped connection are retried; the answer after them is read', async () => {
		const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
		const helper = helperAnswering(
			() => ({ statusCode: 503, body: bytes('busy') }),
			() => reset,
			() => ({ statusCode: 200, body: bytes('{"ok":true}') }),
		);
		const answer = await requestText({ send: sendThroughN8n(helper), method: 'GET', url: 'https://example.test/a', purpose: 'a test answer', retry: { maxAttempts: 4, baseDelayMs: 10, throttleDelayMs: 10, maxDelayMs: 50 } });
		assert.equal(answer.body, '{"ok":true}');
		assert.equal(helper.calls.length, 3);
	});

	test('retries are bounded: the last answer is handed back, a last network error explained', async () => {
		const helper = helperAnswering(() => ({ statusCode: 500, body: bytes('no') }));
		const retry = { maxAttempts: 3, baseDelayMs: 5, throttleDelayMs: 5, maxDelayMs: 20 };
		const answer = await requestStream({ send: sendThroughN8n(helper), method: 'GET', url: 'https://example.test/b', purpose: 'b', retry });
		assert.equal(answer.status, 500);
		assert.equal(answer.errorText, 'no');
		assert.equal(helper.calls.length, 3);

		const link = 'https://bucket.s3.amazonaws.com/report.gz?X-Amz-Signature=abcdef0123';
		const refused = helperAnswering(() => Object.assign(new Error(`connect ECONNREFUSED for ${link}`), { code: 'ECONNREFUSED' }));
		const error = await rejected(requestText({ send: sendThroughN8n(refused), method: 'GET', url: link, purpose: 'the file of a report', retry }));
		assert.ok(error instanceof AmazonRequestError);
		assert.equal(error.message, 'Could not reach Amazon while requesting the file of a report');
		assert.ok(!JSON.stringify(error.details).includes('X-Amz-Signature'), JSON.stringify(error.details));
	});

	test('a cancelled execution ends a wait between retries at once', async () => {
		const controller = new AbortController();
		const helper = helperAnswering(() => ({ statusCode: 429, headers: { 'retry-after': '30' }, body: bytes('slow down') }));
		setTimeout(() => controller.abort(), 100);
		const started = Date.now();
		const error = await rejected(
			requestText({ send: sendThroughN8n(helper), method: 'GET', url: 'https://example.test/c', purpose: 'c', signal: controller.signal }),
		);
		assert.ok(error instanceof AmazonRequestError && error.details.cancelled, String(error));
		assert.ok(Date.now() - started < 1_000);
	});
});
