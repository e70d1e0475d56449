// The only module that talks HTTP. Every request goes through n8n's own HTTP helper (so n8n's
// proxy settings, TLS options, outbound-request policy and logging apply as to n8n's own nodes);
// this module adds what Amazon needs: pacing, bounded retries and messages that say what failed.
import type { IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { AmazonRequestError } from '../errors';
import type { Pacer } from './pacer';
import type { RetryPolicy } from './retry';
import { backoff, DEFAULT_RETRY } from './retry';
import { throwIfAborted, waitOrCancel } from './wait';

export type HttpMethod = 'GET' | 'POST' | 'DELETE' | 'PUT';

/** One request, as this package sends it. */
export interface SendRequest {
	method: HttpMethod;
	url: string;
	headers?: Record<string, string>;
	body?: string;
	signal?: AbortSignal;
}

/** An answer whose body has not been read yet. */
export interface SentResponse {
	status: number;
	/** Lower-case names. */
	headers: Record<string, string>;
	body: AsyncIterable<Uint8Array>;
	/** Frees the connection without reading the rest of the body. */
	discard(): void;
}

/** Sends one request and hands back the answer unread; retries, pacing and reading are this module's. */
export type HttpSend = (request: SendRequest) => Promise<SentResponse>;

export interface HttpTimeouts {
	/** Wait at most this long for an answer's headers. */
	headersMs: number;
	/** A body that sends nothing for this long is a broken connection (a download resumes it). */
	bodyIdleMs: number;
}

const TIMEOUTS: HttpTimeouts = { headersMs: 60_000, bodyIdleMs: 120_000 };

/** The helper every node, trigger and load-options context has. */
export interface N8nHttpHelpers {
	httpRequest(options: IHttpRequestOptions): Promise<unknown>;
}

/** Sends through n8n's `helpers.httpRequest`, the body as a stream, every status handed back. */
export function sendThroughN8n(helpers: N8nHttpHelpers, timeouts: HttpTimeouts = TIMEOUTS): HttpSend {
	return async (request) => {
		const idle = new IdleWatch(request.signal, timeouts.bodyIdleMs);
		let response: IN8nHttpFullResponse | undefined;
		try {
			response = (await helpers.httpRequest({
				method: request.method,
				url: request.url,
				headers: request.headers,
				body: request.body,
				abortSignal: idle.signal,
				timeout: timeouts.headersMs,
				encoding: 'stream',
				json: false,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
			})) as IN8nHttpFullResponse;
		} finally {
			if (!response) idle.stop();
		}
		const stream = response.body as AsyncIterable<Uint8Array> & { destroy?: () => void };
		return {
			status: response.statusCode,
			headers: flattenHeaders(response.headers),
			body: idle.watch(stream),
			discard: () => {
				idle.stop();
				stream.destroy?.();
			},
		};
	};
}

/**
 * Ends a request whose body stops arriving. n8n's client times out only the wait for the headers,
 * so a stalled body would otherwise wait forever; a sleep from n8n-workflow watches it.
 */
class IdleWatch {
	private readonly controller = new AbortController();

	private readonly stopped = new AbortController();

	private lastChunkAt = Date.now();

	readonly signal: AbortSignal;

	/** Rejects when the body has been idle too long: raced against each read, whatever the client does on abort. */
	private readonly expired: Promise<never>;

	constructor(
		outer: AbortSignal | undefined,
		private readonly limitMs: number,
	) {
		this.signal = outer ? AbortSignal.any([outer, this.controller.signal]) : this.controller.signal;
		this.expired = new Promise<never>((_, reject) => {
			this.controller.signal.addEventListener('abort', () => reject(idleError(limitMs)), { once: true });
		});
		this.expired.catch(() => undefined);
	}

	async *watch(body: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
		void this.run();
		const chunks = body[Symbol.asyncIterator]();
		try {
			for (;;) {
				const next = await Promise.race([chunks.next(), this.expired]);
				if (next.done) return;
				this.lastChunkAt = Date.now();
				yield next.value;
			}
		} finally {
			this.stop();
			// Not awaited: a stalled source may never settle; n8n's stream is destroyed at once.
			void chunks.return?.()?.catch(() => undefined);
		}
	}

	stop(): void {
		this.stopped.abort();
	}

	private async run(): Promise<void> {
		while (!this.stopped.signal.aborted) {
			const idleFor = Date.now() - this.lastChunkAt;
			if (idleFor >= this.limitMs) {
				this.controller.abort();
				return;
			}
			try {
				await sleep(this.limitMs - idleFor, this.stopped.signal);
			} catch {
				return;
			}
		}
	}
}

function idleError(limitMs: number): Error {
	return Object.assign(new Error(`no data arrived for ${limitMs / 1000} s`), { code: 'ETIMEDOUT' });
}

export interface HttpRequestOptions extends SendRequest {
	/** The way out: n8n's HTTP helper of the running node, trigger or credential test. */
	send: HttpSend;
	retry?: RetryPolicy;
	/** Statuses worth retrying besides 429 and 5xx, e.g. 404 for the Appstore ("Server Unavailable"). */
	retryStatuses?: number[];
	pacer?: Pacer;
	/** Tells the user (in errors) what this request was for, e.g. "the sales report URL for 2025-03". */
	purpose: string;
	/** Told about waits long enough for a user to wonder (rate limits, backoff). */
	onWait?: (message: string) => void;
}

/** Waits shorter than this are not worth telling the user about. */
const TELL_AFTER_MS = 2_000;

async function pause(options: HttpRequestOptions, ms: number, why: string): Promise<void> {
	if (ms >= TELL_AFTER_MS) options.onWait?.(`Waiting ${Math.round(ms / 1000)}s before requesting ${options.purpose}: ${why}`);
	await waitOrCancel(ms, options.signal, options.purpose);
}

export interface HttpResponse<Body> {
	status: number;
	headers: Record<string, string>;
	body: Body;
}

/** Error answers are read this far: enough for any message, not a whole unexpected file. */
const MAX_ERROR_BODY_BYTES = 64 * 1024;

/** Sends a request and reads the whole body as text. Retries 429, 5xx and dropped connections. */
export async function requestText(options: HttpRequestOptions): Promise<HttpResponse<string>> {
	return await withRetries(options, async (response) => ({
		status: response.status,
		headers: response.headers,
		body: await readText(response),
	}));
}

/**
 * Sends a request and hands back the body as a stream of chunks, for downloads; an error answer
 * comes back read as text. A connection that breaks while the body streams throws from the
 * iteration: the download module resumes it.
 */
export async function requestStream(
	options: HttpRequestOptions,
): Promise<HttpResponse<AsyncIterable<Uint8Array>> & { errorText?: string }> {
	return await withRetries(options, async (response) => {
		if (response.status >= 300) {
			const errorText = await readText(response, MAX_ERROR_BODY_BYTES);
			return { status: response.status, headers: response.headers, errorText, body: once(new TextEncoder().encode(errorText)) };
		}
		return { status: response.status, headers: response.headers, body: response.body };
	});
}

async function withRetries<T extends { status: number; headers: Record<string, string> }>(
	options: HttpRequestOptions,
	read: (response: SentResponse) => Promise<T>,
): Promise<T> {
	const policy = options.retry ?? DEFAULT_RETRY;
	for (let attempt = 1; ; attempt++) {
		throwIfAborted(options.signal, options.purpose);
		const paced = options.pacer?.delayMs ?? 0;
		if (paced >= TELL_AFTER_MS) options.onWait?.(`Waiting ${Math.round(paced / 1000)}s before requesting ${options.purpose}: Amazon's rate limit for this operation`);
		await options.pacer?.wait(options.signal);
		let response: SentResponse;
		try {
			response = await options.send({
				method: options.method,
				url: options.url,
				headers: options.headers,
				body: options.body,
				signal: options.signal,
			});
		} catch (error) {
			throwIfAborted(options.signal, options.purpose);
			if (attempt < policy.maxAttempts && isTransientNetworkError(error)) {
				await pause(options, backoff(policy, attempt), `the connection failed (${describeNetworkError(error)}), retrying`);
				continue;
			}
			throw unreachableError(options.purpose, attempt, error);
		}

		const retryable =
			response.status === 429 ||
			(response.status >= 500 && response.status !== 501) ||
			(options.retryStatuses?.includes(response.status) ?? false);
		if (retryable && attempt < policy.maxAttempts) {
			response.discard();
			const delay =
				response.status === 429 ? throttleDelay(policy, response.headers) : backoff(policy, attempt);
			await pause(
				options,
				delay,
				response.status === 429 ? 'Amazon is throttling (HTTP 429), waiting as its rate limit says' : `Amazon answered HTTP ${response.status}, retrying`,
			);
			continue;
		}
		try {
			return await read(response);
		} catch (error) {
			throwIfAborted(options.signal, options.purpose);
			throw brokenConnectionError(options.purpose, error);
		}
	}
}

/** Reads an answer as UTF-8 text, up to `maxBytes` (the rest is dropped with the connection). */
async function readText(response: SentResponse, maxBytes = Number.POSITIVE_INFINITY): Promise<string> {
	const decoder = new TextDecoder();
	let text = '';
	let read = 0;
	for await (const chunk of response.body) {
		const room = maxBytes - read;
		text += decoder.decode(chunk.length > room ? chunk.subarray(0, room) : chunk, { stream: true });
		read += chunk.length;
		if (read >= maxBytes) {
			response.discard();
			break;
		}
	}
	return text + decoder.decode();
}

/** Amazon says how fast an operation may be called (Retry-After, x-amzn-RateLimit-Limit); else the documented rate. */
function throttleDelay(policy: RetryPolicy, headers: Record<string, string>): number {
	const retryAfter = Number(headers['retry-after']);
	if (Number.isFinite(retryAfter) && retryAfter > 0) return Math.min(retryAfter * 1000, policy.maxDelayMs);
	const ratePerSecond = Number(headers['x-amzn-ratelimit-limit']);
	const hinted = Number.isFinite(ratePerSecond) && ratePerSecond > 0 ? 1000 / ratePerSecond : 0;
	return Math.min((hinted || policy.throttleDelayMs) * (1 + Math.random() * 0.2), policy.maxDelayMs);
}

/** Failures worth another attempt: the connection broke, timed out or the name did not resolve for now. */
const TRANSIENT_CODES = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED', 'EAI_AGAIN', 'ERR_BAD_RESPONSE', 'UND_ERR_SOCKET']);

function isTransientNetworkError(error: unknown): boolean {
	for (let cause = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; cause && depth < 4; cause = cause.cause as typeof cause, depth++) {
		if (typeof cause.code === 'string' && TRANSIENT_CODES.has(cause.code)) return true;
		if (cause instanceof Error && /socket hang up|other side closed|aborted/i.test(cause.message)) return true;
	}
	return false;
}

// Errors are built by functions: the node turns them into NodeApiError with the item index.
// The system's error (ECONNRESET, ETIMEDOUT, …) goes in the description: n8n replaces a message
// that contains such a code with a generic text, which would lose what the request was for.
// Only the error's own message and code are quoted: n8n's client errors also carry the request
// (its URL with a link's signature, its headers with a token), which must never reach a user.
function unreachableError(purpose: string, attempts: number, cause: unknown): AmazonRequestError {
	return new AmazonRequestError(`Could not reach Amazon while requesting ${purpose}`, {
		description: `${describeNetworkError(cause)}. Tried ${attempts} time(s). Check the network connection, n8n's proxy settings (HTTP_PROXY, HTTPS_PROXY), and the credential's URLs.`,
	});
}

export function brokenConnectionError(purpose: string, cause: unknown, advice = 'This is usually temporary: run the node again.'): AmazonRequestError {
	return new AmazonRequestError(`The connection to Amazon broke while reading ${purpose}`, {
		description: `${describeNetworkError(cause)}. ${advice}`,
	});
}

function describeNetworkError(error: unknown): string {
	const code = (error as { code?: string })?.code;
	const message = (error instanceof Error ? error.message : String(error)).replace(/https?:\/\/\S+/g, '(link)');
	return code && !message.includes(code) ? `${message} (${code})` : message;
}

function flattenHeaders(headers: object | undefined): Record<string, string> {
	const flat: Record<string, string> = {};
	for (const [name, value] of Object.entries(headers ?? {})) {
		if (value === undefined || value === null || typeof value === 'function') continue;
		flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
	}
	return flat;
}

async function* once(bytes: Uint8Array): AsyncIterable<Uint8Array> {
	yield bytes;
}
