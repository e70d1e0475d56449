// How the package retries and paces, in one place: the default for a request, Amazon's API
// operations (by their documented rate), S3 downloads and their resumes, and the backoff.
import { Pacer } from './pacer';

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

/** A request of no particular operation (Login with Amazon, the Appstore's link). */
export const DEFAULT_RETRY: RetryPolicy = {
	maxAttempts: 4,
	baseDelayMs: 500,
	throttleDelayMs: 1_000,
	maxDelayMs: 60_000,
};

/** Presigned S3 downloads: each request, and how often a download that breaks half-way is resumed. */
export const S3_RETRY: RetryPolicy = { ...DEFAULT_RETRY, maxAttempts: 4 };
export const S3_RESUMES = 3;

export interface OperationPolicy {
	/** Paces calls made in a loop (status polls) at the documented rate, across the process. */
	pacer?: Pacer;
	retry: RetryPolicy;
}

/**
 * A Selling Partner API operation, by its documented rate (requests per second). Amazon's real
 * limits are per seller and app, often higher, and say so in x-amzn-RateLimit-Limit; so the
 * package does not hold requests back by the documented numbers, but a 429 waits what Amazon
 * says, or one documented token's worth (a minute for createReport). Operations called in a loop
 * (`pacedBurst` given) are also paced at their documented rate.
 */
export function operationPolicy(ratePerSecond: number, pacedBurst?: number): OperationPolicy {
	return {
		pacer: pacedBurst ? new Pacer(ratePerSecond, pacedBurst) : undefined,
		retry: { ...DEFAULT_RETRY, maxAttempts: 3, throttleDelayMs: Math.ceil(1000 / ratePerSecond) },
	};
}

/** The wait before attempt `attempt + 1`: exponential, with jitter, capped. */
export function backoff(policy: RetryPolicy, attempt: number): number {
	const ceiling = Math.min(policy.baseDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
	return ceiling / 2 + Math.random() * (ceiling / 2);
}
