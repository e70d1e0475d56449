// What the emulator's Selling Partner APIs share: Amazon's JSON answers and error lists, the
// access-token check, and token buckets per operation that answer 429 as Amazon does.
import { randomBytes } from 'node:crypto';

export interface SpRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	headers: Record<string, string | string[] | undefined>;
	body: string;
}

export interface SpResponse {
	status: number;
	headers?: Record<string, string>;
	body?: string;
}

export function header(headers: SpRequest['headers'], name: string): string | undefined {
	const value = headers[name];
	return Array.isArray(value) ? value[0] : value;
}

export function jsonHeaders(): Record<string, string> {
	return { 'content-type': 'application/json', 'x-amzn-RequestId': randomBytes(16).toString('hex') };
}

export function json(status: number, body: unknown): SpResponse {
	return { status, headers: jsonHeaders(), body: JSON.stringify(body) };
}

export function error(status: number, code: string, message: string, details?: string): SpResponse {
	return json(status, { errors: [{ code, message, ...(details === undefined ? {} : { details }) }] });
}

/** The SP-API's answer to a request without a valid LWA access token; undefined when it is valid. */
export function refusedToken(request: SpRequest, isValidAccessToken: (token: string) => boolean): SpResponse | undefined {
	const token = header(request.headers, 'x-amz-access-token');
	if (!token) return error(403, 'Unauthorized', 'Access to requested resource is denied.');
	if (!isValidAccessToken(token)) return error(403, 'Unauthorized', 'The access token you provided has expired.');
	return undefined;
}

interface Bucket {
	rate: number;
	burst: number;
	tokens: number;
	updatedAt: number;
}

/** One token bucket per operation, refilled at its rate (requests per second) up to its burst. */
export class TokenBuckets {
	/** Counts of 429 answers, per operation. */
	readonly throttled: Record<string, number> = {};

	private readonly buckets = new Map<string, Bucket>();

	constructor(
		private readonly limits: Record<string, [rate: number, burst: number]>,
		private readonly now: () => number,
	) {
		this.reset();
	}

	reset(): void {
		this.buckets.clear();
		for (const key of Object.keys(this.throttled)) delete this.throttled[key];
		for (const [operation, [rate, burst]] of Object.entries(this.limits)) this.set(operation, rate, burst);
	}

	/** Changes an operation's bucket, e.g. a burst of 1 to see 429s quickly. */
	set(operation: string, rate: number, burst: number): void {
		this.buckets.set(operation, { rate, burst, tokens: burst, updatedAt: this.now() });
	}

	/** Takes a token, or answers 429 with the rate header as Amazon does. */
	take(operation: string): SpResponse | undefined {
		const bucket = this.buckets.get(operation);
		if (!bucket) return undefined;
		const now = this.now();
		bucket.tokens = Math.min(bucket.burst, bucket.tokens + ((now - bucket.updatedAt) / 1000) * bucket.rate);
		bucket.updatedAt = now;
		if (bucket.tokens >= 1) {
			bucket.tokens -= 1;
			return undefined;
		}
		this.throttled[operation] = (this.throttled[operation] ?? 0) + 1;
		return {
			...error(429, 'QuotaExceeded', 'You exceeded your quota for the requested resource.'),
			headers: { ...jsonHeaders(), 'x-amzn-RateLimit-Limit': String(this.limits[operation]?.[0] ?? bucket.rate) },
		};
	}
}
