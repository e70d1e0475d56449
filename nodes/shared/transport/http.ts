// The only module that talks HTTP. Everything else asks it for a response.
import { EnvHttpProxyAgent, errors as undiciErrors, request } from 'undici';

import { AmazonRequestError } from '../errors';
import type { Pacer } from './pacer';
import { throwIfAborted, waitOrCancel } from './wait';

// Honours HTTP_PROXY / HTTPS_PROXY / NO_PROXY the way n8n's own HTTP client does.
const dispatcher = new EnvHttpProxyAgent({
	connectTimeout: 15_000,
	headersTimeout: 60_000,
	bodyTimeout: 120_000,
	keepAliveTimeout: 10_000,
});

export type HttpMethod = 'GET' | 'POST' | 'DELETE' | 'PUT';

export interface RetryPolicy {
	/** Total attempts including the first one. */
	maxAttempts: number;
	/** First backoff for 5xx and connection failures; doubles each attempt, with jitter. */
	baseDelayMs: number;
	/** Wait after a 429 when Amazon gives no hint; the operation's documented rate. */
	throttleDelayMs: number;
	/** Never wait longer than this for one retry. */
	maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
	maxAttempts: 4,
	baseDelayMs: 500,
	throttleDelayMs: 1_000,
	maxDelayMs: 60_000,
};

export interface HttpRequestOptions {
	method: HttpMethod;
	url: string;
	headers?: Record<string, string>;
	body?: string;
	signal?: AbortSignal;
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

/** Sends a request and reads the whole body as text. Retries 429, 5xx and dropped connections. */
export async function requestText(options: HttpRequestOptions): Promise<HttpResponse<string>> {
	return await withRetries(options, async (response) => ({
		...response,
		body: await response.body.text(),
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
			const errorText = await response.body.text();
			return { ...response, errorText, body: toIterable(new TextEncoder().encode(errorText)) };
		}
		return { ...response, body: response.body };
	});
}

type RawResponse = {
	status: number;
	headers: Record<string, string>;
	body: AsyncIterable<Uint8Array> & { text(): Promise<string>; dump(): Promise<void> };
};

async function withRetries<T extends { status: number; headers: Record<string, string> }>(
	options: HttpRequestOptions,
	read: (response: RawResponse) => Promise<T>,
): Promise<T> {
	const policy = options.retry ?? DEFAULT_RETRY;
	for (let attempt = 1; ; attempt++) {
		throwIfAborted(options.signal, options.purpose);
		const paced = options.pacer?.delayMs ?? 0;
		if (paced >= TELL_AFTER_MS) options.onWait?.(`Waiting ${Math.round(paced / 1000)}s before requesting ${options.purpose}: Amazon's rate limit for this operation`);
		await options.pacer?.wait(options.signal);
		let response: RawResponse;
		try {
			const sent = await request(options.url, {
				method: options.method,
				headers: options.headers,
				body: options.body,
				signal: options.signal,
				dispatcher,
			});
			response = {
				status: sent.statusCode,
				headers: flattenHeaders(sent.headers),
				body: sent.body as RawResponse['body'],
			};
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
			await response.body.dump();
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

/** Amazon says how fast an operation may be called (Retry-After, x-amzn-RateLimit-Limit); else the documented rate. */
function throttleDelay(policy: RetryPolicy, headers: Record<string, string>): number {
	const retryAfter = Number(headers['retry-after']);
	if (Number.isFinite(retryAfter) && retryAfter > 0) return Math.min(retryAfter * 1000, policy.maxDelayMs);
	const ratePerSecond = Number(headers['x-amzn-ratelimit-limit']);
	const hinted = Number.isFinite(ratePerSecond) && ratePerSecond > 0 ? 1000 / ratePerSecond : 0;
	return Math.min((hinted || policy.throttleDelayMs) * (1 + Math.random() * 0.2), policy.maxDelayMs);
}

export function backoff(policy: RetryPolicy, attempt: number): number {
	const ceiling = Math.min(policy.baseDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
	return ceiling / 2 + Math.random() * (ceiling / 2);
}

function isTransientNetworkError(error: unknown): boolean {
	if (error instanceof undiciErrors.ConnectTimeoutError) return true;
	if (error instanceof undiciErrors.HeadersTimeoutError) return true;
	if (error instanceof undiciErrors.SocketError) return true;
	const code = (error as { code?: string })?.code;
	return code === 'ECONNRESET' || code === 'EPIPE' || code === 'ETIMEDOUT' || code === 'EAI_AGAIN';
}

// Errors are built by functions: the node turns them into NodeApiError with the item index.
// The system's error (ECONNRESET, ETIMEDOUT, …) goes in the description: n8n replaces a message
// that contains such a code with a generic text, which would lose what the request was for.
function unreachableError(purpose: string, attempts: number, cause: unknown): AmazonRequestError {
	return new AmazonRequestError(`Could not reach Amazon while requesting ${purpose}`, {
		description: `${describeNetworkError(cause)}. Tried ${attempts} time(s). Check the network connection, any HTTP(S)_PROXY setting, and the credential's URLs.`,
	});
}

export function brokenConnectionError(purpose: string, cause: unknown, advice = 'This is usually temporary: run the node again.'): AmazonRequestError {
	return new AmazonRequestError(`The connection to Amazon broke while reading ${purpose}`, {
		description: `${describeNetworkError(cause)}. ${advice}`,
	});
}

function describeNetworkError(error: unknown): string {
	const code = (error as { code?: string })?.code;
	const message = error instanceof Error ? error.message : String(error);
	return code && !message.includes(code) ? `${message} (${code})` : message;
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
	const flat: Record<string, string> = {};
	for (const [name, value] of Object.entries(headers)) {
		if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
	}
	return flat;
}

async function* toIterable(bytes: Uint8Array): AsyncIterable<Uint8Array> {
	yield bytes;
}
